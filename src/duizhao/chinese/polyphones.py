"""Readings in context: rules for the polyphones of editorials, and a table of word readings.

The romanisers read words from their dictionaries and, for Mandarin, a polyphone model; a few
characters that matter in Hong Kong editorials are still misread where no dictionary word covers
them. The rules here look at the words around such a character and give its reading:

====== ================================================ =========================================
char   rule                                             examples
====== ================================================ =========================================
量     after a noun or verb it is "amount": *liàng*      申請量 "number of applications",
       / *loeng6*; alone before a noun "to measure"       交易量 "trading volume"
應     alone before a verb it is "should": *yīng* /       應 加強 "should strengthen"
       *jing1*
地     after an adjective or adverb (or an adjective in   頻密地 舉行 "held frequently",
       -性, a reduplication), before a verb, the          選擇性地 公開, 慢慢地 走
       adverbial particle: *de* (Jyutping keeps *dei6*)
得     alone after a one-character verb and before a      跑得很快 "runs fast",
       degree word (很, 較, 非常 …), the complement       寫得非常漂亮
       marker: *de* (Jyutping keeps *dak1*)
處     ending the name of a department: *chù* / *cyu3*    入境處 "Immigration Department"
       alone after a number or a demonstrative:           一 處 古寺 "an old temple", 多 處, 此 處
       "place", *chù* / *cyu3*
盡     alone: *jìn* "all; to exhaust" (*jǐn* occurs      盡 得 真傳 "learnt all his art"
       only inside words: 盡管, 盡量, 盡快)
胖     alone: *pàng* "fat" (*pán* only in 心廣體胖)       頭 大 體 胖
弄     alone or before its result: *nòng* "to make";      弄乾 "to dry", 弄壞; 長樂路 12 弄
       after a house number *lòng* / *lung6* "lane"
差     in a noun of difference: *chā* / *caa1*            落差, 溫差, 時差, 逆差, 反差
       alone ending its clause: *chà* "poor"              成績 比 預期 差 ，
將     alone ending a clause: the noun "general",         參 將。
       *jiàng* / *zoeng3*
哩     alone after a number: "mile", *lǐ*                 20 哩
為     alone: the preposition *wèi* / *wai6* "for"        為 市民 提供 "provide for citizens";
       before a noun phrase and its predicate, else       失業率 為 3% "is"; :mod:`.wei`
       the verb *wéi* / *wai4* "to be; as"
行     alone after 該 "the said": the bank or firm a      匯豐…該行表示 "the bank said"
       report has named, *háng* / *hong4*
====== ================================================ =========================================

and, in Cantonese only, the demonstrative 呢/哩 *ni1* "this" before a measure word, the question
particle 嗎 *maa3* ending a clause, 返 *faan1* "to return" as a word of its own and 重 *zung6*
"still" before 有/係/未/喺 (round 15: and alone before any word in a sentence of spoken
Cantonese, not after a degree adverb nor before 達: 重慘, 重好; HKCanCor 重 26/43 → 39/43;
and 下 alone after a verb *haa5* "(do) a bit": 睇下, 考慮下),
and the measure word 位 *wai2* after a number or a demonstrative
(35位老師, 呢位; 位置 stays *wai6*).

:func:`word_readings` is the shipped table of word readings
(``resources/data/hk_readings.tsv``, written by hand from general knowledge of Hong Kong usage):
words whose reading in the romanisers' dictionaries is not the one a Hong Kong classroom uses
(知識 *zi1 sik1*, not the prescriptive *zi3 sik1*) or that they lack.

Examples:
    >>> text = "申請量上升"  # "applications rose"
    >>> readings = ["shēn", "qǐng", "liáng", "shàng", "shēng"]
    >>> fix_pinyin(text, text.replace("請", "请"), [(0, 2), (2, 3), (3, 5)], readings)
    ['shēn', 'qǐng', 'liàng', 'shàng', 'shēng']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType

from duizhao.text.script import is_han

from .wei import JYUTPING as WEI_JYUTPING
from .wei import is_verb, wei_at

__all__ = ["apply_word_readings", "fix_jyutping", "fix_pinyin", "word_readings"]

#: Polyphones whose other reading occurs only inside words, which the segmenter keeps whole:
#: their reading as a word of their own (Simplified). 尽 jǐn only in 尽管, 尽量, 尽快, 尽早 …
#: (alone: jìn "all; to exhaust"); 胖 pán only in 心广体胖 (alone: pàng "fat"). (擂 lèi,
#: 劲 jìng and 撒 sā were tried and left out: 擂主, 劲骑 and transliterations such as 撒迪
#: read them alone.)
_ALONE = {"尽": "jìn", "胖": "pàng", "角": "jiǎo"}

# jieba part-of-speech tags of adjectives and adverbs (before adverbial 地), and of the words
# that make 量 an amount (nouns, verbs, their kin).
_ADVERBIAL_TAGS = frozenset({"a", "ad", "an", "d", "vd", "z", "b"})
_NOUN_VERB_TAGS = frozenset({"n", "nz", "vn", "v", "nt", "ns", "j", "l", "an"})
# After these, 量 is "to measure" or part of another word (考量 "consideration" is a word).
_MEASURE_WORDS = frozenset("、，。；：？！「」『』（）")
# Measure words and the like after the demonstrative 呢/哩 "this" (Cantonese).
_AFTER_DEMONSTRATIVE = frozenset("個度啲排次位隻種樣間份件條本張架部枝對班批區幾一兩邊處陣輪段")
_CLAUSE_END = frozenset("，。？！；：、…」』）,.?!;: \n")
_STILL_BEFORE = frozenset("有係未喺")
#: Characters only spoken Cantonese writes (not 啊 呀 咁 嘛, which Mandarin text has too).
_SPOKEN_ONLY = frozenset("嘅咗唔佢喺啲嚟冇噉嘢畀啦喇嗰哋咩囉喎吖攞搵睇俾乜啱嚿嘞囖咯噃啩㗎咪吓")
#: Before 重 these make it "heavy" (好重, 太重); after it, 重達 "weighs up to".
_DEGREE_BEFORE = frozenset("好太咁幾很最更極超")
_WEIGHS = frozenset("達达量約约逾近")


def _still_in_cantonese(text: str, k: int) -> bool:
    """重 alone before a word, in a sentence of spoken Cantonese, not after a degree adverb: the
    adverb *zung6* "still; even more" (Cantonese 仲: 重慘, 重好, 重住喺), not *cung5* "heavy"."""
    after = text[k + 1] if k + 1 < len(text) else "\n"
    if after in _CLAUSE_END or after in _WEIGHS or (k and text[k - 1] in _DEGREE_BEFORE):
        return False
    return _spoken(text, k)


def _spoken(text: str, k: int) -> bool:
    """Whether the sentence around position ``k`` has a character only spoken Cantonese writes."""
    start = max((text.rfind(c, 0, k) for c in "。！？\n"), default=-1) + 1
    ends = [e for e in (text.find(c, k) for c in "。！？\n") if e >= 0]
    return not _SPOKEN_ONLY.isdisjoint(text[start : min(ends, default=len(text))])
#: Opening quotes and brackets, skipped to find the verb after 應 (也 應 「帶頭」).
_OPENING = frozenset("「『“‘《〈（(")
#: What 位 counts people after besides a number (:data:`_NUMERAL_RE`): a demonstrative, 各, 每,
#: 多 (looked up in the Traditional text: OpenCC simplifies the Cantonese 嗰 to 𠮶).
_BEFORE_MEASURE = frozenset("多每各這那哪呢嗰")


def _word_at(words: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Position → the word span that covers it."""
    out = {}
    for a, b in words:
        for k in range(a, b):
            out[k] = (a, b)
    return out


