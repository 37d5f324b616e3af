"""Sentence splitting for English and Chinese paragraphs.

Both splitters return :class:`~duizhao.model.Sentence` offsets into the paragraph text. The gaps
between sentences (and before the first, after the last) are whitespace only, so the sentences
always join back into the paragraph.

English uses pysbd, a rule-based splitter that survives abbreviations (Mr., U.S., No.), decimals
(0.1%), initials, quotes and dashes. Chinese ends a sentence after a run of 。！？ (or ……), keeping
the closing quotes and brackets that follow with their sentence::

    >>> [s for s in split_zh_text("他說：「好。」然後走了！")]
    ['他說：「好。」', '然後走了！']

Both take time linear in the length of the paragraph: a stretch of more than
:data:`MAX_SENTENCE` characters without sentence punctuation is cut at a clause mark or a space
(:func:`split_long`, the fallback splitter), and pysbd reads a long paragraph window by window.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import TYPE_CHECKING

from ..model import Lang, Sentence
from .quotes import after_closing_quote_cuts, opening_quotes

if TYPE_CHECKING:
    import pysbd

__all__ = [
    "MAX_SENTENCE",
    "WINDOW",
    "split_en",
    "split_long",
    "split_sentences",
    "split_zh",
    "split_zh_text",
]

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
    """Split Chinese text after 。！？ and ……, keeping closing quotes with their sentence.

    A stretch longer than :data:`MAX_SENTENCE` characters without any of them is cut at its last
    clause mark (；，：、) or space (see :func:`split_long`).
    """
    cuts = []
    for m in _ZH_END.finditer(text):
        end = m.end()
        # Whitespace matched by the pattern belongs to the gap, not to the sentence.
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        if end < len(text):
            cuts.append(end)
    return _from_cuts(text, split_long(text, cuts))


def split_zh_text(text: str) -> list[str]:
    """The sentences of a Chinese text as strings (a convenience for examples and tests)."""
    return [text[s.start : s.end] for s in split_zh(text)]


# Read-only: the English splitter, built once a process.
@cache
def _pysbd() -> pysbd.Segmenter:
    import pysbd

    from .abbreviations import english

    seg = pysbd.Segmenter(language="en", clean=False)
    seg.language_module = english()  # its abbreviation patterns compiled once (see there)
    return seg


#: Characters pysbd reads at once. Its time grows faster than the length of its input (a
#: 200,000-character paragraph took minutes), so a longer paragraph is read window by window:
#: each window starts at the last sentence the previous one found, so that every sentence is
#: read whole at least once.
WINDOW = 2000

#: The longest sentence kept whole: a longer stretch without sentence punctuation (a paragraph
#: with no full stops, a list of words) is cut at its last clause mark or space before the limit.
MAX_SENTENCE = 2000

_SOFT = (";；", ",，:：、—–", " \t\u3000")


def split_long(text: str, cuts: list[int], limit: int | None = None) -> list[int]:
    """Add cuts so that no stretch between cuts is longer than ``limit`` characters.

    The fallback splitter for text without sentence punctuation: a long stretch is cut after
    its last semicolon in the second half of each ``limit`` characters, else after its last
    comma, colon, enumeration comma or dash, else at its last space, else at the limit itself.

    Examples:
        >>> text = "one, two; three four five"
        >>> split_long(text, [], limit=12)  # "one, two;" "three four" "five"
        [9, 21]
    """
    limit = MAX_SENTENCE if limit is None else limit
    out: list[int] = []
    prev = 0
    for c in [*cuts, len(text)]:
        while c - prev > limit:
            prev = _soft_cut(text, prev, prev + limit)
            out.append(prev)
        if c < len(text):
            out.append(c)
        prev = c
    return out


def _soft_cut(text: str, lo: int, hi: int) -> int:
    """Where to cut ``text[lo:hi]`` that has no sentence end: after the best clause mark or space
    in its second half (``hi`` if there is none)."""
    floor = lo + (hi - lo) // 2
    for marks in _SOFT:
        best = max(text.rfind(ch, floor, hi) for ch in marks)
        if best >= floor:
            return best + 1
    return hi


def split_en(text: str) -> tuple[Sentence, ...]:
    """Split English text with pysbd, mapping each sentence back onto ``text``.

    Line breaks inside a paragraph (hard-wrapped text) are read as spaces. If pysbd ever returns
    a sentence that cannot be found in the text, the rest is kept as one sentence, never lost.
    A paragraph longer than :data:`WINDOW` characters is read window by window, and a sentence
    longer than :data:`MAX_SENTENCE` is cut (:func:`split_long`), so the time is linear in the
    length of the paragraph.
    """
    flat = text.replace("\n", " ")
    cuts: list[int] = []
    pos = 0
    while True:
        end = min(len(flat), pos + WINDOW)
        found = _pysbd_cuts(flat, pos, end)
        if end == len(flat):
            cuts += found
            break
        if found:
            cuts += found
            pos = found[-1]  # the last sentence may run past the window: read it again
        else:
            pos = _soft_cut(flat, pos, end)  # one sentence longer than the window
    cuts = sorted({c for c in cuts if 0 < c < len(text)} | _after_letter_cuts(flat))
    return _from_cuts(text, split_long(text, _merge_closers(text, cuts)))


#: a lone capital letter and a full stop (pysbd reads it as an initial: "John F. Kennedy") before a
#: word that starts sentences and is no name, followed by a space: a place or a label ends the
#: sentence there ("a ridge above Shek O. The trail", "vitamin A. It helps")
_LETTER_END = re.compile(
    r"(?<![\w.])[A-Z]\.\s+(?=(?:The|A|An|It|Its|This|That|These|Those|They|Their|There|We|Our|"
    r"He|His|She|Her|You|Your|In|On|At|But|And|So|Then|If|When|As|After|Before|Some|Many|Most|"
    r"All|Every|No|Each|From|To|With)\s)"
)


def _after_letter_cuts(flat: str) -> set[int]:
    """Where a sentence starts after a lone capital letter's full stop (:data:`_LETTER_END`)."""
    if ". " not in flat:
        return set()
    return {m.end() for m in _LETTER_END.finditer(flat)}


