"""Regenerate docs/review.png, the picture of the review page (``make screenshot``).

Serves a copy of the seed editorial with ``duizhao review`` on 127.0.0.1, opens it in headless
Chromium (Debian's ``chromium`` through Playwright), clicks the first Chinese highlight so that its
counterpart chooser opens, and saves the top of the page. Usage:
``.venv/bin/python docs/make_review_screenshot.py [OUT.png]``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
# the same headless Chromium (the script's folder is on the path)
from make_screenshot import ARGS, CHROMIUM  # noqa: E402


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from duizhao.review import ReviewServer

    out = Path(argv[0]) if argv else ROOT / "docs" / "review.png"
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / SEED.name
        shutil.copy(SEED, article)
        server = ReviewServer(article, open_browser=False)
        server.start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1200, "height": 900})
                page.goto(server.url, timeout=120_000)
                page.wait_for_selector("#to-check", timeout=120_000)
                page.locator("#to-check").scroll_into_view_if_needed()
                page.locator('p.para.zh mark.term[data-t="1"]').nth(1).click()
                page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": 1200, "height": 900})
                browser.close()
        finally:
            server.stop()
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
