"""The banded dynamic programme: the cheapest monotone path of beads, pins, and bead scores.

:func:`align_with_pins` cuts the texts at the pinned beads (:func:`pin_groups`) and aligns each
stretch between them with :func:`align_segments`, which runs the dynamic programme over the bead
shapes of :func:`~duizhao.align.scoring.bead_types` and turns its steps into
:class:`~duizhao.model.Bead` s with a 0–1 score.

The search is banded around the diagonal given by cumulative lengths (√n + 8 units wide at first),
and the band is widened only when the best path touches its edge, at most twice
(:data:`MAX_WIDENING`), so time and memory grow as n·√n rather than n².

Examples:
    >>> pin_groups([(0, 1), (0, 2), (3, 4)], 5, 5)  # English 0 with Chinese 1–2; 3 with 4
    [(0, 0, 1, 2), (3, 3, 4, 4)]
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import math
from collections.abc import Iterable, Sequence

import numpy as np

from ..errors import PinError
from ..model import Bead
from .scoring import PreparedScorer, bead_types, unit_length

__all__ = [
    "LOW_CONFIDENCE",
    "MAX_WIDENING",
    "align_segments",
    "align_with_pins",
    "pin_groups",
    "unit_lengths",
]

_INF = float("inf")

#: Beads scoring below this are flagged ``low_confidence``.
LOW_CONFIDENCE = 0.5

#: A two-sided bead whose pairing with a neighbour could be redrawn for less than this (see
#: :func:`_neighbour_margin`) scores below :data:`LOW_CONFIDENCE`. Chosen on MAC-Dev 001–003:
#: 20 of 771 beads flagged there, 17 of them wrong (the previous score flagged none of the 153
#: wrong ones); on 004–006, never looked at while choosing, 30 of 596 flagged, 19 wrong of 83.
NEIGHBOUR_MARGIN = 4.0

#: A bead of three or more units whose cost is within this of the same bead with one end unit
#: left alone (see :func:`_split_margin`) scores below :data:`LOW_CONFIDENCE`: a Chinese
#: sentence the English leaves out, swallowed by the bead beside it. Chosen on MAC-Dev 001–003
#: (docs/align.md: 2 more beads flagged there, 1 wrong; on 004–006, 7 more, 3 wrong).
SPLIT_MARGIN = 3.0

#: The widest band searched, as a multiple of the first (√n + 8 units): the band doubles at
#: most twice. On a path that still touches the edge the best path inside the band is kept.
MAX_WIDENING = 4


def _band_centres(
    i0: int, i1: int, j0: int, j1: int, lens: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """For each English boundary i0..i1, the Chinese boundary with the same share of text."""
    le, lz = lens
    ce = np.concatenate(([0.0], np.cumsum(le[i0:i1] + 1.0)))
    cz = np.concatenate(([0.0], np.cumsum(lz[j0:j1] + 1.0)))
    target = ce / ce[-1] * cz[-1] if ce[-1] > 0 else np.zeros_like(ce)
    centres = np.searchsorted(cz, target)
    centres = np.minimum(np.maximum(centres, 0), j1 - j0)  # np.clip, without its checks
    centres[0], centres[-1] = 0, j1 - j0
    return centres


def _dp(
    prep: PreparedScorer,
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    types: tuple[tuple[int, int], ...],
    lens: tuple[np.ndarray, np.ndarray],
    width: int = 12,
) -> list[tuple[int, int, int, int, float]]:
    """Best monotone path from (i0, j0) to (i1, j1): beads as (i, a, j, b, cost), in order."""
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        beads = [(i0 + k + 1, 1, j0, 0, 0.0) for k in range(n)]
        beads += [(i0, 0, j0 + k + 1, 1, 0.0) for k in range(m)]
        out = []
        for i, a, j, b, _ in beads:
            out.append((i, a, j, b, float(prep.costs(a, b, i, np.array([j]))[0])))
        return out
    centres = _band_centres(i0, i1, j0, j1, lens)
    # Long texts drift further from the length diagonal: start wider (√n keeps it sub-quadratic).
    width = max(width, int(math.sqrt(max(n, m))) + 8)
    # Widen at most twice: memory and time stay those of a band, never of the whole n × m table
    # (the scorers keep their evidence within this reach too).
    widest = MAX_WIDENING * width
    while True:
        result = _dp_band(prep, i0, j0, n, m, types, centres, width, last=width >= widest)
        if result is not None:
            return result
        width *= 2


def _dp_band(
    prep: PreparedScorer,
    i0: int,
    j0: int,
    n: int,
    m: int,
    types: tuple[tuple[int, int], ...],
    centres: np.ndarray,
    width: int,
    last: bool = False,
) -> list[tuple[int, int, int, int, float]] | None:
    """The best path inside the band, or ``None`` when it touches the band's edge (unless this
    is the ``last`` band tried: then the best path inside it)."""
    full = width >= max(n, m)
    # (np.minimum/np.maximum: np.clip, without its checks)
    los = np.minimum(np.maximum(centres - width, 0), m) if not full else np.zeros(n + 1, np.int64)
    his = np.minimum(np.maximum(centres + width, 0), m) if not full else np.full(n + 1, m, np.int64)
    # Keep the band connected: each row starts no later than the previous row ends.
    for i in range(1, n + 1):
        los[i] = min(los[i], his[i - 1])
    for i in range(n - 1, -1, -1):
        his[i] = max(his[i], los[i + 1])
    los[0] = 0
    his[n] = m
    dist: list[np.ndarray] = []
    back_a: list[np.ndarray] = []
    back_b: list[np.ndarray] = []
    step_cost: list[np.ndarray] = []
    row_types = [(a, b) for a, b in types if a > 0]
    has_01 = (0, 1) in types
    # a scorer that prices several bead shapes in one call (the same costs as one by one)
    batch = getattr(prep, "shape_costs", None)
    for i in range(n + 1):
        lo, hi = int(los[i]), int(his[i])
        js = np.arange(lo, hi + 1)
        d = np.full(len(js), _INF)
        ba = np.zeros(len(js), dtype=np.int8)
        bb = np.zeros(len(js), dtype=np.int8)
        sc = np.zeros(len(js))
        if i == 0:
            d[0] = 0.0
        steps = []
        for a, b in row_types:
            if a > i:
                continue
            prev = dist[i - a]
            plo = int(los[i - a])
            # The band's columns j whose j - b is in row i - a's band: the run k0 <= k < k1 of js
            # (j - b >= 0 follows from plo >= 0).
            k0 = max(0, plo + b - lo)
            k1 = min(len(js), plo + len(prev) + b - lo)
            if k1 > k0:
                steps.append((a, b, prev, plo, k0, k1))
        # The whole band at once (per-row caches in the scorer are shared between shapes), and
        # all the shapes at once when the scorer can.
        priced: dict[tuple[int, int], np.ndarray] = {}
        live = [(a, b) for a, b, *_ in steps if b > 0]
        if batch is not None and live:
            priced = dict(zip(live, batch(live, i0 + i, j0 + js), strict=True))
        for a, b, prev, plo, k0, k1 in steps:
            row = priced.get((a, b))
            c = (row if row is not None else prep.costs(a, b, i0 + i, j0 + js))[k0:k1]
            cand = prev[lo + k0 - b - plo : lo + k1 - b - plo] + c
            better = cand < d[k0:k1]
            if better.any():
                w = np.nonzero(better)[0] + k0
                d[w] = cand[better]
                ba[w] = a
                bb[w] = b
                sc[w] = c[better]
        if has_01 and len(js) > 1:
            c01 = np.zeros(len(js))
            c01[1:] = prep.costs(0, 1, i0 + i, j0 + js[1:])
            cum = np.cumsum(c01)
            y = d - cum
            run = np.minimum.accumulate(y)
            improved = run + cum
            better = improved < d - 1e-12
            if better.any():
                d = np.where(better, improved, d)
                ba[better] = 0
                bb[better] = 1
                sc[better] = c01[better]
        dist.append(d)
        back_a.append(ba)
        back_b.append(bb)
        step_cost.append(sc)
    if not np.isfinite(dist[n][m - int(los[n])]):
        return None if not full else []
    beads = []
    i, j = n, m
    touches = False
    while i > 0 or j > 0:
        k = j - int(los[i])
        if not full and ((j == los[i] and los[i] > 0) or (j == his[i] and his[i] < m)):
            touches = True
        a, b = int(back_a[i][k]), int(back_b[i][k])
        beads.append((i0 + i, a, j0 + j, b, float(step_cost[i][k])))
        i, j = i - a, j - b
    if touches and not last:
        return None
    beads.reverse()
    return beads


# -- beads ----------------------------------------------------------------------------------------


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


def pin_groups(pins: Sequence[tuple[int, int]], n: int, m: int) -> list[tuple[int, int, int, int]]:
    """Pins → fixed beads (en_lo, en_hi, zh_lo, zh_hi), inclusive, ordered and non-overlapping."""
    for e, z in pins:
        if not (0 <= e < n and 0 <= z < m):
            raise PinError(f"pin {e}:{z} is outside the texts ({n} English, {m} Chinese units)")
    groups: list[list[int]] = []
    for e, z in sorted(set(pins)):
        if groups and (e <= groups[-1][1] or z <= groups[-1][3]):
            g = groups[-1]
            if e < g[0] or z < g[2]:
                raise PinError(f"pin {e}:{z} crosses another pin")
            g[1], g[3] = max(g[1], e), max(g[3], z)
        else:
            if groups and (z < groups[-1][3]):
                raise PinError(f"pin {e}:{z} crosses another pin")
            groups.append([e, e, z, z])
    for a, b in itertools.pairwise(groups):
        if b[2] <= a[3] or b[0] <= a[1]:
            raise PinError(f"pins {a[0]}:{a[2]} and {b[0]}:{b[2]} cross")
    return [(g[0], g[1], g[2], g[3]) for g in groups]


def unit_lengths(en: Sequence[str], zh: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The lengths of both sides' units (see :func:`~duizhao.align.scoring.unit_length`)."""
    return (
        np.array([unit_length(t) for t in en], dtype=np.float64),
        np.array([unit_length(t) for t in zh], dtype=np.float64),
    )


