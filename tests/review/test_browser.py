"""The review page in a real browser (Debian's Chromium through Playwright), on a copy of the
seed: four corrections made by clicking, then the corrections file holds exactly them, the page
shows them, and `duizhao sheet`, `drill --tsv --anki` and `bank add` on the same article do too.
A second part pastes an article into the new-article page."""

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
from duizhao.reader.corrections import corrections_path, read_corrections  # noqa: E402
from duizhao.review import ReviewServer  # noqa: E402

from conftest import SEED, saved_change  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    shutil.copy(SEED, folder / SEED.name)
    server = ReviewServer(folder, open_browser=False)
    server.start()
    yield server, folder
    server.stop()


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


@pytest.fixture(scope="module")
def corrected(browser, site):
    """The four corrections made by clicking, and what was chosen."""
    server, _folder = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url, timeout=120_000)
    page.click(f'a[href="/a/{SEED.name}"]', timeout=120_000)
    page.wait_for_selector("#to-check", timeout=120_000)
    # every uncertain item is listed: here the untranslated lead paragraph at least
    assert "Chinese ¶1: no English counterpart" in page.locator("#to-check").inner_text()
    assert page.locator("#zh-p0.check").count() == 1
    chosen = {}

    # 1. another counterpart for glossary term 1
    page.locator('p.para.zh mark.term[data-t="1"]').first.click()
    term = page.locator("#rv-pop h3").inner_text().split(" → ")[0]
    other = page.locator("#rv-pop button[data-candidate]:not(.primary)").first
    chosen["term"], chosen["zh"] = term, other.get_attribute("data-candidate")
    _shot(page, "review-counterpart.png")
    saved_change(page, other.click)

    # 2. English paragraph 1 paired with Chinese paragraph 1 (the untranslated lead)
    page.locator("#en-p0 .pn").click()
    page.select_option("#rv-pair", "0")
    saved_change(page, lambda: page.click("#rv-pop button:has-text('Pair')"))

    # 3. the reading of the first Chinese vocabulary word, in the text
    word = page.locator(".vocab-zh tr[data-word]").first.get_attribute("data-word")
    w = page.locator(f'.para.zh .w[title^="{word} "]').first
    w.click()
    old = page.input_value("#rv-pinyin").split()
    new = ["kuài", *old[1:]] if old[0] != "kuài" else ["huì", *old[1:]]
    page.fill("#rv-pinyin", " ".join(new))
    chosen["word"], chosen["pinyin"] = word, tuple(new)
    saved_change(page, lambda: page.click("#rv-pop button:has-text('Save')"))

    # 4. hide an English vocabulary word
    row = page.locator(".vocab-en tr[data-word]").first
    chosen["hidden"] = row.get_attribute("data-word")
    saved_change(page, lambda: row.locator(".rv-hide").click())
    _shot(page, "review-after.png")
    assert errors == []
    yield page, chosen
    page.close()


def test_the_corrections_file_holds_exactly_those_entries(site, corrected):
    _, folder = site
    _, chosen = corrected
    c = read_corrections(corrections_path(folder / SEED.name))
    assert [(x.term, x.zh) for x in c.counterparts] == [(chosen["term"], chosen["zh"])]
    assert c.pins == ((0, 0),) and c.unpins == ()
    assert [(r.word, r.pinyin, r.jyutping) for r in c.readings] == [
        (chosen["word"], chosen["pinyin"], None)
    ]
    assert c.vocabulary_hidden == (chosen["hidden"],)
    assert not (c.glosses or c.words or c.highlights_added or c.highlights_removed
                or c.vocabulary_added)


def test_the_page_shows_them(corrected):
    page, chosen = corrected
    gl = page.locator("section.glossary tbody tr").first.locator("td.zh-cell")
    assert gl.inner_text().startswith(chosen["zh"])
    assert page.locator("tr.row.pinned #en-p0").count() == 1
    assert page.locator("tr.row.pinned #zh-p0").count() == 1
    rts = page.locator(f'.para.zh .w[title^="{chosen["word"]} "]').first.locator("rt.py")
    assert tuple(rts.all_inner_texts()) == chosen["pinyin"]
    assert page.locator(f'.vocab-en tr[data-word="{chosen["hidden"]}"]').count() == 0
    assert chosen["hidden"] in page.locator(".hidden-words").inner_text()


