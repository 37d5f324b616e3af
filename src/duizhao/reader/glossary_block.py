"""A glossary under a header the reader does not know (``Trail notes``): found, never silent.

The editorial format starts a glossary at a known header (``Glossary``, ``生字``, ``Key words
重點詞彙``, …). A teacher's own caption is not one, and the entries under it would be read as
English paragraphs with no message. This looks at the end of the text: a run of at least
:data:`MIN_ENTRIES` short lines after the last paragraph, each a glossary line, with no known
header above it.

* When every line has the shape only a glossary line has — a Chinese equivalent or a part of
  speech (``term – 中文 – definition``, ``term (n.) …``) — the run is read as the glossary and the
  caption above it taken out, with a warning naming the caption's line.
* When the lines are only ``term: definition`` (which an English paragraph may also be), they are
  left as paragraphs, with a warning naming the first of them and saying how to make it the
  glossary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .builder import TERMINAL
from .decode import BLANKS
from .glossary_line import is_glossary_header, is_table_furniture, parse_glossary_line

__all__ = ["MIN_ENTRIES", "UnknownGlossary", "find_unknown_glossary", "message"]

MIN_ENTRIES = 3
"""The fewest lines that make a glossary block."""
_MAX_LINE = 200
"""The longest glossary line, in characters."""
_MAX_TERM_WORDS = 5
_MAX_CAPTION = 60
_SPEAKER = re.compile(r"^(?:[A-Z]|[QA]\d*|[問答问])$")
"""A speaker label of an interview (``Q:``, ``A:``), not a term."""


@dataclass(frozen=True)
class UnknownGlossary:
    """A run of glossary lines at the end of the text (indices into the lines)."""

    first: int
    last: int
    caption: int | None
    """The short line just above the run (``Trail notes``), if any."""
    read: bool
    """True: read the run as the glossary; False: leave it as paragraphs, and warn."""


def _entry_shape(line: str) -> str | None:
    """``"strong"`` for a glossary line with a Chinese equivalent or a part of speech, ``"weak"``
    for ``term: definition`` only, ``"bare"`` for ``term 中文`` with no definition (an entry, or a
    caption: ``From the wings 後台``), ``None`` for no glossary line."""
    if len(line) > _MAX_LINE or is_glossary_header(line):
        return None
    entry = parse_glossary_line(line)
    if entry is None or len(entry.term.split()) > _MAX_TERM_WORDS:
        return None
    if _SPEAKER.match(entry.term):
        return None
    if not entry.definition and not entry.pos:
        return "bare"
    return "strong" if entry.zh or entry.pos else "weak"


def find_unknown_glossary(lines: list[str]) -> UnknownGlossary | None:
    """The run of glossary lines ending the text under no known header, or ``None``.

    Examples:
        >>> text = ["An article.", "", "Trail notes", "a (n.): x", "b (n.): y", "c (v.): z"]
        >>> find_unknown_glossary(text)
        UnknownGlossary(first=3, last=5, caption=2, read=True)
        >>> find_unknown_glossary(["An article.", "", "Glossary", "a (n.): x", "b (n.): y",
        ...                        "c (v.): z"]) is None
        True
    """
    k = len(lines) - 1
    while k >= 0 and not lines[k].strip(BLANKS):
        k -= 1
    last = k
    shapes: list[str] = []
    while k >= 0 and (line := lines[k].strip(BLANKS)):
        shape = _entry_shape(line)
        if shape is None:
            break
        shapes.append(shape)
        k -= 1
    first = k + 1
    if len(shapes) > MIN_ENTRIES and shapes[-1] == "bare" and "bare" not in shapes[:-1]:
        shapes.pop()  # the top line alone has no definition: the caption, not an entry
        first, k = first + 1, k + 1
    shapes = ["strong" if s == "bare" else s for s in shapes]
    if len(shapes) < MIN_ENTRIES:
        return None
    caption: int | None = None
    above = lines[k].strip(BLANKS) if k >= 0 else ""
    if above:
        if is_glossary_header(above) or is_table_furniture(above):
            return None  # a known glossary: the format reads it
        if len(above) <= _MAX_CAPTION and not TERMINAL.search(above):
            caption = k
        else:
            return None  # the run goes on a paragraph: no block of its own
    if any(is_glossary_header(t.strip(BLANKS)) for t in lines[:first]):
        return None  # inside a glossary section the format already reads
    return UnknownGlossary(first, last, caption, read=all(s == "strong" for s in shapes))


def message(block: UnknownGlossary, lines: list[str], first_line: int) -> tuple[int, str]:
    """The warning about ``block``: the line it names and the text."""
    span = f"lines {first_line + block.first}–{first_line + block.last}"
    if block.caption is not None:
        line = first_line + block.caption
        caption = lines[block.caption].strip(BLANKS)
        head = f"{span} look like a glossary under the unknown header {caption!r}"
    else:
        line = first_line + block.first
        head = f"{span} look like a glossary with no header"
    if block.read:
        return line, f"{head}: read them as the glossary"
    return line, (
        f"{head}: read as English paragraphs (put a 'Glossary' header above them to make them "
        "the glossary)"
    )