def _tag(word: str) -> str | None:
    """jieba's part of speech (the table the default annotator loads for its own tags)."""
    return _default_tags().get(word)


# The read-only table of the default annotator's tags, found once.
@cache
def _default_tags() -> Mapping[str, str]:
    from duizhao.resources.lexicon import hk_user_dict_path
    from duizhao.resources.wordtags import pos_tags

    return pos_tags((hk_user_dict_path(),))


_RULE_CHARS = "量应地处得尽弄差将哩为数儿行" + "".join(_ALONE)
#: Words of 角 jué "role" that end a longer word (女主角, 男配角); other words of three or more
#: characters ending in 角 name a corner, jiǎo (阅读角, 东北角). Alone, 角 is jiǎo too (一 角 钱):
#: jué occurs only inside words (角色, 角逐, 主角, 口角).
_ROLES = frozenset({"主角", "配角", "丑角", "旦角", "名角", "要角", "生角", "净角"})

#: Nouns of "difference" ending in 差, read *chā* (现代汉语词典: 落差 luòchā, 温差 wēnchā,
#: 时差 shíchā, 逆差 nìchā); pypinyin's phrase data gives several of them *chà*. (As a verb or
#: an adjective 差 is *chà*: 相差, 很差; in nouns of persons *chāi*: 邮差, 公差.)
_CHA_NOUNS = frozenset(
    {"反差", "落差", "温差", "时差", "高差", "逆差", "顺差", "色差", "视差", "价差", "级差",
     "等差", "利差", "汇差", "压差", "势差", "偏差", "误差", "剪刀差", "差额", "差值", "差数"}
)  # fmt: skip
_NUMBER_BEFORE_RE = re.compile("[0-9０-９一二三四五六七八九十百千万两几]$")


