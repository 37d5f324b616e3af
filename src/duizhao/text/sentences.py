"""Sentence splitting for English and Chinese paragraphs.

Both splitters return :class:`~duizhao.model.Sentence` offsets into the paragraph text. The gaps
between sentences (and before the first, after the last) are whitespace only, so the sentences
always join back into the paragraph.

English uses pysbd, a rule-based splitter that survives abbreviations (Mr., U.S., No.), decimals
(0.1%), initials, quotes and dashes. Chinese ends a sentence after a run of 。！？ (or ……), keeping
the closing quotes and brackets that follow with their sentence::

    >>> [s for s in split_zh_text("他說：「好。」然後走了！")]
    ['他說：「好。」', '然後走了！']
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import TYPE_CHECKING

from ..model import Lang, Sentence

if TYPE_CHECKING:
    import pysbd

__all__ = ["split_en", "split_sentences", "split_zh", "split_zh_text"]

# A Chinese sentence ends after a run of terminal punctuation (。！？, their ASCII forms, ……)
# and any closing quotes or brackets right after it.
_ZH_END = re.compile(r"(?:[。！？!?]|…{1,2}|\.{3})+[」』”’）)》〉】〕\]\"'\s]*")
_CLOSERS = "」』”’）)》〉】〕]\"'"


def split_sentences(text: str, lang: Lang) -> tuple[Sentence, ...]:
    """Split a paragraph into sentences.

    Args:
        text: The paragraph text.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        Sentence offsets in order; empty only when the text is blank.
    """
    return split_en(text) if lang == "en" else split_zh(text)


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end) if end > start else None


def _from_cuts(text: str, cuts: list[int]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    bounds = [0, *cuts, len(text)]
    for a, b in itertools.pairwise(bounds):
        s = _trimmed(text, a, b)
        if s is not None:
            out.append(s)
    return tuple(out)


def split_zh(text: str) -> tuple[Sentence, ...]:
    """Split Chinese text after 。！？ and ……, keeping closing quotes with their sentence."""
    cuts = []
    for m in _ZH_END.finditer(text):
        end = m.end()
        # Whitespace matched by the pattern belongs to the gap, not to the sentence.
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        if end < len(text):
            cuts.append(end)
    return _from_cuts(text, cuts)


def split_zh_text(text: str) -> list[str]:
    """The sentences of a Chinese text as strings (a convenience for examples and tests)."""
    return [text[s.start : s.end] for s in split_zh(text)]


# Read-only: the English splitter, built once a process.
@cache
def _pysbd() -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_en(text: str) -> tuple[Sentence, ...]:
    """Split English text with pysbd, mapping each sentence back onto ``text``.

    Line breaks inside a paragraph (hard-wrapped text) are read as spaces. If pysbd ever returns
    a sentence that cannot be found in the text, the rest is kept as one sentence, never lost.
    """
    flat = text.replace("\n", " ")
    cuts: list[int] = []
    pos = 0
    for piece in _pysbd().segment(flat):
        piece = piece.strip()
        if not piece:
            continue
        found = flat.find(piece, pos)
        if found < 0:
            break  # pysbd changed the text: keep the rest as one sentence
        if found > 0:
            cuts.append(found)
        pos = found + len(piece)
    cuts = sorted({c for c in cuts if 0 < c < len(text)})
    return _from_cuts(text, _merge_closers(text, cuts))


def _merge_closers(text: str, cuts: list[int]) -> list[int]:
    """Drop cuts that would start a sentence with a closing quote or bracket or a lowercase word
    continuing a quotation (pysbd sometimes cuts inside ``"…?" he asked``)."""
    out = []
    for c in cuts:
        rest = text[c:].lstrip()
        if not rest or rest[0] in _CLOSERS or rest[0].islower():
            continue
        out.append(c)
    return out
