"""The encoder's evidence for a term's best candidates: the similarity features.

The multilingual encoder looks only at the few best candidates of a term by the other features
(:func:`rescored`; none when CC-CEDICT has decided), all the terms and words of a document in one
batch (:func:`encoder_strings`): the cosine of the term and the candidate (``similarity``), of the
term and the candidate's CC-CEDICT senses (``gloss_similarity``), and of the bead's other English
words and the candidate (``explained_encoder``; see :data:`~duizhao.glossary.features.FEATURES`).

Examples:
    >>> from duizhao.glossary.features import Candidate
    >>> ranked = [Candidate("集群", {"dict_term": 1.0}, [], 9.0), Candidate("群", {}, [], 1.0)]
    >>> rescored(ranked)  # CC-CEDICT has decided: no encoder
    []
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from duizhao.model import Document, Occurrence

from .context import LinkContext
from .dictionary import EN_FUNCTION, senses
from .features import Candidate

__all__ = [
    "DECIDED",
    "RESCORE",
    "RESCORE_WEAK",
    "VOCABULARY_RESCORE",
    "add_similarity",
    "encoder_cosines",
    "encoder_strings",
    "other_words",
    "rescored",
]

#: How many of the best candidates the encoder looks at …
RESCORE = 8
#: … and how many when CC-CEDICT supports none of the best three (the encoder is all there is).
RESCORE_WEAK = 16
#: :data:`RESCORE` and :data:`RESCORE_WEAK` for the vocabulary's English words (round 18): a
#: vocabulary word's best candidate is rarely below the fourth (eighth) before the encoder, and
#: the vocabulary keeps no confidence, only the Chinese and its "check" mark. Over the 50 corpus
#: and fixture articles the vocabulary tables are the same, over 40 distinct MAC-Dev ones one
#: row of 360 changes; the encoder embeds about 14 % fewer texts an article.
VOCABULARY_RESCORE = (4, 8)
#: The lead (in score) by which a candidate CC-CEDICT fully supports needs no encoder.
DECIDED = 3.0


def encoder_cosines(context: LinkContext) -> Callable[[Sequence[str], Sequence[str]], Any]:
    """The encoder's cosines of English and Chinese texts (a ``len(en) × len(zh)`` list of
    rows), through the document's vectors (:attr:`LinkContext.embeddings
    <duizhao.glossary.LinkContext.embeddings>`) and its memo of cosines
    (:attr:`~duizhao.glossary.LinkContext.cosines`)."""
    cosines = context.cosines

    def memo(en: Sequence[str], zh: Sequence[str]) -> Any:
        vec = context.embeddings.vectors([*en, *zh])
        out = []
        for e in en:
            known = cosines.get(e)
            if known is None:
                known = cosines[e] = {}
            # ndarray.dot of two vectors is `@`'s sdot (numpy's dot function of the dtype,
            # both ways) without the ufunc's dispatch: the same floats, faster
            dot, row = vec[e].dot, []
            for z in zh:
                v = known.get(z)
                if v is None:  # a pair the document's other terms have not met
                    v = known[z] = float(dot(vec[z]))
                row.append(v)
            out.append(row)
        return out

    return memo


def rescored(
    ranked: Sequence[Candidate], limits: tuple[int, int] | None = None
) -> list[Candidate]:
    """The candidates the encoder looks at (``ranked`` is best first, scored without it): none
    when CC-CEDICT has decided (the best translates every word of the term and leads the next by
    :data:`DECIDED`), else the first ``limits[0]``, or ``limits[1]`` when CC-CEDICT translates
    none of the best three (``None``: :data:`RESCORE` and :data:`RESCORE_WEAK`)."""
    if (
        len(ranked) > 1
        and ranked[0].features.get("dict_term", 0.0) >= 0.99
        and ranked[0].score - ranked[1].score >= DECIDED
    ):
        return []
    weak = all(c.features.get("dict_term", 0.0) < 0.5 for c in ranked[:3])
    few, many = (RESCORE, RESCORE_WEAK) if limits is None else limits
    top = list(ranked[: many if weak else few])
    return top if len(top) >= 2 else []


def other_words(
    doc: Document, forms: Sequence[str], occurrences: Sequence[Occurrence], context: LinkContext
) -> tuple[str, ...]:
    """The other English content words (lower case, three letters or more) of the beads of a
    term's occurrences: not the term's own words, not function words."""
    own = {w for f in forms for w in f.lower().split()}
    out: set[str] = set()
    for o in occurrences:
        bead = context.bead(doc, o.sentence)
        if bead is None:
            continue
        for w in bead.en_words:
            low = w.text.lower()
            if w.paragraph == o.paragraph and w.start < o.end and w.end > o.start:
                continue
            if low in own or low in EN_FUNCTION or len(low) < 3 or not low.isalpha():
                continue
            out.add(low)
    return tuple(sorted(out))


def encoder_strings(
    term: str,
    ranked: Sequence[Candidate],
    others: Sequence[str] = (),
    *,
    senses_of: Callable[[str], tuple[str, ...]] = senses,
    limits: tuple[int, int] | None = None,
    top: Sequence[Candidate] | None = None,
) -> list[str]:
    """The strings :func:`add_similarity` has the encoder embed for a term: the term, its
    :func:`rescored` candidates, their CC-CEDICT senses and the bead's other English words
    (empty when no candidate is rescored). ``senses_of`` is
    :func:`~duizhao.glossary.dictionary.senses` or a memo of it; ``limits`` as in
    :func:`rescored`; ``top``: ``rescored(ranked, limits)`` when the caller has it already."""
    top = rescored(ranked, limits) if top is None else top
    if not top:
        return []
    return [term, *(c.text for c in top), *(s for c in top for s in senses_of(c.text)), *others]


def add_similarity(
    term: str,
    ranked: Sequence[Candidate],
    similarity: Callable[[Sequence[str], Sequence[str]], Any],
    others: Sequence[str] = (),
    *,
    senses_of: Callable[[str], tuple[str, ...]] = senses,
    limits: tuple[int, int] | None = None,
    top: Sequence[Candidate] | None = None,
) -> None:
    """Set the similarity features of the :func:`rescored` candidates of ``ranked`` (the others
    keep 0): ``similarity``, the cosine of the term and the candidate in ``similarity``, minus
    their mean (the same as ``similarity_alone`` when CC-CEDICT is silent on the best three);
    ``gloss_similarity``, the best cosine of the term and one of the candidate's English senses,
    minus the mean of those that have senses; ``explained_encoder``, how much closer the candidate
    is to one of ``others`` (the bead's other English words: :func:`other_words`) than to the
    term. ``senses_of`` is :func:`~duizhao.glossary.dictionary.senses` or a memo of it;
    ``limits`` as in :func:`rescored`; ``top``: ``rescored(ranked, limits)`` when the caller has
    it already."""
    top = rescored(ranked, limits) if top is None else top
    if not top:
        return
    weak = all(c.features.get("dict_term", 0.0) < 0.5 for c in ranked[:3])
    glosses = [senses_of(c.text) for c in top]
    flat = [s for g in glosses for s in g]
    row = similarity([term], [*(c.text for c in top), *flat])[0]
    sims = [float(v) for v in row[: len(top)]]
    mean = sum(sims) / len(sims)
    for c, v in zip(top, sims, strict=True):
        c.features["similarity"] = v - mean
        c.features["similarity_alone"] = v - mean if weak else 0.0
    best: list[float | None] = []
    i = len(top)
    for g in glosses:
        best.append(max(float(v) for v in row[i : i + len(g)]) if g else None)
        i += len(g)
    if others:
        grid = similarity(list(others), [c.text for c in top])
        for j, (c, v) in enumerate(zip(top, sims, strict=True)):
            closest = max(float(grid[i][j]) for i in range(len(others)))
            c.features["explained_encoder"] = max(0.0, closest - v)
    known = [b for b in best if b is not None]
    if known:
        mid = sum(known) / len(known)
        for c, b in zip(top, best, strict=True):
            if b is not None:
                c.features["gloss_similarity"] = b - mid
