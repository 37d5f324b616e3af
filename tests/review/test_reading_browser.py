"""The review page's readings control (round 18's QA): the page and its downloads honoured
``?reading=`` but nothing on the page set it. A select in the bar (Pinyin / Jyutping / Both)
reloads the page with the parameter: with the mouse at once; from the keyboard the arrows only
choose and Enter reloads, the focus coming back to the select. Checked in Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from conftest import review_page  # noqa: E402

TRAMS = Path(__file__).resolve().parents[2] / "corpus" / "2025-10-06-hong-kong-trams.md"


def _reading_of(url: str) -> str | None:
    return parse_qs(urlparse(url).query).get("reading", [None])[0]


def _shown(page) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """How many pinyin and Jyutping rubies the Chinese column has."""
    return (
        page.locator(".para.zh rt.py").count(),
        page.locator(".para.zh rt.jp").count(),
    )


def _download_readings(page) -> set[str | None]:  # type: ignore[no-untyped-def]
    hrefs = page.locator(".rb-dl a").evaluate_all("as => as.map(a => a.href)")
    assert len(hrefs) == 6
    return {_reading_of(h) for h in hrefs}


def test_the_mouse_chooses_the_readings(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    art = tmp_path / TRAMS.name
    shutil.copy(TRAMS, art)
    with review_page(browser, art, "#rb-reading") as (page, errors):
        select = page.get_by_label("Readings")  # a labelled control, in the bar
        assert select.is_visible() and select.input_value() == "pinyin"
        assert [o.strip() for o in select.locator("option").all_inner_texts()] == [
            "Pinyin", "Jyutping", "Both"
        ]  # fmt: skip
        py, jp = _shown(page)
        assert py > 0 and jp == 0 and _download_readings(page) == {None}
        with page.expect_navigation(timeout=120_000):
            select.select_option("jyutping")
        page.wait_for_selector("#rb-reading")
        assert _reading_of(page.url) == "jyutping"
        assert page.get_by_label("Readings").input_value() == "jyutping"
        py, jp = _shown(page)
        assert py == 0 and jp > 0
        assert _download_readings(page) == {"jyutping"}  # the downloads follow
        assert errors == []


def test_the_keyboard_chooses_the_readings(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    art = tmp_path / TRAMS.name
    shutil.copy(TRAMS, art)
    with review_page(browser, art, "#rb-reading") as (page, errors):
        for _ in range(10):  # reached with Tab from the top of the page
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "rb-reading":
                break
        assert page.evaluate("document.activeElement.id") == "rb-reading"
        url = page.url
        page.keyboard.press("ArrowDown")  # Jyutping: chosen, nothing reloads yet
        page.keyboard.press("ArrowDown")  # Both
        page.wait_for_timeout(300)
        assert page.url == url and page.locator("#rb-reading").input_value() == "both"
        with page.expect_navigation(timeout=120_000):
            page.keyboard.press("Enter")
        page.wait_for_selector("#rb-reading")
        assert _reading_of(page.url) == "both"
        py, jp = _shown(page)
        assert py > 0 and jp > 0
        assert page.evaluate("document.activeElement.id") == "rb-reading"  # the focus came back
        assert _download_readings(page) == {"both"}
        assert errors == []
