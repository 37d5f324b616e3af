"""The A4 PDF study sheet: WeasyPrint output read back with poppler's pdftotext and pypdf.

Skips only when WeasyPrint (the ``pdf`` extra), its libraries, a CJK font or poppler-utils are
missing; ``make test`` installs them all.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest

pytestmark = pytest.mark.pdf

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "sheet"))
import sheet_docs  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from pdf_text import pdftotext  # noqa: E402
from pdf_text import words as pdf_words  # noqa: E402

from duizhao.errors import DuizhaoError  # noqa: E402
from duizhao.sheet import check_pdf_support, render_pdf  # noqa: E402

A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module", autouse=True)
def _needs_pdf_tools():
    try:
        check_pdf_support()
    except (ImportError, DuizhaoError) as e:
        pytest.skip(f"PDF output unavailable: {e}")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")


@pytest.fixture(scope="module")
def pinyin_pdf(seed, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    render_pdf(seed, out, reading="pinyin")
    return out, None


def _norm(text: str) -> str:
    """Compare text regardless of line breaks, spacing, ligatures, hyphens and printed numbers."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\d\-‐–\u00ad]+", "", text)


def test_a4_pages(pinyin_pdf):
    from pypdf import PdfReader

    path, _ = pinyin_pdf
    reader = PdfReader(str(path))
    assert 2 <= len(reader.pages) <= 6
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1
    # page numbers in the margin: "1 / N" on the first page, "N / N" on the last
    n = len(reader.pages)
    assert f"1 / {n}" in reader.pages[0].extract_text()
    assert f"{n} / {n}" in reader.pages[-1].extract_text()


def test_text_layer_has_chinese_english_and_pinyin(seed, pinyin_pdf):
    path, _ = pinyin_pdf
    text = pdftotext(path, "-raw")
    assert _norm("WIPO hosted two events in Hong Kong") in _norm(text)
    assert "灣區創科實力獲肯定" in text
    assert "shēn" in text and "zhèn" in text  # 深圳
    assert "CC-CEDICT" in text


def test_every_paragraph_is_present(seed, tmp_path):
    # without readings, each paragraph reads back as one run of text
    path = render_pdf(seed, tmp_path / "plain.pdf", reading="none")
    text = _norm(pdftotext(path, "-raw"))
    for para in seed.en + seed.zh:
        assert _norm(para.text) in text, para.text[:40]


def test_the_glossary_table_header_repeats(tmp_path):
    # a long glossary that runs over a page: its header row is printed on every page
    doc = sheet_docs.simple_doc(
        ["A short text."],
        ["短文。"],
        [(f"term{i}", "a definition " * 8, "詞語") for i in range(50)],
    )
    path = render_pdf(doc, tmp_path / "long.pdf", reading="none")
    pages = pdftotext(path).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    with_terms = [p for p in pages if re.search(r"term\d", p)]
    assert len(with_terms) >= 2
    assert all("Definition" in p for p in with_terms)