def _rules(
    text: str, simplified: str, words: Sequence[tuple[int, int]]
) -> list[tuple[int, str, str | None]]:
    """``(position, pinyin, jyutping or None)`` for every polyphone a rule settles."""
    out: list[tuple[int, str, str | None]] = []
    if not any(c in simplified for c in _RULE_CHARS):
        return out
    span = _word_at(words)
    by_end = {w[1]: w for w in words}
    by_start = {w[0]: w for w in words}
    for k, ch in enumerate(simplified):
        if ch not in _RULE_CHARS:
            continue
        a, b = span.get(k, (k, k + 1))
        prev = by_end.get(a)
        nxt = by_start.get(b)
        prev_word = simplified[prev[0] : prev[1]] if prev else ""
        if ch == "量" and b - a >= 2 and k == b - 1 and simplified[a:b] not in _KEEP_LIANG:
            # a word of the segmenter ending in 量 (申請量, 交易量): an amount
            out.append((k, "liàng", "loeng6"))
        elif ch == "量" and (a, b) == (k, k + 1) and prev and _tag(prev_word) in _NOUN_VERB_TAGS:
            out.append((k, "liàng", "loeng6"))
        elif (
            ch == "应"
            and (a, b) == (k, k + 1)
            and (nxt is not None or (simplified[b : b + 1] in _OPENING and b + 1 in by_start))
        ):
            # "should" before its verb, also where the verb is quoted: 也 应 「带头」
            out.append((k, "yīng", "jing1"))
        elif (
            ch == "地"
            and (a, b) == (k, k + 1)
            and prev is not None
            and prev[1] - prev[0] >= 2
            and (_tag(prev_word) in _ADVERBIAL_TAGS or _adverb_like(prev_word))
            and nxt is not None
        ):
            out.append((k, "de", None))
        elif (
            ch == "得"
            and (a, b) == (k, k + 1)
            and prev is not None
            and prev[1] - prev[0] == 1
            and _tag(prev_word) in _VERB_TAGS
            and simplified[b : b + 2].startswith(_DEGREE_AFTER_DE)
        ):
            # the complement marker: 死得较为突然 "died rather suddenly", 跑得很快
            out.append((k, "de", None))
        elif ch == "处" and k == b - 1 and b - a >= 3:
            out.append((k, "chù", "cyu3"))
        elif (
            ch == "处"
            and (a, b) == (k, k + 1)
            and prev_word
            and (prev_word[-1] in _PLACE_COUNTERS or _NUMERAL_RE.fullmatch(prev_word))
        ):
            # "place", a noun or measure word after a number or a demonstrative: 一处 古寺
            # "an old temple", 多处, 此处, 何处 (not the verb chǔ "to deal with")
            out.append((k, "chù", "cyu3"))
        elif ch == "差" and simplified[a:b] in _CHA_NOUNS:
            out.append((k, "chā", "caa1"))
        elif ch == "差" and (a, b) == (k, k + 1) and simplified[b : b + 1] in _CLAUSE_END | {""}:
            # the adjective *chà* "poor" ending its clause: 成绩 比 预期 差 ， (round 13; 差
            # alone anywhere was tried: CPP tuning unchanged, held-out two 差 fewer)
            out.append((k, "chà", "caa1"))
        elif ch == "将" and (a, b) == (k, k + 1) and simplified[b : b + 1] in _CLAUSE_END | {""}:
            # ending a clause 将 is the noun "general" (参 将, 魏 将): the adverb and the
            # preposition *jiāng* always have something after them
            out.append((k, "jiàng", "zoeng3"))
        elif ch == "哩" and (a, b) == (k, k + 1) and _NUMBER_BEFORE_RE.search(simplified[:k]):
            out.append((k, "lǐ", None))  # "mile" after a number: 20 哩
        elif ch == "为" and (a, b) == (k, k + 1) and (reading := wei_at(simplified, words, k)):
            # the preposition wèi "for" or the verb wéi "to be" (:mod:`.wei`): 为 市民 提供
            out.append((k, reading, WEI_JYUTPING[reading]))
        elif ch == "数" and (
            simplified[k + 1 : k + 3] in ("一数", "了数")
            or (k >= 2 and simplified[k - 2] == "数" and simplified[k - 1] in "一了")
        ):
            # the verb "to count" in its reduplication: 数一数, 数了数 (shǔ, sou2), not the
            # noun shù "number"
            out.append((k, "shǔ", "sou2"))
        elif ch == "行" and (a, b) == (k, k + 1) and prev_word == "该":
            # 该行 "the said bank" in financial news (汇丰…该行表示), not xíng "to go"
            out.append((k, "háng", "hong4"))
        elif ch == "角" and k == b - 1 and b - a >= 3 and simplified[k - 1 : k + 1] not in _ROLES:
            out.append((k, "jiǎo", None))  # a corner: 阅读角, 东北角 (not 女主角 jué "role")
        elif ch == "尽" and k > a and not simplified.startswith(_JIN_WORDS, k):
            # jǐn begins its words (尽管, 尽量, 尽快, 尽早, 尽可能; 现代汉语词典); after another
            # character of a word 尽 is jìn "to the end": 无止尽, 用尽, 详尽, 前功尽弃
            out.append((k, "jìn", None))
        elif ch in _ALONE and (a, b) == (k, k + 1):
            # the other reading occurs only inside words (尽管 jǐn, 心广体胖 pán, 擂台 lèi)
            out.append((k, _ALONE[ch], None))
        elif ch == "儿" and k == b - 1 and b - a >= 2 and _erhua(simplified[a:b]):
            # the suffix of erhua: 这儿 zhèr "here", 一点儿 (CC-CEDICT's "r5"), not 女儿 nǚ'ér
            out.append((k, "r", None))
        elif ch == "弄" and (a, b) == (k, k + 1) and _NUMERAL_RE.fullmatch(simplified[k - 1 : k]):
            out.append((k, "lòng", "lung6"))  # a lane after its number: 长乐路 12 弄
        elif ch == "弄" and ((a, b) == (k, k + 1) or (k == a and simplified[k + 1] in _RESULTS)):
            # lòng "lane" occurs in words (弄堂, 里弄) and after a house number; as a verb of
            # its own or before its result (弄 干, 弄坏) 弄 is nòng "to make, to handle"
            out.append((k, "nòng", None))
    return out


