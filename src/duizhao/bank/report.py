"""What the bank prints and writes: the concordance as text and HTML, and the "due today" sheet.

Every page renders through the shared output layer (:func:`duizhao.output.templates.environment`,
:func:`duizhao.output.pdf.html_to_pdf`) with the bank's own templates under ``templates/bank/``:
``kwic.html.j2`` (the concordance), ``due.html.j2`` (the review sheet) and ``due-chinese.html.j2``
(the review sheet of a learner of Chinese). The review sheet is made from the bank's own rows
(:class:`~.cards.DueItem`): each due term is blanked in a sentence the class has read, with its
Chinese counterpart and its meaning as clues, then an answer key. A learner of Chinese's sheet
asks each Chinese word's reading and meaning, in a sentence of the article where it has one.

Examples:
    >>> from duizhao.bank.concordance import KwicLine
    >>> line = KwicLine(date="2025-09-02", source=None, title=None, lang="zh", sentence=3,
    ...                 text="創新集群數目", start=2, end=4,  # "number of innovation clusters"
    ...                 other="innovation clusters", other_marks=((11, 19),))
    >>> print(kwic_text([line], width=10))
    2025-09-02 zh#3          創新 [集群] 數目
                       innovation [clusters]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import DuizhaoError
from ..output.files import write_text
from ..output.templates import environment, generator
from ..text.script import display_width, term_lang
from .cards import CLASS, Audience, DueItem, Reading, check_audience
from .concordance import KwicLine
from .when import as_date

__all__ = [
    "DueLine",
    "DueSheet",
    "due_sheet",
    "kwic_html",
    "kwic_text",
    "render_due",
    "write_due",
]


def _clip_left(text: str, width: int) -> str:
    out = ""
    for ch in reversed(text):
        if display_width(out) + display_width(ch) > width:
            return "…" + out[1:] if out else out
        out = ch + out
    return " " * (width - display_width(out)) + out


def _clip_right(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if display_width(out) + display_width(ch) > width:
            return out[:-1] + "…" if out else out
        out += ch
    return out


def kwic_text(lines: Sequence[KwicLine], *, width: int = 36) -> str:
    """A plain-text concordance: each occurrence centred, its aligned sentence below it.

    Args:
        lines: From :meth:`TermBank.kwic`.
        width: Display columns of context on each side (a Chinese character counts two).
    """
    out = []
    for ln in lines:
        where = f"{ln.date or '----------'} {ln.lang}#{ln.sentence}"
        left = _clip_left(ln.left.replace("\n", " "), width)
        right = _clip_right(ln.right.replace("\n", " "), width)
        out.append(f"{where:<18} {left} [{ln.keyword}] {right}")
        if ln.other:
            other = ln.other.replace("\n", " ")
            full = 2 * width + 4
            if ln.other_marks:
                s, e = ln.other_marks[0]
                shown = other[:s] + "[" + other[s:e] + "]" + other[e:]
                if display_width(shown) > full and display_width(other[:s]) > width:
                    # the counterpart would be cut off: show it with the context around it
                    before, marked = _clip_left(other[:s], width).lstrip(), shown[s : e + 2]
                    rest = full - display_width(before) - display_width(marked)
                    shown = before + marked + _clip_right(other[e:], rest)
            else:
                shown = other
            out.append(f"{'':<18} {_clip_right(shown, full)}")
    return "\n".join(out)


def _pieces(text: str, marks: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    out, pos = [], 0
    for s, e in sorted(marks):
        if s < pos:
            continue
        if s > pos:
            out.append({"text": text[pos:s], "mark": False})
        out.append({"text": text[s:e], "mark": True})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:], "mark": False})
    return out


def kwic_html(
    term: str,
    lines: Sequence[KwicLine],
    *,
    templates: str | os.PathLike[str] | None = None,
) -> str:
    """The concordance as one self-contained HTML page (template ``bank/kwic.html.j2``)."""
    rows = []
    for ln in lines:
        en_side = ln.lang == "en"
        own = _pieces(ln.text, [(ln.start, ln.end)])
        other = _pieces(ln.other, ln.other_marks)
        rows.append(
            {
                "date": ln.date,
                "source": ln.source,
                "title": ln.title,
                "lang": ln.lang,
                "sentence": ln.sentence,
                "en": own if en_side else other,
                "zh": other if en_side else own,
            }
        )
    return (
        environment(templates)
        .get_template("bank/kwic.html.j2")
        .render(term=term, term_lang=term_lang(term), rows=rows, generator=generator())
    )


# -- the "due today" sheet ----------------------------------------------------------------------


@dataclass(frozen=True)
class DueLine:
    """One due term on the review sheet: a sentence with the term blanked, and its clues."""

    term: str
    """The term as the bank lists it (in the word box and the key)."""
    lang: str
    """Its language, and its sentence's: ``en`` or ``zh``."""
    answer: str
    """The word as the sentence writes it (``clusters`` for ``cluster``); the term without one."""
    before: str = ""
    """The sentence up to the blank (empty without a stored sentence)."""
    after: str = ""
    """The sentence after the blank."""
    counterpart: str | None = None
    """The Chinese counterpart of an English term."""
    meaning: str | None = None
    """The definition of an English term, or the English gloss of a Chinese word."""
    reading: str | None = None
    """A Chinese word's pinyin and Jyutping (``jí qún / zaap6 kwan4``; the Chinese sheet)."""
    uncertain: bool = False
    """An English term whose Chinese counterpart is uncertain: the clue says "? check"."""

    @property
    def has_sentence(self) -> bool:
        return bool(self.before or self.after)


