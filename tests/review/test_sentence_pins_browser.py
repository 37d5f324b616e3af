"""Sentence pins on the review page, in a real browser: a teacher opens a paragraph pair, pins an
English sentence to a Chinese one, sees a pin that would cross another refused, and hands the
pairing back to duizhao; the corrections file and ``duizhao align`` follow each step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from duizhao.cli import main  # noqa: E402
from duizhao.reader.corrections import corrections_path, read_corrections  # noqa: E402

from conftest import review_page, saved_change  # noqa: E402

# The Chinese adds a sentence of praise the English leaves out (這是…值得肯定。), and gives in
# one sentence (延長…) what the English says in two.
ARTICLE = (
    "本港公共圖書館下月起在四區試行開放至晚上十時。這是康文署近年少有的便民措施，值得肯定。"
    "延長開放時間回應了多年來的訴求：住在狹窄單位的學生放學後沒有安靜地方溫習，"
    "不少人擠到快餐店直至深夜。\n\n"
    "Public libraries in four districts will stay open until ten at night from next month. "
    "The extension answers a long-standing complaint. Students in cramped flats have nowhere "
    "quiet to revise, and many crowd into fast-food restaurants until midnight.\n"
)


def _beads(art: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[tuple[int, ...], ...]]:
    assert main(["align", str(art), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    return [(tuple(b["en"]), tuple(b["zh"])) for b in data["sentences"]]


def test_pin_sentences_on_the_review_page(  # type: ignore[no-untyped-def]
    browser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    art = tmp_path / "library.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    with review_page(browser, art, "#en-p0 .pn") as (page, errors):

        # English 1 with Chinese 1, English 2 and 3 both with Chinese 3 (numbered from 1 on the
        # page, from 0 in the file), so Chinese 2 (the praise) is left alone
        for en, zh in (("0", "0"), ("1", "2"), ("2", "2")):
            page.locator("#en-p0 .pn").click()
            assert "Sentence pairs" in page.locator("#rv-pop").inner_text()
            page.select_option("#rv-sen-en", en)
            page.select_option("#rv-sen-zh", zh)
            saved_change(page, lambda: page.click("#rv-pop button:has-text('Pin these sentences')"))
        c = read_corrections(corrections_path(art))
        assert c.sentence_pins == ((0, 0), (1, 2), (2, 2))
        assert 'pin = ["0:0", "1:2", "2:2"]' in corrections_path(art).read_text(encoding="utf-8")
        beads = _beads(art, capsys)
        assert beads == [((0,), (0,)), ((), (1,)), ((1, 2), (2,))]
        # the pop-up shows the pins
        page.locator("#zh-p0 .pn").click()
        options = page.locator("#rv-sen-en option").all_inner_texts()
        shown = [o.rsplit("  ", 1)[1] for o in options]
        assert shown == ["↔ 1 (pinned)", "↔ 3 (pinned)", "↔ 3 (pinned)"]

        # a pin that would cross them is refused, and the file is left as it was
        page.select_option("#rv-sen-en", "2")
        page.select_option("#rv-sen-zh", "0")
        page.click("#rv-pop button:has-text('Pin these sentences')")
        page.wait_for_selector("#rv-pop .err:not(:empty)", timeout=60_000)
        assert "cannot go with Chinese sentence 1" in page.locator("#rv-pop .err").inner_text()
        assert read_corrections(corrections_path(art)).sentence_pins == ((0, 0), (1, 2), (2, 2))

        # handing them back to duizhao removes them from the file
        page.reload()
        page.locator("#en-p0 .pn").click()
        saved_change(
            page, lambda: page.click("#rv-pop button:has-text('Let duizhao pair these sentences')")
        )
        c = read_corrections(corrections_path(art))
        assert c.sentence_pins == ()
        assert errors == []
