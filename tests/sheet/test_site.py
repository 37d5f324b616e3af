"""The corpus site: the index by date, page hooks, worker processes; the sheet and build commands.

Fast tests only (documents read, not annotated), except one CLI test that runs the real pipeline
on the seed.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from duizhao.errors import DuizhaoError
from duizhao.model import Document
from duizhao.sheet import build_site

SEED = Path(__file__).resolve().parents[2] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


# -- the corpus site ----------------------------------------------------------------------------------


def _read_only(path: Path) -> Document:
    from duizhao.reader import read

    return read(path)


def test_build_site_index_by_date_with_hooks(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (src / "b-old.txt").write_text(text.replace("2025.09.02", "2024.01.05"), encoding="utf-8")
    (src / "a-new.txt").write_text(text, encoding="utf-8")
    (src / "broken.txt").write_text("", encoding="utf-8")
    (src / "notes.json").write_text("{}", encoding="utf-8")

    def drills(doc: Document, out: Path, stem: str):
        (out / f"{stem}-drills.html").write_text("<p>drills</p>", encoding="utf-8")
        return [("Drills", f"{stem}-drills.html")]

    stream = io.StringIO()
    res = build_site(
        src, tmp_path / "out", load=_read_only, extra_pages=[drills], progress=True, stream=stream
    )
    assert [a.stem for a in res.articles] == ["a-new", "b-old"]  # newest first
    assert [a.date for a in res.articles] == ["2025-09-02", "2024-01-05"]
    assert res.articles[0].terms == 3
    assert len(res.errors) == 1 and "broken.txt" in res.errors[0]
    index = res.index.read_text(encoding="utf-8")
    assert index.index("a-new.html") < index.index("b-old.html")
    assert "a-new-drills.html" in index
    sheet = (tmp_path / "out" / "a-new.html").read_text(encoding="utf-8")
    assert 'href="a-new-drills.html"' in sheet and 'href="index.html"' in sheet
    assert "3/3" in stream.getvalue() and "100%" in stream.getvalue()  # the tqdm bar


def test_build_site_in_worker_processes(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for name in ("x.txt", "y.txt", "z.txt"):
        shutil.copy(SEED, src / name)
    res = build_site(src, tmp_path / "out", load=_read_only, jobs=2, progress=False)
    assert not res.errors
    assert sorted(a.stem for a in res.articles) == ["x", "y", "z"]
    assert all((tmp_path / "out" / f"{s}.html").is_file() for s in "xyz")
    # a hook that cannot be sent to a worker: one process, with a warning
    with pytest.warns(RuntimeWarning, match="one process"):
        res = build_site(
            src, tmp_path / "out2", load=lambda p: _read_only(p), jobs=2, progress=False
        )
    assert len(res.articles) == 3


def test_build_site_not_a_folder(tmp_path):
    with pytest.raises(DuizhaoError, match="not a folder"):
        build_site(tmp_path / "missing", tmp_path / "out")


# -- the command line ---------------------------------------------------------------------------------


def test_cli_sheet_and_build(tmp_path, monkeypatch, seed):
    import duizhao.documents as d
    import duizhao.sheet.site as r
    from duizhao.cli import main

    # the pipeline is tested elsewhere
    monkeypatch.setattr(d, "load_document", lambda path, **kw: seed)
    monkeypatch.setattr(r, "load_document", lambda path, **kw: seed)
    out = tmp_path / "sheets"
    assert main(["sheet", str(SEED), "-o", str(out), "--reading", "jyutping", "-q"]) == 0
    html = (out / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert '<rt class="jp">' in html and '<rt class="py">' not in html
    assert main(["sheet", str(SEED), "-o", str(out), "--reading", "zhuyin"]) == 2  # usage error
    site = tmp_path / "site"
    assert main(["build", str(SEED.parent), "-o", str(site), "-q", "--no-drills"]) == 0
    assert (site / "index.html").is_file() and (site / f"{SEED.stem}.html").is_file()


@pytest.mark.slow
def test_cli_sheet_runs_the_pipeline(tmp_path):
    from duizhao.cli import main

    assert main(["sheet", str(SEED), "-o", str(tmp_path), "-q"]) == 0
    html = (tmp_path / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert '<rt class="py">' in html and "<mark" in html and "data-b=" in html
    assert main(["sheet", str(tmp_path / "missing.txt"), "-o", str(tmp_path), "-q"]) == 2


@pytest.mark.browser
def test_site_index_sets_an_english_source_in_the_english_type(tmp_path, browser):
    """The index and the sheets in Chromium (round 20's QA): a teacher's English source line
    ("duizhao sample (teacher-written)") was marked Chinese and set in the Chinese font's Latin
    letters, unlike every other English text; only a source in Chinese (明報社評) is now."""
    src = tmp_path / "articles"
    shutil.copytree(SEED.parent, src)
    res = build_site(src, tmp_path / "out", load=_read_only)
    page = browser.new_page()
    page.goto(res.index.as_uri())
    cells = page.locator("tbody tr td:nth-child(3)")
    langs = {
        cells.nth(k).inner_text(): cells.nth(k).evaluate("td => td.closest('[lang]').lang")
        for k in range(cells.count())
    }
    assert langs == {"duizhao sample (teacher-written)": "en", "明報社評": "zh-Hant"}, langs
    for a in res.articles:  # the sheets' source line above the title, and in their foot
        page.goto((tmp_path / "out" / f"{a.stem}.html").as_uri())
        spans = page.locator(".src, footer span").filter(has_text=a.publisher or "")
        assert spans.count() == 2, a.stem
        for k in range(2):
            lang = spans.nth(k).evaluate("s => s.closest('[lang]').lang")
            assert lang == langs[a.publisher or ""], (a.stem, k, lang)
    page.close()
