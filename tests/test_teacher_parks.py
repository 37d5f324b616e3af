"""A new article of round 12 through every command a teacher runs: a magazine feature on hiking
in tests/fixtures/teacher/, written for these tests, in a layout the corpus did not have (the
Chinese first, headlines instead of a title line, the glossary a Markdown table with a Chinese
column, some of its cells empty, under the heading "詞彙表 Glossary"), and the defects that first
look found, each checked in what the teacher prints or is told."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import cli_json

PARKS = Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-country-parks.txt"
ROADSIDE = PARKS.with_name("2026-12-03-roadside-air.txt")


@pytest.fixture(scope="module")
def doc() -> dict:
    return cli_json("annotate", str(PARKS))


def _lineno(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, 1) if needle in ln)


def test_the_layout_is_read_as_the_teacher_wrote_it(doc: dict) -> None:
    # "詞彙表 Glossary" was not a glossary heading: the table became an English paragraph, the
    # heading a Chinese one, and no output had a glossary
    meta = doc["meta"]
    assert meta["title_zh"] == "麥理浩徑上的週末：行山熱潮背後"
    assert meta["title_en"] == "Weekends on the MacLehose Trail: Behind Hong Kong's Hiking Boom"
    assert len(doc["en"]["paragraphs"]) == len(doc["zh"]["paragraphs"]) == 8
    pairs = [(b["en"], b["zh"]) for b in doc["alignment"]["paragraphs"]]
    assert pairs == [([k], [k]) for k in range(8)]
    entries = {g["term"]: g for g in doc["glossary"]}
    assert list(entries) == [
        "retiree", "stage", "pandemic", "overnight", "litter", "underestimate", "hard-won",
        "heritage",
    ]  # fmt: skip
    # an empty 中文 cell is no cell: the definition started "| one of the parts …"
    assert entries["stage"]["definition"] == "one of the parts into which a long journey is divided"
    assert entries["stage"]["zh"] == [] and entries["stage"]["pos"] == "n."
    assert entries["retiree"]["zh"] == ["退休人士"] and entries["hard-won"]["zh"] == ["得來不易"]
    for g in entries.values():
        assert not g["definition"].startswith(("|", "｜")), g["term"]
    assert doc["warnings"] == []


def test_the_glossary_links_what_the_teacher_left_blank(doc: dict) -> None:
    links = {g["term"]: g for g in doc["glossary"]}
    for term, zh in (("stage", "段"), ("overnight", "一夜之間"), ("underestimate", "低估")):
        assert links[term]["counterparts"][0]["text"] == zh and not links[term]["uncertain"]
    for g in links.values():
        assert g["occurrences"]["en"] and g["occurrences"]["zh"], g["term"]


@pytest.mark.parametrize(
    ("heading", "warned"),
    [
        ("", False),
        ("Trail notes 行山筆記", True),
        ("Key words 重點詞彙", False),  # a glossary header (round 14)
        ("生字表", False),
        ("Glossary 词汇表", False),
    ],
)
def test_a_glossary_table_is_the_glossary_whatever_its_heading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], heading: str, warned: bool
) -> None:
    # a table whose header row names its columns starts the glossary; a short line above it that
    # is no known heading is taken as its caption, with a warning, not printed as a paragraph
    article = tmp_path / "parks.txt"
    text = PARKS.read_text(encoding="utf-8").replace("詞彙表 Glossary", heading)
    article.write_text(text, encoding="utf-8")
    assert main(["parse", str(article)]) == 0
    err = capsys.readouterr().err.strip()
    doc = cli_json("parse", str(article))
    assert len(doc["glossary"]) == 8
    assert len(doc["en"]["paragraphs"]) == len(doc["zh"]["paragraphs"]) == 8
    if warned:
        line = _lineno(article, heading)
        assert err == (
            f"warning: {article}:{line}: read {heading!r} as the heading of the glossary table "
            "below it"
        )
    else:
        assert err == ""


def test_a_table_cell_with_no_word_in_it_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "| litter (n.) | 垃圾 | ### |" gave the Chinese equivalents 垃圾 and ### and a warning that
    # "###" was not in the Chinese text
    text = PARKS.read_text(encoding="utf-8")
    bad = tmp_path / "parks.txt"
    bad.write_text(re.sub(r"\| litter \(n\.\) \| 垃圾 \|.*", "| litter (n.) | 垃圾 | ### |", text))
    line = _lineno(bad, "###")
    assert main(["sheet", str(bad), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}:{line}: cannot read glossary line") and "\n" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_big5_copy_reads_as_the_utf8_one(tmp_path: Path) -> None:
    big5 = tmp_path / "parks.txt"
    big5.write_bytes(PARKS.read_text(encoding="utf-8").encode("big5hkscs"))
    doc = cli_json("parse", str(big5))
    assert doc["meta"]["encoding"] == "big5hkscs"
    assert doc["zh"]["paragraphs"][1]["text"].endswith("約1,350萬人次到訪，比疫情前增加3.5%。")
    assert len(doc["glossary"]) == 8


def test_an_article_with_no_chinese_half_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PARKS.read_text(encoding="utf-8")
    article = tmp_path / "parks.txt"
    article.write_text(text[text.index("Weekends on") :], encoding="utf-8")
    assert main(["sheet", str(article), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {article}: no Chinese paragraphs found"


def test_a_readings_excerpt_never_cuts_a_number_at_its_comma(tmp_path: Path) -> None:
    # the readings exercise cut 約1,350萬人次到訪 at the comma of 1,350 and printed
    # "350萬人次到訪，比疫情前增加3.5%。": another number than the article's
    argv = ["drill", str(PARKS), "--for", "chinese", "--reading", "jyutping", "--seed", "3", "-q"]
    assert main([*argv, "-o", str(tmp_path)]) == 0
    html = (tmp_path / f"{PARKS.stem}.drills.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "1,350萬" in text  # the sentence is set
    assert not re.search(r"(?<![\d,])350萬", text)


def test_a_matching_of_chinese_words_does_not_call_them_meanings(tmp_path: Path) -> None:
    # "Match the English words with their Chinese equivalents … There are more meanings than
    # words: 3 are not used." (the options are Chinese words, not meanings)
    argv = ["drill", str(PARKS), "--for", "english", "--level", "hard", "--count", "6", "-q"]
    assert main([*argv, "--seed", "5", "-o", str(tmp_path)]) == 0
    html = (tmp_path / f"{PARKS.stem}.drills.html").read_text(encoding="utf-8")
    notes = re.findall(r'<p class="instr">(.*?)</p>', html, re.S)
    spare = [n for n in notes if "not used" in n]
    assert [n.split(". ", 1)[1] for n in spare] == [
        "2 of the 8 answers on the right are not used.",
        "3 of the 9 answers on the right are not used.",
    ]
    assert "Chinese word" in spare[1]


_CORRECTIONS = """\
# Ms Chan's corrections before printing
[readings]
"涌" = {pinyin = "chōng", jyutping = "cung1"}

