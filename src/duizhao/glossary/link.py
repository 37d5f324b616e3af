"""Linking the glossary to the text: each term's occurrences, Chinese counterpart and its
occurrences in the Chinese text.

Example:
    >>> from duizhao.model import Paragraph, Sentence, Token
    >>> text = "產業集群和集群"  # "industry cluster and cluster"
    >>> para = Paragraph("zh", text, (Sentence(0, 7),), (Token(0, 4), Token(4, 5), Token(5, 7)))
    >>> [(o.start, o.end) for o in find_chinese("集群", Document(zh=(para,)))]
    [(2, 4), (5, 7)]
"""

from __future__ import annotations

from dataclasses import replace

from duizhao.model import Counterpart, Document, Occurrence, TermLink
from duizhao.text.convert import convert

from .context import LinkContext
from .finder import CounterpartFinder
from .terms import find_term, term_forms

__all__ = ["find_chinese", "link_entry", "link_glossary"]


def find_chinese(text: str, doc: Document) -> tuple[Occurrence, ...]:
    """Every occurrence of a Chinese word in the Chinese paragraphs.

    A match that cuts into words at both ends (會計 in 社會|計劃) is not counted; a match
    inside one longer word (集群 in 產業集群) or cut at one end only (集群 in 市集|群, a
    segmentation slip) is.

    Args:
        text: The word, e.g. ``集群`` ("cluster").
        doc: The document (its Chinese tokens are used when present).

    Returns:
        The occurrences in reading order, with document-wide sentence numbers.
    """
    if not text:
        return ()
    firsts = doc.first_sentence("zh")
    out = []
    for p, para in enumerate(doc.zh):
        starts = {t.start for t in para.tokens}
        ends = {t.end for t in para.tokens}
        i = para.text.find(text)
        while i >= 0:
            j = i + len(text)
            inside = any(t.start <= i and j <= t.end for t in para.tokens)
            # a word cut at both ends (社會|計劃 for 會計) is two other words; a word cut at one
            # end only is a segmentation slip (三藩|市集|群 for 集群)
            cut_both = i not in starts and j not in ends
            if inside or not cut_both or not para.tokens:
                out.append(Occurrence(p, firsts[p] + para.sentence_at(i), i, j, text))
            i = para.text.find(text, j)
    return tuple(out)


def _script_forms(word: str) -> list[str]:
    """A word and its Traditional / Simplified conversions (given equivalents may differ)."""
    from duizhao.resources.lexicon import cedict

    forms = [word]
    for e in cedict().lookup(word):
        for f in (e.traditional, e.simplified):
            if f not in forms:
                forms.append(f)
    for cfg in ("s2hk", "s2t", "hk2s", "t2s"):
        f = convert(word, cfg)
        if f not in forms:
            forms.append(f)
    return forms


def link_entry(
    doc: Document,
    index: int,
    *,
    finder: CounterpartFinder | None = None,
    context: LinkContext | None = None,
) -> TermLink:
    """Link one glossary entry (see :func:`link_glossary`).

    Args:
        doc: The document.
        index: The entry's number in ``doc.glossary``.
        finder: The counterpart finder (default :meth:`CounterpartFinder.default`).
        context: The document's :class:`LinkContext` (default: a new one).

    Returns:
        The entry's link.
    """
    entry = doc.glossary[index]
    finder = finder if finder is not None else CounterpartFinder.default()
    en = find_term(entry.term, doc, pos=entry.pos, definition=entry.definition)
    forms = term_forms(entry.term, pos=entry.pos, definition=entry.definition)
    ranked = finder.rank(doc, entry.term, forms, en, definition=entry.definition, context=context)
    zh_text = "".join(p.text for p in doc.zh)
    given: list[Counterpart] = []
    for z in entry.zh:
        written = next((f for f in _script_forms(z) if f in zh_text), z)
        if all(g.text != written for g in given):
            given.append(Counterpart(text=written, score=1.0, source="given"))
    if given:
        rest = [c for c in ranked if all(c.text != g.text for g in given)]
        counterparts = (given + rest)[: max(len(given), finder.max_counterparts)]
        confidence = 1.0
    else:
        counterparts = ranked
        confidence = ranked[0].score if ranked else 0.0
    zh: tuple[Occurrence, ...] = ()
    if counterparts:
        found = [o for g in (given or counterparts[:1]) for o in find_chinese(g.text, doc)]
        zh = tuple(sorted(set(found), key=lambda o: (o.paragraph, o.start, -o.end)))
    return TermLink(
        entry=index,
        counterparts=tuple(counterparts),
        confidence=round(confidence, 3),
        en=en,
        zh=zh,
    )


def link_glossary(
    doc: Document,
    *,
    finder: CounterpartFinder | None = None,
    context: LinkContext | None = None,
) -> Document:
    """Link every glossary entry to the text: English occurrences, Chinese counterpart, and the
    counterpart's occurrences in the Chinese text.

    Works best on an aligned document whose Chinese paragraphs are annotated (see
    :func:`duizhao.pipeline.annotate`); without an alignment, sentences are paired by their
    position in the text; without tokens, the Chinese text is segmented with jieba.

    Args:
        doc: The document.
        finder: The counterpart finder (default :meth:`CounterpartFinder.default`).
        context: The document's :class:`LinkContext`: the work done on it (the aligned
            sentences, the candidates, the encoder's vectors). Pass the same context to
            :func:`~duizhao.glossary.suggest_vocabulary` for the same document (same text,
            alignment and tokens) with the same finder to reuse that work; never share it
            between documents. Default: a new one.

    Returns:
        A new document whose ``links`` hold one :class:`~duizhao.model.TermLink` per glossary
        entry, in glossary order. A teacher-given equivalent (``cluster【集群】``) is always the
        first counterpart, with confidence 1.

    Example:
        >>> from duizhao.model import GlossaryEntry, Paragraph, Sentence, Token
        >>> en = Paragraph("en", "Clusters grew.", (Sentence(0, 14),))
        >>> words = (Token(0, 2), Token(2, 4), Token(4, 5))  # 集群|增長|。
        >>> zh = Paragraph("zh", "集群增長。", (Sentence(0, 5),), words)  # "Clusters grew."
        >>> doc = Document(en=(en,), zh=(zh,), glossary=(GlossaryEntry("cluster", "a group"),))
        >>> link = link_glossary(doc).links[0]
        >>> link.counterparts[0].text, [o.text for o in link.en]  # "cluster"
        ('集群', ['Clusters'])
    """
    finder = finder if finder is not None else CounterpartFinder.default()
    context = LinkContext() if context is None else context
    links = tuple(
        link_entry(doc, i, finder=finder, context=context) for i in range(len(doc.glossary))
    )
    return replace(doc, links=links)
