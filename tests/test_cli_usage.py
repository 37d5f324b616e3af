"""Usage errors are one line like every other error (``error: …`` on stderr, exit status 2, no
traceback), numbers are checked when the command line is read, and an output that cannot be
what the command needs is refused before any work: a folder that holds no article, ``-o``
naming an existing file where a folder is needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from duizhao.cli import main

SEED = Path(__file__).resolve().parents[1] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["bank", "due", "--new", "-1"],
            "duizhao bank due: argument --new: must be 0 or more, not -1",
        ),
        (["bank", "review", "--new", "x"], "argument --new: not a whole number: 'x'"),
        (["bank", "add", "a.txt", "--jobs", "0"], "argument -j/--jobs: must be 1 or more, not 0"),
        (["build", "corpus", "-o", "out", "--jobs", "-2"], "must be 1 or more, not -2"),
        (["sheet", "a.txt", "-o", "out", "--pages", "0"], "argument --pages: must be 1 or more"),
        (["sheet", "a.txt", "-o", "out", "--font-size", "0"], "must be a number above 0, not 0"),
        (["drill", "a.txt", "-o", "out", "--versions", "0"], "argument --versions: must be 1"),
        (["drill", "a.txt", "-o", "out", "--count", "-3"], "argument --count: must be 1"),
        (["bank", "kwic", "x", "--limit", "-1"], "argument --limit: must be 0 or more"),
        (["annotate", "a.txt", "--max-bytes", "-5"], "argument --max-bytes: must be 0 or more"),
        (["review", "corpus", "--port", "70000"], "argument --port: a port is 1 to 65535"),
        (["drill"], "the following arguments are required: FILE, -o/--output"),
        (["nosuch"], "argument COMMAND: invalid choice: 'nosuch'"),
        (["bank", "due", "--for", "french"], "argument --for: invalid choice: 'french'"),
        # an option the command does not take is reported by that command (round 20's QA: the
        # README's habit of -o, given to kwic, said "duizhao: …" and pointed at duizhao --help)
        (
            ["bank", "kwic", "cluster", "-o", "k.html"],
            "error: duizhao bank kwic: unrecognized arguments: -o k.html "
            "(see duizhao bank kwic --help)",
        ),
        (["sheet", "a.txt", "-o", "out", "--bogus"], "error: duizhao sheet: unrecognized"),
        (["--bogus"], "error: duizhao: unrecognized arguments: --bogus (see duizhao --help)"),
    ],
)
def test_a_usage_error_is_one_line(
    argv: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: duizhao") and said in err
    assert err.rstrip().endswith("--help)") and "Traceback" not in err


def test_a_usage_error_from_the_installed_command(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "duizhao", "bank", "due", "--new", "-1"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (
        "error: duizhao bank due: argument --new: must be 0 or more, not -1 "
        "(see duizhao bank due --help)\n"
    )


def test_build_of_a_folder_without_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"not an article")
    out = tmp_path / "site"
    assert main(["build", str(empty), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"error: {empty}: no articles in this folder (files named *.markdown, *.md, *.txt)\n"
    )
    assert not out.exists()


@pytest.mark.parametrize("command", ["sheet", "drill", "build"])
def test_o_naming_an_existing_file_where_a_folder_is_needed(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sheet.html"
    target.write_text("keep me", encoding="utf-8")
    source = str(SEED.parent) if command == "build" else str(SEED)
    assert main([command, source, "-o", str(target), "-q"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: duizhao {command}: -o {target}: is a file; the output is a folder "
        "(give a folder's name)\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me"
