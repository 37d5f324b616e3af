"""Hong Kong (CityU) word-standard cuts that need the segmenter's dictionary.

Systematic points where the CityU standard (Hong Kong news) writes the Taiwan-made
dictionary's words otherwise; the Taiwan (AS) standard agrees with the dictionary on most of
them, so each costs a little on AS (measured in docs/chinese.md, seventh round):

- a verb of two characters and its complement of destination or result are two words (了解 到
  "learn that", 指定 為 "designate as", 加工 成 "process into", 增加 至, 轉化 成為; from round 19
  the recipient's 給 too, as the CityU standard writes 傳真 給: 傳授 給 "pass on to", 提供 給 —
  the Taiwan dictionary's 傳授給 one word);
- 據 "according to" is a word before the verb or noun of reporting (據 了解 "it is
  understood", 據 報道; 據悉 and 據說 are words of two characters and stay whole);
- a demonstrative and the general measure word 個 are one word (這個, 那個, 整個), while
  other measure words stay words of their own (這 種, 這 項; 各 個 is written both ways);
- last or next month or week and a part of it or a weekday are one word (上月底, 下周一;
  本 月底 stays two: 本 "this" is a word of its own);
- a number, 多 "more than" and the unit are three words (十 多 天, like 二十 多 人);
- a numeral and 成 "tenths" are two words (九 成 "90 per cent"; 八成 "most likely" stays);
- the proper name of a place and 人 "person" are two words (美國 人, 浙江 人; 港人 and a
  common noun's 外國人 stay whole).

Round 20: the 所 of the passive 被/為 … 所 + verb is a word of its own before a verb of one
character that the dictionary fused with it (被 樹木 所 傷 "injured by trees"; 所以, 所有 stay
whole), so that the verb, not 所傷, is the word a learner and the glossary see.

Round 15: 數 "several" that the dictionary fused with the verb or adverb before it is a word
of its own before what it counts (有數 人 → 有 數 人, 僅數 名 → 僅 數 名). (本港 "Hong Kong",
which the CityU standard writes 本 港, stays one word: its gloss is the one a learner needs.)

Round 18: after a number in Chinese numerals that ends in 十, a word of the dictionary that
begins with a digit gives the digit to the number (二十 八宿 → 二十八 宿 "the 28 lunar
mansions", not 八宿 "Baxoi county"; 六十 二字 → 六十二 字), as before a unit (二十 五度).

And one cut of overlapping ambiguity that both standards share: an adverb or preposition of
one character that the dictionary has fused with the next character into a word of its own,
before a lone character that makes a word with that next character, is a word of its own
(正面 對 → 正 面對 "is now facing", 沿海 邊 → 沿 海邊 "along the seaside", 便利 用 → 便 利用;
not after a preposition or 的, where the fused word is the noun: 從 正面 對 敵 "attack from
the front"); and so are 這兒, 那兒, 哪兒 "here, there" before a lone character that makes a word
with 兒 (這 兒童 "this child").

Two more cuts of the tenth round, in both standards: 者 "the one who" after a word that is not a
verb (CC-CEDICT's "to …" senses) ends the verb phrase before that word, not the noun, and is a
word of its own (承擔 費用 者 "whoever bears the costs"; 露宿者, 消費者, 主義者, 學者 stay whole);
and a measure word that the dictionary fused with the noun after it (次大會 of 第十次大會 "the
10th congress") is cut off it after a demonstrative or a numeral when the noun alone is more
frequent (這 次 大會 "this conference").

The dictionary itself also holds words of news text fused with the number that followed them
(世界百 of 世界百強 "the world's top 100", 力挺十, 增數百): :func:`drop_number_tails` takes them
out when they build the segmenter's table, so that 世界 百強 is cut as both standards write it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["cityu_cuts", "drop_number_tails", "is_place_name"]

#: Complements of destination or result after a verb (了解 到, 指定 為, 加工 成, 增加 至, 傳授 給).
_COMPLEMENTS = frozenset("到為成至給")
#: Two-character complements (轉化 成為, 視 作為).
_COMPLEMENT_WORDS = frozenset(["成為", "作為"])
#: Demonstratives that make one word with 個.
_THIS = frozenset(["這", "那", "整"])
#: Last or next month or week and a part of it or a weekday (上月底, 下周一, 上週五).
_NEAR_TIME_RE = re.compile("[上下][月周週](?:底|初|中|末|[一二三四五六日天])")
#: A number, 多 "more than" and a unit (十多 天, 二十多 年): three words in the CityU standard.
_ABOUT_RE = re.compile("([一二三四五六七八九十百千萬兩幾]+)(多)(.+)")
#: Numerals before 成 "tenths" (not 八: 八成 "most likely").
_TENTHS = frozenset("一二三四五六七九")
#: Adverbs and prepositions of one character that the dictionary fuses with the next one
#: (正面 "front", 沿海 "coastal", 便利 "convenient", 才能 "talent", 將來 "future").
_FUSED_ADVERBS = frozenset("正沿便才將")
#: Before these 才能 is the noun "talent" even before a verb (他的才能得到肯定).
_OWNERS = frozenset(["的", "之", "其", "有", "發揮", "发挥", "展示", "展現", "展现"])
#: Before these the fused word is the noun or adjective (從 正面, 的 沿海).
_BEFORE_NOUN = frozenset("從由在以的之向朝於自往")
#: Stems that make a noun of a person with 者 however they are tagged (主義者 "-ist", 學者).
_PERSON_STEMS = ("主義", "學")
#: Demonstratives and numerals that take a measure word of their own (這 次, 兩 項, 每 屆).
_COUNTERS = frozenset("這那每各該某哪此本一二三四五六七八九十百千萬兩幾數首")
#: Measure words that the dictionary fuses with the noun after them (次大會 of 第十次大會).
_MEASURES = frozenset("次個項屆名位場期條宗件份種批類張間座輪隻架部本篇段")
#: Measure words of people, and how rare a word they begin must be to be cut after a number
#: when its second character is a hundred times as frequent (一 名 教 中六; 一 名人 stays).
_PERSON_MEASURES = frozenset("名位")
_RARE = 50
#: Verbs and adverbs that the dictionary fuses with 數 "several" (有數 "to know what's what"),
#: and what 數 then counts: a measure word, people, hours (有 數 人, 僅 數 名, 約 數 小時).
_BEFORE_SEVERAL = frozenset("有僅只約逾達另")
_SEVERAL_OF = frozenset("人十百千萬")
#: A number written in Chinese numerals, and the characters that may end one before a digit
#: that goes on with it (二十 五度 → 二十五 度, 一百 三十 → 一百三十).
_NUMBER_RE = re.compile("[一二三四五六七八九十百千萬億兩零〇○]+")
_NUMBER_ENDS = frozenset("十百千萬億零〇○")
_DIGITS = frozenset("一二三四五六七八九兩")
#: … and those that begin a number that a digit before them goes on (二 十五 → 二十五).
_NUMBER_STARTS = frozenset("十百千萬億")
#: Words whose digit is their own (星期三 十時 "Wednesday at ten", 中五 "Form 5", 小六).
_NUMBERED_HEADS = frozenset(["星期", "禮拜", "周", "週", "中", "小", "初"])
#: Units and measure words that stand after a number as a word of their own (二十五 度,
#: 三十五 公里, 二十五 分鐘), as the CityU standard writes 25 度 and 15萬 人次.
_UNITS = frozenset(
    ["度", "歲", "分鐘", "小時", "秒鐘", "公里", "公斤", "公尺", "米", "厘米", "毫米", "英里",
     "呎", "吋", "磅", "噸", "元", "毫", "個月", "天", "週", "周", "人次", "倍"]
)


def is_place_name(word: str, tag: Callable[[str], str | None]) -> bool:
    """Whether a word is the proper name of a place (美國, 浙江; not 外國, 都市): tagged ``ns``
    by jieba (``tag`` takes the Simplified word) and a proper noun in CC-CEDICT."""
    from duizhao.resources.lexicon import cedict
    from duizhao.text.convert import to_simplified

    if not any(e.pinyin[:1].isupper() for e in cedict().lookup(word)):
        return False  # (CC-CEDICT first: the annotator loads it for its glosses anyway)
    return tag(to_simplified(word)) == "ns"


def _is_verb(word: str) -> bool:
    from duizhao.text.convert import to_simplified

    from .wei import is_verb

    return is_verb(to_simplified(word))


def cityu_cuts(
    words: Sequence[str],
    freq: Callable[[str], int],
    *,
    floor: int = 100,
    place: Callable[[str], bool] | None = None,
    verb: Callable[[str], bool] | None = None,
) -> list[str]:
    """Apply the CityU conventions above to a segmenter's words.

    Args:
        words: The words of one run of Han characters (Traditional, as the dictionary has them).
        freq: The dictionary's frequency of a word (0 when it is not one).
        floor: How frequent the verb (or the word after 據) must be to be cut off.
        place: Whether a word of two characters is the proper name of a place.
        verb: Whether a word is a verb or a coverb (才能 before one is 才 "only then" and 能
            "can": 才 能 用, 才 能 確保).

    Returns:
        The words; they join back into the same text.

    Examples:
        >>> f = {"了解": 5000, "指定": 3000, "轉化": 900}.get
        >>> cityu_cuts(["據了解", "，", "他", "指定為", "主席"], lambda w: f(w) or 0)
        ['據', '了解', '，', '他', '指定', '為', '主席']
        >>> cityu_cuts(["轉化成", "為", "這", "個"], lambda w: f(w) or 0)
        ['轉化', '成為', '這個']
    """
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        n = len(w)
        nxt = words[k + 1] if k + 1 < len(words) else ""
        k += 1
        if n == 3 and w[2] in _COMPLEMENTS and freq(w[:2]) >= floor:
            if w[2] == "成" and nxt == "為":
                out.extend((w[:2], "成為"))  # 轉化成 為 → 轉化 成為
                k += 1
            else:
                out.extend((w[:2], w[2]))
        elif n == 4 and w[2:] in _COMPLEMENT_WORDS and freq(w[:2]) >= floor:
            out.extend((w[:2], w[2:]))
        elif n >= 3 and w[0] == "據" and freq(w[1:]) >= floor:
            out.extend((w[0], w[1:]))
        elif out and out[-1] in ("上", "下") and _NEAR_TIME_RE.fullmatch(out[-1] + w):
            out[-1] += w  # 上 月底 → 上月底, 下 周一 → 下周一
        elif n == 1 and out and _NEAR_TIME_RE.fullmatch(out[-1] + w):
            out[-1] += w  # 上月 底 → 上月底
        elif (
            n >= 2
            and w[0] in _DIGITS
            and w[1:] in _UNITS
            and out
            and out[-1][-1] in _NUMBER_ENDS
            and _NUMBER_RE.fullmatch(out[-1])
        ):
            out[-1] += w[0]  # 二十 五度 → 二十五 度: the digit goes on with the number
            out.append(w[1:])
        elif (
            n >= 2
            and w[0] in _DIGITS
            and out
            and out[-1][-1] == "十"
            and _NUMBER_RE.fullmatch(out[-1])
            and not _NUMBER_RE.fullmatch(w)
        ):
            # after the tens a digit is the units of the same number, whatever word the
            # dictionary made of it: 六十 二字 → 六十二 字, 二十 八宿 (a county) → 二十八 宿
            out[-1] += w[0]
            out.append(w[1:])
        elif (
            n >= 4
            and (m := _NUMBER_RE.match(w))
            and m.end() >= 2
            and w[m.end() :] in _UNITS
        ):
            out.extend((w[: m.end()], w[m.end() :]))  # 二十五分鐘 → 二十五 分鐘
        elif (
            n >= 2
            and w[-1] in _DIGITS
            and w[0] != "第"
            and w[:-1] not in _NUMBERED_HEADS
            and nxt[:1] in _NUMBER_STARTS
            and _NUMBER_RE.fullmatch(nxt)
            and not _NUMBER_RE.fullmatch(w)
            and (n == 2 or freq(w[:-1]) >= floor)
        ):
            out.extend((w[:-1], w[-1] + nxt))  # 最 高二 十五 → 最 高 二十五: the number's digit
            k += 1
        elif n >= 3 and "多" in w[1:-1] and (m := _ABOUT_RE.fullmatch(w)):
            out.extend(m.groups())  # 十多天 → 十 多 天
        elif w == "個" and out and out[-1] in _THIS:
            out[-1] += w
        elif n == 3 and w[2] == "人" and place is not None and place(w[:2]):
            out.extend((w[:2], w[2]))
        elif n == 2 and w[1] == "成" and w[0] in _TENTHS:
            out.extend(w)
        elif (
            n == 2
            and (w[0] in _FUSED_ADVERBS or (w[1] == "兒" and w[0] in "這那哪"))
            and len(nxt) == 1
            and not (out and out[-1] in _BEFORE_NOUN)
            and freq(w[1] + nxt) >= floor
        ):
            out.extend((w[0], w[1] + nxt))  # 正面 對 → 正 面對; 這兒 童 → 這 兒童
            k += 1
        elif (
            n >= 3
            and w[0] in _MEASURES
            and out
            and out[-1][-1] in _COUNTERS
            and freq(w[1:]) > freq(w)
        ):
            out.extend((w[0], w[1:]))  # 這 次大會 → 這 次 大會 "this conference"
        elif (
            n == 2
            and w[0] in _PERSON_MEASURES
            and out
            and out[-1][-1] in _COUNTERS
            and freq(w) < _RARE
            and freq(w[1]) >= 100 * max(freq(w), 1)
        ):
            out.extend(w)  # 一 名教 中六 → 一 名 教 中六 "a teacher of Form 6"
        elif (
            n >= 3
            and w[-1] == "者"
            and freq(w) == 0
            and not w[:-1].endswith(_PERSON_STEMS)
            and not _is_verb(w[:-1])
        ):
            out.extend((w[:-1], w[-1]))  # 承擔 費用者 → 承擔 費用 者 "who bears the costs"
        elif (
            n in (2, 3)
            and w[1] == "數"
            and w[0] in _BEFORE_SEVERAL
            and ((rest := w[2:] or nxt)[:1] in _MEASURES or rest[:1] in _SEVERAL_OF
                 or rest in _UNITS)
        ):
            out.extend(w[:2])  # 有數人 → 有 數 人 "there are several people"; 僅數 名 → 僅 數 名
            if w[2:]:
                out.append(w[2:])
        elif (
            n == 2
            and w[0] == "所"
            and w not in _SUO_WORDS
            and any(o in _PASSIVES for o in out)
        ):
            out.extend(w)  # 被 樹木 所傷 → 被 樹木 所 傷 "injured by trees"
        elif (
            w == "才能"
            and verb is not None
            and nxt
            and verb(nxt)
            and not (out and out[-1] in _OWNERS)
        ):
            out.extend(w)  # 金錢 才 能 用 "only then can money be used"; 他的 才能 "talent"
        else:
            out.append(w)
    return out


#: The passive markers of 被/為 … 所 + verb (被 樹木 所 傷, 為 人 所 知).
_PASSIVES = frozenset(["被", "為", "受"])
#: Words of 所 that are no passive 所 + verb (所以 "so", 所有 "all", 所致 "caused by").
_SUO_WORDS = frozenset(
    ["所以", "所有", "所謂", "所在", "所屬", "所得", "所長", "所需", "所致", "所及"]
)


#: The numeral units that end a word fused with the number after it (世界百, 力挺十).
_NUMBER_TAILS = frozenset("十百千萬億")
#: … and what may stand between such a word and its unit (增數百 "increase by some hundred").
_NUMBER_MIDS = frozenset("數破逾近約")
#: "About", "over", "only", "reaching": one of these and a digit is no word (約三 of 約三千噸).
_ABOUT = frozenset("約近逾達僅")


def drop_number_tails(freq: dict[str, int]) -> int:
    """Take out of a jieba frequency table the words of three characters or more that are a
    word of the table and a numeral unit (世界百 = 世界 + 百, 力挺十, 單季十; or a word, 數/破
    and the unit: 增數百, 席數破萬), the traces of a number that followed the word in the text
    the dictionary was made from. A name or an idiom whose first part is no word of its own
    stays (張大千, 大遠百, 一五一十). Also "about" (約, 近, 逾 …) and a digit (約三 of
    約三千噸, 約兩 of 約兩成; 破億 stays). Returns the frequency removed.

    Examples:
        >>> freq = {"世界": 100, "世界百": 3, "百強": 1, "大遠百": 109, "增": 50, "增數百": 1}
        >>> drop_number_tails(freq), freq["世界百"], freq["大遠百"], freq["增數百"]
        (4, 0, 109, 0)
    """
    removed = 0
    for word in [w for w, f in freq.items() if f and len(w) == 2 and w[0] in _ABOUT]:
        if word[1] in _DIGITS or word[1] == "十":  # 約三 of 約三千噸, 約兩 of 約兩成
            removed += freq[word]
            freq[word] = 0
    for word in [w for w, f in freq.items() if f and len(w) >= 3 and w[-1] in _NUMBER_TAILS]:
        head = word[:-1]
        while len(head) > 1 and head[-1] in _NUMBER_MIDS:
            head = head[:-1]
        if (head != word[:-1] or len(head) >= 2) and freq.get(head, 0) > 0:
            removed += freq[word]
            freq[word] = 0
    return removed


#: Numeral units, which end the number before them (三千 噸, 六萬 名).
_UNITS_FIRST = frozenset("百千萬億")


def drop_unit_pairs(freq: dict[str, int], classifiers: frozenset[str]) -> int:
    """Take out of a jieba frequency table the words of a numeral unit and a classifier or 噸
    (千噸 "kiloton" of 約三千噸, 萬名 "all names" of 六萬名居民, 百倍, 千位: CC-CEDICT's words):
    the unit ends the number before it. Returns the frequency removed.

    The form s2hk gives a line the same in both scripts (涌 → 湧) is also added to the table
    for every user word (``segment._build_freq``): 在 北潭涌 was 北潭 / 涌 (round 13).

    Examples:
        >>> freq = {"千噸": 1, "千年": 5}
        >>> drop_unit_pairs(freq, frozenset("名")), freq
        (1, {'千噸': 0, '千年': 5})
    """
    removed = 0
    for word in [w for w, f in freq.items() if f and len(w) == 2 and w[0] in _UNITS_FIRST]:
        if word[1] in classifiers or word[1] == "噸":
            removed += freq[word]
            freq[word] = 0
    return removed
