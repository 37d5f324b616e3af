"""The two entry points: :func:`align_units` aligns two lists of texts, :func:`align_document` a
document's paragraphs and then the sentences inside each aligned paragraph group.

A teacher's pins (pairs that must share a bead) are kept by the dynamic programme; unpins (pairs
that must not) by :class:`Apart`, a scorer around the scorer that prices any bead holding such a
pair out of reach, so the DP itself needs to know nothing about them.

Both price beads with a scorer (default :class:`~duizhao.align.lexical.LexicalScorer`), search
with the banded dynamic programme of :mod:`.dp`, and estimate the Chinese/English length ratio
again from the paired units when some units are left without counterpart (an untranslated lead
paragraph would otherwise inflate it).

A paragraph longer than :data:`LONG_PARAGRAPH` cannot be priced as one unit: its words not found
on the other side outweigh any bead, and it would be left without counterpart. A document with
one is aligned sentence by sentence between its pins instead, and its paragraph beads are made
from the sentence beads (paragraphs that share a sentence bead share a paragraph bead).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

import numpy as np

from ..model import Alignment, Bead, Document
from .dp import LOW_CONFIDENCE, align_segments, align_with_pins, pin_groups, unit_lengths
from .lexical import LexicalScorer
from .scoring import AlignScorer, PreparedScorer, unit_length, with_ratio

__all__ = ["LONG_PARAGRAPH", "Apart", "align_document", "align_units"]

#: The longest paragraph aligned as one unit, in characters without spaces, per language (about
#: ten sentences; the seed's longest has 430 and 150). Measured on the seed: paragraphs of three
#: merged (950–1,070 and 360–400 characters) still pair, of six (2,000 and 760) no longer do.
LONG_PARAGRAPH = {"en": 1200, "zh": 450}

#: The cost of a bead that pairs two units a teacher said do not translate each other: far above
#: any real bead, yet finite, so the confidence arithmetic stays finite.
FORBIDDEN = 1e6


@dataclasses.dataclass(frozen=True)
class Apart:
    """A scorer that keeps the ``unpins`` pairs ``(en, zh)`` out of every bead (else ``inner``).

    Examples:
        >>> beads = align_units(["In 2022 it fell."], ["2022年下跌。"], unpins=[(0, 0)])
        >>> [(b.en, b.zh) for b in beads]  # the teacher says these do not translate each other
        [((), (0,)), ((0,), ())]
    """

    inner: AlignScorer
    unpins: frozenset[tuple[int, int]]

    def prepare(
        self,
        en: Sequence[str],
        zh: Sequence[str],
        *,
        glossary_pairs: Sequence[tuple[str, str]] = (),
    ) -> PreparedScorer:
        return _PreparedApart(
            self.inner.prepare(en, zh, glossary_pairs=glossary_pairs), tuple(sorted(self.unpins))
        )

    def with_ratio(self, ratio: float) -> Apart | None:
        inner = with_ratio(self.inner, ratio)
        return None if inner is None else Apart(inner, self.unpins)


@dataclasses.dataclass(frozen=True)
class _PreparedApart:
    inner: PreparedScorer
    unpins: tuple[tuple[int, int], ...]

    def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        c = self.inner.costs(a, b, i, js)
        if not (a and b):
            return c
        for e, z in self.unpins:
            if i - a <= e < i:
                c = np.where((js - b <= z) & (z < js), c + FORBIDDEN, c)
        return c


def align_units(
    en: Sequence[str],
    zh: Sequence[str],
    *,
    scorer: AlignScorer | None = None,
    max_merge: int = 4,
    pins: Sequence[tuple[int, int]] = (),
    glossary_pairs: Sequence[tuple[str, str]] = (),
    unpins: Collection[tuple[int, int]] = (),
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
        unpins: ``(en, zh)`` unit pairs that must not share a bead (see :class:`Apart`).

    Returns:
        Beads in order; every unit is in exactly one bead. A unit without counterpart is a bead
        with an empty side.

    Raises:
        PinError: A pin is outside the texts or pins cross.

    Examples:
        >>> [(b.en, b.zh) for b in align_units(["In 2022 it fell.", "Then 5% rose."],
        ...                                     ["2022年下跌。", "然後5%上升。"])]  # 下跌 "to fall"
        [((0,), (0,)), ((1,), (1,))]
    """
    n, m = len(en), len(zh)
    groups = pin_groups(pins, n, m)
    scorer = scorer if scorer is not None else LexicalScorer()
    if unpins:
        scorer = Apart(scorer, frozenset(unpins))
    if n == 0 or m == 0:
        return tuple(
            [Bead(en=(k,), zh=(), score=1.0) for k in range(n)]
            + [Bead(en=(), zh=(k,), score=1.0) for k in range(m)]
        )
    prep = scorer.prepare(en, zh, glossary_pairs=glossary_pairs)
    lens = unit_lengths(en, zh)
    beads = align_with_pins(prep, groups, 0, n, 0, m, n, m, lens, max_merge)
    # Untranslated units bias the document's length ratio: estimate it again from the pairs.
    if any(not (b.en and b.zh) for b in beads):
        ratio = _paired_ratio(beads, lens)
        total = float(lens[1].sum()) / max(float(lens[0].sum()), 1.0)
        again = with_ratio(scorer, ratio) if ratio else None
        if again is not None and ratio is not None and abs(ratio / total - 1.0) > 0.02:
            # The default scorer's anchors do not depend on the ratio: only the lengths change.
            reprice = getattr(prep, "with_ratio", None)
            repriced = reprice(ratio) if reprice is not None else None
            del prep  # free the first scorer's tables before building the second's
            if repriced is None:
                repriced = again.prepare(en, zh, glossary_pairs=glossary_pairs)
            prep = repriced
            beads = align_with_pins(prep, groups, 0, n, 0, m, n, m, lens, max_merge)
    return tuple(beads)


