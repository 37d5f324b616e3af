"""Issue 18 on the term bank: many writers on a new bank, and damaged bank files.

Finding 5: two processes creating a new bank at once failed about 5 % of the time with a
misleading "not a duizhao term bank (database is locked)". Finding 6: a damaged page inside a bank
file gave a ``sqlite3.DatabaseError`` traceback in 47 of 201 runs.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from duizhao.bank import TermBank
from duizhao.cli import main
from duizhao.model import Document

from .helpers import ROOT, variant


def _articles(seed: Document, folder: Path, n: int) -> list[Path]:
    """``n`` different articles as annotate JSON (the seed published on ``n`` days)."""
    paths = []
    for k in range(n):
        doc = variant(seed, f"2025-10-{k + 1:02d}")
        doc = replace(doc, meta=replace(doc.meta, path=None))
        path = folder / f"article-{k}.json"
        path.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def test_eight_bank_add_processes_on_a_fresh_bank(seed: Document, tmp_path: Path) -> None:
    articles = _articles(seed, tmp_path, 8)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for round_ in range(3):
        db = tmp_path / f"fresh-{round_}.sqlite3"
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "duizhao", "bank", "add", str(a), "--db", str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for a in articles
        ]
        results = [(*p.communicate(timeout=300), p.returncode) for p in procs]
        assert all(status == 0 for _, _, status in results), [err for _, err, _ in results]
        assert all(out.startswith("added") for out, _, _ in results)
        with TermBank(db) as bank:
            dates = sorted(a["date"] for a in bank.articles())
            assert dates == [f"2025-10-{k + 1:02d}" for k in range(8)]  # each once
            assert bank.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture(scope="module")
def small_bank(seed: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damage")
    db = folder / "bank.sqlite3"
    with TermBank(db) as bank:
        bank.add(seed)
        bank.add(variant(seed, "2025-09-09"))
        bank.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


_COMMANDS = (
    ["kwic", "cluster"],
    ["terms"],
    ["new", str(ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt")],
    ["due", "--new", "5"],
    ["coverage", "{json}"],
    ["add", "{json}"],
)


@pytest.mark.parametrize("trial", range(12))
def test_a_damaged_bank_file_is_one_error_line(small_bank, seed, tmp_path, capsys, trial) -> None:
    db = tmp_path / "damaged.sqlite3"
    shutil.copy(small_bank, db)
    pages = db.stat().st_size // 4096
    page = 1 + trial * (pages - 1) // 12  # one page of the bank's tables, indexes or text index
    with db.open("r+b") as f:  # overwritten with noise, as a bad disk block would be
        f.seek(page * 4096)
        f.write(random.Random(trial).randbytes(4096))
    doc_json = tmp_path / "seed.json"
    doc_json.write_text(json.dumps(seed.to_dict(), ensure_ascii=False), encoding="utf-8")
    for command in _COMMANDS:
        argv = ["bank", *(a.replace("{json}", str(doc_json)) for a in command), "--db", str(db)]
        status = main(argv)
        _, err = capsys.readouterr()
        assert status in (0, 1, 2), argv
        if status == 2:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"error: {db}"), (argv, err)
            assert "internal error" not in err and "Traceback" not in err


def test_a_file_that_is_not_a_bank(tmp_path: Path, capsys) -> None:
    db = tmp_path / "notes.sqlite3"
    db.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    assert main(["bank", "terms", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {db}: not a duizhao term bank") and err.count("\n") == 1
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT 1 FROM sqlite_master").fetchall()
    conn.close()
