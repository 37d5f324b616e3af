"""Drills a teacher can hand out as they are: presets, uncertain counterparts kept out of the
exercises and flagged in the exports, Word files (worksheet and key apart), the command line."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.drills import ANKI_FIELDS, csv_text, make_worksheets, quizlet_text, write_apkg
from duizhao.drills.worksheet import AUDIENCE_KINDS
from duizhao.model import Document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


@pytest.fixture(scope="module")
def flagged(annotated_seed: Document) -> Document:
    """The seed with the counterpart of "metric" below the threshold and "preferential" marked
    as having no counterpart in this article."""
    links = list(annotated_seed.links)
    links[1] = dataclasses.replace(links[1], uncertain=True, confidence=0.3)
    glossary = list(annotated_seed.glossary)
    glossary[2] = dataclasses.replace(glossary[2], no_counterpart=True)
    return dataclasses.replace(annotated_seed, links=tuple(links), glossary=tuple(glossary))


def test_presets_choose_the_kinds(annotated_seed: Document) -> None:
    [en] = make_worksheets(annotated_seed, audience="english", seed=1)
    assert "readings" not in {s.kind for s in en.sections}
    [zh] = make_worksheets(annotated_seed, audience="chinese", seed=1)
    assert {s.kind for s in zh.sections} <= set(AUDIENCE_KINDS["chinese"])
    assert "readings" in {s.kind for s in zh.sections}


def test_uncertain_counterparts_are_not_drilled(flagged: Document) -> None:
    metric, preferential = "指標", "特惠"
    for seed in range(10):
        [ws] = make_worksheets(flagged, seed=seed, count=10)
        for s in ws.sections:
            if s.kind == "zh":
                shown = {o.text for o in s.options}
                assert metric not in shown and preferential not in shown
                assert not {it.prompt[0].text for it in s.items} & {"metric", "preferential"}
            if s.kind == "readings":
                for it in s.items:
                    marked = "".join(p.text for p in it.prompt if p.mark)
                    assert marked not in (metric, preferential)
                    assert it.note not in ("metric", "preferential")
            if s.kind == "translate":
                for it in s.items:
                    assert not any(p.mark and p.text in (metric, preferential) for p in it.prompt)
        assert any("uncertain" in n and "metric" in n for n in ws.notes)


def test_exports_flag_uncertain_counterparts(flagged: Document, tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(csv_text(flagged, lang="en", vocabulary=False))))
    assert rows[0][-1] == "check"
    flags = {r[0]: r[-1] for r in rows[1:]}
    assert flags["metric"] == "yes" and flags["cluster"] == ""
    # no counterpart: no Chinese at all
    assert "特惠" not in next(r[1] for r in rows[1:] if r[0] == "preferential")
    tsv = quizlet_text(flagged)
    assert "(check: 指標)" in tsv and "(集群)" in tsv
    assert "特惠" not in tsv
    pytest.importorskip("genanki")
    deck = write_apkg(flagged, tmp_path / "d.apkg")
    with zipfile.ZipFile(deck) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    notes = sqlite3.connect(tmp_path / "c.anki2").execute("select flds, tags from notes").fetchall()
    by_term = {f.split("\x1f")[0]: (f.split("\x1f"), tags) for f, tags in notes}
    fields, tags = by_term["metric"]
    assert ANKI_FIELDS[-1] == "Check" and fields[-1].startswith("check")
    assert "check" in tags.split()
    assert by_term["cluster"][0][-1] == ""


def test_word_worksheet_and_key_apart(annotated_seed: Document, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from duizhao.drills.docx import worksheet_docx
    from duizhao.output.docx import docx_text

    kinds = ["cloze", "choice", "match", "zh", "readings", "translate"]
    [ws] = make_worksheets(annotated_seed, kinds=kinds, seed=2, count=5)
    sheet, key = worksheet_docx(ws, tmp_path / "w.docx", tmp_path / "w.key.docx")
    sheet_text = "\n".join(docx_text(sheet))
    key_text = "\n".join(docx_text(key))
    assert "Name" in sheet_text and "Answer key" not in sheet_text
    cloze = next(s for s in ws.sections if s.kind == "cloze")
    for it in cloze.items:
        for k, a in enumerate(it.answers):
            assert f"({it.first + k}) {a}" in key_text
            assert f"({it.first + k}) {a}" not in sheet_text  # the sheet never gives it
    for s in ws.sections:
        assert s.title in sheet_text and s.title in key_text
    for s in ws.sections:
        if s.kind == "choice":
            for it in s.items:
                assert f"({it.answers[0]}) {it.choices['abcd'.index(it.answers[0])]}" in key_text
                assert all(c in sheet_text for c in it.choices)
    import docx

    assert len(docx.Document(str(sheet)).tables) >= 2  # the word bank and the matchings


def test_cli_drill_for_english_with_word_files(tmp_path: Path, capsys) -> None:
    pytest.importorskip("docx")
    code = main(
        ["drill", str(SEED), "-o", str(tmp_path), "--for", "english", "--docx", "--level", "hard",
         "--count", "4"]
    )
    assert code == 0
    out = capsys.readouterr().out
    stem = f"{SEED.stem}.drills"
    for name in (f"{stem}.html", f"{stem}.docx", f"{stem}.key.docx"):
        assert name in out and (tmp_path / name).exists()
    html = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
    assert "Write the readings" not in html and 'class="bank"' not in html


def test_word_worksheet_says_which_matching_answers_are_spare(tmp_path: Path) -> None:
    """The Chinese matching part offers more answers than questions; the HTML worksheet said
    "2 of the 4 answers on the right are not used", the Word worksheet did not."""
    docx = pytest.importorskip("docx")
    assert main(["drill", str(SEED), "-o", str(tmp_path), "--for", "chinese", "--docx", "-q"]) == 0
    note = "2 of the 4 answers on the right are not used."
    html = (tmp_path / f"{SEED.stem}.drills.html").read_text(encoding="utf-8")
    assert note in html
    word = docx.Document(str(tmp_path / f"{SEED.stem}.drills.docx"))
    assert any(note in p.text for p in word.paragraphs)

def test_cli_build_for_english_pages_and_word(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    pytest.importorskip("typst")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    code = main(["build", str(folder), "-o", str(tmp_path / "site"), "--for", "english",
                 "--docx", "--pages", "2", "-q"])
    assert code == 0
    site = tmp_path / "site"
    assert (site / f"{SEED.stem}.docx").exists()
    assert (site / f"{SEED.stem}.drills.key.docx").exists()
    sheet = (site / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert "<rt" not in sheet  # --for english: no readings
    drills = (site / f"{SEED.stem}.drills.html").read_text(encoding="utf-8")
    assert "Write the readings" not in drills


def test_readings_answer_lines_are_never_split_across_lines(tmp_path: Path) -> None:
    """The README's learner-of-Chinese worksheet as Word (``drill --for chinese --docx``): in
    "Write the readings", an item whose sentence leaves no room on its line has its answer line
    on a line of its own (LibreOffice split the underscores, a stray "_" on the next line), and a
    short one keeps it beside the sentence."""
    pytest.importorskip("docx")
    import docx

    from duizhao.drills.docx import _ANSWER_WIDTH, _LINE_WIDTH, _fits

    assert main(["drill", str(SEED), "-o", str(tmp_path), "--for", "chinese", "--docx",
                 "--level", "hard", "--count", "8", "-q"]) == 0  # fmt: skip
    (sheet,) = [p for p in tmp_path.glob("*.docx") if not p.name.endswith(".key.docx")]
    paragraphs = docx.Document(str(sheet)).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if "reading" in p.text.lower())
    items = [p for p in paragraphs[start:] if p.text[:3].rstrip(". ").isdigit() and "____" in p.text]
    assert items
    broken = kept = 0
    for p in items:
        sentence = p.text.split("____")[0].rstrip()
        has_break = bool(p._p.xpath(".//w:br"))
        width = _ANSWER_WIDTH + (p.text.count("_") - 24) / 2  # a longer line for a long answer
        assert has_break == (not _fits(sentence, width)), p.text
        broken += has_break
        kept += not has_break
    assert _fits("1. 短句。") and not _fits("1. " + "長" * int(_LINE_WIDTH - _ANSWER_WIDTH))
    assert broken >= 1 and kept >= 1  # the seed has both: long sentences and short ones


def test_word_titles_leave_no_character_alone_in_libreoffice(tmp_path: Path) -> None:
    """``drill --docx`` opened in LibreOffice (converted to PDF, read back): the answer key's
    title, "Answer key · Vocabulary worksheet: 灣區創科實力獲肯定 知識產權貿易待拓展", was one
    character too long for its line and left 展 alone on the second (round 18's QA). Its lines are
    balanced now, as the HTML title's (``text-wrap: balance``): the Chinese title whole on the
    second line; the worksheet's shorter title stays on one line."""
    pytest.importorskip("docx")
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    assert main(["drill", str(SEED), "-o", str(tmp_path), "--docx", "-q"]) == 0
    files = [tmp_path / f"{SEED.stem}.drills.key.docx", tmp_path / f"{SEED.stem}.drills.docx"]
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), *map(str, files)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    def head(pdf: Path) -> list[str]:
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-l", "1", str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        return [ln.strip() for ln in text.splitlines() if ln.strip()][:4]

    title = "灣區創科實力獲肯定 知識產權貿易待拓展"
    key = head(tmp_path / f"{SEED.stem}.drills.key.pdf")
    assert key[:2] == ["Answer key · Vocabulary worksheet:", title], key
    sheet = head(tmp_path / f"{SEED.stem}.drills.pdf")
    assert f"Vocabulary worksheet: {title}" in sheet, sheet


