"""What a teacher sees on the printed worksheets (round 20's QA), read back from the PDFs.

- Item numbers sit on their item's first line: WeasyPrint set an ordered list's own markers at
  the top of the item, about 4 pt above the baseline of a line with Chinese in it ("1." floated
  above 知識產權 in every readings exercise, answer key and review sheet). The numbers are now
  part of the first line.
- A worksheet's title is not broken inside the article's title: the HTML answer key of the seed
  (version A of two) printed "Answer key · Vocabulary worksheet: 灣" and "區創科實力獲肯定 …" under it, and
  WeasyPrint (which has no ``text-wrap: balance``) left "know" alone on the second line of
  "Vocabulary worksheet: Typhoon signals: what every pupil should know".
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "sheet"))
from pdf_text import words

from duizhao.cli import main

# written for this test: a school notice with a Chinese-and-English glossary
ARTICLE = """---
source: duizhao test
date: 2026-12-04
title_en: Typhoon signals: what every pupil should know
title_zh: 颱風信號：每個學生都應該知道的事
---

# English

When the Observatory hoists the No. 8 signal, schools close and most offices send their staff \
home. Many pupils cheer, but the signal is a warning, not a holiday.

During a storm, stay indoors and keep away from windows. Low-lying areas may flood when a storm \
surge arrives at high tide.

# 中文

天文台懸掛八號信號時，學校停課，大部分公司都會讓員工回家。不少學生為此歡呼，但信號是警告，並非假期。

風暴期間，應留在室內，並遠離窗戶。若風暴潮在漲潮時來臨，低窪地區可能水浸。

# Glossary

