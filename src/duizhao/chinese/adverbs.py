"""Pinyin of polyphones that an adverb beside them settles (issue 15, round 12).

Frames of Hong Kong news that the polyphone model (g2pM, trained on Simplified Wikipedia) and
the phrase data misread where the character stands as a word of its own, each a statement of
现代汉语词典's readings (and Yip & Rimmington, *Chinese: A Comprehensive Grammar*, on adverbs
before the verb and on predicate adjectives), not a list of sentences:

* **曾** alone before a verb or another adverb is the adverb *céng* "once; formerly" (过去 曾
  抽验 "had sampled before", 曾 多次 表示); *zēng* is the surname and the prefix of 曾孙, 曾祖,
  which are words. The model read 过去 曾 抽验 *zēng*.
* **曾** beginning a name of three characters that CC-CEDICT lists, or one that no dictionary
  lists and whose second character is no verb or function character (曾俊華; round 13), is the
  surname *zēng* (曾蔭權: the model and the phrase data read it *céng*, the adverb); so is 曾
  before a title (曾 先生, 曾太).
* **处** alone after an adverb (仍 处, 正 处, 尚 处, 已 处, 均 处) and before what follows is
  the verb *chǔ* "to be in (a state, a place)", the verb of 处于 and 地处: 楼市 仍 处 巩固期,
  本港 仍 处 低息 环境. *chù* "place; department" is a noun, and a noun does not follow an
  adverb (:mod:`.polyphones` reads 处 after a number or a demonstrative *chù*: 一 处, 该 处).
* **An adjective as the predicate of a degree adverb**, alone and ending its clause, takes its
  adjective reading (:data:`_PREDICATE`): 太 难 。 *nán* (not *nàn* "disaster"), 越来越 少 ，
  *shǎo* (not *shào* "young"), 太 累 *lèi*; 长 is :mod:`.frames`'s.
* **得** after 过 "to pass (time), to live" and before a degree word or 比 is the complement
  marker *de*: 时间 过 得 很 快, 童年 过 得 比 一般人 辛苦 (jieba tags 过 as the aspect
  particle, so the verb rule of :mod:`.frames` does not see it).

The module sets pinyin only: the Jyutping romaniser reads the Traditional text with its own
dictionary (曾 *cang4*, 難 *naan4*).

Examples:
    >>> readings = ["guò", "qù", "zēng", "chōu", "yàn"]
    >>> adverb_pinyin("过去曾抽验", [(0, 2), (2, 3), (3, 5)], readings)
    >>> readings[2]
    'céng'
    >>> readings = ["réng", "chù", "dī", "xī"]
    >>> adverb_pinyin("仍处低息", [(0, 1), (1, 2), (2, 4)], readings)
    >>> readings[1]
    'chǔ'
"""

from __future__ import annotations

from collections.abc import Sequence

from .frames import _DEGREE

__all__ = ["adverb_pinyin"]

#: jieba's tags of adverbs (正 d, 已 d), and the adverbs of time and scope before a verb it tags
#: otherwise (仍 zg).
_ADVERB_TAGS = frozenset({"d", "dg", "ad", "vd"})
_ADVERBS = frozenset("仍尚正已均皆亦也都还同俱")
#: jieba's tags of what 曾 "once" stands before: a verb or an adverb (曾 抽验, 曾 多次, 曾 经).
_AFTER_CENG_TAGS = frozenset({"v", "vd", "vi", "vg", "vn", "d", "dg", "p"})
#: Where a clause ends: 处 ending one has nothing to be in; an adjective ending one after a degree
#: adverb is its predicate.
_CLAUSE_END = frozenset("，。；：？！、,;:?!」』）)\n")
#: Adjectives with another reading (the verb 难 nàn "disaster", 少 shào "young", 好 hào "to
#: like", 重 chóng "again", 累 lěi "to accumulate", 差 chā / chāi, 长 zhǎng "to grow") and their
#: reading as the predicate of a degree adverb (很 难 ，, 太 少 。, 越来越 重 。: 现代汉语词典's
#: adjective readings; 长 after a degree adverb is :mod:`.frames`'s).
_PREDICATE = {"难": "nán", "少": "shǎo", "好": "hǎo", "重": "zhòng", "累": "lèi", "差": "chà"}
_CHARS = frozenset("曾处得") | frozenset(_PREDICATE)


