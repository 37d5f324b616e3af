"""The downloads of the review page, made from the corrected document: the study sheet as a PDF,
the worksheet with its key, the Anki deck and the Quizlet list.

Each is made in memory or in a private temporary folder that is deleted at once; nothing is
written beside the article.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import DuizhaoError
from ..model import Document

__all__ = ["KINDS", "make_download"]

#: kind → (file suffix, media type).
KINDS = {
    "sheet.pdf": (".pdf", "application/pdf"),
    "worksheet.pdf": (".worksheet.pdf", "application/pdf"),
    "deck.apkg": (".apkg", "application/octet-stream"),
    "quizlet.txt": (".quizlet.txt", "text/plain; charset=utf-8"),
}


def make_download(doc: Document, kind: str, stem: str) -> tuple[str, bytes, str]:
    """One download of the document: ``(file name, content, media type)``.

    Raises:
        DuizhaoError: Unknown kind, nothing to make (no glossary for a deck), or a missing extra.
    """
    if kind not in KINDS:
        raise DuizhaoError(f"unknown download {kind!r}")
    from ..output.files import safe_stem

    suffix, media = KINDS[kind]
    name = safe_stem(stem, "article") + suffix  # "Week 1: trams" → Week-1-trams.worksheet.pdf
    if kind == "quizlet.txt":
        from ..drills import quizlet_text

        return name, quizlet_text(doc).encode("utf-8"), media
    with tempfile.TemporaryDirectory(prefix="duizhao-review-") as tmp:
        out = Path(tmp) / name
        if kind == "sheet.pdf":
            from ..sheet import render_pdf

            render_pdf(doc, out)
        elif kind == "worksheet.pdf":
            from ..drills import make_worksheets, render_worksheet
            from ..output.pdf import html_to_pdf

            sheets = make_worksheets([doc])
            html_to_pdf(render_worksheet(sheets[0]), out)
        else:
            from ..drills import write_apkg

            write_apkg(doc, out)
        return name, out.read_bytes(), media
