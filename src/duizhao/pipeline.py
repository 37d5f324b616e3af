"""The whole pipeline in one call: read → align → annotate Chinese → link glossary → vocabulary.

Example:
    >>> from duizhao.pipeline import annotate
    >>> doc = annotate("corpus/2025-09-02-wipo-innovation-clusters.txt")  # doctest: +SKIP
    >>> [link.counterparts[0].text for link in doc.links]  # cluster, metric, preferential
    ['集群', '指標', '特惠']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from duizhao.model import Document

__all__ = ["annotate"]


def annotate(
    doc_or_path: Document | str | Path,
    *,
    annotator: Any = None,
    scorer: Any = None,
    finder: Any = None,
    pins: Any = (),
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
    align_kwargs: dict[str, Any] = {}
    if scorer is not None:
        align_kwargs["scorer"] = scorer
    if pins:
        align_kwargs["pins"] = pins
    doc = align_document(doc, **align_kwargs)
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
