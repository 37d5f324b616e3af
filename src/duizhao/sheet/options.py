"""What goes on a sheet: the audience presets and the teacher's switches, as one frozen value.

A teacher of English wants the English column first, the Chinese as support and no pinyin; a
teacher of Chinese the reverse. :func:`sheet_options` starts from a preset (``--for english``,
``--for chinese``, ``--for both``) and applies the switches given explicitly on top of it:
which sections are printed, which words get readings (all, those at or above an HSK level, the
words new to the class, none), the font size, a black-and-white print, and a page budget
(``--pages N``, fitted by :func:`duizhao.sheet.fit.fit_pages`).

"New words" come from the term bank, but the sheet may not import the bank: the caller (the
command line, or a program) passes them in as data (``new_words``).

Examples:
    >>> o = sheet_options("english")
    >>> o.first, o.reading, sorted(o.sections)
    ('en', 'none', ['glossary', 'vocab-en', 'zh-only'])
    >>> sheet_options("chinese", reading="jyutping", readings_for="level", hsk_level=5).reading
    'jyutping'
    >>> o = sheet_options("chinese", readings_for="level", hsk_level=5)
    >>> o.wants_reading("知識", 3), o.wants_reading("產權", 6), o.wants_reading("的", None)
    (False, True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from ..errors import DuizhaoError

__all__ = [
    "AUDIENCES",
    "READINGS_FOR",
    "SECTIONS",
    "Audience",
    "ReadingsFor",
    "SheetOptions",
    "parse_sections",
    "sheet_options",
]

#: Who the sheet is for (``--for``).
Audience = Literal["english", "chinese", "both"]
#: Every :data:`Audience`.
AUDIENCES: tuple[str, ...] = ("english", "chinese", "both")
#: Which words get readings (``--readings-for``).
ReadingsFor = Literal["all", "level", "new", "none"]
#: Every :data:`ReadingsFor`.
READINGS_FOR: tuple[str, ...] = ("all", "level", "new", "none")
#: The optional parts of a sheet: the glossary table, the two vocabulary tables, and the rows of
#: Chinese with no English counterpart (a lead the translation left out).
SECTIONS: tuple[str, ...] = ("glossary", "vocab-en", "vocab-zh", "zh-only")

_PRESETS: dict[str, dict[str, object]] = {
    "english": {
        "first": "en",
        "reading": "none",
        "sections": frozenset({"glossary", "vocab-en", "zh-only"}),
    },
    "chinese": {
        "first": "zh",
        "reading": "pinyin",
        "sections": frozenset({"glossary", "vocab-zh", "zh-only"}),
    },
    "both": {"first": "en", "reading": "pinyin", "sections": frozenset(SECTIONS)},
}


@dataclass(frozen=True)
class SheetOptions:
    """Everything that decides what a sheet shows (the same for HTML, PDF and Word)."""

    audience: Audience = "both"
    """The preset the options started from."""
    first: Literal["en", "zh"] = "en"
    """The column on the left (and first in Word and on a phone)."""
    reading: Literal["pinyin", "jyutping", "both", "none"] = "pinyin"
    """Readings above the Chinese words."""
    readings_for: ReadingsFor = "all"
    """Which words get them: ``all``, ``level`` (HSK level ≥ :attr:`hsk_level`), ``new``
    (the words in :attr:`new_words`) or ``none``."""
    hsk_level: int = 4
    """The lowest HSK level that gets readings with ``readings_for="level"`` (words of no HSK
    level — rarer than level 7–9 — get them too)."""
    new_words: frozenset[str] = field(default_factory=frozenset)
    """The words new to the class (e.g. ``duizhao bank new``), for ``readings_for="new"``."""
    sections: frozenset[str] = frozenset(SECTIONS)
    """The optional parts printed: a subset of :data:`SECTIONS`."""
    font_size: float = 10.5
    """Body text size in print, in points (the Chinese is a little larger)."""
    grey: bool = False
    """Black-and-white print: highlights as grey shading with underlines, no colours."""

    def wants_reading(self, word: str, hsk: int | None) -> bool:
        """Whether a Chinese word gets its reading under these options."""
        if self.reading == "none" or self.readings_for == "none":
            return False
        if self.readings_for == "level":
            return (hsk is None and len(word) > 1) or (hsk is not None and hsk >= self.hsk_level)
        if self.readings_for == "new":
            return word in self.new_words
        return True


def parse_sections(text: str | Iterable[str]) -> frozenset[str]:
    """Sections from ``"glossary,vocab-en"`` (or a list); ``none`` or an empty text: none.

    Raises:
        DuizhaoError: An unknown section.
    """
    parts = text.split(",") if isinstance(text, str) else list(text)
    out: set[str] = set()
    for p in parts:
        p = p.strip().lower()
        if not p or p == "none":
            continue
        if p == "all":
            out.update(SECTIONS)
            continue
        if p not in SECTIONS:
            raise DuizhaoError(f"unknown section {p!r} (choose from {', '.join(SECTIONS)})")
        out.add(p)
    return frozenset(out)


def sheet_options(audience: str | None = None, **switches: object) -> SheetOptions:
    """The preset of ``audience`` (default ``both``) with the switches given (not ``None``).

    Args:
        audience: ``english``, ``chinese`` or ``both``.
        **switches: Fields of :class:`SheetOptions`; ``sections`` may be a text
            (``"glossary,vocab-en"``), ``new_words`` any iterable of words. ``None`` values are
            ignored (they mean "as the preset says").

    Raises:
        DuizhaoError: An unknown audience, reading, readings policy, section or a bad size.
    """
    audience = audience or "both"
    if audience not in AUDIENCES:
        raise DuizhaoError(f"unknown audience {audience!r} (choose from {', '.join(AUDIENCES)})")
    opts = replace(SheetOptions(audience=audience), **_PRESETS[audience])  # type: ignore[arg-type]
    given = {k: v for k, v in switches.items() if v is not None}
    if "sections" in given and not isinstance(given["sections"], frozenset):
        given["sections"] = parse_sections(given["sections"])  # type: ignore[arg-type]
    if "new_words" in given:
        given["new_words"] = frozenset(given["new_words"])  # type: ignore[call-overload]
        given.setdefault("readings_for", "new")
    unknown = set(given) - set(SheetOptions.__dataclass_fields__)
    if unknown:
        raise DuizhaoError(f"unknown sheet option {sorted(unknown)[0]!r}")
    opts = replace(opts, **given)  # type: ignore[arg-type]
    if opts.reading not in ("pinyin", "jyutping", "both", "none"):
        raise DuizhaoError(
            f"unknown reading {opts.reading!r} (choose from pinyin, jyutping, both, none)"
        )
    if opts.readings_for not in READINGS_FOR:
        raise DuizhaoError(
            f"unknown readings policy {opts.readings_for!r} (choose from {', '.join(READINGS_FOR)})"
        )
    if not 6 <= float(opts.font_size) <= 16:
        raise DuizhaoError(f"font size {opts.font_size} pt is outside 6–16 pt")
    if opts.first not in ("en", "zh"):
        raise DuizhaoError(f"unknown first column {opts.first!r} (en or zh)")
    return opts
