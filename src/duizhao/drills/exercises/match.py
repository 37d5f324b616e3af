"""``match``: each glossary term with its English definition (lettered options A, B, …)."""

from __future__ import annotations

from . import Draft, ExerciseKind, Pair, Request, arrange_matching, matching_draft

__all__ = ["EXERCISE"]


def _pairs(req: Request) -> list[Pair]:
    """Glossary term ↔ definition, once per (term, definition)."""
    out: list[Pair] = []
    seen = set()
    for t in req.terms:
        if not t.glossary or not t.definition.strip():
            continue
        k = (t.term.lower(), t.definition.strip().lower())
        if k in seen:
            continue
        seen.add(k)
        label = req.refs[t.article].label
        out.append((f"{label}|{t.term}", t.term, t.pos, t.definition.strip(), label))
    return out


def _build(req: Request) -> Draft:
    why = (
        "no glossary entry has an English definition"
        if req.has_glossary
        else "there is no glossary"
    )
    return matching_draft("match", _pairs(req), why)


EXERCISE = ExerciseKind(
    name="match",
    title="Match the words with their meanings",
    instructions="Write the letter of the matching meaning next to each word.",
    order=20,
    layout="match",
    build=_build,
    arrange=arrange_matching,
)
