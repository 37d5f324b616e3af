"""A new article of round 11 through every command a teacher runs: a principal's speech-day
address in tests/fixtures/teacher/, written for these tests, in a layout the corpus did not have
(headlines instead of a title line, English and Chinese paragraphs interleaved, a numbered
"Vocabulary 詞彙" glossary with spaced dashes), and the defects that first look found, each
checked in what the teacher prints."""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import cli_json

SPEECH = Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-speech-day.txt"


@pytest.fixture(scope="module")
def doc() -> dict:
    return cli_json("annotate", str(SPEECH))


def test_the_layout_is_read_as_the_teacher_wrote_it(doc: dict) -> None:
    meta = doc["meta"]
    assert meta["title_en"] == "Speech Day Address: Reading Beyond the Classroom"
    assert meta["title_zh"] == "畢業典禮致辭：走出課室去閱讀"
    assert len(doc["en"]["paragraphs"]) == len(doc["zh"]["paragraphs"]) == 8
    pairs = [(b["en"], b["zh"]) for b in doc["alignment"]["paragraphs"]]
    assert pairs == [([k], [k]) for k in range(8)]
    terms = [(g["term"], g["pos"]) for g in doc["glossary"]]
    assert terms[:3] == [("honoured guest", None), ("alumni", "n."), ("mentor", "v.")]
    assert len(terms) == 8


def test_the_glossary_links_or_says_check(doc: dict) -> None:
    links = {g["term"]: g for g in doc["glossary"]}
    for term, zh in (("alumni", "校友"), ("curious", "好奇"), ("upstream", "逆水行舟")):
        assert links[term]["counterparts"][0]["text"] == zh and not links[term]["uncertain"]
    # "drift back" is 退 inside the idiom 不進則退: what duizhao finds is not printed as fact
    assert links["drift"]["uncertain"]
    for g in links.values():
        assert g["occurrences"]["en"] and g["occurrences"]["zh"], g["term"]


@pytest.mark.parametrize(
    ("word", "sense"),
    [
        ("人次", "visits"),
        ("中學文憑試", "Hong Kong Diploma of Secondary Education"),
        ("深水埗", "Sham Shui Po"),
        ("銅鑼灣", "Causeway Bay"),
        ("持之以恆", "to pursue unremittingly (idiom)"),
    ],
)
def test_the_word_a_learner_points_at(doc: dict, word: str, sense: str) -> None:
    tokens = [t for p in doc["zh"]["paragraphs"] for t in p["tokens"] if t["text"] == word]
    assert tokens, f"{word} is not a word of the article"
    assert (tokens[0]["gloss"] or "").startswith(sense)


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _widest_gap_after_punctuation(pdf: Path) -> tuple[float, float]:
    """The widest space between a Chinese comma or full stop and the character after it on one
    line of the Chinese column, and the width of a character, from the PDF's word boxes."""
    from sheet.pdf_text import words

    boxes = [w for w in words(pdf) if w[1] > 297 and not re.search("[a-z]", w[5])]
    boxes.sort(key=lambda w: (w[0], w[4], w[1]))
    lines: list[list[tuple[int, float, float, float, float, str]]] = []
    for w in boxes:  # a line: boxes of one page whose bottoms are within 2.5 pt
        if lines and lines[-1][-1][0] == w[0] and abs(lines[-1][-1][4] - w[4]) < 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    widest, char = 0.0, 0.0
    for line in lines:
        line.sort(key=lambda w: w[1])
        for a, b in pairwise(line):
            if len(a[5]) == 1 and _CJK.match(a[5]):
                char = max(char, a[3] - a[1])
            if a[5][-1] in "，、。：；！" and _CJK.search(b[5]):
                widest = max(widest, b[1] - a[3])
    return widest, char


@pytest.mark.parametrize("reading", ["pinyin", "jyutping"])
def test_pdf_chinese_lines_open_no_gap_after_a_comma(tmp_path: Path, reading: str) -> None:
    # each word with its readings is one unbreakable box, so a justified line could stretch only
    # at its punctuation: "各位嘉賓、        各位家長" (gaps of two characters and more)
    pytest.importorskip("typst")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    argv = ["sheet", str(SPEECH), "--pdf", "--reading", reading, "-q", "-o", str(tmp_path)]
    assert main(argv) == 0
    widest, char = _widest_gap_after_punctuation(tmp_path / f"{SPEECH.stem}.pdf")
    assert char > 8
    assert widest < char, (widest, char)


def test_the_review_sheet_never_prints_one_answer_in_another(tmp_path: Path) -> None:
    # alumni and mentor are due together and the article uses both in one sentence: the sheet
    # set that sentence twice, question 1 printing "mentor" and question 2 "alumni"
    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(SPEECH), "--db", db, "-q"]) == 0
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("term,rating\nmentor,3\nalumni,1\n", encoding="utf-8")
    assert main(["bank", "review", "--db", db, "--csv", str(ratings)]) == 0
    out = tmp_path / "due"
    assert main(["bank", "due", "--db", db, "--date", "2026-12-10", "-o", f"{out}/"]) == 0
    html = (out / "due-2026-12-10.html").read_text(encoding="utf-8")
    sheet = html[: html.index('<main class="paper key">')]
    items = re.findall(r"<li>(.*?)</li>", sheet, re.S)
    assert len(items) == 2
    for item in items:
        text = re.sub(r"<[^>]+>", "", item)
        assert "alumni" not in text and "mentor" not in text, text


