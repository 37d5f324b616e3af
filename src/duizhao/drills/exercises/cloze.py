"""``cloze``: the article's own English sentences with the terms blanked.

One question per sentence. Each term picks, at random (seeded), a sentence where it occurs,
preferring sentences where no other term shows (it would give its answer away); terms that can
only share a sentence are blanked together, up to :data:`MAX_BLANKS`. Suggested words only take
sentences free of glossary terms. The word bank lists the terms as the glossary lists them
(``overtake``), the key gives the form as written (``overtook``).
"""

from __future__ import annotations

from ...model import Occurrence
from ..model import Item, Span
from ..seeding import rng
from ..terms import Term, sentence_bounds
from . import Draft, ExerciseKind, Request

__all__ = ["EXERCISE", "MAX_BLANKS"]

#: Most blanks in one cloze sentence (terms that share a sentence are blanked together).
MAX_BLANKS = 3

_NO_BANK = (
    "Fill in each blank with a suitable word from the article. Write the word "
    "in the form the sentence needs."
)


def _plan(req: Request) -> dict[tuple[int, int], list[tuple[Term, list[Occurrence]]]]:
    """The sentence each term is blanked in: ``(article, sentence) -> [(term, occurrences)]``."""
    terms = req.terms
    plan: dict[tuple[int, int], list[tuple[Term, list[Occurrence]]]] = {}
    glossary_sentences: dict[int, set[int]] = {a: set() for a in range(len(req.docs))}
    for t in terms:
        if t.glossary:
            glossary_sentences[t.article].update(o.sentence for o in t.en)
    for t in terms:
        if not t.en:
            continue
        a = t.article
        by_sentence: dict[int, list[Occurrence]] = {}
        for o in t.en:
            by_sentence.setdefault(o.sentence, []).append(o)
        numbers = sorted(by_sentence)
        if t.glossary:
            numbers = [n for n in numbers if len(plan.get((a, n), ())) < MAX_BLANKS]
        else:  # suggested words only take sentences free of glossary terms
            numbers = [
                n
                for n in numbers
                if n not in glossary_sentences[a] and len(plan.get((a, n), ())) < MAX_BLANKS
            ]
        if not numbers:
            continue
        # prefer sentences where no other term shows (its answer would be given away)
        others = [o for u in terms if u.article == a and u.term != t.term for o in u.en]
        crowd = {n: sum(1 for o in others if o.sentence == n) for n in numbers}
        least = min(crowd.values())
        numbers = [n for n in numbers if crowd[n] == least]
        n = rng(req.seed, "cloze", req.refs[a].label, t.term).choice(numbers)
        plan.setdefault((a, n), []).append((t, by_sentence[n]))
    return plan


def _items(req: Request) -> list[Item]:
    """One item per sentence; glossary terms that share a sentence are blanked together."""
    items = []
    for (a, n), entries in sorted(_plan(req).items()):
        doc = req.docs[a]
        bounds = sentence_bounds(doc, "en", n)
        if bounds is None:
            continue
        p, s0, s1 = bounds
        text = doc.en[p].text
        occs = sorted(
            (
                (o.start, o.end, t.term)
                for t, os in entries
                for o in os
                if o.paragraph == p and s0 <= o.start and o.end <= s1
            ),
        )
        spans: list[Span] = []
        answers: list[str] = []
        listed: list[str] = []
        pos = s0
        for start, end, term in occs:
            if start < pos:
                continue  # overlapping matches: keep the first
            if start > pos:
                spans.append(Span(text[pos:start]))
            spans.append(Span("", blank=len(answers)))
            answers.append(text[start:end])
            listed.append(term)
            pos = end
        if not answers:
            continue
        if pos < s1:
            spans.append(Span(text[pos:s1]))
        label = req.refs[a].label
        items.append(
            Item(
                key=f"cloze|{label}|{n}|{'+'.join(sorted({*listed}))}",
                prompt=tuple(spans),
                answers=tuple(answers),
                note=", ".join(dict.fromkeys(listed)),
                source=label,
                listed=tuple(listed),
            )
        )
    return items


def _build(req: Request) -> Draft:
    items = _items(req)
    glossary_terms = {t.term.lower() for t in req.terms if t.glossary}
    return Draft(
        tuple(items),
        why="no glossary term or suggested word occurs in the English text",
        # sentences with a glossary term are chosen before those with suggested words only
        preferred=tuple(any(w.lower() in glossary_terms for w in it.listed) for it in items),
        instructions="" if req.word_bank else _NO_BANK,
    )


EXERCISE = ExerciseKind(
    name="cloze",
    title="Fill in the blanks",
    instructions="Fill in each blank with a word from the box. Write the word in the form the "
    "sentence needs (e.g. a past tense or a plural).",
    order=10,
    layout="cloze",
    build=_build,
    word_bank=True,
)
