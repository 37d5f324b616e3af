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

Example:
    >>> from duizhao.pipeline import annotate
    >>> doc = annotate("corpus/2025-09-02-wipo-innovation-clusters.txt")  # doctest: +SKIP
    >>> [link.counterparts[0].text for link in doc.links]  # doctest: +SKIP
    ['集群', '指標', '特惠']
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from duizhao.model import Document

if TYPE_CHECKING:
    from duizhao.align import AlignScorer
    from duizhao.chinese import ChineseAnnotator
    from duizhao.glossary import CounterpartFinder

__all__ = ["annotate"]


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

    Returns:
        The complete document (what ``duizhao annotate FILE --format json`` prints).

    Raises:
        InputError: The file cannot be read or is not an article.
    """
    from duizhao.align import align_document
    from duizhao.chinese import annotate_document
    from duizhao.glossary import LinkContext, link_glossary, suggest_vocabulary

    if isinstance(doc_or_path, Document):
        doc = doc_or_path
    else:
        from duizhao.reader import read

        doc = read(doc_or_path, encoding=encoding)
    doc = align_document(doc, scorer=scorer, pins=pins)
    doc = annotate_document(doc, annotator)
    context = LinkContext()  # this document's work, shared by the two glossary stages
    doc = link_glossary(doc, finder=finder, context=context)
    return suggest_vocabulary(
        doc,
        en_limit=en_limit,
        en_max_zipf=en_max_zipf,
        zh_limit=zh_limit,
        zh_min_hsk=zh_min_hsk,
        finder=finder,
        context=context,
    )
