"""Literary readings (文讀) of Cantonese in classical and literary sentences.

Many Cantonese characters have two readings (文白異讀): a colloquial one (白讀) that speech
uses, and a literary one (文讀) that reading classical text aloud uses — 名 *meng2* "name" in
speech (個名), *ming4* in 其名曰; 生 *saang1* / *sang1* (生於憂患); 聽 *teng1* / *ting1*. The
romaniser's dictionary gives the colloquial reading first, which is right for speech and wrong
for 論語 or a Tang poem. This module decides, sentence by sentence, whether the text is in the
literary register, and there puts the literary reading in place of the colloquial one.

**Register.** A sentence (up to 。！？；) is literary when it has a particle of classical
Chinese standing as a word of its own (之 者 於 于 其 乃 遂 吾 汝 爾 而 亦 皆 則 夫 蓋, and the
strong ones 乎 矣 焉 哉 兮 曰 歟 耶), or 之, 也 or a strong particle ending a clause (不亦樂乎，),
or when it is verse (two or more clauses of 4, 5 or 7 characters, all of the same length);
and never when it has a marker of spoken Cantonese (嘅 咗 唔 佢 喺 啲 嚟 冇 噉 嘢 畀 啦 喇 嗰 哋 咩
…), of modern written Chinese (的 們 這 那 嗎 吧 呢 着; 不過 如果 因為 所以 已經 沒有 我們 …)
or an Arabic digit or Latin letter, which classical text does not have.

**Readings.** In a literary sentence, a character read with its colloquial reading (the left
column of :data:`LITERARY`) takes the literary one, unless the romaniser read it inside a word
of its dictionary, or it is inside an everyday word of the HSK list (學生 *hok6 saang1* stays).
來 *lai4* is never literary (it is the spoken form of 嚟) and becomes *loi4* even inside a word;
夫 alone at a clause's edge is the particle *fu4*; 重 after a numeral is the measure "layer",
*cung4* (萬重山). In every register, the measure word 名 after a number is *ming4* (三名).

The pairs are the common 文白異讀 of Hong Kong Cantonese as described in CUHK's 粵語審音配詞字庫
(which marks the colloquial reading 語音 beside the reading 讀音) and in textbook accounts of
the regular correspondences (梗攝 *-eng/-ek* colloquial, *-ing/-ik* literary; *-aang* / *-ang*;
the aspirated tone-5 colloquial form of a tone-6 syllable: 坐 *co5* / *zo6*). Each literary
reading is one that rime-cantonese (ToJyutping's data, CC BY 4.0) lists for the character (a
test checks this). Left out on purpose: 石 *sek6*, 尺 *cek3* (Hong Kong recitation keeps the
colloquial reading, and rime-cantonese has no *sik6*, *cik3*), 上 and 下 (*soeng5/soeng6*,
*haa5/haa6* differ by sense, verb or noun, not by register).

Examples:
    >>> readings = ["kei4", "meng2", "joek6", "kwan1"]
    >>> apply_literary("其名曰鯤", readings, [False] * 4)
    >>> readings
    ['kei4', 'ming4', 'joek6', 'kwan1']
    >>> readings = ["keoi5", "ge3", "meng2"]
    >>> apply_literary("佢嘅名", readings, [False] * 3)  # spoken Cantonese: unchanged
    >>> readings
    ['keoi5', 'ge3', 'meng2']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

from duizhao.resources.lexicon import hsk_words
from duizhao.text.script import is_han

__all__ = ["LITERARY", "apply_literary", "is_literary"]

#: Character → (colloquial reading, literary reading).
LITERARY = MappingProxyType(
    {
        # 梗攝: -eng colloquial, -ing literary
        "名": ("meng2", "ming4"),
        "命": ("meng6", "ming6"),
        "聽": ("teng1", "ting1"),
        "廳": ("teng1", "ting1"),
        "平": ("peng4", "ping4"),
        "青": ("ceng1", "cing1"),
        "輕": ("heng1", "hing1"),
        "病": ("beng6", "bing6"),
        "正": ("zeng3", "zing3"),
        "成": ("seng4", "sing4"),
        "城": ("seng4", "sing4"),
        "聲": ("seng1", "sing1"),
        "星": ("seng1", "sing1"),
        "醒": ("seng2", "sing2"),
        "定": ("deng6", "ding6"),
        "頂": ("deng2", "ding2"),
        "請": ("ceng2", "cing2"),
        "鄭": ("zeng6", "zing6"),
        "井": ("zeng2", "zing2"),
        "嶺": ("leng5", "ling5"),
        "領": ("leng5", "ling5"),
        "餅": ("beng2", "bing2"),
        "影": ("jeng2", "jing2"),
        "驚": ("geng1", "ging1"),
        "腥": ("seng1", "sing1"),
        "精": ("zeng1", "zing1"),
        "晴": ("ceng4", "cing4"),
        "柄": ("beng3", "bing3"),
        "贏": ("jeng4", "jing4"),
        "釘": ("deng1", "ding1"),
        "艇": ("teng5", "ting5"),
        "姓": ("seng3", "sing3"),
        # -ek colloquial, -ik literary
        "赤": ("cek3", "cik3"),
        "席": ("zek6", "zik6"),
        "錫": ("sek3", "sik3"),
        "壁": ("bek3", "bik1"),
        "脊": ("zek3", "zik3"),
        # -aang colloquial, -ang / -ing literary
        "生": ("saang1", "sang1"),
        "省": ("saang2", "sing2"),
        "行": ("haang4", "hang4"),
        "爭": ("zaang1", "zang1"),
        "耕": ("gaang1", "gang1"),
        # aspirated tone 5 colloquial, unaspirated tone 6 literary
        "坐": ("co5", "zo6"),
        "重": ("cung5", "zung6"),
        "近": ("kan5", "gan6"),
        "斷": ("tyun5", "dyun6"),
        "淡": ("taam5", "daam6"),
        "被": ("pei5", "bei6"),
        # others
        "斜": ("ce3", "ce4"),
        "粒": ("nap1", "lap1"),
        "冥": ("ming5", "ming4"),
    }
)

# Particles and words of classical Chinese; the strong ones are enough alone.
_STRONG = frozenset("乎矣焉哉兮曰歟耶")
_CLASSICAL = _STRONG | frozenset("之者於于其乃遂吾汝爾而亦皆則夫蓋")
# Final particles: they count ending a clause even inside a word of the segmenter.
_FINAL = _STRONG | frozenset("之也")
_PUNCTUATION = frozenset("，。！？；：、,.!?;:\n")
# Spoken Cantonese, and modern written Chinese: either makes a sentence not literary.
_NOT_LITERARY = frozenset(
    "嘅咗唔佢喺啲嚟冇噉嘢畀啦喇嗰哋咩囉喎吖咁攞搵睇俾乜啱嚿梗嘞呀啊嘛囖咯喔噃啩㗎咪吓"
    "的們這那嗎吧呢着"
)
# Words of modern Chinese that classical text does not use (and Arabic digits, Latin letters).
_MODERN = re.compile(
    "[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]|不過|如果|但是|可是|因為|所以|已經|沒有|還有|因此|除了|包括|然而|雖然|"
    "並且|而且|或者|還是|就是|只是|目前|現在|今年|去年|明年|通過|透過|進行|正在|應該|能夠|需要|"
    "必須|我們|你們|他們|她們|它們|自己|甚麼|什麼|怎樣|怎麼|這樣|那樣|一些|一直|一起|一樣|非常|"
    "比較|更加|最近"
)
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;\n]*")
_CLAUSE = re.compile(r"[，、：,:]")
# The characters this module may change.
_CHANGED = re.compile("[" + "".join(sorted(set(LITERARY) | set("來夫重"))) + "]")
# The highest HSK level of an everyday word (7 is the 7–9 band).
_EVERYDAY = 6
_NUMERALS = frozenset("一二三四五六七八九十百千萬兩數幾雙")


def _han_count(s: str) -> int:
    return sum(map(is_han, s))


def is_literary(sentence: str, alone: Sequence[bool] | None = None) -> bool:
    """Whether one sentence is in the literary register (classical prose or verse).

    ``alone[k]``, if given, says whether character ``k`` of the sentence is a word of its own
    for the segmenter: a classical particle counts only then (其 in 其實 "in fact" does not).
    """
    if not _NOT_LITERARY.isdisjoint(sentence) or _MODERN.search(sentence):
        return False
    n = len(sentence)
    for k, c in enumerate(sentence):
        if c in _CLASSICAL and (alone is None or alone[k]):
            return True
        if c in _FINAL and (k + 1 == n or sentence[k + 1] in _PUNCTUATION):
            return True  # a final particle ending a clause, even inside a word (不亦樂乎，)
    body = sentence.rstrip("。！？；!?;\n")
    clauses = [c for c in _CLAUSE.split(body) if c]
    if len(clauses) >= 2:
        lengths = {_han_count(c) for c in clauses}
        whole = all(_han_count(c) == len(c) for c in clauses)
        return whole and len(lengths) == 1 and lengths <= {4, 5, 7}
    return False


def _clause_edge(text: str, k: int) -> bool:
    """Whether ``text[k]`` ends or begins a clause."""
    before = text[k - 1] if k else "。"
    after = text[k + 1] if k + 1 < len(text) else "。"
    return after in _PUNCTUATION or before in _PUNCTUATION


def apply_literary(
    text: str,
    readings: list[str | None],
    in_word: Sequence[bool],
    words: Sequence[tuple[int, int]] | None = None,
    simplified: str = "",
) -> None:
    """Put the literary readings in the literary sentences of ``text`` (in place).

    ``in_word[k]`` says whether the romaniser read character ``k`` inside a word of its
    dictionary (then its reading is kept, except 來 *lai4*); ``words`` are the segmenter's
    words (a classical particle counts only as a word of its own), ``simplified`` the text in
    Simplified characters: a word of the HSK list (levels 1–6: everyday modern words, 學生
    *hok6 saang1*, 名字 *meng2 zi6*) keeps its reading too.

    In every register, the measure word 名 after a number (三名男子, 千餘名工人, 19名) is
    *ming4*: the colloquial *meng2* is the noun "name" (and a rank, 第一名, 前15名, keeps it).
    """
    k = text.find("名")
    while k >= 0:
        if k and not in_word[k] and readings[k] == "meng2" and _after_number(text, k):
            readings[k] = "ming4"
        k = text.find("名", k + 1)
    alone: list[bool] | None = None
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        if not _NOT_LITERARY.isdisjoint(sentence) or not _CHANGED.search(sentence):
            continue
        a, b = m.span()
        if alone is None and words is not None:
            alone = [True] * len(text)
            for x, y in words:
                if y - x > 1:
                    alone[x:y] = [False] * (y - x)
        if not is_literary(sentence, None if alone is None else alone[a:b]):
            continue
        everyday = _everyday(words or (), simplified, a, b)
        for c in _CHANGED.finditer(text, a, b):
            k = c.start()
            ch = text[k]
            reading = readings[k]
            if ch == "來" and reading == "lai4":
                readings[k] = "loi4"
            elif ch == "夫" and (alone is None or alone[k]) and _clause_edge(text, k):
                readings[k] = "fu4"  # the particle: 逝者如斯夫，夫戰，勇氣也
            elif ch == "重" and k > 0 and text[k - 1] in _NUMERALS and not in_word[k]:
                readings[k] = "cung4"
            elif not in_word[k] and k not in everyday:
                pair = LITERARY.get(ch)
                if pair is not None and reading == pair[0]:
                    readings[k] = pair[1]


#: Counting words before the measure word 名 (該名學生, 每名考生; round 13).
_COUNTERS = frozenset("該每這那此各數幾")


def _after_number(text: str, k: int) -> bool:
    """Whether ``text[k]`` follows a number (三名, 19名, 千餘名) that is not a rank (第三名,
    前15名 "the top 15 places"), or a counting word (該名, 每名)."""
    if text[k - 1] in _COUNTERS and not (k >= 2 and text[k - 2] in "應应"):
        return True  # 該名學生 "the student", 每名考生 (應該名 is no counting word)
    j = k - 2 if text[k - 1] in "餘多" else k - 1
    if j < 0 or not (text[j].isdigit() or text[j] in _NUMERALS):
        return False
    while j >= 0 and (text[j].isdigit() or text[j] in _NUMERALS):
        j -= 1
    return j < 0 or text[j] not in "第前"


def _everyday(words: Sequence[tuple[int, int]], simplified: str, start: int, end: int) -> set[int]:
    """Positions in ``start:end`` inside a word of the HSK list (levels 1–6)."""
    levels = hsk_words()
    out: set[int] = set()
    for a, b in words:
        if start <= a and b <= end and b - a > 1 and levels.get(simplified[a:b], 7) <= _EVERYDAY:
            out.update(range(a, b))
    return out
