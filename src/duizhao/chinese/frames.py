"""Pinyin of frequent polyphones read from their syntactic frame (issue 15, round 11).

The polyphone model (g2pM, trained on Simplified Wikipedia text) and the phrase data settle most
readings; these rules cover frames of Hong Kong written Chinese where both go wrong, each a
statement of grammar (Yip & Rimmington, *Chinese: A Comprehensive Grammar*; 现代汉语词典's
readings), not a list of sentences:

* **著** — Hong Kong and Taiwan write the aspect particle *zhe* and the verb *zháo* / *zhuó* 著,
  which ``hk2s`` leaves as 著 (pypinyin's first reading: *zhù*; the polyphone model does not
  know it). The Simplified text the romaniser reads gets 着 wherever no phrase reads 著 *zhù*
  (:func:`zhe`): 隨著 suí *zhe*, 頂著 烈日, 含 著, 睡著 shuì *zháo*, 著手 *zhuó* shǒu; 著名,
  顯著, 土著, an author's credit after a name (魯迅 著) and 所 著 "written by" stay *zhù*.
* **長** ending the title of the head of a body (a word whose character before 長 is a body:
  署 局 校 會 …) is *zhǎng*: 校長, 衛生署長, 審計長, 理事長 (the model read several *cháng*);
  alone after a degree adverb and ending its clause it is the adjective *cháng*: 路 很 長 ，,
  比預期 還 長 。 (還 長 得 很 快 "still grows fast" stays *zhǎng*).
* **得** alone right after a verb or an adjective is the complement marker *de* (急 得 團團轉,
  高興 得 跳起來, 跑 得 很 快), and so is 得 ending a word of a one-character verb that no phrase
  lists (聽得 清楚) and the 得 of 得到, 得了, 得起 … after a one-character verb that is not a modal
  (找 得到 "can find", 受 得了 "can bear": the potential complement; 想 得到, 能 得到 "to
  obtain" are left alone); 得 "to obtain" after a verb is a word of the dictionary (取得, 獲得).
  Alone after 還 更 也 就 都 總 又 非 必 and before a verb it is the modal *děi* "must" (還 得 等,
  就 得 出發; 更 得 民心 "wins more hearts" stays *dé*).
* **都** alone after another adverb or before a verb is the adverb *dōu* (也 都 同意, 都 借給):
  *dū* "capital" stands in words (首都, 古都, 都市, 都督).
* **地** alone after a four-character idiom and before a verb is the adverbial particle *de*
  (毫不猶豫 地 答應), as after an adjective (:mod:`.polyphones`).
* **教** alone before what is taught, or after 所, is the verb *jiāo* "to teach" (所 教 的 課,
  教 學生 寫字); before a pronoun (the causative *jiào*: 教 他 去), after 信 / 入 / 傳 (religion)
  or ending a clause it is left to the model.
* **重** before a one-character verb, in a phrase that reads it *chóng* "again; re-", keeps the
  phrase's reading against the model (重開 病房 "reopen the ward", 重建; 重視 is *zhòng*).
* **調** "to adjust" before 到 / 至 and a number is *tiáo* (溫度 調 到 25 度; 調 到 香港
  "transferred to Hong Kong" stays *diào*).
* **A不A**, the question form of a verb: the first A is read as the second, which the
  dictionary reads inside its word (應不應該 *yīng* bù yīng gāi; 應唔應該).

The Jyutping of these characters comes from the Traditional text and its own dictionary, except
that 長 and 著 then take the Cantonese reading of the sense their pinyin settled
(:func:`agree_jyutping`: 審計長 *zoeng2*, 魯迅 著 *zyu3*).

Examples:
    >>> zhe("随著时间", [(0, 2), (2, 4)])
    '随着时间'
    >>> zhe("著名学者", [(0, 2), (2, 4)])
    '著名学者'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["agree_jyutping", "carried", "frame_pinyin", "zhe"]

#: What a title's head follows: the bodies whose head is a 長 *zhǎng* (Simplified). 所 is left
#: out (所长 suǒcháng "one's strong point"), and so are 船 车 机 (船长 "captain" or "length").
#: The elders of a family or a school are heads too (家长 "parent": the model read 家长 应 多
#: 聆听 *cháng*; 兄长, 师长, 学长; round 13).
_BODIES = frozenset("署局部司处校院会组科股厅市县镇村省州区团队班社馆厂站庭委计书事议家兄师学")


def _phrase(word: str) -> tuple[str, ...] | None:
    from .pinyin import phrase_reading

    return phrase_reading(word)


@lru_cache(maxsize=1 << 12)
def _zhe_word(word: str) -> str:
    """A word with 著 (Simplified, two characters or more) as the romaniser should read it."""
    alt = word.replace("著", "着")
    for k, ch in enumerate(word):
        if ch != "著":
            continue
        # a phrase of the dictionary around 著 that reads it zhù: 著名, 显著, 土著
        for a in range(0, k + 1):
            for b in range(k + 1, len(word) + 1):
                if b - a < 2:
                    continue
                found = _phrase(word[a:b])
                if found is not None and found[k - a] == "zhù":
                    return word
    if _phrase(alt) is not None:
        return alt  # 随着, 接着, 着手, 睡着
    if word[-1] == "著" and len(word) >= 2:
        from .wei import is_verb

        if is_verb(word[:-1]):
            return alt  # a verb and the aspect particle the segmenter joined: 隐含著
    return word


def zhe(simplified: str, words: Sequence[tuple[int, int]]) -> str:
    """The Simplified text with 著 written 着 where it is not *zhù* (same length).

    ``hk2s`` keeps 著 (Hong Kong's and Taiwan's spelling of the particle *zhe* and the verb
    *zháo* / *zhuó*, and of *zhù* "to write; marked"); pypinyin reads 著 *zhù* first and the
    polyphone model does not know it. A word the dictionary reads with 著 *zhù* (著名, 显著)
    keeps it; a word it knows with 着 (随着, 着手), a verb the segmenter joined with 著, and 著
    standing alone (after a verb: the aspect particle; not after a name, 鲁迅 著 "written by Lu
    Xun", nor after 所, 他 所 著 的 书 "the book he wrote") get 着, which the dictionary and the
    polyphone model read in context (*zhe*, *zháo*, *zhuó*).
    """
    if "著" not in simplified:
        return simplified
    chars = list(simplified)
    prev_end, prev_word = -1, ""
    for a, b in words:
        if "著" in simplified[a:b]:
            if b - a > 1:
                chars[a:b] = _zhe_word(simplified[a:b])
            elif not (
                not simplified[prev_end:a].strip()
                and (prev_word == "所" or (_tag(prev_word) or "").startswith("nr"))
            ):
                # (after a name it is an author's credit, 鲁迅 著 zhù; 所 著 "written by")
                chars[a] = "着"
        prev_end, prev_word = b, simplified[a:b]
    return "".join(chars)


# Verbs (jieba's tags) before the complement marker 得, and adjectives (好 得 很, 高兴 得 跳:
# jieba tags 高兴 b).
_VERB_TAGS = frozenset({"v", "vi", "vg"})
_VERB_ADJ_TAGS = _VERB_TAGS | {"vd", "a", "ad", "an", "z", "b"}


def _tag(word: str) -> str | None:
    from .polyphones import _tag as tag

    return tag(word)


#: The results of a potential complement that make a word with 得 (得到 "to obtain", 得了,
#: 得出): after a one-character verb they are 找 得到 "can find", 受 得了 "can bear", 看 得出.
_POTENTIAL = frozenset("到了起住出过动完见及")
#: Modal verbs, after which 得到 is "to obtain" (想 得到 "wants to obtain", 能 得到).
_MODALS = frozenset("想要能会可愿肯敢应该须需必将欲值")

#: 到 / 至 and a number after 调 (调 到 25 度 "adjusted to 25 degrees").
_NUMBER_AFTER_RE = re.compile("[到至][0-9０-９一二三四五六七八九十百千万两几零〇.％%]")

#: Adverbs after which 得 before a verb is the modal *děi* "must" (还得 保持 "still has to keep",
#: 更得 小心, 就得 走); not 可, 才, 方, 只, 不 (可得, 才得以, 不得 *dé* "may; to obtain").
_MUST_AFTER = frozenset({"还", "更", "也", "就", "都", "总", "又", "非", "必"})


def _next_is_verb(simplified: str, words: Sequence[tuple[int, int]], end: int) -> bool:
    """Whether the word that starts at ``end`` opens a verb phrase: a verb, adverb or preposition
    by jieba's tag, or a word with a CC-CEDICT sense "to …" (等 "to wait for", 小心 "to be
    careful"); not a particle (还 得 了) or a noun (更 得 民心)."""
    for a, b in words:
        if a == end:
            word = simplified[a:b]
            tag = _tag(word) or ""
            if tag in ("ul", "uj", "uz", "ug", "uv", "ud", "y", "x", "r", "m", "q"):
                return False
            if tag[:1] in ("v", "d", "p"):
                return True
            from duizhao.resources.lexicon import cedict

            return any(
                g.startswith("to ")
                for e in cedict().lookup(word)
                if e.pinyin[:1].islower()
                for g in e.glosses
            )
    return False


#: Degree adverbs before an adjective (还 长 "is even longer", 很 长, 更 长).
_DEGREE = frozenset(
    {"还", "很", "更", "最", "太", "较", "比较", "挺", "够", "特别", "非常", "相当", "十分", "这么",
     "那么", "越", "愈", "极", "好", "多么", "越来越", "愈来愈"}
)  # fmt: skip
#: Where a clause ends (an adjective ending it is a predicate: 时间 还 长 ，).
_CLAUSE_END = frozenset("，。；：？！、,;:?!」』）)\n")
#: Words before 教 alone where it is the noun "religion" or a word the segmenter cut (信 教 "to
#: be religious", 入 教, 传 教, 请 教 "to consult").
_JIAO_NOUN_AFTER = frozenset("信入传护殉叛布拜设政请领指求赐受宗佛道回国主")


#: What one carries on the back (Simplified): after 背 alone it is bēi "to carry on the back",
#: and so it is before an aspect marker or a complement of direction (背 着, 背 起).
_CARRIED = frozenset(("背囊", "背包", "书包", "包", "行囊", "袋", "孩子", "小孩", "婴儿"))
_CARRYING = "着著起上住"


def carried(word: str) -> bool:
    """Whether 背 alone before ``word`` (Simplified) is bēi "to carry on one's back": before an
    aspect marker or a complement (背 着, 背 起 书包) or what one carries (背 背囊, 背 孩子);
    :mod:`.function_words` glosses it by the same test."""
    return word[:1] in _CARRYING or word in _CARRIED


def _alone(
    simplified: str, words: Sequence[tuple[int, int]], n: int, before: str, after: str
) -> str | None:
    """The reading of 都, 地, 教, 长 or 背 standing as word ``n`` (``None``: no frame applies)."""
    a, b = words[n]
    ch = simplified[a]
    nxt = simplified[words[n + 1][0] : words[n + 1][1]] if n + 1 < len(words) else ""
    nxt_adjacent = n + 1 < len(words) and words[n + 1][0] == b
    if ch == "都":
        # the adverb dōu "all; already" after another adverb (也 都, 还 都) or before a verb
        # (都 借给, 都 要); dū "capital" stands in words (首都, 建都, 都市, 都督)
        if _tag(before) == "d" or (nxt_adjacent and _is_verb(nxt)):
            return "dōu"
    elif ch == "地":
        # after a four-character idiom and before a verb: the adverbial particle (小心翼翼 地
        # 花了, 毫不犹豫 地 答应)
        if len(before) == 4 and _tag(before) == "i" and nxt_adjacent and _is_verb(nxt):
            return "de"
    elif ch == "长":
        # an adjective after a degree adverb ending its clause: cháng "long" (时间 还 长 ，);
        # before 了, 得, 出, 大 it is zhǎng "to grow" (还 长 得 很 快)
        if before in _DEGREE and (after in _CLAUSE_END or not after):
            return "cháng"
    elif ch == "背":
        # the verb bēi "to carry on the back" before an aspect marker or a bag (背 着 背囊, 背 起
        # 书包); bèi "the back; to turn away; to recite" elsewhere
        if nxt_adjacent and carried(nxt):
            return "bēi"
    elif (
        # the verb jiāo "to teach" before what is taught or after 所 (所 教 的 功课, 教 小学生);
        # not before a pronoun (causative jiào: 教 他 去), after 信/入/传 (religion), at a
        # clause's end
        ch == "教"
        and (
            nxt_adjacent
            and before[-1:] not in _JIAO_NOUN_AFTER
            and _tag(nxt) != "r"
            and nxt[:1] not in "人他她我你它们"
        )
    ):
        return "jiāo"
    return None


#: Verbs of seeking and acquiring, after which 得 is the result dé "to obtain" (觅得 宿舍 "found
#: a hostel", 募得 善款, 猎 得 的 山羌; Yip & Rimmington: 得 as a resultative complement).
_OBTAIN = frozenset("觅募购寻求猎夺博换赢获取谋骗赚筹")
#: What follows 得 "obtained" and never the complement marker: a number, 的, the clause's end.
_OBTAINED_AFTER_RE = re.compile(
    "[0-9０-９一二三四五六七八九十百千万两几的之，。；：？！、,;:?!」』）)\n]|$"
)


#: Degree adverbs written with a numeral, which :data:`_OBTAINED_AFTER_RE` would take for a
#: number (表现 得 十分 出色 "performed very well", 感激 得 万分; round 16); 十分之一 is one.
_NUMERAL_DEGREE = ("十分", "万分")


def _obtained(simplified: str, verb: str, end: int) -> bool:
    """Whether 得 after ``verb`` (ending at ``end``) is dé "to obtain", not the marker *de*."""
    if verb[-1:] in _OBTAIN:
        return True
    if simplified.startswith(_NUMERAL_DEGREE, end) and simplified[end + 2 : end + 3] != "之":
        return False  # not a fraction: 分 得 十分之一 "got a tenth"
    return bool(_OBTAINED_AFTER_RE.match(simplified, end))


def _is_verb(word: str) -> bool:
    from .wei import is_verb

    return bool(word) and is_verb(word)


def frame_pinyin(
    simplified: str, words: Sequence[tuple[int, int]], readings: list[str | None]
) -> None:
    """Apply the frames of the module's table to the pinyin ``readings`` (in place)."""
    if not any(c in simplified for c in "长得不唔都地教重调背"):
        return
    prev: tuple[int, int] | None = None
    for n, (a, b) in enumerate(words):
        word = simplified[a:b]
        before = simplified[prev[0] : prev[1]] if prev is not None and prev[1] == a else ""
        after = simplified[b : b + 1]
        if b - a == 1 and word in "都地教长背":
            reading = _alone(simplified, words, n, before, after)
            if reading is not None:
                readings[a] = reading
            prev = (a, b)
            continue
        if b - a >= 2 and word[-1] == "长" and word[-2] in _BODIES:
            found = _phrase(word)
            if found is None or found[-1] == "zhǎng":
                readings[b - 1] = "zhǎng"  # the head of a body: 校长, 卫生署长, 审计长
        elif (
            b - a == 2
            and word[0] == "得"
            and word[1] in _POTENTIAL
            and len(before) == 1
            and before not in _MODALS
            and _tag(before) in _VERB_TAGS
        ):
            readings[a] = "de"  # the potential complement cut as 找 得到 "can find", 受 得了
        elif (
            b - a == 3
            and word[1] == "得"
            and word[2] in _POTENTIAL
            and word[0] not in _MODALS
            and (_tag(word[0]) in _VERB_TAGS or _is_verb(word[0]))
            and _phrase(word) is None
        ):
            readings[a + 1] = "de"  # the same, cut as one word: 嗅得到, 看得出
        elif word == "得" and before:
            if _tag(before) in _VERB_ADJ_TAGS and not _obtained(simplified, before, b):
                readings[a] = "de"  # the complement marker: 练 得 一身, 找 得 到, 彷徨 得 哭
            elif before in _MUST_AFTER and _next_is_verb(simplified, words, b):
                readings[a] = "děi"  # "must": 还 得 保持, 更 得 小心
        elif (
            b - a == 2
            and word[1] == "得"
            and _phrase(word) is None
            and _tag(word[0]) in _VERB_TAGS
            and not _obtained(simplified, word[0], b)
        ):
            readings[a + 1] = "de"  # a verb and the marker joined: 听得 非常 清楚
        elif (
            b - a == 2
            and word[0] == "重"
            and _tag(word[1]) in _VERB_TAGS
            and (_phrase(word) or ("",))[0] == "chóng"
        ):
            readings[a] = "chóng"  # "again; re-" before a verb, as the phrase says: 重开, 重建
        elif word == "调" and _NUMBER_AFTER_RE.match(simplified, b):
            readings[a] = "tiáo"  # "to adjust" to a value: 温度 调 到 25 度 (调 到 香港: diào)
        elif b - a >= 3 and word[1] in "不唔" and word[0] == word[2]:
            readings[a] = readings[a + 2]  # the question form: 应不应该
        prev = (a, b)


#: Cantonese readings that follow from the Mandarin reading of the same sense: where the pinyin
#: has settled which word a 長 or 著 is (a frame above, a phrase or the model in context), the
#: Jyutping says the same word. 長 *zhǎng* "head; to grow" is *zoeng2*, *cháng* "long" *coeng4*;
#: 著 *zhù* "to write; marked" is *zyu3*, the particle *zhe* and the verb *zháo* *zoek6*. (著
#: *zhuó* is *zoek3* "to wear" or *zoek6* "to set about", so it is left to the Jyutping.)
_SAME_SENSE: dict[str, dict[str, str]] = {
    "長": {"zhǎng": "zoeng2", "cháng": "coeng4"},
    "著": {"zhù": "zyu3", "zhe": "zoek6", "zháo": "zoek6"},
    "曾": {"zēng": "zang1"},  # the surname (曾俊華; ToJyutping: cang4 "once"); round 13
}


def agree_jyutping(
    text: str, pinyin: Sequence[str | None], jyutping: list[str | None]
) -> list[str | None]:
    """Make the Jyutping of 長, 著 and 曾 say the sense their pinyin says (in place; returned).

    ToJyutping reads 審計長 "Director of Audit" with 長 *coeng4* "long" and 魯迅 著 "by Lu Xun"
    with 著 *zoek6*; the pinyin, read in context (:func:`frame_pinyin`), has *zhǎng* and *zhù*.

    Examples:
        >>> agree_jyutping("審計長", ["shěn", "jì", "zhǎng"], ["sam2", "gai3", "coeng4"])
        ['sam2', 'gai3', 'zoeng2']
    """
    if "長" not in text and "著" not in text and "曾" not in text:
        return jyutping
    for k, ch in enumerate(text):
        senses = _SAME_SENSE.get(ch)
        if senses is not None and jyutping[k] is not None:
            reading = senses.get(pinyin[k] or "")
            if reading is not None:
                jyutping[k] = reading
    return jyutping
