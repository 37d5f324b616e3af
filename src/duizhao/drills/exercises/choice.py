"""``choice``: multiple choice: one of the article's sentences with one term blanked and four
options, the term as written and three distractors.

The distractors are the other terms of the sheet in the form the article writes them, those of
the blanked term's part of speech first (the glossary's ``(n.)``, ``(v.)``, …), then the
suggested English words of the articles; an item needs at least two distractors. A sentence is
used only when the term occurs once in it and no other term of the sheet does (it would be an
answer printed in the question). The options keep one order in every version; the key gives the
letter and the word.
"""

from __future__ import annotations

import re

from ..model import Item, Span
from ..seeding import rng
from ..terms import Term, sentence_bounds
from . import Draft, ExerciseKind, Request

__all__ = ["EXERCISE"]

#: Options per question: the answer and up to three distractors.
OPTIONS = 4


def _pos(p: str) -> str:
    p = p.strip().lower()
    return "a" if p.startswith("adj") else "d" if p.startswith("adv") else p[:1]


def _case(word: str, upper: bool) -> str:
    """``word`` with a capital first letter when ``upper``, else a small one (names aside)."""
    if upper:
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:] if word[1:2].islower() or len(word) == 1 else word


def _pool(req: Request) -> list[tuple[str, str, str]]:
    """``(form as written, the term it is a form of, part of speech)`` of every term of the
    sheet, then the suggested English words (no part of speech)."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for t in req.terms:
        if t.en and t.en[0].text.lower() not in seen:
            seen.add(t.en[0].text.lower())
            out.append((t.en[0].text, t.term.lower(), _pos(t.pos)))
    for doc in req.docs:
        if doc.vocabulary is None:
            continue
        for v in doc.vocabulary.en:
            form = (v.forms or (v.word,))[0]
            if form.lower() not in seen and not form[:1].isupper():
                seen.add(form.lower())
                out.append((form, v.word.lower(), ""))
    return out


def _item(req: Request, t: Term, n: int, pool: list[tuple[str, str, str]]) -> Item | None:
    doc = req.docs[t.article]
    bounds = sentence_bounds(doc, "en", n)
    if bounds is None:
        return None
    p, s0, s1 = bounds
    text = doc.en[p].text
    occs = [o for o in t.en if o.sentence == n and o.paragraph == p]
    if len(occs) != 1:
        return None
    o = occs[0]
    sentence = text[s0:s1]
    # no other form of the sheet may be printed in the question
    for form, term, _ in pool:
        if term == t.term.lower():
            continue
        if re.search(rf"\b{re.escape(form)}\b", sentence, re.IGNORECASE):
            return None
    label = req.refs[t.article].label
    r = rng(req.seed, "choice", label, t.term, n)
    others = [c for c in pool if c[1] != t.term.lower() and c[0].lower() != o.text.lower()]
    r.shuffle(others)
    mine = _pos(t.pos)
    others.sort(key=lambda c: 0 if mine and c[2] == mine else (1 if c[2] else 2))
    # in the case of the answer: a capital only where the blank opens the sentence
    upper = o.text[:1].isupper()
    distractors = [_case(c[0], upper) for c in others[: OPTIONS - 1]]
    if len(distractors) < 2:
        return None
    options = [o.text, *distractors]
    r.shuffle(options)
    letter = "abcd"[options.index(o.text)]
    return Item(
        key=f"choice|{label}|{t.term}|{n}",
        prompt=(Span(text[s0 : o.start]), Span("", blank=0), Span(text[o.end : s1])),
        answers=(letter,),
        note=o.text,
        source=label,
        listed=(t.term,),
        uses=(f"{label}|en|{n}",),
        choices=tuple(options),
    )


def _build(req: Request) -> Draft:
    pool = _pool(req)
    items: list[Item] = []
    order: list[tuple[int, int]] = []
    glossary = []
    for t in req.terms:
        if not t.en or (req.has_glossary and not t.glossary):
            continue
        for n in sorted({o.sentence for o in t.en}):
            it = _item(req, t, n, pool)
            if it is not None:
                items.append(it)
                order.append((t.article, n))
                glossary.append(t.glossary)
    ranked = sorted(zip(order, items, glossary, strict=True), key=lambda x: x[0])
    return Draft(
        tuple(it for _, it, _ in ranked),
        why="no term stands alone in a sentence with enough other terms to choose from",
        preferred=tuple(g for _, _, g in ranked),
    )


EXERCISE = ExerciseKind(
    name="choice",
    title="Choose the right word",
    instructions="Circle the letter of the word that fits the blank.",
    order=15,
    layout="choice",
    build=_build,
)
