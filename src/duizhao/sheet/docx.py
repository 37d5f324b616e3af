"""The study sheet as a Word file a teacher can edit before printing (``--docx``).

The same view data as the HTML and the PDF (:func:`~duizhao.sheet.view.sheet_context`, with the
same options): the title and the legend, a real two-column table with one row per aligned
paragraph pair (its header row repeated on every page, rows kept whole), glossary terms as
shading plus an underline (dotted for a counterpart to check) plus their number, readings above
the characters as Word's phonetic guide, then the glossary and vocabulary tables.

Examples:
    >>> import tempfile, pathlib
    >>> from duizhao.reader import read
    >>> from duizhao.output.docx import docx_text
    >>> doc = read("corpus/2025-09-02-wipo-innovation-clusters.txt")
    >>> path = sheet_docx(doc, pathlib.Path(tempfile.mkdtemp()) / "wipo.docx")
    >>> any("灣區創科實力獲肯定" in t for t in docx_text(path))  # the Chinese title
    True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..model import Document
from ..output.docx import (
    add_ruby,
    add_text,
    add_title,
    keep_row_whole,
    new_document,
    repeat_header,
    save,
    set_cell_shading,
)
from ..text.script import has_han
from .options import SheetOptions
from .view import Script, sheet_context

__all__ = ["sheet_docx"]

#: The highlight fills of the eight term colours (as in sheet.css), and the grey of ``grey``.
FILLS = ("FDE68A", "BAE6FD", "FBCFE8", "D9F99D", "DDD6FE", "FED7AA", "A7F3D0", "FECDD3")
GREY = "D9D9D9"


def _pieces(par: Any, nodes: list[dict[str, Any]], ctx: dict[str, Any], mark: Any = None) -> None:
    for n in nodes:
        k = n["kind"]
        if k in ("sentence", "gap", "glue"):
            _pieces(par, n["children"], ctx, mark)
        elif k == "mark":
            m = {
                "shade": GREY if ctx["options"]["grey"] else FILLS[n["colour"]],
                "underline": "dotted" if n.get("check") else "single",
            }
            chars = _chars(n["children"])
            if any(h for _, *rs in chars for h in rs) or has_han("".join(c for c, *_ in chars)):
                _term(par, chars, ctx, m)
            else:
                _pieces(par, n["children"], ctx, m)
            # a word joiner (U+2060, invisible) keeps the number on the line of the term's last
            # character: LibreOffice broke a Chinese line between "指標" and its "2?"
            add_text(
                par,
                f"\u2060{n['term']}{'?' if n.get('check') else ''}",
                superscript=True,
                bold=True,
            )
        elif k == "word" and n["chars"]:
            for c in n["chars"]:
                reading = " ".join(x for x in (c["py"], c["jp"]) if x)
                if reading:
                    add_ruby(
                        par,
                        c["ch"],
                        reading,
                        size=ctx["options"]["font_size"] * 1.06,
                        reading_size=max(6.5, ctx["options"]["font_size"] * 0.6),
                        shade=mark["shade"] if mark else None,
                        underline=mark["underline"] if mark else None,
                    )
                else:
                    _run(par, c["ch"], mark)
        else:
            _run(par, n["text"], mark)


def _chars(nodes: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Each character of a glossary mark with its pinyin and Jyutping (empty without)."""
    out: list[tuple[str, str, str]] = []
    for n in nodes:
        if n["kind"] in ("sentence", "gap", "glue", "mark"):
            out += _chars(n["children"])
        elif n["kind"] == "word" and n["chars"]:
            out += [(c["ch"], c["py"] or "", c["jp"] or "") for c in n["chars"]]
        else:
            out += [(ch, "", "") for ch in n["text"]]
    return out


def _term(par: Any, chars: list[tuple[str, str, str]], ctx: dict[str, Any], mark: Any) -> None:
    """A highlighted Chinese term kept whole on its line, as one phonetic guide (``w:ruby``):
    LibreOffice broke "集群" and "指標" between their characters, and ignores a word joiner
    (U+2060, U+FEFF) in Chinese text (East Asian language zh-HK or zh-CN) and between two
    phonetic guides, but never breaks inside one. With readings the guide gives the term's
    pinyin, then its Jyutping after a " · ", centred over its characters; without, it is empty
    (the term reads as plain text)."""
    base = "".join(c for c, _, _ in chars)
    py = " ".join(p for _, p, _ in chars if p)
    jp = " ".join(j for _, _, j in chars if j)
    reading = " · ".join(x for x in (py, jp) if x)
    size = ctx["options"]["font_size"]
    add_ruby(
        par,
        base,
        reading,
        size=size * 1.06 if reading else size,
        reading_size=max(6.5, size * 0.6),
        shade=mark["shade"],
        underline=mark["underline"],
    )


