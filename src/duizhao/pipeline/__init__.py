"""The whole pipeline in one call: read → align → annotate Chinese → link glossary → vocabulary.

The stages, in order, each a pure function from a document to a new document:

1. :func:`duizhao.align.align_document` — paragraphs and sentences paired (engine: an
   :class:`~duizhao.align.AlignScorer`);
2. :func:`duizhao.chinese.annotate_document` — Chinese words, readings, glosses, HSK levels
   (engine: a :class:`~duizhao.chinese.ChineseAnnotator`);
3. :func:`duizhao.glossary.link_glossary` — each glossary term's English occurrences and Chinese
   counterpart (engine: a :class:`~duizhao.glossary.CounterpartFinder`);
4. :func:`duizhao.glossary.suggest_vocabulary` — words to learn beyond the glossary.

Every engine has a working default; pass another to swap one stage's engine without touching the
rest.

The teacher's corrections file (``doc.corrections``, read with the article) is honoured between
the stages (:mod:`.corrections`): the reader has applied pins and counterpart choices, the aligner
keeps unpinned pairs apart, and after the Chinese stage, the links and the vocabulary the
corrections of each are checked and completed. ``start`` runs the stages from a later one, for a
document that has been through the earlier ones (saved ``duizhao annotate`` JSON).

Examples:
    >>> from duizhao.pipeline import annotate
    >>> doc = annotate("corpus/2025-09-02-wipo-innovation-clusters.txt")
    >>> [link.counterparts[0].text for link in doc.links]  # cluster, metric, preferential
    ['集群', '指標', '特惠']
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from duizhao.model import Corrections, Document

from .corrections import honour_chinese, honour_links, honour_vocabulary

if TYPE_CHECKING:
    from duizhao.align import AlignScorer
    from duizhao.chinese import ChineseAnnotator
    from duizhao.glossary import CounterpartFinder

__all__ = ["STAGES", "Stage", "annotate", "first_stage", "honour_chinese", "honour_links",
           "honour_vocabulary"]

#: The stages in order (``annotate(start=...)`` names one).
Stage = Literal["align", "chinese", "link", "vocabulary", "done"]
STAGES: tuple[Stage, ...] = ("align", "chinese", "link", "vocabulary", "done")


def first_stage(corrections: Corrections | None) -> Stage:
    """The first stage whose output a corrections file changes (``done`` when none does).

    Examples:
        >>> from duizhao.model import Corrections, GlossFix
        >>> first_stage(Corrections(glosses=(GlossFix("電車", "tram"),)))  # "tram"
        'chinese'
        >>> first_stage(None)
        'done'
    """
    c = corrections
    if c is None or c.is_empty():
        return "done"
    if c.pins or c.unpins:
        return "align"
    if c.readings or c.glosses or c.words:
        return "chinese"
    if c.counterparts or c.highlights_added or c.highlights_removed:
        return "link"
    return "vocabulary"


def annotate(
    doc_or_path: Document | str | os.PathLike[str],
    *,
    annotator: ChineseAnnotator | None = None,
    scorer: AlignScorer | None = None,
    finder: CounterpartFinder | None = None,
    pins: Sequence[tuple[int, int]] = (),
    encoding: str | None = None,
    en_limit: int = 20,
    en_max_zipf: float = 4.0,
    zh_limit: int = 30,
    zh_min_hsk: int = 6,
    start: Stage = "align",
) -> Document:
    """Build the complete document: alignment, Chinese tokens, glossary links and vocabulary.

    Args:
        doc_or_path: An article file (read with :func:`duizhao.reader.read`) or a document.
        annotator: Chinese annotator (default :func:`duizhao.chinese.default_annotator`).
        scorer: Alignment scorer (default: the aligner's own).
        finder: Glossary counterpart finder (default
            :meth:`duizhao.glossary.CounterpartFinder.default`).
        pins: ``(English paragraph, Chinese paragraph)`` pairs fixed by the teacher.
        encoding: Force the file's encoding (when a path is given).
        en_limit: Most English vocabulary suggestions.
        en_max_zipf: Only English words rarer than this Zipf frequency.
        zh_limit: Most Chinese vocabulary suggestions.
        zh_min_hsk: Lowest HSK level of Chinese suggestions.
        start: The first stage to run (the document has been through the ones before it).

    Returns:
        The complete document (what ``duizhao annotate FILE --format json`` prints).

    Raises:
        InputError: The file cannot be read or is not an article.

    Examples:
        >>> from duizhao.reader import read_text
        >>> doc = annotate(read_text(
        ...     "Hong Kong's trams are cheap and slow.\\n\\n香港的電車便宜又慢。\\n\\n"
        ...     "/ Glossary生字 /\\ntram：a vehicle that runs on rails along a street"
        ... ))  # "Hong Kong's trams (電車) are cheap and slow"
        >>> link = doc.links[0]
        >>> link.counterparts[0].text, [o.text for o in link.en], [o.text for o in link.zh]
        ('電車', ['trams'], ['電車'])
        >>> [t.text_in(doc.zh[0].text) for t in doc.zh[0].tokens][:3], doc.zh[0].tokens[2].pinyin
        (['香港', '的', '電車'], ('diàn', 'chē'))
    """
    from duizhao.align import align_document
    from duizhao.chinese import annotate_document
    from duizhao.glossary import LinkContext, link_glossary, suggest_vocabulary
    from duizhao.resources.diskcache import gc_paused

    from .glossary_words import glossary_chinese, without_glossary_words
    from .unused_words import read_unused_counterparts

    if isinstance(doc_or_path, Document):
        doc = doc_or_path
    else:
        from duizhao.reader import read

        doc = read(doc_or_path, encoding=encoding)
    order = STAGES.index(start)
    if order <= 0:
        doc = align_document(doc, scorer=scorer, pins=pins)
    if order <= 1:
        doc = annotate_document(doc, annotator)
        doc = honour_chinese(doc)
    # The collector is held off over both glossary stages and until their shared context is
    # dropped, not only inside each stage (its beads, sentences and candidates, freed by
    # reference counting before any collection could walk them; see diskcache.gc_paused)
    with gc_paused():
        context = LinkContext()  # this document's work, shared by the two glossary stages
        if order <= 2:
            doc = link_glossary(doc, finder=finder, context=context)
        doc = honour_links(doc)  # cheap, and the same when done twice
        doc = read_unused_counterparts(doc, annotator)  # a teacher's word the text does not use
        if order <= 3:
            shown = glossary_chinese(doc)  # the vocabulary stage changes neither glossary nor links
            doc = suggest_vocabulary(
                doc,
                en_limit=en_limit,
                en_max_zipf=en_max_zipf,
                zh_limit=zh_limit + len(shown),  # room for the words left out
                zh_min_hsk=zh_min_hsk,
                finder=finder,
                context=context,
            )
            doc = without_glossary_words(doc, zh_limit, shown)  # the glossary's Chinese: not again
        doc = honour_vocabulary(doc, finder=finder, context=context)
        del context
    return doc
