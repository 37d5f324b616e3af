"""Unsure readings on the sheet (round 19): a pinyin reading the polyphone model was not sure of
is dotted and marked "?" in the HTML and the PDF, with a legend line only when one is shown; a
teacher's reading in the corrections file clears it.

The article is ours (tests/fixtures/chinese/unsure_readings.txt): 稱冠 *guàn* and 都 *dōu* are
read by g2pM alone below the threshold (both readings are right: "check" is not "wrong").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.resources import templates_dir
from duizhao.sheet import render_sheet

from .pdf_text import pdftotext

ARTICLE = Path(__file__).parents[1] / "fixtures" / "chinese" / "unsure_readings.txt"
LEGEND = "a reading dotted and marked “?” is one duizhao is not sure of"


@pytest.fixture(scope="module")
def doc():
    from duizhao import annotate, read

    return annotate(read(ARTICLE))


def _sheet(tmp_path: Path, *extra: str, article: Path = ARTICLE) -> Path:
    assert main(["sheet", "-q", str(article), "-o", str(tmp_path), *extra]) == 0
    return tmp_path / f"{article.stem}.html"


def test_the_html_sheet_marks_an_unsure_reading_and_says_what_it_means(tmp_path):
    html = _sheet(tmp_path).read_text("utf-8")
    assert '<rt class="py unsure">guàn</rt>' in html  # 稱冠: dotted, "?" (sheet.css)
    assert '<rt class="py unsure">dōu</rt>' in html
    assert '<rt class="py">chēng</rt>' in html  # the word's other reading is not marked
    assert html.count(LEGEND) == 1
    assert "rt.unsure::after" in html  # the "?" is drawn by the page's own stylesheet


def test_the_legend_and_marks_go_when_the_teacher_gives_the_readings(tmp_path):
    article = tmp_path / "in" / ARTICLE.name
    article.parent.mkdir()
    shutil.copy(ARTICLE, article)
    article.with_name(f"{article.stem}.duizhao.toml").write_text(
        '[readings]\n"稱冠" = { pinyin = "chēng guàn" }\n"都" = { pinyin = "dōu" }\n', "utf-8"
    )
    html = _sheet(tmp_path / "out", article=article).read_text("utf-8")
    assert "py unsure" not in html
    assert LEGEND not in html


def test_the_pdf_marks_an_unsure_reading_and_keeps_the_legend(tmp_path):
    _sheet(tmp_path, "--pdf")
    text = pdftotext(tmp_path / f"{ARTICLE.stem}.pdf")
    assert "guàn?" in text and "dōu?" in text
    assert "chēng?" not in text
    assert LEGEND in " ".join(text.split())


def test_the_weasyprint_pdf_marks_it_too(tmp_path):
    pytest.importorskip("weasyprint")
    _sheet(tmp_path, "--pdf", "--pdf-engine", "weasyprint")
    text = " ".join(pdftotext(tmp_path / f"{ARTICLE.stem}.pdf").split())
    assert "guàn?" in text and LEGEND in text


def test_the_macros_draw_the_marks_as_the_python_html_does(doc, tmp_path):
    (tmp_path / "partials").mkdir()
    partial = Path("partials") / "text.html.j2"
    shutil.copy(templates_dir() / partial, tmp_path / partial)
    for kw in ({}, {"reading": "both"}, {"for_print": True}, {"for_print": True, "reading": "both"}):
        fast = render_sheet(doc, **kw)
        assert "py unsure" in fast
        assert fast == render_sheet(doc, templates=tmp_path, **kw)


def test_jyutping_alone_marks_nothing(doc):
    html = render_sheet(doc, reading="jyutping")
    assert "py unsure" not in html and LEGEND not in html
