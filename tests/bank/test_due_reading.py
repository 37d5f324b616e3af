"""``bank due --reading`` and ``bank review --reading`` (round 18's QA): on main the Chinese review
sheet and the terminal review always gave both readings, whatever a teacher of Mandarin (or of
Cantonese) asked for; ``drill`` and ``sheet`` already took ``--reading``. Read back as the teacher
sees it: the list printed, the HTML sheet and key, the PDF's text, the terminal transcript."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from duizhao.cli import build_parser, main
from duizhao.cli.bank import run_command

OPERA = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "teacher"
    / "2026-12-04-cantonese-opera-interview.txt"
)
DUE = ["bank", "due", "--for", "chinese", "--date", "2026-12-10", "--new", "4"]
PINYIN, JYUTPING = "pái liàn", "paai4 lin6"  # 排練 "rehearse"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("bank") / "bank.sqlite3")
    assert main(["bank", "add", str(OPERA), "--db", path, "-q"]) == 0
    return path


def _row(db: str, capsys: pytest.CaptureFixture[str], *reading: str) -> str:
    capsys.readouterr()
    assert main([*DUE, "--db", db, *reading]) == 0
    return next(r for r in capsys.readouterr().out.splitlines() if r.startswith("排練"))


def test_the_list_gives_the_readings_asked_for(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    default = _row(db, capsys)  # the default, as drill and sheet: pinyin
    assert PINYIN in default and JYUTPING not in default
    jyutping = _row(db, capsys, "--reading", "jyutping")
    assert JYUTPING in jyutping and PINYIN not in jyutping
    assert f"{PINYIN} / {JYUTPING}" in _row(db, capsys, "--reading", "both")
    assert main([*DUE, "--db", db, "--reading", "none"]) == 2  # nothing to answer with
    assert "invalid choice: 'none'" in capsys.readouterr().err


def _key(page: str) -> tuple[str, str]:
    sheet, key = page.split('<main class="paper key">')
    return sheet, key


@pytest.mark.parametrize(
    ("reading", "shown", "hidden", "asked"),
    [
        ("jyutping", JYUTPING, PINYIN, "Write each word's Jyutping"),
        ("pinyin", PINYIN, JYUTPING, "Write each word's pinyin and its meaning"),
        ("both", f"{PINYIN} / {JYUTPING}", None, "Write each word's pinyin and Jyutping"),
    ],
)
def test_the_html_sheet_asks_and_its_key_gives_the_readings_asked_for(
    db: str, tmp_path: Path, reading: str, shown: str, hidden: str | None, asked: str
) -> None:
    out = tmp_path / "due.html"
    assert main([*DUE, "--db", db, "--reading", reading, "-o", str(out), "-q"]) == 0
    sheet, key = _key(out.read_text(encoding="utf-8"))
    assert shown in key and (hidden is None or hidden not in key)
    assert asked in sheet and shown not in sheet


def test_the_pdf_key_gives_the_jyutping_only(db: str, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "due.pdf"
    assert main([*DUE, "--db", db, "--reading", "jyutping", "-o", str(out), "-q"]) == 0
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    sheet, key = text.split("Answer key")
    assert "Jyutping" in sheet and JYUTPING not in sheet
    assert JYUTPING in key and PINYIN not in key


@pytest.mark.parametrize(
    ("reading", "shown", "hidden"),
    [("jyutping", "gam2 cing4", "gǎn qíng"), ("pinyin", "gǎn qíng", "gam2 cing4")],
)
def test_the_terminal_review_gives_the_readings_asked_for(
    tmp_path: Path, reading: str, shown: str, hidden: str
) -> None:
    trams = Path(__file__).resolve().parents[2] / "corpus" / "2025-10-06-hong-kong-trams.md"
    db = str(tmp_path / "b.sqlite3")
    assert main(["bank", "add", str(trams), "--db", db, "-q"]) == 0
    args = ["bank", "review", "--db", db, "--for", "chinese", "--new", "1", "--date", "2025-10-07"]
    parsed = build_parser(["bank"]).parse_args([*args, "--reading", reading])
    out = io.StringIO()
    assert run_command(parsed, stdin=io.StringIO("\n3\n"), stdout=out) == 0
    text = out.getvalue()
    assert "[1/1] 感情" in text and shown in text and hidden not in text
