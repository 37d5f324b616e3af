"""THE loader: every command that takes an article gets its complete document here.

:func:`load_document` accepts an article file (read with :func:`duizhao.reader.read`, which also
honours the pins in ``NAME.align.toml`` beside it, then run through the whole pipeline) or the JSON
that ``duizhao annotate FILE --format json`` wrote (recognised by its ``schema`` key; any other JSON
is an error, never read as an article); the JSON of ``duizhao parse`` is annotated like an article.
``sheet``, ``drill``, ``build``, ``bank add`` and the Python API all load through here, so they all
see the same document.

Example:
    >>> from duizhao.documents import is_document_json
    >>> is_document_json("corpus/2025-09-02-wipo-innovation-clusters.txt")  # an article, not JSON
    False
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import SCHEMA_VERSION, Document

__all__ = ["ARTICLE_SUFFIXES", "document_from_json", "is_document_json", "load_document"]

#: File name endings a folder of articles is searched for (``duizhao build``, ``bank add DIR``).
ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown")


def is_document_json(path: str | os.PathLike[str]) -> bool:
    """Whether a file is JSON rather than an article: its name ends in ``.json``, or its first
    non-blank character is ``{`` or ``[`` (no article starts so)."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return True
    try:
        with open(p, "rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def document_from_json(path: str | os.PathLike[str]) -> Document:
    """Read a document that ``duizhao annotate --format json`` (or ``parse``) wrote.

    A one-element list (what ``parse`` prints for several files, given one) is accepted.

    Raises:
        InputError: The file cannot be read, is not JSON, or is not a duizhao document (no
            ``schema`` key, a newer schema, or keys of the wrong type).
    """
    where = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise InputError(where, None, f"cannot read the file ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise InputError(where, None, f"not UTF-8 JSON ({e.reason})") from e
    except json.JSONDecodeError as e:
        raise InputError(where, e.lineno, f"not valid JSON ({e.msg})") from e
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    _check_document_dict(data, where)
    try:
        return Document.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise InputError(where, None, f"not a duizhao document ({e!r})") from e


def _check_document_dict(data: Any, where: str) -> None:
    if not isinstance(data, dict) or "schema" not in data:
        raise InputError(
            where,
            None,
            "JSON that is not a duizhao document (no 'schema' key): give an article, or the "
            "output of 'duizhao annotate FILE --format json'",
        )
    schema = data["schema"]
    if not isinstance(schema, int) or isinstance(schema, bool) or schema > SCHEMA_VERSION:
        raise InputError(
            where,
            None,
            f"document schema {schema!r} is not one this duizhao reads (up to {SCHEMA_VERSION}); "
            "upgrade duizhao or annotate the article again",
        )
    if "en" not in data or "zh" not in data:
        raise InputError(where, None, "not a duizhao document (no 'en' and 'zh' keys)")


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
