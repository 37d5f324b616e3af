"""Study sheets: side-by-side HTML pages, printable A4 PDFs and a corpus site.

The sheet is built in two steps. :func:`sheet_context` turns a :class:`~duizhao.model.Document`
into plain view data (rows of paragraph pairs, each paragraph cut into sentences, glossary marks and
words with their readings); the jinja2 templates in ``templates/`` (overridable, block by block,
from a user folder) turn that into one self-contained HTML file: the stylesheets are inlined, the
few lines of JavaScript are inline, and the page makes no network request.

Every part of the document is optional: without an alignment the paragraphs are paired in order,
without tokens the Chinese is plain text, without links nothing is highlighted.

Modules:
    paragraph: one paragraph cut into sentences, glossary marks, words and characters.
    view: the whole document as view data (:func:`sheet_context`).
    options: the audience presets and the teacher's switches (:func:`sheet_options`).
    page: the HTML page, the A4 PDF, the Word file, written to a folder (:func:`render_sheet`,
        :func:`render_pdf`, :func:`write_sheet`).
    typst: the PDF typeset by Typst from the view data (``templates/sheet.typ``).
    fit: ``--pages N``: what to leave out or shrink so the sheet fits (:func:`fit_pages`).
    docx: the sheet as an editable Word file (:func:`sheet_docx`).
    site: every article of a folder and an index (:func:`build_site`); other outputs add their
        pages through :data:`PageHook` hooks.

Examples:
    >>> from duizhao.reader import read
    >>> html = render_sheet(read("corpus/2025-09-02-wipo-innovation-clusters.txt"), reading="none")
    >>> "灣區創科實力獲肯定" in html   # the Chinese title (Greater Bay Area innovation recognised)
    True
"""

from __future__ import annotations

from ..output.pdf import check_pdf_support
from .fit import Fitted, fit_pages
from .options import (
    AUDIENCES,
    READINGS_FOR,
    SECTIONS,
    Audience,
    SheetOptions,
    parse_sections,
    sheet_options,
)
from .page import render_pdf, render_sheet, write_sheet
from .paragraph import TERM_COLOURS
from .site import PageHook, SiteArticle, SiteResult, build_site
from .view import READINGS, Reading, Script, sheet_context

__all__ = [
    "AUDIENCES",
    "READINGS",
    "READINGS_FOR",
    "SECTIONS",
    "TERM_COLOURS",
    "Audience",
    "Fitted",
    "PageHook",
    "Reading",
    "Script",
    "SheetOptions",
    "SiteArticle",
    "SiteResult",
    "build_site",
    "check_pdf_support",
    "fit_pages",
    "parse_sections",
    "render_pdf",
    "render_sheet",
    "sheet_context",
    "sheet_options",
    "write_sheet",
]
