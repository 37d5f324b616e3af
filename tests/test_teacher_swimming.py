"""A new article of round 14 through the commands a teacher runs: an English-first opinion piece
copied from a web page (tests/fixtures/teacher/, written for these tests), in a layout the corpus
did not have: a headline, a byline and a date line ("Thursday, 3 December 2026",
"2026年12月3日") above each language, paragraphs separated unevenly (two or three blank lines,
none), curly quotes, a pull-quote, and a "term (n.) – 中文 – definition" glossary with a phrasal
verb, two idioms, a term used in two forms (drowned, drowning) and one the article never uses
(breaststroke). Each defect the first look found is checked in what the teacher prints."""

from __future__ import annotations

import itertools
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import cli_json

SWIM = Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-swimming-lessons.txt"


@pytest.fixture(scope="module")
def doc() -> dict:
    return cli_json("annotate", str(SWIM), "-q")


def test_the_masthead_gives_title_and_date_and_the_byline_is_no_paragraph(doc: dict) -> None:
    meta = doc["meta"]
    assert meta["title_en"] == "Every child in Hong Kong should leave school able to swim"
    assert meta["title_zh"] == "每個香港孩子畢業前都應學會游泳"
    assert meta["date"] == "2026-12-03"
    en = [p["text"] for p in doc["en"]["paragraphs"]]
    zh = [p["text"] for p in doc["zh"]["paragraphs"]]
    assert len(en) == len(zh) == 9
    assert en[0].startswith("Hong Kong is a city") and zh[0].startswith("香港四面環海")
    assert not any("Karen Leung" in t or "梁嘉欣" in t or "December" in t for t in en + zh)
    pairs = [(b["en"], b["zh"]) for b in doc["alignment"]["paragraphs"]]
    assert pairs == [([k], [k]) for k in range(9)]


def test_the_byline_taken_out_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SWIM)]) == 0
    err = capsys.readouterr().err
    assert f"{SWIM}:2: read 'By Karen Leung, English Panel Head' as the byline" in err
    assert f"{SWIM}:26: read '文：梁嘉欣（英文科科主任）' as the byline" in err


