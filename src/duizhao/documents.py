"""THE loader: every command that takes an article gets its complete document here.

:func:`load_document` accepts an article file (read with :func:`duizhao.reader.read`, with the
corrections file ``NAME.duizhao.toml`` beside it, then run through the whole pipeline) or the JSON
that ``duizhao annotate FILE --format json`` wrote (recognised by its ``schema`` key; any other JSON
is an error, never read as an article); the JSON of ``duizhao parse`` is annotated like an article.
The corrections of saved JSON are those beside it (``NAME.json`` → ``NAME.duizhao.toml``), else
those beside the article it was made from (``meta.path``); only the stages they change are run
again. ``annotate``, ``sheet``, ``drill``, ``build``, ``bank add``, ``review`` and the Python API
all load through here, so they all see the same document.

Examples:
    >>> doc = load_document("corpus/2025-09-02-wipo-innovation-clusters.txt")  # doctest: +SKIP
    >>> doc.links[0].counterparts[0].text  # doctest: +SKIP
    '集群'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .model import Corrections, Document
from .reader.attach import attach_corrections
from .reader.corrections import corrections_path
from .reader.decode import MAX_BYTES
from .reader.document_json import document_from_json, is_document_json

__all__ = [
    "ARTICLE_SUFFIXES",
    "document_from_json",
    "is_document_json",
    "json_corrections",
    "load_document",
]

#: File name endings a folder of articles is searched for (``duizhao build``, ``bank add DIR``).
ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown")


def load_document(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    pins: Sequence[tuple[int, int]] = (),
    corrections: str | os.PathLike[str] | Corrections | bool | None = None,
    max_bytes: int | None = MAX_BYTES,
    **options: Any,
) -> Document:
    """The complete document of an article file or of saved annotate JSON.

    Args:
        path: An article (``.txt``, ``.md``, …) or a ``duizhao annotate`` JSON file.
        encoding: Force the article's encoding (ignored for JSON, which is UTF-8).
        pins: Extra ``(English paragraph, Chinese paragraph)`` pins, beside the article's own and
            those of its corrections file (not for annotate JSON: it is already aligned).
        corrections: ``None`` for the corrections file beside the file, ``False`` for none, or
            a corrections file (or :class:`~duizhao.model.Corrections`) to use instead.
        max_bytes: The largest article (default 2 MiB, :data:`~duizhao.reader.decode.MAX_BYTES`;
            ``None``: no limit); saved JSON may be larger, its text not.
        **options: Passed to :func:`duizhao.pipeline.annotate` (``en_limit``, ``finder``, …).

    Returns:
        The document as ``duizhao annotate`` makes it: aligned, annotated, linked, with vocabulary.

    Raises:
        InputError: The file cannot be read, or is neither an article nor a duizhao document.
    """
    from .pipeline import annotate, first_stage
    from .reader import find_corrections

    if is_document_json(path):
        doc = document_from_json(path, max_bytes=max_bytes)
        found = find_corrections(json_corrections(path, doc), corrections)
        doc = attach_corrections(doc, found) if found is not None else doc
        if doc.alignment is not None and (doc.links or not doc.glossary):
            # what `duizhao annotate --format json` wrote: run only what the corrections (or a
            # counterpart given by hand in its glossary) change
            start = first_stage(found)
            if start in ("vocabulary", "done") and _links_disagree(doc):
                start = "link"
            return annotate(doc, start=start, **options)
        # what `duizhao parse --format json` wrote: read, but not annotated yet
    else:
        from .reader import read

        doc = read(path, encoding=encoding, corrections=corrections, max_bytes=max_bytes)
    if pins:
        doc = replace(doc, pins=(*doc.pins, *pins))
    return annotate(doc, **options)


def json_corrections(path: str | os.PathLike[str], doc: Document) -> Path:
    """The article whose corrections file applies to saved JSON: ``NAME`` for ``NAME.json``
    when ``NAME.duizhao.toml`` is beside it, else the article the JSON was made from.

    Examples:
        >>> json_corrections("out/trams.json", Document()).as_posix()  # no such file: itself
        'out/trams.json'
    """
    own = Path(path)
    if corrections_path(own).is_file() or not doc.meta.path:
        return own
    return Path(doc.meta.path)


def _links_disagree(doc: Document) -> bool:
    """Whether a glossary entry's given counterpart (``glossary[].zh``, perhaps edited by hand in
    saved JSON) is not what its link leads with, or a "no counterpart" entry is highlighted.

    Examples:
        >>> from duizhao.model import Counterpart, GlossaryEntry, TermLink
        >>> doc = Document(glossary=(GlossaryEntry("cluster", "", zh=("產業集群",)),),
        ...                links=(TermLink(0, counterparts=(Counterpart("集群", 0.9),)),))
        >>> _links_disagree(doc)  # 產業集群 "industry cluster" was given, 集群 leads
        True
    """
    from .text.convert import to_simplified

    links = {link.entry: link for link in doc.links}
    for i, entry in enumerate(doc.glossary):
        link = links.get(i)
        if link is None:
            return True
        if entry.no_counterpart:
            if link.zh:
                return True
            continue
        if entry.zh:
            first = link.counterparts[0].text if link.counterparts else ""
            if to_simplified(first) not in {to_simplified(z) for z in entry.zh}:
                return True
    return False
