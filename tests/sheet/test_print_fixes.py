"""What a teacher sees on paper (round 15): an empty Chinese cell is a dash that the legend
explains, ``--grey`` PDFs hold no colour, the worksheet's cloze says when a word fills more than
one blank, its footer sits in the page's margin, the site index explains its columns, and the
Word tables have columns as wide as what they hold. Each is read back from the file written."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.errors import DuizhaoError

ROOT = Path(__file__).resolve().parents[2]
TRAMS = ROOT / "corpus" / "2025-10-06-hong-kong-trams.md"
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
LEGEND = "–: no Chinese counterpart found in the article"


def _pdf_tools(engine: str = "typst") -> None:
    from duizhao.output.pdf import check_pdf_support

    try:
        check_pdf_support(engine)
    except (ImportError, DuizhaoError) as e:
        pytest.skip(f"PDF output unavailable: {e}")
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is not installed")


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


@pytest.fixture(scope="module")
def xylophone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trams article with a glossary term the article never translates."""
    text = TRAMS.read_text(encoding="utf-8").rstrip("\n")
    text += "\nxylophone (n.): a musical instrument played with small hammers\n"
    path = tmp_path_factory.mktemp("print") / "trams.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_empty_chinese_cell_is_a_dash_the_legend_explains(
    xylophone: Path, tmp_path: Path
) -> None:
    _pdf_tools()
    assert main(["sheet", str(xylophone), "-o", str(tmp_path), "--pdf", "--docx", "-q"]) == 0
    html = (tmp_path / "trams.html").read_text(encoding="utf-8")
    assert LEGEND in html and '<span class="dash" lang="en">–</span>' in html
    text = " ".join(_text(tmp_path / "trams.pdf").split())
    assert LEGEND in text
    assert "xylophone n. a musical instrument played with small hammers –" in text
    from duizhao.output.docx import docx_text

    assert any(LEGEND in line for line in docx_text(tmp_path / "trams.docx"))
    # an article with a counterpart for every term has no dash and no such legend line
    assert main(["sheet", str(TRAMS), "-o", str(tmp_path / "plain"), "-q"]) == 0
    plain = (tmp_path / "plain" / "2025-10-06-hong-kong-trams.html").read_text(encoding="utf-8")
    assert LEGEND not in plain and 'class="dash"' not in plain


