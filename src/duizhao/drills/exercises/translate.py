"""``translate``: a Chinese sentence to put into English using the term; the key gives the
article's own English sentence as the model answer.

Only sentence pairs the aligner matched one-to-one or two-to-two are used; the Chinese side that
holds the counterpart is preferred, and the counterpart is marked in the prompt.
"""

from __future__ import annotations

from ..model import Item, Span
from ..seeding import rng
from ..terms import sentence_bounds, zh_lang
from . import Draft, ExerciseKind, Request

__all__ = ["EXERCISE"]


def _build(req: Request) -> Draft:
    items: list[Item] = []
    order: list[tuple[int, int]] = []
    for t in req.terms:
        doc = req.docs[t.article]
        if not t.glossary or not t.en or doc.alignment is None:
            continue
        beads = []
        for o in t.en:
            for b in doc.alignment.sentences:
                if o.sentence in b.en and b.zh and len(b.en) <= 2 and len(b.zh) <= 2:
                    beads.append((o.sentence, b))
                    break
        if not beads:
            continue
        # a bead whose Chinese holds the counterpart is the clearest exercise
        zh_sents = {o.sentence for o in t.zh_occ}
        good = [x for x in beads if zh_sents & set(x[1].zh)] or beads
        label = req.refs[t.article].label
        _, bead = rng(req.seed, "translate", label, t.term).choice(good)
        zh_texts = doc.sentence_texts("zh")
        prompt: list[Span] = []
        for z in bead.zh:
            s = zh_texts[z]
            # mark the counterpart so the student sees which word the term translates
            k = s.find(t.zh) if t.zh else -1
            if k >= 0:
                prompt += [Span(s[:k]), Span(t.zh, mark=True), Span(s[k + len(t.zh) :])]
            else:
                prompt.append(Span(s))
        model: list[Span] = []
        for e in bead.en:
            bounds = sentence_bounds(doc, "en", e)
            if bounds is None:
                continue
            p, s0, s1 = bounds
            text = doc.en[p].text
            if model:
                model.append(Span(" "))
            pos = s0
            for o in sorted((o for o in t.en if o.paragraph == p), key=lambda o: o.start):
                if s0 <= o.start and o.end <= s1 and o.start >= pos:
                    model += [Span(text[pos : o.start]), Span(text[o.start : o.end], mark=True)]
                    pos = o.end
            model.append(Span(text[pos:s1]))
        order.append((t.article, bead.zh[0]))
        items.append(
            Item(
                key=f"translate|{label}|{t.term}",
                prompt=tuple(s for s in prompt if s.text),
                answers=("".join(s.text for s in model),),
                lang=zh_lang(doc),
                hint=t.term,
                source=label,
                model=tuple(s for s in model if s.text),
            )
        )
    items = [it for _, it in sorted(zip(order, items, strict=True), key=lambda x: x[0])]
    why = (
        "no glossary term sits in an aligned sentence pair"
        if req.has_glossary
        else "there is no glossary"
    )
    return Draft(tuple(items), why=why)


EXERCISE = ExerciseKind(
    name="translate",
    title="Translate into English",
    instructions="Translate each sentence into English. Use the word given in brackets.",
    order=50,
    layout="translate",
    build=_build,
)