def test_the_byline_is_kept_and_shown_under_the_title(
    doc: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docx import Document as Docx

    from sheet.pdf_text import pdftotext

    both = "By Karen Leung, English Panel Head / 文：梁嘉欣（英文科科主任）"
    assert doc["meta"]["author"] == both
    assert main(["parse", str(SWIM), "-q"]) == 0
    assert f"  author: {both}" in capsys.readouterr().out
    assert main(["sheet", str(SWIM), "-o", str(tmp_path), "--pdf", "--docx", "-q"]) == 0
    html = (tmp_path / f"{SWIM.stem}.html").read_text(encoding="utf-8")
    header = html.split('<header class="sheet-header">', 1)[1].split("</header>", 1)[0]
    assert header.index("title-zh") < header.index('class="byline"'), header
    assert '<span lang="en">By Karen Leung, English Panel Head</span>' in header
    assert '<span lang="zh-Hant">文：梁嘉欣（英文科科主任）</span>' in header
    text = pdftotext(tmp_path / f"{SWIM.stem}.pdf")
    assert text.index("每個香港孩子") < text.index("By Karen Leung") < text.index("Hong Kong is")
    paras = [p.text for p in Docx(str(tmp_path / f"{SWIM.stem}.docx")).paragraphs]
    assert "By Karen Leung, English Panel Head · 文：梁嘉欣（英文科科主任）" in paras


def test_a_markdown_articles_author(tmp_path: Path) -> None:
    article = tmp_path / "trams.md"
    article.write_text(
        "---\nauthor: 文：陳國強\n---\n\n# English\n\nTrams are slow.\n\n# 中文\n\n電車很慢。\n",
        encoding="utf-8",
    )
    assert cli_json("parse", str(article), "-q")["meta"]["author"] == "文：陳國強"
    # Simplified output converts the byline with the rest of the Chinese
    assert main(["sheet", str(article), "-o", str(tmp_path), "--script", "simplified", "-q"]) == 0
    html = (tmp_path / "trams.html").read_text(encoding="utf-8")
    assert '<p class="byline"><span lang="zh-Hans">文：陈国强</span></p>' in html


def test_the_chinese_between_spaced_dashes_is_the_teachers_equivalent(doc: dict) -> None:
    given = {g["term"]: g["zh"] for g in doc["glossary"]}
    assert given["drown"] == ["遇溺"] and given["take up"] == ["投入"]
    assert given["a drop in the ocean"] == ["九牛一毛"] and given["shortage"] == []
    defs = {g["term"]: g["definition"] for g in doc["glossary"]}
    assert defs["drown"] == "to die because you are under water and cannot breathe"
    assert not any(re.search(r"[\u4e00-\u9fff]", d) for d in defs.values())
    links = {g["term"]: g for g in doc["glossary"]}
    # a given equivalent is certain (it was shown as "check" when read as part of the definition)
    assert not links["take up"]["uncertain"] and not links["sink or swim"]["uncertain"]
    drown = [o["text"] for o in links["drown"]["occurrences"]["en"]]
    assert drown == ["drowned", "drowning"]


@pytest.mark.parametrize(
    ("masthead", "date"),
    [
        ("Thursday, 3 December 2026", "2026-12-03"),
        ("Published: Dec 3, 2026, 6:00am HKT", "2026-12-03"),
        ("2026-12-03", "2026-12-03"),
        ("2026年12月3日（星期四）", "2026-12-03"),
        ("By Karen Leung\nUpdated 4th December 2026", "2026-12-04"),
    ],
)
def test_a_date_line_without_a_title_line_gives_the_date(
    tmp_path: Path, masthead: str, date: str
) -> None:
    article = tmp_path / "pools.txt"
    article.write_text(
        f"{masthead}\n\nPools are full. Lifeguards are few.\n\nSchools could help.\n\n"
        "泳池爆滿，救生員不足。\n\n學校可以幫忙。\n",
        encoding="utf-8",
    )
    doc = cli_json("parse", str(article), "-q")
    assert doc["meta"]["date"] == date
    assert [p["text"] for p in doc["en"]["paragraphs"]][0] == "Pools are full. Lifeguards are few."
    assert len(doc["zh"]["paragraphs"]) == 2


def test_a_headline_then_a_date_line_each_a_paragraph(tmp_path: Path) -> None:
    article = tmp_path / "pools.txt"
    article.write_text(
        "Pools for every school\n\nDecember 3, 2026\n\nPools are full. Lifeguards are few.\n\n"
        "Schools could help.\n\n泳池爆滿，救生員不足。\n\n學校可以幫忙。\n",
        encoding="utf-8",
    )
    doc = cli_json("parse", str(article), "-q")
    assert doc["meta"]["title_en"] == "Pools for every school"
    assert doc["meta"]["date"] == "2026-12-03"
    assert len(doc["en"]["paragraphs"]) == 2


def test_a_paragraph_that_only_starts_like_a_byline_is_kept(tmp_path: Path) -> None:
    article = tmp_path / "pools.txt"
    article.write_text(
        "By the time the pools open\nthe summer is half over, and the places are gone.\n\n"
        "Schools could help.\n\n泳池開放時，暑假已過了一半。\n\n學校可以幫忙。\n",
        encoding="utf-8",
    )
    doc = cli_json("parse", str(article), "-q")
    assert doc["en"]["paragraphs"][0]["text"].startswith("By the time")
    assert doc["meta"]["date"] is None and doc["meta"]["title_en"] is None


def test_readings_excerpts_never_end_on_a_comma(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["drill", str(SWIM), "-o", str(out), "--kinds", "readings", "--count", "12",
                 "--seed", "1", "-q"]) == 0
    html = (out / f"{SWIM.stem}.drills.html").read_text(encoding="utf-8")
    block = html.split('<ol class="items readings">', 1)[1].split("</ol>", 1)[0]
    excerpts = [
        re.sub(r"<[^>]+>", "", m) for m in re.findall(r'<span class="zh"[^>]*>(.*?)</span><', block)
    ]
    assert len(excerpts) >= 8
    assert not [e for e in excerpts if e.endswith(("，", "；", "："))], excerpts
    # 家長午夜在網上排隊，報名…暑期游泳班， is printed as cut
    assert any(e.endswith("……") for e in excerpts)
    assert all(e.endswith(("。", "」", "……")) for e in excerpts), excerpts


def test_anki_cards_carry_the_readings_of_every_chinese_word(tmp_path: Path) -> None:
    apkg, tsv = tmp_path / "swim.apkg", tmp_path / "swim.tsv"
    assert main(["drill", str(SWIM), "-o", str(tmp_path / "out"), "--vocab", "--anki", str(apkg),
                 "--tsv", str(tsv), "--reading", "both", "-q"]) == 0
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        rows = [(r[0].split("\x1f"), r[1]) for r in conn.execute("SELECT flds, tags FROM notes")]
    notes = {f[0]: f for f, _ in rows}
    vocab = [f for f, tags in rows if " vocabulary " in f" {tags} "]
    assert vocab, "no vocabulary cards"
    for f in vocab:  # a suggested word's Chinese is in the text: its reading there
        assert f[3] and f[4] and f[5], f[:6]
        assert len(f[4].split()) == len(f[3]) == len(f[5].split()), f[:6]
    assert notes["canoe"][3:6] == ["獨木舟", "dú mù zhōu", "duk6 muk6 zau1"]
    # a teacher-given equivalent the article never uses is read as a word of its own
    assert notes["breaststroke"][3:6] == ["蛇泳", "shé yǒng", "se4 wing6"]
    assert notes["drown"][3:6] == ["遇溺", "yù nì", "jyu6 nik1"]
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert "take up\tto start doing an activity, a sport etc. (投入)" in lines
    assert "curriculum\tthe subjects that are taught at a school (check: 課程)" in lines


def test_the_bank_says_how_to_start_reviewing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(SWIM), "--db", db, "-q"]) == 0
    err = capsys.readouterr().out
    assert "(2026-12-03: 每個香港孩子畢業前都應學會游泳): now in the bank" in err
    assert main(["bank", "kwic", "drown", "--db", db]) == 0
    kwic = capsys.readouterr().out
    assert "[drowned]" in kwic and "[drowning]" in kwic and kwic.count("[遇溺]") == 2
    assert main(["bank", "due", "--db", db, "--date", "2026-12-04"]) == 0
    err = capsys.readouterr().err
    assert "nothing is due on 2026-12-04 for class (no term has been reviewed yet: --new N" in err
    sheet = tmp_path / "due.html"
    assert main(["bank", "due", "--db", db, "--date", "2026-12-04", "--new", "12",
                 "-o", str(sheet), "-q"]) == 0
    assert "Eleven people" in sheet.read_text(encoding="utf-8")


