"""Which readings an output shows: ``--reading pinyin|jyutping|both|none``, one rule for all.

The sheet, the worksheets, the exports (Anki, Quizlet, CSV), the term bank's due sheet and
review, and the review page's downloads each take a ``reading`` and give the pinyin, the
Jyutping, both or neither of each Chinese word.

Examples:
    >>> readings_shown("jí qún", "zaap6 kwan4", "jyutping")  # 集群 "cluster"
    ('', 'zaap6 kwan4')
    >>> pronunciation("jí qún", "zaap6 kwan4", "both")
    'jí qún / zaap6 kwan4'
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "READINGS",
    "Reading",
    "pronunciation",
    "readings_shown",
    "shows_jyutping",
    "shows_pinyin",
]

#: The readings a Chinese word may be shown with, as ``--reading`` names them.
Reading = Literal["pinyin", "jyutping", "both", "none"]

#: Every value of :data:`Reading`.
READINGS: tuple[Reading, ...] = ("pinyin", "jyutping", "both", "none")


def shows_pinyin(reading: str) -> bool:
    """Whether ``reading`` shows the pinyin (``pinyin`` or ``both``)."""
    return reading in ("pinyin", "both")


def shows_jyutping(reading: str) -> bool:
    """Whether ``reading`` shows the Jyutping (``jyutping`` or ``both``)."""
    return reading in ("jyutping", "both")


def readings_shown(
    pinyin: str | None, jyutping: str | None, reading: str = "both"
) -> tuple[str, str]:
    """The pinyin and Jyutping shown with ``reading``: the one not shown (or missing) blank."""
    return (
        (pinyin or "") if shows_pinyin(reading) else "",
        (jyutping or "") if shows_jyutping(reading) else "",
    )


def pronunciation(pinyin: str | None, jyutping: str | None, reading: str = "both") -> str:
    """The readings ``reading`` shows, as one field: ``jí qún / zaap6 kwan4`` (empty if none)."""
    return " / ".join(x for x in readings_shown(pinyin, jyutping, reading) if x)