def _to_beads(
    prep: PreparedScorer,
    path: list[tuple[int, int, int, int, float]],
    null_cost: float,
    low: float,
) -> list[Bead]:
    """Turn DP steps into beads with a 0–1 score and a low-confidence flag.

    A bead's score compares its cost with the nearest alternative: for a bead with both sides,
    leaving all its units without counterpart; for a unit left alone, absorbing it into the
    neighbouring bead before or after it.
    """
    out: list[Bead] = []
    for k, (i, a, j, b, cost) in enumerate(path):
        if a and b:
            score = round(_sigmoid(((a + b) * null_cost - cost) / 4.0), 3)
            shift = _neighbour_margin(prep, path, k, null_cost)
            if shift < _INF:
                score = min(score, round(_sigmoid((shift - NEIGHBOUR_MARGIN) / 4.0), 3))
            split = _split_margin(prep, path[k])
            if split < _INF:
                score = min(score, round(_sigmoid((split - SPLIT_MARGIN) / 4.0), 3))
        else:
            alt = []
            for kk, (ni, na, nj, nb, ncost) in _paired_neighbours(path, k):
                # extend the previous bead forwards, or the next one backwards
                ends = (ni + a, na + a, nj + b, nb + b) if kk < k else (ni, na + a, nj, nb + b)
                merged = _price(prep, ends[1], ends[3], ends[0], ends[2])
                if merged is not None:
                    alt.append(merged - ncost)
            score = round(_sigmoid(((min(alt) - cost) if alt else 0.0) / 4.0), 3)
        out.append(
            Bead(
                en=tuple(range(i - a, i)),
                zh=tuple(range(j - b, j)),
                score=score,
                low_confidence=score < low,
            )
        )
    return out


