"""One paragraph's HTML written in Python: what the packaged ``paragraph`` macro of
``templates/partials/text.html.j2`` writes, byte for byte, without a macro call per word.

The macros stay the definition (and what a ``--templates`` folder with its own
``partials/text.html.j2`` runs): :func:`~duizhao.sheet.page.render_sheet` hands this module's
HTML to the packaged macro (``para["html"]``) only when that file is the packaged one. Every
value is escaped as jinja's autoescaping escapes it (:func:`markupsafe.escape`).
``tests/sheet/test_markup.py`` renders the same paragraphs both ways.

Examples:
    >>> from duizhao.model import Paragraph, Sentence, Token
    >>> from duizhao.sheet.paragraph import paragraph_view
    >>> para = Paragraph(lang="zh", text="開門。", sentences=(Sentence(0, 3),),
    ...                  tokens=(Token(0, 2, pinyin=("kāi", "mén"), gloss="open"), Token(2, 3)))
    >>> view = paragraph_view(para, lang="zh", index=0, first_sentence=0, sentence_bead={0: 0},
    ...                       marks=[], reading="pinyin", text=para.text, html_lang="zh-Hant")
    >>> html = paragraph_html(view, for_print=False)  # 開門 "to open the door"
    >>> html[html.index("<ruby>") : html.index('</span><span class="x">')]
    '<ruby>開<rt class="py">kāi</rt></ruby><ruby>門<rt class="py">mén</rt></ruby>'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import escape

__all__ = ["paragraph_html"]

#: The check mark's tooltip (as in the ``parts`` macro).
_CHECK_TITLE = ' title="check: duizhao is not sure of this Chinese counterpart"'


def _esc(value: Any) -> str:
    """``{{ value }}`` under autoescaping: the escaped text (``markupsafe.escape``).

    A text without any of the five characters escape replaces (``&<>"'``) is its own escape:
    most values are, and need no call."""
    if isinstance(value, str) and not (
        "&" in value or "<" in value or ">" in value or '"' in value or "'" in value
    ):
        return value
    if type(value) is int or type(value) is bool:
        return str(value)  # what escape gives for a number, True or False
    return escape(value)  # a str (Markup); joined into the page's str


def _chars(out: list[str], chars: Sequence[dict[str, Any]], for_print: bool) -> None:
    """The ``chars`` macro: each character with its reading(s)."""
    if for_print:
        for c in chars:
            ch, py, jp = _esc(c["ch"]), c["py"], c["jp"]
            if py or jp:
                r = (" py unsure" if c["unsure"] else " py") if py else " jp"
                out.append(f'<span class="c"><span class="r{r}">')
                out.append(_esc(py or jp))
                out.append(f"</span>{ch}")
                if py and jp:
                    out.append(f'<span class="r jp">{_esc(jp)}</span>')
                out.append("</span>")
            else:
                out.append(f'<span class="nr">{ch}</span>')
        return
    for c in chars:
        ch, py, jp = _esc(c["ch"]), c["py"], c["jp"]
        rt = '<rt class="py unsure">' if c["unsure"] else '<rt class="py">'  # a reading to check
        if py and jp:
            out.append(
                f'<ruby><ruby>{ch}<rt class="jp">{_esc(jp)}</rt></ruby>'
                f"{rt}{_esc(py)}</rt></ruby>"
            )
        elif py:
            out.append(f"<ruby>{ch}{rt}{_esc(py)}</rt></ruby>")
        elif jp:
            out.append(f'<ruby>{ch}<rt class="jp">{_esc(jp)}</rt></ruby>')
        else:
            out.append(f'<span class="nr">{ch}</span>')


def _word_title(w: dict[str, Any]) -> str:
    """The ``word_title`` macro: the word, its readings, gloss and HSK level."""
    hsk = w["hsk"]
    parts = [_esc(w["word"])]
    if w["pinyin"]:
        parts.append(f" {_esc(w['pinyin'])}")
    if w["jyutping"]:
        parts.append(f" [{_esc(w['jyutping'])}]")
    if w["gloss"]:
        parts.append(f": {_esc(w['gloss'])}")
    if hsk:
        parts.append(f" (HSK {_esc(hsk if hsk < 7 else '7–9')})")
    return "".join(parts)


def _words(out: list[str], items: Sequence[dict[str, Any]], wbr: bool, for_print: bool) -> None:
    """The ``words`` macro: glue groups, words (with their characters) and plain text."""
    for n, w in enumerate(items):
        if wbr and n and not for_print:
            out.append("<wbr>")
        kind = w["kind"]
        if kind == "glue":
            out.append('<span class="nb">')
            _words(out, w["children"], False, for_print)
            out.append("</span>")
        elif kind == "word":
            out.append('<span class="w"')
            if not for_print:
                if w["hsk"]:
                    out.append(f' data-hsk="{_esc(w["hsk"])}"')
                out.append(f' title="{_word_title(w)}"')
                if w["gloss"]:
                    out.append(f' data-g="{_esc(w["gloss"])}"')
            out.append(">")
            if w["chars"]:
                _chars(out, w["chars"], for_print)
            else:
                out.append(_esc(w["text"]))
            out.append("</span>")
        else:
            out.append(f'<span class="x">{_esc(w["text"])}</span>')


def _parts(out: list[str], items: Sequence[dict[str, Any]], wbr: bool, for_print: bool) -> None:
    """The ``parts`` macro: glossary marks around their words, and words outside marks."""
    for n, p in enumerate(items):
        if wbr and n and not for_print:
            out.append("<wbr>")
        if p["kind"] == "mark":
            term, check = _esc(p["term"]), p["check"]
            out.append(f'<mark class="term k{_esc(p["colour"])}{" check" if check else ""}"')
            out.append(f' data-t="{term}"{_CHECK_TITLE if check and not for_print else ""}>')
            _words(out, p["children"], wbr, for_print)
            out.append(f'<sup class="tn">{term}{"?" if check else ""}</sup></mark>')
        else:
            _words(out, [p], False, for_print)


def paragraph_html(para: dict[str, Any], *, for_print: bool) -> str:
    """The ``paragraph`` macro's HTML of one paragraph view
    (:func:`~duizhao.sheet.paragraph.paragraph_view`)."""
    lang = _esc(para["lang"])
    index = para["index"]
    number = para["number"] if "number" in para else index + 1
    out = [
        f'<p class="para {lang}{"" if para["has_sentences"] else " nos"}'
        f'{" rd" if para["has_readings"] else ""}" lang="{_esc(para["html_lang"])}" '
        f'id="{lang}-p{_esc(index)}" data-p="{_esc(index)}"><span class="pn" aria-hidden="true">'
        f"{_esc(number)}</span>"
    ]
    wbr = para["lang"] == "zh"
    for s in para["pieces"]:
        if s["kind"] == "sentence":
            num, bead, low = _esc(s["number"]), s["bead"], s["low_confidence"]
            out.append(f'<span class="s{" low" if low else ""}" id="{lang}-s{num}" data-s="{num}"')
            if bead is not None:
                out.append(f' data-b="{_esc(bead)}"')
            if low and not for_print:
                out.append(' title="uncertain translation pair"')
            out.append(">")
            _parts(out, s["children"], wbr, for_print)
            out.append("</span>")
        else:
            _parts(out, s["children"], wbr, for_print)
    out.append("</p>")
    return "".join(out)
