"""The bank's reports: the "due today" review sheet, made from the bank's own rows."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duizhao.bank import DueItem, TermBank, due_sheet, render_due, write_due
from duizhao.errors import DuizhaoError
from duizhao.model import Document

SENTENCE = "The second was the publication of the world's leading innovation clusters."
ITEMS = (
    DueItem(
        lang="en", word="cluster", display="cluster", due=None, state="new",
        definition="a group of things of the same type", zh="集群",
        sentence=SENTENCE, start=SENTENCE.index("clusters"), end=SENTENCE.index("clusters") + 8,
        other="第二是全球領先創新集群排名。", date="2025-09-02",
    ),
    DueItem(lang="en", word="metric", display="Metric", due="2025-09-05T00:00:00+00:00",
            state="review", definition="a set of numbers", zh="指標"),
    DueItem(lang="zh", word="集群", display="集群", due=None, state="new",
            zh="clan; to flock together", reading="jí qún",
            sentence="創新集群排名", start=2, end=4),
)


def test_due_sheet_holds_what_the_bank_knows() -> None:
    sheet = due_sheet(ITEMS, "2025-09-10")
    assert sheet.title == "Review — 2025-09-10"
    assert sheet.subtitle == "duizhao term bank, 2025-09-10: 3 terms due for review (class)"
    assert sheet.word_bank == ("cluster", "Metric", "集群")
    first, second, third = sheet.lines
    # the term blanked in its sentence, as the sentence writes it; the counterpart and definition
    assert (first.before + "____" + first.after) == SENTENCE.replace("clusters", "____")
    assert first.answer == "clusters" and first.term == "cluster"
    assert (first.counterpart, first.meaning) == ("集群", "a group of things of the same type")
    # no stored sentence: the term itself is the answer, its clues remain
    assert not second.has_sentence and second.answer == "Metric"
    # a Chinese word: blanked in its Chinese sentence, its English gloss is the clue
    assert (third.before, third.answer, third.after) == ("創新", "集群", "排名")
    assert third.counterpart is None and third.meaning == "clan; to flock together"
    assert due_sheet(ITEMS[:1], "2025-09-10", learner="amy").title == "Review — 2025-09-10 (amy)"
    with pytest.raises(DuizhaoError, match="nothing to review"):
        due_sheet((), "2025-09-10")


def test_render_due_sheet_and_key(tmp_path: Path) -> None:
    html = render_due(ITEMS, "2025-09-10")
    sheet, key = html.split('<main class="paper key">')
    assert "clusters" not in sheet and sheet.count('class="blank"') == 3
    assert "集群" in sheet and "a group of things of the same type" in sheet
    assert "Answer key · Review — 2025-09-10" in key
    assert '<b class="fill">clusters</b>' in key and "(listed as <i>cluster</i>)" in key
    assert "world&#39;s" in sheet  # article text is escaped
    out = write_due(ITEMS, "2025-09-10", tmp_path / "due.html")
    assert out.read_text(encoding="utf-8") == html
    assert render_due(ITEMS, "2025-09-10") == html  # the same day gives the same page


def test_due_sheet_from_a_bank(seed: Document, tmp_path: Path) -> None:
    with TermBank(tmp_path / "d.sqlite3") as bank:
        bank.add(seed)
        items = bank.due("2025-09-10", new=3)
    sheet = due_sheet(items, "2025-09-10")
    assert [ln.term for ln in sheet.lines] == [e.term for e in seed.glossary[:3]]
    for ln, it in zip(sheet.lines, items, strict=True):
        assert ln.before + ln.answer + ln.after == it.sentence
        assert ln.counterpart == it.zh and ln.meaning == it.definition


def test_bank_imports_no_sibling_output() -> None:
    code = (
        "import sys, duizhao.bank, duizhao.cli.bank\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[:2] in "
        "(['duizhao', 'drills'], ['duizhao', 'render'], ['duizhao', 'sheet']))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@given(st.text(max_size=40), st.text(max_size=40))
def test_due_sheet_escapes_any_input(definition: str, sentence: str) -> None:
    sentence = "xw" + sentence + "y"  # the answer is always "w", the term
    item = DueItem(lang="en", word="w", display="w", due=None, state="new",
                   definition=definition or None, zh="字", sentence=sentence, start=1, end=2)
    neutral = replace(item, definition="d" if definition else None,
                      sentence="xw" + "x" * (len(sentence) - 2))
    page, plain = render_due([item], "2025-09-10"), render_due([neutral], "2025-09-10")
    assert page.count("<") == plain.count("<")  # no markup comes from the bank's text
