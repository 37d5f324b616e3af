"""Tests of the term bank: ingest, identity, transactions, concurrency, queries, FSRS, CLI.

The seed is annotated once per session; other articles are cheap variants of it (other dates,
titles, glossary subsets) made with ``dataclasses.replace``.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import pickle
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from duizhao import bank as bankmod
from duizhao.bank import (
    SCHEMA_VERSION,
    TermBank,
    connect,
    document_rows,
    kwic_html,
    kwic_text,
    migrate,
    render_due,
)
from duizhao.cli import main
from duizhao.errors import DuizhaoError, InputError
from duizhao.model import Document, Occurrence, VocabItem, Vocabulary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


@pytest.fixture(scope="session")
def seed() -> Document:
    from duizhao.pipeline import annotate

    return annotate(SEED)


@pytest.fixture(scope="session")
def seed_pickle(seed: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bank") / "seed.pickle"
    path.write_bytes(pickle.dumps(seed))
    return path


@pytest.fixture(scope="session")
def seed_json(seed: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bank") / "seed.json"
    path.write_text(json.dumps(seed.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def variant(doc: Document, day: str, *, title: str | None = None, glossary: int | None = None,
            extra_vocab: str | None = None) -> Document:
    """The seed published on another day (another article), optionally with fewer glossary
    entries or one made-up English vocabulary word located on the first English sentence."""
    meta = replace(doc.meta, date=day, title_zh=title or f"{doc.meta.title_zh} {day}")
    out = replace(doc, meta=meta)
    if glossary is not None:
        out = replace(
            out,
            glossary=doc.glossary[:glossary],
            links=tuple(link for link in doc.links if link.entry < glossary),
        )
    if extra_vocab is not None:
        text = doc.en[0].text
        s = doc.en[0].sentences[0]
        occ = Occurrence(paragraph=0, sentence=0, start=s.start, end=s.start + 2,
                         text=text[s.start : s.start + 2])
        vocab = doc.vocabulary or Vocabulary()
        item = VocabItem(lang="en", word=extra_vocab, forms=(extra_vocab,), count=1,
                         occurrences=(occ,))
        out = replace(out, vocabulary=replace(vocab, en=(*vocab.en, item)))
    return out


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (ingest times left out), for before/after comparisons."""
    conn = sqlite3.connect(path)
    out = {}
    for table in (*bankmod.ROW_TABLES, "card", "review_log"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(),
                            key=repr)
    conn.close()
    return out


# -- rows -----------------------------------------------------------------------------------------


def test_document_rows_are_plain_and_consistent(seed: Document) -> None:
    rows = document_rows(seed)
    assert rows == document_rows(seed)  # pure and deterministic
    json.dumps(rows)  # plain values only: an engine could ship them anywhere
    assert set(rows) == set(bankmod.ROW_TABLES)
    assert len(rows["article"]) == 1
    key = rows["article"][0]["key"]
    n_sent = {lang: len(seed.sentence_texts(lang)) for lang in ("en", "zh")}
    assert sum(1 for r in rows["sentence"] if r["lang"] == "en") == n_sent["en"]
    assert sum(1 for r in rows["sentence"] if r["lang"] == "zh") == n_sent["zh"]
    sentences = {(r["lang"], r["n"]): r for r in rows["sentence"]}
    terms = {(t["lang"], t["word"]) for t in rows["term"]}
    for o in rows["occurrence"]:
        assert o["article"] == key
        assert (o["lang"], o["word"]) in terms
        s = sentences[(o["occ_lang"], o["sentence"])]
        para = seed.paragraphs(o["occ_lang"])[s["paragraph"]]
        assert para.text[o["start"] : o["end"]] == o["text"]
        assert s["start"] <= o["start"] and o["end"] <= s["start"] + len(s["text"])
    glossary = [r["word"] for r in rows["article_term"] if r["kind"] == "glossary"]
    assert glossary == [e.term.lower() for e in seed.glossary]


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
    real = bankmod._insert

    def failing(conn, table, rows):  # type: ignore[no-untyped-def]
        if table == "occurrence":
            raise RuntimeError("simulated crash")
        return real(conn, table, rows)

    monkeypatch.setattr(bankmod, "_insert", failing)
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
        from duizhao import bank as b
        doc = pickle.load(open({str(seed_pickle)!r}, "rb"))
        doc = replace(doc, meta=replace(doc.meta, date="2025-09-30"))
        real = b._insert
        def dying(conn, table, rows):
            if table == "occurrence":
                os._exit(9)  # no rollback, no close: like a power cut or kill -9
            return real(conn, table, rows)
        b._insert = dying
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
    bankmod._write_rows(conn, document_rows(seed))
    conn.execute("COMMIT")
    assert conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'sentence_fts'"
    ).fetchone()[0] == 0
    conn.close()
    with TermBank(db) as bank:
        assert bank.schema_version == SCHEMA_VERSION == 2
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


