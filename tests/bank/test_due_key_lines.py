"""The term bank's review sheet PDF (``bank due --pdf``, WeasyPrint) breaks no sentence of its key
after its first word: round 17 fixed the Pango line-breaking bug (WeasyPrint issue #2576) in the
worksheets' keys; the due sheet's key had it too ("Figures" alone on a line, then "from the
Agriculture, … 13.5 million visits"). Read back with ``pdftotext -layout``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from duizhao.cli import main

# the country-parks fixture's sentence (tests/fixtures/teacher), its term a glossary entry
PARKS = """---
source: duizhao test
date: 2026-12-03
title_en: Country parks
title_zh: 郊野公園
---

# English

The MacLehose Trail is 100 kilometres long. Figures from the Agriculture, Fisheries and \
Conservation Department show that the country parks recorded about 13.5 million visits last \
year, 3.5% more than before the pandemic.

# 中文

麥理浩徑全長100公里。漁農自然護理署的數字顯示，郊野公園去年錄得約1,350萬人次到訪，較疫情前多3.5%。

# Glossary

visit (n.)【到訪】：an occasion when someone goes to a place
"""


@pytest.mark.pdf
def test_no_due_key_sentence_breaks_after_its_first_word(tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    article, db, pdf = tmp_path / "parks.md", tmp_path / "bank.db", tmp_path / "due.pdf"
    article.write_text(PARKS, encoding="utf-8")
    assert main(["bank", "add", str(article), "--db", str(db), "-q"]) == 0
    assert main(["bank", "due", "--db", str(db), "--new", "5", "-o", str(pdf), "--pdf", "-q"]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    key = [ln.strip() for ln in text.split("Answer key", 1)[1].splitlines() if ln.strip()]
    [head] = [k for k, ln in enumerate(key) if ln.startswith("1. visits")]
    first = key[head + 1]  # the sentence's first line, under the answer
    assert first.startswith("Figures from the Agriculture"), key[head : head + 3]