def test_a_glossary_line_with_no_definition_words_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "6. drift (v.) ### ~~~" was read as the definition "### ~~~" and printed on every sheet
    text = SPEECH.read_text(encoding="utf-8")
    bad = tmp_path / "speech.txt"
    bad.write_text(re.sub(r"6\. drift \(v\.\) – .*", "6. drift (v.) ### ~~~", text), "utf-8")
    lineno = next(i for i, ln in enumerate(bad.read_text("utf-8").splitlines(), 1) if "###" in ln)
    assert main(["sheet", str(bad), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}:{lineno}: cannot read glossary line") and "\n" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_an_empty_chinese_section_names_its_heading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md = tmp_path / "speech.md"
    md.write_text(
        "---\ntitle_en: Speech Day\n---\n\n# English\n\nThank you.\n\n# 中文\n\n"
        "# Glossary\n\nmentor – to advise and help\n",
        encoding="utf-8",
    )
    assert main(["parse", str(md)]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err == f"error: {md}:9: no Chinese paragraphs found: the Chinese section under this "
        "heading is empty"
    )


def test_a_big5_copy_reads_as_the_utf8_one(tmp_path: Path) -> None:
    big5 = tmp_path / "speech.txt"
    big5.write_bytes(SPEECH.read_text(encoding="utf-8").encode("big5hkscs"))
    doc = cli_json("parse", str(big5))
    assert doc["meta"]["encoding"] == "big5hkscs"
    assert doc["zh"]["paragraphs"][1]["text"].startswith("本年度，學校圖書館錄得15萬人次使用")


def test_a_short_table_is_never_split_across_pages(tmp_path: Path) -> None:
    # the English class's two-page handout printed the two-row "Words to learn: English" table
    # with "bilingual" at the foot of page 1 and "seafood" alone on page 2
    pytest.importorskip("typst")
    from pypdf import PdfReader

    argv = ["sheet", str(SPEECH), "--for", "english", "--pdf", "--pages", "2", "-q"]
    assert main([*argv, "-o", str(tmp_path)]) == 0
    pages = [p.extract_text() or "" for p in PdfReader(tmp_path / f"{SPEECH.stem}.pdf").pages]
    assert len(pages) == 2
    where = {w: [k for k, t in enumerate(pages) if w in t] for w in ("bilingual 1 ", "seafood 1 ")}
    page = next(k for k, t in enumerate(pages) if "Words to learn: English" in t)
    assert where == {"bilingual 1 ": [page], "seafood 1 ": [page]}, where


def test_a_chinese_half_of_only_its_headline_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a teacher who pasted the English and only the Chinese headline got eight rows of "—" and no
    # word about it
    blocks = SPEECH.read_text(encoding="utf-8").split("\n\n")
    kept = [b for b in blocks if not _CJK.search(b) or b.startswith(("畢業典禮", "Vocabulary"))]
    article = tmp_path / "speech.txt"
    article.write_text("\n\n".join(kept), encoding="utf-8")
    assert main(["parse", str(article)]) == 0
    err = capsys.readouterr().err.strip()
    assert err == (
        f"warning: {article}:3: the only Chinese paragraph is a headline: is the Chinese text "
        "missing?"
    )


_GAPS = r"""el => {
  // the space between a flagged term's dashed outline and the text on either side, in px
  const para = el.closest('.para');
  const walk = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
  const before = [], after = [];
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (el.contains(n) || !n.textContent.trim()) continue;
    (el.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING ? before : after).push(n);
  }
  const charRect = (node, last) => {
    const t = node.textContent;
    let i = last ? t.length - 1 : 0;
    while (t[i].trim() === '') i += last ? -1 : 1;
    const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
    return r.getBoundingClientRect();
  };
  const box = el.getBoundingClientRect(), s = getComputedStyle(el);
  const out = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
  // a side with no space in the text (a comma right after the term) is not measured,
  const prev = before[before.length - 1], next = after[0];
  // nor a side where the line wraps
  const a = charRect(prev, true), b = charRect(next, false);
  const same = r => Math.abs(r.bottom - box.bottom) < box.height / 2;
  return [/\s$/.test(prev.textContent) && same(a) ? box.left - out - a.right : null,
          /^\s/.test(next.textContent) && same(b) ? b.left - (box.right + out) : null];
}"""


@pytest.mark.browser
def test_a_flagged_term_on_the_review_page_keeps_its_spaces(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the dashed "check" outline covered the spaces around a term: "you[drift]back" read as
    # "youdrift back", "to[mentor]our" as "tomentor our"
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    from conftest import review_page

    art = tmp_path / SPEECH.name
    shutil.copy(SPEECH, art)
    with review_page(browser, art, ".para.en mark.term.check") as (page, errors):
        marks = page.locator(".para.en mark.term.check")
        assert marks.count() >= 4
        for k in range(marks.count()):
            left, right = marks.nth(k).evaluate(_GAPS)
            assert (left is None or left >= 3) and (right is None or right >= 3), (
                marks.nth(k).inner_text(),
                left,
                right,
            )
        assert not errors


def test_a_readings_excerpt_keeps_the_quotation_closed(tmp_path: Path) -> None:
    # the readings exercise cut the grandmother's words at 。 and printed 「書是一扇永遠不會關上的窗。
    # with no closing 」
    argv = ["drill", str(SPEECH), "--for", "chinese", "--kinds", "readings", "--count", "8", "-q"]
    quoted = 0
    for seed in range(3):
        out = tmp_path / str(seed)
        assert main([*argv, "--seed", str(seed), "-o", str(out)]) == 0
        html = (out / f"{SPEECH.stem}.drills.html").read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", "", html)
        assert text.count("「") == text.count("」"), seed
        quoted += text.count("「書是")
    assert quoted  # the quotation was set
