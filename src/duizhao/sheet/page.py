"""The study sheet as a page: one self-contained HTML file, an A4 PDF, or both written to a folder.

Examples:
    >>> from duizhao.reader import read
    >>> html = render_sheet(read("corpus/2025-09-02-wipo-innovation-clusters.txt"), reading="none")
    >>> html.startswith("<!DOCTYPE html>") and "<script src=" not in html  # one file, no requests
    True
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from markupsafe import Markup

from ..model import Document
from ..output.files import file_stem, make_folder, output_file, safe_stem, write_text
from ..output.pdf import check_pdf_support, html_to_pdf
from ..output.templates import environment
from .markup import paragraph_html
from .options import SheetOptions
from .typst import sheet_typst_pdf
from .view import Reading, Script, sheet_context

__all__ = ["render_pdf", "render_sheet", "write_sheet"]


def _options(options: SheetOptions | None, reading: Reading | None) -> SheetOptions:
    opts = options or SheetOptions()
    return opts if reading is None else replace(opts, reading=reading)


def render_sheet(
    doc: Document,
    *,
    reading: Reading | None = None,
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    template: str = "sheet.html.j2",
    extra_links: Sequence[tuple[str, str]] = (),
    for_print: bool = False,
    options: SheetOptions | None = None,
) -> str:
    """Render a document as a self-contained HTML study sheet.

    Args:
        doc: The document (annotated or not: missing parts are left out gracefully).
        reading: ``pinyin``, ``jyutping``, ``both`` or ``none`` above the Chinese words
            (default: as ``options`` says, else ``pinyin``).
        script: ``traditional`` or ``simplified`` for the Chinese, or ``None`` for as written.
        templates: A folder of templates that override the packaged ones.
        template: The page template's name.
        extra_links: ``(label, href)`` pairs linked from the header (drill pages, the index).
        for_print: Render the print version (no toolbar, toggles or script), as PDFs use.
        options: The audience preset and switches (:func:`~duizhao.sheet.sheet_options`).

    Returns:
        The HTML page as a string (UTF-8, one file, no external resources).

    Examples:
        >>> from duizhao import annotate, read_text
        >>> doc = annotate(read_text(
        ...     "Hong Kong's trams are cheap and slow.\\n\\n香港的電車便宜又慢。\\n\\n"
        ...     "/ Glossary生字 /\\ntram：a vehicle that runs on rails along a street"
        ... ))  # "Hong Kong's trams (電車) are cheap and slow"
        >>> html = render_sheet(doc, reading="jyutping")
        >>> '<rt class="jp">din6</rt>' in html  # 電 "electric" read din6 above the character
        True
    """
    ctx = sheet_context(
        doc,
        script=script,
        extra_links=extra_links,
        for_print=for_print,
        options=_options(options, reading),
    )
    env = environment(templates)  # (checks that the folder exists)
    if not _own_partial(templates):
        # the packaged paragraph macro's HTML, written in Python (the same bytes, faster)
        for row in ctx["rows"]:
            for para in (*row["en"], *row["zh"]):
                para["html"] = Markup(paragraph_html(para, for_print=for_print))
    return env.get_template(template).render(**ctx)


#: The template that draws paragraphs, sentences, marks and words (its macros).
_PARTIAL = ("partials", "text.html.j2")


def _own_partial(templates: str | os.PathLike[str] | None) -> bool:
    """Whether a templates folder has its own ``partials/text.html.j2`` (which then draws every
    paragraph with its own macros; otherwise the packaged one is used, as jinja's loader would
    find it)."""
    return templates is not None and os.path.isfile(os.path.join(templates, *_PARTIAL))


def render_pdf(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    reading: Reading | None = None,
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    options: SheetOptions | None = None,
    engine: str = "typst",
) -> Path:
    """Render a document as an A4 PDF study sheet (needs the ``pdf`` extra and a CJK font).

    Args:
        doc: The document.
        path: Where to write the PDF.
        reading: As for :func:`render_sheet`.
        script: As for :func:`render_sheet`.
        templates: As for :func:`render_sheet`.
        options: As for :func:`render_sheet`.
        engine: ``typst`` (the default: ``sheet.typ``, fast) or ``weasyprint`` (the HTML
            templates as printed: for a templates folder that changes the HTML sheet).

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        MissingExtraError: The engine is not installed.
        DuizhaoError: Its system libraries or a CJK font are missing; an unknown engine.

    Examples:
        >>> import tempfile
        >>> from duizhao import annotate, read_text
        >>> doc = annotate(read_text(
        ...     "Hong Kong's trams are cheap and slow.\\n\\n香港的電車便宜又慢。\\n\\n"
        ...     "/ Glossary生字 /\\ntram：a vehicle that runs on rails along a street"
        ... ))  # "Hong Kong's trams (電車) are cheap and slow"
        >>> pdf = render_pdf(doc, Path(tempfile.mkdtemp()) / "trams.pdf")  # 電車 "trams"
        >>> pdf.read_bytes()[:5]
        b'%PDF-'
    """
    check_pdf_support(engine)
    opts = _options(options, reading)
    if engine == "weasyprint":
        html = render_sheet(doc, script=script, templates=templates, for_print=True, options=opts)
        return html_to_pdf(html, path)
    ctx = sheet_context(doc, script=script, for_print=True, options=opts)
    sheet_typst_pdf(ctx, path, templates=templates)
    return Path(path)


def write_sheet(
    doc: Document,
    outdir: str | os.PathLike[str],
    *,
    stem: str | None = None,
    pdf: bool = False,
    docx: bool = False,
    reading: Reading | None = None,
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
    options: SheetOptions | None = None,
    engine: str = "typst",
) -> list[Path]:
    """Write ``STEM.html`` (and ``STEM.pdf``, ``STEM.docx`` when asked) into ``outdir``.

    Args:
        doc: The document.
        outdir: The folder (created).
        stem: File name without extension (default: the article's file stem, else ``sheet``),
            made a safe name (:func:`~duizhao.output.files.safe_stem`).
        pdf: Also write the A4 PDF (needs the ``pdf`` extra and a CJK font).
        docx: Also write a Word file a teacher can edit (needs the ``docx`` extra).
        reading, script, templates, extra_links, options: As for :func:`render_sheet`.
        engine: The PDF engine (:func:`render_pdf`).

    Returns:
        The files written.
    """
    out = make_folder(outdir)
    stem = file_stem(doc.meta.path, "sheet") if stem is None else safe_stem(stem, "sheet")
    opts = _options(options, reading)
    html = render_sheet(
        doc, script=script, templates=templates, extra_links=extra_links, options=opts
    )
    written = [write_text(output_file(out, f"{stem}.html"), html)]
    if pdf:
        written.append(
            render_pdf(
                doc,
                output_file(out, f"{stem}.pdf"),
                script=script,
                templates=templates,
                options=opts,
                engine=engine,
            )
        )
    if docx:
        from .docx import sheet_docx

        written.append(
            sheet_docx(doc, output_file(out, f"{stem}.docx"), script=script, options=opts)
        )
    return written
