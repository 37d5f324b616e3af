"""The Chinese of an English vocabulary word, corrected on the review page in a real browser: the
seed's "apiece" is suggested with 突顯 marked "check"; the teacher types 各 (what the article
says), and the page, the corrections file and ``duizhao sheet`` all show 各, no longer marked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from duizhao.cli import main  # noqa: E402
from duizhao.reader.corrections import corrections_path, read_corrections  # noqa: E402

from conftest import SEED, review_page, saved_change  # noqa: E402


def test_the_chinese_of_a_vocabulary_word_on_the_review_page(  # type: ignore[no-untyped-def]
    browser, tmp_path: Path
) -> None:
    art = tmp_path / SEED.name
    shutil.copy(SEED, art)
    row = '.vocab-en tr[data-word="apiece"]'
    with review_page(browser, art, row) as (page, errors):
        assert "check" in page.locator(f"{row} td[lang^=zh]").inner_text()
        assert "apiece" in page.locator("#to-check").inner_text()

        # Chinese that is not in the text is refused, with the reason
        page.locator(f"{row} .rv-zh").click()
        page.fill("#rv-vocab-zh", "每個")
        page.click("#rv-pop button:has-text('Use this')")
        page.wait_for_selector("#rv-pop .err:not(:empty)", timeout=60_000)
        assert "not in the Chinese text" in page.locator("#rv-pop .err").inner_text()

        page.fill("#rv-vocab-zh", "各")
        saved_change(page, lambda: page.click("#rv-pop button:has-text('Use this')"))
        cell = page.locator(f"{row} td[lang^=zh]").inner_text()
        assert cell.strip() == "各"
        assert "apiece" not in page.locator("#to-check").inner_text()
        added = read_corrections(corrections_path(art)).vocabulary_added
        assert [(a.word, a.translation) for a in added] == [("apiece", ("各",))]
        assert errors == []
    assert main(["sheet", str(art), "-o", str(tmp_path / "out"), "-q"]) == 0
    html = (tmp_path / "out" / f"{art.stem}.html").read_text(encoding="utf-8")
    found = re.search(r'<td lang="en" class="vw">apiece</td>.*?</tr>', html)
    assert found and ">各<" in found.group(0) and "check" not in found.group(0)