@dataclass(frozen=True)
class DueSheet:
    """What the review sheet shows: a title, the word box, the numbered terms."""

    title: str
    """``Review — DATE``, with the learner's name unless it is the whole class."""
    subtitle: str
    """``duizhao term bank, DATE: N terms due for review (LEARNER)``."""
    day: str
    """The day (ISO)."""
    lines: tuple[DueLine, ...]
    """The due terms, most overdue first, then the new ones."""
    word_bank: tuple[str, ...]
    """Every term, alphabetical, for the box the pupils choose from."""
    audience: Audience = "english"
    """``english``: the terms blanked; ``chinese``: each Chinese word's reading and meaning
    asked."""
    reading: Reading = "both"
    """The readings the Chinese sheet asks for and its key gives: ``pinyin``, ``jyutping`` or
    ``both``."""


def _due_line(it: DueItem) -> DueLine:
    if it.lang == "en":
        counterpart, meaning = it.zh, it.definition
    else:  # a Chinese word: its "zh" is the English gloss
        counterpart, meaning = None, it.zh or it.definition
    unsure = it.lang == "en" and it.uncertain and not it.zh
    if it.sentence and it.end > it.start:
        return DueLine(
            term=it.display,
            lang=it.lang,
            answer=it.sentence[it.start : it.end],
            before=it.sentence[: it.start],
            after=it.sentence[it.end :],
            counterpart=counterpart,
            meaning=meaning,
            uncertain=unsure,
        )
    return DueLine(
        it.display, it.lang, it.display, counterpart=counterpart, meaning=meaning, uncertain=unsure
    )


#: A Chinese sentence on the review sheet longer than this (characters) is cut to its clauses
#: around the word.
CLAUSE_LIMIT = 40
#: Where a shown sentence may be cut: full-width marks only. Not chinese/wei.py's clause ends,
#: which also take ASCII ",;:?!" (a token's neighbours): a number's comma (1,000) is no clause end.
_CLAUSE_END = "，；：。！？"


def clause_around(before: str, word: str, after: str, limit: int = CLAUSE_LIMIT) -> tuple[str, str]:
    """``before`` and ``after`` cut to the clauses around ``word`` (at ，；：。！？) when the
    sentence is longer than ``limit`` characters, with "…" where text is left out: a long
    sentence repeated for several items buries the word asked about. A clause is never cut
    inside; a sentence without a clause mark stays whole.

    Examples:
        >>> clause_around("法院指出，", "判決", "具指導性，各方應予尊重。", limit=10)
        ('…', '具指導性…')
        >>> clause_around("他說", "好", "。", limit=10)
        ('他說', '。')
    """
    if len(before) + len(word) + len(after) <= limit:
        return before, after
    cut = max(before.rfind(c) for c in _CLAUSE_END)
    if cut >= 0 and before[cut + 1 :].strip():
        before = "…" + before[cut + 1 :]
    elif cut >= 0 and cut == len(before) - 1:  # the word starts a clause: keep none before it
        before = "…"
    ends = [i for i in (after.find(c) for c in _CLAUSE_END) if i >= 0]
    if ends and min(ends) < len(after) - 1:
        after = after[: min(ends)] + "…"
    return before, after


