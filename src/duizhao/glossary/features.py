"""The evidence for each candidate counterpart of a term, as numbers (the finder's features).

For every occurrence of the term, each candidate span of the aligned Chinese sentences
(:mod:`duizhao.glossary.candidates`) is described by what CC-CEDICT says of the dictionary words
inside it (do they translate the term's words, its definition's words, or the *other* English
words of the bead?), its shape (length, edges, whole tokens, a whole clause, a name) and its place
(against the relative place of the term, and between the Chinese words of the term's English
neighbours). A candidate string found at several occurrences gets the mean of its best place at
each, with the share of occurrences that hold it (``agreement``) and the share of its occurrences
in the whole text that are aligned with the term (``specificity``).

:data:`FEATURES` lists the features in the order of a weight vector.

Examples:
    >>> FEATURES[:3]
    ('dict_term', 'dict_char', 'dict_focus')
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from duizhao.model import Document, Occurrence

from .context import LinkContext
from .query import Query, is_term_word
from .shapes import Shape as _Shape
from .shapes import span_shape as _shape
from .words import (
    Said,
    anchor_places,
    bead_words,
    english_names,
    term_words,
    term_zone,
)

__all__ = [
    "COMMON_FEATURES",
    "FEATURES",
    "Candidate",
    "candidates",
    "softmax",
]

#: The features, in the order of a weight vector.
FEATURES = (
    "dict_term",  # share of the term's words CC-CEDICT finds translated inside the span
    "dict_char",  # what single characters inside longer tokens add to dict_term (躍 "leap")
    "dict_focus",  # the same, for the one dictionary word that covers most of the span
    "phrase",  # a sense of a word covering the span holds the whole multi-word term
    "dict_def",  # words of the glossary definition translated inside the span (capped at 1)
    "explained",  # share of the span's characters that translate another English word
    "extra",  # characters of known words translating neither the term nor its definition nor
    # another English word, less two for each word of the term CC-CEDICT does not find (per 4)
    "unknown",  # characters of words CC-CEDICT does not know that nothing accounts for (per 4)
    "coverage",  # dict_term again for a term of several words (all of them matter there)
    "single",  # one character
    "edge",  # edges that are function words (0, 1 or 2)
    "whole_token",  # exactly one token
    "part",  # one of the two dictionary words of a compound token (集群 in 創新集群)
    "stray",  # neighbours that are stray characters: a one-character token, not a function
    # word, that translates no other English word (脫 before 碳 for "decarbonise")
    "in_dict",  # a CC-CEDICT headword
    "clause",  # a whole clause
    "name",  # holds a name (person, place, organisation)
    "length",  # distance from two characters per word of the term (per 2)
    "position",  # distance of relative places in the bead (0–1)
    "anchors",  # characters outside the place the term's neighbours point at: log(1 + n/4)
    "agreement",  # share of the term's occurrences whose Chinese holds it
    "specificity",  # share of its occurrences in the text that are aligned with the term
    "similarity",  # the encoder's cosine of the term and the candidate, minus the mean of the
    # best RESCORE candidates (only those get it; see :mod:`duizhao.glossary.similarity`)
    "similarity_alone",  # the same when CC-CEDICT translates none of the best three
    "explained_encoder",  # how much closer the encoder puts the candidate to another English
    # word of the term's beads than to the term (0 when it is closest to the term)
    "gloss_similarity",  # the encoder's best cosine of the term and an English sense CC-CEDICT
    # gives the candidate, minus the mean of the RESCORE candidates that have senses
    "modifier",  # a 的 or 之 inside the span: a modifier and its head (外祖父的榮耀), seldom
    # one term's counterpart
)
#: The longest candidate of a one-word term, in tokens and characters.
SHORT_TOKENS, SHORT_CHARS = 3, 6

#: ``tuple.__new__``: a named tuple of the hot loops made without its ``__new__``'s Python
#: frame (the same tuple; the fields in their order).
_new = tuple.__new__

@dataclass
class Candidate:
    """A candidate counterpart with its features.

    Attributes:
        text: The Chinese text as written.
        features: Feature name → value (see :data:`FEATURES`).
        places: ``(paragraph, start, end)`` of its best place at each occurrence that has it.
        score: The finder's weighted sum (set by the finder).
    """

    text: str
    features: dict[str, float]
    places: list[tuple[int, int, int]]
    score: float = 0.0


#: The features :func:`_span_values` gives, in its order (the order of a candidate's dict).
_SPAN_FEATURES = (
    "dict_term", "dict_char", "dict_focus", "phrase", "dict_def", "explained", "extra",
    "unknown", "coverage", "single", "edge", "whole_token", "part", "stray", "in_dict", "clause",
    "name", "length", "position", "anchors", "modifier",
)  # fmt: skip
#: The span features the fitted weights use and those the finder reads whatever its weights (the
#: dictionary evidence, ``explained``): :func:`candidates` works out only these when it is asked
#: for no other span feature (a speed path: any other choice gets them all).
COMMON_FEATURES = (
    "dict_term", "dict_char", "dict_focus", "dict_def", "explained", "extra", "single", "edge",
    "part", "stray", "in_dict", "length", "position", "anchors", "modifier",
)  # fmt: skip
assert tuple(k for k in _SPAN_FEATURES if k in COMMON_FEATURES) == COMMON_FEATURES


class _Term(NamedTuple):
    """What a span's features need of the term: its number of words (at least 1), of words
    and of definition words, its size, and the term features of a span none of whose words
    says anything about it (``dict_term``, ``dict_char``, ``dict_def``, unmatched words)."""

    n_words: int
    n_term: int
    n_def: int
    size: int
    silent: tuple[float, float, float, int]

    @classmethod
    def of(cls, q: Query) -> _Term:
        n_words, best, best_def = max(1, len(q.words)), [0.0] * len(q.words), [0.0] * len(
            q.definition
        )
        silent = (
            sum(best) / n_words,
            sum(max(0.0, c - b) for b, c in zip(best, best, strict=True)) / n_words,
            min(1.0, sum(best_def)),
            sum(1 for v in best if v < 0.3) if len(best) > 1 else 0,
        )
        return cls(n_words, len(q.words), len(q.definition), q.size, silent)


def _span_values(
    t: _Term,
    shape: _Shape,
    said: list[Said | None],
    active: frozenset[int],
    en_place: float,
    zone: tuple[float, float],
    zh_length: int,
    strays: frozenset[int],
    common: bool,
) -> tuple[float, float, dict[str, float]]:
    """The ``anchors`` and ``position`` of one span for one occurrence of the term (what the
    best place of a candidate text is chosen by), and its features: those of
    :data:`_SPAN_FEATURES`, or with ``common`` only those of :data:`COMMON_FEATURES`, in that
    order (``active``: the indices of the words that say something, those of ``said`` not
    ``None``)."""
    n = shape.n
    n_words = t.n_words
    focus = 0.0
    phrase = False
    if active.isdisjoint(shape.inside):  # no word of the span says anything about the term
        dict_term, dict_char, dict_def, unmatched = t.silent
        core_term = dict_term
        idle_known, idle_unknown, n_explained = shape.idle_known, shape.idle_unknown, 0
        shadowed = 0
    else:
        best_def = [0.0] * t.n_def
        covered, explained, shadowed = shape.fixed, 0, 0
        one = t.n_term == 1  # (a one-word term: its best strengths as numbers, not lists)
        b1 = c1 = k1 = 0.0
        best = best_char = core = [b1]
        if not one:
            best, best_char, core = [0.0] * t.n_term, [0.0] * t.n_term, [0.0] * t.n_term
        edges = shape.edges
        for j in shape.inside:
            a = said[j]
            if a is None:
                continue
            if a.loose:
                for i, v in a.term:
                    if one:
                        if v > c1:
                            c1 = v
                    elif v > best_char[i]:
                        best_char[i] = v
            else:
                at_edge = j in edges
                for i, v in a.term:
                    if one:
                        if v > b1:
                            b1 = v
                        if v > k1 and not at_edge:
                            k1 = v
                    else:
                        if v > best[i]:
                            best[i] = v
                        if v > core[i] and not at_edge:
                            core[i] = v
                for i, v in a.defn:
                    if v > best_def[i]:
                        best_def[i] = v
                if a.focus:
                    f = a.focus / n
                    if f > focus:
                        focus = f
                if a.phrase and 2 * a.phrase >= n:
                    phrase = True
            covered |= a.covered
            explained |= a.explained
            shadowed |= a.shadowed
        # a character is idle if nothing accounts for it
        idle = shape.full & ~(covered | explained)
        idle_known = (idle & shape.known).bit_count()
        idle_unknown = idle.bit_count() - idle_known
        n_explained = explained.bit_count()
        if one:  # the sums below of one number (0 + x is x)
            unmatched = 0
            dict_term = b1 / n_words
            core_term = k1 / n_words
            dict_char = max(0.0, c1 - b1) / n_words
        else:
            # words of the term CC-CEDICT finds nowhere in the span, not even in its characters
            unmatched = (
                sum(1 for v, c in zip(best, best_char, strict=True) if max(v, c) < 0.3)
                if len(best) > 1 else 0
            )  # fmt: skip
            dict_term = sum(best) / n_words
            core_term = sum(core) / n_words
            dict_char = (
                sum(max(0.0, c - b) for b, c in zip(best, best_char, strict=True)) / n_words
            )
        dict_def = min(1.0, sum(best_def))
    zl, zr = zone
    outside = max(0.0, zl - shape.zend, shape.zstart - zr)
    position = abs(shape.zpos - en_place)
    anchors = math.log1p(outside * zh_length / 4)
    # characters nothing accounts for, less two for each word of the term CC-CEDICT does not
    # find (倡議 for "advocacy" in 倡議團體 "advocacy group"): those of words CC-CEDICT knows
    # (it says they mean something else), and those of words it does not
    extra = max(0, idle_known - 2 * unmatched) / 4
    stray = float((shape.left in strays) + (shape.right in strays))
    length = abs(n - 2 * t.size) / 2
    if common:  # (dict displays: a span's dict is made once per span and occurrence)
        return anchors, position, {
            "dict_term": dict_term, "dict_char": dict_char, "dict_focus": focus,
            "dict_def": dict_def, "explained": n_explained / n, "extra": extra,
            "single": shape.single, "edge": shape.edge, "part": shape.part, "stray": stray,
            "in_dict": shape.in_dict, "length": length, "position": position,
            "anchors": anchors, "modifier": shape.modifier, "shadowed": float(shadowed > 0),
            "core_term": core_term, "idiom_tag": shape.idiom,
        }  # fmt: skip
    return anchors, position, {
        "dict_term": dict_term, "dict_char": dict_char, "dict_focus": focus,
        "phrase": 1.0 if phrase else 0.0, "dict_def": dict_def, "explained": n_explained / n,
        "extra": extra, "unknown": idle_unknown / 4,
        "coverage": dict_term if n_words > 1 else 0.0, "single": shape.single,
        "edge": shape.edge, "whole_token": shape.whole_token, "part": shape.part,
        "stray": stray, "in_dict": shape.in_dict, "clause": shape.clause, "name": shape.name,
        "length": length, "position": position, "anchors": anchors, "modifier": shape.modifier,
        "shadowed": float(shadowed > 0), "core_term": core_term, "idiom_tag": shape.idiom,
    }  # fmt: skip


def candidates(
    doc: Document,
    q: Query,
    occurrences: Sequence[Occurrence],
    context: LinkContext,
    *,
    features: Collection[str] | None = None,
) -> list[Candidate]:
    """Every candidate counterpart of a term in the Chinese aligned with its occurrences.

    Args:
        doc: The document.
        q: The term's :class:`Query`.
        occurrences: Its English occurrences.
        context: The document's :class:`~duizhao.glossary.LinkContext`.
        features: The features wanted (the finder asks for those it weighs and reads): when
            the span features among them are all in :data:`COMMON_FEATURES`, the candidates'
            dicts hold only those (the others are not worked out), else every span feature;
            ``agreement`` and ``specificity`` only when asked for. Default: every one of
            :data:`FEATURES` but the encoder's (``benchmarks/fit_glossary.py`` needs them all).

    Returns:
        The candidates (not yet scored), in the order they were first found.
    """
    view = context.aligned_text(doc)
    by_bead: dict[int, list[Occurrence]] = {}
    for o in occurrences:
        b = view.bead_of.get(o.sentence)
        if b is not None:
            by_bead.setdefault(b, []).append(o)
    if not by_bead:
        return []
    # a one-word term is a word or two in Chinese, a few words at most (ticklish: 怕癢)
    limits = max_tokens, max_chars = (SHORT_TOKENS, SHORT_CHARS) if q.size == 1 else (99, 99)
    common = features is not None and all(
        k in COMMON_FEATURES for k in _SPAN_FEATURES if k in features
    )
    term = _Term.of(q)
    per_occurrence: list[dict[str, tuple[float, float, dict[str, float], tuple[Any, ...]]]] = []
    aligned_sentences: set[int] = set()
    for occs in by_bead.values():
        bead = context.bead(doc, occs[0].sentence)
        if bead is None or not bead.sentences:
            continue
        aligned_sentences.update(s.number for s in bead.sentences)
        # the term's own words; a word filling a slot of it ("Great-Granddad's" in "feather
        # in Great-Granddad's cap", "questions" in "brushed our questions off": round 19, when
        # a term of one content word was taken whole) is another word, not the counterpart
        one_word = len(q.words) == 1 and len(q.term.split()) == 1
        own = {
            i
            for i, w in enumerate(bead.en_words)
            for o in occs
            if w.paragraph == o.paragraph and w.start < o.end and w.end > o.start
            and (one_word or is_term_word(w.keys, q))
        }
        named = english_names(doc, bead, own)
        words = bead_words(context, bead)
        said, strays = zip(
            *(term_words(q, bead, k, own, named, context) for k in range(len(bead.sentences))),
            strict=True,
        )
        active = [frozenset(j for j, a in enumerate(sk) if a is not None) for sk in said]
        anchors = anchor_places(words, own)
        for o in occs:
            mine = [bead.en_words[i].position for i in own
                    if bead.en_words[i].paragraph == o.paragraph
                    and bead.en_words[i].start < o.end and bead.en_words[i].end > o.start]
            lo, hi = (min(mine), max(mine)) if mine else (0.5, 0.5)
            en_place = (lo + hi) / 2
            zone = term_zone(anchors, lo, hi)
            zh_length = bead.zh_length
            found: dict[str, tuple[float, float, dict[str, float], tuple[Any, ...]]] = {}
            for k, s in enumerate(bead.sentences):
                sentence = words.sentences[k]
                shapes, spans, said_k, strays_k = sentence.shapes, s.spans, said[k], strays[k]
                active_k = active[k]
                selected = sentence.selected.get(limits)
                if selected is None:
                    selected = sentence.selected[limits] = tuple(
                        j for j, sp in enumerate(spans)
                        if sp.last - sp.first < max_tokens and sp.end - sp.start <= max_chars
                    )  # fmt: skip
                for j in selected:
                    span = spans[j]
                    shape = shapes[j]
                    if shape is None:
                        shape = shapes[j] = _shape(s, span, bead, k, sentence)
                    anchors_v, position, f = _span_values(
                        term, shape, said_k, active_k, en_place, zone, zh_length, strays_k,
                        common,
                    )  # fmt: skip
                    # its best place: the fewest characters outside the anchors, then the
                    # nearest (a comparison of the pairs, without making them)
                    prev = found.get(span.text)
                    if (
                        prev is None or anchors_v < prev[0]
                        or (anchors_v == prev[0] and position < prev[1])
                    ):  # fmt: skip
                        found[span.text] = (
                            anchors_v, position, f, (s.paragraph, span.start, span.end)
                        )  # fmt: skip
            per_occurrence.append(found)
    if not per_occurrence:
        return []
    n_occ = len(per_occurrence)
    texts: dict[str, Candidate] = {}
    for found in per_occurrence:
        for text, (_, _, f, place) in found.items():
            c = texts.get(text)
            if c is None:  # each f is this call's own: it becomes the candidate's
                texts[text] = Candidate(text, f, [place])
            else:
                for key, v in f.items():
                    c.features[key] += v
                c.places.append(place)
    agreement = features is None or "agreement" in features
    specificity = features is None or "specificity" in features
    if specificity:
        zh_texts = doc.sentence_texts("zh")
        everything = "\n".join(zh_texts)
        aligned = "\n".join(zh_texts[n] for n in sorted(aligned_sentences) if n < len(zh_texts))
    for c in texts.values():
        m = len(c.places)
        for key in c.features if m > 1 else ():  # x / 1 is x
            c.features[key] /= m
        if agreement:
            c.features["agreement"] = m / n_occ
        if specificity:
            total = everything.count(c.text)
            c.features["specificity"] = aligned.count(c.text) / total if total else 0.0
    return list(texts.values())


def softmax(scores: Sequence[float], temperature: float = 1.0) -> list[float]:
    """Shares of a softmax (the largest score gets the largest share)."""
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
