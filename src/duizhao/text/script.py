"""Which script a character or a text is written in: the one definition of Han and Latin.

Every stage asks these questions (the reader to tell English paragraphs from Chinese ones, the
annotator to decide which characters get readings, the term bank to tell an English term from a
Chinese one); they all ask here, so they all agree.

Examples:
    >>> is_han("港"), is_han("A"), is_han("〇")  # "harbour", a Latin letter, the ideographic zero
    (True, False, True)
    >>> script_of("香港 Hong Kong 的電車")  # "Hong Kong's trams": Han outweighs the Latin name
    'zh'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

__all__ = [
    "HAN",
    "HAN_RE",
    "HAN_RUN_RE",
    "LATIN_RE",
    "display_width",
    "has_han",
    "is_han",
    "script_counts",
    "script_of",
    "script_of_counts",
    "term_lang",
]

#: Han characters, as the body of a regular-expression character class: the CJK unified
#: ideographs (basic block and extensions A–H), the compatibility ideographs and their supplement,
#: and 〇 (U+3007, the ideographic zero, read líng).
HAN = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002fa1f\U00030000-\U0003134f\U00031350-\U000323af"
)
#: One Han character.
HAN_RE = re.compile(f"[{HAN}]")
#: A run of Han characters.
HAN_RUN_RE = re.compile(f"[{HAN}]+")
#: One Latin letter (ASCII and the Latin-1 / Latin Extended-A and -B letters).
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def is_han(char: str) -> bool:
    """Whether ``char`` is a Han character (漢字, "Chinese character"): one that gets readings.

    Args:
        char: One character.
    """
    return "\u4e00" <= char <= "\u9fff" or HAN_RE.fullmatch(char) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` holds at least one Han character."""
    return HAN_RE.search(text) is not None


def script_of(text: str) -> Literal["en", "zh"] | None:
    """Decide the language of a paragraph by its script.

    Chinese prose quotes Latin names (WIPO, SAR) and English may quote a Chinese term, so the
    paragraph is Chinese when Han characters are at least a third as many as Latin letters.

    Returns:
        ``"zh"``, ``"en"``, or ``None`` when the text has neither Han characters nor Latin letters.
    """
    return script_of_counts(*script_counts(text))


def script_counts(text: str) -> tuple[int, int]:
    """``(Han characters, Latin letters)`` of ``text``: what :func:`script_of` decides by.

    The counts of a text are the sums of those of its parts, so a reader can decide the script
    of a growing run of lines without counting it again for every line.

    Examples:
        >>> script_counts("WIPO 公布排名")  # "WIPO publishes its ranking"
        (4, 4)
    """
    return len(HAN_RE.findall(text)), len(LATIN_RE.findall(text))


def script_of_counts(han: int, latin: int) -> Literal["en", "zh"] | None:
    """:func:`script_of` from the counts of :func:`script_counts`."""
    if han == 0 and latin == 0:
        return None
    return "zh" if han * 3 >= latin else "en"


def term_lang(text: str) -> Literal["en", "zh"]:
    """The language of a term: Chinese when it holds any Han character, else English.

    Examples:
        >>> term_lang("集群"), term_lang("cluster")  # "cluster" in Chinese and in English
        ('zh', 'en')
    """
    return "zh" if has_han(text) else "en"


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: two for a wide character (Chinese), one otherwise.

    Examples:
        >>> display_width("電車 tram")  # "tram"
        9
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
