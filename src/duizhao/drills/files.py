"""Where the drills are written: the output folder, UTF-8 text files, the default file stem.

OS errors become :class:`~duizhao.drills.DrillError` naming the file, so the CLI prints one
``error: …`` line.

Example:
    >>> from duizhao.model import Document, Meta
    >>> output_stem([Document(meta=Meta(path="corpus/2025-10-06-hong-kong-trams.md"))])
    '2025-10-06-hong-kong-trams.drills'
    >>> week = [Document(meta=Meta(date=d)) for d in ("2025-09-01", "2025-09-03", "2025-09-05")]
    >>> output_stem(week)
    'drills-2025-09-01--2025-09-05'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..model import Document
from .model import DrillError

__all__ = ["folder", "output_stem", "write_text"]


def folder(path: str | os.PathLike[str]) -> Path:
    """Make the folder (and its parents) if needed; return it as a :class:`~pathlib.Path`."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DrillError(f"{out}: cannot create the folder ({e.strerror or e})") from e
    return out


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text (line ends as given), making the folder; OS errors become DrillError."""
    p = Path(path)
    folder(p.parent)
    try:
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    except OSError as e:
        raise DrillError(f"{p}: cannot write the file ({e.strerror or e})") from e
    return p


def output_stem(docs: Sequence[Document]) -> str:
    """``ARTICLE.drills`` for one article, else ``drills-FIRSTDATE--LASTDATE`` (or ``drills``)."""
    if len(docs) == 1 and docs[0].meta.path:
        return Path(docs[0].meta.path).stem + ".drills"
    dates = sorted(d.meta.date for d in docs if d.meta.date)
    if dates:
        return f"drills-{dates[0]}" + (f"--{dates[-1]}" if dates[-1] != dates[0] else "")
    return "drills"
