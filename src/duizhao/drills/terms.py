"""What can be drilled: the terms of each article, where they occur, and how to read them.

The terms are the glossary entries (with the occurrences and Chinese counterpart the pipeline
linked to each, ``doc.links``) and, when asked or when an article has no glossary, its suggested
English vocabulary (``doc.vocabulary``). Nothing is searched for again here: drills are an output
and take the document as :func:`duizhao.documents.load_document` gives it. A document with
glossary entries but no links was not run through the pipeline, and is refused with a message
that says so.

Examples:
    >>> from duizhao.model import Document, Meta
    >>> doc = Document(meta=Meta(path="week/trams.md"), en=(), zh=())
    >>> article_refs([doc])[0].label   # no date: the file stem
    'trams'
    >>> gather_terms([doc], vocabulary=False)   # no glossary, no vocabulary: nothing to drill
    []
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Document, Occurrence, Paragraph, TermLink
from ..text.script import is_han
from .model import ArticleRef, DrillError

__all__ = [
    "Term",
    "article_refs",
    "gather_terms",
    "reading_of",
    "reading_unsure",
    "sentence_bounds",
    "zh_lang",
]


@dataclass(frozen=True)
class Term:
    """A glossary entry (or suggested word) of one article, with where it occurs."""

    article: int
    """Index of its document."""
    term: str
    """The English term as listed (``overtake``)."""
    pos: str
    """Part of speech, if given."""
    definition: str
    """English definition, if given."""
    zh: str
    """The Chinese counterpart (teacher-given, else found), or empty."""
    en: tuple[Occurrence, ...]
    """Where it occurs in the English text."""
    zh_occ: tuple[Occurrence, ...]
    """Where the counterpart occurs in the Chinese text."""
    glossary: bool
    """False for suggested vocabulary."""
    uncertain: bool = False
    """The counterpart :attr:`zh` is below the finder's confidence threshold: no exercise is
    built on it, and the exports carry it with a "check" flag."""
    zh_readings: tuple[str, str] = ("", "")
    """Pinyin and Jyutping of :attr:`zh` when the Chinese text does not use it (read by the
    pipeline as a word of its own: :attr:`duizhao.model.Counterpart.pinyin`)."""

    @property
    def sure_zh(self) -> str:
        """The counterpart when it may be drilled (certain), else ``""``."""
        return "" if self.uncertain else self.zh


def _label(doc: Document, i: int) -> str:
    if doc.meta.date:
        return doc.meta.date
    if doc.meta.path:
        return Path(doc.meta.path).stem
    return f"article {i + 1}"


def _article_ref(doc: Document, i: int) -> ArticleRef:
    m = doc.meta
    title = m.title_en or m.title_zh or (Path(m.path).stem if m.path else f"Article {i + 1}")
    return ArticleRef(
        label=_label(doc, i), title=title, title_zh=m.title_zh, source=m.source, date=m.date
    )


def article_refs(docs: Sequence[Document]) -> list[ArticleRef]:
    """One reference per document; two articles of the same day get distinct labels."""
    refs = [_article_ref(d, i) for i, d in enumerate(docs)]
    labels = [r.label for r in refs]
    for i, r in enumerate(refs):
        if labels.count(r.label) > 1:
            refs[i] = replace(r, label=f"{r.label} ({labels[: i + 1].count(r.label)})")
    return refs


def _links(doc: Document, i: int) -> dict[int, TermLink]:
    """The glossary links the pipeline made, by entry.

    Raises:
        DrillError: The document has glossary entries but no links (it was not annotated).
    """
    if doc.glossary and not doc.links:
        where = doc.meta.path or _label(doc, i)
        raise DrillError(
            f"{where}: the glossary is not linked to the text (the document was read but not "
            "annotated); give the article itself, or the JSON of 'duizhao annotate FILE "
            "--format json' (from Python: duizhao.documents.load_document or "
            "duizhao.pipeline.annotate)"
        )
    return {link.entry: link for link in doc.links}


def _counterpart(link: TermLink | None, given: Sequence[str]) -> str:
    if given:
        return given[0]
    if link is not None and link.zh:
        return link.zh[0].text
    if link is not None and link.counterparts:
        return link.counterparts[0].text
    return ""


def gather_terms(docs: Sequence[Document], vocabulary: bool) -> list[Term]:
    """Glossary terms of every article, then (when asked) its suggested English words.

    Args:
        docs: Annotated documents.
        vocabulary: Add the suggested English words (always done for an article without a
            glossary); a word already in the glossary, or always written with a capital (a
            name), is left out.

    Raises:
        DrillError: A document has glossary entries but no links.
    """
    out: list[Term] = []
    for a, doc in enumerate(docs):
        links = _links(doc, a)
        seen = set()
        for i, e in enumerate(doc.glossary):
            link = links.get(i)
            zh = "" if e.no_counterpart else _counterpart(link, e.zh)
            zh_occ = link.zh if link is not None and not e.no_counterpart else ()
            # a found counterpart below the threshold is never drilled (a given one always is)
            uncertain = bool(zh and not e.zh and link is not None and link.uncertain)
            if link is not None and zh and zh_occ and zh_occ[0].text != zh:
                zh_occ = tuple(o for o in zh_occ if o.text == zh) or zh_occ
            seen.add(e.term.lower())
            out.append(
                Term(
                    article=a,
                    term=e.term,
                    pos=e.pos or "",
                    definition=e.definition,
                    zh=zh,
                    en=link.en if link is not None else (),
                    zh_occ=zh_occ,
                    glossary=True,
                    uncertain=uncertain,
                    zh_readings=_unused_readings(link, zh),
                )
            )
        if (vocabulary or not doc.glossary) and doc.vocabulary is not None:
            for v in doc.vocabulary.en:
                if v.word.lower() in seen or not v.occurrences:
                    continue
                if _is_name(doc, v.occurrences):
                    continue  # Shenzhen, Yokohama: not vocabulary to drill
                seen.add(v.word.lower())
                out.append(
                    Term(
                        article=a,
                        term=v.word,
                        pos="",
                        definition="",
                        zh=v.translation[0] if v.translation else "",
                        en=v.occurrences,
                        zh_occ=(),
                        glossary=False,
                        uncertain=v.uncertain,
                    )
                )
    return out


def _unused_readings(link: TermLink | None, zh: str) -> tuple[str, str]:
    """The readings the pipeline gave a counterpart the text does not use, else empty."""
    for c in link.counterparts if link is not None else ():
        if c.text == zh:
            return c.pinyin or "", c.jyutping or ""
    return "", ""


def _is_name(doc: Document, occs: Sequence[Occurrence]) -> bool:
    """A word always written with a capital, also inside a sentence (``Critics`` opening a
    sentence is not a name)."""
    if not all(o.text[:1].isupper() for o in occs):
        return False
    starts = {(p, s.start) for _, p, s in doc.sentences("en")}
    return any((o.paragraph, o.start) not in starts for o in occs)


#: An interview's speaker label opening a sentence (``Q:``, ``A:``, ``問：``, ``答：``): not
#: part of the sentence a worksheet sets or a card quotes.
_SPEAKER = re.compile(r"(?:Q|A|問|问|答)\s*[:：]\s*")


def sentence_bounds(doc: Document, lang: str, number: int) -> tuple[int, int, int] | None:
    """``(paragraph, start, end)`` of the document-wide sentence ``number`` of a language,
    without an interview's speaker label (``Q:``, ``答：``) at its start.

    Examples:
        >>> from duizhao.model import Paragraph, Sentence
        >>> doc = Document(zh=(Paragraph("zh", "答：我每天早上排練。", (Sentence(0, 10),)),))
        >>> p, a, b = sentence_bounds(doc, "zh", 0)
        >>> doc.zh[p].text[a:b]  # "I rehearse every morning"
        '我每天早上排練。'
    """
    for n, p, s in doc.sentences(lang):  # type: ignore[arg-type]
        if n == number:
            text = doc.paragraphs(lang)[p].text  # type: ignore[arg-type]
            m = _SPEAKER.match(text, s.start, s.end)
            start = m.end() if m is not None and m.end() < s.end else s.start
            return p, start, s.end
    return None


def reading_of(para: Paragraph, a: int, b: int, which: str) -> str | None:
    """The reading of ``para.text[a:b]`` from its tokens (``None`` if a Han char has none).

    Args:
        para: An annotated Chinese paragraph.
        a: Start offset.
        b: End offset.
        which: ``pinyin`` or ``jyutping``.
    """
    out = []
    for pos in range(a, b):
        tok = next((t for t in para.tokens if t.start <= pos < t.end), None)
        if tok is None:
            return None
        vals = tok.pinyin if which == "pinyin" else tok.jyutping
        k = pos - tok.start
        v = vals[k] if k < len(vals) else None
        if not v:
            if is_han(para.text[pos]):
                return None
            continue
        out.append(v)
    return " ".join(out) if out else None


def reading_unsure(para: Paragraph, a: int, b: int) -> bool:
    """Whether the pinyin of ``para.text[a:b]`` holds a reading to check
    (``Token.pinyin_unsure``), as :func:`reading_of` reads the readings there."""
    return any(
        u
        for t in para.tokens
        if t.pinyin_unsure and t.start < b and t.end > a
        for k, u in enumerate(t.pinyin_unsure)
        if a <= t.start + k < b
    )


def zh_lang(doc: Document) -> str:
    """The ``lang`` of the document's Chinese: ``zh-Hans`` or ``zh-Hant``."""
    return "zh-Hans" if doc.script == "simplified" else "zh-Hant"
