"""Pinyin of verbs whose everyday sense their object or complement settles (issue 15, round 20).

The polyphone model reads a character by its commonest reading in its training text, and five
verbs of everyday prose have a rarer verb reading that the words around them make certain:

=====  ==================================================  ===================================
char   reading and frame                                   examples
=====  ==================================================  ===================================
藏     *cáng* "to hide; to hold in store" after 所 or      所 藏 文物, 藏 有 武器, 藏 在 床下
       before a complement or 有 (*zàng* "Tibet; a
       repository" stays in its words: 西藏, 駐 藏, 寶藏)
盛     *chéng* "to fill (a bowl); to hold" before an       盛 米飯, 盛 着 液體, 盛滿 清水
       aspect marker, a complement or food and drink
       (*shèng* "flourishing" elsewhere: 由 盛 轉衰)
挑     *tiāo* "to choose; to carry on a pole" before an    挑 了 一 件, 挑 的 是, 挑 入 宮中,
       aspect marker, a complement, a measure or what     挑挑, 挑水 (*tiǎo* "to provoke;
       is carried (*tiǎo* in its words: 挑戰, 挑起)        to raise" stays: 挑戰, 挑 梁)
喝     *hè* "to shout" before 一 聲, 聲 or 道 (*hē* "to     大 喝 一 聲
       drink" elsewhere)
撒     *sǎ* "to sprinkle; to scatter" before a             撒上 少量 鹽, 撒 在 地上 (*sā* "to
       complement of place or direction                    let go; to cast" in 撒謊, 撒手)
=====  ==================================================  ===================================

The frames are the grammar of these verbs as 现代汉语词典 gives their senses (a complement, an
aspect marker or an object of the right kind follows the verb, never the noun or the adjective);
they are checked on sentences we wrote (``tests/test_chinese_round20.py``).

Examples:
    >>> readings = ["suǒ", "zàng", "wén", "wù"]
    >>> verb_pinyin("所藏文物", [(0, 1), (1, 2), (2, 4)], readings)
    [1]
    >>> readings[1]
    'cáng'
    >>> readings = ["zhù", "zàng", "dà", "chén"]
    >>> verb_pinyin("驻藏大臣", [(0, 1), (1, 2), (2, 4)], readings)  # "resident in Tibet"
    []
    >>> readings[1]
    'zàng'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["verb_pinyin"]

#: Complements and aspect markers after a verb (Simplified): 藏 在, 盛 着, 挑 了, 撒 上.
_COMPLEMENTS = frozenset("着了过在于到入进上下起出满好走回遍落")
#: Food and drink a bowl is filled with (Simplified): 盛 饭 "to fill a bowl with rice".
_FOOD = frozenset("饭 米饭 汤 粥 水 酒 菜 饭菜 茶 面".split())  # noqa: SIM905
#: What 挑 "to choose; to carry" takes right after it besides a complement (Simplified).
_TIAO_AFTER = frozenset("的 一 几 些 个 件 担 水 选 中 拣 剔".split())  # noqa: SIM905
#: 挑 words that are 挑 tiāo (its reduplication, "to carry water", "to pick out").
_TIAO_WORDS = frozenset("挑挑 挑水 挑担 挑出 挑中 挑好".split())  # noqa: SIM905
#: Words that begin with the verb and its complement, read as the verb alone is.
_VERB_WORDS = {
    "藏": frozenset("藏有 藏在 藏于 藏着 藏起 藏进 藏入 藏到 藏好".split()),  # noqa: SIM905
    "盛": frozenset("盛满 盛着 盛入 盛上 盛出 盛饭 盛汤 盛好".split()),  # noqa: SIM905
    "撒": frozenset("撒上 撒在 撒入 撒满 撒遍 撒下 撒些 撒到 撒进".split()),  # noqa: SIM905
}
#: The complements after 撒 "to sprinkle" (撒 在 地上, 撒 上 盐).
_SA_AFTER = frozenset("在于到入进上下满遍落")
_READING = {"藏": "cáng", "盛": "chéng", "挑": "tiāo", "喝": "hè", "撒": "sǎ"}


def _reads(word: str, before: str, after: str, after2: str) -> bool:
    """Whether the verb that ``word`` (Simplified) is or begins takes its rarer verb reading,
    given the words right before and after it."""
    ch = word[0]
    if len(word) > 1:
        return word in _TIAO_WORDS if ch == "挑" else word in _VERB_WORDS.get(ch, ())
    if ch == "藏":
        return before == "所" or after == "有" or (after != "" and after in _COMPLEMENTS)
    if ch == "盛":  # not 盛 于 唐代 "flourished in the Tang", 盛 起来
        return (after != "" and after in _COMPLEMENTS - {"于", "起"}) or after in _FOOD
    if ch == "挑":
        return (after != "" and after in _COMPLEMENTS and after != "起") or after in _TIAO_AFTER
    if ch == "喝":
        return after in ("声", "道", "一声") or (after == "一" and after2 == "声")
    return after != "" and after in _SA_AFTER  # 撒 (not 撒 了 谎 "told a lie")


def _word(simplified: str, words: Sequence[tuple[int, int]], k: int) -> str:
    """Word ``k`` (``""`` past either end)."""
    return simplified[words[k][0] : words[k][1]] if 0 <= k < len(words) else ""


def verb_pinyin(
    simplified: str, words: Sequence[tuple[int, int]], readings: list[str | None]
) -> list[int]:
    """Give 藏 盛 挑 喝 撒 their verb reading where their frame makes it certain (in place; see
    the module); the offsets read so (no longer the polyphone model's to be unsure of)."""
    done: list[int] = []
    if not any(ch in simplified for ch in _READING):
        return done
    for n, (a, b) in enumerate(words):
        ch = simplified[a]
        if ch not in _READING or readings[a] is None:
            continue
        before = _word(simplified, words, n - 1) if n > 0 and words[n - 1][1] == a else ""
        adjacent = n + 1 < len(words) and words[n + 1][0] == b
        after = _word(simplified, words, n + 1) if adjacent else ""
        if _reads(simplified[a:b], before, after, _word(simplified, words, n + 2)):
            readings[a] = _READING[ch]
            done.append(a)
            if simplified[a:b] == "挑挑":
                readings[a + 1] = "tiāo"
                done.append(a + 1)
    return done
