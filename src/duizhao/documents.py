"""THE loader: every command that takes an article gets its complete document here.

:func:`load_document` accepts an article file (read with :func:`duizhao.reader.read`, which also
honours the pins in ``NAME.align.toml`` beside it, then run through the whole pipeline) or the JSON
that ``duizhao annotate FILE --format json`` wrote (recognised by its ``schema`` key; any other JSON
is an error, never read as an article); the JSON of ``duizhao parse`` is annotated like an article.
``sheet``, ``drill``, ``build``, ``bank add`` and the Python API all load through here, so they all
see the same document.

Example:
    >>> doc = load_document("corpus/2025-09-02-wipo-innovation-clusters.txt")  # doctest: +SKIP
    >>> doc.links[0].counterparts[0].text  # doctest: +SKIP
    '集群'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .model import Document
from .reader.document_json import document_from_json, is_document_json

__all__ = ["ARTICLE_SUFFIXES", "document_from_json", "is_document_json", "load_document"]

#: File name endings a folder of articles is searched for (``duizhao build``, ``bank add DIR``).
ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown")


def load_document(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    pins: Sequence[tuple[int, int]] = (),
    **options: Any,
) -> Document:
    """The complete document of an article file or of saved annotate JSON.

    Args:
        path: An article (``.txt``, ``.md``, …) or a ``duizhao annotate`` JSON file.
        encoding: Force the article's encoding (ignored for JSON, which is UTF-8).
        pins: Extra ``(English paragraph, Chinese paragraph)`` pins, beside the article's own and
            those of its sidecar file (not for annotate JSON: it is already aligned).
        **options: Passed to :func:`duizhao.pipeline.annotate` (``en_limit``, ``finder``, …).

    Returns:
        The document as ``duizhao annotate`` makes it: aligned, annotated, linked, with vocabulary.

    Raises:
        InputError: The file cannot be read, or is neither an article nor a duizhao document.
    """
    from .pipeline import annotate

    if is_document_json(path):
        doc = document_from_json(path)
        if doc.alignment is not None and (doc.links or not doc.glossary):
            return doc  # what `duizhao annotate --format json` wrote: complete
        # what `duizhao parse --format json` wrote: read, but not annotated yet
    else:
        from .reader import read

        doc = read(path, encoding=encoding)
    if pins:
        doc = replace(doc, pins=(*doc.pins, *pins))
    return annotate(doc, **options)
