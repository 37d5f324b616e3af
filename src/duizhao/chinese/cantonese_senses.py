"""The Cantonese reading of a polyphone made to say the sense its pinyin says.

The Jyutping comes from ToJyutping's dictionary, which reads a character it finds in no phrase
with its commonest reading: 好高騖遠 "to aim too high" *hou2* ("good") where the sense is *hou3*
"to be fond of", 重回 "to return" *cung5* ("heavy") where it is *cung4* "again", 屢見不鮮 *sin2*
("few") where it is *sin1* "new". The pinyin is read in context (phrase data, the polyphone
model, the rules of :mod:`~duizhao.chinese.frames` and :mod:`~duizhao.chinese.polyphones`) and
tells these senses apart: *hào*, *chóng*, *xiān*. For each character below, every Mandarin
reading is given the Cantonese readings of the same sense; where the Jyutping is a reading of
another sense than the pinyin's, it is replaced by the first of the pinyin's (round 14; it
generalises :func:`duizhao.chinese.frames.agree_jyutping`, which does it for 長, 著 and 曾).
A sentence of spoken Cantonese (嘅, 咗, 唔, 佢 …) is left as ToJyutping reads it: the pinyin
models read Mandarin and misread it (好 *hào*, 少 *shào*, 難 *nàn* on the HKCanCor tuning half).

A character inside a phrase of ToJyutping's dictionary keeps that phrase's reading. Only
characters whose Mandarin readings split the Cantonese ones cleanly are listed: not 間
(時間 *shí jiān*, *si4 gaan3*), 中 (Cantonese 中意 *zung1 ji3*, Mandarin *zhòng yì*) or 當;
重 *chóng* keeps *zung6* (Cantonese 重 "still", the same sense as "again", written 仲); nor 樂,
whose *yuè* the polyphone model gives in classical lines (天下之樂 *lè*).
Written by the developers from the readings of 现代汉语词典 and CUHK's 粵語審音配詞字庫; no
evaluation data looked at.

Examples:
    >>> agree_senses("好高騖遠", ["hào", "gāo", "wù", "yuǎn"], ["hou2", "gou1", "mou6", "jyun5"])
    ['hou3', 'gou1', 'mou6', 'jyun5']
    >>> agree_senses("重有", ["chóng", "yǒu"], ["zung6", "jau5"])  # Cantonese "still have"
    ['zung6', 'jau5']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

__all__ = ["SENSES", "agree_senses"]

_S: dict[str, dict[str, tuple[str, ...]]] = {
    "好": {"hǎo": ("hou2",), "hào": ("hou3",)},
    "重": {"chóng": ("cung4", "zung6"), "zhòng": ("zung6", "cung5")},
    "強": {"qiáng": ("koeng4",), "qiǎng": ("koeng5",), "jiàng": ("goeng6",)},
    "鮮": {"xiān": ("sin1",), "xiǎn": ("sin2",)},
    "行": {"xíng": ("hang4", "haang4"), "háng": ("hong4",), "xìng": ("hang6",)},
    "降": {"jiàng": ("gong3",), "xiáng": ("hong4",)},
    "處": {"chǔ": ("cyu5", "cyu2"), "chù": ("cyu3",)},
    "朝": {"cháo": ("ciu4",), "zhāo": ("ziu1",)},
    "應": {"yīng": ("jing1",), "yìng": ("jing3",)},
    "調": {"diào": ("diu6",), "tiáo": ("tiu4",)},
    "傳": {"chuán": ("cyun4",), "zhuàn": ("zyun6",)},
    "數": {"shù": ("sou3",), "shǔ": ("sou2",), "shuò": ("sok3",)},
    "相": {"xiāng": ("soeng1",), "xiàng": ("soeng3",)},
    "率": {"shuài": ("seot1",), "lǜ": ("leot2", "leot6")},
    "省": {"shěng": ("saang2",), "xǐng": ("sing2",)},
    "興": {"xīng": ("hing1",), "xìng": ("hing3",)},
    "種": {"zhǒng": ("zung2",), "zhòng": ("zung3",)},
    "少": {"shǎo": ("siu2",), "shào": ("siu3",)},
    "將": {"jiāng": ("zoeng1",), "jiàng": ("zoeng3",)},
    "看": {"kàn": ("hon3",), "kān": ("hon1",)},
    "藏": {"cáng": ("cong4",), "zàng": ("zong6",)},
    "假": {"jiǎ": ("gaa2",), "jià": ("gaa3",)},
    "更": {"gēng": ("gang1", "gaang1"), "gèng": ("gang3",)},
    "惡": {"è": ("ok3",), "wù": ("wu3",)},
    "難": {"nán": ("naan4",), "nàn": ("naan6",)},
    "為": {"wéi": ("wai4",), "wèi": ("wai6",)},
    "盛": {"chéng": ("sing4",), "shèng": ("sing6",)},  # round 20: 盛 米飯 "to fill a bowl"
}  # fmt: skip

#: character → Mandarin reading → the Cantonese readings of that sense (the first is given).
SENSES: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(_S)
_OF_SOME_SENSE = {ch: {r for rs in by.values() for r in rs} for ch, by in _S.items()}
_CHARS = frozenset(_S)
#: Characters of spoken Cantonese (those of :mod:`duizhao.chinese.literary`'s markers, and the
#: particle 𡃉 and 靚 "pretty", which only Cantonese writes).
_SPOKEN = frozenset(
    "嘅咗唔佢喺啲嚟冇噉嘢畀啦喇嗰哋咩囉喎吖咁攞搵睇俾乜啱嚿梗嘞呀啊嘛囖咯喔噃啩㗎咪吓𡃉靚"
)
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;\n]*")


def agree_senses(
    text: str, pinyin: Sequence[str | None], jyutping: list[str | None]
) -> list[str | None]:
    """Replace, in place, the Jyutping of a character of :data:`SENSES` that is the reading of
    another sense than its pinyin's (a reading of no listed sense is left: a name, a
    colloquial reading). Returns ``jyutping``."""
    if _CHARS.isdisjoint(text):
        return jyutping
    spoken = _spoken_spans(text)
    for k, ch in enumerate(text):
        by = _S.get(ch)
        if by is None or jyutping[k] is None or any(a <= k < b for a, b in spoken):
            continue
        wanted = by.get(pinyin[k] or "")
        reading = jyutping[k]
        if (
            wanted
            and reading not in wanted
            and reading in _OF_SOME_SENSE[ch]
            and not _in_a_phrase(text, k)
        ):
            jyutping[k] = wanted[0]
    return jyutping


def _spoken_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` in spoken Cantonese (with 嘅, 咗, 唔, 佢 …): the polyphone model
    and the phrase data read Mandarin, and misread them (好 *hào*, 少 *shào*, 難 *nàn*)."""
    return [m.span() for m in _SENTENCE.finditer(text) if not _SPOKEN.isdisjoint(m.group())]


def _in_a_phrase(text: str, k: int) -> bool:
    """Whether character ``k`` is inside a phrase of ToJyutping's dictionary (rime-cantonese's
    words, which record how Hong Kong reads them: 調景嶺 *tiu4*, 差強人意 *koeng5*): its
    reading there stands."""
    from .jyutping import _jyutping_table

    table = _jyutping_table()
    for i in range(max(0, k - 3), k + 1):
        for j in range(max(i + 2, k + 1), min(len(text), i + 5) + 1):
            if table.get(text[i:j]) is not None:
                return True
    return False