def test_word_worksheet_gives_the_article_title_once(tmp_path: Path) -> None:
    """The Word worksheet and key, as a teacher opens them: the seed's Chinese title is the
    heading's, and the line under it gives the source and date only, as the page does (it
    repeated the title: "明報社評, 2025-09-02: 灣區創科實力獲肯定 …", round 20's QA)."""
    pytest.importorskip("docx")
    import docx

    assert main(["drill", str(SEED), "-o", str(tmp_path), "--docx", "-q"]) == 0
    for name in (f"{SEED.stem}.drills.docx", f"{SEED.stem}.drills.key.docx"):
        texts = [p.text for p in docx.Document(str(tmp_path / name)).paragraphs if p.text]
        assert sum("灣區創科實力獲肯定" in t for t in texts) == 1, texts[:4]
        head = next(k for k, t in enumerate(texts) if "Vocabulary worksheet" in t)
        assert texts[head + 1] == "明報社評, 2025-09-02", texts[head : head + 2]


def test_word_files_number_their_pages(tmp_path: Path) -> None:
    """The Word study sheet and worksheet printed from LibreOffice (converted to PDF, read back):
    each page has its number and the count in its foot, "1 / 2", as the PDFs have (the Word
    files had none: a two-page handout's pages could not be told apart; round 20's QA)."""
    pytest.importorskip("docx")
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    assert main(["sheet", str(SEED), "-o", str(tmp_path), "--for", "english", "--docx", "-q"]) == 0
    assert main(["drill", str(SEED), "-o", str(tmp_path), "--docx", "-q"]) == 0
    files = [tmp_path / f"{SEED.stem}.docx", tmp_path / f"{SEED.stem}.drills.docx"]
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, files)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    for name in (f"{SEED.stem}.pdf", f"{SEED.stem}.drills.pdf"):
        pdf = tmp_path / "pdf" / name
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        pages = [p for p in text.split("\f") if p.strip()]
        assert len(pages) >= 2, name  # two pages at least: the numbers tell them apart
        for k, page in enumerate(pages, 1):
            foot = [ln.strip() for ln in page.splitlines() if ln.strip()][-1]
            assert re.fullmatch(rf"{k} ?/ ?{len(pages)}", foot), (name, k, foot)
