"""``--pages N``: fit a sheet on N A4 pages by leaving out or shrinking what is optional.

The sheet is typeset with Typst (a few hundredths of a second a try) after each step of a fixed
ladder until it fits; each step keeps what the ones before it did, and the result says, in
words, what was given up. The ladder, least harm first: the English vocabulary table, the Chinese
vocabulary table, a smaller font (10, then 9.5 pt), the glossary table, the Chinese-only rows,
readings only for words of HSK level 5 and above, no readings, and last a font of 9 then 8.5 pt.
The parallel text itself is never cut. With ``engine="weasyprint"`` (whose PDF is often a page
longer) the ladder is climbed with Typst first, then on with WeasyPrint's own page count (a few
seconds a try) until WeasyPrint's PDF fits too.

Examples:
    >>> from duizhao.reader import read
    >>> doc = read("corpus/2025-09-02-wipo-innovation-clusters.txt")   # doctest: +SKIP
    >>> fitted = fit_pages(doc, 1)                                        # doctest: +SKIP
    >>> fitted.pages, fitted.dropped                                      # doctest: +SKIP
    (1, ('the Chinese-only rows', 'font 9.5 pt'))
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..errors import DuizhaoError
from ..model import Document
from ..output.pdf import html_pdf_pages, pdf_pages
from .options import SheetOptions
from .typst import sheet_typst_pdf
from .view import Script, sheet_context

__all__ = ["Fitted", "fit_pages"]


@dataclass(frozen=True)
class Fitted:
    """The options a sheet fits with, and what was given up for it."""

    options: SheetOptions
    """The options to render with (HTML, PDF and Word alike)."""
    pages: int
    """Pages of the PDF with these options."""
    fits: bool
    """Whether it fits in the pages asked for (else: the smallest it could be made)."""
    dropped: tuple[str, ...] = ()
    """What was left out or shrunk, in words (``the English vocabulary table``, ``font 10 pt``)."""

    def note(self, pages: int) -> str | None:
        """One line for the teacher (``None`` when nothing had to change)."""
        if not self.dropped and self.fits:
            return None
        what = ", ".join(self.dropped) if self.dropped else "nothing could be left out"
        if self.fits:
            return f"to fit {pages} page{'s' if pages > 1 else ''}: {what}"
        return (
            f"the sheet does not fit {pages} page{'s' if pages > 1 else ''} "
            f"(still {self.pages}) even with: {what}"
        )


def _without(section: str, label: str) -> Callable[[SheetOptions], tuple[SheetOptions, str] | None]:
    def step(o: SheetOptions) -> tuple[SheetOptions, str] | None:
        if section not in o.sections:
            return None
        return replace(o, sections=o.sections - {section}), label

    return step


def _font(size: float) -> Callable[[SheetOptions], tuple[SheetOptions, str] | None]:
    def step(o: SheetOptions) -> tuple[SheetOptions, str] | None:
        if o.font_size <= size:
            return None
        return replace(o, font_size=size), f"font {size:g} pt"

    return step


def _level(o: SheetOptions) -> tuple[SheetOptions, str] | None:
    if o.reading == "none" or o.readings_for != "all":
        return None
    return replace(o, readings_for="level", hsk_level=5), "readings only for HSK 5 and above"


def _no_readings(o: SheetOptions) -> tuple[SheetOptions, str] | None:
    if o.reading == "none" or o.readings_for == "none":
        return None
    return replace(o, reading="none"), "no readings"


_LADDER = (
    _without("vocab-en", "the English vocabulary table"),
    _without("vocab-zh", "the Chinese vocabulary table"),
    _font(10.0),
    _font(9.5),
    _without("glossary", "the glossary table"),
    _without("zh-only", "the Chinese-only rows"),
    _level,
    _no_readings,
    _font(9.0),
    _font(8.5),
)


def fit_pages(
    doc: Document,
    pages: int,
    options: SheetOptions | None = None,
    *,
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    engine: str = "typst",
) -> Fitted:
    """The options with which the sheet's PDF has at most ``pages`` pages (see the module).

    Args:
        doc: The document.
        pages: The most A4 pages the PDF may have.
        options: The options to start from.
        script: As for :func:`~duizhao.sheet.render_sheet`.
        templates: As for :func:`~duizhao.sheet.render_sheet`.
        engine: The PDF engine whose pages are counted (``typst`` or ``weasyprint``).

    Raises:
        DuizhaoError: ``pages`` is below 1; PDF support (Typst) is missing.
    """
    if pages < 1:
        raise DuizhaoError(f"--pages must be at least 1 (got {pages})")
    opts = options or SheetOptions()

    def typst_count(o: SheetOptions) -> int:
        ctx = sheet_context(doc, script=script, for_print=True, options=o)
        return pdf_pages(sheet_typst_pdf(ctx, templates=templates))

    def weasyprint_count(o: SheetOptions) -> int:
        from .page import render_sheet

        html = render_sheet(doc, script=script, templates=templates, for_print=True, options=o)
        return html_pdf_pages(html)

    counts = [typst_count] + ([weasyprint_count] if engine == "weasyprint" else [])
    dropped: list[str] = []
    rung = 0  # the ladder's next step: each engine goes on from where the one before stopped
    for count in counts:
        n = count(opts)
        while n > pages and rung < len(_LADDER):
            changed = _LADDER[rung](opts)
            rung += 1
            if changed is None:
                continue
            opts, what = changed
            dropped.append(what)
            n = count(opts)
    return Fitted(options=opts, pages=n, fits=n <= pages, dropped=tuple(dropped))