# -- queries --------------------------------------------------------------------------------------


@pytest.fixture()
def three(seed: Document, tmp_path: Path) -> tuple[Path, list[Document]]:
    """Three articles: all terms; one glossary entry; all terms plus a made-up word."""
    docs = [
        variant(seed, "2025-01-10", glossary=1),
        variant(seed, "2025-02-10"),
        variant(seed, "2025-03-10", extra_vocab="zzyzx"),
    ]
    db = tmp_path / "q.sqlite3"
    with TermBank(db) as bank:
        for d in reversed(docs):  # ingest order does not decide what is "earlier"
            bank.add(d)
    return db, docs


def test_terms_counts_and_first_appearance(three: tuple[Path, list[Document]]) -> None:
    db, docs = three
    first_term = docs[0].glossary[0].term.lower()
    second_term = docs[1].glossary[1].term.lower()
    n_first = len(docs[0].links[0].en)
    with TermBank(db) as bank:
        allstats = {t.word: t for t in bank.terms()}
        assert allstats[first_term].articles == 3
        assert allstats[first_term].count == 3 * n_first
        assert allstats[first_term].first_date == "2025-01-10"
        assert allstats[second_term].first_date == "2025-02-10"
        assert allstats["zzyzx"].first_date == "2025-03-10"
        ranged = {t.word: t for t in bank.terms("2025-02-01", "2025-02-28")}
        assert ranged[first_term].articles == 1
        assert ranged[first_term].first_date == "2025-01-10"  # first appearance in the bank
        assert "zzyzx" not in ranged
        assert {t.lang for t in bank.terms(lang="zh")} == {"zh"}
        assert {t.kinds for t in bank.terms(kind="glossary")} == {("glossary",)}


def test_new_in_and_coverage(three: tuple[Path, list[Document]]) -> None:
    db, docs = three
    with TermBank(db) as bank:
        first = bank.new_in(docs[0])
        assert {n.word for n in first if n.kind == "glossary"} == {
            docs[0].glossary[0].term.lower()
        }
        second = {n.word for n in bank.new_in(docs[1])}
        assert second == {e.term.lower() for e in docs[1].glossary[1:]}
        assert {n.word for n in bank.new_in(docs[2])} == {"zzyzx"}
        # an article not in the bank, dated after all of them: only the unseen word is new
        later = variant(docs[0], "2025-12-01", extra_vocab="qwxyz")
        assert [n.word for n in bank.new_in(later)] == ["qwxyz"]
        cov = bank.coverage(docs[2])
        assert cov["en"].new == ("zzyzx",)
        assert cov["en"].met == cov["en"].total - 1
        assert cov["zh"].ratio == 1.0
        first_cov = bank.coverage(docs[0])
        assert first_cov["en"].met == 0 and first_cov["en"].ratio == 0.0


def test_kwic_english_chinese_and_fulltext(seed: Document, tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    link = seed.links[0]
    term = seed.glossary[link.entry].term
    with TermBank(db) as bank:
        bank.add(variant(seed, "2025-01-01"))
        bank.add(variant(seed, "2025-02-01"))
        lines = bank.kwic(term)
        assert len(lines) == 2 * len(link.en)
        assert [ln.date for ln in lines][:1] == ["2025-02-01"]  # newest first
        texts = seed.sentence_texts("en")
        for ln in lines:
            assert ln.lang == "en"
            assert ln.keyword in {o.text for o in link.en}
            assert ln.text in texts
        # the aligned Chinese sentence comes along, with the counterpart marked where linked
        assert all(ln.other for ln in lines)
        marked = [ln.other[s:e] for ln in lines for s, e in ln.other_marks]
        assert set(marked) <= {o.text for o in link.zh}
        if link.zh:
            assert marked
            zh_lines = bank.kwic(link.zh[0].text)
            assert zh_lines and all(ln.lang == "zh" for ln in zh_lines)
        assert len(bank.kwic(term, limit=3)) == 3
        assert bank.kwic(term.upper()) == lines  # terms are matched without case
        # any other word: the trigram index finds it as a substring
        ft = bank.kwic("venture capital")
        assert len(ft) == 2 and ft[0].keyword == "venture capital"
        assert bank.kwic("no such phrase anywhere") == []
        assert bank.kwic("5%")  # shorter than a trigram: scanned
    text = kwic_text(lines)
    assert f"[{lines[0].keyword}]" in text
    page = kwic_html("<b>" + term, lines)
    assert "&lt;b&gt;" in page and "<mark>" in page and "<script" not in page


# -- review ---------------------------------------------------------------------------------------


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=UTC)


