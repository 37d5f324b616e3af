"""What every alignment scorer shares: the scorer protocols, the bead shapes and their prior, the
length model, and :class:`LengthScorer`, the length-only baseline.

A scorer is prepared once per pair of unit lists (:meth:`AlignScorer.prepare`); the prepared
scorer prices beads for the dynamic programme (:meth:`PreparedScorer.costs`, lower is better).

Examples:
    >>> bead_types(2)  # 1:0, 0:1, 1:1, 1:2, 2:1 and 2:2
    ((1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2))
    >>> unit_length("銀行 bank")  # 銀行 "bank": white space does not count
    6
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

__all__ = [
    "AlignScorer",
    "LengthModel",
    "LengthScorer",
    "PreparedScorer",
    "bead_types",
    "shape_prior",
    "unit_length",
    "with_ratio",
]


class PreparedScorer(Protocol):
    """Bead costs for one pair of unit lists (the result of :meth:`AlignScorer.prepare`)."""

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """Costs of the beads ``en[i-a:i]`` ↔ ``zh[j-b:j]`` for every ``j`` in ``js``.

        Lower is better. ``a`` or ``b`` may be 0 (a unit without counterpart). ``js`` is a
        contiguous run; where ``j - b < 0`` (a span reaching before the first unit) the value is
        ignored, but the call must not fail.

        Args:
            a: Number of English units in the bead.
            b: Number of Chinese units in the bead.
            i: End (exclusive) of the English span.
            js: Ends (exclusive) of the Chinese spans, as an integer array.
        """
        ...


class AlignScorer(Protocol):
    """Something that prices beads: prepared once per pair of texts.

    A scorer that estimates the Chinese/English length ratio per document may also define
    ``with_ratio(ratio)``: the same scorer with the ratio fixed, or ``None`` when it is fixed
    already. The aligner uses it to estimate the ratio again from the paired units only (see
    :func:`with_ratio`).
    """

    def prepare(
        self,
        en: Sequence[str],
        zh: Sequence[str],
        *,
        glossary_pairs: Sequence[tuple[str, str]] = (),
    ) -> PreparedScorer:
        """Analyse both unit lists and return an object that prices beads between them."""
        ...


def with_ratio(scorer: AlignScorer, ratio: float) -> AlignScorer | None:
    """The scorer with its length ratio fixed, or ``None`` when it does not estimate one.

    Examples:
        >>> with_ratio(LengthScorer(), 0.3)
        LengthScorer(variance=3.0, null=10.0, merge=2.0, ratio=0.3)
        >>> with_ratio(LengthScorer(ratio=0.3), 0.5) is None  # fixed by its user: kept
        True
    """
    fix = getattr(scorer, "with_ratio", None)
    return fix(ratio) if callable(fix) else None


def bead_types(max_merge: int = 4) -> tuple[tuple[int, int], ...]:
    """The bead shapes ``(a, b)`` the aligner considers: ``1:0``, ``0:1``, ``1:1`` … ``1:N``,
    ``N:1`` and the small many-to-many shapes ``2:2``, ``2:3``, ``3:2`` (where ``N`` is
    ``max_merge``)."""
    out = [(1, 0), (0, 1), (1, 1)]
    for k in range(2, max_merge + 1):
        out += [(1, k), (k, 1)]
    for a, b in ((2, 2), (2, 3), (3, 2)):
        if a <= max_merge and b <= max_merge:
            out.append((a, b))
    return tuple(out)


def shape_prior(a: int, b: int, merge: float, null: float) -> float:
    """The prior cost of a bead shape: ``null`` for a unit without counterpart, 0 for ``1:1`` and
    ``merge`` for each extra unit (once more for many-to-many shapes)."""
    if a == 0 or b == 0:
        return null
    return merge * (a + b - 2) + (merge if a > 1 and b > 1 else 0.0)


# -- length model ---------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def unit_length(text: str) -> int:
    """Length of a unit in characters, not counting white space."""
    return len(_SPACE.sub("", text))


@dataclasses.dataclass(frozen=True)
class LengthModel:
    """Gale–Church length costs with a per-document ratio."""

    en_cum: np.ndarray
    zh_cum: np.ndarray
    ratio: float
    variance: float

    @classmethod
    def build(
        cls, en: Sequence[str], zh: Sequence[str], variance: float, ratio: float | None = None
    ) -> LengthModel:
        le = np.array([unit_length(t) for t in en], dtype=np.float64)
        lz = np.array([unit_length(t) for t in zh], dtype=np.float64)
        se, sz = float(le.sum()), float(lz.sum())
        if ratio is None:
            ratio = sz / se if se > 0 and sz > 0 else 1.0
        return cls(
            en_cum=np.concatenate(([0.0], np.cumsum(le))),
            zh_cum=np.concatenate(([0.0], np.cumsum(lz))),
            ratio=ratio,
            variance=variance,
        )

    def delta2(
        self, a: int | np.ndarray, b: int | np.ndarray, i: int, js: np.ndarray
    ) -> np.ndarray:
        """Squared Gale–Church deviation of the beads (Chinese-character units).

        ``a`` and ``b`` may be columns of several bead shapes (``js`` then a row): the result
        has a row per shape, each the same floats as for that shape alone."""
        le = (self.en_cum[i] - self.en_cum[i - a]) * self.ratio
        lz = self.zh_cum[js] - self.zh_cum[js - b]
        mean = (le + lz) / 2.0
        d2: np.ndarray = (lz - le) ** 2 / (self.variance * (np.abs(mean) + 1.0))
        return d2


@dataclasses.dataclass(frozen=True)
class LengthScorer:
    """Length-only costs (Gale–Church with a per-document ratio): the baseline scorer.

    Attributes:
        variance: Variance of the length difference per character (Chinese-character units).
        null: Cost of a unit without counterpart.
        merge: Cost of each extra unit in a bead (``1:2`` costs ``merge``, ``2:2`` ``3 * merge``).
        ratio: Chinese characters per English character; ``None`` estimates it per document.
    """

    variance: float = 3.0
    null: float = 10.0
    merge: float = 2.0
    ratio: float | None = None

    def prepare(
        self,
        en: Sequence[str],
        zh: Sequence[str],
        *,
        glossary_pairs: Sequence[tuple[str, str]] = (),
    ) -> _PreparedLength:
        return _PreparedLength(self, LengthModel.build(en, zh, self.variance, self.ratio))

    def with_ratio(self, ratio: float) -> LengthScorer | None:
        """This scorer with ``ratio`` fixed, or ``None`` when its ratio is fixed already."""
        return dataclasses.replace(self, ratio=ratio) if self.ratio is None else None


@dataclasses.dataclass(frozen=True)
class _PreparedLength:
    scorer: LengthScorer
    length: LengthModel

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        s = self.scorer
        prior = shape_prior(a, b, s.merge, s.null)
        if a == 0 or b == 0:
            return np.full(len(js), prior)
        return prior + 0.5 * self.length.delta2(a, b, i, js)
