"""The glossary as flashcards: one :class:`Card` per term, shared by every export.

Examples:
    >>> from duizhao.model import Document, Meta
    >>> meta = Meta(source="明報社評", date="2025-09-02", title_zh="知識產權")  # "IP"
    >>> anki_article_id(Document(meta=meta))
    '明報社評|2025-09-02|知識產權'
    >>> anki_article_id(Document(meta=Meta(path="week/trams.md")))  # no title line: the file name
    'trams.md'
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...model import Document, Occurrence
from ...output.readings import Reading
from ..terms import gather_terms, reading_of, reading_unsure, sentence_bounds

__all__ = [
    "Card",
    "Reading",
    "anki_article_id",
    "as_list",
    "cards",
    "tag",
]


@dataclass(frozen=True)
class Card:
    """One glossary term as a flashcard (the fields of the Anki note)."""

    article: str
    """:func:`anki_article_id` of its article."""
    term: str
    """The English term as listed."""
    pos: str = ""
    """Part of speech."""
    definition: str = ""
    """English definition."""
    chinese: str = ""
    """The Chinese counterpart."""
    pinyin: str = ""
    """Pinyin of the counterpart."""
    jyutping: str = ""
    """Jyutping of the counterpart."""
    example: str = ""
    """The first English sentence using the term, as HTML with the term in ``<b>``."""
    example_text: str = ""
    """The same sentence as plain text."""
    source: str = ""
    """Publisher or column, and title."""
    date: str = ""
    """Publication date."""
    tags: tuple[str, ...] = field(default=())
    """Tags (no spaces)."""
    check: bool = False
    """The Chinese counterpart is uncertain (below the finder's threshold): check it before use.
    Every export carries the flag (Anki: the ``Check`` field and a ``check`` tag; CSV: the
    ``check`` column; Quizlet: ``(check: 集群)``)."""
    reading_check: bool = False
    """The pinyin holds a reading duizhao is not sure of (``Token.pinyin_unsure``): the exports
    for learners of Chinese flag it as they flag :attr:`check`, the Anki ``Check`` field says so."""


def anki_article_id(doc: Document) -> str:
    """The article's part of its Anki note GUIDs: source, date and title (``|``-joined).

    Falls back to the file name when the article has no title line. The same article exported
    again gets the same ID, so Anki updates its notes instead of adding copies. (Not the term
    bank's article key, which identifies a stored article.)
    """
    meta = doc.meta
    parts = [meta.source or "", meta.date or "", meta.title_zh or meta.title_en or ""]
    if not any(parts):
        parts = [Path(meta.path).name if meta.path else ""]
    return "|".join(parts)


def tag(s: str) -> str:
    """A tag from a name: runs of white space become ``_``."""
    return re.sub(r"\s+", "_", s.strip())


def as_list(docs: Document | Sequence[Document]) -> list[Document]:
    """One document or several, as a list."""
    return [docs] if isinstance(docs, Document) else list(docs)


def _example(doc: Document, en: Sequence[Occurrence]) -> tuple[str, str]:
    """The first sentence using the term: as HTML with the term in ``<b>``, and as text."""
    o = en[0]
    bounds = sentence_bounds(doc, "en", o.sentence)
    if bounds is None:
        return "", ""
    p, s0, s1 = bounds
    text = doc.en[p].text
    occ = sorted((x for x in en if x.sentence == o.sentence), key=lambda x: x.start)
    parts, pos = [], s0
    for x in occ:
        if x.start >= pos and x.end <= s1:
            parts.append(html.escape(text[pos : x.start]))
            parts.append(f"<b>{html.escape(text[x.start : x.end])}</b>")
            pos = x.end
    parts.append(html.escape(text[pos:s1]))
    return "".join(parts), text[s0:s1]


def _readings(
    doc: Document,
    zh: str,
    zh_occ: Sequence[Occurrence],
    en: Sequence[Occurrence],
    unused: tuple[str, str] = ("", ""),
) -> tuple[str, str]:
    """Pinyin and Jyutping of a card's Chinese, as the article's annotation reads it there.

    Where the glossary linked it (``zh_occ``), else where the text has it (a suggested word's
    counterpart: first in a sentence aligned with the English that used the word). A
    teacher-given equivalent the Chinese text does not use has the readings the pipeline gave
    it as a word of its own (``unused``: :attr:`duizhao.model.Counterpart.pinyin`).
    """
    where = [(o.paragraph, o.start, o.end) for o in zh_occ[:1]]
    if not where:
        aligned = set()
        if doc.alignment is not None:
            used = {o.sentence for o in en}
            for bead in doc.alignment.sentences:
                if used & set(bead.en):
                    aligned |= set(bead.zh)
        hits = []
        for n, p, s in doc.sentences("zh"):
            k = doc.zh[p].text.find(zh, s.start, s.end)
            if k >= 0:
                hits.append((n not in aligned, n, p, k))
        where = [(p, k, k + len(zh)) for *_, p, k in sorted(hits)[:1]]
    if not where:
        return unused
    p, a, b = where[0]
    para = doc.zh[p]
    return reading_of(para, a, b, "pinyin") or "", reading_of(para, a, b, "jyutping") or ""


def _unsure_at(doc: Document, zh_occ: Sequence[Occurrence]) -> bool:
    """Whether the pinyin of the card's Chinese where the glossary linked it holds a reading to
    check (``Token.pinyin_unsure``)."""
    for o in zh_occ[:1]:
        if 0 <= o.paragraph < len(doc.zh):
            return reading_unsure(doc.zh[o.paragraph], o.start, o.end)
    return False


def cards(docs: Document | Sequence[Document], *, vocabulary: bool = False) -> tuple[Card, ...]:
    """The glossary of each article as cards (plus suggested English words if ``vocabulary``).

    Args:
        docs: Annotated documents (readings and examples come from the annotation).
        vocabulary: Add the suggested English vocabulary (and, for articles without a glossary,
            it is always added).

    Raises:
        DrillError: A document has glossary entries but no links (it was not annotated).
    """
    docs = as_list(docs)
    out: list[Card] = []
    for t in gather_terms(docs, vocabulary):
        doc = docs[t.article]
        example = example_text = ""
        if t.en:
            example, example_text = _example(doc, t.en)
        py, jp = _readings(doc, t.zh, t.zh_occ, t.en, t.zh_readings) if t.zh else ("", "")
        m = doc.meta
        source = " ".join(x for x in (m.source, m.title_zh or m.title_en) if x)
        tags = ["duizhao", "glossary" if t.glossary else "vocabulary"]
        if t.uncertain and t.zh:
            tags.append("check")
        if m.date:
            tags.append(m.date)
        if m.source:
            tags.append(tag(m.source))
        out.append(
            Card(
                article=anki_article_id(doc),
                term=t.term,
                pos=t.pos,
                definition=t.definition,
                chinese=t.zh,
                pinyin=py,
                jyutping=jp,
                example=example,
                example_text=example_text,
                source=source,
                date=m.date or "",
                tags=tuple(tags),
                check=t.uncertain and bool(t.zh),
                reading_check=bool(py) and _unsure_at(doc, t.zh_occ),
            )
        )
    return tuple(out)
