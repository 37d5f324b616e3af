"""Shared fixtures: the sample corpus that ships with duizhao."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests are derandomised by default, so a test run is deterministic and CI cannot turn
# red on a new random example; HYPOTHESIS_PROFILE=explore searches afresh (and more) for bugs.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "2025-09-02-wipo-innovation-clusters.txt"
MARKDOWN_SAMPLE = CORPUS / "2025-10-06-hong-kong-trams.md"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Debian's Chromium and its headless arguments, driven by Playwright in the browser tests (``make
# test`` installs both): defined once, in the docs' screenshot script.
sys.path.insert(0, str(ROOT / "docs"))
from make_screenshot import ARGS as CHROMIUM_ARGS  # noqa: E402
from make_screenshot import CHROMIUM  # noqa: E402

#: Set UPDATE_GOLDEN=1 to rewrite golden files instead of comparing against them.
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def cli_json(*args: str) -> Any:
    """What ``duizhao ARGS --format json`` prints, read back (the command must succeed)."""
    import contextlib
    import io
    import json

    from duizhao.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*args, "--format", "json"]) == 0
    return json.loads(out.getvalue())


def words_tokens(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """Every token ``duizhao words --format jsonl`` prints for ``text`` (one line, written to a
    file in ``tmp_path``)."""
    import contextlib
    import io
    import json

    from duizhao.cli import main

    src = tmp_path / "in.txt"
    src.write_text(text + "\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["words", str(src), "--format", "jsonl"]) == 0
    return [t for line in out.getvalue().splitlines() for t in json.loads(line)["tokens"]]


def words_pinyin(tmp_path: Path, text: str) -> dict[str, str]:
    """word → its pinyin, for every token ``duizhao words --format jsonl`` prints for ``text``."""
    return {
        t["text"]: " ".join(p for p in t["pinyin"] if p)
        for t in words_tokens(tmp_path, text)
        if t["text"].strip()
    }


def first_counterparts(path: Path, article: str) -> dict[str, tuple[str, bool]]:
    """term → (its first Chinese counterpart, whether it is marked uncertain), as ``duizhao
    annotate PATH --format json`` gives them for ``article`` written to ``path``."""
    path.write_text(article, encoding="utf-8")
    return {
        g["term"]: (g["counterparts"][0]["text"], g["uncertain"])
        for g in cli_json("annotate", str(path))["glossary"]
    }


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc():
    from duizhao.reader import read

    return read(SEED)


@pytest.fixture(scope="session")
def annotated_seed():
    """The seed editorial through the whole pipeline, made once for every test that needs it."""
    from duizhao.pipeline import annotate

    return annotate(SEED)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for one test module; skips when Playwright or Chromium is absent."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


# -- The review page in a browser (tests/review/*_browser.py) ------------------------------------


def saved_change(page, action) -> None:  # type: ignore[no-untyped-def]
    """Do ``action`` on a review page (a click that saves a change), wait for the page to come
    back, and check that it reports no error."""
    with page.expect_navigation(timeout=120_000):
        action()
    page.wait_for_load_state("load")
    assert page.locator("#rv-status.err").count() == 0, page.locator("#rv-status").inner_text()


@contextmanager
def review_page(browser, article: Path, ready: str):  # type: ignore[no-untyped-def]
    """A review server on ``article``'s folder and a page of ``article`` open in ``browser``
    (waited for until ``ready`` is there): yields the page and the list its script errors go to.
    The page is closed and the server stopped afterwards."""
    from duizhao.review import ReviewServer

    server = ReviewServer(article.parent, open_browser=False)
    server.start()
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{server.url}a/{article.name}", timeout=120_000)
        page.wait_for_selector(ready, timeout=120_000)
        yield page, errors
        page.close()
    finally:
        server.stop()
