"""PDF files: Typst markup (the study sheet) and HTML pages (worksheets), the ``pdf`` extra.

Two engines. **Typst** (the ``typst`` package: the compiler is inside the wheel) typesets the
study sheet from its own template and the sheet's data: about 0.02 s warm for the four-page seed
sheet with pinyin, where WeasyPrint takes several seconds, because it lays out each character with
its reading as an inline block. **WeasyPrint** prints HTML pages as they are (worksheets, and
study sheets from a user's own HTML templates, ``--pdf-engine weasyprint``); it needs Pango, and
to be fast the HarfBuzz subsetter (``libharfbuzz-subset0``). Both need a font that covers Chinese
(Debian: ``fonts-noto-cjk``). :func:`check_pdf_support` checks before any slow work starts.

The Typst compiler is kept once a process (:func:`_typst_compiler`): it holds the fonts it has
loaded (read-only after loading), which is what makes the second PDF fast.
"""

from __future__ import annotations

import ctypes.util
import glob
import os
import shutil
import subprocess
import warnings
from functools import cache
from pathlib import Path

from ..errors import DuizhaoError, MissingExtraError
from .files import write_bytes, writing

__all__ = ["PDF_ENGINES", "check_pdf_support", "html_to_pdf", "pdf_pages", "typst_to_pdf"]

#: The PDF engines: ``typst`` (the study sheet's default) and ``weasyprint`` (HTML as printed).
PDF_ENGINES: tuple[str, ...] = ("typst", "weasyprint")


_CJK_FONT_GLOBS = (
    "/usr/share/fonts/**/NotoSansCJK*",
    "/usr/share/fonts/**/NotoSerifCJK*",
    "/usr/share/fonts/**/*CJK*",
    "/usr/local/share/fonts/**/*CJK*",
    os.path.expanduser("~/.local/share/fonts/**/*CJK*"),
    os.path.expanduser("~/.fonts/**/*CJK*"),
)


