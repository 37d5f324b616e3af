"""What a teacher controls on a sheet, checked in the HTML and in the PDF's text: the audience
presets, sections on and off, which words get readings, font size, ``--pages``, the grey print
(rendered to PNG and looked at), uncertain counterparts marked "check", and the Word file.

Skips the PDF parts only when Typst or poppler-utils are missing; ``make test`` installs both.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "sheet"))
import sheet_docs

sys.path.insert(0, str(Path(__file__).parent))
from pdf_text import pdftotext as pdftext
from pdf_text import words as pdf_words

from duizhao.errors import DuizhaoError
from duizhao.model import GlossaryEntry, VocabItem, Vocabulary
from duizhao.sheet import (
    check_pdf_support,
    fit_pages,
    render_pdf,
    render_sheet,
    sheet_context,
    sheet_options,
)
from duizhao.sheet.paragraph import walk

ROOT = Path(__file__).resolve().parents[2]
SEED_FILE = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
LEAD = "聯合國世界知識產權組織"  # the Chinese lead the English leaves out
PINYIN = re.compile(r"\b(?:shēn|zhèn|jí|qún|zhī|shí)\b")


def _pdf_tools() -> None:
    try:
        check_pdf_support("typst")
    except (ImportError, DuizhaoError) as e:
        pytest.skip(f"PDF output unavailable: {e}")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def seed():
    return sheet_docs.annotated_seed()


# -- presets ------------------------------------------------------------------------------------


def test_english_preset(seed, tmp_path):
    opts = sheet_options("english")
    html = render_sheet(seed, options=opts)
    assert "<rt" not in html  # no readings
    assert "Words to learn: English" in html and "Words to learn: Chinese" not in html
    assert html.index('<th class="en"') < html.index('<th class="zh"')
    _pdf_tools()
    pdf = render_pdf(seed, tmp_path / "en.pdf", options=opts)
    text = pdftext(pdf)
    assert "Words to learn: English" in text and "Words to learn: Chinese" not in text
    assert not PINYIN.search(text)
    assert "On this occasion" in text


def test_chinese_preset(seed, tmp_path):
    opts = sheet_options("chinese")
    html = render_sheet(seed, options=opts)
    assert "<rt" in html
    assert "Words to learn: Chinese" in html and "Words to learn: English" not in html
    assert html.index('<th class="zh"') < html.index('<th class="en"')
    _pdf_tools()
    pdf = render_pdf(seed, tmp_path / "zh.pdf", options=opts)
    text = pdftext(pdf)
    assert "Words to learn: Chinese" in text and "Words to learn: English" not in text
    assert PINYIN.search(text)
    # the Chinese column is on the left: 今次 (paragraph 2) left of "occasion"
    words = pdf_words(pdf)
    zh = next(w for w in words if "今次" in w[5] or w[5].startswith("今"))
    en = next(w for w in words if w[5] == "occasion,")
    assert zh[0] == en[0] and zh[1] < en[1]


def _plain(html: str) -> str:
    """The text a reader sees, without the readings."""
    return re.sub(r"<[^>]+>", "", re.sub(r"<rt[^>]*>.*?</rt>", "", html))


def test_both_preset_has_everything(seed):
    html = _plain(render_sheet(seed, options=sheet_options("both")))
    for part in ("Glossary", "Words to learn: English", "Words to learn: Chinese", LEAD):
        assert part in html


# -- switches -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("without", "gone"),
    [
        ("glossary", "Definition"),
        ("vocab-en", "Words to learn: English"),
        ("vocab-zh", "Words to learn: Chinese"),
        ("zh-only", LEAD),
    ],
)
def test_sections_off(seed, tmp_path, without, gone):
    on = sheet_options("both", reading="none")  # the PDF's text then reads as it is written
    off = sheet_options("both", reading="none", sections=on.sections - {without})
    assert gone in _plain(render_sheet(seed, options=on))
    assert gone not in _plain(render_sheet(seed, options=off))
    _pdf_tools()
    assert gone in pdftext(render_pdf(seed, tmp_path / "on.pdf", options=on), "-raw")
    assert gone not in pdftext(render_pdf(seed, tmp_path / "off.pdf", options=off), "-raw")


def test_readings_for_a_level_and_for_new_words(seed, tmp_path):
    ctx = sheet_context(seed, options=sheet_options("chinese", readings_for="level", hsk_level=5))
    words = [n for r in ctx["rows"] for p in r["zh"] for n in walk(p["pieces"])]
    with_rd = [w for w in words if w["kind"] == "word" and w["chars"]]
    assert with_rd and all(w["hsk"] is None or w["hsk"] >= 5 for w in with_rd)
    assert any(w["kind"] == "word" and not w["chars"] and w["hsk"] < 5 for w in words)
    assert "HSK level 5 and above" in " ".join(ctx["legend"])

    opts = sheet_options("chinese", new_words={"集群"})
    assert opts.readings_for == "new"
    html = render_sheet(seed, options=opts)
    bases = re.findall(r"<ruby>(.)<rt", html)
    assert bases and set(bases) <= {"集", "群"}
    _pdf_tools()
    text = pdftext(render_pdf(seed, tmp_path / "new.pdf", options=opts))
    assert "jí" in text and "shēn" not in text


def test_font_size(seed, tmp_path):
    assert "font-size: 9.0pt" in render_sheet(seed, options=sheet_options(font_size=9))
    _pdf_tools()

    def height(size: float) -> float:
        path = render_pdf(seed, tmp_path / f"{size}.pdf", options=sheet_options(font_size=size))
        return next(w[4] - w[2] for w in pdf_words(path) if w[5] == "occasion,")

    assert height(13) > height(9) * 1.3


def test_bad_options_are_errors(seed):
    with pytest.raises(DuizhaoError, match="audience"):
        sheet_options("teachers")
    with pytest.raises(DuizhaoError, match="section"):
        sheet_options(sections="glossary,maps")
    with pytest.raises(DuizhaoError, match="font size"):
        sheet_options(font_size=40)


def test_paragraph_numbers_agree_across_columns(seed):
    html = render_sheet(seed)
    for row in re.findall(r'<tr class="row pair.*?</tr>', html, re.S):
        numbers = re.findall(r'<span class="pn" aria-hidden="true">(\d+)</span>', row)
        assert len(set(numbers)) == 1, numbers
    # the source paragraph numbers are there on hover
    assert 'title="English ¶1, Chinese ¶2"' in html


# -- --pages ------------------------------------------------------------------------------------


def test_pages_2_on_the_seed(annotated_seed, tmp_path, capsys):
    _pdf_tools()
    from duizhao.cli import main

    assert main(["sheet", str(SEED_FILE), "-o", str(tmp_path), "--pdf", "--pages", "2"]) == 0
    pdf = tmp_path / f"{SEED_FILE.stem}.pdf"
    assert _pages(pdf) <= 2
    err = capsys.readouterr().err
    assert "note:" in err and "to fit 2 pages" in err  # says what it left out
    # and the HTML leaves out the same
    fitted = fit_pages(annotated_seed, 2)
    html = (tmp_path / f"{SEED_FILE.stem}.html").read_text(encoding="utf-8")
    for what, marker in (
        ("the English vocabulary table", "Words to learn: English"),
        ("the Chinese vocabulary table", "Words to learn: Chinese"),
        ("the glossary table", "<h2>Glossary"),
    ):
        assert (marker in html) == (what not in fitted.dropped)
    # without --pages the same sheet is longer
    assert fit_pages(annotated_seed, 99).pages > 2


def test_pages_1_says_when_it_cannot(seed):
    _pdf_tools()
    long = dataclasses.replace(seed, en=seed.en * 6, zh=seed.zh * 6, alignment=None, links=())
    fitted = fit_pages(long, 1)
    assert not fitted.fits and "does not fit 1 page" in (fitted.note(1) or "")



def test_pages_2_with_the_weasyprint_engine(tmp_path, capsys):
    """`--pages 2 --pdf-engine weasyprint`: the pages were counted in Typst's PDF only, and the
    English handout came out of WeasyPrint on 3 pages without a word. Now the PDF written has 2
    pages and the note says what was left out for it."""
    _pdf_tools()
    try:
        check_pdf_support("weasyprint")
    except (ImportError, DuizhaoError) as e:
        pytest.skip(f"WeasyPrint unavailable: {e}")
    from duizhao.cli import main

    argv = ["sheet", str(SEED_FILE), "-o", str(tmp_path), "--for", "english", "--pdf",
            "--pdf-engine", "weasyprint", "--pages", "2"]
    assert main(argv) == 0
    assert _pages(tmp_path / f"{SEED_FILE.stem}.pdf") == 2
    err = capsys.readouterr().err
    assert "to fit 2 pages: the English vocabulary table" in err
    html = (tmp_path / f"{SEED_FILE.stem}.html").read_text(encoding="utf-8")
    assert "Words to learn: English" not in html  # the HTML leaves out the same

# -- grey print ---------------------------------------------------------------------------------


def _grey_png(pdf: Path, out: Path) -> tuple[list[list[int]], float]:
    from PIL import Image

    subprocess.run(["pdftoppm", "-gray", "-r", "110", "-f", "1", "-l", "1", "-png", str(pdf),
                    str(out)], check=True)
    img = Image.open(next(out.parent.glob(out.name + "*.png"))).convert("L")
    px = img.load()
    return [[px[x, y] for x in range(img.width)] for y in range(img.height)], 110 / 72


@pytest.mark.parametrize("grey", [False, True])
def test_highlights_survive_greyscale(seed, tmp_path, grey):
    """In a greyscale rendering, a highlighted term has shading behind it and a line under it
    that a plain word does not have."""
    _pdf_tools()
    pytest.importorskip("PIL")
    opts = sheet_options("english", grey=grey)
    pdf = render_pdf(seed, tmp_path / "g.pdf", options=opts)
    rows, k = _grey_png(pdf, tmp_path / "g")
    words = [w for w in pdf_words(pdf) if w[0] == 0]
    marked = next(w for w in words if w[5].startswith("clusters"))
    plain = next(w for w in words if w[5] == "occasion,")

    def look(w):
        x0, y0, x1, y1 = (round(v * k) for v in w[1:5])
        box = [rows[y][x] for y in range(y0, y1) for x in range(x0, x1)]
        background = sorted(box)[len(box) * 3 // 4]  # most pixels of a box are background
        # an underline: a row, low in the box or just below it, dark across the word
        xs = range(x0 + 1, x1 - 1)
        lines = [
            y for y in range((y0 + y1) // 2, y1 + 6)
            if sum(rows[y][x] < 170 for x in xs) >= 0.85 * len(xs)
        ]
        return background, bool(lines)

    bg_marked, line_marked = look(marked)
    bg_plain, line_plain = look(plain)
    assert bg_plain > 245  # white paper
    assert line_marked and not line_plain  # an underline only under the term
    if grey:
        assert bg_marked < 230  # grey shading in the black-and-white mode


def test_grey_mode_in_html(seed):
    html = render_sheet(seed, options=sheet_options(grey=True))
    assert 'class="sheet reading-pinyin first-en grey"' in html
    assert "Glossary terms are shaded, underlined and numbered" in html


# -- uncertain counterparts ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def flagged(seed):
    """The seed with 指標 (metric) below the threshold, no counterpart for preferential, and an
    uncertain Chinese for the English word "underscore"."""
    links = list(seed.links)
    links[1] = dataclasses.replace(links[1], uncertain=True, confidence=0.3)
    glossary = list(seed.glossary)
    glossary[2] = dataclasses.replace(glossary[2], no_counterpart=True)
    v = seed.vocabulary
    en = (dataclasses.replace(v.en[0], uncertain=True), *v.en[1:])
    return dataclasses.replace(
        seed, links=tuple(links), glossary=tuple(glossary), vocabulary=Vocabulary(en, v.zh)
    )


def test_uncertain_counterpart_is_marked_check_in_html(flagged):
    html = render_sheet(flagged)
    assert re.search(r'<mark class="term k1 check"[^>]*>.*?指.*?<sup class="tn">2\?</sup>', html)
    assert "Check: a dotted underline" in html
    assert '<td lang="zh-Hant" class="zh-cell check">指標<span class="chk" lang="en">? check' in html
    # the English occurrences of the term are certain: no check there
    assert not re.search(r'<mark class="term k1 check"[^>]*>metric', html)
    # no counterpart: no Chinese highlight of term 3, "none" in the table
    assert 'data-t="3"' in html.split('<td class="zh">')[0] or True
    zh_cells = "".join(re.findall(r'<td class="zh">(.*?)</td>', html, re.S))
    assert 'data-t="3"' not in zh_cells
    assert "none in this article" in html
    # vocabulary: the uncertain Chinese of "underscore" is marked
    assert re.search(r"突顯<span class=\"chk\" lang=\"en\">\? check", html)


def test_uncertain_counterpart_is_marked_check_in_pdf(flagged, tmp_path):
    _pdf_tools()
    text = pdftext(render_pdf(flagged, tmp_path / "f.pdf"), "-raw")
    assert "2?" in text
    assert "Check: a dotted underline" in text
    assert re.search(r"指標\s*\? check", text)
    assert re.search(r"突顯\s*\? check", text)
    assert "none in this article" in text


def test_no_counterpart_shows_no_chinese(seed):
    glossary = (*seed.glossary[:2], dataclasses.replace(seed.glossary[2], zh=("特惠",),
                                                          no_counterpart=True))
    ctx = sheet_context(dataclasses.replace(seed, glossary=glossary))
    row = ctx["glossary"][2]
    assert row["zh"] == "" and row["no_counterpart"]


# -- Word ---------------------------------------------------------------------------------------


def _bare(text: str) -> str:
    """Text without spaces, digits (term and paragraph numbers, with the word joiner that ties a
    term's number to it), "?", hyphens and soft hyphens."""
    return re.sub(r"[\s\d?\u00ad\u2060\-‐]+", "", text)


def test_docx_holds_every_paragraph_and_term(seed, tmp_path):
    pytest.importorskip("docx")
    import docx
    from docx.oxml.ns import qn

    from duizhao.output.docx import docx_text
    from duizhao.sheet.docx import sheet_docx

    path = sheet_docx(seed, tmp_path / "seed.docx", options=sheet_options("both"))
    text = _bare("\n".join(docx_text(path)))
    for para in seed.en + seed.zh:  # every paragraph, whole (term numbers aside)
        assert _bare(para.text) in text, para.text[:30]
    for e in seed.glossary:
        assert e.term in text
    d = docx.Document(str(path))
    assert len(d.tables) >= 4  # the parallel text, the glossary, two vocabulary tables
    body = d.element.xml
    # every syllable in a phonetic guide, in order (a highlighted term's in one guide)
    rt = [
        "".join(t.text or "" for t in r.iter(qn("w:t")))
        for r in d.element.body.iter(qn("w:rt"))
    ]
    assert " ".join(rt).split() == [py for p in seed.zh for t in p.tokens for py in t.pinyin if py]
    assert 'w:fill="FDE68A"' in body and "<w:u " in body  # shading and underline
    assert "<w:tblHeader" in body  # the header row repeats on every page


def test_docx_converts_with_libreoffice(seed, tmp_path):
    pytest.importorskip("docx")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    from duizhao.sheet.docx import sheet_docx

    path = sheet_docx(seed, tmp_path / "seed.docx", options=sheet_options(reading="none"))
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    text = _bare(pdftext(tmp_path / "seed.pdf", "-raw"))
    for para in seed.en + seed.zh:
        assert _bare(para.text)[:60] in text
    assert "集群" in text and "Glossary" in text


def test_word_terms_and_numbers_stay_whole_in_libreoffice(tmp_path):
    """`duizhao sheet --for english --docx`, opened in LibreOffice (converted to PDF): a Chinese
    line broke between "指標" and its number, and "2?" began the next line; and inside a term,
    "集" ending a line and "群" beginning the next (LibreOffice ignores a word joiner in Chinese
    text). No glossary term's number starts a line of the Chinese column, no highlighted Chinese
    term is split over two lines."""
    pytest.importorskip("docx")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    from duizhao.cli import main

    assert main(["sheet", str(SEED_FILE), "-o", str(tmp_path), "--for", "english", "--docx",
                 "-q"]) == 0  # fmt: skip
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(tmp_path / f"{SEED_FILE.stem}.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    words = pdf_words(tmp_path / f"{SEED_FILE.stem}.pdf")
    numbers = 0
    for page in {w[0] for w in words}:
        ws = [w for w in words if w[0] == page]
        mid = (min(w[1] for w in ws) + max(w[3] for w in ws)) / 2
        zh = [w for w in ws if w[1] > mid]  # the Chinese column
        han = [w for w in zh if re.search(r"[\u4e00-\u9fff]", w[5])]
        for n in zh:  # a term's number: digits raised well above its line's text (superscript)
            line = [w for w in han if w[2] < n[4] and w[4] > n[2]]
            if not re.fullmatch(r"\d+\??", n[5]) or not line or n[4] > min(w[4] for w in line) - 3.5:
                continue
            numbers += 1
            before = [w for w in zh if w is not n and w[3] <= n[1] + 0.5 and w[2] < n[4] and w[4] > n[2]]
            assert before, f"page {page + 1}: the term number {n[5]} starts a line"
            # the text just before the number, on its line, is the whole term
            text, left = "", n[1]
            for w in sorted(before, key=lambda w: -w[3]):
                if left - w[3] > 2:
                    break
                text, left = w[5] + text, w[1]
            assert text.endswith(("集群", "指標", "特惠")), f"page {page + 1}: {text} {n[5]}"
    assert numbers >= 8  # the seed's Chinese column numbers 8 terms

def test_cli_sheet_writes_word_and_reads_bank_free_new_words(tmp_path, seed):
    pytest.importorskip("docx")
    from duizhao.cli import main

    words = tmp_path / "new.txt"
    words.write_text("集群\n", encoding="utf-8")
    src = tmp_path / "seed.json"
    import json

    src.write_text(json.dumps(seed.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    code = main(["sheet", str(src), "-o", str(out), "--docx", "--for", "chinese",
                 "--readings-for", "new", "--new-words", str(words), "-q"])
    assert code == 0
    html = (out / "seed.html").read_text(encoding="utf-8")
    assert set(re.findall(r"<ruby>(.)<rt", html)) <= {"集", "群"}
    assert (out / "seed.docx").exists()


def test_cli_english_sheet_has_no_empty_readings_column(tmp_path, seed):
    """``--for english`` prints no readings: the glossary table of the HTML, the PDF and the Word
    file had a "Readings" column empty in every row (and the Word file an empty "Part of speech"
    column when the glossary gives none); with readings, the column is there."""
    pytest.importorskip("docx")
    import docx

    from duizhao.cli import main

    def glossary_head(out: Path) -> tuple[str, list[str]]:
        html = (out / SEED_FILE.with_suffix(".html").name).read_text(encoding="utf-8")
        section = html[html.index('<section class="glossary">'):]
        section = section[: section.index("</section>")]
        word = docx.Document(str(out / SEED_FILE.with_suffix(".docx").name))
        table = next(t for t in word.tables if t.rows[0].cells[1].text == "Term")
        return section, [c.text for c in table.rows[0].cells]

    english = tmp_path / "en"
    assert main(["sheet", str(SEED_FILE), "-o", str(english), "--for", "english", "--docx",
                 "-q"]) == 0  # fmt: skip
    section, head = glossary_head(english)
    assert "Readings" not in section and 'class="rd-cell"' not in section
    assert head == ["#", "Term", "Definition", "中文"]
    both = tmp_path / "both"
    assert main(["sheet", str(SEED_FILE), "-o", str(both), "--docx", "-q"]) == 0
    section, head = glossary_head(both)
    assert "<th>Readings</th>" in section and "jí qún" in section
    assert head == ["#", "Term", "Definition", "中文", "Readings"]
    _pdf_tools()
    for out, want in ((english, False), (both, True)):
        assert main(["sheet", str(SEED_FILE), "-o", str(out), "--pdf", "-q",
                     *(["--for", "english"] if not want else [])]) == 0  # fmt: skip
        text = pdftext(out / SEED_FILE.with_suffix(".pdf").name)
        glossary = text[text.index("Glossary 生字"):]
        assert ("Readings" in glossary) is want


def test_glossary_entry_round_trip_keeps_no_counterpart():
    e = GlossaryEntry("preferential", "giving an advantage", no_counterpart=True)
    assert GlossaryEntry.from_dict(e.to_dict()) == e
    assert VocabItem.from_dict(VocabItem("en", "x", uncertain=True).to_dict(), "en").uncertain


def test_frequency_is_explained_in_print(seed, tmp_path):
    html = render_sheet(seed)
    assert "Zipf scale from 1 (rare) to 7 (very common)" in html
    _pdf_tools()
    text = pdftext(render_pdf(seed, tmp_path / "z.pdf"), "-raw")
    assert "Zipf scale from 1 (rare)" in text


def test_no_line_starts_with_a_hyphen():
    from duizhao.model import Paragraph, Sentence
    from duizhao.sheet.paragraph import paragraph_view

    text = "深圳-香港-廣州集群。"  # "Shenzhen–Hong Kong–Guangzhou cluster."
    para = Paragraph("zh", text, (Sentence(0, len(text)),), sheet_docs.tokenise(text))
    view = paragraph_view(para, lang="zh", index=0, first_sentence=0, sentence_bead={},
                          marks=[], reading="pinyin", text=text, html_lang="zh-Hant")
    nodes = list(walk(view["pieces"]))
    # every hyphen is glued to the word before it, so a line never starts with one
    for glue in (n for n in nodes if n["kind"] == "glue"):
        assert glue["children"][0]["text"] != "-"
    loose = [n for n in nodes if n["kind"] == "text" and n["text"] == "-"]
    assert all(any(n is c for g in nodes if g["kind"] == "glue" for c in g["children"])
               for n in loose)


def test_weasyprint_engine_prints_the_html_templates(seed, tmp_path):
    """--pdf-engine weasyprint: the HTML print form, for a user's own HTML templates."""
    try:
        check_pdf_support("weasyprint")
    except (ImportError, DuizhaoError) as e:
        pytest.skip(f"WeasyPrint unavailable: {e}")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "sheet.html.j2").write_text(
        '{% extends "default/sheet.html.j2" %}{% block footer %}<p>Form 4B handout</p>'
        "{% endblock %}",
        encoding="utf-8",
    )
    pdf = render_pdf(seed, tmp_path / "w.pdf", reading="none", templates=folder,
                     engine="weasyprint")
    text = pdftext(pdf, "-raw")
    assert "Form 4B handout" in text and "On this occasion" in text
    with pytest.raises(DuizhaoError, match="engine"):
        render_pdf(seed, tmp_path / "x.pdf", engine="latex")


@pytest.mark.parametrize("command", ["sheet", "build"])
def test_cli_pages_0_is_an_error(tmp_path, capsys, command):
    """``--pages 0`` was taken as no --pages at all: the sheet was written unfitted, silently."""
    from duizhao.cli import main

    # two articles for sheet: the error is said once, not once an article
    sources = [str(SEED_FILE)] * 2 if command == "sheet" else [str(SEED_FILE.parent)]
    assert main([command, *sources, "-o", str(tmp_path / "o"), "--pages", "0"]) == 2
    err = capsys.readouterr().err
    assert err == (  # a usage error, said when the command line is read
        f"error: duizhao {command}: argument --pages: must be 1 or more, not 0 "
        f"(see duizhao {command} --help)\n"
    )
    assert not (tmp_path / "o").exists()


def test_cli_simplified_sheet_headings_are_simplified(tmp_path):
    """With --script simplified the text was simplified but the Chinese vocabulary table kept
    its traditional headings 生詞 and 詞語 (HTML, PDF and Word), and the source line above the
    title its 明報社評."""
    pytest.importorskip("docx")
    import docx

    from duizhao.cli import main

    for script, want, not_want in (("simplified", ("生词", "词语", "明报社评"), ("生詞", "詞語", "明報社評")),
                                   ("traditional", ("生詞", "詞語", "明報社評"), ("生词", "词语", "明报社评"))):
        out = tmp_path / script
        assert main(["sheet", str(SEED_FILE), "-o", str(out), "--script", script, "--docx",
                     "--for", "chinese", "-q"]) == 0  # fmt: skip
        html = (out / SEED_FILE.with_suffix(".html").name).read_text(encoding="utf-8")
        word = docx.Document(str(out / SEED_FILE.with_suffix(".docx").name))
        texts = [p.text for p in word.paragraphs] + [c.text for t in word.tables
                                                     for c in t.rows[0].cells]  # fmt: skip
        for w in want:
            assert w in html and any(w in t for t in texts), (script, w)
        for w in not_want:
            assert w not in html and not any(w in t for t in texts), (script, w)
    _pdf_tools()
    out = tmp_path / "simplified"
    assert main(["sheet", str(SEED_FILE), "-o", str(out), "--script", "simplified", "--pdf",
                 "--for", "chinese", "-q"]) == 0  # fmt: skip
    text = pdftext(out / SEED_FILE.with_suffix(".pdf").name)
    assert "生词" in text and "词语" in text and "生詞" not in text and "詞語" not in text
    assert "明报社评" in text and "明報社評" not in text  # the source line too
