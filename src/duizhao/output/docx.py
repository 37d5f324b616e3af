"""Word files (.docx) a teacher can edit, with python-docx (the ``docx`` extra).

What the sheet and the worksheets share: an A4 document with the fonts set for English and
Chinese, runs with shading (a highlight that survives being edited and printed), underlines and
superscripts, readings above the characters as Word's own phonetic guide (``w:ruby``: what
Home › Phonetic Guide makes, and what LibreOffice reads as ruby), tables whose header row repeats
on every page, and saving with errors turned into :class:`~duizhao.errors.DuizhaoError`.

Examples:
    >>> import tempfile, pathlib
    >>> doc = new_document("A test")
    >>> p = doc.add_paragraph()
    >>> run = add_text(p, "集群", east_asian=True, shade="FDE68A", underline="single")  # cluster
    >>> add_ruby(p, "集", "jí")
    >>> path = save(doc, pathlib.Path(tempfile.mkdtemp()) / "t.docx")
    >>> docx_text(path)[-1]
    '集群集'
"""

from __future__ import annotations

import os
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from .files import writing

__all__ = [
    "add_ruby",
    "add_text",
    "add_title",
    "balanced_lines",
    "check_docx_support",
    "docx_text",
    "keep_row_whole",
    "new_document",
    "repeat_header",
    "save",
    "set_cell_shading",
]

#: The fonts written into the files: what a Hong Kong school computer has, and what LibreOffice
#: substitutes with fonts-noto-cjk / fonts-liberation elsewhere.
LATIN_FONT = "Times New Roman"
EAST_ASIAN_FONT = {"zh-Hant": "PMingLiU", "zh-Hans": "SimSun"}
READING_FONT = "Arial Narrow"


def check_docx_support() -> None:
    """Check that Word files can be written.

    Raises:
        MissingExtraError: python-docx is not installed (``pip install 'duizhao[docx]'``).
    """
    try:
        import docx  # noqa: F401
    except ImportError as e:
        raise MissingExtraError("python-docx", "docx", "Word output") from e


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(_qn(k), v)
    return el


def new_document(title: str, *, zh_lang: str = "zh-Hant", size: float = 10.5) -> Any:
    """An empty A4 document: narrow margins, Latin and East Asian fonts, ``size`` pt text."""
    check_docx_support()
    import docx
    from docx.shared import Mm, Pt

    doc = docx.Document()
    doc.core_properties.title = title
    doc.core_properties.author = "duizhao"
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(15)
        section.top_margin, section.bottom_margin = Mm(15), Mm(16)
        _page_numbers(section)
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        rpr.append(fonts)
    fonts.set(_qn("w:eastAsia"), EAST_ASIAN_FONT.get(zh_lang, "PMingLiU"))
    lang = _element("w:lang", **{"w:val": "en-GB", "w:eastAsia": _word_lang(zh_lang)})
    rpr.append(lang)
    normal.paragraph_format.space_after = Pt(3)
    return doc


def _page_numbers(section: Any) -> None:
    """The page's number and the count, "2 / 3", centred in the foot of every page, as the PDFs
    print them (Word and LibreOffice fill the fields in; the Word files had no page numbers)."""
    from docx.shared import Pt, RGBColor

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1  # centre
    for k, field in enumerate(("PAGE", "NUMPAGES")):
        if k:
            run = paragraph.add_run(" / ")
            run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x55, 0x55, 0x55)
        simple = _element("w:fldSimple", **{"w:instr": f" {field} "})
        run = paragraph.add_run("1")  # what a reader that does not fill fields in shows
        run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x55, 0x55, 0x55)
        simple.append(run._r)  # the run moves into the field
        paragraph._p.append(simple)


def _word_lang(zh_lang: str) -> str:
    return "zh-CN" if zh_lang == "zh-Hans" else "zh-HK"


