"""A learner of Chinese's first use, on an interview in Q/A form
(``fixtures/teacher/2026-12-04-cantonese-opera-interview.txt``): every command as the README
writes it, and each defect the first look found checked in what the learner prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import cli_json

OPERA = (
    Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-04-cantonese-opera-interview.txt"
)


@pytest.fixture(scope="module")
def doc() -> dict:
    return cli_json("annotate", str(OPERA), "-q")


def test_interview_by_is_a_byline_and_key_words_a_glossary(
    doc: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = doc["meta"]
    assert meta["author"] == "Interview by Winnie Ho / 文：何慧婷"
    assert meta["date"] == "2026-12-04"
    en = [p["text"] for p in doc["en"]["paragraphs"]]
    zh = [p["text"] for p in doc["zh"]["paragraphs"]]
    # "Interview by Winnie Ho" was read as the first English paragraph, and the glossary under
    # "Key words 重點詞彙" as English paragraphs (no glossary at all, and no message)
    assert en[0].startswith("Cantonese opera was inscribed") and zh[0].startswith("粵劇於2009年")
    assert not any("intangible (adj.)" in t or "重點詞彙" in t for t in en + zh)
    assert [e["term"] for e in doc["glossary"]][:3] == ["intangible", "heritage", "rehearse"]
    assert len(doc["glossary"]) == 8
    assert main(["parse", str(OPERA)]) == 0
    err = capsys.readouterr().err
    assert f"{OPERA}:3: read 'Interview by Winnie Ho' as the byline" in err


def test_a_learner_of_chineses_quizlet_list_is_chinese_first(tmp_path: Path) -> None:
    zh, en = tmp_path / "zh.tsv", tmp_path / "en.tsv"
    assert main(["drill", str(OPERA), "-o", str(tmp_path / "out"), "--for", "chinese", "--vocab",
                 "--tsv", str(zh), "--reading", "both", "-q"]) == 0
    lines = dict(line.split("\t") for line in zh.read_text(encoding="utf-8").splitlines())
    assert lines["排練"] == (
        "pái liàn / paai4 lin6 — rehearse: to practise a play or a piece of music before "
        "performing it"
    )
    # the teacher's equivalent the article never uses, with its readings; the uncertain one flagged
    assert lines["謝幕"].startswith("xiè mù / ze6 mok6 — curtain call: ")
    assert lines["可負擔"].endswith("(check)")
    assert lines["寥寥可數"].startswith("liáo liáo kě shǔ / liu4 liu4 ho2 sou2 — ")  # vocabulary
    # an English class's list is unchanged: the English term first
    assert main(["drill", str(OPERA), "-o", str(tmp_path / "out2"), "--tsv", str(en), "-q"]) == 0
    assert en.read_text(encoding="utf-8").splitlines()[2] == (
        "rehearse\tto practise a play or a piece of music before performing it (排練)"
    )


def test_worksheets_set_no_speaker_label(tmp_path: Path) -> None:
    assert main(["drill", str(OPERA), "-o", str(tmp_path), "--for", "chinese", "--level", "hard",
                 "--count", "8", "-q"]) == 0
    html = (tmp_path / f"{OPERA.stem}.drills.html").read_text(encoding="utf-8")
    # "答：我每天早上排練，下午教學。" was set to translate, with "A: I rehearse …" as its model
    assert "答：" not in html and "問：" not in html and "A: " not in html and "Q: " not in html
    assert "我每天早上排練，下午教學。" in html
    # the model answer (its plain text may be a span of its own: tests/test_drill_key_lines.py)
    model = re.sub(r"</?span>", "", html)
    assert '<li>I <u class="mark">rehearse</u> every morning' in model


def test_a_learner_of_chineses_anki_deck_asks_from_the_chinese(tmp_path: Path) -> None:
    import json
    import sqlite3
    import zipfile

    def deck(*extra: str) -> tuple[list[str], list[list[str]]]:
        apkg = tmp_path / f"deck{len(extra)}.apkg"
        assert main(["drill", str(OPERA), "-o", str(tmp_path / "out"), *extra, "--anki",
                     str(apkg), "-q"]) == 0
        with zipfile.ZipFile(apkg) as z:
            z.extract("collection.anki2", tmp_path / apkg.stem)
        with sqlite3.connect(tmp_path / apkg.stem / "collection.anki2") as conn:
            models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
            notes = [r[0].split("\x1f") for r in conn.execute("SELECT flds FROM notes")]
        (model,) = models.values()
        return [t["name"] for t in model["tmpls"]], notes

    names, notes = deck("--for", "chinese", "--reading", "both")
    assert names[0] == "Chinese → reading and meaning" and len(names) == 3
    by_term = {n[0]: n for n in notes}
    assert by_term["rehearse"][3:6] == ["排練", "pái liàn", "paai4 lin6"]
    # the example sentence is quoted without the interview's "A: "
    assert by_term["rehearse"][6].startswith("I <b>rehearse</b> every morning")
    names, _ = deck()  # an English class's deck: the two cards it always had
    assert names == ["English → meaning", "Meaning → English"]


def test_the_credits_never_take_a_page_of_their_own(tmp_path: Path) -> None:
    from pypdf import PdfReader

    # the table above the credits filled page 2 to its foot: the credits began page 3, alone
    assert main(["sheet", str(OPERA), "-o", str(tmp_path), "--for", "chinese", "--pdf",
                 "--reading", "jyutping", "-q"]) == 0
    pages = [p.extract_text() or "" for p in PdfReader(tmp_path / f"{OPERA.stem}.pdf").pages]
    assert "Made with duizhao" in pages[-1]
    for text in pages:
        assert "寥寥可數" in text or "粵劇" in text, text[:300]  # the sheet's own content