@lru_cache(maxsize=1 << 10)
def _erhua(word: str) -> bool:
    """Whether CC-CEDICT reads a word ending in 儿 with the erhua suffix ("r5": 这儿 zhe4 r5)."""
    from duizhao.resources.lexicon import cedict

    entries = cedict().lookup(word)
    return bool(entries) and all(e.pinyin.endswith(" r5") for e in entries)


#: Results after a verb (弄干 "to dry", 弄坏 "to break").
_RESULTS = frozenset("干好坏清错脏丢成到死伤湿乱破断明懂得")
#: The words of 尽 jǐn, which it begins (inside a longer word they keep it: 尽多尽少, 已经尽量地).
_JIN_WORDS = ("尽管", "尽量", "尽快", "尽早", "尽先", "尽可能", "尽多", "尽少")

# Numerals and demonstratives before 处 "place" (Simplified: the rules read the Simplified text).
_PLACE_COUNTERS = frozenset("一两二三四五六七八九十百千几多数此这那各何某该每")
_NUMERAL_RE = re.compile("[0-9０-９一二三四五六七八九十百千万两几]+")

# Verbs (jieba's tags) before the complement marker 得, and the degree words after it.
_VERB_TAGS = frozenset({"v", "vi", "vg"})
_DEGREE_AFTER_DE = ("很", "较", "更", "太", "非常", "十分", "相当", "比较", "越来", "挺", "特别",
                    "极", "过于", "有点", "不错", "那么", "这么")  # fmt: skip