def add_text(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    shade: str | None = None,
    underline: str | None = None,
    superscript: bool = False,
    colour: str | None = None,
    east_asian: bool = False,
) -> Any:
    """Add a run: ``shade`` a fill colour (``"FDE68A"``), ``underline`` ``single``, ``dotted``,
    ``double`` or ``thick``."""
    from docx.enum.text import WD_UNDERLINE
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)
    if superscript:
        run.font.superscript = True
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    if underline:
        run.font.underline = {
            "single": WD_UNDERLINE.SINGLE,
            "dotted": WD_UNDERLINE.DOTTED_HEAVY,
            "double": WD_UNDERLINE.DOUBLE,
            "thick": WD_UNDERLINE.THICK,
        }[underline]
    if shade:
        run._r.get_or_add_rPr().append(
            _element("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": shade})
        )
    if east_asian:
        run._r.get_or_add_rPr().append(_element("w:lang", **{"w:eastAsia": "zh-HK"}))
    return run


def add_ruby(
    paragraph: Any,
    base: str,
    reading: str,
    *,
    size: float = 11,
    reading_size: float = 6.5,
    shade: str | None = None,
    underline: str | None = None,
) -> None:
    """Add ``base`` with ``reading`` above it as Word's phonetic guide (``w:ruby``)."""
    from docx.enum.text import WD_UNDERLINE

    half = str(round(size * 2))
    rhalf = str(round(reading_size * 2))
    run = paragraph.add_run()
    ruby = _element("w:ruby")
    pr = _element("w:rubyPr")
    for tag, val in (
        ("w:rubyAlign", "center"),
        ("w:hps", rhalf),
        ("w:hpsRaise", str(round(size * 2)) if size else "20"),
        ("w:hpsBaseText", half),
        ("w:lid", "zh-HK"),
    ):
        pr.append(_element(tag, **{"w:val": val}))
    ruby.append(pr)

    def sub(text: str, halfpts: str, font: str | None) -> Any:
        r = _element("w:r")
        rpr = _element("w:rPr")
        if font:
            rpr.append(_element("w:rFonts", **{"w:ascii": font, "w:hAnsi": font}))
        rpr.append(_element("w:sz", **{"w:val": halfpts}))
        if shade:
            rpr.append(_element("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": shade}))
        r.append(rpr)
        t = _element("w:t")
        t.text = text
        r.append(t)
        return r

    rt = _element("w:rt")
    rt.append(sub(reading, rhalf, READING_FONT))
    rb = _element("w:rubyBase")
    base_run = sub(base, half, None)
    if underline:
        u = {"single": WD_UNDERLINE.SINGLE, "dotted": WD_UNDERLINE.DOTTED_HEAVY}[underline]
        base_run[0].append(_element("w:u", **{"w:val": _underline_name(u)}))
    rb.append(base_run)
    ruby.append(rt)
    ruby.append(rb)
    run._r.append(ruby)


#: The width of an A4 page's text (210 mm less two 15 mm margins) in points.
_TEXT_WIDTH_PT = 180 / 25.4 * 72
#: What of the text width a line is filled to: a margin for the fonts a word processor
#: substitutes (LibreOffice could not set the seed's answer key title, 34.1 em of 15 pt in its
#: fonts, in the 34.0 em of the line).
_FILL = 0.95


def text_width(text: str) -> float:
    """The width of ``text`` in em, roughly as bold Times New Roman (Liberation Serif) and a
    Chinese font set it: a wide (CJK) character 1, a capital 0.7, a small letter or a digit 0.5,
    a space or a punctuation mark 0.3 (the alphabet's averages: 0.70, 0.49, 0.50, 0.29).

    Examples:
        >>> text_width("Vocabulary worksheet: 集群")  # 10.1 em of Latin in the font
        12.6
    """
    from unicodedata import east_asian_width

    def em(c: str) -> float:
        if east_asian_width(c) in "WF":
            return 1.0
        if c.isupper():
            return 0.7
        return 0.5 if c.isalnum() else 0.3

    return round(sum(em(c) for c in text), 2)


