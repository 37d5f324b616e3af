"""Round 14's swimming-lessons opinion piece on the review page, in a real browser: what it lists
to check, and one counterpart confirmed by a click reaching the sheet, the worksheet's key, the
Quizlet list, the Anki deck and the term bank ("fix it in one place")."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from duizhao.cli import main  # noqa: E402

from conftest import review_page, saved_change  # noqa: E402

SWIM = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "teacher"
    / "2026-12-03-swimming-lessons.txt"
)


def test_confirming_a_counterpart_on_the_page_reaches_every_output(browser, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "class"
    folder.mkdir()
    article = folder / SWIM.name
    shutil.copy(SWIM, article)
    with review_page(browser, article, "#to-check") as (page, errors):
        listed = page.locator("#to-check").inner_text()
        assert "curriculum → 課程: uncertain counterpart" in listed
        # the teacher gave 蛇泳 for a term the article never uses: said as it is
        assert "breaststroke → 蛇泳: not in the Chinese text" in listed
        assert "breaststroke: no Chinese counterpart found" not in listed
        page.locator('p.para.zh mark.term[data-t="8"]').first.click()
        assert page.locator("#rv-pop h3").inner_text() == "curriculum → 課程"
        saved_change(page, page.locator('#rv-pop button[data-candidate="課程"]').click)
        assert "curriculum → 課程" not in page.locator("#to-check").inner_text()
        assert errors == []
    out = tmp_path / "out"
    assert main(["sheet", str(article), "-o", str(out), "-q"]) == 0
    html = (out / f"{SWIM.stem}.html").read_text(encoding="utf-8")
    assert '<td lang="zh-Hant" class="zh-cell">課程</td>' in html
    tsv, apkg = tmp_path / "w.tsv", tmp_path / "w.apkg"
    assert main(["drill", str(article), "-o", str(out), "--kinds", "zh", "--count", "20",
                 "--tsv", str(tsv), "--anki", str(apkg), "-q"]) == 0
    assert "curriculum\tthe subjects that are taught at a school (課程)" in tsv.read_text(
        encoding="utf-8"
    ).splitlines()
    key = (out / f"{SWIM.stem}.drills.html").read_text(encoding="utf-8")
    assert "curriculum" in key  # drilled now that it is certain (it was left out as "check")
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        notes = {r[0].split("\x1f")[0]: r for r in conn.execute("SELECT flds, tags FROM notes")}
    assert notes["curriculum"][0].split("\x1f")[3] == "課程"
    assert "check" not in notes["curriculum"][1].split()
    db = tmp_path / "bank.sqlite3"
    assert main(["bank", "add", str(article), "--db", str(db), "-q"]) == 0
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT zh, uncertain FROM article_term JOIN term ON term.id = term_id "
            "WHERE word = 'curriculum'"
        ).fetchone()
    assert row == ("課程", 0)
