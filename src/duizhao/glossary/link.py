"""Linking the glossary to the text: each term's occurrences, Chinese counterpart and its
occurrences in the Chinese text.

What the teacher said always wins: a given equivalent (``cluster【集群】``, or a counterpart chosen
in the corrections file) is the counterpart, never uncertain; a term marked as having no
counterpart gets none and no Chinese highlight. Otherwise the
:class:`~duizhao.glossary.CounterpartFinder` finds it; below the finder's threshold it is
*uncertain* (outputs mark it "check"). Given or found, a counterpart is highlighted only in the
Chinese sentences aligned with an English sentence that holds the term (指標 where the English
says "a third metric", not where it says "two measures"); a given one of a term the English never
uses is highlighted wherever it occurs (there is no English to pair it with), and a teacher's own
highlight (``[highlights] add``) is kept wherever the teacher put it. A term that is nowhere in
the English is a warning naming the term and its glossary line.

Examples:
    >>> from duizhao.model import Paragraph, Sentence, Token
    >>> text = "產業集群和集群"  # "industry cluster and cluster"
    >>> para = Paragraph("zh", text, (Sentence(0, 7),), (Token(0, 4), Token(4, 5), Token(5, 7)))
    >>> [(o.start, o.end) for o in find_chinese("集群", Document(zh=(para,)))]
    [(2, 4), (5, 7)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from duizhao.model import Counterpart, Document, Occurrence, TermLink
from duizhao.resources.diskcache import gc_paused
from duizhao.text.convert import convert

from .candidates import person_cut_short
from .context import LinkContext
from .finder import Claims, CounterpartFinder, Ranking, Request
from .terms import find_term, term_forms

__all__ = [
    "find_chinese",
    "link_entry",
    "link_glossary",
    "linked_rankings",
    "missing_term_warning",
]


def find_chinese(
    text: str, doc: Document, *, sentences: Iterable[int] | None = None
) -> tuple[Occurrence, ...]:
    """Every occurrence of a Chinese word in the Chinese paragraphs.

    A match that cuts into words at both ends (會計 in 社會|計劃) is not counted; a match
    inside one longer word (集群 in 產業集群) or cut at one end only (集群 in 市集|群, a
    segmentation slip) is.

    Args:
        text: The word, e.g. ``集群`` ("cluster").
        doc: The document (its Chinese tokens are used when present).
        sentences: Only in these Chinese sentences (document-wide numbers); default: anywhere.

    Returns:
        The occurrences in reading order, with document-wide sentence numbers.
    """
    if not text:
        return ()
    wanted = None if sentences is None else set(sentences)
    firsts = doc.first_sentence("zh")
    out = []
    for p, para in enumerate(doc.zh):
        starts = {t.start for t in para.tokens}
        ends = {t.end for t in para.tokens}
        i = para.text.find(text)
        while i >= 0:
            j = i + len(text)
            sentence = firsts[p] + para.sentence_at(i)
            inside = any(t.start <= i and j <= t.end for t in para.tokens)
            # a word cut at both ends (社會|計劃 for 會計) is two other words; a word cut at one
            # end only is a segmentation slip (三藩|市集|群 for 集群)
            cut_both = i not in starts and j not in ends
            if (inside or not cut_both or not para.tokens) and (
                wanted is None or sentence in wanted
            ):
                out.append(Occurrence(p, sentence, i, j, text))
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


def missing_term_warning(doc: Document, index: int) -> str:
    """The warning for a glossary term found nowhere in the English text.

    Examples:
        >>> from duizhao.model import GlossaryEntry, Meta
        >>> doc = Document(meta=Meta(path="a.txt"), glossary=(GlossaryEntry("metric", "", line=9),))
        >>> missing_term_warning(doc, 0)
        "a.txt:9: glossary term 'metric' is not in the English text"
    """
    entry = doc.glossary[index]
    where = doc.meta.path or "<text>"
    if entry.line is not None:
        where = f"{where}:{entry.line}"
    return f"{where}: glossary term {entry.term!r} is not in the English text"


def _given_link(
    doc: Document, index: int, en: tuple[Occurrence, ...], context: LinkContext
) -> TermLink | None:
    """The link of an entry whose counterpart the teacher gave or ruled out, else ``None``.

    The given counterpart is highlighted where the aligned English holds the term (see
    :func:`_aligned_sentences`), everywhere when the English never holds it.
    """
    entry = doc.glossary[index]
    if entry.no_counterpart:
        return TermLink(entry=index, confidence=1.0, en=en)
    if not entry.zh:
        return None
    zh_text = "".join(p.text for p in doc.zh)
    given: list[Counterpart] = []
    for z in entry.zh:
        written = next((f for f in _script_forms(z) if f in zh_text), z)
        if all(g.text != written for g in given):
            given.append(Counterpart(text=written, score=1.0, source="given"))
    sentences = _aligned_sentences(doc, en, context) if en else None
    found = [o for g in given for o in find_chinese(g.text, doc, sentences=sentences)]
    return TermLink(
        entry=index,
        counterparts=tuple(given),
        confidence=1.0,
        en=en,
        zh=tuple(sorted(set(found), key=lambda o: (o.paragraph, o.start, -o.end))),
    )


def _ranking(
    doc: Document, index: int, en: tuple[Occurrence, ...], finder: CounterpartFinder,
    context: LinkContext,
) -> Ranking:  # fmt: skip
    entry = doc.glossary[index]
    forms = term_forms(entry.term, pos=entry.pos, definition=entry.definition)
    return finder.ranking(doc, entry.term, forms, en, definition=entry.definition, context=context)


def _aligned_sentences(doc: Document, en: tuple[Occurrence, ...], context: LinkContext) -> set[int]:
    """The Chinese sentences aligned with an English sentence that holds the term: the only
    places its counterpart is highlighted."""
    view = context.aligned_text(doc)
    return {z for o in en for z in view.aligned.get(o.sentence, ())}


def _highlighted(
    doc: Document, en: tuple[Occurrence, ...], text: str, context: LinkContext
) -> tuple[tuple[int, int, int], ...]:
    """The places a counterpart is highlighted (see :func:`_aligned_sentences`)."""
    aligned = _aligned_sentences(doc, en, context)
    return tuple((o.paragraph, o.start, o.end) for o in find_chinese(text, doc, sentences=aligned))


def _found_link(
    doc: Document, index: int, en: tuple[Occurrence, ...], ranking: Ranking,
    finder: CounterpartFinder, context: LinkContext,
) -> TermLink:  # fmt: skip
    if not ranking.candidates:
        return TermLink(entry=index, en=en)
    counterparts = tuple(
        Counterpart(text=c.text, score=round(s, 3), source="alignment")
        for c, s in zip(ranking.candidates[: finder.max_counterparts], ranking.shares, strict=False)
    )
    aligned = _aligned_sentences(doc, en, context)
    return TermLink(
        entry=index,
        counterparts=counterparts,
        confidence=round(ranking.confidence, 3),
        uncertain=finder.uncertain(ranking.confidence, ranking.kind)
        or person_cut_short(doc, doc.glossary[index].term.lower(), ranking.candidates[0].places),
        en=en,
        zh=find_chinese(counterparts[0].text, doc, sentences=aligned),
    )


def link_entry(
    doc: Document,
    index: int,
    *,
    finder: CounterpartFinder | None = None,
    context: LinkContext | None = None,
) -> TermLink:
    """Link one glossary entry on its own (see :func:`link_glossary`, which also weighs the
    entries against each other).

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
    context = context if context is not None else LinkContext()
    en = find_term(entry.term, doc, pos=entry.pos, definition=entry.definition)
    link = _given_link(doc, index, en, context)
    if link is not None:
        return link
    return _found_link(doc, index, en, _ranking(doc, index, en, finder, context), finder, context)


