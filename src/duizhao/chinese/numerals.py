"""Decimals and fractions written in Chinese numerals are one word.

Both word standards (the Taiwan AS corpus: 二十七點八 度, 百分之二點九, 千分之零點五, 三分之一;
the Hong Kong CityU corpus writes its decimals in Arabic figures, 39.1 度) keep a decimal or a
fraction whole, and a learner needs it whole: the segmenter's dictionary cuts 百分之零點五 "0.5
per cent" into 百分 / 之 / 零點 "midnight" / 五 and 高三點五度 "3.5 degrees higher" into 高三 (a
name) / 點 / 五度. :func:`join_numbers` re-cuts a run's words so that each such number is one
word; the characters around it that came with a fused word stay words of their own (高 / 三點五 /
度).

A number with 點 that tells the time is left alone: 點 before 鐘 半 正, or before a number and 分
刻 (兩點 五分 "five past two"), and 一 after 點 before 到 (五點 一 到 "as soon as it is five");
so is the idiom 一點一滴 "bit by bit" (round 20).
So is 一點 "a little" after a word it qualifies (快一點, 這一點).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["is_number", "join_numbers", "number_spans", "numeral_yi"]

_NUM = "[零〇○一二三四五六七八九十百千萬万億亿兩两]"
_DIGIT = "[零〇○一二三四五六七八九]"
#: A fraction (百分之五, 三分之一, 千分之零點五) or a decimal (二十一點二), longest first.
_NUMBER_RE = re.compile(f"{_NUM}+分之{_NUM}+(?:[點点]{_DIGIT}+)?|{_NUM}+[點点]{_DIGIT}+")
#: After a decimal's digits, what makes 點 "o'clock" (兩點五分) or 一 "as soon as" (五點一到).
_TIME_AFTER = frozenset("分刻鐘钟")
#: Before 一點, the words it qualifies as "a little" or points at (快一點, 這一點).
_A_LITTLE_AFTER = frozenset("這这那哪每有差快慢多少好早晚大小高低些")


def is_number(word: str) -> bool:
    """Whether ``word`` (either script) is a decimal or a fraction in Chinese numerals.

    Examples:
        >>> is_number("百分之零點五"), is_number("三分之一"), is_number("零點")
        (True, True, False)
    """
    return _NUMBER_RE.fullmatch(word) is not None


def number_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each decimal or fraction in Chinese numerals of ``text``.

    Examples:
        >>> [("百分之零點五度"[s:e]) for s, e in number_spans("百分之零點五度")]
        ['百分之零點五']
        >>> number_spans("下午兩點五分"), number_spans("快一點二人"), number_spans("十分之好")
        ([], [], [])
    """
    spans: list[tuple[int, int]] = []
    for m in _NUMBER_RE.finditer(text):
        s, e = m.span()
        number = m.group()
        if "分之" not in number:
            point = max(number.rfind("點"), number.rfind("点"))
            after = text[e : e + 1]
            if after in _TIME_AFTER or (after in "到滴" and number[point + 1 :] == "一"):
                continue  # 五點一到 "as soon as it is five"; 一點一滴 "bit by bit" (round 20)
            if number[:point] == "一" and s > 0 and text[s - 1] in _A_LITTLE_AFTER:
                continue
        spans.append((s, e))
    return spans


def join_numbers(words: Sequence[str]) -> list[str]:
    """``words`` with each decimal or fraction in Chinese numerals as one word.

    Examples:
        >>> join_numbers(["跌", "百分", "之", "零點", "五"])
        ['跌', '百分之零點五']
        >>> join_numbers(["比", "昨日", "高三", "點", "五度"])
        ['比', '昨日', '高', '三點五', '度']
        >>> join_numbers(["三", "點", "半"])
        ['三', '點', '半']
    """
    text = "".join(words)
    spans = number_spans(text)
    if not spans:
        return list(words)
    cuts: set[int] = set()
    i = 0
    for w in words:
        i += len(w)
        cuts.add(i)
    for s, e in spans:
        cuts.difference_update(range(s + 1, e))
        cuts.update((s, e))
    cuts.discard(0)
    out: list[str] = []
    start = 0
    for c in sorted(cuts):
        out.append(text[start:c])
        start = c
    return out