def test_the_due_sheet_leaves_no_question_alone_on_a_page(tmp_path: Path) -> None:
    from pypdf import PdfReader

    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(SWIM), "--db", db, "-q"]) == 0
    pdf = tmp_path / "due.pdf"
    assert main(["bank", "due", "--db", db, "--date", "2026-12-04", "--new", "12",
                 "-o", str(pdf), "-q"]) == 0
    pages = [p.extract_text() or "" for p in PdfReader(pdf).pages]
    sheet = [p for p in pages if "Answer key" not in p]
    for text in sheet:  # each page of questions holds none or at least two
        numbers = re.findall(r"^\s*(\d{1,2})\.", text, flags=re.M)
        assert len(numbers) != 1, (numbers, text[:200])
    assert "breaststroke" in " ".join(pages)


def test_the_chinese_title_clears_the_english_titles_descenders(tmp_path: Path) -> None:
    from sheet.pdf_text import words

    assert main(["sheet", str(SWIM), "-o", str(tmp_path), "--pdf", "-q"]) == 0
    boxes = [w for w in words(tmp_path / f"{SWIM.stem}.pdf") if w[0] == 0]
    hong = next(w for w in boxes if w[5] == "Hong")  # "g" descends: y1 is the box's bottom
    zh = next(w for w in boxes if w[5].startswith("每個"))
    # poppler's boxes run from the font's ascent to its descent; the CJK title's box began 1.6 pt
    # above the bottom of the English title's (its top touched the descenders of "Hong Kong")
    assert zh[2] - hong[4] >= 2.0, (hong, zh)


def test_a_cloze_blank_touches_a_quote_as_a_word_would(tmp_path: Path) -> None:
    from sheet.pdf_text import words

    assert main(["drill", str(SWIM), "-o", str(tmp_path), "--kinds", "cloze", "--count", "20",
                 "--pdf", "-q"]) == 0
    boxes = [w for w in words(tmp_path / f"{SWIM.stem}.drills.pdf") if w[0] == 0]
    # “(8)____” may be a fine saying: the blank's number starts where the quote ends (a 1 mm
    # margin parted them, and the closing quote and a full stop from the blank's line)
    gaps = [b[1] - a[3] for a, b in itertools.pairwise(boxes)
            if a[5] == "“" and b[5].startswith("(")]
    assert gaps and all(abs(g) < 0.5 for g in gaps), gaps
    # a blank after a word keeps the text's own space: "people (1)____"
    people = next(i for i, w in enumerate(boxes) if w[5] == "people")
    assert boxes[people + 1][5] == "(1)" and boxes[people + 1][1] - boxes[people][3] > 2.0