def linked_rankings(
    doc: Document,
    en: dict[int, tuple[Occurrence, ...]],
    given: dict[int, TermLink | None],
    *,
    finder: CounterpartFinder,
    context: LinkContext,
) -> dict[int, Ranking]:
    """The finder's ranking of each glossary entry the teacher did not settle, after competitive
    linking: what one term confidently takes (or the teacher gave) is explained for the others,
    at every place it is highlighted; an uncertain first guess is explained for the terms less
    sure than it (two terms' first guesses at one place cannot both be right).

    Args:
        doc: The document.
        en: Each entry's English occurrences, by entry number.
        given: Each entry's teacher-given link (``None``: the finder's job).
        finder: The counterpart finder.
        context: The document's :class:`LinkContext`.

    Returns:
        Entry number → :class:`~duizhao.glossary.Ranking`, for the entries without a given link
        (``benchmarks/fit_glossary.py`` scores these, the way :func:`link_glossary` uses them).
    """
    todo = [i for i in en if given[i] is None]
    requests = []
    for i in todo:
        e = doc.glossary[i]
        forms = term_forms(e.term, pos=e.pos, definition=e.definition)
        requests.append(Request(e.term, forms, en[i], e.definition))
    rankings = dict(zip(todo, finder.rankings(doc, requests, context=context), strict=True))
    # a second pass where an English word already linked (by the teacher or with confidence)
    # explains no other Chinese word
    settled = [
        (doc.glossary[i].term, en[i], tuple((o.paragraph, o.start, o.end) for o in link.zh))
        for i, link in given.items()
        if link is not None
    ]
    settled += [
        (doc.glossary[i].term, en[i], tuple(r.candidates[0].places))
        for i, r in rankings.items()
        if finder.confident(r)
    ]
    redone = finder.settle(doc, requests, [rankings[i] for i in todo], settled, context=context)
    rankings = dict(zip(todo, redone, strict=True))
    claims = Claims()
    for i, link in given.items():
        if link is not None:
            claims.add(f"term {i}", 2.0, ((o.paragraph, o.start, o.end) for o in link.zh))
    for i, r in rankings.items():
        if finder.confident(r):
            # every place it will be highlighted, not only the best one of each occurrence
            # (集群 for "cluster" is all three 集群 of a sentence naming three clusters)
            places = _highlighted(doc, en[i], r.candidates[0].text, context)
            claims.add(f"term {i}", r.confidence, (*r.candidates[0].places, *places))
        elif r.candidates:  # against less sure terms only (Claims compares confidences)
            claims.add(f"term {i}", r.confidence, r.candidates[0].places)
    return {
        i: finder.rerank(r, claims.share(f"term {i}", r.confidence)) for i, r in rankings.items()
    }


@gc_paused()  # short-lived objects by the ten thousand (see diskcache.gc_paused)
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
    position in the text; without tokens, the Chinese is cut into CC-CEDICT words.

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
        entry, in glossary order, and whose ``warnings`` name every term not found in the
        English. A teacher-given equivalent (``cluster【集群】``) is always the first
        counterpart, with confidence 1; a found one below the finder's threshold is
        ``uncertain``.

    Examples:
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
    en = {
        i: find_term(e.term, doc, pos=e.pos, definition=e.definition)
        for i, e in enumerate(doc.glossary)
    }
    given = {i: _given_link(doc, i, en[i], context) for i in en}
    rankings = linked_rankings(doc, en, given, finder=finder, context=context)
    links = tuple(
        given[i] or _found_link(
            doc, i, en[i],
            rankings[i], finder, context,
        )
        for i in en
    )  # fmt: skip
    warnings = list(doc.warnings)
    for link in links:
        if not link.en:
            w = missing_term_warning(doc, link.entry)
            if w not in warnings:
                warnings.append(w)
    return replace(doc, links=links, warnings=tuple(warnings))
