"""The downloads of the review page, made from the corrected document: the study sheet as a PDF,
the worksheet with its key, and the Anki deck and Quizlet list of each kind of learner: the English
class's (``drill``) and the learner of Chinese's (``drill --for chinese``: the Chinese first, with
its readings, and an Anki card from the Chinese to its reading and meaning).

Each is made in memory or in a private temporary folder that is deleted at once; nothing is
written beside the article.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DuizhaoError
from ..model import Document

if TYPE_CHECKING:
    from ..drills.export.cards import Reading

__all__ = ["KINDS", "make_download"]

#: kind → (file suffix, media type).
KINDS = {
    "sheet.pdf": (".pdf", "application/pdf"),
    "worksheet.pdf": (".worksheet.pdf", "application/pdf"),
    "deck.apkg": (".apkg", "application/octet-stream"),
    "quizlet.txt": (".quizlet.txt", "text/plain; charset=utf-8"),
    "deck-chinese.apkg": (".chinese.apkg", "application/octet-stream"),
    "quizlet-chinese.txt": (".chinese.quizlet.txt", "text/plain; charset=utf-8"),
}


def make_download(
    doc: Document, kind: str, stem: str, reading: Reading = "pinyin"
) -> tuple[str, bytes, str]:
    """One download of the document: ``(file name, content, media type)``, with the readings the
    page shows (``reading``: the sheet's PDF, the Chinese Quizlet list and the Anki cards).

    Raises:
        DuizhaoError: Unknown kind, nothing to make (no glossary for a deck), or a missing extra.
    """
    if kind not in KINDS:
        raise DuizhaoError(f"unknown download {kind!r}")
    from ..output.files import safe_stem

    suffix, media = KINDS[kind]
    name = safe_stem(stem, "article") + suffix  # "Week 1: trams" → Week-1-trams.worksheet.pdf
    if kind in ("quizlet.txt", "quizlet-chinese.txt"):
        from ..drills import quizlet_text

        text = (  # as drill --for chinese --tsv: the Chinese first
            quizlet_text(doc, lang="zh", reading=reading)
            if kind == "quizlet-chinese.txt"
            else quizlet_text(doc)
        )
        return name, text.encode("utf-8"), media
    with tempfile.TemporaryDirectory(prefix="duizhao-review-") as tmp:
        out = Path(tmp) / name
        if kind == "sheet.pdf":
            from ..sheet import render_pdf

            render_pdf(doc, out, reading=reading)
        elif kind == "worksheet.pdf":
            from ..drills import make_worksheets, render_worksheet
            from ..output.pdf import html_to_pdf

            sheets = make_worksheets([doc])
            html_to_pdf(render_worksheet(sheets[0]), out)
        else:
            from ..drills import write_apkg

            # drill --for chinese --anki
            write_apkg(doc, out, chinese=kind == "deck-chinese.apkg", reading=reading)
        return name, out.read_bytes(), media
