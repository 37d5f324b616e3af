"""The bank's store and schema: ingest, identity, transactions, concurrency, migrations."""

from __future__ import annotations

import multiprocessing
import pickle
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from duizhao.bank import SCHEMA_VERSION, TermBank, connect, document_rows, migrate, store
from duizhao.errors import DuizhaoError
from duizhao.model import Document

from .helpers import dump, variant

# -- ingest and identity --------------------------------------------------------------------------


def test_ingest_twice_changes_nothing(seed: Document, tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    with TermBank(db) as bank:
        first = bank.add(seed)
        before = dump(db)
        again = bank.add(seed)
        # the same text read from elsewhere (another path) is the same article too
        moved = bank.add(replace(seed, meta=replace(seed.meta, path="/elsewhere/copy.txt")))
    assert first.status == "added"
    assert again.status == moved.status == "unchanged"
    assert again.article_id == first.article_id
    assert dump(db) == before
    assert len(before["article"]) == 1
    assert len(before["occurrence"]) > 0


def test_a_batch_writes_what_one_transaction_each_writes(seed: Document,
                                                         tmp_path: Path) -> None:
    # ``bank add`` writes its articles in batches: the same rows, statuses and ids as one by
    # one, a later article of a batch seeing the earlier ones (the same text twice: unchanged;
    # a corrected version: replaced)
    docs = [variant(seed, "2025-01-10"), variant(seed, "2025-02-10", glossary=1), seed,
            variant(seed, "2025-01-10"), variant(seed, "2025-02-10", title="改正的標題")]
    rows = [document_rows(d) for d in docs]
    with TermBank(tmp_path / "one.sqlite3") as bank:
        one = [bank.add_rows(r) for r in rows]
    with TermBank(tmp_path / "batch.sqlite3") as bank:
        batched = bank.add_rows_batch(rows[:3]) + bank.add_rows_batch(rows[3:])
    assert [r.status for r in one] == ["added", "added", "added", "unchanged", "replaced"]
    assert batched == one
    assert dump(tmp_path / "batch.sqlite3") == dump(tmp_path / "one.sqlite3")


def test_a_failed_batch_writes_nothing(seed: Document, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "b.sqlite3"
    with TermBank(db) as bank:
        bank.add(variant(seed, "2025-01-10"))
        before = dump(db)
        calls = []

        def fail_second(conn: sqlite3.Connection, *rows: object) -> int:
            calls.append(1)
            if len(calls) == 2:
                raise sqlite3.OperationalError("disk I/O error")
            return real(conn, *rows)

        real = store._write_rows
        monkeypatch.setattr(store, "_write_rows", fail_second)
        with pytest.raises(sqlite3.OperationalError):
            bank.add_rows_batch([document_rows(variant(seed, d)) for d in ("2025-03-10",
                                                                           "2025-04-10")])
    assert len(calls) == 2 and dump(db) == before


def test_a_term_of_a_failed_batch_is_written_by_the_next(seed: Document, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # a batch looks each term up once: a term first written by a rolled-back batch is not
    # remembered, so the next batch writes it again and the bank is the one written in one go
    rows = [document_rows(variant(seed, "2025-03-10", extra_vocab="zzyzx")),
            document_rows(variant(seed, "2025-04-10", extra_vocab="zzyzx"))]
    with TermBank(tmp_path / "fresh.sqlite3") as bank:
        bank.add_rows_batch(rows)
    db = tmp_path / "b.sqlite3"
    with TermBank(db) as bank:
        real = store._write_rows
        calls = []

        def fail_second(conn: sqlite3.Connection, *args: object) -> int:
            calls.append(1)
            if len(calls) == 2:
                raise sqlite3.OperationalError("disk I/O error")
            return real(conn, *args)

        with monkeypatch.context() as m:
            m.setattr(store, "_write_rows", fail_second)
            with pytest.raises(sqlite3.OperationalError):
                bank.add_rows_batch(rows)
        assert bank.counts()["term"] == 0
        assert [r.status for r in bank.add_rows_batch(rows)] == ["added", "added"]
        assert "zzyzx" in [t.word for t in bank.terms()]
    assert dump(db) == dump(tmp_path / "fresh.sqlite3")


def test_corrected_article_replaces_old_version(seed: Document, tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    entry = seed.glossary[0]
    fixed = replace(
        seed,
        glossary=(replace(entry, definition="CORRECTED " + entry.definition), *seed.glossary[1:]),
    )
    with TermBank(db) as bank:
        bank.add(seed)
        result = bank.add(fixed)
        assert result.status == "replaced"
        assert len(bank.articles()) == 1
        stat = {t.word: t for t in bank.terms()}[entry.term.lower()]
        assert stat.definition.startswith("CORRECTED")
        assert stat.articles == 1
        # a corrected *title* from the same file (same source and date) is the same article
        retitled = replace(fixed, meta=replace(fixed.meta, title_zh="更正標題"))
        assert bank.add(retitled).status == "replaced"
        assert [a["title_zh"] for a in bank.articles()] == ["更正標題"]
        # another day is another article
        assert bank.add(variant(seed, "2025-09-09")).status == "added"
        assert len(bank.articles()) == 2
    n_occ = len(document_rows(seed)["occurrence"])
    assert len(dump(db)["occurrence"]) == 2 * n_occ


def test_crash_mid_ingest_leaves_bank_unchanged(
    seed: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "b.sqlite3"
    with TermBank(db) as bank:
        bank.add(seed)
    before = dump(db)
    real = store._insert_values

    def failing(conn, table, cols, values):  # type: ignore[no-untyped-def]
        if table == "occurrence":
            raise RuntimeError("simulated crash")
        return real(conn, table, cols, values)

    monkeypatch.setattr(store, "_insert_values", failing)
    corrected = replace(seed, en=(replace(seed.en[0], text=seed.en[0].text + " "),
                                  *seed.en[1:]))
    with TermBank(db) as bank:
        with pytest.raises(RuntimeError):
            bank.add(corrected)  # a replacement: the delete of the old version must roll back
        with pytest.raises(RuntimeError):
            bank.add(variant(seed, "2025-09-09"))  # a new article: nothing half-written
    assert dump(db) == before


def test_killed_process_mid_ingest_leaves_bank_consistent(
    seed: Document, seed_pickle: Path, tmp_path: Path
) -> None:
    db = tmp_path / "b.sqlite3"
    with TermBank(db) as bank:
        bank.add(seed)
    before = dump(db)
    script = textwrap.dedent(
        f"""
        import os, pickle
        from dataclasses import replace
        from duizhao.bank import store as b
        doc = pickle.load(open({str(seed_pickle)!r}, "rb"))
        doc = replace(doc, meta=replace(doc.meta, date="2025-09-30"))
        real = b._insert_values
        def dying(conn, table, cols, values):
            if table == "occurrence":
                os._exit(9)  # no rollback, no close: like a power cut or kill -9
            return real(conn, table, cols, values)
        b._insert_values = dying
        with b.TermBank({str(db)!r}) as bank:
            bank.add(doc)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode == 9, proc.stderr.decode()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    assert dump(db) == before
    with TermBank(db) as bank:  # and the bank still takes the article
        assert bank.add(variant(seed, "2025-09-30")).status == "added"


def _ingest_worker(args: tuple[str, str, list[str]]) -> list[str]:
    db, pickled, days = args
    with open(pickled, "rb") as f:
        doc = pickle.load(f)
    with TermBank(db) as bank:
        return [bank.add(variant(doc, d)).status for d in days]


def test_two_processes_ingest_at_once(seed_pickle: Path, tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    jobs = [
        (str(db), str(seed_pickle), [f"2025-01-{d:02d}" for d in range(1, 7)]),
        (str(db), str(seed_pickle), [f"2025-02-{d:02d}" for d in range(1, 7)]),
    ]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(_ingest_worker, jobs)
    assert results == [["added"] * 6, ["added"] * 6]
    with TermBank(db) as bank:
        assert len(bank.articles()) == 12
        assert bank.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _open_worker(path: str) -> str:
    try:
        with TermBank(path) as bank:
            bank.counts()
    except Exception as e:  # reported, not raised: the test shows every failure
        return repr(e)
    return "ok"


def test_eight_processes_create_a_new_bank_at_once(tmp_path: Path) -> None:
    # Creating a bank switches it to WAL, which SQLite does not retry on a lock by itself.
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(8) as pool:
        for round_ in range(5):
            db = str(tmp_path / f"new-{round_}.sqlite3")
            assert pool.map(_open_worker, [db] * 8) == ["ok"] * 8


def test_reader_and_writer_at_once(seed: Document, tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite3"
    with TermBank(db) as writer, TermBank(db) as reader:
        writer.add(seed)
        reader.conn.execute("BEGIN")  # a long read transaction (a snapshot)
        n = len(reader.kwic("cluster"))
        writer.add(variant(seed, "2025-09-09"))  # WAL: the writer is not blocked
        assert len(reader.kwic("cluster")) == n  # the reader keeps its snapshot
        reader.conn.execute("COMMIT")
        assert len(reader.kwic("cluster")) == 2 * n


# -- schema ---------------------------------------------------------------------------------------


def test_migration_from_version_1(seed: Document, tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    conn = connect(db)
    assert migrate(conn, target=1) == 1
    conn.execute("BEGIN IMMEDIATE")
    rows = document_rows(seed)
    # a version-1 writer had no "uncertain" column (version 3)
    rows["article_term"] = [
        {k: v for k, v in r.items() if k != "uncertain"} for r in rows["article_term"]
    ]
    store._write_rows(conn, rows)
    conn.execute("COMMIT")
    assert conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sentence_fts'"
    ).fetchone()[0] == 0
    conn.close()
    with TermBank(db) as bank:
        assert bank.schema_version == SCHEMA_VERSION == 4
        # old rows read as not flagged
        assert {t.check for t in bank.terms()} == {None}
        # the full-text index was built from the rows already there
        lines = bank.kwic("venture capital")
        assert lines and all(ln.keyword.lower() == "venture capital" for ln in lines)
        assert bank.add(seed).status == "unchanged"


def test_newer_schema_and_non_bank_files_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(DuizhaoError, match="newer"):
        TermBank(db)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DuizhaoError, match="not a duizhao term bank"):
        TermBank(junk)
