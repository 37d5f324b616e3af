"""``duizhao bank …``: every subcommand, bad input, worker processes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from duizhao.bank import TermBank
from duizhao.cli import main


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


def test_cli_due_output_folder_and_file_kinds(seed_json: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """``-o sheets/`` writes ``sheets/due-DAY.html`` (it wrote a file named ``sheets``), and a
    sheet is never written in the other format than its name says (``-o x.html --pdf`` wrote a
    PDF named .html, ``-o x.pdf`` an HTML page named .pdf)."""
    db = str(tmp_path / "out.sqlite3")
    assert main(["bank", "add", str(seed_json), "--db", db]) == 0
    due = ["bank", "due", "--db", db, "--date", "2025-09-10", "--new", "2"]
    assert main([*due, "-o", f"{tmp_path / 'sheets'}/"]) == 0
    sheet = tmp_path / "sheets" / "due-2025-09-10.html"
    assert sheet.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert f"wrote {sheet}" in capsys.readouterr().err
    assert main([*due, "-o", str(tmp_path / "sheets"), "--learner", "kim"]) == 0  # a folder
    assert (tmp_path / "sheets" / "due-2025-09-10-kim.html").is_file()
    for out, pdf, message in [("x.html", True, "--pdf writes a PDF; name the file .pdf"),
                              ("x", False, "name the sheet .html (or .pdf for a PDF)")]:
        capsys.readouterr()
        assert main([*due, "-o", str(tmp_path / out), *(["--pdf"] if pdf else [])]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error:") and message in err and err.count("\n") == 1
        assert not (tmp_path / out).exists()


@pytest.mark.parametrize(
    "argv", [["terms"], ["kwic", "cluster"], ["due", "--new", "3"]]
)
def test_cli_a_missing_bank_is_not_made_by_a_query(argv: list[str], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped --db made a new, empty bank file and answered "no sentence in the bank uses
    'cluster'" (or an empty table, or "nothing is due"): the queries say there is no bank there,
    and leave no file behind."""
    db = tmp_path / "bnak.sqlite3"  # a typo
    assert main(["bank", *argv, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err == (f"error: {db}: no term bank here yet: add articles first "
                   f"(duizhao bank add ARTICLE… --db {db})\n")  # fmt: skip
    assert not db.exists()


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
    out.unlink()
    assert main(argv) == 0  # -o due.pdf is a PDF without --pdf too (it wrote HTML into due.pdf)
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


def test_cli_add_writes_in_batches(seed_json: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from duizhao.cli.bank import add

    monkeypatch.setattr(add, "BATCH", 2)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    db = tmp_path / "b.sqlite3"
    files = [str(seed_json), str(bad), *[str(seed_json)] * 3]
    assert main(["bank", "add", *files, "--db", str(db)]) == 2
    captured = capsys.readouterr()  # every good file reported once it is committed, in order
    assert [line.split()[0] for line in captured.out.splitlines()] == ["added", *["unchanged"] * 3]
    assert captured.err.startswith(f"error: {bad}")
    with TermBank(db) as bank:
        assert bank.counts()["article"] == 1

    # interrupted while annotating the next file: what was annotated is written
    real = add._rows_all

    def interrupted(*args: object) -> object:
        yield from list(real(*args))[:1]
        raise KeyboardInterrupt

    monkeypatch.setattr(add, "_rows_all", interrupted)
    db2 = tmp_path / "c.sqlite3"
    assert main(["bank", "add", str(seed_json), "--db", str(db2)]) != 0
    captured = capsys.readouterr()
    assert captured.out.startswith("added") and "interrupted" in captured.err
    with TermBank(db2) as bank:
        assert bank.counts()["article"] == 1


def test_subcommands_are_a_registry() -> None:
    from duizhao.cli.bank import BankCommand, commands

    found = commands()
    assert list(found) == ["add", "terms", "new", "kwic", "coverage", "review", "csv", "due"]
    assert all(isinstance(c, BankCommand) and c.name == n for n, c in found.items())


def test_add_names_the_article_as_a_teacher_knows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``bank add`` says which article it took (source, date, title) and what it did, in words:
    never the bank's internal identity key (``meta:…|…``, ``path:…``, ``hash:…``)."""
    db = str(tmp_path / "words.sqlite3")
    art = tmp_path / "trams.md"
    text = (Path(__file__).parents[2] / "corpus" / "2025-10-06-hong-kong-trams.md").read_text(
        encoding="utf-8"
    )
    art.write_text(text, encoding="utf-8")
    assert main(["bank", "add", str(art), "--db", db, "-q"]) == 0
    added = capsys.readouterr().out
    art.write_text(text.replace("since 1904", "since the year 1904"), encoding="utf-8")
    assert main(["bank", "add", str(art), "--db", db, "-q"]) == 0
    replaced = capsys.readouterr().out
    assert main(["bank", "add", str(art), "--db", db, "-q"]) == 0
    unchanged = capsys.readouterr().out
    title = "2025-10-06: 叮叮百廿載 應有未來而非僅有過去"
    assert added == f"added     {art}  (duizhao sample (teacher-written), {title}): now in the bank\n"
    assert replaced.startswith(f"replaced  {art}  (") and "earlier version" in replaced
    assert unchanged.startswith(f"unchanged {art}  (") and "already in the bank" in unchanged
    for out in (added, replaced, unchanged):
        assert "meta:" not in out and "path:" not in out and "hash:" not in out and "|" not in out


def test_kwic_shows_the_chinese_counterpart_even_late_in_a_long_sentence(
    seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Chinese line under each English occurrence was cut at its width from the start, so a
    counterpart late in a long Chinese sentence (集群 at the end of the seed's second sentence
    pair) was cut off and the line showed no highlight: it is now shown with its context."""
    db = str(tmp_path / "kwic.sqlite3")
    assert main(["bank", "add", str(seed_json), "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["bank", "kwic", "cluster", "--db", db, "--format", "json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    marked = [ln for ln in lines if ln["other_marks"]]
    assert any(ln["other_marks"][0][0] > 40 for ln in marked)  # one counterpart late in its line
    assert main(["bank", "kwic", "cluster", "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    shown = out[1::2]  # each occurrence, then its Chinese
    assert len(shown) == len(lines)
    for ln, text in zip(lines, shown, strict=True):
        if ln["other_marks"]:
            s, e = ln["other_marks"][0]
            assert f"[{ln['other'][s:e]}]" in text, text


@pytest.mark.parametrize("command", ["due", "csv", "review"])
def test_an_empty_learner_name_is_one_error_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--learner ""`` made a schedule of its own, named nothing (round 16's QA): now exit 2."""
    db = tmp_path / "none.sqlite3"
    assert main(["bank", command, "--db", str(db), "--learner", " "]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "--learner: give a name" in err[0]
    assert not db.exists()
