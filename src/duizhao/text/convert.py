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

__all__ = [
    "HK_TO_TAIWAN",
    "convert",
    "convert_whole",
    "opencc_boundary",
    "to_simplified",
    "to_traditional",
]

#: OpenCC's steps from Hong Kong variant characters to the Taiwan standard forms of the
#: segmenter's dictionary (裏 → 裡, 衞 → 衛, 綫 → 線), each keeping the length.
HK_TO_TAIWAN = ("hk2t", "t2tw")


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


def convert_whole(text: str, configs: tuple[str, ...]) -> str | None:
    """``text`` converted by each configuration in turn, or ``None`` when a step changes the
    length of the whole text (where :func:`convert` falls back to converting line by line).

    Where it is not ``None``, every stretch of ``text`` that has an :func:`opencc_boundary`
    character (or the text's edge) on each side converts to its own slice of the result:
    OpenCC's dictionaries (phrases and characters) have keys of Han characters only, so its
    longest-match segmentation starts a segment at such a stretch's first character and ends one
    at its last, whatever stands around it, and a boundary character converts to itself. A
    paragraph is converted once instead of once a run.

    Examples:
        >>> text = "裏面，衞生。"  # "inside, hygiene."
        >>> whole = convert_whole(text, ("hk2t", "t2tw"))
        >>> whole[3:5] == convert(convert(text[3:5], "hk2t"), "t2tw")
        True
    """
    out = text
    for config in configs:
        step: str = _opencc(config).convert(out) if out else out
        if len(step) != len(text):
            return None
        out = step
    return out


def opencc_boundary(char: str) -> bool:
    """Whether ``char`` is in none of OpenCC's keys (so converts to itself and ends any match):
    ASCII, general punctuation, CJK symbols and punctuation (not 〇 U+3007 or 々 U+3005) and the
    half- and full-width forms (the commas, stops, brackets and digits of Chinese text)."""
    return (
        char < "\x80"
        or "\u2000" <= char <= "\u206f"
        or ("\u3000" <= char <= "\u303f" and char not in "\u3005\u3007")
        or "\uff00" <= char <= "\uffef"
    )


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