def _run(par: Any, text: str, mark: dict[str, Any] | None) -> None:
    if mark:
        add_text(par, text, shade=mark["shade"], underline=mark["underline"])
    else:
        par.add_run(text)


def _paragraph(cell: Any, p: dict[str, Any], ctx: dict[str, Any], first: bool) -> None:
    par = cell.paragraphs[0] if first else cell.add_paragraph()
    add_text(par, f"{p['number']} ", bold=True, size=7, colour="667085")
    _pieces(par, p["pieces"], ctx)


#: Widths (mm) of the data tables' columns by heading; the others (definitions, meanings, the
#: forms) share what is left of the 180 mm between the margins. Word made every column as wide
#: as the others: a "#" column as wide as the definitions.
_WIDTHS = {"#": 8.0, "Term": 28.0, "Part of speech": 17.0, "中文": 26.0, "Readings": 26.0,
           "Word": 28.0, "Times": 12.0, "Frequency": 17.0, "詞語": 20.0, "词语": 20.0,
           "Pinyin": 26.0, "Jyutping": 26.0, "HSK": 11.0}  # fmt: skip
_TEXT_WIDTH = 180.0


def column_widths(head: list[str]) -> list[float]:
    """The widths (mm) of a data table's columns: fixed ones by :data:`_WIDTHS`, the rest
    sharing what is left."""
    fixed = sum(_WIDTHS.get(h, 0.0) for h in head)
    free = [h for h in head if h not in _WIDTHS]
    share = max(30.0, (_TEXT_WIDTH - fixed) / len(free)) if free else 0.0
    return [_WIDTHS.get(h, share) for h in head]


def _table(
    doc: Any, head: list[str], rows: list[list[str]], widths: list[float] | None = None
) -> Any:
    from docx.shared import Mm

    widths = widths or column_widths(head)
    table = doc.add_table(rows=1, cols=len(head))
    table.autofit = False
    table.style = "Table Grid"
    for cell, h in zip(table.rows[0].cells, head, strict=True):
        add_text(cell.paragraphs[0], h, bold=True, size=8)
        set_cell_shading(cell, "F2F2F2")
    repeat_header(table.rows[0])
    for r in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, r, strict=True):
            cell.paragraphs[0].add_run(value)
    for column, w in zip(table.columns, widths, strict=True):
        column.width = Mm(w)  # the grid (LibreOffice reads it) and each cell (Word reads those)
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Mm(w)
    return table


