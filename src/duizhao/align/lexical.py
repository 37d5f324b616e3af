"""The default scorer, :class:`LexicalScorer`: length, numbers, names, CC-CEDICT and glossary
anchors, scored as log-likelihood ratios.

:class:`LexicalScorer` holds the weights; :meth:`LexicalScorer.prepare` finds every anchor of the
two unit lists once (:mod:`.anchors`) and keeps, per English unit, where each anchor was found on
the other side (:class:`_AnchorRows`), so that the dynamic programme can price a whole band of
beads with a few array operations. The module is one cohesive thing, about 640 lines:
the scorer, the anchor tables it prepares and the array pricing that reads them change together.

Examples:
    >>> prep = LexicalScorer().prepare(["It was 2025."], ["那是2025年。"])  # "that was 2025"
    >>> float(prep.costs(1, 1, 1, np.array([1]))[0]) < float(prep.costs(1, 0, 1, np.array([0]))[0])
    True
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from .anchors import cedict_index, en_tokens, glossary_words, zh_tokens
from .scoring import LengthModel, shape_prior

__all__ = ["LexicalScorer"]


@dataclasses.dataclass(frozen=True)
class LexicalScorer:
    """The default scorer: length, numbers, Latin-script tokens, CC-CEDICT and glossary anchors.

    Each anchor (an English content word, number or name that can be looked for on the Chinese
    side, and each Chinese word that can be looked for on the English side) adds the log-likelihood
    ratio of being found or not found in the other half of the bead, against the chance of finding
    it in any unit of the document.

    Attributes:
        variance: Gale–Church variance per character of the length difference.
        null: Cost of a unit without counterpart.
        merge: Cost of each extra unit in a bead.
        lexical: Weight of the dictionary-word evidence against the length evidence (the words
            of a sentence are far from independent, so each counts for less than its odds).
        anchors: Weight of numbers, Latin-script tokens and glossary terms.
        p_word: Chance that a dictionary word's translation is found in the true counterpart.
        p_anchor: The same for numbers, Latin-script tokens and glossary terms.
        chance: The least chance of finding a word's translation in a unit by luck.
        use_cedict: Look words up in CC-CEDICT (off: numbers, names and glossary only).
        count_absent: Count words whose translation occurs nowhere on the other side (evidence
            of untranslated text) as well as those it does.
        specific: A Chinese word with at most this many English translations is found as surely
            as an anchor (``p_anchor``), though it keeps the dictionary weight.
        ratio: Chinese characters per English character; ``None`` estimates it per document
            (the aligner re-estimates it from the paired units when some are left unpaired).
    """

    variance: float = 3.0
    null: float = 8.0
    merge: float = 2.0
    lexical: float = 0.25
    anchors: float = 1.0
    p_word: float = 0.4
    p_anchor: float = 0.85
    chance: float = 0.02
    use_cedict: bool = True
    count_absent: bool = True
    specific: int = 1
    ratio: float | None = None

    def prepare(
        self,
        en: Sequence[str],
        zh: Sequence[str],
        *,
        glossary_pairs: Sequence[tuple[str, str]] = (),
    ) -> _PreparedLexical:
        return _PreparedLexical.build(self, en, zh, glossary_pairs)

    def with_ratio(self, ratio: float) -> LexicalScorer | None:
        """This scorer with ``ratio`` fixed, or ``None`` when its ratio is fixed already."""
        return dataclasses.replace(self, ratio=ratio) if self.ratio is None else None


_MIN_SPAN = 4


class _AnchorRows:
    """Per English unit: where its anchors were found, with sums over blocks of units.

    Row ``r`` holds entries ``(col, gap, gain, weight)``: an anchor of the pair (English unit
    ``r``, Chinese unit ``col``) and the distance ``gap`` to the previous unit where the same
    anchor was found. An anchor found in several units of a block counts once, at its first
    unit inside the block: an entry counts when ``gap`` reaches back past the block's start.

    For the English side the gap runs along the Chinese units (cols); for the Chinese side it
    runs along the English rows. Sums for every block ending in a band of columns are built
    at once with difference arrays and kept per (row, band).
    """

    def __init__(self, entries: _Entries, rows: int) -> None:
        self.anchor_gain = np.array(entries.gains, dtype=np.float64)
        self.anchor_weight = np.array(entries.weights, dtype=np.float64)
        # Entries are ordered (row, col, gap, gain, weight) whatever order they were found in, so
        # that sums always add up in the same order: anchors are ranked by (gain, weight).
        by_value = np.lexsort((self.anchor_weight, self.anchor_gain))
        rank = np.empty(len(by_value), dtype=np.int32)
        rank[by_value] = np.arange(len(by_value), dtype=np.int32)
        self.cols: list[np.ndarray] = []
        self.gaps: list[np.ndarray] = []
        self.anchors: list[np.ndarray] = []
        # A block of rows at a time, so that sorting needs memory for one block only.
        for first, (row, col, gap, anchor) in entries.blocks(rows):
            order = np.lexsort((rank[anchor], gap, col, row))
            row, col, gap, anchor = row[order], col[order], gap[order], anchor[order]
            last = min(first + _BLOCK, rows)
            bounds = np.searchsorted(row, np.arange(first, last + 1)).tolist()
            for k0, k1 in itertools.pairwise(bounds):
                self.cols.append(col[k0:k1])
                self.gaps.append(gap[k0:k1])
                self.anchors.append(anchor[k0:k1])
        self._cache: dict[tuple[int, ...], tuple[int, int, np.ndarray, np.ndarray]] = {}

    def _entries(self, r: int, first: int, last: int) -> tuple[np.ndarray, ...]:
        cols = self.cols[r]
        k0, k1 = np.searchsorted(cols, first), np.searchsorted(cols, last, side="right")
        anchors = self.anchors[r][k0:k1]
        return (
            cols[k0:k1].astype(np.int64),
            self.gaps[r][k0:k1].astype(np.int64),
            self.anchor_gain[anchors],
            self.anchor_weight[anchors],
        )

    @staticmethod
    def _intervals(
        start: np.ndarray,
        stop: np.ndarray,
        gains: np.ndarray,
        weights: np.ndarray,
        lo: int,
        length: int,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Sum ``gains`` and ``weights`` over the column intervals [start, stop) for each leading
        index: both in one pass (each sum is added up in the same order as on its own)."""
        shape = start.shape[:-1]
        lead = math.prod(shape)
        # np.minimum/np.maximum, not np.clip: the same integers, without np.clip's checks
        s = np.minimum(np.maximum(start - lo, 0), length).reshape(lead, -1)
        e = np.minimum(np.maximum(stop - lo, 0), length).reshape(lead, -1)
        spread: np.ndarray = np.empty((2, *start.shape))  # np.broadcast_to without its overhead
        spread[0] = gains
        spread[1] = weights
        v = spread.reshape(2 * lead, -1)
        e = np.maximum(s, e)
        # the gains' rows, then the weights' rows: each row's bins apart from the others'
        base = (np.arange(2 * lead) * (length + 1))[:, None]
        size = 2 * lead * (length + 1)
        diff = np.bincount((np.concatenate((s, s)) + base).ravel(), v.ravel(), size) - np.bincount(
            (np.concatenate((e, e)) + base).ravel(), v.ravel(), size
        )
        sums = np.cumsum(diff.reshape(2 * lead, length + 1), axis=1)[:, :length]
        return sums[:lead].reshape((*shape, length)), sums[lead:].reshape((*shape, length))

    def fresh(self) -> _AnchorRows:
        """The same rows with no sums kept (as if just built)."""
        out = copy.copy(self)
        out._cache = {}
        return out

    def forget(self, r: int) -> None:
        """Drop the kept sums of row ``r`` (the DP has moved past it)."""
        for key in [k for k in self._cache if k[1] == r]:
            del self._cache[key]

    def along_cols(self, r: int, lo: int, hi: int, nb: int) -> tuple[int, np.ndarray, np.ndarray]:
        """(first column, gain, weight): ``gain[b - 1, j - first]`` is row ``r``'s sum over the
        Chinese block ``[j - b, j)`` for ``1 <= b <= nb`` and every ``lo <= j <= hi`` (and some
        more: the sums are computed for a wider window and kept); gaps run along the columns."""
        key = (0, r, nb, 0)
        hit = self._cache.get(key)
        if hit is not None and hit[0] <= lo and hi <= hit[1]:
            return hit[0], hit[2], hit[3]
        lo, hi = max(lo - _PAD, 0), hi + _PAD
        c, g, v, w = self._entries(r, lo - nb, hi - 1)
        bs = np.arange(1, nb + 1)[:, None]
        start = c[None, :] + 1 + np.maximum(0, bs - g[None, :])
        stop = c[None, :] + bs + 1
        length = hi - lo + 1
        gain, weight = self._intervals(start, stop, v, w, lo, length)
        self._cache[key] = (lo, hi, gain, weight)
        return lo, gain, weight

    def along_rows(
        self, r: int, lo: int, hi: int, nb: int, no: int
    ) -> tuple[int, np.ndarray, np.ndarray]:
        """(first column, gain, weight): ``gain[o, b - 1, j - first]`` is row ``r``'s sum at
        offset ``o`` inside a block of rows, over the Chinese block ``[j - b, j)``; gaps run
        along the rows (an entry counts when its gap > o)."""
        key = (1, r, nb, no)
        hit = self._cache.get(key)
        if hit is not None and hit[0] <= lo and hi <= hit[1]:
            return hit[0], hit[2], hit[3]
        lo, hi = max(lo - _PAD, 0), hi + _PAD
        c, g, v, w = self._entries(r, lo - nb, hi - 1)
        bs = np.arange(1, nb + 1)[None, :, None]
        start = np.broadcast_to(c[None, None, :] + 1, (no, nb, len(c)))
        stop = np.broadcast_to(c[None, None, :] + bs + 1, (no, nb, len(c)))
        live = (g[None, :] > np.arange(no)[:, None])[:, None, :]
        length = hi - lo + 1
        gain, weight = self._intervals(
            start, stop, v[None, None, :] * live, w[None, None, :] * live, lo, length
        )
        self._cache[key] = (lo, hi, gain, weight)
        return lo, gain, weight