def _tag(word: str) -> str | None:
    from .polyphones import _tag as tag

    return tag(word)


def _is_verb(word: str) -> bool:
    from .wei import is_verb

    return is_verb(word)


def _surname(word: str) -> bool:
    """Whether a word of three characters that begins with 曾 is a name (曾荫权, 曾俊华): no
    phrase of the dictionaries reads it *céng*, and CC-CEDICT lists it as a name only (the
    segmenter's conventions also join 曾 讓 他, 曾 想 過 as if they were names: not those)."""
    from duizhao.resources.lexicon import cedict

    from .pinyin import phrase_reading

    found = phrase_reading(word)
    if found is not None and found[0] == "céng":
        return False
    entries = cedict().lookup(word)
    if not entries:  # a name no dictionary lists (曾俊華), not 曾 讓 他 "once let him"
        return not _is_verb(word[1]) and word[1] not in _NOT_GIVEN
    return all(e.pinyin[:1].isupper() for e in entries)


#: Characters after 曾 that make it the adverb "once", never a given name (曾 經, 曾 於 …).
_NOT_GIVEN = frozenset("经於于在是有为被把将对向从到也都就又还再已会要能可该这那")
#: Titles after the surname 曾 (曾 先生, 曾 太): it is *zēng* there.
_TITLES = frozenset(["先生", "小姐", "太太", "女士", "生", "太", "伯", "婆", "校长", "医生"])


def _known(word: str) -> bool:
    from duizhao.resources.lexicon import cedict

    return bool(cedict().lookup(word))


def adverb_pinyin(
    simplified: str, words: Sequence[tuple[int, int]], readings: list[str | None]
) -> None:
    """Read 曾, 处, 得 and the adjectives of :data:`_PREDICATE` by the adverb beside them (in
    place; see the module)."""
    if not any(c in simplified for c in _CHARS):
        return
    for n, (a, b) in enumerate(words):
        if b - a == 3 and simplified[a] == "曾" and _surname(simplified[a:b]):
            readings[a] = "zēng"  # the surname of a name: 曾荫权, 曾俊华
            continue
        if simplified[a] == "曾" and (
            (b - a == 2 and simplified[a + 1] in "生太伯婆" and not _known(simplified[a:b]))
            or (b - a == 1 and n + 1 < len(words)
                and simplified[words[n + 1][0] : words[n + 1][1]] in _TITLES)
        ):  # fmt: skip
            readings[a] = "zēng"  # the surname before a title: 曾 先生, 曾太 "Mrs Tsang"
            continue
        if b - a != 1 or simplified[a] not in _CHARS:
            continue
        ch = simplified[a]
        prev = words[n - 1] if n and words[n - 1][1] == a else None
        before = simplified[prev[0] : prev[1]] if prev is not None else ""
        after_char = simplified[b : b + 1]
        if ch in _PREDICATE:
            if before in _DEGREE and (after_char in _CLAUSE_END or not after_char):
                readings[a] = _PREDICATE[ch]  # an adjective as predicate: 太 难 。, 越来越 少
            continue
        nxt = words[n + 1] if n + 1 < len(words) and words[n + 1][0] == b else None
        if nxt is None:
            continue
        after = simplified[nxt[0] : nxt[1]]
        if ch == "曾":
            tag = _tag(after)
            if (
                tag in _AFTER_CENG_TAGS
                or (tag is None and _is_verb(after))
                or (tag == "m" and after[-1] in "次度番")  # 曾 多次, 曾 两度
            ):
                readings[a] = "céng"  # the adverb "once": 过去 曾 抽验, 曾 多次 表示
        elif ch == "得":
            if before == "过" and (after in _DEGREE or after[:1] == "比"):
                readings[a] = "de"  # 过 "to live, to pass (time)" and its complement: 过 得 很 快
        elif (
            len(before) == 1
            and after_char not in _CLAUSE_END
            and (before in _ADVERBS or _tag(before) in _ADVERB_TAGS)
        ):
            readings[a] = "chǔ"  # the verb "to be in": 仍 处 低息 环境, 正 处 转型期
