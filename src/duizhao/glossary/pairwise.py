"""A pairwise look at the two best candidates: two halves of one unit (round 13).

When the dictionary is silent on both of the two best candidates of a term, the encoder and the
place chose between them; when they stand side by side at the same place and are close in score,
the evidence for that place was split between the two halves of one unit, and the unit is the
counterpart (急起 and 直追 for "catch up": 急起直追; 海水 and 化淡 for "desalination": 海水化淡).
Neither half may translate another English word of the sentence (then the other half is that
word's), and the whole must itself be a candidate (one clause, within the span limits).

The finder asks this only for a term of two words or more as written ("catch up", "take its
toll"), whose counterpart is expected to be about four characters anyway (the ``length``
feature); for a one-word term two such halves are as often a word and its modifier or object
(大幅下滑 "fell sharply" for "slump", 押後實施 "postpone the implementation" for "postponement"):
in the pool's leave-one-article-out predictions the rule was right for one of the three one-word
terms it changed, and for the one term of two words.

The first guess such a rule makes rests on the encoder and its place alone, so its confidence is
capped below the threshold (:mod:`duizhao.glossary.confidence`): it is always marked "check".

Examples:
    >>> a = Candidate("急起", {}, [(0, 4, 6)], 1.9)
    >>> b = Candidate("直追", {}, [(0, 6, 8)], 1.1)
    >>> u = Candidate("急起直追", {}, [(0, 4, 8)], -0.8)
    >>> [c.text for c in halves_first([a, b, u])]
    ['急起直追', '急起', '直追']
    >>> [c.text for c in halves_first([a, Candidate("直追", {}, [(0, 6, 8)], 0.5), u])]
    ['急起', '直追', '急起直追']
"""

from __future__ import annotations

from collections.abc import Sequence

from .confidence import DICTIONARY_FEATURES, TERM_FEATURES
from .features import Candidate

__all__ = ["CLOSE", "halves_first"]

#: How close the second candidate's score must be to the first's (one e-fold of the softmax
#: share: the second has at least about a third of the first's share).
CLOSE = 1.0

_SILENT = frozenset((*DICTIONARY_FEATURES, *TERM_FEATURES, "explained"))


def _silent(c: Candidate) -> bool:
    """No dictionary evidence for the term, and no character another English word explains."""
    f = c.features
    return not any(f.get(k, 0.0) > 0.0 for k in _SILENT)


def _side_by_side(a: Candidate, b: Candidate) -> str | None:
    """The text of the two together when, at one of their places, one ends where the other
    starts (``None`` otherwise)."""
    for p, s, e in a.places:
        for q, t, u in b.places:
            if p != q:
                continue
            if e == t:
                return a.text + b.text
            if u == s:
                return b.text + a.text
    return None


def halves_first(ranked: Sequence[Candidate]) -> list[Candidate]:
    """The candidates, best first, with the whole put first when the best two are its halves
    (see the module's docstring); otherwise as they are."""
    out = list(ranked)
    if len(out) < 3:
        return out
    a, b = out[0], out[1]
    if a.score - b.score > CLOSE or not _silent(a) or not _silent(b):
        return out
    if a.text in b.text or b.text in a.text:
        return out
    whole = _side_by_side(a, b)
    if whole is None:
        return out
    for k, c in enumerate(out):
        if c.text == whole:
            if not _silent(c):
                return out
            return [c, *out[:k], *out[k + 1 :]]
    return out
