"""``bank due --for chinese`` asks from the Chinese, with its reading and meaning (uxen15's loose
end 4): on main, ``bank due`` drilled the English glossary terms only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duizhao.cli import main

OPERA = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "teacher"
    / "2026-12-04-cantonese-opera-interview.txt"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("bank") / "bank.sqlite3")
    assert main(["bank", "add", str(OPERA), "--db", path, "-q"]) == 0
    return path


def test_due_for_chinese_asks_from_the_chinese(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    args = ["bank", "due", "--db", db, "--date", "2026-12-10", "--new", "30", "--for", "chinese"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    head, *rows = out.splitlines()
    assert head.split() == ["中文", "reading", "state", "due", "meaning"]
    first = {r.split()[0]: r for r in rows}
    # a glossary term's counterpart, with both readings, its term and definition the answer
    assert "pái liàn / paai4 lin6" in first["排練"] and "rehearse: to practise" in first["排練"]
    # a Chinese vocabulary word, with its gloss
    assert "luó gǔ / lo4 gu2" in first["鑼鼓"] and "gongs and drums" in first["鑼鼓"]
    # no English word is asked, and what is left out is said
    assert not any(r[:1].isascii() for r in first)
    assert "no certain Chinese counterpart left out" in err
    assert main([*args, "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    rehearse = next(it for it in items if it["word"] == "rehearse")
    assert (rehearse["zh"], rehearse["reading"], rehearse["jyutping"]) == (
        "排練", "pái liàn", "paai4 lin6"
    )  # fmt: skip


def test_the_english_class_due_list_is_unchanged(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["bank", "due", "--db", db, "--date", "2026-12-10", "--new", "3"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split() == ["term", "state", "due", "meaning"]
    assert [r.split()[0] for r in rows[1:]] == ["intangible", "heritage", "rehearse"]


def test_no_sheet_for_chinese_yet(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "due.html"
    assert main(["bank", "due", "--db", db, "--for", "chinese", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: bank due --for chinese writes no sheet yet: leave out -o"
    assert not out.exists()
