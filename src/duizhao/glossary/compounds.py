"""A two-character first guess gives way to the four-character unit it makes with a rarer word
beside it that nothing else explains (round 17).

Chinese often renders one English word by two words of two characters, a 2+2 unit that is in no
dictionary and no idiom list (倡議團體 "advocacy group", 重獲新生 "revival", 海水化淡
"desalination"): the dictionary, the definition or the length prior speak for one half, and the
first guess is that half. Round 15's "compound extension" (any four-character candidate holding
the first guess) turned right first guesses wrong (監管 → 監管機構), and round 16 took only the
whole idioms and set phrases (:func:`~duizhao.glossary.idioms.whole_phrase_first`).

Here the other half must look like a part of the term's rendering, not a word of its own
sentence: when the dictionary does not translate the whole term by the best candidate (its kind
of evidence is not ``whole``), the best candidate has two characters, and one of the next
:data:`LOOK` candidates is it and two characters more at the same place such that

* no other English word of the sentence explains those two characters, by the dictionary or by
  the encoder (``explained`` and ``explained_encoder`` are 0: 開始 "began" is another word's);
* they are not a common word (HSK 3.0 levels 1–3: 開始, 決定, 目標, 出現 are words a
  translator adds for the grammar of the sentence);
* the encoder puts the unit nearer the term than the first guess (``similarity``),

that unit comes first; for a term of two words or more only a unit that ends with the first
guess (a modifier before its head: 倡議團體 for "advocacy group", not 山洪湧入 "flash flood
pours in" for "flash flood"), as an English noun phrase's Chinese ends with its head. Its own
evidence decides whether it is shown as certain.

Chosen on the fitting pool's leave-one-article-out rows (``benchmarks/fit_glossary.py --dump``),
never on the held-out novels, ``written17`` or ``written18``.

Examples:
    >>> a = Candidate("重獲", {"similarity": 0.18}, [(0, 4, 6)], 1.2)
    >>> b = Candidate("重獲新生", {"similarity": 0.21}, [(0, 4, 8)], 0.9)
    >>> [c.text for c in unit_first([a, b], 1)]
    ['重獲新生', '重獲']
    >>> [c.text for c in unit_first([a, b], 2)]  # a phrase: only a modifier before its head
    ['重獲', '重獲新生']
    >>> c = Candidate("監管機構", {"similarity": 0.10}, [(0, 4, 8)], 0.9)
    >>> [c.text for c in unit_first([a, c], 1)]
    ['重獲', '監管機構']
    >>> d = Candidate("盼望", {"similarity": 0.14}, [(0, 2, 4)], 1.2)
    >>> e = Candidate("開始盼望", {"similarity": 0.19}, [(0, 0, 4)], 0.9)
    >>> [c.text for c in unit_first([d, e], 1)]  # 開始 "to begin" is a common word
    ['盼望', '開始盼望']
"""

from __future__ import annotations

from collections.abc import Sequence

from .confidence import evidence_class
from .features import Candidate
from .idioms import extends

__all__ = ["COMMON_LEVEL", "LOOK", "unit_first"]

#: How many candidates after the first are looked at.
LOOK = 3
#: The highest HSK 3.0 level of a word too common to be a part of the term's rendering.
COMMON_LEVEL = 3


def _common(word: str) -> bool:
    from duizhao.resources.lexicon import hsk_level

    level = hsk_level(word)
    return level is not None and level <= COMMON_LEVEL


def _unit(c: Candidate, best: Candidate, words: int) -> bool:
    if len(c.text) != 4 or not extends(c, best):
        return False
    if words >= 2 and not c.text.endswith(best.text):
        return False
    f = c.features
    if f.get("explained", 0.0) or f.get("explained_encoder", 0.0):
        return False
    if "similarity" not in f or "similarity" not in best.features:
        return False
    if f["similarity"] <= best.features["similarity"]:
        return False
    rest = c.text[2:] if c.text.startswith(best.text) else c.text[:2]
    return not _common(rest)


def unit_first(ranked: Sequence[Candidate], words: int) -> list[Candidate]:
    """The candidates, best first, with the four-character unit of the module's docstring put
    first (``words``: how many words the term has); otherwise as they are."""
    out = list(ranked)
    if len(out) < 2:
        return out
    best = out[0]
    if len(best.text) != 2 or evidence_class(best.features) == "whole":
        return out
    for k in range(1, min(len(out), LOOK + 1)):
        if _unit(out[k], best, words):
            return [out[k], *out[:k], *out[k + 1 :]]
    return out