def test_due_follows_fsrs_schedule(seed: Document, tmp_path: Path) -> None:
    import fsrs

    db = tmp_path / "r.sqlite3"
    term = seed.glossary[0].term
    other = seed.glossary[1].term
    ratings = [3, 3, 1, 2, 4, 3]
    start = date(2025, 9, 3)
    ref_sched = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    ref = fsrs.Card(card_id=1, due=_midnight(start))
    with TermBank(db) as bank:
        bank.add(seed)
        day = start
        assert bank.due(day) == []
        assert [i.word for i in bank.due(day, new=1)] == [term.lower()]
        for rating in ratings:
            # reviewed on the day it falls due, as a class would
            card = bank.review(term, rating, when=day)
            bank.review(other, 3, when=day, learner="amy")
            ref, _ = ref_sched.review_card(ref, fsrs.Rating(rating), _midnight(day))
            assert card.due == ref.due
            assert card.stability == pytest.approx(ref.stability)
            assert card.difficulty == pytest.approx(ref.difficulty)
            next_day = ref.due.date()
            assert next_day > day
            for d in (day, next_day - timedelta(days=1)):
                assert term.lower() not in [i.word for i in bank.due(d)]
            due = bank.due(next_day)
            assert [i.word for i in due] == [term.lower()]
            assert due[0].state == "review"
            assert due[0].sentence and due[0].sentence[due[0].start : due[0].end]
            day = next_day
        # the intervals grew as FSRS says (not a fixed ladder), and other learners are separate
        assert bank.card(term, learner="amy") is None
        assert bank.card(other) is None
        assert bank.learners() == ["amy", "class"]
        html = render_due(bank.due(day), day)
        assert "Review" in html and day.isoformat() in html


def test_review_csv_matches_api_and_is_all_or_nothing(seed: Document, tmp_path: Path) -> None:
    term = seed.glossary[0].term
    csv_path = tmp_path / "results.csv"
    csv_path.write_text(
        "Term,Rating,Date\n"
        f"{term},good,2025-09-03\n"
        f"{term.upper()},3,2025-09-06\n"  # any case
        f"{term},again,2025-09-20\n",
        encoding="utf-8",
    )
    with TermBank(tmp_path / "a.sqlite3") as a, TermBank(tmp_path / "b.sqlite3") as b:
        a.add(seed)
        b.add(seed)
        assert a.review_csv(csv_path) == 3
        b.review(term, 3, when="2025-09-03")
        b.review(term, "good", when="2025-09-06")
        b.review(term, 1, when="2025-09-20")
        assert a.card(term).to_dict() == b.card(term).to_dict()
        before = dump(a.path)
        bad = tmp_path / "bad.csv"
        bad.write_text(f"term,rating,date\n{term},3,2025-10-30\nnot-a-term,3,2025-10-31\n")
        with pytest.raises(InputError, match=r"bad\.csv:3: 'not-a-term'"):
            a.review_csv(bad)
        bad.write_text(f"term,rating\n{term},7\n")
        with pytest.raises(InputError, match=r"bad\.csv:2: rating"):
            a.review_csv(bad)
        bad.write_text(f"term,rating,date\n{term},3,2025-01-01\n")
        with pytest.raises(InputError, match="before the card's last review"):
            a.review_csv(bad)
        bad.write_text("word,score\nx,1\n")
        with pytest.raises(InputError, match="header"):
            a.review_csv(bad)
        assert dump(a.path) == before


# -- command line ---------------------------------------------------------------------------------