def _price(prep: PreparedScorer, a: int, b: int, i: int, j: int) -> float | None:
    """The cost of one bead ending at ``(i, j)``, or ``None`` where it does not fit the texts."""
    with contextlib.suppress(IndexError, ValueError):
        return float(prep.costs(a, b, i, np.array([j]))[0])
    return None


def _paired_neighbours(
    path: list[tuple[int, int, int, int, float]], k: int
) -> Iterable[tuple[int, tuple[int, int, int, int, float]]]:
    """The beads before and after bead ``k`` that have both sides, with their places."""
    for kk in (k - 1, k + 1):
        if 0 <= kk < len(path) and path[kk][1] and path[kk][3]:
            yield kk, path[kk]


def _split_margin(prep: PreparedScorer, step: tuple[int, int, int, int, float]) -> float:
    """How much dearer the bead would be with its first or last unit on one side left alone
    (a 1–2 bead as a 1–1 bead and a Chinese sentence without counterpart). ``inf`` for a 1–1
    bead."""
    i, a, j, b, cost = step
    alts: list[tuple[int, int, int, int, tuple[int, int, int, int]]] = []
    if b >= 2:  # the first or the last Chinese unit alone
        alts += [(a, b - 1, i, j, (0, 1, i - a, j - b + 1)), (a, b - 1, i, j - 1, (0, 1, i, j))]
    if a >= 2:  # the first or the last English unit alone
        alts += [(a - 1, b, i, j, (1, 0, i - a + 1, j - b)), (a - 1, b, i - 1, j, (1, 0, i, j))]
    best = _INF
    for ea, zb, ie, je, (na, nb, ni, nj) in alts:
        kept, alone = _price(prep, ea, zb, ie, je), _price(prep, na, nb, ni, nj)
        if kept is not None and alone is not None:
            best = min(best, kept + alone - cost)
    return best


