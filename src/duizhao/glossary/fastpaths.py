"""Speed paths of the glossary stages that give the same values as the plain code they replace
(round 14, second part; each checked by ``benchmarks/check_identity.py`` and
``tests/test_speed_identity_glossary.py``).

Examples:
    >>> bin(taken_mask([(2, 4, "a", 0.9), (6, 7, "b", 0.2), (3, 5, "c", 0.8)], "c", 0.5))
    '0b1100'
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["taken_mask"]


def taken_mask(places: Iterable[tuple[int, int, str, float]], owner: str, confidence: float) -> int:
    """The characters (bit ``i``: character ``i`` of the paragraph) of the places ``(start,
    end, owner, confidence)`` that items other than ``owner`` and more confident than
    ``confidence`` took: the set ``{i for … for i in range(start, end)}`` of
    :meth:`~duizhao.glossary.finder.Claims.share`, as bits (a place's characters are counted
    with one shift and ``int.bit_count`` instead of a set look-up each)."""
    mask = 0
    for x, y, o, conf in places:
        if o != owner and conf > confidence and y > x:
            mask |= ((1 << (y - x)) - 1) << x
    return mask
