"""Schema version 4: a review schedule per audience (the English class's, and a learner of
Chinese's), ``--for`` on ``bank review`` (interactive and ``--csv``) and ``bank due``, and the
migration of a version-3 bank.

``tests/fixtures/bank/v3-made-by-3239f66.sqlite3`` was made by main's code at commit 3239f66
(schema version 3): ``duizhao bank add corpus/2025-10-06-hong-kong-trams.md`` then ``duizhao bank
review --csv`` of five ratings (learners ``class`` and ``amy``), vacuumed into one file.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from duizhao.bank import SCHEMA_VERSION, TermBank
from duizhao.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bank"
V3 = FIXTURES / "v3-made-by-3239f66.sqlite3"
TRAMS = Path(__file__).resolve().parents[2] / "corpus" / "2025-10-06-hong-kong-trams.md"


def _rows(path: Path, table: str, cols: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
    finally:
        conn.close()


def _tables(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sentence_fts%'")]  # fmt: skip
    conn.close()
    return {n: _rows(path, n, "*") for n in names if n not in ("card", "review_log")}


@pytest.fixture()
def v3(tmp_path: Path) -> Path:
    path = tmp_path / "v3.sqlite3"
    shutil.copy(V3, path)
    return path


def test_a_v3_bank_keeps_every_row_and_schedule(
    v3: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(v3)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    conn.close()
    before = _tables(v3)
    cols = "learner, term_id, state, step, stability, difficulty, due, last_review"
    cards = _rows(v3, "card", cols)
    logs = _rows(v3, "review_log", "id, learner, term_id, rating, reviewed_at, duration_ms")
    assert len(cards) == 4 and len(logs) == 5
    # the first command that opens it migrates it
    assert main(["bank", "due", "--db", str(v3), "--date", "2025-10-24"]) == 0
    listed = capsys.readouterr().out
    conn = sqlite3.connect(v3)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert _tables(v3) == before  # articles, sentences, terms, … untouched
    # every card and rating kept, as the English class's (the only schedule before version 4)
    assert _rows(v3, "card", cols) == cards
    assert _rows(v3, "card", "DISTINCT audience") == [("english",)]
    assert _rows(v3, "review_log", "id, learner, term_id, rating, reviewed_at, duration_ms") == logs
    assert _rows(v3, "review_log", "DISTINCT audience") == [("english",)]
    # and they are still due when they were: the class's affection (2025-10-24), subsidy
    rows = [r.split()[0] for r in listed.splitlines()[1:]]
    assert rows == ["subsidy", "affection"]
    with TermBank(v3) as bank:
        card = bank.card("dedicated", learner="amy")
        assert card is not None and card.due.date().isoformat() == "2025-10-15"
        assert bank.card("dedicated", learner="amy", audience="chinese") is None
    # the Chinese schedule starts empty
    assert main(["bank", "due", "--db", str(v3), "--date", "2025-10-24", "--for", "chinese"]) == 0
    assert "nothing in Chinese is due on 2025-10-24 for class" in capsys.readouterr().err


def test_each_audience_has_its_own_schedule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "b.sqlite3")
    assert main(["bank", "add", str(TRAMS), "--db", db, "-q"]) == 0
    ratings = tmp_path / "zh.csv"
    ratings.write_text("term,rating,date\n低碳,again,2025-10-07\n車資,easy,2025-10-07\n",
                       encoding="utf-8")  # fmt: skip
    assert main(["bank", "review", "--db", db, "--csv", str(ratings), "--for", "chinese"]) == 0
    mixed = tmp_path / "mixed.csv"  # a 'for' column chooses per line
    mixed.write_text("term,rating,date,for\nlow-carbon,easy,2025-10-07,english\n"
                     "affection,good,2025-10-07,chinese\n", encoding="utf-8")  # fmt: skip
    assert main(["bank", "review", "--db", db, "--csv", str(mixed)]) == 0
    capsys.readouterr()
    with TermBank(db) as bank:
        zh = bank.card("low-carbon", audience="chinese")  # 低碳 is low-carbon's counterpart
        en = bank.card("low-carbon")
        assert zh is not None and en is not None and zh.due < en.due  # again vs easy
        assert bank.card("affection") is None and bank.card("affection", audience="chinese")
    assert main(["bank", "due", "--db", db, "--date", "2025-10-08", "--for", "chinese"]) == 0
    assert [r.split()[0] for r in capsys.readouterr().out.splitlines()[1:]] == ["低碳"]
    assert main(["bank", "due", "--db", db, "--date", "2025-10-08"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "the next review is" in err and "low-carbon" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("term,rating,for\nsubsidy,good,french\n", encoding="utf-8")
    assert main(["bank", "review", "--db", db, "--csv", str(bad)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: {bad}:2: 'for' must be english or chinese, not 'french'"
    )


def test_review_in_the_terminal_from_the_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "b.sqlite3")
    assert main(["bank", "add", str(TRAMS), "--db", db, "-q"]) == 0
    capsys.readouterr()
    from duizhao.cli.bank import run_command

    args = ["bank", "review", "--db", db, "--for", "chinese", "--new", "2", "--date", "2025-10-07"]
    args += ["--reading", "both"]
    from duizhao.cli import build_parser

    parsed = build_parser(["bank"]).parse_args(args)
    out = io.StringIO()
    assert run_command(parsed, stdin=io.StringIO("\n3\n\n1\n"), stdout=out) == 0
    text = out.getvalue()
    first = text.split("[2/2]")[0]
    # asked from the Chinese: the word, then its readings and meaning; no English sentence
    assert "[1/2] 感情" in first and "gǎn qíng / gam2 cing4" in first and "affection" in first
    assert "(Enter" in first and "____" not in text
    # --date: the ratings are of that day, so the next review is counted from it
    assert "next review: 2025-10-" in text
    with TermBank(db) as bank:
        assert bank.card("affection", audience="chinese") is not None
        assert bank.card("affection") is None


def test_a_failed_first_bank_add_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("only English here\n", encoding="utf-8")
    db = tmp_path / "new" / "b.sqlite3"
    assert main(["bank", "add", str(bad), "--db", str(db)]) == 2
    assert "error:" in capsys.readouterr().err
    assert not db.exists() and not list(db.parent.glob("b.sqlite3*"))
    # with one good article the bank is kept (and the bad one named)
    assert main(["bank", "add", str(bad), str(TRAMS), "--db", str(db), "-q"]) == 2
    assert db.exists()
    # and a later failed add leaves the existing bank alone
    assert main(["bank", "add", str(bad), "--db", str(db)]) == 2
    with TermBank(db) as bank:
        assert len(bank.articles()) == 1


def test_due_marks_an_uncertain_counterpart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "b.sqlite3")
    seed = TRAMS.parent / "2025-09-02-wipo-innovation-clusters.txt"
    assert main(["bank", "add", str(seed), "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["bank", "due", "--db", db, "--date", "2025-09-10", "--new", "3"]) == 0
    rows = {r.split()[0]: r.split()[-1] for r in capsys.readouterr().out.splitlines()[1:]}
    assert rows == {"cluster": "集群", "metric": "check", "preferential": "特惠"}


def test_bank_csv_writes_the_ratings_sheet_review_csv_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "b.sqlite3")
    assert main(["bank", "add", str(TRAMS), "--db", db, "-q"]) == 0
    out = tmp_path / "zh.csv"
    argv = ["bank", "csv", "--db", db, "--date", "2025-10-07", "--new", "3", "--for", "chinese"]
    assert main([*argv, "-o", str(out)]) == 0
    capsys.readouterr()
    text = out.read_text(encoding="utf-8-sig")
    head, *rows = text.splitlines()
    assert head == "term,rating,date,learner,for,answer"
    assert len(rows) == 3 and all(",,2025-10-07,class,chinese," in r for r in rows)
    assert rows[0].startswith("感情,,") and "gǎn qíng / gam2 cing4 · affection" in rows[0]
    # the teacher fills in the ratings and records them: the Chinese cards, not the English
    out.write_text(text.replace(",,2025-10-07", ",good,2025-10-07"), encoding="utf-8")
    assert main(["bank", "review", "--db", db, "--csv", str(out)]) == 0
    assert capsys.readouterr().out == "recorded 3 ratings\n"
    with TermBank(db) as bank:
        assert bank.card("affection", audience="chinese") is not None
        assert bank.card("affection") is None
    # the English class's sheet, on standard output
    assert main(["bank", "csv", "--db", db, "--date", "2025-10-07", "--new", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("affection,,2025-10-07,class,english,感情 · a feeling")
    assert main(["bank", "csv", "--db", db, "-o", str(tmp_path / "r.txt")]) == 2
    assert "name the ratings file .csv" in capsys.readouterr().err