[glosses]
"告訴" = "to tell"
"漁農自然護理署" = "Agriculture, Fisheries and Conservation Department"

[words]
"漁農自然護理署" = "漁農自然護理署"
"北潭涌" = "北潭涌"

[vocabulary]
hide = ["tonne"]
add = [{word = "rubbish", translation = "垃圾"}]
"""


def test_the_corrections_file_is_applied_and_the_sheet_made_again(tmp_path: Path) -> None:
    # the sheet showed 涌 as yǒng "to bubble up" (in Hong Kong place names it is chōng, a
    # stream), 告訴 as "to press charges", 護理署 as "to nurse + government department", and
    # "rubbish" with the Chinese 郊野 marked check
    pytest.importorskip("typst")
    from pypdf import PdfReader

    art = tmp_path / PARKS.name
    shutil.copy(PARKS, art)
    before = tmp_path / "before"
    assert main(["sheet", str(art), "--pdf", "-q", "-o", str(before)]) == 0
    art.with_suffix(".duizhao.toml").write_text(_CORRECTIONS, encoding="utf-8")
    after = tmp_path / "after"
    assert main(["sheet", str(art), "--pdf", "-q", "-o", str(after)]) == 0
    html = (after / f"{PARKS.stem}.html").read_text(encoding="utf-8")
    assert "chōng" in html and "yǒng" not in html
    assert "Agriculture, Fisheries and Conservation Department" in html
    pdf = "".join(p.extract_text() or "" for p in PdfReader(after / f"{PARKS.stem}.pdf").pages)
    old = "".join(p.extract_text() or "" for p in PdfReader(before / f"{PARKS.stem}.pdf").pages)
    assert re.search(r"rubbish\s+2\s+垃圾", pdf) and not re.search(r"rubbish\s+2\s+郊野", pdf)
    assert re.search(r"tonne\s+tonnes", old) and not re.search(r"tonne\s+tonnes", pdf)


def test_a_week_of_two_articles_through_build_and_the_bank(tmp_path: Path) -> None:
    week = tmp_path / "week"
    week.mkdir()
    for f in (PARKS, ROADSIDE):
        shutil.copy(f, week)
    assert main(["build", str(week), "-o", str(tmp_path / "site"), "-q"]) == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Weekends on the MacLehose Trail" in index and "路邊空氣改善" in index
    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(week / PARKS.name), str(week / ROADSIDE.name), "--db", db]) == 0
    ratings = tmp_path / "ratings.csv"
    ratings.write_text(
        "term,rating,date\nretiree,good,2026-12-03\nstage,easy,2026-12-03\nlinger,again,2026-12-03\n",
        encoding="utf-8",
    )
    assert main(["bank", "review", "--db", db, "--csv", str(ratings)]) == 0
    due = cli_json(
        "bank", "due", "--db", db, "--date", "2026-12-10", "--new", "0", "--format", "json"
    )
    assert {row["word"] for row in due} == {"retiree", "linger"}  # one from each article


def test_the_pdf_credits_never_break_a_web_address(tmp_path: Path) -> None:
    # the last line of the sheet printed "… (CC BY-SA 4.0, https://creativ" and, on the next line,
    # "ecommons.org/licenses/by-sa/4.0/)."
    pytest.importorskip("typst")
    from pypdf import PdfReader

    assert main(["sheet", str(PARKS), "--pdf", "-q", "-o", str(tmp_path)]) == 0
    pages = PdfReader(tmp_path / f"{PARKS.stem}.pdf").pages
    text = "".join(p.extract_text() or "" for p in pages)
    for url in ("https://cc-cedict.org/", "https://creativecommons.org/licenses/by-sa/4.0/"):
        assert url in text, url


def test_bank_due_heads_its_last_column_meaning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the column headed "zh" showed "epidemic situation" for the Chinese term 疫情 (疫情 is now the
    # glossary's counterpart of "pandemic", so no longer a vocabulary word: 熱潮 instead)
    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(PARKS), "--db", db, "-q"]) == 0
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("term,rating,date\n熱潮,again,2026-12-03\n", encoding="utf-8")
    assert main(["bank", "review", "--db", db, "--csv", str(ratings)]) == 0
    capsys.readouterr()
    assert main(["bank", "due", "--db", db, "--date", "2026-12-10", "--new", "0"]) == 0
    head, row = capsys.readouterr().out.splitlines()[:2]
    assert head.split() == ["term", "state", "due", "meaning"]
    assert row.split()[0] == "熱潮" and row.endswith("upsurge; popular cr…"), row
