"""Worksheets as Word files a teacher can edit (``duizhao drill --docx``): the worksheet in one
file, its answer key in another, so that the key is never handed out by mistake.

The same content as the HTML page: name / class / number / date lines, the title and source, a
total-marks box, numbered parts with instructions and marks, the word bank in a box, blanks
numbered across the part, matchings as real tables, the marked Chinese words underlined, lines to
write on; the key gives every answer.

Examples:
    >>> import tempfile, pathlib
    >>> from duizhao.model import Document, GlossaryEntry, Occurrence, Paragraph, Sentence
    >>> from duizhao.model import TermLink
    >>> from duizhao.drills import make_worksheets
    >>> from duizhao.output.docx import docx_text
    >>> text = "Shenzhen leads the clusters."
    >>> doc = Document(
    ...     en=(Paragraph("en", text, (Sentence(0, len(text)),)),),
    ...     glossary=(GlossaryEntry("cluster", "a group of similar things"),),  # 集群
    ...     links=(TermLink(entry=0, en=(Occurrence(0, 0, 19, 27, "clusters"),)),),
    ... )
    >>> [ws] = make_worksheets(doc, kinds=["cloze"])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> sheet, key = worksheet_docx(ws, folder / "w.docx", folder / "w.key.docx")
    >>> [t for t in docx_text(sheet) if "Shenzhen" in t]
    ['Shenzhen leads the (1) ____________.']
    >>> [t for t in docx_text(key) if t.startswith("(1)")]
    ['(1) clusters (listed as cluster)']
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..output.docx import add_text, add_title, keep_row_whole, new_document, save
from .model import Section, Span, Worksheet

__all__ = ["worksheet_docx"]

_LINE = "____________"
#: The matching table's columns (mm): number, word, answer box, letter, the answers.
_MATCH_WIDTHS = (9.0, 50.0, 14.0, 9.0, 98.0)


#: The width of an A4 page's text at 10.5 pt (180 mm) in Chinese characters, with a margin for
#: the fonts a word processor substitutes (LibreOffice broke a line at 47 of them).
_LINE_WIDTH = 44.0
#: The answer line's width in the same unit: three spaces and 24 underscores.
_ANSWER_WIDTH = 13.0


def _fits(text: str, answer_width: float = _ANSWER_WIDTH) -> bool:
    """Whether ``text`` and the answer line fit on one line (a wide character counts 1, the
    others half), so that the line is never split across two."""
    from unicodedata import east_asian_width

    wide = sum(1.0 if east_asian_width(c) in "WF" else 0.5 for c in text)
    return wide + answer_width <= _LINE_WIDTH


def _answer_line(answer: str) -> tuple[str, float]:
    """The line to write ``answer`` on and its width (in :func:`_fits`'s unit, with the three
    spaces before it): 24 underscores, more for a long answer, as on the page (2.8 mm a letter:
    "zhī shí chǎn quán / zi1 sik1 caan2 kyun4" gets 107 mm, not 48)."""
    line = "_" * max(24, -(-len(answer) * 138 // 100))  # an underscore is about 2.0 mm
    return line, min(_ANSWER_WIDTH + (len(line) - 24) / 2, _LINE_WIDTH)


def _spans(
    par: Any,
    spans: Sequence[Span],
    answers: Sequence[str] = (),
    first: int = 0,
    key: bool = False,
    letters: bool = False,
) -> None:
    for s in spans:
        if s.blank is not None:
            n = first + s.blank
            if key:
                add_text(par, f"({n}) {answers[s.blank]}", bold=True, underline="single")
            else:
                hint = f"{answers[s.blank][:1]}" if letters else ""
                add_text(par, f"({n}) {hint}{_LINE}")
        elif s.mark:
            add_text(par, s.text, bold=True, underline="single")
        else:
            par.add_run(s.text)


def _head(d: Any, ws: Worksheet, key: bool, total: int) -> None:
    if not key:
        add_text(
            d.add_paragraph(),
            "Name ______________________   Class ________   No. ____   Date ____________",
            size=10,
        )
    title = ("Answer key · " if key else "") + ws.title
    if ws.versions > 1:
        title += f" (version {ws.version})"
    add_title(d.add_paragraph(), title, size=15)  # balanced: no 展 alone on a line
    multi = len(ws.articles) > 1
    for a in ws.articles:
        bits = ", ".join(x for x in (a.source, a.date) if x)
        line = f"[{a.label}] " if multi else ""
        # the article's title only when the heading does not already give it, as on the page
        # (the Word sheet printed the seed's Chinese title twice, in the heading and under it)
        if multi or a.title not in ws.title:
            line += bits + (": " if bits else "") + a.title
            if a.title_zh and a.title_zh != a.title:
                line += " " + a.title_zh
        else:
            line += bits
        if line:
            add_text(d.add_paragraph(), line, size=9, colour="555555")
    if not key:
        p = d.add_paragraph()
        p.alignment = 2  # right
        add_text(p, f"Total: ____ / {total}", size=10)


def _part(d: Any, number: int, s: Section, key: bool) -> None:
    h = d.add_paragraph()
    add_text(h, f"Part {number}  ", bold=True, size=11)
    add_text(h, s.title, bold=True, size=11)
    if not key:
        add_text(h, f"   ( ____ / {s.marks} )", size=10)
    h.paragraph_format.keep_with_next = True
    if not key:
        instr = d.add_paragraph()
        add_text(instr, f"{s.instructions} {s.spare_note}".strip(), italic=True, size=10)
        instr.paragraph_format.keep_with_next = True


def _sheet(d: Any, ws: Worksheet) -> None:
    _head(d, ws, False, sum(s.marks for s in ws.sections))
    for k, s in enumerate(ws.sections, 1):
        _part(d, k, s, False)
        layout = s.layout or s.kind
        if layout == "cloze":
            if s.word_bank:
                t = d.add_table(rows=1, cols=1)
                t.style = "Table Grid"
                add_text(t.rows[0].cells[0].paragraphs[0], "     ".join(s.word_bank), size=11)
            for it in s.items:
                _spans(d.add_paragraph(), it.prompt, it.answers, it.first, letters=s.letters)
        elif layout == "choice":
            for i, it in enumerate(s.items, 1):
                p = d.add_paragraph(f"{i}. ")
                for sp in it.prompt:
                    p.add_run(_LINE if sp.blank is not None else sp.text)
                d.add_paragraph(
                    "      ".join(f"({'abcd'[k]}) {c}" for k, c in enumerate(it.choices))
                )
        elif layout == "match":
            from docx.shared import Mm

            t = d.add_table(rows=0, cols=5)
            t.autofit = False  # number, word, box, letter, answer: Word made them all as wide
            widths = [Mm(w) for w in _MATCH_WIDTHS]
            for column, w in zip(t.columns, widths, strict=True):
                column.width = w
            for i, o in enumerate(s.options):
                row = t.add_row()
                keep_row_whole(row)
                cells = row.cells
                if i < len(s.items):
                    it = s.items[i]
                    cells[0].paragraphs[0].add_run(f"{i + 1}.")
                    add_text(cells[1].paragraphs[0], it.prompt[0].text, bold=True)
                    if it.hint:
                        add_text(cells[1].paragraphs[0], f" ({it.hint})", italic=True)
                    add_text(cells[2].paragraphs[0], "[    ]")
                add_text(cells[3].paragraphs[0], f"{o.letter}.", bold=True)
                cells[4].paragraphs[0].add_run(o.text)
                for cell, w in zip(cells, widths, strict=True):
                    cell.width = w
        elif layout == "readings":
            for i, it in enumerate(s.items, 1):
                p = d.add_paragraph(f"{i}. ")
                _spans(p, it.prompt)
                line, width = _answer_line(it.answers[0] if it.answers else "")
                if _fits(f"{i}. " + "".join(x.text for x in it.prompt), width):
                    p.add_run("   " + line)
                else:  # the line on a line of its own: Word broke it after the sentence
                    p.add_run().add_break()
                    p.add_run(line)
        elif layout == "translate":
            for i, it in enumerate(s.items, 1):
                p = d.add_paragraph(f"{i}. ")
                _spans(p, it.prompt)
                add_text(p, f"  (use: {it.hint})", size=9)
                d.add_paragraph(_LINE * 6)
                d.add_paragraph(_LINE * 6)


def _key(d: Any, ws: Worksheet) -> None:
    _head(d, ws, True, 0)
    for n in ws.notes:
        add_text(d.add_paragraph(), n, italic=True, size=9, colour="555555")
    for k, s in enumerate(ws.sections, 1):
        _part(d, k, s, True)
        layout = s.layout or s.kind
        if layout == "cloze":
            for it in s.items:
                for j, a in enumerate(it.answers):
                    p = d.add_paragraph()
                    add_text(p, f"({it.first + j}) {a}", bold=True)
                    w = it.listed[j] if j < len(it.listed) else ""
                    if w and w.lower() != a.lower():
                        add_text(p, f" (listed as {w})", size=9)
                _spans(d.add_paragraph(), it.prompt, it.answers, it.first, key=True)
        elif layout == "choice":
            for i, it in enumerate(s.items, 1):
                p = d.add_paragraph(f"{i}. ")
                add_text(p, f"({it.answers[0]}) {it.note}", bold=True)
        elif layout == "match":
            by_letter = {o.letter: o.text for o in s.options}
            for i, it in enumerate(s.items, 1):
                p = d.add_paragraph(f"{i}. {it.prompt[0].text} → ")
                add_text(p, it.answers[0], bold=True)
                p.add_run(f" {by_letter.get(it.answers[0], '')}")
        elif layout == "readings":
            for i, it in enumerate(s.items, 1):
                word = "".join(x.text for x in it.prompt if x.mark)
                p = d.add_paragraph(f"{i}. {word} ")
                add_text(p, it.answers[0], bold=True)
                if it.note:
                    add_text(p, f" ({it.note})", size=9)
        elif layout == "translate":
            for i, it in enumerate(s.items, 1):
                p = d.add_paragraph(f"{i}. ")
                _spans(p, it.model)


def worksheet_docx(
    ws: Worksheet, path: str | os.PathLike[str], key_path: str | os.PathLike[str]
) -> list[Path]:
    """Write the worksheet to ``path`` and its answer key to ``key_path`` (.docx files).

    Raises:
        MissingExtraError: python-docx is not installed.
        DuizhaoError: A file cannot be written.
    """
    lang = next((it.lang for s in ws.sections for it in s.items if it.lang != "en"), "zh-Hant")
    sheet = new_document(ws.title, zh_lang=lang, size=11.5)
    _sheet(sheet, ws)
    key = new_document("Answer key · " + ws.title, zh_lang=lang, size=10.5)
    _key(key, ws)
    return [save(sheet, path), save(key, key_path)]