def test_sheet_drill_and_bank_show_them(site, corrected, tmp_path):
    _, folder = site
    _, chosen = corrected
    article = str(folder / SEED.name)
    out = tmp_path / "out"
    # the study sheet
    assert main(["sheet", article, "-o", str(out), "-q"]) == 0
    html = (out / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert f'<td lang="zh-Hant" class="zh-cell">{chosen["zh"]}' in html
    assert 'class="row pair pinned"' in html
    assert f'<td lang="en" class="vw">{chosen["hidden"]}</td>' not in html
    reading = "".join(f'<rt class="py">{p}</rt>' for p in chosen["pinyin"][:1])
    assert reading in html
    # drills: the key, the TSV line, the Anki note
    tsv, apkg = tmp_path / "w.tsv", tmp_path / "w.apkg"
    assert main(["drill", article, "-o", str(out), "--kinds", "zh", "--vocab", "--tsv", str(tsv),
                 "--anki", str(apkg), "-q"]) == 0
    lines = tsv.read_text(encoding="utf-8").splitlines()
    line = next(x for x in lines if x.startswith(chosen["term"] + "\t"))
    assert line.endswith(f"({chosen['zh']})")
    assert not [x for x in lines if x.startswith(chosen["hidden"] + "\t")]
    key = (out / f"{SEED.stem}.drills.html").read_text(encoding="utf-8")
    assert chosen["zh"] in key
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        notes = [r[0].split("\x1f") for r in conn.execute("SELECT flds FROM notes")]
    assert next(n for n in notes if n[0] == chosen["term"])[3] == chosen["zh"]
    # the term bank
    db = tmp_path / "bank.sqlite3"
    assert main(["bank", "add", article, "--db", str(db), "-q"]) == 0
    with sqlite3.connect(db) as conn:
        sql = ("SELECT word, zh, pinyin FROM article_term JOIN term ON term.id = term_id "
               "WHERE lang = ?")
        en = {w: zh for w, zh, _ in conn.execute(sql, ("en",))}
        zh = {w: py for w, _, py in conn.execute(sql, ("zh",))}
        beads = dict(conn.execute("SELECT lang || n, bead FROM sentence").fetchall())
    assert en[chosen["term"].lower()] == chosen["zh"]
    assert chosen["hidden"] not in en
    assert zh[chosen["word"]] == " ".join(chosen["pinyin"])
    assert beads["en0"] is not None and beads["en0"] == beads["zh0"]  # the re-paired paragraphs


def test_a_new_article_with_a_bad_glossary_line(browser, site):
    server, folder = site
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(server.url + "new")
    page.fill("#f-name", "trams-week-1")
    page.fill("#f-date", "2025-10-06")
    page.fill("#f-english", "Hong Kong's trams have run since 1904.\n\nFares are cheap.")
    page.fill("#f-chinese", "香港電車自1904年起行駛。\n\n車費便宜。")
    page.fill("#f-glossary", "tram (n.)【電車】：a vehicle on rails\nfare without a colon")
    page.click("#save-new")
    msg = page.locator("#m-glossary li")
    msg.wait_for(timeout=30_000)
    assert "line 2" in msg.inner_text() and "fare without a colon" in msg.inner_text()
    assert page.locator("#m-english li, #m-chinese li").count() == 0  # next to the right box
    assert page.locator('.field.bad[data-box="glossary"]').count() == 1
    _shot(page, "review-new-error.png")
    assert not list(folder.glob("trams-week-1*"))
    page.fill("#f-glossary", "tram (n.)【電車】：a vehicle on rails\nfare：the money paid for a ride")
    with page.expect_navigation(timeout=120_000):
        page.click("#save-new")
    page.wait_for_selector("table.parallel", timeout=120_000)
    assert page.url.endswith("/a/trams-week-1.md")
    assert page.locator("mark.term").count() >= 2  # "tram" highlighted in both columns
    text = (folder / "trams-week-1.md").read_text(encoding="utf-8")
    assert text.startswith("---\ndate: 2025-10-06\n---\n") and "# 中文" in text
    page.close()
