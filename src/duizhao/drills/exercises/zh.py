"""``zh``: each English term with its Chinese counterpart (cluster ↔ 集群).

For articles without a glossary it turns round: suggested Chinese words ↔ their first English
meaning from CC-CEDICT.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import Document
from ..terms import zh_lang
from . import Draft, ExerciseKind, Pair, Request, arrange_matching, matching_draft

__all__ = ["EXERCISE"]

_WHY = (
    "no term has a Chinese counterpart duizhao is sure of (check them on the sheet, or give them"
    " in the glossary as term【中文】)"
)


def _pairs(req: Request) -> list[Pair]:
    """Glossary term ↔ its counterpart, each side once."""
    out: list[Pair] = []
    seen_left, seen_right = set(), set()
    for t in req.terms:
        if not t.glossary or not t.sure_zh or t.term.lower() in seen_left or t.zh in seen_right:
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
            if v.uncertain or not gloss or v.word in seen_left or gloss.lower() in seen_right:
                continue
            seen_left.add(v.word)
            seen_right.add(gloss.lower())
            label = req.refs[a].label
            out.append((f"{label}|{v.word}", v.word, "", gloss, label))
    return out


def _pos_of(doc: Document, word: str) -> str:
    """jieba's part of speech of ``word`` where the article has it as one token, else ``""``."""
    for para in doc.zh:
        for tok in para.tokens:
            if tok.pos and tok.end - tok.start == len(word) and tok.text_in(para.text) == word:
                return tok.pos
    return ""


def _distractors(req: Request, pairs: list[Pair]) -> tuple[tuple[str, str], ...]:
    """Chinese words of the articles that answer no pair: suggested words, with their part of
    speech (from the annotation) so that the worksheet can prefer the items' own."""
    used = {p[3] for p in pairs} | {t.zh for t in req.terms if t.zh}
    out: list[tuple[str, str]] = []
    for doc in req.docs:
        if doc.vocabulary is None:
            continue
        for v in doc.vocabulary.zh:
            if v.word not in used and len(v.word) >= 2:
                used.add(v.word)
                out.append((v.word, _pos_of(doc, v.word)))
    return tuple(out)


def _build(req: Request) -> Draft:
    lang = zh_lang(req.docs[0])
    pairs = _pairs(req)
    if pairs:
        draft = matching_draft("zh", pairs, _WHY, right_lang=lang)
        return replace(draft, distractors=_distractors(req, pairs))
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