def test_cli(seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "cli.sqlite3")
    term = json.loads(seed_json.read_text(encoding="utf-8"))["glossary"][0]["term"]
    assert main(["bank", "add", str(seed_json), "--db", db]) == 0
    assert capsys.readouterr().out.startswith("added")
    assert main(["bank", "add", str(seed_json), "--db", db]) == 0
    assert capsys.readouterr().out.startswith("unchanged")

    assert main(["bank", "terms", "--db", db, "--since", "2025-01-01"]) == 0
    out = capsys.readouterr().out
    assert term in out and "2025-09-02" in out
    assert main(["bank", "terms", "--db", db, "--format", "json", "--until", "2025-01-01"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    page = tmp_path / "kwic.html"
    assert main(["bank", "kwic", term, "--db", db, "--html", str(page)]) == 0
    assert f"[{term}" in capsys.readouterr().out.lower()
    assert "<mark>" in page.read_text(encoding="utf-8")
    assert main(["bank", "kwic", "nowhere-to-be-found", "--db", db]) == 1

    assert main(["bank", "new", str(seed_json), "--db", db, "--format", "json"]) == 0
    new = json.loads(capsys.readouterr().out)  # the only article: everything in it is new
    assert term.lower() in [n["word"] for n in new if n["kind"] == "glossary"]
    assert main(["bank", "coverage", str(seed_json), "--db", db]) == 0
    assert "en:" in capsys.readouterr().out

    # interactive review from a pipe: Enter, rating 3; Enter, rating 'x' (refused) then 1; quit
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n3\n\nx\n1\nq\n"))
    assert main(["bank", "review", "--db", db, "--learner", "kim", "--new", "5"]) == 0
    out = capsys.readouterr().out
    assert "please type 1, 2, 3 or 4" in out and "2 reviewed" in out
    with TermBank(db) as bank:
        assert len(bank.conn.execute("SELECT * FROM review_log WHERE learner='kim'").fetchall()) == 2

    results = tmp_path / "r.csv"
    results.write_text(f"term,rating,date\n{term},3,2025-09-03\n", encoding="utf-8")
    assert main(["bank", "review", "--db", db, "--csv", str(results)]) == 0
    assert "recorded 1 rating" in capsys.readouterr().out
    sheet = tmp_path / "due.html"
    assert main(["bank", "due", "--db", db, "--date", "2025-09-05", "-o", str(sheet)]) == 0
    assert term in capsys.readouterr().out
    assert term in sheet.read_text(encoding="utf-8")
    assert main(["bank", "due", "--db", db, "--date", "2025-09-04"]) == 0
    assert "nothing is due" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["bank", "add", "missing.json"], "missing.json"),
        (["bank", "terms", "--since", "2025-02-30"], "not an ISO date"),
        (["bank", "review", "--csv", "missing.csv"], "missing.csv"),
        (["bank", "due", "--pdf"], "--pdf needs -o"),
        (["bank", "new", "notjson.json"], "not valid JSON"),
    ],
)
def test_cli_bad_input(argv: list[str], message: str, tmp_path: Path,
                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notjson.json").write_text("{not json", encoding="utf-8")
    assert main([*argv, "--db", str(tmp_path / "x.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and message in err
    assert "Traceback" not in err


def test_cli_refuses_a_file_that_is_not_a_bank(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("shopping list\n" * 200, encoding="utf-8")
    assert main(["bank", "terms", "--db", str(junk)]) == 2
    assert "not a duizhao term bank" in capsys.readouterr().err


@pytest.mark.pdf
def test_cli_due_pdf(seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("weasyprint")
    import shutil

    from duizhao.output.pdf import check_pdf_support

    try:
        check_pdf_support()
    except Exception as e:  # no CJK font or libraries on this machine
        pytest.skip(str(e))
    db = str(tmp_path / "pdf.sqlite3")
    assert main(["bank", "add", str(seed_json), "--db", db]) == 0
    out = tmp_path / "due.pdf"
    argv = ["bank", "due", "--db", db, "--date", "2025-09-10", "--new", "3", "-o", str(out)]
    assert main([*argv, "--pdf"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        term = json.loads(seed_json.read_text(encoding="utf-8"))["glossary"][0]["term"]
        assert "Answer key" in text and term in text


def test_cli_bank_without_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank"]) == 0
    assert "usage: duizhao bank" in capsys.readouterr().out


def test_cli_add_with_worker_processes(seed_json: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "jobs.sqlite3")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code = main(["bank", "add", "--jobs", "2", str(seed_json), str(bad), str(seed_json),
                 "--db", db])
    captured = capsys.readouterr()
    assert code == 2  # the bad file is reported, the others are still ingested, in order
    assert [line.split()[0] for line in captured.out.splitlines()] == ["added", "unchanged"]
    assert captured.err.startswith(f"error: {bad}") and captured.err.count("\n") == 1