def _paired_ratio(beads: Sequence[Bead], lens: tuple[np.ndarray, np.ndarray]) -> float | None:
    """Chinese/English length ratio over the beads that pair both sides."""
    se = sum(float(lens[0][k]) for b in beads if b.en and b.zh for k in b.en)
    sz = sum(float(lens[1][k]) for b in beads if b.en and b.zh for k in b.zh)
    return sz / se if se > 0 and sz > 0 else None


def _unpins(doc: Document) -> frozenset[tuple[int, int]]:
    """The corrections' unpins that are inside the document (others were warned about)."""
    c = doc.corrections
    if c is None:
        return frozenset()
    return frozenset((e, z) for e, z in c.unpins if e < len(doc.en) and z < len(doc.zh))


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
            The unpins of the document's corrections (``doc.corrections.unpins``) are kept
            apart.
        max_merge: Most sentences on one side of a sentence bead.

    Returns:
        A new document whose ``alignment`` holds paragraph beads and sentence beads, numbered
        as :meth:`~duizhao.model.Document.sentences` numbers sentences (across the document).

    Raises:
        PinError: A pin is outside the document or pins cross.

    Examples:
        >>> from duizhao import read_text
        >>> text = "Trams are slow. But they are cheap.\\n\\n電車很慢。但是車費便宜。"
        >>> doc = align_document(read_text(text))
        >>> en, zh = doc.sentence_texts("en"), doc.sentence_texts("zh")
        >>> for bead in doc.alignment.sentences:  # each English sentence beside its Chinese
        ...     print(" ".join(en[i] for i in bead.en), "|", "".join(zh[j] for j in bead.zh))
        Trams are slow. | 電車很慢。
        But they are cheap. | 但是車費便宜。
    """
    scorer = scorer if scorer is not None else LexicalScorer()
    glossary_pairs = [(e.term, z) for e in doc.glossary for z in e.zh]
    if any(unit_length(p.text) > LONG_PARAGRAPH[p.lang] for p in (*doc.en, *doc.zh)):
        kept: set[tuple[int, int]] = set()
        alignment = _by_sentences(doc, scorer, (*doc.pins, *pins), max_merge, glossary_pairs, kept)
        return dataclasses.replace(
            doc,
            alignment=alignment,
            warnings=_unused_pin_warnings(doc, _sentence_pins(doc), kept, _ACROSS_PINNED),
        )
    en_paras = [p.text for p in doc.en]
    zh_paras = [p.text for p in doc.zh]
    para_beads = align_units(
        en_paras,
        zh_paras,
        scorer=scorer,
        max_merge=3,
        pins=(*doc.pins, *pins),
        glossary_pairs=glossary_pairs,
        unpins=_unpins(doc),
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
        ratio = _paired_ratio(para_beads, unit_lengths(en_paras, zh_paras))
        fixed = with_ratio(scorer, ratio) if ratio else None
        prep = (fixed or scorer).prepare(en_sents, zh_sents, glossary_pairs=glossary_pairs)
        lens = unit_lengths(en_sents, zh_sents)
    sentence_pins = _sentence_pins(doc)
    used: set[tuple[int, int]] = set()
    for pb in para_beads:
        i0, i1 = (en_first[pb.en[0]], en_first[pb.en[-1] + 1]) if pb.en else (0, 0)
        j0, j1 = (zh_first[pb.zh[0]], zh_first[pb.zh[-1] + 1]) if pb.zh else (0, 0)
        if i1 > i0 and j1 > j0:
            sent_beads += _stretch(prep, (i0, i1, j0, j1), sentence_pins, used, lens, max_merge)
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
        doc,
        alignment=Alignment(paragraphs=tuple(para_beads), sentences=tuple(sent_beads)),
        warnings=_unused_pin_warnings(doc, sentence_pins, used),
    )


def _sentence_pins(doc: Document) -> list[tuple[int, int]]:
    """The teacher's sentence pins (the corrections file's ``[sentences] pin``)."""
    return list(doc.corrections.sentence_pins) if doc.corrections is not None else []


def _stretch(
    prep: PreparedScorer,
    span: tuple[int, int, int, int],
    sentence_pins: Sequence[tuple[int, int]],
    used: set[tuple[int, int]],
    lens: tuple[np.ndarray, np.ndarray],
    max_merge: int,
) -> list[Bead]:
    """The sentence beads of ``en[i0:i1]`` ↔ ``zh[j0:j1]``, keeping the sentence pins inside it
    (recorded in ``used``)."""
    i0, i1, j0, j1 = span
    n, m = len(lens[0]), len(lens[1])
    inside = [(e, z) for e, z in sentence_pins if i0 <= e < i1 and j0 <= z < j1]
    if not inside:
        return align_segments(prep, [span], n, m, lens, max_merge, LOW_CONFIDENCE)
    used.update(inside)
    groups = pin_groups(inside, n, m)
    return align_with_pins(prep, groups, i0, i1, j0, j1, n, m, lens, max_merge)


#: Why a sentence pin was left out: its sentences are in paragraphs not aligned together …
_NOT_TOGETHER = (
    "its sentences are in paragraphs that are not aligned together (pin the paragraphs first)"
)
#: … or, in a document aligned sentence by sentence, on either side of a paragraph pin.
_ACROSS_PINNED = (
    "its sentences are on either side of a paragraph pin (the paragraphs pinned together are "
    "aligned apart from the rest)"
)


def _unused_pin_warnings(
    doc: Document,
    sentence_pins: Sequence[tuple[int, int]],
    used: set[tuple[int, int]],
    why: str = _NOT_TOGETHER,
) -> tuple[str, ...]:
    """The document's warnings and one for each sentence pin that could not be kept (not in
    ``used``), saying ``why``."""
    c = doc.corrections
    out = list(doc.warnings)
    for k, (e, z) in enumerate(sentence_pins):
        if (e, z) in used or c is None:
            continue
        line = c.line_of("sentence_pins", k)
        where = f"{c.path}:{line}" if line is not None else (c.path or "<corrections>")
        w = f"{where}: sentence pin {e}:{z}: {why}; left out"
        if w not in out:
            out.append(w)
    return tuple(out)


# -- documents with paragraphs too long to align as units ----------------------------------------


def _by_sentences(
    doc: Document,
    scorer: AlignScorer,
    pins: Sequence[tuple[int, int]],
    max_merge: int,
    glossary_pairs: Sequence[tuple[str, str]],
    kept: set[tuple[int, int]],
) -> Alignment:
    """Align the sentences of each stretch between pinned paragraphs (and inside each pinned
    group), then make the paragraph beads from the sentence beads; the sentence pins kept (those
    inside one stretch) are added to ``kept``."""
    ne, nz = len(doc.en), len(doc.zh)
    groups = pin_groups(pins, ne, nz)
    en_first = [*doc.first_sentence("en"), sum(len(p.sentences) for p in doc.en)]
    zh_first = [*doc.first_sentence("zh"), sum(len(p.sentences) for p in doc.zh)]
    stretches: list[tuple[int, int, int, int, bool]] = []  # paragraphs, ends exclusive
    ce = cz = 0
    for e0, e1, z0, z1 in groups:
        stretches += [(ce, e0, cz, z0, False), (e0, e1 + 1, z0, z1 + 1, True)]
        ce, cz = e1 + 1, z1 + 1
    stretches.append((ce, ne, cz, nz, False))
    unpins = frozenset(
        (se, sz)
        for e, z in _unpins(doc)
        for se in range(en_first[e], en_first[e + 1])
        for sz in range(zh_first[z], zh_first[z + 1])
    )
    sc: AlignScorer = Apart(scorer, unpins) if unpins else scorer
    en, zh = doc.sentence_texts("en"), doc.sentence_texts("zh")
    lens = unit_lengths(en, zh)

    sentence_pins = _sentence_pins(doc)

    def run(prep: PreparedScorer) -> list[list[Bead]]:
        out = []
        for e0, e1, z0, z1, _ in stretches:
            i0, i1, j0, j1 = en_first[e0], en_first[e1], zh_first[z0], zh_first[z1]
            if i1 > i0 and j1 > j0:
                out.append(_stretch(prep, (i0, i1, j0, j1), sentence_pins, kept, lens, max_merge))
            else:
                out.append([Bead(en=(k,), zh=(), score=1.0) for k in range(i0, i1)]
                           + [Bead(en=(), zh=(k,), score=1.0) for k in range(j0, j1)])  # fmt: skip
        return out

    first = sc.prepare(en, zh, glossary_pairs=glossary_pairs)
    per_stretch = run(first)
    flat = [b for beads in per_stretch for b in beads]
    if any(not (b.en and b.zh) for b in flat):  # as in align_units: the ratio of the pairs
        ratio = _paired_ratio(flat, lens)
        total = float(lens[1].sum()) / max(float(lens[0].sum()), 1.0)
        again = with_ratio(sc, ratio) if ratio else None
        if again is not None and ratio is not None and abs(ratio / total - 1.0) > 0.02:
            reprice = getattr(first, "with_ratio", None)  # as in align_units
            repriced = reprice(ratio) if reprice is not None else None
            del first
            if repriced is None:
                repriced = again.prepare(en, zh, glossary_pairs=glossary_pairs)
            per_stretch = run(repriced)
    en_para = [p for p, para in enumerate(doc.en) for _ in para.sentences]
    zh_para = [p for p, para in enumerate(doc.zh) for _ in para.sentences]
    paragraphs: list[Bead] = []
    for (e0, e1, z0, z1, pinned), beads in zip(stretches, per_stretch, strict=True):
        if pinned:
            paragraphs.append(Bead(tuple(range(e0, e1)), tuple(range(z0, z1)), 1.0, pinned=True))
        else:
            paragraphs += _paragraph_beads(beads, en_para, zh_para)
    return Alignment(
        paragraphs=tuple(paragraphs),
        sentences=tuple(b for beads in per_stretch for b in beads),
    )


def _paragraph_beads(
    beads: Sequence[Bead], en_para: Sequence[int], zh_para: Sequence[int]
) -> list[Bead]:
    """Paragraph beads from sentence beads: paragraphs joined by a sentence bead share a bead
    (the beads are monotone, so each group is a run of paragraphs on each side); its score is the
    mean of its sentence beads' scores.

    Examples:
        >>> s = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.7), Bead((2,), (), 0.2)]
        >>> [(b.en, b.zh, b.score) for b in _paragraph_beads(s, [0, 0, 1], [0, 1])]
        [((0,), (0, 1), 0.8), ((1,), (), 0.2)]
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    nodes = [[("en", en_para[s]) for s in b.en] + [("zh", zh_para[s]) for s in b.zh] for b in beads]
    for group in nodes:
        for x in group[1:]:
            parent[find(x)] = find(group[0])
    order: list[tuple[str, int]] = []
    members: dict[tuple[str, int], tuple[set[int], set[int], list[float]]] = {}
    for b, group in zip(beads, nodes, strict=True):
        root = find(group[0])
        if root not in members:
            members[root] = (set(), set(), [])
            order.append(root)
        en, zh, scores = members[root]
        en.update(p for lang, p in group if lang == "en")
        zh.update(p for lang, p in group if lang == "zh")
        scores.append(b.score)
    out = []
    for root in order:
        en, zh, scores = members[root]
        score = round(sum(scores) / len(scores), 3)
        out.append(Bead(tuple(sorted(en)), tuple(sorted(zh)), score, score < LOW_CONFIDENCE))
    return out
