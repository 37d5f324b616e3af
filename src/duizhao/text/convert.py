"""Script conversion with OpenCC that keeps the length of the text, so offsets carry over.

Every stage that needs Simplified characters (the segmenter, pinyin, CC-CEDICT and HSK look-ups)
converts here: Hong Kong Traditional to Simplified with ``hk2s``, back with ``s2hk``. Where a phrase
conversion would change the length, the text is converted line by line, then character by
character, keeping any character whose own conversion is not a single character.

Examples:
    >>> to_simplified("會計")  # "accountant"
    '会计'
    >>> to_traditional("银行")  # "bank"
    '銀行'
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["convert", "to_simplified", "to_traditional"]


# Read-only converters loaded once: one per OpenCC configuration (a handful).
@cache
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    """Convert ``text`` with the OpenCC configuration ``config`` (``"hk2s"``, ``"s2hk"``,
    ``"hk2t"``, ``"t2tw"`` …), keeping its length."""
    if not text:
        return text
    conv = _opencc(config)
    out: str = conv.convert(text)
    if len(out) == len(text):
        return out
    parts = []
    for line in text.splitlines(keepends=True):
        converted: str = conv.convert(line)
        if len(converted) != len(line):
            chars = []
            for ch in line:
                c: str = conv.convert(ch)
                chars.append(c if len(c) == 1 else ch)
            converted = "".join(chars)
        parts.append(converted)
    return "".join(parts)


def to_simplified(text: str) -> str:
    """Convert Hong Kong Traditional text to Simplified (OpenCC ``hk2s``), keeping its length.

    Examples:
        >>> to_simplified("知識產權")  # "intellectual property"
        '知识产权'
    """
    return convert(text, "hk2s")


def to_traditional(text: str) -> str:
    """Convert Simplified text to Hong Kong Traditional (OpenCC ``s2hk``), keeping its length.

    Examples:
        >>> to_traditional("电车")  # "tram"
        '電車'
    """
    return convert(text, "s2hk")
