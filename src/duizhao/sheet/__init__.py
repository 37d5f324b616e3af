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
    page: the HTML page, the A4 PDF, and both written to a folder (:func:`render_sheet`,
        :func:`render_pdf`, :func:`write_sheet`).
    site: every article of a folder and an index (:func:`build_site`); other outputs add their
        pages through :data:`PageHook` hooks.

Example:
    >>> from duizhao.reader import read
    >>> html = render_sheet(read("corpus/2025-09-02-wipo-innovation-clusters.txt"), reading="none")
    >>> "灣區創科實力獲肯定" in html   # the Chinese title (Greater Bay Area innovation recognised)
    True
"""

from __future__ import annotations

from ..output.pdf import check_pdf_support
from .page import render_pdf, render_sheet, write_sheet
from .paragraph import TERM_COLOURS
from .site import PageHook, SiteArticle, SiteResult, build_site
from .view import READINGS, Reading, Script, sheet_context

__all__ = [
    "READINGS",
    "TERM_COLOURS",
    "PageHook",
    "Reading",
    "Script",
    "SiteArticle",
    "SiteResult",
    "build_site",
    "check_pdf_support",
    "render_pdf",
    "render_sheet",
    "sheet_context",
    "write_sheet",
]
