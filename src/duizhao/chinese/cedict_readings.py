"""CC-CEDICT as a second opinion on a phrase's reading (issue 15, round 16).

pypinyin's curated phrases spell out some rarer readings that the standard dictionaries do not
give (照片 zhào *piān*, 倒是 *dǎo* shì, 簡樸 jiǎn *piáo*, 散發 sàn *fà*). Such a reading stands
against the polyphone model only while CC-CEDICT, the project's other dictionary, does not list
the word with another reading of that character (:class:`~.pinyin.PhraseWeights`'s
``contradicted_rare``).

Examples:
    >>> cedict_contradicts("照片", 1, "pian1"), cedict_contradicts("会计", 0, "kuai4")
    (True, False)
    >>> cedict_contradicts("没有这个词", 0, "mei2")  # not listed: no contradiction
    False
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["cedict_contradicts", "same_syllable", "unify"]


def unify(syllable: str) -> str:
    """A numbered syllable spelt one way (``lu:4``, ``lü4`` → ``lv4``; lower case); CC-CEDICT's
    erhua ``r5`` as pypinyin's neutral *er*."""
    s = syllable.lower().replace("u:", "v").replace("ü", "v")
    return "er5" if s == "r5" else s


def same_syllable(a: str, b: str) -> bool:
    """Two numbered syllables agree (a neutral tone on either side agrees with any tone)."""
    return a == b or (a[:-1] == b[:-1] and "5" in (a[-1], b[-1]))


@lru_cache(maxsize=1 << 14)
def cedict_contradicts(word: str, k: int, syllable: str) -> bool:
    """Whether CC-CEDICT lists ``word`` (either script) and every entry of it reads its
    character ``k`` otherwise than ``syllable`` (numbered: ``pian1``, neutral tone ``5``).

    A neutral tone on either side agrees with the same syllable (妥當 tuǒ *dang* / tuǒ *dàng*).
    ``False`` where CC-CEDICT does not list the word with one syllable a character.
    """
    from duizhao.resources.lexicon import cedict

    want = unify(syllable)
    said = [e.pinyin.split() for e in cedict().lookup(word)]
    said = [s for s in said if len(s) == len(word)]
    if not said:
        return False
    return not any(same_syllable(unify(syllables[k]), want) for syllables in said)
