"""``translate``: a Chinese sentence to put into English using the term; the key gives the
article's own English sentence as the model answer.

Only sentence pairs the aligner matched one-to-one or two-to-two, and is sure of (not
``low_confidence``), are used; the Chinese side that
holds the counterpart is preferred, and the counterpart is marked in the prompt (unless it is
uncertain, or the sheet has the English ↔ Chinese matching, whose answer that would give away).
The worksheet never sets a pair whose English or Chinese is used by another question.
"""

from __future__ import annotations

from ...model import Bead, Document
from ..model import Item, Span
from ..terms import Term, sentence_bounds, zh_lang
from . import Draft, ExerciseKind, Request

__all__ = ["EXERCISE"]


def _build(req: Request) -> Draft:
    items: list[Item] = []
    order: list[tuple[int, int]] = []
    preferred: list[bool] = []
    for t in req.terms:
        doc = req.docs[t.article]
        if not t.glossary or not t.en or doc.alignment is None:
            continue
        beads = []
        for o in t.en:
            for b in doc.alignment.sentences:
                if o.sentence in b.en and b.zh and len(b.en) <= 2 and len(b.zh) <= 2:
                    if b not in beads and not b.low_confidence:  # no key on a doubtful pair
                        beads.append(b)
                    break
        if not beads:
            continue
        # every pair holding the term is a candidate (the worksheet takes one whose sentences
        # no other question uses); a pair whose Chinese holds the counterpart is the clearest
        zh_sents = {o.sentence for o in t.zh_occ} if t.sure_zh else set()
        label = req.refs[t.article].label
        for bead in beads:
            _add(req, t, doc, bead, label, items, order)
            preferred.append(bool(zh_sents & set(bead.zh)) or not zh_sents)
    ranked = sorted(zip(order, items, preferred, strict=True), key=lambda x: x[0])
    why = (
        "no glossary term sits in an aligned sentence pair"
        if req.has_glossary
        else "there is no glossary"
    )
    return Draft(
        tuple(it for _, it, _ in ranked), why=why, preferred=tuple(p for _, _, p in ranked)
    )


def _add(
    req: Request,
    t: Term,
    doc: Document,
    bead: Bead,
    label: str,
    items: list[Item],
    order: list[tuple[int, int]],
) -> None:
    """The question of one sentence pair holding the term ``t``."""
    prompt: list[Span] = []
    # mark the counterpart so the student sees which word the term translates, unless it
    # is uncertain, or the sheet asks for it (English ↔ Chinese matching): a giveaway
    mark = t.sure_zh if "zh" not in req.kinds else ""
    for z in bead.zh:
        zb = sentence_bounds(doc, "zh", z)  # without a speaker label (答：)
        if zb is None:
            continue
        s = doc.zh[zb[0]].text[zb[1] : zb[2]]
        k = s.find(mark) if mark else -1
        if k >= 0:
            prompt += [Span(s[:k]), Span(mark, mark=True), Span(s[k + len(mark) :])]
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
            key=f"translate|{label}|{t.term}|{bead.zh[0]}",
            prompt=tuple(s for s in prompt if s.text),
            answers=("".join(s.text for s in model),),
            lang=zh_lang(doc),
            hint=t.term,
            source=label,
            model=tuple(s for s in model if s.text),
            listed=(t.term,),
            uses=tuple(f"{label}|en|{e}" for e in bead.en)
            + tuple(f"{label}|zh|{z}" for z in bead.zh),
        )
    )


EXERCISE = ExerciseKind(
    name="translate",
    title="Translate into English",
    instructions="Translate each sentence into English. Use the word given in brackets.",
    order=50,
    layout="translate",
    build=_build,
)
