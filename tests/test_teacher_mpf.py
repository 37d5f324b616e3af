"""A teacher's first use of a new article (round 8's second usability pass): the MPF editorial in
tests/fixtures/teacher/, written for these tests, run through the command line as a teacher runs
it, and the defects that pass found, each checked in what the teacher reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import cli_json

MPF = Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-mpf-offsetting.txt"


@pytest.fixture(scope="module")
def annotated() -> dict:
    return cli_json("annotate", str(MPF))


def _en_vocabulary(doc: dict) -> dict[str, dict]:
    return {v["word"]: v for v in doc["vocabulary"]["en"]}


def test_a_form_commoner_than_its_lemma_is_not_suggested_as_that_lemma(annotated: dict) -> None:
    # "According to" is no sign the article teaches the rare verb "accord" (translated 據)
    words = _en_vocabulary(annotated)
    assert "accord" not in words
    assert all("according" not in v["forms"] for v in words.values())
    # plain inflections still count as their lemma
    assert words["critic"]["forms"] == ["critics"]
    assert words["labourer"]["forms"] == ["labourers"]


def test_a_translation_another_item_has_is_marked_uncertain(annotated: dict) -> None:
    # 遣散費 is the glossary's "severance" in the same sentence: "dismissed" may not have it as
    # certain (it did, and the sheets printed dismiss → 遣散費 with no "? check")
    severance = next(g for g in annotated["glossary"] if g["term"] == "severance")
    assert severance["counterparts"][0]["text"] == "遣散費" and not severance["uncertain"]
    dismiss = _en_vocabulary(annotated)["dismiss"]
    assert dismiss["translation"] == ["遣散費"]
    assert dismiss["uncertain"] is True
    # a translation nobody else has stays certain
    assert _en_vocabulary(annotated)["critic"]["uncertain"] is False


def test_bank_terms_keeps_the_capitals_of_a_glossary_term(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the bank keys English terms in lower case; `bank terms` printed that key, so an idiom
    # with names came out as "rob peter to pay paul"
    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(MPF), "--db", db]) == 0
    capsys.readouterr()
    assert main(["bank", "terms", "--db", db, "--kind", "glossary"]) == 0
    out = capsys.readouterr().out
    assert "rob Peter to pay Paul " in out and "rob peter" not in out
    assert main(["bank", "terms", "--db", db, "--kind", "glossary", "--format", "json"]) == 0
    rows = {t["word"]: t for t in json.loads(capsys.readouterr().out)}
    assert rows["rob peter to pay paul"]["display"] == "rob Peter to pay Paul"
    # the word bank still finds it written any way
    assert main(["bank", "kwic", "ROB PETER TO PAY PAUL", "--db", db]) == 0
    assert "[拆東牆補西牆]" in capsys.readouterr().out


def test_the_sheet_marks_the_shared_translation_for_checking(tmp_path: Path) -> None:
    pytest.importorskip("typst")
    from pypdf import PdfReader

    assert main(["sheet", str(MPF), "--pdf", "-q", "-o", str(tmp_path)]) == 0
    text = " ".join(
        page.extract_text() or "" for page in PdfReader(tmp_path / f"{MPF.stem}.pdf").pages
    )
    table = text[text.index("Words to learn: English") :]
    row = table[table.index("dismiss") :][:80]
    assert "遣散費" in row and "? check" in row, row
    assert "accord " not in text


def test_the_credits_never_take_a_page_of_their_own(tmp_path: Path) -> None:
    # the MPF sheet's tables end near the foot of page 2: the credits (source, CC-CEDICT's
    # licence) used to make a page 3 that a teacher printed for three grey lines
    pytest.importorskip("typst")
    from pypdf import PdfReader

    assert main(["sheet", str(MPF), "--pdf", "-q", "-o", str(tmp_path)]) == 0
    pages = PdfReader(tmp_path / f"{MPF.stem}.pdf").pages
    assert len(pages) == 2
    last = pages[-1].extract_text() or ""
    assert "Words to learn: Chinese" in last  # the last page has content
    for credit in ("Source: 社評, 2026-12-03", "CC-CEDICT", "Made with duizhao"):
        assert credit in last
