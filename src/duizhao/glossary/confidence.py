"""The confidence in a counterpart: the best candidate's softmax share, calibrated.

``logistic(a + b · logit(share) + c · nested + d · score)`` (the numbers fitted by
``benchmarks/fit_glossary.py`` on held-apart predictions), capped where the evidence is of a kind
that is right less often than the threshold asks: no dictionary support at all (the encoder and
its place alone), or only the glossary definition's, through a word another English word of the
sentence translates too (round 12). :class:`~duizhao.glossary.finder.CounterpartFinder` calls
these; the fitting script does too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .features import Candidate
from .query import DEFINITION_FLOOR

__all__ = [
    "DICTIONARY_FEATURES", "EVIDENCE_CLASSES", "TERM_FEATURES", "calibrated", "evidence",
    "evidence_class",
]  # fmt: skip


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _nested(a: str, b: str) -> bool:
    return a in b or b in a


#: The features that are dictionary evidence: a best candidate without any rests on the
#: encoder and its place alone (see :func:`evidence`).
DICTIONARY_FEATURES = ("dict_term", "dict_char", "dict_def")
#: The dictionary evidence that comes from the term's own words (the rest, ``dict_def``, from its
#: glossary definition): a best candidate only the definition supports, with a word another
#: English word of the sentence translates too, is that word's more likely than the term's
#: (專利 "patent" for "licensing", defined as "… especially a patent", in "Patent licensing").
TERM_FEATURES = ("dict_term", "dict_char", "dict_focus")


def calibrated(
    calibration: Sequence[float], share: float, nested: float, score: float, dictionary: float
) -> float:
    """The confidence in a best candidate: ``logistic(a + b · logit(share) + c · nested +
    d · score)`` for ``calibration = (a, b, c, d, cap[, cap_definition])``: its softmax share,
    the shares of the candidates inside or around it, and its score (how much evidence there is
    at all); at most ``cap`` when no dictionary supports it (``dictionary`` 0: the encoder and
    its place alone, right about three times in four where the finder was fitted: 聊天 "to chat"
    for "chatbot"), and at most ``cap_definition`` when only the glossary definition's words do
    (``dictionary`` 0.5: see :data:`TERM_FEATURES`).

    Examples:
        >>> round(calibrated((0.0, 1.0, 0.0, 0.0, 0.75), 0.9, 0.0, 1.0, 1.0), 2)
        0.9
        >>> calibrated((0.0, 1.0, 0.0, 0.0, 0.75), 0.9, 0.0, 1.0, 0.0)
        0.75
        >>> calibrated((0.0, 1.0, 0.0, 0.0, 0.75, 0.8), 0.9, 0.0, 1.0, 0.5)
        0.8
    """
    a, b, c, d, cap = calibration[:5]
    z = a + b * _logit(share) + c * nested + d * score
    p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    if not dictionary:
        return min(p, cap)
    if dictionary < 1.0 and len(calibration) > 5:
        return min(p, calibration[5])
    return p


def evidence(
    found: Sequence[Candidate], shares: Sequence[float]
) -> tuple[float, float, float, float]:
    """What the confidence in the best of ranked candidates is calibrated on: its softmax share,
    the shares of the candidates inside it or around it, its score, and how a dictionary supports
    it (see :func:`calibrated`): 0.0 not at all (a ``dict_def`` of one of the definition's
    commonest words at most, :data:`~duizhao.glossary.query.DEFINITION_FLOOR`, is none: 並非
    "really isn't" for "unfounded", defined "not based on facts"); 0.5 through the glossary
    definition's words
    only, one of which another English word of the bead translates too (``shadowed``: 專利
    "patent" for "licensing" in "Patent licensing"); 1.0 otherwise.

    Examples:
        >>> best = Candidate("集群", {"dict_term": 1.0}, [], 2.0)
        >>> evidence([best, Candidate("群", {}, [], 1.0)], [0.7, 0.3])
        (0.7, 0.3, 2.0, 1.0)
        >>> evidence([Candidate("專利", {"dict_def": 1.0, "shadowed": 1.0}, [], 2.0)], [0.8])
        (0.8, 0, 2.0, 0.5)
        >>> evidence([Candidate("並非", {"dict_def": 0.1}, [], -0.5)], [0.88])
        (0.88, 0, -0.5, 0.0)
    """
    best = found[0]
    pairs = zip(found[1:], shares[1:], strict=False)
    nested = sum(s for c, s in pairs if _nested(best.text, c.text))
    f = best.features
    # the definition's commonest words are no support (see DEFINITION_FLOOR)
    if not any(f.get(k, 0.0) > 0.0 for k in TERM_FEATURES) and f.get(
        "dict_def", 0.0
    ) <= DEFINITION_FLOOR:
        supported = 0.0
    elif f.get("shadowed", 0.0) > 0.0 and not any(f.get(k, 0.0) > 0.0 for k in TERM_FEATURES):
        supported = 0.5
    else:
        supported = 1.0
    return shares[0], nested, best.score, supported


#: The kinds of evidence a best candidate can rest on, each with its own threshold (round 14;
#: :data:`~duizhao.glossary.weights.CLASS_THRESHOLDS`): ``whole``, the dictionary translates every
#: word of the term inside the span (``dict_term`` and ``dict_char`` add up to 1); ``part``, it
#: translates some of them (團體 for "advocacy group", 資本 for "venture capital": often a span
#: too short); ``definition``, only the glossary definition's words (被迫 "to be forced" for
#: "displace", defined "to force people to leave …"); ``none``, no dictionary at all.
EVIDENCE_CLASSES = ("whole", "part", "definition", "none")


def evidence_class(features: Mapping[str, float]) -> str:
    """Which of :data:`EVIDENCE_CLASSES` a best candidate's evidence is (its features).

    Examples:
        >>> evidence_class({"dict_term": 1.0}), evidence_class({"dict_term": 0.5})
        ('whole', 'part')
        >>> evidence_class({"dict_term": 0.5, "dict_char": 0.5})
        'part'
        >>> evidence_class({"dict_term": 1.0, "core_term": 0.0})
        'part'
        >>> evidence_class({"dict_def": 0.6}), evidence_class({"dict_def": 0.1})
        ('definition', 'none')
    """
    if any(features.get(k, 0.0) > 0.0 for k in TERM_FEATURES):
        # only whole words of the span that are not a function word at its edge (round 15): a
        # character inside a longer word (步 "step" in 一步, ``dict_char``) or an edge word
        # (令 "to make" of 令小店) may be the term's, but the span is often not its counterpart
        whole = features.get("core_term", features.get("dict_term", 0.0))
        return "whole" if whole >= _WHOLE else "part"
    return "definition" if features.get("dict_def", 0.0) > DEFINITION_FLOOR else "none"


#: ``dict_term`` + ``dict_char`` at which every word of the term counts as translated (the
#: strengths are shares of the term's words, each at most 1; a little under 1 for rounding).
_WHOLE = 0.99
