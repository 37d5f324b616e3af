"""What a candidate span's features owe to the span alone, not to the term: its characters and
the dictionary words inside it, its edges, its place in the bead's Chinese (the same for every
term of a document that looks at the span: worked out once per bead by
:func:`~duizhao.glossary.features.candidates`). Split from ``features`` in round 15."""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from .candidates import EDGE_WORDS, OPENERS, Span, ZhSentence
from .context import BeadView
from .words import SentenceWords

__all__ = ["Shape", "span_shape"]

#: ``tuple.__new__``: a named tuple of the hot loop made without its ``__new__``'s Python frame.
_new = tuple.__new__


class Shape(NamedTuple):
    """What a span's features owe to the span alone, not to the term (the same for every term
    of a document that looks at the span: worked out once per bead). Characters are bits: bit
    ``c`` is the sentence's character ``c`` (from its start)."""

    n: int
    inside: tuple[int, ...]  # the sentence's words inside the span (indices)
    full: int  # the span's characters
    known: int  # those inside a word CC-CEDICT knows
    fixed: int  # those an open 是…的 frame ending the span accounts for (是 and 的; 0: none)
    idle_known: int  # characters of known / unknown words nothing accounts for, when no word
    idle_unknown: int  # of the span says anything about the term (see words.Said)
    edge: float  # the features of the same names
    in_dict: float
    name: float
    modifier: float
    zpos: float  # the span's middle, start and end as places in the bead's Chinese
    zstart: float
    zend: float
    single: float  # the features of the same names
    whole_token: float
    part: float
    clause: float
    left: int  # the tokens beside it, that may be stray (-9 for a part of a token: none)
    right: int
    edges: frozenset[int]  # its words that are a function word at its edge (see core_term)
    idiom: float  # 1.0: one token the segmenter tagged as an idiom (see idioms.py)


def span_shape(
    s: ZhSentence, span: Span, bead: BeadView, k: int, sentence: SentenceWords
) -> Shape:
    """The :class:`Shape` of candidate ``span`` of the ``k``-th Chinese sentence of ``bead``."""
    start, end = span.start, span.end
    n = end - start
    words, bits, starts = s.words, sentence.words, sentence.starts
    part = span.part
    if part:
        first = last = ""
        a0 = b0 = a1 = b1 = -1
    else:
        first, last = s.simple[span.first], s.simple[span.last]
        a0, b0 = s.tokens[span.first]
        a1, b1 = s.tokens[span.last]
    inside = []
    known = 0
    whole = False
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        w = words[i]
        if w.end > end:
            continue
        inside.append(i)
        if w.gloss is None:
            continue
        if w.aligned or w.end - w.start > 1:  # not a loose character
            known |= bits[i].mask
        if not part and w.end - w.start >= 2:
            # an edge token inside a longer dictionary word of the span is no function word
            # there (最 in 最低工資 "minimum wage", 可 in 可知 "knowable")
            if w.start == a0 and w.end > b0:
                first = ""
            if w.end == b1 and w.start < a1:
                last = ""
        if w.start == start and w.end == end:
            whole = True
    off = start - s.start
    full = ((1 << n) - 1) << off
    fixed = 0
    if last == "的" and n > 2 and "是" in span.text[1:-1]:
        last = ""  # the 是…的 frame: 葡萄是酸的 "the grapes are sour"
        fixed = (1 << (off + n - 1)) | (1 << (off + span.text.index("是", 1)))
    idle = full & ~fixed
    idle_known = (idle & known).bit_count()
    # the words that are its first or last token and a function word there, as ``edge`` counts
    # them (令 in 令小店; 把 "to hold" opening 把這些 "these": not "hold on to")
    edge_words = frozenset(
        i for i in inside
        if span.last != span.first
        and (((first in EDGE_WORDS or first in OPENERS)
              and (words[i].start, words[i].end) == (a0, b0))
             or (last in EDGE_WORDS and (words[i].start, words[i].end) == (a1, b1)))
    )  # fmt: skip
    between = s.simple[span.first + 1 : span.last]
    modifier = not part and ("的" in between or "之" in between)
    # places in the bead's Chinese, as BeadView.zh_position gives them
    o, length = bead.zh_offsets[k], max(1, bead.zh_length)
    return _new(Shape, (
        n, tuple(inside), full, known, fixed, idle_known, idle.bit_count() - idle_known,
        float(
            (first in EDGE_WORDS or (first in OPENERS and span.last != span.first))
            + (last in EDGE_WORDS and span.last != span.first)
        ),
        1.0 if whole else 0.0,
        1.0 if any(s.names[span.first : span.last + 1]) else 0.0,
        1.0 if modifier else 0.0,
        (o + (start + end) / 2 - s.start) / length,
        (o + start - s.start) / length,
        (o + end - s.start) / length,
        1.0 if n == 1 else 0.0,
        1.0 if span.first == span.last and not part else 0.0,
        1.0 if part else 0.0,
        1.0 if span.clause else 0.0,
        -9 if part else span.first - 1,
        -9 if part else span.last + 1,
        edge_words,
        1.0 if not part and span.first == span.last and s.idioms and s.idioms[span.first]
        else 0.0,
    ))  # fmt: skip