def _chinese_line(it: DueItem, reading: Reading = "both") -> DueLine:
    """A card asked from the Chinese: the word (in its Chinese sentence, marked, where it has
    one), its readings (those ``reading`` asks for) and meaning the answer."""
    word = it.chinese or it.display
    shown = it.readings_as(reading) or None
    zh = it.sentence_lang == "zh" or (it.sentence_lang is None and it.lang == "zh")
    if zh and it.sentence and it.end > it.start:
        marked = it.sentence[it.start : it.end]
        before, after = clause_around(it.sentence[: it.start], marked, it.sentence[it.end :])
    else:  # no sentence, or an English one: it would print the answer
        marked, before, after = word, "", ""
    return DueLine(
        term=word, lang="zh", answer=marked, before=before, after=after, meaning=it.meaning,
        reading=shown,
    )  # fmt: skip


def due_sheet(
    items: Sequence[DueItem],
    on: date | str,
    *,
    learner: str = CLASS,
    audience: Audience = "english",
    reading: Reading = "both",
) -> DueSheet:
    """The review sheet of the due terms (from :meth:`~duizhao.bank.TermBank.due`).

    Args:
        items: The due items.
        on: The day.
        learner: Whose sheet.
        audience: ``english`` (the terms blanked in sentences) or ``chinese`` (each item asked
            from the Chinese: its reading and meaning; items that cannot be, an English word or
            a term with no certain counterpart, are left out).
        reading: The readings the Chinese sheet gives: ``pinyin``, ``jyutping`` or ``both``.

    Raises:
        DuizhaoError: No items (nothing is due).
    """
    audience = check_audience(audience)
    if audience == "chinese":
        items = [it for it in items if it.askable_in_chinese]
    if not items:
        raise DuizhaoError("nothing to review: no terms are due")
    day = as_date(on).isoformat()
    n = len(items)
    if audience == "chinese":
        lines = tuple(_chinese_line(it, reading) for it in items)
    else:
        lines = tuple(_due_line(it) for it in items)
    what = "word" if audience == "chinese" else "term"
    return DueSheet(
        title=("Review" if audience == "english" else "溫習 Review") + f" — {day}"
        + (f" ({learner})" if learner != CLASS else ""),
        subtitle=f"duizhao term bank, {day}: {n} {what}{'s' if n != 1 else ''} due for review "
        f"({learner})",
        day=day,
        lines=lines,
        word_bank=tuple(sorted({ln.term for ln in lines}, key=str.lower)),
        audience=audience,
        reading=reading,
    )  # fmt: skip


def render_due(
    items: Sequence[DueItem],
    on: date | str,
    *,
    learner: str = CLASS,
    templates: str | os.PathLike[str] | None = None,
    audience: Audience = "english",
    reading: Reading = "both",
) -> str:
    """The "due today" sheet as one HTML page (template ``bank/due.html.j2``), A4 when printed.

    Each due term is a blank in a sentence the class read (from the newest article on or before the
    day), with its Chinese counterpart and meaning as clues and a box of the terms to choose from;
    the answer key follows on its own page. The same bank and day give the same page. With
    ``audience="chinese"`` (template ``bank/due-chinese.html.j2``) each Chinese word is asked
    (its reading and meaning to write), in its sentence where it has a Chinese one; the key
    gives the readings ``reading`` asks for (``pinyin``, ``jyutping`` or ``both``).

    Raises:
        DuizhaoError: No items, or ``templates`` is not a folder.
    """
    sheet = due_sheet(items, on, learner=learner, audience=audience, reading=reading)
    name = "bank/due-chinese.html.j2" if sheet.audience == "chinese" else "bank/due.html.j2"
    return environment(templates).get_template(name).render(sheet=sheet, generator=generator())


def write_due(
    items: Sequence[DueItem],
    on: date | str,
    path: str | os.PathLike[str],
    *,
    learner: str = CLASS,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
    audience: Audience = "english",
    reading: Reading = "both",
) -> Path:
    """Write the due sheet as HTML, or as an A4 PDF with ``pdf=True`` (needs the ``pdf`` extra);
    ``audience="chinese"``: the sheet of a learner of Chinese, with the readings ``reading``
    asks for (:func:`render_due`)."""
    html = render_due(
        items, on, learner=learner, templates=templates, audience=audience, reading=reading
    )
    out = Path(path)
    if pdf:
        from ..output.pdf import html_to_pdf

        return html_to_pdf(html, out)
    return write_text(out, html)
