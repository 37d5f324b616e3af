"""Regenerate the pictures of the audience presets in README.md, docs/render.md and docs/drills.md
(``make screenshot`` runs it too).

For each of ``--for english``, ``--for chinese`` and ``--for both`` it makes the seed editorial's
study sheet PDF and its worksheet PDF exactly as ``duizhao sheet --pdf`` and ``duizhao drill
--pdf`` do, and saves the top of the first page (poppler's ``pdftoppm``) as
``docs/preset-AUDIENCE.png`` and ``docs/drills-AUDIENCE.png``; and the grey print as
``docs/preset-grey.png``. Usage: ``.venv/bin/python docs/make_presets.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
DPI = 70


def _top(pdf: Path, out: Path, height_mm: float) -> None:
    """The top ``height_mm`` of the PDF's first page as a PNG."""
    px = round(height_mm / 25.4 * DPI)
    stem = out.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
         "-x", "0", "-y", "0", "-W", str(round(210 / 25.4 * DPI)), "-H", str(px),
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    print(f"{out} ({out.stat().st_size // 1024} KB)")


def main() -> int:
    from duizhao.documents import load_document
    from duizhao.drills import make_worksheets, render_worksheet
    from duizhao.output.pdf import html_to_pdf
    from duizhao.sheet import render_pdf, sheet_options

    doc = load_document(SEED)
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        for audience in ("english", "chinese", "both"):
            sheet = render_pdf(doc, t / f"{audience}.pdf", options=sheet_options(audience))
            _top(sheet, docs / f"preset-{audience}.png", 150)
            [ws] = make_worksheets(doc, audience=audience, seed=1, count=5)
            drill = html_to_pdf(render_worksheet(ws), t / f"drill-{audience}.pdf")
            _top(drill, docs / f"drills-{audience}.png", 150)
        grey = render_pdf(doc, t / "grey.pdf", options=sheet_options("english", grey=True))
        _top(grey, docs / "preset-grey.png", 110)
    return 0


if __name__ == "__main__":
    sys.exit(main())
