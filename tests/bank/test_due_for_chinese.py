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
    assert main([*args, "--reading", "both"]) == 0
    out, err = capsys.readouterr()
    head, *rows = out.splitlines()
    assert head.split() == ["中文", "reading", "state", "due", "meaning"]
    first = {r.split()[0]: r for r in rows}
    # a glossary term's counterpart, with both readings, its term and definition the answer
    assert "pái liàn / paai4 lin6" in first["排練"] and "rehearse: to practise" in first["排練"]
    # a Chinese vocabulary word, with its gloss
    assert "luó gǔ / lo4 gu2" in first["鑼鼓"] and "gongs and drums" in first["鑼鼓"]
    # no English word is asked; --new picks only what can be asked from the Chinese, so nothing
    # is left out (on main it counted every kind of term and printed fewer rows than --new N)
    assert not any(r[:1].isascii() for r in first)
    assert "left out" not in err
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


def test_new_n_gives_n_questions_from_the_chinese(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    args = ["bank", "due", "--db", db, "--date", "2026-12-10", "--new", "5", "--for", "chinese"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 + 5 and "left out" not in err


def test_the_sheet_for_chinese(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "due.html"
    argv = ["bank", "due", "--db", db, "--for", "chinese", "--date", "2026-12-10", "--new", "4"]
    assert main([*argv, "-o", str(out), "--reading", "both"]) == 0
    page = out.read_text(encoding="utf-8")
    listed = capsys.readouterr().out.splitlines()[1:]
    words = [r.split()[0] for r in listed]
    sheet, key = page.split('<main class="paper key">')
    for w in words:  # each word asked on the sheet, with its reading only in the key
        assert f'<span class="zh-word" lang="zh-Hant">{w}</span>' in sheet
    assert "pái liàn / paai4 lin6" in key and "pái liàn" not in sheet
    assert "pinyin and Jyutping" in sheet and "Reading" in sheet and "Meaning" in sheet
    folder = tmp_path / "out"
    assert main([*argv, "-o", f"{folder}/"]) == 0
    assert [p.name for p in folder.iterdir()] == ["due-2026-12-10-chinese.html"]
