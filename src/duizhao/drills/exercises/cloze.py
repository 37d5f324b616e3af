"""``cloze``: the article's own English sentences with the terms blanked.

One candidate question per sentence that holds a term: every occurrence of every term in it is
blanked (up to :data:`MAX_BLANKS`), so a term blanked in one sentence is never printed in
another. Suggested words only take sentences free of glossary terms. The worksheet picks
sentences until it has ``count`` blanks (``--count`` counts blanks), glossary terms and terms
not yet blanked first, and numbers the blanks 1, 2, … across the section. The word bank lists the
terms as the glossary lists them (``overtake``), the key gives the form as written (``overtook``).
"""

from __future__ import annotations

import re

from ..model import Item, Span
from ..terms import sentence_bounds
from . import Draft, ExerciseKind, Request

__all__ = ["EXERCISE", "MAX_BLANKS"]

#: Most blanks in one cloze sentence (a sentence with more term occurrences is not used).
MAX_BLANKS = 3

_NO_BANK = (
    "Fill in each blank with a suitable word from the article. Write the word "
    "in the form the sentence needs."
)
_LETTERS = (
    "Fill in each blank with a word from the box; its first letter is given. Write the word "
    "in the form the sentence needs (e.g. a past tense or a plural)."
)


def _items(req: Request) -> list[Item]:
    """One item per sentence holding a term, with every term occurrence in it blanked."""
    items = []
    for a, doc in enumerate(req.docs):
        terms = [t for t in req.terms if t.article == a and t.en]
        glossary_sentences = {o.sentence for t in terms if t.glossary for o in t.en}
        by_sentence: dict[int, list[tuple[int, int, int, str]]] = {}
        for t in terms:
            for o in t.en:
                if not t.glossary and o.sentence in glossary_sentences:
                    continue  # suggested words only take sentences free of glossary terms
                by_sentence.setdefault(o.sentence, []).append((o.paragraph, o.start, o.end, t.term))
        # every form of a term the article uses, to blank it also where the linking missed it
        # (an answer left in print gives itself away)
        # (of every article on the sheet: one article's term may be in another's sentence)
        forms = sorted(
            {(o.text, t.term) for t in req.terms for o in t.en}
            | {(t.term, t.term) for t in req.terms if t.en},
            key=lambda f: -len(f[0]),
        )
        glossary_terms = {t.term.lower() for t in req.terms if t.glossary}
        label = req.refs[a].label
        for n in sorted(by_sentence):
            bounds = sentence_bounds(doc, "en", n)
            if bounds is None:
                continue
            p, s0, s1 = bounds
            text = doc.en[p].text
            glossary_only = n in glossary_sentences
            for form, term in forms:
                if glossary_only and term.lower() not in glossary_terms:
                    continue  # suggested words stay in print in a glossary term's sentence
                for m in re.finditer(rf"\b{re.escape(form)}\b", text[s0:s1], re.IGNORECASE):
                    by_sentence[n].append((p, s0 + m.start(), s0 + m.end(), term))
            spans: list[Span] = []
            answers: list[str] = []
            listed: list[str] = []
            pos = s0
            for para, start, end, term in sorted(by_sentence[n], key=lambda x: (x[1], -x[2])):
                if para != p or start < pos or not (s0 <= start and end <= s1):
                    continue  # overlapping matches: keep the first
                if start > pos:
                    spans.append(Span(text[pos:start]))
                spans.append(Span("", blank=len(answers)))
                answers.append(text[start:end])
                listed.append(term)
                pos = end
            if not answers or len(answers) > MAX_BLANKS:
                continue
            if pos < s1:
                spans.append(Span(text[pos:s1]))
            items.append(
                Item(
                    key=f"cloze|{label}|{n}|{'+'.join(sorted({*listed}))}",
                    prompt=tuple(spans),
                    answers=tuple(answers),
                    note=", ".join(dict.fromkeys(listed)),
                    source=label,
                    listed=tuple(listed),
                    uses=(f"{label}|en|{n}",),
                )
            )
    return items


def _build(req: Request) -> Draft:
    items = _items(req)
    glossary_terms = {t.term.lower() for t in req.terms if t.glossary}
    if not req.word_bank:
        instructions = _NO_BANK
    elif req.level == "easy":
        instructions = _LETTERS
    else:
        instructions = ""
    return Draft(
        tuple(items),
        why="no glossary term or suggested word occurs in the English text",
        # sentences with a glossary term are chosen before those with suggested words only
        preferred=tuple(any(w.lower() in glossary_terms for w in it.listed) for it in items),
        instructions=instructions,
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