# Facts about this machine, checked once a process.
@cache
def _has_cjk_font() -> bool:
    fc = shutil.which("fc-list")
    if fc:
        try:
            out = subprocess.run(
                [fc, ":lang=zh-tw", "family"], capture_output=True, text=True, timeout=20
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out.strip():
            return True
    return any(glob.glob(g, recursive=True) for g in _CJK_FONT_GLOBS)


@cache
def _has_harfbuzz_subset() -> bool:
    return ctypes.util.find_library("harfbuzz-subset") is not None


def check_pdf_support(engine: str = "weasyprint") -> None:
    """Check that PDFs can be made: the engine (and its system libraries), and a CJK font.

    Args:
        engine: ``weasyprint`` (HTML pages) or ``typst`` (the study sheet).

    Warns (``RuntimeWarning``) when WeasyPrint lacks the HarfBuzz subsetter (~25x slower).

    Raises:
        MissingExtraError: The engine is not installed (``pip install 'duizhao[pdf]'``).
        DuizhaoError: An unknown engine, WeasyPrint cannot load its system libraries (Pango), or
            no font can show Chinese (Debian: ``apt-get install fonts-noto-cjk``).
    """
    if engine not in PDF_ENGINES:
        raise DuizhaoError(f"unknown PDF engine {engine!r} (choose from {', '.join(PDF_ENGINES)})")
    if engine == "typst":
        try:
            import typst  # noqa: F401
        except ImportError as e:
            raise MissingExtraError("typst", "pdf", "PDF output") from e
        if not _has_cjk_font():
            raise DuizhaoError(
                "PDF output needs a font with Chinese characters and none was found; on Debian: "
                "apt-get install fonts-noto-cjk"
            )
        return
    try:
        import weasyprint  # noqa: F401
    except ImportError as e:
        raise MissingExtraError("weasyprint", "pdf", "PDF output") from e
    except OSError as e:  # cffi could not load pango / gobject
        raise DuizhaoError(
            f"WeasyPrint cannot load its system libraries ({e}); on Debian: "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
        ) from e
    if not _has_cjk_font():
        raise DuizhaoError(
            "PDF output needs a font with Chinese characters and none was found; on Debian: "
            "apt-get install fonts-noto-cjk"
        )
    if not _has_harfbuzz_subset():
        warnings.warn(
            "libharfbuzz-subset is missing: each PDF will take several seconds "
            "(on Debian: apt-get install libharfbuzz-subset0)",
            RuntimeWarning,
            stacklevel=2,
        )


def html_to_pdf(html: str, path: str | os.PathLike[str], *, base_url: str | None = None) -> Path:
    """Write an HTML page (a rendered sheet) to ``path`` as a PDF with WeasyPrint.

    Raises:
        MissingExtraError, DuizhaoError: see :func:`check_pdf_support`.
    """
    check_pdf_support()
    import logging

    import weasyprint

    # WeasyPrint logs every CSS property it ignores (screen-only rules); keep the terminal quiet.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    out = Path(path)
    with writing(out) as tmp:  # the PDF appears whole or not at all
        weasyprint.HTML(string=html, base_url=base_url, media_type="print").write_pdf(tmp)
    return out


def html_pdf_pages(html: str, *, base_url: str | None = None) -> int:
    """The number of A4 pages WeasyPrint lays an HTML page out on (no PDF is written).

    Raises:
        MissingExtraError, DuizhaoError: see :func:`check_pdf_support`.
    """
    check_pdf_support()
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return len(weasyprint.HTML(string=html, base_url=base_url, media_type="print").render().pages)


# The compiler keeps the fonts it has loaded (read-only once loaded): one per process.
@cache
def _typst_compiler() -> object:
    import typst

    return typst.Compiler()


def typst_to_pdf(
    source: str,
    path: str | os.PathLike[str] | None = None,
    *,
    inputs: dict[str, str] | None = None,
    timestamp: int = 0,
) -> bytes:
    """Compile Typst markup to PDF with the ``typst`` package.

    Args:
        source: The Typst document.
        path: Where to write the PDF, or ``None`` to only return it.
        inputs: Strings the document reads as ``sys.inputs`` (the sheet's data as JSON).
        timestamp: The creation time written into the PDF (UNIX seconds), fixed so that the
            same input gives the same bytes.

    Returns:
        The PDF.

    Raises:
        MissingExtraError, DuizhaoError: see :func:`check_pdf_support`; a template error.
    """
    check_pdf_support("typst")
    import typst

    compiler = _typst_compiler()
    try:
        pdf = compiler.compile(  # type: ignore[attr-defined]
            source.encode("utf-8"),
            format="pdf",
            sys_inputs=dict(inputs or {}),
            timestamp=timestamp,
        )
    except typst.TypstError as e:
        raise DuizhaoError(f"the PDF template failed: {e.message}") from e
    pdf = without_false_suspects(bytes(pdf))
    if path is not None:
        write_bytes(path, pdf)  # whole or not at all (output.files)
    return pdf


#: Typst's tagged PDF says ``/Suspects false`` in its ``/MarkInfo``: valid, and the default, but
#: Poppler 22 (Debian 12's pdftoppm, pdfinfo, pdftotext) reads any Suspects that is not ``true``
#: as of the wrong type and prints "Syntax Error: Suspects object is wrong type (boolean)".
_FALSE_SUSPECTS = b"/MarkInfo<</Marked true/Suspects false>>"


def without_false_suspects(pdf: bytes) -> bytes:
    """The PDF with ``/Suspects false`` left out of its mark information (false is the default):
    blanked with spaces, so every byte offset stays right.

    Examples:
        >>> without_false_suspects(b"1 0 obj<</MarkInfo<</Marked true/Suspects false>>>>")
        b'1 0 obj<</MarkInfo<</Marked true               >>>>'
    """
    blank = _FALSE_SUSPECTS.replace(b"/Suspects false", b" " * len(b"/Suspects false"))
    return pdf.replace(_FALSE_SUSPECTS, blank, 1)


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF (counted from its page objects; for our own PDFs).

    Examples:
        >>> pdf_pages(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type /Page >>")
        2
    """
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
