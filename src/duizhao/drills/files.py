"""The file stem drills are written under (the folder and the writing: :mod:`duizhao.output.files`).

Examples:
    >>> from duizhao.model import Document, Meta
    >>> output_stem([Document(meta=Meta(path="corpus/2025-10-06-hong-kong-trams.md"))])
    '2025-10-06-hong-kong-trams.drills'
    >>> week = [Document(meta=Meta(date=d)) for d in ("2025-09-01", "2025-09-03", "2025-09-05")]
    >>> output_stem(week)
    'drills-2025-09-01--2025-09-05'
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document
from ..output.files import file_stem, safe_stem

__all__ = ["output_stem"]


def output_stem(docs: Sequence[Document]) -> str:
    """``ARTICLE.drills`` for one article, else ``drills-FIRSTDATE--LASTDATE`` (or ``drills``),
    always a safe file name (:func:`~duizhao.output.files.safe_stem`: what a file says about
    itself never leads outside the output folder)."""
    if len(docs) == 1 and docs[0].meta.path:
        return file_stem(docs[0].meta.path, "article") + ".drills"
    dates = sorted(d.meta.date for d in docs if d.meta.date)
    if dates:
        stem = f"drills-{dates[0]}" + (f"--{dates[-1]}" if dates[-1] != dates[0] else "")
        return safe_stem(stem, "drills")
    return "drills"