class _Entries:
    """Entries ``(row, col, gap, anchor)`` while they are collected, one chunk per anchor found:
    in one row at several columns (``by_row``, the English side) or in one column at several
    rows (the Chinese side); ``gains[anchor]`` and ``weights[anchor]`` are its values. A long
    text has millions of entries: they are kept as 32-bit integers (as Python tuples they took
    gigabytes)."""

    __slots__ = ("by_row", "fixed", "gains", "gaps", "spread", "weights")

    def __init__(self, by_row: bool) -> None:
        self.by_row = by_row
        self.fixed: list[int] = []
        self.spread: list[np.ndarray] = []
        self.gaps: list[np.ndarray] = []
        self.gains: list[float] = []
        self.weights: list[float] = []

    def add(self, fixed: int, spread: np.ndarray, first_gap: int, gain: float,
            weight: float) -> None:  # fmt: skip
        """One anchor found in row (or column) ``fixed`` at the sorted columns (or rows)
        ``spread``; its gaps run along ``spread``, ``first_gap`` for the first entry."""
        if len(spread) == 0:
            return
        gaps = np.empty(len(spread), dtype=np.int32)
        gaps[0] = first_gap
        np.subtract(spread[1:], spread[:-1], out=gaps[1:])
        self.fixed.append(fixed)
        self.spread.append(spread)
        self.gaps.append(gaps)
        self.gains.append(gain)
        self.weights.append(weight)

    def blocks(self, rows: int) -> Iterator[tuple[int, list[np.ndarray]]]:
        """``(first row, [row, col, gap, anchor])`` for each block of :data:`_BLOCK` rows from
        0 to ``rows``, as flat arrays; the chunks are given up as they are used."""
        nblocks = (rows + _BLOCK - 1) // _BLOCK
        parts: list[list[tuple[int, int, np.ndarray, np.ndarray]]] = [[] for _ in range(nblocks)]
        for anchor in range(len(self.fixed)):
            fixed, spread, gaps = self.fixed[anchor], self.spread[anchor], self.gaps[anchor]
            if self.by_row:
                parts[fixed // _BLOCK].append((anchor, fixed, spread, gaps))
                continue
            first, last = int(spread[0]) // _BLOCK, int(spread[-1]) // _BLOCK
            cuts = np.searchsorted(spread, np.arange(first + 1, last + 1) * _BLOCK).tolist()
            for blk, (k0, k1) in enumerate(itertools.pairwise([0, *cuts, len(spread)]), first):
                if k1 > k0:
                    parts[blk].append((anchor, fixed, spread[k0:k1], gaps[k0:k1]))
        self.fixed, self.spread, self.gaps = [], [], []
        for blk in range(nblocks):
            chunk, parts[blk] = parts[blk], []
            sizes = [len(c[3]) for c in chunk]
            fixed_at = np.repeat(np.array([c[1] for c in chunk], dtype=np.int32), sizes)
            spread_at = (
                np.concatenate([c[2] for c in chunk]).astype(np.int32)
                if chunk
                else np.zeros(0, dtype=np.int32)
            )
            gap = np.concatenate([c[3] for c in chunk]) if chunk else np.zeros(0, dtype=np.int32)
            anchor_of = np.repeat(np.array([c[0] for c in chunk], dtype=np.int32), sizes)
            del chunk
            row, col = (fixed_at, spread_at) if self.by_row else (spread_at, fixed_at)
            yield blk * _BLOCK, [row, col, gap, anchor_of]


#: Rows of :class:`_AnchorRows` sorted at a time.
_BLOCK = 512


def anchor_window(units: int, n: int, m: int) -> int:
    """How far from the diagonal (in units of the other side, which has ``units``) an anchor is
    looked for.

    A quarter of the other side (at least 60 units), but never more than four widths of the
    dynamic programme's first band (``√max(n, m) + 8``): what the scorer keeps then grows as
    ``n·√n``, like the search, instead of ``n·m`` (gigabytes for a long article).

    Examples:
        >>> anchor_window(300, 300, 300), anchor_window(10_000, 10_000, 10_000)
        (75, 432)
    """
    return max(60, min(units // 4, 4 * (math.isqrt(max(n, m)) + 8)))


_PAD = 24


class _RowParts:
    """The per-row anchor sums behind the beads ending at one English unit ``i`` and a run of
    Chinese units: ``zh[o]`` are the sums of row ``i - 1 - o`` along the rows, ``en[a - 1]``
    those of row ``i - a`` along the columns. :meth:`table` adds them up for every bead shape
    (as the DP needs), :meth:`cell` for one bead only (as its confidence needs), with the same
    additions in the same order, so the same floats."""

    __slots__ = ("_table", "en", "length", "na", "nb", "zh")

    def __init__(
        self,
        na: int,
        nb: int,
        length: int,
        zh: list[tuple[np.ndarray, np.ndarray]],
        en: list[tuple[np.ndarray, np.ndarray]],
    ) -> None:
        self.na, self.nb, self.length, self.zh, self.en = na, nb, length, zh, en
        self._table: tuple[np.ndarray, ...] | None = None

    def table(self) -> tuple[np.ndarray, ...]:
        """(gain, English weight, Chinese weight), each indexed ``[a, b - 1, j - lo]``."""
        if self._table is not None:
            return self._table
        na, nb, length = self.na, self.nb, self.length
        gain = np.zeros((na + 1, nb, length))
        w_en = np.zeros((na + 1, nb, length))
        w_zh = np.zeros((na + 1, nb, length))
        en_gain = np.zeros((nb, length))
        en_weight = np.zeros((nb, length))
        for a in range(1, na + 1):
            # English side: the block's rows i-a .. i-1 each add their sums
            g, w = self.en[a - 1]
            en_gain = en_gain + g
            en_weight = en_weight + w
            gain[a] = en_gain
            w_en[a] = en_weight
            # Chinese side: row i-a+o sits at offset o of the block
            for o in range(a):
                zg, zw = self.zh[a - 1 - o]
                gain[a] += zg[o]
                w_zh[a] += zw[o]
        self._table = (gain, w_en, w_zh)
        return self._table

    def cell(self, a: int, b1: int, k: int) -> tuple[float, float, float]:
        """``table()``'s three values at ``[a, b1, k]`` (without the rest of the table)."""
        if self._table is not None:
            gain, w_en, w_zh = self._table
            return float(gain[a, b1, k]), float(w_en[a, b1, k]), float(w_zh[a, b1, k])
        en_gain = en_weight = w_zh_ = 0.0
        for aa in range(1, a + 1):
            g, w = self.en[aa - 1]
            en_gain = en_gain + float(g[b1, k])
            en_weight = en_weight + float(w[b1, k])
        gain_ = en_gain
        for o in range(a):
            zg, zw = self.zh[a - 1 - o]
            gain_ = gain_ + float(zg[o, b1, k])
            w_zh_ = w_zh_ + float(zw[o, b1, k])
        return gain_, en_weight, w_zh_


@dataclasses.dataclass(frozen=True)
class _PreparedLexical:
    scorer: LexicalScorer
    length: LengthModel
    en_base: np.ndarray  # cumulative "nothing found" log-ratio of English units
    zh_base: np.ndarray
    en_rows: _AnchorRows  # English anchors found in Chinese unit j (gain over "not found")
    zh_rows: _AnchorRows  # Chinese words of unit j whose translation is in English unit r
    row_cache: dict[tuple[int, int, int], _RowParts] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(
        cls,
        s: LexicalScorer,
        en: Sequence[str],
        zh: Sequence[str],
        glossary_pairs: Sequence[tuple[str, str]],
    ) -> _PreparedLexical:
        length = LengthModel.build(en, zh, s.variance, s.ratio)
        n, m = len(en), len(zh)
        index: Mapping[str, str]
        if s.use_cedict:
            index, longest, translatable = cedict_index()
        else:
            index, longest, translatable = {}, 1, frozenset()
        gloss = glossary_words(glossary_pairs)
        anchors_exact = set().union(*gloss.values()) if gloss else set()

        en_toks = [en_tokens(t) for t in en]
        en_vocab = {w for toks in en_toks for w in toks}
        # Each Chinese word as (its translations, those the English text has); a word whose
        # translations the English never uses still counts: it is evidence of untranslated text.
        zh_all = [zh_tokens(t, index, gloss, longest) for t in zh]
        latin = {w for toks in zh_all for strong_, ws in toks for w in ws if strong_}
        known: dict[tuple[bool, frozenset[str]], tuple[bool, frozenset[str], frozenset[str]]] = {}
        zh_toks = [
            {known.setdefault(t, (t[0], t[1], t[1] & en_vocab)) for t in toks} for toks in zh_all
        ]
        del known
        if not s.count_absent:
            zh_toks = [{t for t in toks if t[2]} for toks in zh_toks]

        # Where each English key can be found on the Chinese side and vice versa.
        zh_units_of: dict[str, list[int]] = defaultdict(list)
        for j, toks in enumerate(zh_toks):
            for w in set().union(*(t[2] for t in toks)):
                zh_units_of[w].append(j)
        en_units_of: dict[str, list[int]] = defaultdict(list)
        for r, keys in enumerate(en_toks):
            for w in set(keys):
                en_units_of[w].append(r)

        def strong(w: str) -> bool:
            return w.startswith("#") or w in anchors_exact or w in latin

        # Memoised per (p, units found, units): a document asks for a few dozen distinct values
        # thousands of times (the same arithmetic, so the same floats).
        ratio_memo: dict[tuple[float, int, int], tuple[float, float]] = {}

        def ratios(p: float, found: int, units: int) -> tuple[float, float]:
            """(gain when found, log-ratio when not found) of an anchor found in ``found`` of
            ``units`` units."""
            key = (p, found, units)
            hit = ratio_memo.get(key)
            if hit is not None:
                return hit
            q = min(max(found / units, s.chance), 0.95)
            if q >= p:
                out = (0.0, 0.0)
            else:
                miss = math.log((1 - p) / (1 - q))
                out = (math.log(p / q) - miss, miss)
            ratio_memo[key] = out
            return out

        # English side: each key w of unit r, found in Chinese unit j or not.
        en_rows = _Entries(by_row=True)
        en_base = np.zeros(n)
        window = anchor_window(m, n, m)
        zh_arrays = {w: np.array(units, dtype=np.int32) for w, units in zh_units_of.items()}
        for r, keys in enumerate(en_toks):
            center = (r * m) // max(n, 1)
            lo, hi = center - window, center + window
            for w in sorted(set(keys)):
                units = zh_units_of.get(w)
                if not units and not (
                    w.startswith("#")
                    or w in anchors_exact
                    or (s.count_absent and w in translatable)
                ):
                    continue  # a word the dictionary cannot translate says nothing
                p, wt = (s.p_anchor, s.anchors) if strong(w) else (s.p_word, s.lexical)
                gain, miss = ratios(p, len(units) if units else 0, max(m, 1))
                gain, miss = gain * wt, miss * wt
                if gain == 0.0 and miss == 0.0:
                    continue
                en_base[r] += miss
                if units:
                    k0, k1 = bisect_left(units, lo), bisect_right(units, hi)
                    en_rows.add(r, zh_arrays[w][k0:k1], n + m + 1, gain, wt)
        en_table = _AnchorRows(en_rows, n)  # (its chunks are freed before the Chinese side's)
        del en_rows, zh_arrays
        # Chinese side: each word t of unit j, its translation found in English unit r or not.
        zh_rows = _Entries(by_row=False)
        # The words' order inside a unit (the same key for a word wherever it occurs).
        order_keys: dict[tuple[bool, frozenset[str], frozenset[str]], tuple[object, ...]] = {}

        def order_of(t: tuple[bool, frozenset[str], frozenset[str]]) -> tuple[object, ...]:
            key = order_keys.get(t)
            if key is None:
                key = order_keys[t] = (t[0], sorted(t[1]), sorted(t[2]))
            return key

        zh_base = np.zeros(m)
        en_units_for: dict[frozenset[str], list[int]] = {}
        window = anchor_window(n, n, m)
        for j, toks in enumerate(zh_toks):
            center = (j * n) // max(m, 1)
            lo, hi = center - window, center + window
            for strong_, all_ws, ws in sorted(toks, key=order_of):
                units = en_units_for.get(ws)
                if units is None:
                    units = sorted({r for w in ws for r in en_units_of.get(w, ())})
                    en_units_for[ws] = units
                if strong_:
                    p, wt = s.p_anchor, s.anchors
                elif len(all_ws) <= s.specific:
                    p, wt = s.p_anchor, s.lexical  # a word with one sense is found more surely
                else:
                    p, wt = s.p_word, s.lexical
                gain, miss = ratios(p, len(units), max(n, 1))
                gain, miss = gain * wt, miss * wt
                if gain == 0.0 and miss == 0.0:
                    continue
                zh_base[j] += miss
                k0, k1 = bisect_left(units, lo), bisect_right(units, hi)
                if k1 > k0:
                    zh_rows.add(j, np.array(units[k0:k1], dtype=np.int32), n + m + 1, gain, wt)
        return cls(
            scorer=s,
            length=length,
            en_base=np.concatenate(([0.0], np.cumsum(en_base))),
            zh_base=np.concatenate(([0.0], np.cumsum(zh_base))),
            en_rows=en_table,
            zh_rows=_AnchorRows(zh_rows, n),
        )

    def with_ratio(self, ratio: float) -> _PreparedLexical | None:
        """What ``self.scorer.with_ratio(ratio).prepare`` of the same texts builds, without
        finding the anchors again (they do not depend on the ratio), or ``None`` when the
        scorer's ratio is fixed."""
        scorer = self.scorer.with_ratio(ratio)
        if scorer is None:
            return None
        return dataclasses.replace(
            self,
            scorer=scorer,
            length=dataclasses.replace(self.length, ratio=ratio),
            en_rows=self.en_rows.fresh(),
            zh_rows=self.zh_rows.fresh(),
            row_cache={},
        )

    def _row_parts(self, i: int, lo: int, hi: int) -> _RowParts:
        """The anchor sums of the rows of every bead ending at English unit ``i`` and Chinese
        ``lo..hi`` (see :class:`_RowParts`). Only the latest row is kept: the DP asks for one row
        after another."""
        key = (i, lo, hi)
        cached = self.row_cache.get(key)
        if cached is not None:
            return cached
        self.row_cache.clear()
        na = min(_MIN_SPAN, i)
        nb = no = _MIN_SPAN
        length = hi - lo + 1
        zh_parts = []
        for r in range(i - 1, i - na - 1, -1):
            first, g, w = self.zh_rows.along_rows(r, lo, hi, nb, no)
            zh_parts.append((g[:, :, lo - first : lo - first + length],
                             w[:, :, lo - first : lo - first + length]))  # fmt: skip
        en_parts = []
        for a in range(1, na + 1):
            first, g, w = self.en_rows.along_cols(i - a, lo, hi, nb)
            en_parts.append((g[:, lo - first : lo - first + length],
                             w[:, lo - first : lo - first + length]))  # fmt: skip
        self.en_rows.forget(i - _MIN_SPAN - 2)
        self.zh_rows.forget(i - _MIN_SPAN - 2)
        out = _RowParts(na, nb, length, zh_parts, en_parts)
        self.row_cache[key] = out
        return out

    def _row_sums(self, i: int, lo: int, hi: int) -> tuple[np.ndarray, ...]:
        """Anchor sums for every bead ending at English unit ``i`` and Chinese ``lo..hi``.

        Returns (gain, English weight, Chinese weight), each indexed ``[a, b - 1, j - lo]``.
        """
        return self._row_parts(i, lo, hi).table()

    def lexical_llr(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """Log-likelihood ratio of the anchors of the beads (higher is better).

        An anchor found in a span of ``k`` units had ``k`` chances to be found by luck: its gain
        is lowered by ``log k``, so merging units never buys evidence for free.
        """
        total: np.ndarray = (self.en_base[i] - self.en_base[i - a]) + (
            self.zh_base[js] - self.zh_base[np.maximum(js - b, 0)]
        )
        if a > _MIN_SPAN or b > _MIN_SPAN:
            large: np.ndarray = total + self._llr_large(a, b, i, js)
            return large
        if len(js) == 1:  # one bead (the confidence of a bead, its neighbours): its sums only
            j = int(js[0])
            g1, e1, z1 = self._row_parts(i, j, j).cell(a, b - 1, 0)
            one: np.ndarray = total + (g1 - math.log(b) * e1 - math.log(a) * z1)
            return one
        # js is a contiguous run (the PreparedScorer protocol): the row's sums cover it whole
        gain, w_en, w_zh = self._row_sums(i, int(js[0]), int(js[-1]))
        small: np.ndarray = total + (
            gain[a, b - 1] - math.log(b) * w_en[a, b - 1] - math.log(a) * w_zh[a, b - 1]
        )
        return small

    def shape_costs(self, shapes: Sequence[tuple[int, int]], i: int, js: np.ndarray) -> np.ndarray:
        """:meth:`costs` of several bead shapes at once: row ``t`` is ``costs(*shapes[t], i,
        js)``, the same floats (each element is worked out by the same operations in the same
        order, for all the shapes in one array operation instead of one call per shape)."""
        if not all(0 < a <= _MIN_SPAN and 0 < b <= _MIN_SPAN for a, b in shapes):
            return np.stack([self.costs(a, b, i, js) for a, b in shapes])
        s = self.scorer
        a_ = np.array([a for a, _ in shapes])
        b_ = np.array([b for _, b in shapes])
        col_a, col_b, row = a_[:, None], b_[:, None], js[None, :]
        prior = np.array([shape_prior(a, b, s.merge, s.null) for a, b in shapes])[:, None]
        log_a = np.array([math.log(a) for a, _ in shapes])[:, None]
        log_b = np.array([math.log(b) for _, b in shapes])[:, None]
        # lexical_llr, for every shape
        total = (self.en_base[i] - self.en_base[i - col_a]) + (
            self.zh_base[row] - self.zh_base[np.maximum(row - col_b, 0)]
        )
        gain, w_en, w_zh = self._row_sums(i, int(js[0]), int(js[-1]))
        llr = total + (gain[a_, b_ - 1] - log_b * w_en[a_, b_ - 1] - log_a * w_zh[a_, b_ - 1])
        cost: np.ndarray = prior + 0.5 * self.length.delta2(col_a, col_b, i, row) - llr
        return cost

    def _llr_large(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """The anchor sums of beads larger than the row cache covers (``max_merge`` > 4)."""
        lo, hi = int(js.min()), int(js.max())
        nb, no = max(b, _MIN_SPAN), max(a, _MIN_SPAN)
        total = np.zeros(len(js))
        for o, r in enumerate(range(i - a, i)):
            first, gain, weight = self.en_rows.along_cols(r, lo, hi, nb)
            k = js - first
            total += gain[b - 1, k] - math.log(b) * weight[b - 1, k]
            first, gain, weight = self.zh_rows.along_rows(r, lo, hi, nb, no)
            k = js - first
            total += gain[o, b - 1, k] - math.log(a) * weight[o, b - 1, k]
        return total

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        s = self.scorer
        prior = shape_prior(a, b, s.merge, s.null)
        if a == 0 or b == 0:
            return np.full(len(js), prior)
        cost: np.ndarray = (
            prior + 0.5 * self.length.delta2(a, b, i, js) - self.lexical_llr(a, b, i, js)
        )
        return cost
