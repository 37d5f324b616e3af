"""A four-character idiom for a term the dictionary does not translate (round 14, second pass),
and the whole idiom a first guess one word too short begins or ends (round 16, second pass:
:func:`whole_phrase_first`).

A term whose Chinese is a chengyu is often rendered by one whose words CC-CEDICT does not link
to the English at all: "lavishly" 一擲千金, "unfounded" 無的放矢, "fend for oneself" 自生自滅. Then
nothing in the dictionary speaks for any candidate, and the first guess is a short word beside
the idiom that the encoder or the place preferred (上, 並非, 任由), the idiom second or third.

When the best candidate has no dictionary evidence for any word of the term (its kind of
evidence is ``definition`` or ``none``), and one of the next two is a four-character CC-CEDICT
entry marked "(idiom)" with no dictionary evidence either and no character another English word
of the sentence explains, the idiom is put first: a translator who wrote a chengyu there meant
the whole of it, and a word beside it that nothing links to the term is no better evidence.

An idiom is a four-character CC-CEDICT entry marked "(idiom)", or (round 15) a token the
segmenter tagged as one (jieba's ``i``, any length): 繁文縟節 "red tape", which CC-CEDICT has
without the mark.

Chosen by the fitting pool's leave-one-article-out predictions (``benchmarks/fit_glossary.py
--dump``): among the first guesses without dictionary evidence, the rule changed three, all to
the right idiom, and no right one. The first guess it makes has no dictionary evidence, so its
kind (``definition`` or ``none``) is never shown as certain: it is always marked "check".

Examples:
    >>> a = Candidate("任由", {}, [(0, 0, 2)], 1.2)
    >>> b = Candidate("自生自滅", {}, [(0, 3, 7)], 0.9)
    >>> [c.text for c in idioms_first([a, b])]
    ['自生自滅', '任由']
    >>> [c.text for c in idioms_first([Candidate("任由", {"dict_term": 1.0}, [], 1.2), b])]
    ['任由', '自生自滅']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from duizhao.text.convert import to_simplified

from .confidence import TERM_FEATURES, evidence_class
from .features import Candidate

__all__ = ["LOOK", "extends", "idioms_first", "is_idiom", "set_phrase_kind", "whole_phrase_first"]

#: How many candidates after the first are looked at.
LOOK = 2
#: The fewest words of a term whose first guess is extended to a whole set phrase (not only an
#: idiom).
MIN_WORDS = 2


@lru_cache(maxsize=4096)
def is_idiom(text: str) -> bool:
    """Whether a text is a four-character CC-CEDICT entry marked "(idiom)".

    Examples:
        >>> is_idiom("一擲千金"), is_idiom("醫護人員"), is_idiom("並非")
        (True, False, False)
    """
    if len(text) != 4:
        return False
    from duizhao.resources.lexicon import cedict

    return any("(idiom" in g for e in cedict().lookup(to_simplified(text)) for g in e.glosses)


def _idiom(c: Candidate) -> bool:
    """A CC-CEDICT idiom (:func:`is_idiom`), or a token the segmenter tagged as one (jieba's
    ``i``: 繁文縟節 "red tape", which CC-CEDICT does not mark; round 15)."""
    return c.features.get("idiom_tag", 0.0) > 0.0 or is_idiom(c.text)


def _untranslated(c: Candidate) -> bool:
    """No dictionary evidence for any word of the term."""
    return not any(c.features.get(k, 0.0) > 0.0 for k in TERM_FEATURES)


def idioms_first(ranked: Sequence[Candidate]) -> list[Candidate]:
    """The candidates, best first, with an idiom put first as the module's docstring says;
    otherwise as they are."""
    out = list(ranked)
    if len(out) < 2 or not _untranslated(out[0]) or _idiom(out[0]):
        return out
    for k in range(1, min(len(out), LOOK + 1)):
        c = out[k]
        if _idiom(c) and _untranslated(c) and not c.features.get("explained", 0.0):
            return [c, *out[:k], *out[k + 1 :]]
    return out


#: jieba's tags of an idiom (成語: 水土流失, 不成比例) and of a set phrase (習用語: 不可或缺,
#: 自行處理, 大型活動).
IDIOM_TAG, SET_PHRASE_TAG = "i", "l"


@lru_cache(maxsize=4096)
def set_phrase_kind(text: str) -> str:
    """Whether a text is a four-character idiom (``"idiom"``: a CC-CEDICT "(idiom)" entry,
    :func:`is_idiom`, or a word jieba's dictionary tags ``i``), a set phrase (``"phrase"``:
    tagged ``l``), or neither (``""``).

    Examples:
        >>> set_phrase_kind("水土流失"), set_phrase_kind("自行處理"), set_phrase_kind("監管機構")
        ('idiom', 'phrase', '')
    """
    if len(text) != 4:
        return ""
    if is_idiom(text):
        return "idiom"
    from duizhao.resources.wordtags import set_phrase_tags

    tag = set_phrase_tags().get(to_simplified(text))
    return "idiom" if tag == IDIOM_TAG else "phrase" if tag == SET_PHRASE_TAG else ""


def extends(c: Candidate, best: Candidate) -> bool:
    """``c`` is ``best`` and more, beginning or ending where ``best`` does at one of its
    places."""
    if c.text.startswith(best.text):
        ends = {(p, s) for p, s, _ in best.places}
        return any((p, s) in ends for p, s, _ in c.places)
    if c.text.endswith(best.text):
        ends = {(p, e) for p, _, e in best.places}
        return any((p, e) in ends for p, _, e in c.places)
    return False


def whole_phrase_first(ranked: Sequence[Candidate], words: int) -> list[Candidate]:
    """The candidates, best first, with the whole idiom or set phrase the best one begins or
    ends put first (round 16, second pass): 水土流失 for "erosion", not 水土.

    When the dictionary does not translate the whole term by the best candidate (its kind of
    evidence is not ``whole``), the best candidate is shorter than four characters, and a
    candidate is a four-character idiom (:func:`set_phrase_kind`, or a token the segmenter
    tagged as one) that is it and more at the same place, with no character another English
    word of the sentence explains, that idiom comes first; for a term of ``words`` ≥ 2 words, a
    set phrase too (jieba's ``l``). A set phrase is often a word and its modifier (自行處理 "deal
    with by oneself", 大型活動 "large event"): for a one-word term the modifier is seldom the
    term's, for a phrase it may render the other words.

    Examples:
        >>> a = Candidate("流失", {}, [(0, 2, 4)], 1.2)
        >>> b = Candidate("水土流失", {}, [(0, 0, 4)], 0.9)
        >>> [c.text for c in whole_phrase_first([a, b], 1)]
        ['水土流失', '流失']
        >>> a = Candidate("處理", {}, [(0, 2, 4)], 1.2)
        >>> b = Candidate("自行處理", {}, [(0, 0, 4)], 0.9)
        >>> whole_phrase_first([a, b], 1)[0].text, whole_phrase_first([a, b], 2)[0].text
        ('處理', '自行處理')
    """
    out = list(ranked)
    if len(out) < 2:
        return out
    best = out[0]
    if len(best.text) >= 4 or evidence_class(best.features) == "whole":
        return out
    kinds = ("idiom", "phrase") if words >= MIN_WORDS else ("idiom",)
    for k, c in enumerate(out[1:], 1):
        if (
            len(c.text) == 4
            and (c.features.get("idiom_tag", 0.0) > 0.0 or set_phrase_kind(c.text) in kinds)
            and not c.features.get("explained", 0.0)
            and extends(c, best)
        ):
            return [c, *out[:k], *out[k + 1 :]]
    return out
