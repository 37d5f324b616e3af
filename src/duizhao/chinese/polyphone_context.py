"""The sentence around a character: what the polyphone model reads to decide its reading.

Examples:
    >>> text = "他去银行。银行很大。"  # "he goes to the bank. The bank is big."
    >>> contexts(text, [3, 6])
    [(0, 5), (5, 10)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

__all__ = ["context", "contexts"]

# Where the polyphone model's context stops: the end of a sentence or clause, or of a line.
_SENTENCE_END_RE = re.compile(r"[。！？!?；;\n]")


def context(text: str, pos: int, radius: int = 40) -> tuple[int, int]:
    """The sentence around ``pos`` (at most ``radius`` characters on each side)."""
    start = max(0, pos - radius)
    for m in _SENTENCE_END_RE.finditer(text, start, pos):
        start = m.end()
    end = min(len(text), pos + radius + 1)
    after = _SENTENCE_END_RE.search(text, pos + 1, end)
    if after:
        end = after.end()
    return start, end


def contexts(text: str, positions: Sequence[int], radius: int = 40) -> list[tuple[int, int]]:
    """:func:`context` of each position (the text's sentence ends found once)."""
    ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
    out = []
    for pos in positions:
        start = max(0, pos - radius)
        i = bisect_left(ends, pos)  # ends[i - 1]: the last sentence end before pos
        if i and ends[i - 1] >= start:
            start = ends[i - 1] + 1
        end = min(len(text), pos + radius + 1)
        j = bisect_right(ends, pos)  # ends[j]: the first after it
        if j < len(ends) and ends[j] < end:
            end = ends[j] + 1
        out.append((start, end))
    return out