def _pysbd_cuts(flat: str, lo: int, hi: int) -> list[int]:
    """Where pysbd starts a new sentence in ``flat[lo:hi]`` (offsets into ``flat``, > ``lo``)."""
    part = flat[lo:hi]
    cuts: list[int] = []
    pos = 0
    for piece in _pysbd_segment(part):
        piece = piece.strip()
        if not piece:
            continue
        found = part.find(piece, pos)
        if found < 0:
            break  # pysbd changed the text: keep the rest as one sentence
        if found > 0:
            cuts.append(lo + found)
        pos = found + len(piece)
    return cuts


def _pysbd_segment(text: str) -> list[str]:
    """``pysbd.Segmenter(language="en", clean=False).segment(text)``, without its last step's
    regular expressions.

    pysbd finds each sentence back in the text with a new pattern (the escaped sentence and
    ``\\s*``), which costs a compilation per sentence and pushes pysbd's own patterns out of
    ``re``'s cache; this finds it with ``str.find`` instead: the same leftmost non-overlapping
    occurrence ending after the previous sentence, with its trailing whitespace (``\\s`` and
    ``str.isspace`` are the same characters), so the same strings.
    """
    if not text:
        return []
    seg = _pysbd()
    seg.original_text = text
    sentences = seg.processor(text).process()
    out: list[str] = []
    prior = 0
    for sent in sentences:
        if not sent:  # pysbd's pattern is ``\s*`` alone: placed as pysbd places it
            for m in re.finditer(r"\s*", text):
                if m.end() > prior:
                    out.append(m.group())
                    prior = m.end()
                    break
            continue
        pos = 0
        while True:
            i = text.find(sent, pos)
            if i < 0:
                break
            j = i + len(sent)
            while j < len(text) and text[j].isspace():
                j += 1
            if j > prior:
                out.append(text[i:j])
                prior = j
                break
            pos = j
    return out


_BLANK_RUN = re.compile(r"\s*")


def _merge_closers(text: str, cuts: list[int]) -> list[int]:
    """Drop cuts that would start a sentence with a closing quote or bracket or a lowercase word
    continuing a quotation (pysbd sometimes cuts inside ``"…?" he asked``).

    A straight quote (``"`` or ``'``) starts a sentence only when it opens a quotation and a
    capital letter follows (:func:`~duizhao.text.quotes.opening_quotes`: by its parity in the
    paragraph and what is around it; apostrophes never do); such a quote right after a quoted
    sentence's closing quote (``'Why?' 'Because.'``) starts one too.
    """
    if "\"" in text or "'" in text:
        opening = opening_quotes(text)
        cuts = sorted({*cuts, *after_closing_quote_cuts(text, opening)})
    else:
        opening = frozenset()
    out = []
    for c in cuts:
        k = _BLANK_RUN.match(text, c).end()  # type: ignore[union-attr]
        if k == len(text) or text[k].islower():
            continue
        if text[k] in _CLOSERS and not (k in opening and _capital_follows(text, k + 1)):
            continue
        out.append(c)
    return out


def _capital_follows(text: str, k: int) -> bool:
    """Whether a capital letter follows offset ``k`` (after at most one more quote)."""
    if k < len(text) and text[k] in "\"'“‘":
        k += 1
    return k < len(text) and text[k].isupper()