#: After 一, the units before which it is read with its tone sandhi in a number (一百 *yì bǎi*).
_UNITS = frozenset("百千万萬亿億")
#: Times of day before an hour (Simplified): 凌晨 一点 "1 a.m." is the digit *yī*.
_DAYTIMES = frozenset(
    (  # noqa: SIM905 (a list of words reads better as one string)
        "凌晨 清晨 早上 上午 中午 下午 晚上 夜晚 深夜 半夜 午夜 今晨 今早 今晚 明早 明晚 昨晚 零晨"
    ).split()
)
#: Words of a month that begin with 一 "January" (Simplified).
_JANUARY = frozenset(["一月份", "一月初", "一月中", "一月底", "一月中旬", "一月下旬", "一月上旬"])
#: What follows 一月 "one month" (一月 之内, 一月 有余, 一月 多 "over a month"), not January.
_ONE_MONTH_AFTER = frozenset("之内多余有来")


def _day(word: str) -> bool:
    """Whether ``word`` (Simplified) is a day of a month: 一日, 二十号, 3日."""
    return len(word) >= 2 and word[-1] in "日号" and all(ch in _NUM_CHARS for ch in word[:-1])


_NUM_CHARS = frozenset("零〇○一二三四五六七八九十廿卅两0123456789０１２３４５６７８９")


def _digit_yi(simplified: str, words: Sequence[tuple[int, int]], n: int) -> bool:
    """Whether the 一 that word ``n`` begins is the digit *yī*: an hour (凌晨 一点, 一点 半, 一点钟)
    or the month January (一月 一日, 最 冷 的 一月, 一月份; not 一月 之内 "within a month")."""
    a, b = words[n]
    word = simplified[a:b]
    before = simplified[words[n - 1][0] : words[n - 1][1]] if n > 0 else ""
    after = simplified[words[n + 1][0] : words[n + 1][1]] if n + 1 < len(words) else ""
    if word == "一点钟":
        return True
    if word == "一点":
        if after in ("半", "正", "钟") and not simplified[b:].startswith("半点"):
            return True  # 一点半 "half past one" (一点半点 "the tiniest bit" stays yì)
        return before in _DAYTIMES
    if word in _JANUARY:
        return True
    if word == "一月":  # January, except "one month" (一月 之内, 一月 有余, 一月 多)
        return _day(after) or not after or after[0] not in _ONE_MONTH_AFTER
    return False


def numeral_yi(
    simplified: str, words: Sequence[tuple[int, int]], readings: list[str | None]
) -> None:
    """一 as a digit is *yī* (in place; round 20), where the phrase data read the *yì* or *yí* of
    its tone sandhi: in a decimal or a fraction (一点五 *yī diǎn wǔ* "1.5", not the 一点 "a little"
    read inside the word; 零点一, 三分之一), an hour (凌晨 一点, 一点 半, 一点钟) and the month
    January (一月 一日, 最 冷 的 一月, 一月份: pypinyin's 一月 is *yí yuè*; not 一月 之内 "within a
    month"). A 一 before 百 千 万 亿
    keeps its reading (一百 *yì bǎi*); 快 一点 "a bit quicker" stays *yì*.

    Examples:
        >>> readings = ["yì", "diǎn", "wǔ", "gè"]
        >>> numeral_yi("一点五个", [(0, 3), (3, 4)], readings)
        >>> readings[0]
        'yī'
        >>> readings = ["kuài", "yì", "diǎn"]
        >>> numeral_yi("快一点", [(0, 1), (1, 3)], readings)  # "a bit quicker": no number
        >>> readings[1]
        'yì'
    """
    if "一" not in simplified:
        return
    for n, (a, b) in enumerate(words):
        word = simplified[a:b]
        if "一" not in word or b - a < 2:
            continue
        if simplified[a] == "一" and _digit_yi(simplified, words, n):
            if readings[a] is not None:
                readings[a] = "yī"
            continue
        if b - a < 3 or not is_number(word):
            continue
        for k in range(a, b):
            if simplified[k] == "一" and readings[k] is not None:
                if k + 1 < b and simplified[k + 1] in _UNITS:
                    continue
                readings[k] = "yī"
