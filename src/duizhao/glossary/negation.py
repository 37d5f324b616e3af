"""A negative term's counterpart keeps its negation (round 16).

An English word whose meaning is the negation of another ("reluctant": *not willing to do sth*;
"underused": *not used as much as it could be*) is often translated by the Chinese negation
of that other word: 不願意, 未被充分使用. The dictionary and the definition then speak for
the positive word inside (願意 "willing", 使用 "use"), and the finder's length prior prefers
the shorter span, so its first guess is the positive word: the opposite of the term.

When the glossary definition says the term is a negation (it opens with *not*, *unable*,
*unwilling*, *without*, *lacking*, *never* or *lack of*), the best candidate holds no
negation itself and the dictionary does not translate the whole term by it (its kind of
evidence is not ``whole``), and a candidate is that one with a negation (不, 未, 沒, 無, 非, 毋)
opening it a few characters before it at the same place (不|願意; 未|被|充分|使用), the
shortest such candidate comes first. A negation that opens another word is none
(不斷 "continuously", 非常 "very", 未來 "future"). And the other way round, when the best
candidate is nothing but a negation (未有, 沒有, 並非), it is half of the counterpart: the
shortest candidate that is that negation and what it negates (未有|準備 for "unprepared",
*not ready*) comes first; not a second negation (並非|沒有 "not without" negates no word).

Chosen on the fitting pool and the older check sets (the tuning part of glossary-mac-dev,
``written8`` to ``written16``), never on the held-out novels or ``written17``. The first guess
it makes keeps its own kind of evidence (``definition`` or ``none`` when only the definition
or nothing speaks for it): such a first guess is marked "check".

Examples:
    >>> a = Candidate("願意", {}, [(0, 5, 7)], 4.0)
    >>> b = Candidate("不願意", {}, [(0, 4, 7)], 2.8)
    >>> [c.text for c in negated_first([a, b], is_negative("not willing to do sth"))]
    ['不願意', '願意']
    >>> [c.text for c in negated_first([a, b], is_negative("willing to do sth"))]
    ['願意', '不願意']
    >>> n = Candidate("未有", {}, [(0, 0, 2)], 1.0)
    >>> m = Candidate("未有準備", {}, [(0, 0, 4)], 0.5)
    >>> [x.text for x in negated_first([n, m], True)]
    ['未有準備', '未有']
    >>> c = Candidate("不斷願意", {}, [(0, 3, 7)], 2.8)
    >>> [x.text for x in negated_first([a, c], True)]
    ['願意', '不斷願意']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from duizhao.text.english import word_set

from .confidence import evidence_class
from .features import Candidate

__all__ = ["NEGATIONS", "is_negative", "negated_first"]

#: Characters that open a Chinese negation (Traditional and Simplified).
NEGATIONS = frozenset("不未沒没無无非毋")
#: Words that open with one of them and negate nothing (Traditional and Simplified).
_NOT_NEGATIONS = word_set(
    "不斷 不断 不過 不过 不少 不僅 不仅 不但 不論 不论 不管 不久 不妨 不如 不然 "
    "非常 非但 無論 无论 未來 未来 未必 無疑 无疑"
)
#: Words that are nothing but a negation (Traditional and Simplified).
_BARE = word_set(
    "不 未 沒 没 無 无 非 毋 未有 沒有 没有 並非 并非 未能 不能 無法 无法 毫無 毫无 "
    "從未 从未 並未 并未 並不 并不 從不 从不"
)
#: Definitions that say the term is a negation.
_NEGATIVE_DEFINITION = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:not|unable|unwilling|without|lacking|never|lack of)\b", re.I
)
#: The most characters the negation and what stands between it and the best candidate take.
MAX_PREFIX = 4


def is_negative(definition: str) -> bool:
    """Whether a glossary definition says its term is a negation.

    Examples:
        >>> is_negative("not willing to do sth"), is_negative("(adj.) unable to act")
        (True, True)
        >>> is_negative("to make sth less severe"), is_negative("nothing but trouble")
        (False, False)
    """
    return bool(_NEGATIVE_DEFINITION.match(definition))


def _negated(prefix: str) -> bool:
    """Whether the characters before a word open with a negation of it."""
    return (
        0 < len(prefix) <= MAX_PREFIX
        and prefix[0] in NEGATIONS
        and prefix[:2] not in _NOT_NEGATIONS
    )


def _extends(c: Candidate, best: Candidate) -> bool:
    """``c`` is ``best`` with a negation opening it, at one of ``best``'s places."""
    if not c.text.endswith(best.text) or not _negated(c.text[: -len(best.text)]):
        return False
    ends = {(p, e) for p, _, e in best.places}
    return any((p, e) in ends for p, _, e in c.places)


def _completes(c: Candidate, best: Candidate) -> bool:
    """``c`` is the bare negation ``best`` with what it negates, at one of its places (not a
    second negation: 並非沒有 "not without" negates no word)."""
    rest = c.text[len(best.text) :]
    if not c.text.startswith(best.text) or not 0 < len(rest) <= MAX_PREFIX:
        return False
    if rest[0] in NEGATIONS:
        return False
    starts = {(p, s) for p, s, _ in best.places}
    return any((p, s) in starts for p, s, _ in c.places)


def negated_first(ranked: Sequence[Candidate], negative: bool) -> list[Candidate]:
    """The candidates, best first, with the best one's negation put first as the module's
    docstring says when the term is a negation (``negative``: :func:`is_negative` of its
    definition); otherwise as they are."""
    out = list(ranked)
    if len(out) < 2 or not negative:
        return out
    best = out[0]
    if evidence_class(best.features) == "whole":
        return out
    if best.text in _BARE:
        found = [(len(c.text), k) for k, c in enumerate(out[1:], 1) if _completes(c, best)]
    elif any(ch in NEGATIONS for ch in best.text):
        return out
    else:
        found = [(len(c.text), k) for k, c in enumerate(out[1:], 1) if _extends(c, best)]
    if not found:
        return out
    k = min(found)[1]
    return [out[k], *out[:k], *out[k + 1 :]]
