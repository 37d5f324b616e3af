"""PDF files from HTML pages, with WeasyPrint (the ``pdf`` extra).

WeasyPrint needs Pango (a system library), a font that covers Chinese (Debian: ``fonts-noto-cjk``)
and, to be fast, the HarfBuzz subsetter (``libharfbuzz-subset0``: without it each PDF takes
several seconds). :func:`check_pdf_support` checks all three before any slow work starts.
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
from .files import writing

__all__ = ["check_pdf_support", "html_to_pdf"]


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


def check_pdf_support() -> None:
    """Check that PDFs can be made: WeasyPrint, its system libraries, and a CJK font.

    Warns (``RuntimeWarning``) when the HarfBuzz subsetter is missing (PDFs are then ~25x slower).

    Raises:
        MissingExtraError: WeasyPrint is not installed (``pip install 'duizhao[pdf]'``).
        DuizhaoError: WeasyPrint cannot load its system libraries (Pango), or no font can show
            Chinese (Debian: ``apt-get install fonts-noto-cjk``).
    """
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
