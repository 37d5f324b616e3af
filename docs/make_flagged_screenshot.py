"""Regenerate docs/flagged.png, docs/glossary.md's picture of counterparts marked "check".

Renders the Markdown sample (corpus/2025-10-06-hong-kong-trams.md) through the whole pipeline,
opens its study sheet in headless Chromium (Debian's ``chromium`` through Playwright) and saves the
English vocabulary table, whose Chinese counterparts below the finder's threshold carry the
dotted underline and "? check". Nothing is staged: the marks are the ones the
finder gives this article. Usage: ``.venv/bin/python docs/make_flagged_screenshot.py [OUT.png]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "2025-10-06-hong-kong-trams.md"
# the same headless Chromium (the script's folder is on the path)
from make_screenshot import ARGS, CHROMIUM  # noqa: E402


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from duizhao.documents import load_document
    from duizhao.sheet import render_sheet

    out = Path(argv[0]) if argv else ROOT / "docs" / "flagged.png"
    doc = load_document(SAMPLE)
    flagged = [v.word for v in doc.vocabulary.en if v.uncertain]
    if not flagged:
        print("no counterpart of this article is below the threshold: nothing to show")
        return 1
    html = render_sheet(doc, reading="pinyin")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "sheet.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.goto(page_file.as_uri())
            table = page.locator("table:has(td.check)").first
            table.screenshot(path=str(out))
            browser.close()
    print(f"{out} ({out.stat().st_size // 1024} KB): flagged {', '.join(flagged)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