hoist (v.)【懸掛】：to raise a flag or signal
storm surge (n.)【風暴潮】：a rise of the sea caused by a storm
low-lying (adj.)【低窪】：close to the level of the sea
warning (n.)【警告】：something that tells people of a danger
"""

_NUMBER = re.compile(r"\d+\.")


def _need_poppler() -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")


def _numbers_on_their_lines(pdf: Path) -> int:
    """Check every item number against the word after it on its line; return how many."""
    ws = words(pdf)
    checked = 0
    for k, (page, _x0, y0, x1, y1, text) in enumerate(ws):
        if not _NUMBER.fullmatch(text) or k + 1 >= len(ws):
            continue
        p2, nx0, ny0, _, ny1, after = ws[k + 1]
        if p2 != page or not 0 <= nx0 - x1 < 12 or ny0 > y1 or ny1 < y0:
            continue  # not an item number followed by its item (a date, a figure)
        # the same baseline: a Chinese glyph's box reaches 1-2 pt lower than a Latin one's
        assert -0.5 < ny1 - y1 < 2.5, (page, text, y1, after, ny1)
        checked += 1
    return checked


@pytest.mark.pdf
def test_worksheet_and_key_numbers_sit_on_the_first_line(tmp_path: Path) -> None:
    _need_poppler()
    article = tmp_path / "signals.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    argv = ["drill", str(article), "-o", str(out), "--for", "chinese", "--pdf", "-q"]
    assert main(argv) == 0
    [pdf] = out.glob("*.pdf")
    assert _numbers_on_their_lines(pdf) >= 8  # the readings exercise, its key, the matching key


@pytest.mark.pdf
def test_review_sheet_numbers_sit_on_the_first_line(tmp_path: Path) -> None:
    _need_poppler()
    article, db, pdf = tmp_path / "signals.md", tmp_path / "bank.db", tmp_path / "due.pdf"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["bank", "add", str(article), "--db", str(db), "-q"]) == 0
    argv = ["bank", "due", "--db", str(db), "--for", "chinese", "--new", "6", "-o", str(pdf), "-q"]
    assert main(argv) == 0
    assert _numbers_on_their_lines(pdf) >= 6  # the sheet's words and the key's


@pytest.mark.pdf
def test_pdf_title_keeps_the_article_title_whole(tmp_path: Path) -> None:
    _need_poppler()
    article = tmp_path / "signals.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["drill", str(article), "-o", str(out), "--pdf", "-q"]) == 0
    [pdf] = out.glob("*.pdf")
    ws = words(pdf)
    for head in ("Vocabulary", "Answer"):  # the worksheet's title, then the key's
        start = next(k for k, w in enumerate(ws) if w[5] == head)
        end = next(k for k in range(start, len(ws)) if ws[k][5] == "know")
        lines: dict[float, list[str]] = {}
        for w in ws[start : end + 1]:
            lines.setdefault(round(w[4]), []).append(w[5])
        got = [" ".join(v) for _, v in sorted(lines.items())]
        # the prefix on a line, the article's title whole on the next: never "know" alone
        assert got[-1] == "Typhoon signals: what every pupil should know", got


@pytest.mark.browser
def test_html_key_title_keeps_the_chinese_title_whole(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    seed = (
        Path(__file__).resolve().parents[1] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
    )
    # two versions: the version's letter beside the title leaves it less room
    assert main(["drill", str(seed), "-o", str(tmp_path), "--versions", "2", "-q"]) == 0
    page_file = next(tmp_path.glob("*-A.html"))
    for width in (1000, 760):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(page_file.as_uri())
        for h1 in page.locator("h1").all():
            # the line tops of the Chinese title's characters: one line, whichever it is
            tops = h1.evaluate(
                """h => {
                  const t = h.textContent, at = t.indexOf("灣"), r = document.createRange();
                  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
                  const seen = new Set();
                  let n, pos = 0;
                  while ((n = walker.nextNode())) {
                    for (let i = 0; i < n.length; i++, pos++) {
                      if (pos < at || n.data[i] === " ") continue;
                      r.setStart(n, i); r.setEnd(n, i + 1);
                      seen.add(Math.round(r.getBoundingClientRect().top));
                    }
                  }
                  return [...seen];
                }"""
            )
            assert len(tops) == 1, (width, h1.inner_text(), tops)
        page.close()


@pytest.mark.browser
def test_readings_lines_are_long_enough_for_their_answers(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    """``drill --for chinese --reading both`` (round 20's QA): every answer line of "Write the
    pinyin and the Jyutping" was 42 mm, where "zhī shí chǎn quán / zi1 sik1 caan2 kyun4" takes
    about 80 mm at the sentence's size. In Chromium each line is at least as wide as its key's
    answer set in the sentence's type; in the Word file, its underscores as the answer's letters."""
    pytest.importorskip("docx")
    import docx

    from duizhao.output.docx import text_width

    seed = (
        Path(__file__).resolve().parents[1] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
    )
    argv = ["drill", str(seed), "-o", str(tmp_path), "--for", "chinese", "--reading", "both"]
    assert main([*argv, "--docx", "-q"]) == 0
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(next(tmp_path.glob("*.html")).as_uri())
    pairs = page.evaluate(
        """() => {
          const keys = [...document.querySelectorAll("ol.readings-key > li .rd")];
          return [...document.querySelectorAll("ol.readings > li")].map((li, k) => {
            const probe = document.createElement("span");
            probe.style.font = getComputedStyle(li.querySelector(".zh")).font;
            probe.style.whiteSpace = "nowrap";
            probe.textContent = keys[k].textContent;
            document.body.appendChild(probe);
            const need = probe.getBoundingClientRect().width;
            probe.remove();
            return [keys[k].textContent, li.querySelector(".write").getBoundingClientRect().width, need];
          });
        }"""
    )
    page.close()
    assert len(pairs) >= 8 and any(" / " in a for a, _, _ in pairs)  # pinyin / Jyutping answers
    for answer, width, need in pairs:
        assert width >= need, (answer, width, need)
    answers = {a for a, _, _ in pairs}
    sheet = next(p for p in tmp_path.glob("*.docx") if not p.name.endswith(".key.docx"))
    lines = [p.text for p in docx.Document(str(sheet)).paragraphs if "____" in p.text]
    readings = [t for t in lines if "……" in t or "。" in t]
    assert len(readings) >= len(answers) - 2
    longest = max(text_width(a) for a in answers)
    assert max(t.count("_") * 0.5 for t in readings) >= longest  # an underscore: half an em