def sheet_docx(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    script: Script | None = None,
    options: SheetOptions | None = None,
) -> Path:
    """Write the study sheet as a .docx (needs the ``docx`` extra: python-docx).

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        MissingExtraError: python-docx is not installed.
        DuizhaoError: The file cannot be written.
    """
    from docx.shared import Mm, Pt

    ctx = sheet_context(doc, script=script, for_print=True, options=options)
    m = ctx["meta"]
    d = new_document(ctx["title"], zh_lang=ctx["zh_lang"], size=ctx["options"]["font_size"])
    kicker = " · ".join(x for x in (m["source"], m["date"]) if x)
    if kicker:
        add_text(d.add_paragraph(), kicker, bold=True, size=8, colour="134E7A")
    if m["title_en"]:  # the titles balanced, as the HTML's: no word alone on a line
        add_title(d.add_paragraph(), m["title_en"], size=16)
    if m["title_zh"]:
        add_title(d.add_paragraph(), m["title_zh"], size=13 if m["title_en"] else 16)
    if not m["title_en"] and not m["title_zh"]:
        add_title(d.add_paragraph(), ctx["title"], size=16)
    if m["author"]:
        add_text(
            d.add_paragraph(), " · ".join(b["text"] for b in m["bylines"]), size=9, colour="667085"
        )
    for line in ctx["legend"]:
        add_text(d.add_paragraph(), line, size=8)

    names = {"en": "English", "zh": "中文"}
    cols = ctx["columns"]
    table = d.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, c in zip(table.rows[0].cells, cols, strict=True):
        add_text(cell.paragraphs[0], names[c], bold=True, size=8, colour="667085")
    repeat_header(table.rows[0])
    for r in ctx["rows"]:
        row = table.add_row()
        keep_row_whole(row)
        if r["kind"] == "pair":
            for cell, c in zip(row.cells, cols, strict=True):
                for k, p in enumerate(r[c]):
                    _paragraph(cell, p, ctx, k == 0)
        else:
            cell = row.cells[0].merge(row.cells[1])
            flag = (
                "English only: no Chinese counterpart"
                if r["kind"] == "en-only"
                else "Chinese only: no English counterpart"
            )
            add_text(cell.paragraphs[0], flag, italic=True, size=7.5, colour="667085")
            for p in r["en"] + r["zh"]:
                _paragraph(cell, p, ctx, False)
    widths = [90.0, 90.0] if cols[0] == "en" else [95.0, 85.0]
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = Mm(w)

    if ctx["glossary"]:
        d.add_heading("Glossary 生字", level=2)
        rows = []
        for g in ctx["glossary"]:
            if g["no_counterpart"]:
                zh = "(none in this article)"
            else:
                zh = " / ".join([g["zh"] or "–", *g["other_zh"]]) + (
                    " ? check" if g["check"] else ""
                )
            readings = " / ".join(x for x in (g["pinyin"], g["jyutping"]) if x)
            rows.append([str(g["number"]), g["term"], g["pos"], g["definition"], zh, readings])
        head = ["#", "Term", "Part of speech", "Definition", "中文", "Readings"]
        # as the HTML and the PDF: no column that would be empty in every row (no part of speech
        # given; no readings with --for english or --reading none)
        keep = [c < 2 or c == 3 or any(r[c] for r in rows) for c in range(len(head))]
        _table(
            d,
            [h for h, k in zip(head, keep, strict=True) if k],
            [[x for x, k in zip(r, keep, strict=True) if k] for r in rows],
        )
    v = ctx["vocabulary"]
    if v["en"]:
        d.add_heading("Words to learn: English", level=2)
        _table(
            d,
            ["Word", "Forms in the text", "Times", "中文", "Frequency"],
            [
                [
                    x["word"],
                    ", ".join(x["forms"]),
                    str(x["count"]),
                    ("；".join(x["translation"]) or "–") + (" ? check" if x["check"] else ""),
                    "" if x["level"] is None else str(x["level"]),
                ]
                for x in v["en"]
            ],
        )
        add_text(
            d.add_paragraph(),
            "Frequency: how common the word is in English, on the Zipf scale from 1 (rare) "
            "to 7 (very common).",
            size=7.5,
            colour="667085",
        )
    if v["zh"]:
        simplified = ctx["zh_lang"] == "zh-Hans"  # the headings in the sheet's script
        d.add_heading(f"Words to learn: Chinese {'生词' if simplified else '生詞'}", level=2)
        # the readings the sheet shows: a Pinyin and/or a Jyutping column (none: no column)
        rds = [
            (k, h)
            for k, h in (("pinyin", "Pinyin"), ("jyutping", "Jyutping"))
            if any(x[k] for x in v["zh"])
        ]
        _table(
            d,
            ["词语" if simplified else "詞語", *(h for _, h in rds), "Meaning", "HSK", "Times"],
            [
                [
                    x["word"],
                    *(x[k] for k, _ in rds),
                    "; ".join(x["translation"]) + (" ? check" if x["check"] else ""),
                    "" if x["level"] is None else ("7–9" if x["level"] >= 7 else str(x["level"])),
                    str(x["count"]),
                ]
                for x in v["zh"]
            ],
        )
    foot = d.add_paragraph()
    foot.paragraph_format.space_before = Pt(8)
    bits = []
    if m["source"]:
        bits.append(f"Source: {m['source']}" + (f", {m['date']}." if m["date"] else "."))
    if m["file"]:
        bits.append(f"File: {m['file']}.")
    if ctx["has_glosses"]:
        bits.append(ctx["cedict_attribution"])
    bits.append(f"Made with {ctx['generator']}.")
    add_text(foot, " ".join(bits), size=7, colour="667085")
    return save(d, path)
