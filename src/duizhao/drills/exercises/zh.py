"""``zh``: each English term with its Chinese counterpart (cluster ↔ 集群).

For articles without a glossary it turns round: suggested Chinese words ↔ their first English
meaning from CC-CEDICT.
"""

from __future__ import annotations

from dataclasses import replace

from ..terms import zh_lang
from . import Draft, ExerciseKind, Pair, Request, arrange_matching, matching_draft

__all__ = ["EXERCISE"]

_WHY = "no Chinese counterpart was found for any term"


def _pairs(req: Request) -> list[Pair]:
    """Glossary term ↔ its counterpart, each side once."""
    out: list[Pair] = []
    seen_left, seen_right = set(), set()
    for t in req.terms:
        if not t.glossary or not t.zh or t.term.lower() in seen_left or t.zh in seen_right:
            continue
        seen_left.add(t.term.lower())
        seen_right.add(t.zh)
        label = req.refs[t.article].label
        out.append((f"{label}|{t.term}", t.term, t.pos, t.zh, label))
    return out


def _vocabulary_pairs(req: Request) -> list[Pair]:
    """Chinese suggested words ↔ their first English gloss (for articles without a glossary)."""
    out: list[Pair] = []
    seen_left, seen_right = set(), set()
    for a, doc in enumerate(req.docs):
        if doc.glossary or doc.vocabulary is None:
            continue
        for v in doc.vocabulary.zh:
            gloss = v.translation[0].split(";")[0].strip() if v.translation else ""
            if not gloss or v.word in seen_left or gloss.lower() in seen_right:
                continue
            seen_left.add(v.word)
            seen_right.add(gloss.lower())
            label = req.refs[a].label
            out.append((f"{label}|{v.word}", v.word, "", gloss, label))
    return out


def _build(req: Request) -> Draft:
    lang = zh_lang(req.docs[0])
    pairs = _pairs(req)
    if pairs:
        return matching_draft("zh", pairs, _WHY, right_lang=lang)
    # no glossary: Chinese words ↔ their English meaning
    draft = matching_draft("zh", _vocabulary_pairs(req), _WHY)
    return replace(
        draft,
        items=tuple(replace(it, lang=lang) for it in draft.items),
        title="Match the Chinese words with their English meanings",
        instructions="Write the letter of the matching English meaning next to each Chinese word.",
    )


EXERCISE = ExerciseKind(
    name="zh",
    title="Match the English words with their Chinese equivalents",
    instructions="Write the letter of the matching Chinese word next to each English word.",
    order=30,
    layout="match",
    build=_build,
    arrange=arrange_matching,
)
