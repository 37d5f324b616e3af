"""Reading the sheets' PDFs back with poppler's ``pdftotext``: the text, and every word's box."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

_WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pdftotext(path: Path, *extra: str) -> str:
    """The text of ``path`` as ``pdftotext -enc UTF-8 EXTRA… PATH -`` prints it."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def words(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Every word of the PDF as ``(page, x0, y0, x1, y1, text)``, pages counted from 0."""
    out: list[tuple[int, float, float, float, float, str]] = []
    page = -1
    for line in pdftotext(path, "-bbox").splitlines():
        if "<page " in line:
            page += 1
        m = _WORD.search(line)
        if m:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            out.append((page, x0, y0, x1, y1, m.group(5)))
    return out