def balanced_lines(text: str, width: float) -> list[str]:
    """``text`` in as few lines of ``width`` em as it needs, as even as they can be (CSS's
    ``text-wrap: balance``): broken after a space where it can be, else between two Chinese
    characters too. Each line but the last keeps its trailing space, so the lines join back
    into ``text``.

    Examples:
        >>> title = "Answer key · Vocabulary worksheet: 灣區創科實力獲肯定 知識產權貿易待拓展"
        >>> balanced_lines(title, 32)  # the seed's key: not 展 alone on the second line
        ['Answer key · Vocabulary worksheet: ', '灣區創科實力獲肯定 知識產權貿易待拓展']
        >>> balanced_lines("Vocabulary worksheet: 灣區", 32)
        ['Vocabulary worksheet: 灣區']
    """
    from unicodedata import east_asian_width

    if text_width(text) <= width:
        return [text]
    spaces = [i + 1 for i, c in enumerate(text[:-1]) if c == " "]
    between = [
        i for i in range(1, len(text))
        if east_asian_width(text[i - 1]) in "WF" and east_asian_width(text[i]) in "WF"
    ]  # fmt: skip
    for points in (spaces, sorted(set(spaces) | set(between))):
        lines = _balanced(text, points, width)
        if lines is not None:
            return lines
    return [text]  # no break point fits: the word processor wraps it


def _balanced(text: str, points: list[int], width: float) -> list[str] | None:
    """The fewest lines of at most ``width`` broken at ``points``, the longest as short as can
    be (``None`` when a piece between two points is too wide)."""
    ends = [0, *points, len(text)]
    n = len(ends)
    # best[j] = (lines, longest) of the text up to ends[j], fewest lines first
    best: list[tuple[int, float] | None] = [None] * n
    back = [0] * n
    best[0] = (0, 0.0)
    for j in range(1, n):
        for i in range(j):
            prev = best[i]
            w = text_width(text[ends[i] : ends[j]].rstrip(" "))
            if prev is None or w > width:
                continue
            cand = (prev[0] + 1, max(prev[1], w))
            now = best[j]
            if now is None or cand < now:
                best[j], back[j] = cand, i
    if best[-1] is None:
        return None
    cuts, j = [], n - 1
    while j > 0:
        cuts.append(ends[j])
        j = back[j]
    starts = [0, *reversed(cuts)]
    return [text[a:b] for a, b in pairwise(starts)]


def add_title(paragraph: Any, text: str, *, size: float, bold: bool = True) -> None:
    """A title of ``size`` pt in lines as even as they can be (:func:`balanced_lines`), with a
    line break between them: no word (no 展) alone on the last line, in Word or LibreOffice."""
    lines = balanced_lines(text, _TEXT_WIDTH_PT / size * _FILL)
    for k, line in enumerate(lines):
        run = add_text(paragraph, line, bold=bold, size=size)
        if k < len(lines) - 1:
            run.add_break()


def _underline_name(u: Any) -> str:
    return {1: "single", 20: "dottedHeavy"}.get(int(u), "single")


def set_cell_shading(cell: Any, fill: str) -> None:
    """Fill a table cell with a colour (``"F2F2F2"``)."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(_element("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))


def repeat_header(row: Any) -> None:
    """Repeat a table's first row at the top of every page (``w:tblHeader``); keep it whole."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:tblHeader", **{"w:val": "true"}))
    trpr.append(_element("w:cantSplit", **{"w:val": "true"}))


def keep_row_whole(row: Any) -> None:
    """Never split a table row across two pages (``w:cantSplit``)."""
    row._tr.get_or_add_trPr().append(_element("w:cantSplit", **{"w:val": "true"}))


def save(doc: Any, path: str | os.PathLike[str]) -> Path:
    """Save a document, creating its folder.

    Raises:
        DuizhaoError: The file cannot be written.
    """
    out = Path(path)
    with writing(out) as tmp:  # whole or not at all (output.files)
        doc.save(str(tmp))
    return out


def docx_text(path: str | os.PathLike[str]) -> list[str]:
    """The text of every paragraph of a .docx (body and tables, in order), with the base text of
    phonetic guides and without the readings: what a reader of the file sees as text."""
    check_docx_support()
    import docx

    doc = docx.Document(str(path))
    body = doc.element.body
    out = []
    for p in body.iter(_qn("w:p")):
        parts = []
        for t in p.iter(_qn("w:t")):
            if any(a.tag == _qn("w:rt") for a in t.iterancestors()):
                continue
            parts.append(t.text or "")
        out.append("".join(parts))
    return out
