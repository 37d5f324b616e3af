"""The Chinese vocabulary table shows the readings the sheet shows (round 17 QA): with
``duizhao sheet --for chinese --reading jyutping`` the words over the text had Jyutping but the
table below still had a Pinyin column. Now Jyutping only, both with ``both``, pinyin only with
``pinyin`` and no reading column with ``none``, in the HTML sheet, the PDF (Typst and WeasyPrint)
and the Word file, read back as a user sees them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from duizhao.cli import main

SEED = Path(__file__).resolve().parents[2] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
HEADS = {"pinyin": ["Pinyin"], "jyutping": ["Jyutping"], "both": ["Pinyin", "Jyutping"], "none": []}


def _html_table(html: str) -> tuple[list[str], list[list[str]]]:
    """The header cells and the rows' cells (text) of the Chinese vocabulary table."""
    sec = html.split('<section class="vocab vocab-zh">', 1)[1].split("</section>", 1)[0]

    def cells(row: str) -> list[str]:
        return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)]

    rows = re.findall(r"<tr>(.*?)</tr>", sec, re.S)
    return cells(rows[0]), [cells(r) for r in rows[1:]]


@pytest.mark.parametrize("reading", list(HEADS))
def test_html_vocabulary_table_has_the_sheets_readings(tmp_path: Path, reading: str) -> None:
    argv = ["sheet", str(SEED), "-o", str(tmp_path), "--for", "chinese", "--reading", reading, "-q"]
    assert main(argv) == 0
    head, rows = _html_table((tmp_path / f"{SEED.stem}.html").read_text(encoding="utf-8"))
    assert head == ["詞語", *HEADS[reading], "Meaning", "HSK", "Times"]
    assert len(rows) >= 5 and all(len(r) == len(head) for r in rows)
    for k, h in enumerate(HEADS[reading], start=1):  # each reading column holds that reading
        syl = r"[a-z]+[1-6]" if h == "Jyutping" else r"[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*"
        assert sum(bool(re.search(syl, r[k])) for r in rows) >= 0.8 * len(rows), (h, rows[:3])


def _pdf_lines(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    return [ln.strip() for ln in text.splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_pdf_vocabulary_table_jyutping_only(tmp_path: Path, engine: str) -> None:
    argv = ["sheet", str(SEED), "-o", str(tmp_path), "--for", "chinese", "--reading", "jyutping",
            "--pdf", "--pdf-engine", engine, "-q"]  # fmt: skip
    assert main(argv) == 0
    lines = _pdf_lines(tmp_path / f"{SEED.stem}.pdf")
    head = next(ln for ln in lines if ln.startswith("詞語") and "Meaning" in ln)
    assert head.split() == ["詞語", "Jyutping", "Meaning", "HSK", "Times"]


def test_docx_vocabulary_table_has_the_sheets_readings(tmp_path: Path) -> None:
    import docx

    for reading in ("jyutping", "both", "none"):
        out = tmp_path / reading
        argv = ["sheet", str(SEED), "-o", str(out), "--for", "chinese", "--reading", reading,
                "--docx", "-q"]  # fmt: skip
        assert main(argv) == 0
        d = docx.Document(str(out / f"{SEED.stem}.docx"))
        table = next(t for t in d.tables if t.rows[0].cells[0].text == "詞語")
        head = [c.text for c in table.rows[0].cells]
        assert head == ["詞語", *HEADS[reading], "Meaning", "HSK", "Times"]
        if reading == "jyutping":
            assert re.search(r"[a-z]+[1-6]", table.rows[1].cells[1].text)
