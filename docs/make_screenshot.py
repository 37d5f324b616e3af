"""Regenerate docs/sheet.png, the README's picture of a study sheet (``make screenshot``).

Renders the seed editorial with the full pipeline, opens it in headless Chromium (Debian's
``chromium`` through Playwright), points at a sentence so that its translation lights up, and saves
the top of the page. Usage: ``.venv/bin/python docs/make_screenshot.py [OUT.png]``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
#: Debian's Chromium and its headless arguments: the one definition the other docs scripts and the
#: browser tests (tests/conftest.py) use.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from duizhao.documents import load_document
    from duizhao.sheet import render_sheet

    out = Path(argv[0]) if argv else ROOT / "docs" / "sheet.png"
    html = render_sheet(load_document(SEED), reading="pinyin")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "sheet.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(page_file.as_uri())
            page.locator("p.para.en .s[data-b]").nth(3).hover()
            page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": 1200, "height": 900})
            browser.close()
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