def _colours(pdf: Path, tmp_path: Path) -> int:
    """How many pixels of the PDF's pages are coloured (not grey)."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    coloured = 0
    for png in sorted(tmp_path.glob("p-*.png")):
        data = Image.open(png).convert("RGB").tobytes()
        for i in range(0, len(data), 3):
            px = data[i : i + 3]
            coloured += max(px) - min(px) > 24
    return coloured


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_grey_pdf_has_no_colour(engine: str, tmp_path: Path) -> None:
    _pdf_tools(engine)
    pytest.importorskip("PIL")
    argv = ["sheet", str(SEED), "--pdf", "--pdf-engine", engine, "-q"]
    assert main([*argv, "-o", str(tmp_path / "colour")]) == 0
    assert main([*argv, "-o", str(tmp_path / "grey"), "--grey"]) == 0
    name = SEED.with_suffix(".pdf").name
    assert _colours(tmp_path / "colour" / name, tmp_path / "colour") > 500  # the test can fail
    # on main the kicker, the column heads, Jyutping and the readings were still blue or brown
    # (68 coloured pixels at 30 dpi with Typst, 1,039 with WeasyPrint)
    assert _colours(tmp_path / "grey" / name, tmp_path / "grey") == 0


def test_the_worksheet_says_a_word_may_fill_more_than_one_blank(tmp_path: Path) -> None:
    _pdf_tools("weasyprint")
    assert main(["drill", str(SEED), "-o", str(tmp_path), "--seed", "1", "--pdf", "-q"]) == 0
    html = (tmp_path / (SEED.stem + ".drills.html")).read_text(encoding="utf-8")
    box = html.split('aria-label="word bank">')[1].split("</div>")[0]
    cloze = html.split('<ul class="items cloze">')[1].split("</ul>")[0]
    assert box.count("<span>") < cloze.count('class="blank')  # 2 words, 4 blanks here
    assert "A word in the box may fill more than one blank." in html
    pdf = tmp_path / (SEED.stem + ".drills.pdf")
    assert "may fill more than one blank" in " ".join(_text(pdf).split())
    # the footer is in the page's foot margin: on every page after the first, not in the text
    from pypdf import PdfReader

    pages = len(PdfReader(str(pdf)).pages)
    assert pages >= 3
    for page in range(2, pages + 1):
        lines = [ln.strip() for ln in _text(pdf, page).splitlines() if ln.strip()]
        assert lines[-1].endswith("seed 1"), (page, lines[-3:])


def test_the_site_index_explains_its_columns(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(TRAMS, folder)
    assert main(["build", str(folder), "-o", str(tmp_path / "site"), "--no-drills", "-q"]) == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<caption>Terms: the article's glossary terms" in index


def test_word_tables_have_columns_as_wide_as_what_they_hold(
    xylophone: Path, tmp_path: Path
) -> None:
    pytest.importorskip("docx")
    import docx

    assert main(["sheet", str(xylophone), "-o", str(tmp_path), "--docx", "-q"]) == 0
    assert main(["drill", str(SEED), "-o", str(tmp_path), "--docx", "-q", "--kinds", "match"]) == 0
    glossary = docx.Document(str(tmp_path / "trams.docx")).tables[1]
    widths = {c.cells[0].text: c.width.mm for c in glossary.columns}
    # on main every column was 36 mm: the "#" as wide as the definitions
    assert widths["#"] < 10 and widths["Definition"] > 60
    assert sum(widths.values()) == pytest.approx(180, abs=1)
    match = docx.Document(str(tmp_path / (SEED.stem + ".drills.docx"))).tables[-1]
    number, word, box, letter, answer = (c.width.mm for c in match.columns)
    assert number < 10 and letter < 10 and box < 20 and word > 40 and answer > 90


def test_poppler_reads_the_typst_sheet_without_a_warning(tmp_path: Path) -> None:
    """pdfinfo, pdftotext and pdftoppm (Poppler, as Debian 12 has it) read the sheet's PDF without
    a word on stderr: Typst's "/Suspects false" made each print "Syntax Error: Suspects object is
    wrong type (boolean)". The PDF stays tagged (its structure kept for screen readers)."""
    _pdf_tools()
    assert main(["sheet", str(TRAMS), "-o", str(tmp_path), "--pdf", "-q"]) == 0
    pdf = tmp_path / "2025-10-06-hong-kong-trams.pdf"
    runs = {
        "pdfinfo": ["pdfinfo", str(pdf)],
        "pdftotext": ["pdftotext", str(pdf), str(tmp_path / "out.txt")],
        "pdftoppm": [
            "pdftoppm",
            "-r",
            "20",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            str(pdf),
            str(tmp_path / "p"),
        ],
    }
    for name, argv in runs.items():
        done = subprocess.run(argv, capture_output=True, text=True, check=True)
        assert done.stderr == "", (name, done.stderr)
        if name == "pdfinfo":
            assert re.search(r"^Tagged:\s+yes$", done.stdout, re.M), done.stdout


@pytest.mark.pdf
def test_weasyprint_numbers_sit_on_the_characters_line_with_both_readings(tmp_path: Path) -> None:
    """``--pdf-engine weasyprint --reading both`` (round 20's QA): each row's paragraph number and
    each term's number stood at the foot of the line, beside the Jyutping under the characters;
    they are on the characters' line now, as in the Typst PDF. Read back with ``pdftotext
    -bbox``: every number in the Chinese column has its middle within a character's height."""
    _pdf_tools("weasyprint")
    assert main(["sheet", str(TRAMS), "-o", str(tmp_path), "--pdf", "--pdf-engine", "weasyprint",
                 "--reading", "both", "-q"]) == 0  # fmt: skip
    box = re.compile(
        r'<page |xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    )
    pages: list[list[tuple[float, float, float, float, str]]] = []
    bbox = subprocess.run(["pdftotext", "-bbox", str(next(tmp_path.glob("*.pdf"))), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    for m in box.finditer(bbox):
        if m.group(0) == "<page ":
            pages.append([])
        else:
            pages[-1].append((*(float(m.group(i)) for i in range(1, 5)), m.group(5)))  # type: ignore[arg-type]
    numbers = 0
    for words in pages:
        han = [w for w in words if re.fullmatch(r"[\u4e00-\u9fff]", w[4])]
        tables = min((w[1] for w in words if w[4] == "Definition"), default=790.0)
        for x0, y0, _x1, y1, text in words:
            if not text.isdigit() or x0 < 300 or y0 > tables:  # the Chinese column's text only
                continue
            middle = (y0 + y1) / 2
            beside = [h for h in han if h[0] - 40 < x0 < h[2] + 40 and h[1] <= middle <= h[3]]
            assert beside, (text, x0, y0, y1)
            numbers += 1
        if tables < 790:
            break  # the glossary and vocabulary tables follow
    assert numbers >= 6  # three rows' numbers and the terms' (感情 twice, 專用, 資助, 低碳)
