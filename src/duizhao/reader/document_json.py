"""The JSON form of a document as input: recognised by its ``schema`` key, checked, read back.

``duizhao annotate FILE --format json`` (and ``parse``) write a document's JSON form; a teacher may
keep it and give it to ``sheet``, ``drill``, ``build`` or ``bank add`` instead of the article. Any
other JSON is refused with a message that says what to give instead.

Example:
    >>> is_document_json("corpus/2025-09-02-wipo-innovation-clusters.txt")  # an article, not JSON
    False
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import SCHEMA_VERSION, Document

__all__ = ["document_from_json", "is_document_json"]


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
