"""The study sheet as a page: one self-contained HTML file, an A4 PDF, or both written to a folder.

Example:
    >>> from duizhao.reader import read
    >>> html = render_sheet(read("corpus/2025-09-02-wipo-innovation-clusters.txt"), reading="none")
    >>> html.startswith("<!DOCTYPE html>") and "<script src=" not in html  # one file, no requests
    True
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..model import Document
from ..output.files import file_stem, make_folder, output_file, safe_stem, write_text
from ..output.pdf import html_to_pdf
from ..output.templates import environment
from .view import Reading, Script, sheet_context

__all__ = ["render_pdf", "render_sheet", "write_sheet"]


def render_sheet(
    doc: Document,
    *,
    reading: Reading = "pinyin",
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    template: str = "sheet.html.j2",
    extra_links: Sequence[tuple[str, str]] = (),
    for_print: bool = False,
) -> str:
    """Render a document as a self-contained HTML study sheet.

    Args:
        doc: The document (annotated or not: missing parts are left out gracefully).
        reading: ``pinyin``, ``jyutping``, ``both`` or ``none`` above the Chinese words.
        script: ``traditional`` or ``simplified`` for the Chinese, or ``None`` for as written.
        templates: A folder of templates that override the packaged ones.
        template: The page template's name.
        extra_links: ``(label, href)`` pairs linked from the header (drill pages, the index).
        for_print: Render the print version (no toolbar, toggles or script), as PDFs use.

    Returns:
        The HTML page as a string (UTF-8, one file, no external resources).
    """
    ctx = sheet_context(
        doc, reading=reading, script=script, extra_links=extra_links, for_print=for_print
    )
    return environment(templates).get_template(template).render(**ctx)


def render_pdf(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    reading: Reading = "pinyin",
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
) -> Path:
    """Render a document as an A4 PDF study sheet (needs the ``pdf`` extra and a CJK font).

    Args:
        doc: The document.
        path: Where to write the PDF.
        reading, script, templates: As for :func:`render_sheet`.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        MissingExtraError: WeasyPrint is not installed.
        DuizhaoError: Its system libraries or a CJK font are missing.
    """
    html = render_sheet(doc, reading=reading, script=script, templates=templates, for_print=True)
    return html_to_pdf(html, path)


def write_sheet(
    doc: Document,
    outdir: str | os.PathLike[str],
    *,
    stem: str | None = None,
    pdf: bool = False,
    reading: Reading = "pinyin",
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
) -> list[Path]:
    """Write ``STEM.html`` (and ``STEM.pdf`` when ``pdf``) for one document into ``outdir``.

    Args:
        doc: The document.
        outdir: The folder (created).
        stem: File name without extension (default: the article's file stem, else ``sheet``),
            made a safe name (:func:`~duizhao.output.files.safe_stem`).
        pdf: Also write the A4 PDF (needs the ``pdf`` extra and a CJK font).
        reading, script, templates, extra_links: As for :func:`render_sheet`.

    Returns:
        The files written.
    """
    out = make_folder(outdir)
    stem = file_stem(doc.meta.path, "sheet") if stem is None else safe_stem(stem, "sheet")
    html = render_sheet(
        doc, reading=reading, script=script, templates=templates, extra_links=extra_links
    )
    written = [write_text(output_file(out, f"{stem}.html"), html)]
    if pdf:
        written.append(
            render_pdf(
                doc,
                output_file(out, f"{stem}.pdf"),
                reading=reading,
                script=script,
                templates=templates,
            )
        )
    return written
