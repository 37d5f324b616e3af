"""Many articles at once: worker processes forked after the first article, and Dask tasks on a
local cluster of two workers, each giving exactly what one process gives."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.pipeline.parallel import dask_window, run_each

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    *sorted((ROOT / "corpus").glob("*.txt")),
    *sorted((ROOT / "corpus").glob("*.md")),
    *sorted((ROOT / "tests" / "fixtures" / "glossary").glob("*.txt"))[:2],
]


def _square(n: int) -> int:
    return n * n


def test_results_come_in_order_whatever_the_workers():
    items = list(range(12))
    expected = [(n, n * n) for n in items]
    assert list(run_each(_square, items)) == expected
    assert list(run_each(_square, items, jobs=3)) == expected


def test_progress_bar_only_when_asked_or_on_a_terminal():
    out = io.StringIO()
    list(run_each(_square, [1, 2, 3], stream=out))  # not a terminal
    assert out.getvalue() == ""
    list(run_each(_square, [1, 2, 3], stream=out, progress=True, desc="squares"))
    assert "squares" in out.getvalue() and "3/3" in out.getvalue()


def _bank_tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a bank, rows sorted, without the time of ingest."""
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%fts%'")]  # fmt: skip
        out = {}
        for name in names:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")
                    if r[1] != "ingested_at"]  # fmt: skip
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {name}").fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def _add(db: Path, *options: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["bank", "add", "--db", str(db), *options, *map(str, ARTICLES)])
    assert code == 0
    return capsys.readouterr().out


def test_bank_add_jobs_2_equals_jobs_1(tmp_path, capsys):
    one = _add(tmp_path / "one.sqlite3", "--jobs", "1", capsys=capsys)
    two = _add(tmp_path / "two.sqlite3", "--jobs", "2", capsys=capsys)
    assert one == two and one.count("added") == len(ARTICLES)
    assert _bank_tables(tmp_path / "one.sqlite3") == _bank_tables(tmp_path / "two.sqlite3")


@pytest.mark.slow
def test_dask_local_cluster_of_two_workers(tmp_path, capsys):
    pytest.importorskip("distributed")
    one = _add(tmp_path / "one.sqlite3", "--jobs", "1", capsys=capsys)
    dask = _add(tmp_path / "dask.sqlite3", "--dask", "local", "--jobs", "2", capsys=capsys)
    assert one == dask
    assert _bank_tables(tmp_path / "one.sqlite3") == _bank_tables(tmp_path / "dask.sqlite3")

    folder = tmp_path / "articles"
    folder.mkdir()
    for a in ARTICLES:
        shutil.copy(a, folder / a.name)
    assert main(["build", str(folder), "-o", str(tmp_path / "site1"), "-q"]) == 0
    assert main(["build", str(folder), "-o", str(tmp_path / "site2"), "-q", "--dask", "local",
                 "--jobs", "2"]) == 0  # fmt: skip
    first = {p.relative_to(tmp_path / "site1"): p.read_bytes()
             for p in (tmp_path / "site1").rglob("*") if p.is_file()}  # fmt: skip
    second = {p.relative_to(tmp_path / "site2"): p.read_bytes()
              for p in (tmp_path / "site2").rglob("*") if p.is_file()}  # fmt: skip
    assert first.keys() == second.keys() and len(first) > len(ARTICLES)
    assert first == second


def test_dask_scheduler_that_cannot_be_reached_is_one_error_line(tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed")
    from duizhao.pipeline import parallel

    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 1.0)
    code = main(["bank", "add", "--db", str(tmp_path / "b.sqlite3"), "--dask",
                 "tcp://127.0.0.1:9", str(ARTICLES[0])])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and "Dask scheduler" in err
    assert "Traceback" not in err


def test_dask_without_the_extra_names_it(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    code = main(["build", str(ROOT / "corpus"), "-o", str(tmp_path / "site"), "--dask", "local"])
    err = capsys.readouterr().err
    assert code == 2 and "pip install 'duizhao[dask]'" in err and "Traceback" not in err


def _held(n: int) -> tuple[int, int]:
    """``n`` and how many task results the Dask worker running it holds."""
    from distributed import get_worker

    return n, len(get_worker().data)


@pytest.mark.slow
def test_dask_results_are_not_held_by_the_workers_once_taken():
    # a bounded window of tasks: a worker holds no more results than the window, however many
    # articles (all submitted at once, each worker held every document it made until the end)
    pytest.importorskip("distributed")
    items = list(range(40))
    got = list(run_each(_held, items, dask="local", jobs=2))
    assert [item for item, _ in got] == items and [n for _, (n, _) in got] == items
    assert max(held for _, (_, held) in got) <= dask_window(2) < len(items) // 2