def test_vocabulary_headwords_are_dictionary_forms(doc: dict, tmp_path: Path) -> None:
    import duizhao

    words = {v["word"]: v["forms"] for v in doc["vocabulary"]["en"]}
    # "pools" (lemminflect also lists it as a noun of its own) and "eleven-year-olds" were
    # headwords; their dictionary forms are common words (Zipf ≥ 4), not suggested at all
    assert not {"pools", "eleven-year-olds", "pool", "eleven-year-old"} & set(words), words
    assert words["pupil"] == ["pupils"] and words["canoe"] == ["canoeing"]
    # …and suggested from a higher frequency up, they come as the dictionary gives them
    more = duizhao.suggest_vocabulary(duizhao.annotate(duizhao.read(SWIM)), en_max_zipf=5.0,
                                     en_limit=200)
    heads = {v.word: v.forms for v in more.vocabulary.en}
    assert heads.get("pool") == ("pool", "pools") and "pools" not in heads, heads
    article = tmp_path / "lodgings.txt"
    article.write_text(
        "Some bird-watchers rent rooms in the villages for the winter.\n\n"
        "Rents have risen sharply this year.\n\n一些觀鳥者在冬季租住村屋的房間。\n\n今年租金急升。\n",
        encoding="utf-8",
    )
    words = {v["word"]: v["forms"] for v in cli_json("annotate", str(article), "-q")
             ["vocabulary"]["en"]}
    assert words.get("bird-watcher") == ["bird-watchers"], words


def test_a_teachers_reading_reaches_the_card_of_a_word_the_text_never_uses(tmp_path: Path) -> None:
    article = tmp_path / SWIM.name
    article.write_bytes(SWIM.read_bytes())
    (tmp_path / f"{SWIM.stem}.duizhao.toml").write_text(
        '[readings]\n"蛇泳" = {pinyin = "shé yòng", jyutping = "se4 jung6"}\n', encoding="utf-8"
    )
    csv = tmp_path / "swim.csv"  # a wrong tone on purpose: the teacher's reading wins
    assert main(["drill", str(article), "-o", str(tmp_path / "out"), "--kinds", "match",
                 "--csv", str(csv), "--reading", "both", "-q"]) == 0
    row = next(r for r in csv.read_text(encoding="utf-8").splitlines() if "蛇泳" in r)
    assert "shé yòng" in row and "se4 jung6" in row, row


def test_the_sheets_glossary_reads_a_word_the_text_never_uses(tmp_path: Path) -> None:
    from sheet.pdf_text import pdftotext

    assert main(["sheet", str(SWIM), "-o", str(tmp_path), "--pdf", "--reading", "both", "-q"]) == 0
    html = (tmp_path / f"{SWIM.stem}.html").read_text(encoding="utf-8")
    row = html.split(">breaststroke<", 1)[1].split("</tr>", 1)[0]
    assert "蛇泳" in row and "shé yǒng" in row and "se4 wing6" in row, row
    text = pdftotext(tmp_path / f"{SWIM.stem}.pdf")
    assert "shé yǒng" in text.split("蛇泳", 1)[1][:80], text.split("蛇泳", 1)[1][:80]


def test_the_due_sheets_blank_touches_a_quote_too(tmp_path: Path) -> None:
    from sheet.pdf_text import words

    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(SWIM), "--db", db, "-q"]) == 0
    pdf = tmp_path / "due.pdf"
    assert main(["bank", "due", "--db", db, "--date", "2026-12-04", "--new", "12",
                 "-o", str(pdf), "-q"]) == 0
    boxes = words(pdf)
    # “____” may be a fine saying: the blank has no number here; the closing quote follows the
    # 30 mm line at once (a 1 mm margin each side parted them: 30 mm + 2 mm ≈ 90.7 pt)
    gaps = [b[1] - a[3] for a, b in itertools.pairwise(boxes)
            if a[5] == "“" and b[5].startswith("”") and a[0] == b[0]]
    assert gaps and all(g < 87.0 for g in gaps), gaps


def test_a_hyphenated_adjective_keeps_its_form(tmp_path: Path) -> None:
    article = tmp_path / "mpf.txt"
    article.write_text(
        "The long-awaited reform was finally passed.\n\nRents have risen sharply.\n\n"
        "期待已久的改革終於通過。\n\n租金急升。\n",
        encoding="utf-8",
    )
    words = [v["word"] for v in cli_json("annotate", str(article), "-q")["vocabulary"]["en"]]
    assert "long-awaited" in words and "long-await" not in words, words