def _neighbour_margin(
    prep: PreparedScorer, path: list[tuple[int, int, int, int, float]], k: int, null_cost: float
) -> float:
    """How much dearer the cheapest other way of pairing bead ``k`` with a neighbour is: the two
    beads as one, or one side of bead ``k`` joining the neighbour and the other left alone (an
    English sentence whose Chinese is really in the next bead, beside a Chinese sentence the
    English leaves out). ``inf`` when no neighbour has both sides."""
    i, a, j, b, cost = path[k]
    best = _INF
    for kk, (ni, na, nj, nb, ncost) in _paired_neighbours(path, k):
        # (English units, Chinese units, where the bead ends, the cost of the unit left alone)
        alts = [
            # both English sides with the neighbour's Chinese; this bead's Chinese alone
            (a + na, nb, (ni, nj) if kk > k else (i, nj), b * null_cost),
            # the neighbour's English with both Chinese sides; this bead's English alone
            (na, b + nb, (ni, nj) if kk > k else (ni, j), a * null_cost),
        ]
        if a + na <= 3 and b + nb <= 3:
            alts.append((a + na, b + nb, (max(i, ni), max(j, nj)), 0.0))
        for ea, zb, (ie, je), alone in alts:
            c = _price(prep, ea, zb, ie, je)
            if c is not None:
                best = min(best, c + alone - ncost - cost)
    return best


def _null_cost(prep: PreparedScorer, n: int, m: int) -> float:
    if n:
        return float(prep.costs(1, 0, 1, np.array([0]))[0])
    if m:
        return float(prep.costs(0, 1, 0, np.array([1]))[0])
    return 0.0


def align_segments(
    prep: PreparedScorer,
    segments: Iterable[tuple[int, int, int, int]],
    n: int,
    m: int,
    lens: tuple[np.ndarray, np.ndarray],
    max_merge: int,
    low: float,
) -> list[Bead]:
    """Align each stretch ``en[i0:i1]`` ↔ ``zh[j0:j1]`` of ``segments`` on its own.

    Args:
        prep: The prepared scorer of the whole texts.
        segments: ``(i0, i1, j0, j1)`` stretches, ends exclusive.
        n: Number of English units in the whole text.
        m: Number of Chinese units in the whole text.
        lens: The units' lengths (:func:`unit_lengths`), which centre the band.
        max_merge: Most units on one side of a bead.
        low: Beads scoring below this are flagged ``low_confidence``.
    """
    types = bead_types(max_merge)
    null = _null_cost(prep, n, m)
    beads: list[Bead] = []
    for i0, i1, j0, j1 in segments:
        path = _dp(prep, i0, i1, j0, j1, types, lens)
        beads.extend(_to_beads(_Bounded(prep, n, m), path, null, low))
    return beads


@dataclasses.dataclass(frozen=True)
class _Bounded:
    """A prepared scorer that refuses spans outside the texts (for neighbour look-ups)."""

    inner: PreparedScorer
    n: int
    m: int

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        if i - a < 0 or i > self.n or (js - b < 0).any() or (js > self.m).any():
            raise IndexError("span outside the texts")
        return self.inner.costs(a, b, i, js)


def align_with_pins(
    prep: PreparedScorer,
    groups: list[tuple[int, int, int, int]],
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    n: int,
    m: int,
    lens: tuple[np.ndarray, np.ndarray],
    max_merge: int,
) -> list[Bead]:
    """Align ``en[i0:i1]`` ↔ ``zh[j0:j1]`` around the pinned beads ``groups`` (from
    :func:`pin_groups`), which become beads with score 1.0 and ``pinned`` set."""
    beads: list[Bead] = []
    ci, cj = i0, j0
    for e0, e1, z0, z1 in groups:
        beads += align_segments(prep, [(ci, e0, cj, z0)], n, m, lens, max_merge, LOW_CONFIDENCE)
        beads.append(
            Bead(en=tuple(range(e0, e1 + 1)), zh=tuple(range(z0, z1 + 1)), score=1.0, pinned=True)
        )
        ci, cj = e1 + 1, z1 + 1
    beads += align_segments(prep, [(ci, i1, cj, j1)], n, m, lens, max_merge, LOW_CONFIDENCE)
    return beads