def _adverb_like(word: str) -> bool:
    """A word that makes 地 after it adverbial whatever its tag: an adjective in -性
    (选择性 地 "selectively"), a reduplication (慢慢 地, 清清楚楚 地)."""
    if len(word) >= 3 and word[-1] == "性":
        return True
    if len(word) == 2 and word[0] == word[1]:
        return True
    return len(word) == 4 and word[0] == word[1] and word[2] == word[3]


# Words ending in 量 where it is "to measure / to consider" (考量 "consideration", 衡量, 打量).
_KEEP_LIANG = frozenset(
    {"考量", "衡量", "打量", "思量", "测量", "丈量", "估量", "商量", "掂量", "酌量"}
)


def fix_pinyin(
    text: str, simplified: str, words: Sequence[tuple[int, int]], readings: list[str | None]
) -> list[str | None]:
    """Apply the polyphone rules to pinyin readings (one per character; a new list)."""
    out = list(readings)
    for k, py, _jp in _rules(text, simplified, words):
        out[k] = py
    return out


def fix_jyutping(
    text: str, simplified: str, words: Sequence[tuple[int, int]], readings: list[str | None]
) -> list[str | None]:
    """Apply the polyphone rules and the Cantonese context rules to Jyutping readings."""
    out = list(readings)
    for k, _py, jp in _rules(text, simplified, words):
        if jp is not None:
            out[k] = jp
    _wei_in_words(simplified, words, out)
    n = len(text)
    for k, ch in enumerate(text):
        after = text[k + 1] if k + 1 < n else "\n"
        if ch in "呢哩" and after in _AFTER_DEMONSTRATIVE:
            out[k] = "ni1"
        elif ch == "嗎" and after in _CLAUSE_END and k > 0:
            out[k] = "maa3"
        elif ch == "返" and out[k] == "faan2" and not _in_word(words, k):
            out[k] = "faan1"
        elif ch == "重" and not _in_word(words, k) and (
            after in _STILL_BEFORE or _still_in_cantonese(text, k)
        ):
            out[k] = "zung6"  # 重有 "still have"; 重慘, 重好 "even worse, even better" (round 15)
        elif ch == "咪" and out[k] == "mai5" and k and text[k - 1] not in _CLAUSE_END:
            out[k] = "mai6"  # 噉咪係囉 "then it is": mai6 inside a clause (round 15)
        elif ch == "下" and out[k] == "haa6" and _a_bit(text, simplified, words, k):
            out[k] = "haa5"  # Cantonese V下 "(do) a bit": 睇下, 考慮下, 幫下佢 (round 15)
        elif (
            ch == "位"
            and k > 0
            and (text[k - 1] in _BEFORE_MEASURE or _NUMERAL_RE.fullmatch(simplified[k - 1]))
            and not _in_word(words, k)
        ):
            out[k] = "wai2"  # the measure word for people: 35位老師, 呢位, 各位 (not 位置 wai6)
        elif simplified[k] == "会" and out[k] == "wui5" and _ends_body(simplified, words, k):
            out[k] = "wui2"  # a body: 校友會, 教師會 (ToJyutping's wui5 is the modal "will")
    return out


#: What before a word-final 会 leaves it the modal "will" (可能会 "may", 一定会).
_MODAL_BEFORE_HUI = frozenset(
    ("可能", "一定", "未必", "也许", "应该", "肯定", "通常", "总是", "始终", "仍然", "或者", "必定")
)


