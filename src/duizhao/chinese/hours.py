"""An hour of the day written as one word: 下午 四時 "four o'clock", not "the four seasons".

The dictionary has some hours as words (四時 "the four seasons", 十時, 一時 "for a short
while"); after a time of the day (下午, 晚上 …) or before the minutes (四時 二十 分) such a word
is the hour, and its gloss says so. (An hour the segmenter cuts, 九 時, is glossed by the
function word 時 "o'clock".) Round 13, from an article we wrote on a typhoon signal.

Examples:
    >>> hour_gloss("四時", "下午", "二十", True)
    "four o'clock"
    >>> hour_gloss("四時", "一年", "。", False) is None  # the four seasons
    True
"""

from __future__ import annotations

__all__ = ["hour_gloss"]

_HOURS = {
    "一": "one", "二": "two", "兩": "two", "两": "two", "三": "three", "四": "four", "五": "five",
    "六": "six", "七": "seven", "八": "eight", "九": "nine", "十": "ten", "十一": "eleven",
    "十二": "twelve",
}  # fmt: skip
#: Times of the day before an hour (both scripts).
_TIMES = frozenset(
    ["上午", "下午", "晚上", "早上", "中午", "凌晨", "深夜", "今早", "今晚", "明早", "明晚",
     "昨晚", "傍晚", "黃昏", "黄昏", "清晨"]
)  # fmt: skip
_NUMERAL = frozenset("一二三四五六七八九十兩两零〇")


def hour_gloss(word: str, prev: str | None, nxt: str | None, next_is_number: bool) -> str | None:
    """ "N o'clock" for a word of a numeral and 時/时 after a time of the day or before the
    minutes (a number or 半 "half"); ``None`` elsewhere."""
    if len(word) < 2 or word[-1] not in "時时" or word[:-1] not in _HOURS:
        return None
    after = nxt or ""
    if prev in _TIMES or after == "半" or next_is_number or (after and set(after) <= _NUMERAL):
        return f"{_HOURS[word[:-1]]} o'clock"
    return None
