"""The worksheet's answer key PDF (WeasyPrint) breaks no sentence after its first word (round 17's
QA: ``duizhao drill SEED --vocab --pdf`` printed "Beijing's" alone on a line before the answer
"(9) lags", a Pango line-breaking bug, WeasyPrint issue #2576). The plain text before the bold,
underlined answer is now a span of its own with its trailing space outside it; the answer stays
marked. Read back with ``pdftotext -layout``: every sentence's first line has more than one word."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from duizhao.cli import main

SEED = Path(__file__).resolve().parents[1] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


@pytest.mark.pdf
def test_no_key_sentence_breaks_after_its_first_word(tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert main(["drill", str(SEED), "-o", str(tmp_path), "--vocab", "--pdf", "-q"]) == 0
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert re.search(r'<b class="fill">\(\d+\) lags</b>', html)  # the answer is still marked
    text = subprocess.run(
        ["pdftotext", "-layout", str(next(tmp_path.glob("*.pdf"))), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    key = text.split("Answer key", 1)[1].split("Part 2", 1)[0]  # the cloze answers
    lines = [ln.strip() for ln in key.splitlines() if ln.strip()]
    heads = [k for k, ln in enumerate(lines) if re.match(r"\(\d+\) \w+", ln)]
    assert len(heads) >= 8 and any("lags" in lines[k] for k in heads)
    for k in heads:  # the line after an answer's head is its sentence's first line
        first = lines[k + 1]
        assert len(first.split()) > 1, (lines[k], first, lines[k + 2])