def _ends_body(simplified: str, words: Sequence[tuple[int, int]], k: int) -> bool:
    """Whether 会 at ``k`` ends a word of three or more characters naming a body or a meeting."""
    return any(
        b == k + 1
        and b - a >= 3
        and simplified[a:k] not in _MODAL_BEFORE_HUI
        and simplified[k - 1] not in "唔不冇都也就亦先仲又才"  # 会唔会, 都会: the modal
        for a, b in words
    )


def _wei_in_words(simplified: str, words: Sequence[tuple[int, int]], out: list[str | None]) -> None:
    """为 inside a word takes the Jyutping of the sense its pinyin phrase gives (为何 *wèi* hé →
    *wai6*, 认为 rèn *wéi* → *wai4*), and ending a verb that no phrase lists, *wai4* (选为 "to be
    elected as"), so that the two romanisers agree (in place)."""
    if "为" not in simplified:
        return
    from .pinyin import phrase_reading

    for a, b in words:
        if b - a > 1 and "为" in simplified[a:b]:
            word = simplified[a:b]
            reading = phrase_reading(word)
            if reading is None and word[-1] == "为" and is_verb(word[:-1]):
                reading = (*([""] * (b - a - 1)), "wéi")  # a verb and its complement: 选为
            for k in range(a, b):
                if simplified[k] == "为" and reading and reading[k - a] in WEI_JYUTPING:
                    out[k] = WEI_JYUTPING[reading[k - a]]


#: After 下 these make it "next" (下個月, 下次, 下星期), not the suffix "a bit".
_NEXT_ONE = frozenset("個个次年月週周星禮礼晝昼午半屆届期輪轮場场")


def _a_bit(text: str, simplified: str, words: Sequence[tuple[int, int]], k: int) -> bool:
    """下 alone right after a verb, in a sentence of spoken Cantonese: the verbal suffix *haa5*
    "(do) a bit" (睇下 "have a look", 問下, 考慮下), not *haa6* "down; under"."""
    if _in_word(words, k) or k == 0 or text[k + 1 : k + 2] in _NEXT_ONE:
        return False  # 跟住 下個 禮拜 "next week"
    start = next((a for a, b in words if b == k), k - 1)
    if not is_han(text[start]):
        return False
    return is_verb(simplified[start:k]) and _spoken(text, k)


def _in_word(words: Sequence[tuple[int, int]], k: int) -> bool:
    """Whether position ``k`` is inside a word of two or more characters."""
    return any(a <= k < b and b - a > 1 for a, b in words)


def hk_readings_path() -> str:
    """The shipped table of word readings (``resources/data/hk_readings.tsv``)."""
    return str(resources.files("duizhao") / "resources" / "data" / "hk_readings.tsv")


# A read-only table loaded once.
@cache
def word_readings() -> Mapping[str, tuple[tuple[str, ...] | None, tuple[str, ...] | None]]:
    """Word → (pinyin or ``None``, Jyutping or ``None``), from the shipped table.

    Keys are given in both scripts.
    """
    from duizhao.text.convert import to_simplified

    from .pinyin import to_tone_marks

    table: dict[str, tuple[tuple[str, ...] | None, tuple[str, ...] | None]] = {}
    with open(hk_readings_path(), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            word, py, jp = [*line.rstrip("\n").split("\t"), "", ""][:3]
            pinyin = tuple(to_tone_marks(s) for s in py.split()) if py.strip("- ") else None
            jyut = tuple(jp.split()) if jp.strip("- ") else None
            table[word] = (pinyin, jyut)
            table[to_simplified(word)] = (pinyin, jyut)
    return MappingProxyType(table)


# Bounded by the table: one pattern.
@cache
def _table_re() -> re.Pattern[str] | None:
    keys = sorted(word_readings(), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def apply_word_readings(
    text: str, simplified: str, readings: list[str | None], *, jyutping: bool
) -> None:
    """Set the readings of every word of the shipped table found in the text (in place)."""
    pattern = _table_re()
    if pattern is None:
        return
    table = word_readings()
    for source in (text, simplified) if simplified != text else (text,):
        for m in pattern.finditer(source):
            pinyin, jyut = table[m.group()]
            given = jyut if jyutping else pinyin
            if given is not None and len(given) == m.end() - m.start():
                readings[m.start() : m.end()] = list(given)
