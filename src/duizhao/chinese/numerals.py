"""Decimals and fractions written in Chinese numerals are one word.

Both word standards (the Taiwan AS corpus: 二十七點八 度, 百分之二點九, 千分之零點五, 三分之一;
the Hong Kong CityU corpus writes its decimals in Arabic figures, 39.1 度) keep a decimal or a
fraction whole, and a learner needs it whole: the segmenter's dictionary cuts 百分之零點五 "0.5
per cent" into 百分 / 之 / 零點 "midnight" / 五 and 高三點五度 "3.5 degrees higher" into 高三 (a
name) / 點 / 五度. :func:`join_numbers` re-cuts a run's words so that each such number is one
word; the characters around it that came with a fused word stay words of their own (高 / 三點五 /
度).

A number with 點 that tells the time is left alone: 點 before 鐘 半 正, or before a number and 分
刻 (兩點 五分 "five past two"), and 一 after 點 before 到 (五點 一 到 "as soon as it is five").
So is 一點 "a little" after a word it qualifies (快一點, 這一點).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["is_number", "join_numbers", "number_spans"]

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
            if after in _TIME_AFTER or (after == "到" and number[point + 1 :] == "一"):
                continue
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