def _han_boxes(words):
    """One box per Han character: single-character words, and the Han characters at either end
    of a word that pdftotext glued to punctuation (``織（WIPO）``)."""
    singles = [w for w in words if len(w[5]) == 1 and sheet_docs.is_han(w[5])]
    width = sorted(w[3] - w[1] for w in singles)[len(singles) // 2]
    out = list(singles)
    for page, x0, y0, x1, y1, t in words:
        if len(t) < 2:
            continue
        i = 0
        while i < len(t) and sheet_docs.is_han(t[i]):
            out.append((page, x0 + i * width, y0, x0 + (i + 1) * width, y1, t[i]))
            i += 1
        j = 0
        while j < len(t) - i and sheet_docs.is_han(t[-1 - j]):
            out.append((page, x1 - (j + 1) * width, y0, x1 - j * width, y1, t[-1 - j]))
            j += 1
    return out


def test_readings_sit_above_their_characters(seed, tmp_path):
    # only the parallel text, so that every reading in the PDF belongs to a character
    doc = dataclasses.replace(seed, glossary=(), links=(), vocabulary=None)
    path = render_pdf(doc, tmp_path / "readings.pdf", reading="pinyin")
    words = pdf_words(path)
    chars = _han_boxes(words)
    syllables = [w for w in words if re.fullmatch(r"[a-zü\u0300-\u036f\u00e0-\u01dc]+", w[5])]
    # readings are set in one small size: tell them from English words by their box height
    toned = sorted(round(w[4] - w[2], 1) for w in syllables if re.search(r"[^a-z]", w[5]))
    height = toned[len(toned) // 2]
    readings = [w for w in syllables if abs(w[4] - w[2] - height) < 0.3]
    n_han = sum(1 for p in doc.zh for c in p.text if sheet_docs.is_han(c))
    assert len(readings) >= 0.97 * n_han
    matched = 0
    for page, x0, y0, x1, y1, syl in readings:
        centre = (x0 + x1) / 2
        below = [
            c
            for c in chars
            if c[0] == page
            and c[1] - 0.5 <= centre <= c[3] + 0.5
            and y0 < c[2]  # the reading starts above the character ...
            and -3 <= c[2] - y1 <= 4  # ... and ends right on top of it
        ]
        if len(below) == 1 and sheet_docs._pinyin(below[0][5]) == syl:
            matched += 1
    assert matched / len(readings) > 0.97, f"{matched} of {len(readings)}"


def _font_sizes(path: Path, pattern: str) -> list[float]:
    """The sizes (pt) at which texts matching ``pattern`` are set in the PDF."""
    from pypdf import PdfReader

    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if re.fullmatch(pattern, text.strip()):
            sizes.append(abs(size * tm[3] * cm[3]))

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("reading", ["pinyin", "both"])
def test_pdf_readings_stand_apart_each_over_its_character(seed, tmp_path, reading):
    """Every reading in the PDF is one syllable apart from its neighbours (pdftotext would glue
    touching ones into one word; a gap of at least 1 pt), centred over its own character, and
    Jyutping is set at 8 pt or more."""
    doc = dataclasses.replace(seed, glossary=(), links=(), vocabulary=None)
    path = render_pdf(doc, tmp_path / f"{reading}.pdf", reading=reading)
    words = pdf_words(path)
    # the words of the same sheet without readings (English, labels, footer) are not readings
    plain = {w[5] for w in pdf_words(render_pdf(doc, tmp_path / "none.pdf", reading="none"))}
    words = [w for w in words if w[5] not in plain or sheet_docs.is_han(w[5][:1])]
    chars = _han_boxes(words)
    han = {c for p in doc.zh for c in p.text if sheet_docs.is_han(c)}
    kinds = {"py": (r"[a-zü\u0300-\u036f\u00e0-\u01dc]+", {sheet_docs._pinyin(c) for c in han})}
    if reading == "both":
        kinds["jp"] = (r"[a-z]+[1-6]+", {sheet_docs._jyutping(c) for c in han} - {None})
        jp_sizes = _font_sizes(path, r"[a-z]+[1-6]")
        assert jp_sizes and min(jp_sizes) >= 8 - 0.01, sorted(set(jp_sizes))[:3]
    n_han = sum(1 for p in doc.zh for c in p.text if sheet_docs.is_han(c))
    for kind, (pattern, syllables) in kinds.items():
        found = [w for w in words if re.fullmatch(pattern, w[5])]
        # readings are set in one small size: tell them from English words by their box height
        # (that of toned syllables: English words have no tone marks)
        toned = sorted(round(w[4] - w[2], 1) for w in found if re.search(r"[^a-z]", w[5]))
        height = toned[len(toned) // 2]
        readings = [w for w in found if abs(w[4] - w[2] - height) < 0.3]
        assert len(readings) >= 0.97 * n_han, (kind, len(readings), n_han)
        glued = [w[5] for w in readings if w[5] not in syllables]
        assert glued == [], (kind, len(glued), glued[:8])
        rows: dict[tuple[int, float], list] = {}
        for w in readings:
            rows.setdefault((w[0], round(w[2])), []).append(w)
        close = [
            (a[5], b[5])
            for row in rows.values()
            for a, b in itertools.pairwise(sorted(row, key=lambda w: w[1]))
            if b[1] - a[3] < 1.0
        ]
        assert close == [], (kind, len(close), close[:8])
        off = []
        for page, x0, y0, x1, y1, syl in readings:
            centre = (x0 + x1) / 2
            under = [
                c
                for c in chars
                if c[0] == page
                and c[1] <= centre <= c[3]
                and (-3 <= c[2] - y1 <= 4 or -3 <= y0 - c[4] <= 4)  # just above or below
            ]
            want = sheet_docs._pinyin if kind == "py" else sheet_docs._jyutping
            if not any(want(c[5]) == syl for c in under):
                off.append(syl)
        assert len(off) <= 0.01 * len(readings), (kind, len(off), off[:8])


@pytest.mark.parametrize("reading", ["jyutping", "both"])
def test_characters_with_readings_below_keep_the_baseline(seed, tmp_path, reading):
    """With Jyutping above (alone) or under (with pinyin) the characters, a character with
    readings sits on the same baseline as the Latin letters and digits of its line (no line of Chinese text has two baselines)."""
    from pypdf import PdfReader

    doc = dataclasses.replace(seed, glossary=(), links=(), vocabulary=None)
    path = render_pdf(doc, tmp_path / f"{reading}.pdf", reading=reading)
    size = 10.5 * 1.06  # the Chinese column's size at the default 10.5 pt
    for page in PdfReader(str(path)).pages:
        ys: set[float] = set()

        def visit(text, cm, tm, font, font_size, ys=ys):
            if text.strip() and abs(abs(font_size * tm[3] * cm[3]) - size) < 0.05:
                ys.add(round(tm[5] * cm[3] + cm[5], 2))

        page.extract_text(visitor_text=visit)
        ys_sorted = sorted(ys)
        close = [(a, b) for a, b in itertools.pairwise(ys_sorted) if b - a < 4]
        assert len(ys_sorted) > 5 and close == [], close[:5]


def test_a_glossary_number_stays_beside_its_chinese_word(tmp_path):
    """A Chinese line may break between any two characters; it broke between a glossary term and
    its number, so that "1" began the next line, far from 短缺. Here, with both readings, 短缺 of
    the minibus article ends a line: each of the five terms' numbers in the Chinese column must
    follow a Chinese character on its line."""
    from duizhao.cli import main

    article = Path(__file__).parents[1] / "fixtures" / "drills" / "2026-11-24-minibus-drivers.md"
    assert main(["sheet", str(article), "-o", str(tmp_path), "--pdf", "--reading", "both",
                 "-q"]) == 0  # fmt: skip
    words = [w for w in pdf_words(tmp_path / "2026-11-24-minibus-drivers.pdf") if w[0] == 0]
    han = _han_boxes(words)
    column, top = next(w[1:3] for w in words if w[5] == "中文")  # the Chinese column's header
    body = next(w[2] for w in words if w[5] == "Glossary" and w[2] > top)  # "Glossary 生字"
    numbers = [w for w in words if re.fullmatch(r"\d\??", w[5]) and w[4] - w[2] < 8
               and w[1] > column - 5 and w[2] < body]  # fmt: skip
    beside = [w for w in numbers if any(
        0 <= w[1] - c[3] < 10 and c[2] - 4 < w[2] < c[4] for c in han)]  # fmt: skip
    assert sorted(w[5].rstrip("?") for w in beside) == ["1", "2", "3", "4", "5"], numbers


def test_word_frequencies_print_as_on_the_html_sheet(tmp_path: Path) -> None:
    """The PDF's "Words to learn: English" printed a Zipf frequency of 3.0 as "3" (Typst's str of
    a whole float) where the HTML sheet says 3.0: every frequency the HTML shows is printed, with
    its word, the same way in the PDF."""
    import subprocess

    from duizhao.cli import main

    seed = Path(__file__).parents[2] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
    assert main(["sheet", str(seed), "-o", str(tmp_path), "--pdf", "-q"]) == 0
    html = (tmp_path / f"{seed.stem}.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<td lang="en" class="vw">([^<]+)</td>.*?data-label="Zipf">([^<]*)</td>', html
    )
    assert rows and any(f.endswith(".0") for _, f in rows)  # the seed has a whole one (3.0)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / f"{seed.stem}.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lines = [line.split() for line in text.splitlines()]
    for word, freq in rows:
        assert any(ws and ws[0] == word and ws[-1] == freq for ws in lines), (word, freq)


def test_a_table_heading_is_never_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    """The trams sample for learners of Chinese, with both readings, ended page 1 with the heading
    "Words to learn: Chinese 生詞" and started its table on page 2: a heading now goes to the
    page of its table."""
    import subprocess

    from duizhao.cli import main

    art = Path(__file__).parents[2] / "corpus" / "2025-10-06-hong-kong-trams.md"
    argv = ["sheet", str(art), "-o", str(tmp_path), "--for", "chinese", "--pdf", "--reading",
            "both", "-q"]  # fmt: skip
    assert main(argv) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / f"{art.stem}.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    pages = [[ln.strip() for ln in p.splitlines() if ln.strip()] for p in text.split("\f")]
    headings = ("Glossary", "Words to learn")
    seen = 0
    for lines in pages:
        body = [ln for ln in lines if not re.fullmatch(r"\d+\s*/\s*\d+", ln)]  # the page number
        for k, ln in enumerate(body):
            if ln.startswith(headings):
                seen += 1
                assert k + 2 < len(body), f"{ln!r} ends its page"  # its header row and a row
    assert seen >= 2


def test_jyutping_alone_sits_above_the_characters_as_on_the_html_sheet(tmp_path: Path) -> None:
    """A learner of Chinese's sheet with ``--reading jyutping`` (the README's command): the HTML
    sheet shows the Jyutping above each character, the PDF printed it under them (as with both
    readings, where pinyin takes the top). On page 1 (the parallel text) every Jyutping syllable
    now has a Chinese character right under it and none right above it."""
    from duizhao.cli import main

    seed = Path(__file__).parents[2] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
    argv = ["sheet", str(seed), "-o", str(tmp_path), "--for", "chinese", "--reading", "jyutping",
            "--pdf", "-q"]  # fmt: skip
    assert main(argv) == 0
    words = [w for w in pdf_words(tmp_path / f"{seed.stem}.pdf") if w[0] == 0]
    chars = _han_boxes(words)
    syllables = [w for w in words if re.fullmatch(r"[a-z]+[1-6]", w[5])]
    assert len(syllables) > 200

    def near(w, side: str) -> bool:
        centre = (w[1] + w[3]) / 2
        return any(
            c[1] - 0.5 <= centre <= c[3] + 0.5
            and (-3 <= c[2] - w[4] <= 4 if side == "under" else -3 <= w[2] - c[4] <= 4)
            for c in chars
        )

    over = [w[5] for w in syllables if near(w, "under")]
    under = [w[5] for w in syllables if near(w, "above") and not near(w, "under")]
    assert len(over) >= 0.97 * len(syllables), (len(over), len(syllables), under[:8])
    assert under == []


@pytest.mark.parametrize("reading", ["pinyin", "jyutping", "both"])
def test_a_words_characters_sit_together_in_the_pdf(seed, tmp_path, reading):
    """A wide reading never spreads the characters of one word apart ("創 新", "香 港" read as two
    words): in the PDF the characters of every word touch, and words stand apart. A reading too
    wide for its place is set condensed, never below 70 % of its width (before: a Jyutping
    reading over twice as wide as its character kept it in the middle of its column, 24 of 327
    two-character words had their characters 0.3 pt apart or more)."""
    from statistics import mean

    from sheet_word_gaps import TOUCH, read_back

    doc = dataclasses.replace(seed, glossary=(), links=(), vocabulary=None)
    path = render_pdf(doc, tmp_path / f"{reading}.pdf", reading=reading)
    size = 10.5 * 1.06  # the Chinese column's size at the default 10.5 pt
    r = read_back(doc, path, size)
    within, between, squeeze = r.within, r.between, r.squeeze
    apart = [pair for gap, _, pair in within if gap > TOUCH]
    assert len(within) > 100 and len(between) > 100
    assert apart == [], (len(apart), len(within), apart[:8])
    assert mean(between) > 1.0, mean(between)
    assert len(squeeze) > 300 and min(squeeze) >= 0.7 - 1e-3, min(squeeze, default=None)


@pytest.mark.parametrize("reading", ["jyutping", "both"])
def test_weasyprint_readings_of_neighbouring_characters_stand_apart(seed, tmp_path, reading):
    """With the optional engine (``--pdf-engine weasyprint``) two wide readings side by side keep
    a gap: read back with pdftotext, no two neighbouring readings touch (they ran together,
    "cong3san1": 297 pairs with Jyutping on the corpus). Its characters under wide readings still
    stand apart (docs/render.md): WeasyPrint cannot condense only the wide readings."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    try:
        check_pdf_support("weasyprint")
    except (ImportError, DuizhaoError) as e:
        pytest.skip(f"WeasyPrint unavailable: {e}")
    from sheet_word_gaps import SYLLABLE, joined

    doc = dataclasses.replace(seed, glossary=(), links=(), vocabulary=None)
    path = render_pdf(doc, tmp_path / f"{reading}.pdf", reading=reading, engine="weasyprint")
    readings = [w for w in pdf_words(path) if SYLLABLE.fullmatch(w[5])]
    assert len(readings) > 300, len(readings)
    assert joined(path) == 0
