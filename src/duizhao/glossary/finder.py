"""CounterpartFinder: the Chinese counterpart of an English term, as phrase alignment.

The candidates are the runs of whole tokens of the Chinese sentences aligned with the term's
occurrences (:mod:`duizhao.glossary.candidates`); each is described by the features of
:mod:`duizhao.glossary.features` and scored by a weighted sum; a softmax over the candidates gives
each a share. The confidence of the best one is that share, calibrated (a logistic curve fitted on
held-apart predictions), and a counterpart below :attr:`CounterpartFinder.threshold` is
*uncertain*: every output marks it "check".

The weights, the calibration and the threshold were fitted by ``benchmarks/fit_glossary.py``
(which says what it saw; see docs/glossary.md).

Examples:
    >>> finder = CounterpartFinder()
    >>> finder.uncertain(0.99), finder.uncertain(0.01)
    (False, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from duizhao.model import Counterpart, Document, Occurrence
from duizhao.resources import encoder

from .compounds import unit_first
from .confidence import DICTIONARY_FEATURES, calibrated, evidence, evidence_class
from .context import LinkContext
from .fastpaths import taken_mask
from .features import (
    FEATURES,
    Candidate,
    candidates,
    softmax,
)
from .idioms import idioms_first, whole_phrase_first
from .negation import is_negative, negated_first
from .pairwise import halves_first
from .persons import is_person, person_first
from .query import query, term_word_spans
from .similarity import add_similarity, encoder_cosines, encoder_strings, other_words, rescored
from .weights import CALIBRATION, CLASS_THRESHOLDS, THRESHOLD, WEIGHTS

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Claims", "CounterpartFinder", "Ranking", "Request", "calibrated", "evidence"]


def _best_first(c: Candidate) -> tuple[float, int, str]:
    return (-c.score, len(c.text), c.text)


def _reordered(found: list[Candidate], words: int, negative: bool, person: bool) -> list[Candidate]:
    """The scored candidates after the rules that may put another one first, in their order: a
    term of several words' halves, a whole idiom, a whole set phrase, a 2+2 unit, the negation,
    the noun of a person (the first pass and the second pass apply the same)."""
    if words > 1:
        found = halves_first(found)
    found = unit_first(whole_phrase_first(idioms_first(found), words), words)
    return person_first(negated_first(found, negative), person)


class Claims:
    """The Chinese places taken by the confident counterparts of a document's terms and words
    (one call's scratch pad for competitive linking; see :meth:`CounterpartFinder.rerank`).

    A place counts against an item only when an item more confident than it took it.

    Examples:
        >>> claims = Claims()
        >>> claims.add("underscore", 0.9, [(0, 10, 12)])
        >>> claims.add("apiece", 0.8, [(0, 10, 12)])
        >>> c = Candidate("突顯", {}, [(0, 10, 12)])
        >>> claims.share("apiece", 0.8)(c), claims.share("underscore", 0.9)(c)
        (1.0, 0.0)
    """

    def __init__(self) -> None:
        self._places: dict[int, list[tuple[int, int, str, float]]] = {}
        self._added = 0  # places added so far (a share's memo is good while this holds)

    def add(self, owner: str, confidence: float, places: Iterable[tuple[int, int, int]]) -> None:
        """Record ``(paragraph, start, end)`` places as taken by ``owner``."""
        for p, a, b in places:
            self._places.setdefault(p, []).append((a, b, owner, confidence))
            self._added += 1

    def share(self, owner: str, confidence: float) -> Callable[[Candidate], float]:
        """The share of a candidate's characters (mean over its places) taken by items other
        than ``owner`` and more confident than ``confidence``."""

        by_paragraph: dict[int, int] = {}  # the others' characters (bits), per paragraph
        added = [self._added]

        def taken(c: Candidate) -> float:
            if not c.places:
                return 0.0
            if added[0] != self._added:  # places were added since: look again
                by_paragraph.clear()
                added[0] = self._added
            total = 0.0
            for p, a, b in c.places:
                others = by_paragraph.get(p)
                if others is None:
                    places = self._places.get(p, ())
                    others = by_paragraph[p] = taken_mask(places, owner, confidence)
                # (the characters of [a, b) in the mask: the count of the set's former look-ups)
                hit = ((others >> a) & ((1 << (b - a)) - 1)).bit_count() if others and b > a else 0
                total += hit / max(1, b - a)
            return total / len(c.places)

        return taken


@dataclass(frozen=True)
class Request:
    """A term or word to find the counterpart of (see :meth:`CounterpartFinder.rankings`).

    Attributes:
        term: The English term, e.g. ``metric``.
        forms: Its written forms (lower case).
        occurrences: Its English occurrences.
        definition: Its English definition ("" for a vocabulary word).
        rescore: How many of its best candidates the encoder looks at (``limits`` of
            :func:`~duizhao.glossary.similarity.rescored`; a vocabulary word asks for fewer).
    """

    term: str
    forms: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    definition: str = ""
    rescore: tuple[int, int] | None = None


@dataclass(frozen=True)
class Ranking:
    """The candidates of one term, best first, with the confidence in the best.

    Attributes:
        candidates: The candidates with their features and scores, best first.
        shares: Each candidate's share of the softmax, in the same order.
        confidence: The calibrated confidence in the best candidate (0 when there is none).
        words: How many words the term has as written ("catch up": 2): the halves of one unit
            are put together only for a term of several
            (:func:`~duizhao.glossary.pairwise.halves_first`).
        kind: What the best candidate's evidence is
            (:func:`~duizhao.glossary.confidence.evidence_class`; ``""``: no candidate), which
            threshold its confidence is held to (round 14).
        negative: The term's definition says it is a negation ("not willing"): the best
            candidate's negation goes first (:func:`~duizhao.glossary.negation.negated_first`,
            round 16).
        person: The term is an English noun of a person ("scaffolder"): the best candidate
            followed by a noun of a person goes first
            (:func:`~duizhao.glossary.persons.person_first`, round 16).
    """

    candidates: tuple[Candidate, ...]
    shares: tuple[float, ...]
    confidence: float
    words: int = 1
    kind: str = ""
    negative: bool = False
    person: bool = False


@dataclass(frozen=True)
class CounterpartFinder:
    """Finds the Chinese counterpart of an English word or term in the aligned sentences.

    Attributes:
        weights: The weight of each feature, as ``(name, weight)`` pairs (a missing feature
            weighs 0).
        calibration: ``(a, b, c)``: the confidence in the best candidate is
            ``logistic(a + b · logit(share) + c · nested)``, where ``share`` is its softmax share
            and ``nested`` the shares of the candidates inside it or around it.
        threshold: Below this confidence the best counterpart is uncertain (when its kind of
            evidence has no threshold of its own in ``class_thresholds``).
        class_thresholds: ``(kind, threshold)`` per kind of evidence
            (:data:`~duizhao.glossary.confidence.EVIDENCE_CLASSES`): a best candidate the
            dictionary translates whole is held to a lower one than one only the glossary
            definition supports (round 14).
        max_counterparts: How many counterparts to keep per term.
        similarity: An optional ``f(english, chinese) -> matrix`` of similarities (e.g.
            :func:`duizhao.resources.encoder.similarity`, which :meth:`default` uses): the term
            against each of the :data:`~duizhao.glossary.similarity.RESCORE` best candidates
            (the ``similarity`` feature). ``None``: CC-CEDICT and the text only (the same
            weights, the similarity features left at 0; the calibration and the threshold were
            fitted with the encoder, so such a finder is less sure, and less often right).
    """

    weights: tuple[tuple[str, float], ...] = WEIGHTS
    calibration: tuple[float, ...] = CALIBRATION
    threshold: float = THRESHOLD
    class_thresholds: tuple[tuple[str, float], ...] = CLASS_THRESHOLDS
    max_counterparts: int = 3
    similarity: Callable[[Sequence[str], Sequence[str]], np.ndarray] | None = encoder.similarity

    @classmethod
    def default(cls) -> CounterpartFinder:
        """The finder with the fitted weights, calibration and threshold, and the multilingual
        encoder when it is installed."""
        return cls(similarity=encoder.similarity if encoder.is_available() else None)

    def uncertain(self, confidence: float, kind: str = "") -> bool:
        """Whether a found counterpart of this confidence, whose evidence is of this kind
        (:attr:`Ranking.kind`), must be marked "check"."""
        return confidence < self._class_thresholds.get(kind, self.threshold)

    def confident(self, ranking: Ranking) -> bool:
        """Whether a ranking has a best candidate that need not be marked "check" (what
        competitive linking lets take its places and settle its English words)."""
        return bool(ranking.candidates) and not self.uncertain(ranking.confidence, ranking.kind)

    @cached_property
    def _class_thresholds(self) -> dict[str, float]:
        return dict(self.class_thresholds)

    @cached_property
    def _weights(self) -> dict[str, float]:
        return dict(self.weights)

    @cached_property
    def _nonzero(self) -> dict[str, float]:
        return {k: w for k, w in self.weights if w}

    @cached_property
    def _features(self) -> frozenset[str]:
        """The features worked out for the candidates: those that weigh, and those read
        whatever their weight (the dictionary evidence, ``explained``)."""
        return frozenset(self._nonzero) | {*DICTIONARY_FEATURES, "explained"}

    def score(
        self, found: Iterable[Candidate], *, only: Iterable[Candidate] | None = None
    ) -> list[Candidate]:
        """Score candidates by the weighted sum of their features; best first.

        Args:
            found: The candidates.
            only: Score again only these of them (the others' features have not changed since
                they were scored); default: all.
        """
        weight = self._nonzero.get  # a feature weighing 0 adds 0.0: the same sum without it
        out = list(found)
        for c in out if only is None else only:
            total = 0.0
            for k, v in c.features.items():
                if v:
                    w = weight(k)
                    if w is not None:
                        total += w * v
            c.score = total
        out.sort(key=_best_first)
        return out

    def ranking(
        self,
        doc: Document,
        term: str,
        forms: Iterable[str],
        occurrences: Sequence[Occurrence],
        *,
        definition: str = "",
        context: LinkContext | None = None,
    ) -> Ranking:
        """Rank the Chinese counterparts of a term and say how sure the best one is.

        Args:
            doc: The document (aligned and annotated for the best results).
            term: The English term, e.g. ``metric``.
            forms: Its written forms (lower case), e.g. ``{"metric", "metrics"}``.
            occurrences: Its English occurrences (their beads are what is looked at).
            definition: Its English definition.
            context: The document's :class:`~duizhao.glossary.LinkContext` (default: a new one).

        Returns:
            The :class:`Ranking` (empty when the term does not occur or nothing is aligned).
        """
        request = Request(term, tuple(forms), tuple(occurrences), definition)
        return self.rankings(doc, [request], context=context)[0]

    def rankings(
        self,
        doc: Document,
        requests: Sequence[Request],
        *,
        context: LinkContext | None = None,
    ) -> list[Ranking]:
        """:meth:`ranking` for several terms or words of one document, with the encoder's
        strings embedded in one batch.

        Args:
            doc: The document.
            requests: What to rank (:class:`Request`).
            context: The document's :class:`~duizhao.glossary.LinkContext` (default: a new one).

        Returns:
            One :class:`Ranking` per request, in order.
        """
        ctx = context if context is not None else LinkContext()
        found: list[list[Candidate]] = []
        others: list[tuple[str, ...]] = []
        sizes: list[int] = []
        for r in requests:
            if not r.occurrences or not doc.zh:
                found.append([])
                others.append(())
                sizes.append(1)
                continue
            q = ctx.query(r.term, r.forms, r.definition)
            sizes.append(len(r.term.split()))  # as written: "catch up" is two
            found.append(
                self.score(candidates(doc, q, r.occurrences, ctx, features=self._features))
            )
            others.append(other_words(doc, (r.term, *r.forms), r.occurrences, ctx))
        if self.similarity is not None and self._weights.get("similarity"):
            if not self._weights.get("explained_encoder"):
                others = [()] * len(others)
            # the candidates the encoder looks at, once a term; their senses converted in one call
            picked = [rescored(f, r.rescore) for r, f in zip(requests, found, strict=True)]
            ctx.senses_each([c.text for top in picked for c in top])
            if self.similarity is encoder.similarity:  # one batch for the whole document
                ctx.embeddings.vectors(
                    [s for r, f, o, top in zip(requests, found, others, picked, strict=True) if f
                     for s in encoder_strings(r.term, f, o, senses_of=ctx.senses, top=top)]
                )  # fmt: skip
            sim = self._similarity(ctx)
            for i, (r, f, o, top) in enumerate(zip(requests, found, others, picked, strict=True)):
                if f:
                    add_similarity(r.term, f, sim, o, senses_of=ctx.senses, top=top)
                    # only the rescored candidates got features
                    found[i] = self.score(f, only=top)
        out = []
        for r, f, size in zip(requests, found, sizes, strict=True):
            if not f:
                out.append(Ranking((), (), 0.0))
                continue
            negative, person = is_negative(r.definition), is_person(r.term)
            f = _reordered(f, size, negative, person)
            shares = softmax([c.score for c in f])
            out.append(
                Ranking(
                    tuple(f), tuple(shares), self._confidence(f, shares), size,
                    evidence_class(f[0].features), negative, person,
                )
            )  # fmt: skip
        return out

    def settle(
        self,
        doc: Document,
        requests: Sequence[Request],
        rankings: Sequence[Ranking],
        settled: Iterable[tuple[str, Sequence[Occurrence], Sequence[tuple[int, int, int]]]],
        *,
        context: LinkContext,
    ) -> list[Ranking]:
        """Rank again the requests some candidate of which another English word explained,
        now that some English words have their Chinese: such a word explains no other Chinese
        word (優惠 is "concession" once "preferential" is 特惠, though CC-CEDICT links 優惠 to
        "preferential").

        Args:
            doc: The document.
            requests: What was ranked.
            rankings: Their rankings (:meth:`rankings`), in the same order.
            settled: ``(term, English occurrences, Chinese places)`` of every item whose
                counterpart is settled: given by the teacher, or found with confidence (the
                words of an occurrence that fill a slot of the term are not settled).
            context: The document's :class:`~duizhao.glossary.LinkContext`.

        Returns:
            The rankings, those of the requests ranked again replaced.
        """
        out = list(rankings)
        places: dict[int, list[tuple[int, int, tuple[tuple[int, int, int], ...]]]] = {}
        for term, occurrences, where in settled:
            q = query(term)
            for o in occurrences:
                for a, b in term_word_spans(doc, q, o):
                    places.setdefault(o.paragraph, []).append((a, b, tuple(where)))
        if not places:
            return out
        before, context.settled = context.settled, places
        try:
            # only where a settled word explained a Chinese word outside its counterpart
            freed: dict[int, bool] = {}
            again = [
                k for k, r in enumerate(rankings)
                if any(c.features.get("explained") for c in r.candidates)
                and any(self._freed(doc, o, context, freed) for o in requests[k].occurrences)
            ]  # fmt: skip
            redone = self.rankings(doc, [requests[k] for k in again], context=context)
        finally:
            context.settled = before
        for k, r in zip(again, redone, strict=True):
            out[k] = r
        return out

    @staticmethod
    def _freed(doc: Document, o: Occurrence, context: LinkContext, memo: dict[int, bool]) -> bool:
        """Whether the bead of an occurrence has an English word that explained a Chinese word
        (a CC-CEDICT link of 0.5 or more) and may no longer (:meth:`LinkContext.may_explain`)."""
        bead = context.bead(doc, o.sentence)
        if bead is None:
            return False
        found = memo.get(id(bead))
        if found is None:
            found = memo[id(bead)] = any(
                v >= 0.5 and not context.may_explain(bead.en_words[i], p, a, b)
                for (p, a, b), pairs in bead.links.items()
                for i, v in pairs
            )
        return found

    def _similarity(self, ctx: LinkContext) -> Callable[[Sequence[str], Sequence[str]], Any]:
        """The similarity function, through the document's memo of vectors for the encoder."""
        assert self.similarity is not None
        if self.similarity is not encoder.similarity:
            return self.similarity

        return encoder_cosines(ctx)

    def _confidence(self, found: Sequence[Candidate], shares: Sequence[float]) -> float:
        return calibrated(self.calibration, *evidence(found, shares))

    def rerank(self, ranking: Ranking, claimed: Callable[[Candidate], float]) -> Ranking:
        """Rank again, counting the places other terms or words have taken as explained.

        Competitive linking between the items of one document: a Chinese word that is the
        confident counterpart of another glossary term or vocabulary word is not this one's
        (突顯 is "underscoring", so not "apiece" beside it).

        Args:
            ranking: A ranking made by :meth:`ranking` or :meth:`rankings` (its candidates
                are changed; it is given back as it is when the others took no more of any
                candidate than was explained already).
            claimed: The share (0–1) of a candidate's characters, at its places, taken by the
                others.

        Returns:
            The new ranking.
        """
        if not ranking.candidates:
            return ranking
        changed = []
        for c in ranking.candidates:
            share = claimed(c)
            if share > c.features.get("explained", 0.0):
                c.features["explained"] = share
                changed.append(c)
        if not changed:  # the same scores: the same order, shares and confidence
            return ranking
        found = self.score(ranking.candidates, only=changed)
        found = _reordered(found, ranking.words, ranking.negative, ranking.person)
        shares = softmax([c.score for c in found])
        return Ranking(
            tuple(found), tuple(shares), self._confidence(found, shares), ranking.words,
            evidence_class(found[0].features), ranking.negative, ranking.person,
        )  # fmt: skip

    def rank(
        self,
        doc: Document,
        term: str,
        forms: Iterable[str],
        occurrences: Sequence[Occurrence],
        *,
        definition: str = "",
        context: LinkContext | None = None,
        debug: list[Any] | None = None,
    ) -> list[Counterpart]:
        """The counterparts of a term, best first (see :meth:`ranking`).

        Args:
            doc: The document.
            term: The English term.
            forms: Its written forms.
            occurrences: Its English occurrences.
            definition: Its English definition.
            context: The document's :class:`~duizhao.glossary.LinkContext`.
            debug: When given, receives ``(score, text, features)`` of every candidate.

        Returns:
            Up to :attr:`max_counterparts` counterparts; each one's ``score`` is its softmax
            share. Empty when the term does not occur or nothing is aligned with it.
        """
        r = self.ranking(doc, term, forms, occurrences, definition=definition, context=context)
        if debug is not None:
            debug.extend((c.score, c.text, c.features) for c in r.candidates)
        return [
            Counterpart(text=c.text, score=round(s, 3), source="alignment")
            for c, s in zip(r.candidates[: self.max_counterparts], r.shares, strict=False)
        ]


assert {k for k, _ in WEIGHTS} <= set(FEATURES)
