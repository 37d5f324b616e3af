"""The editorial text format of Hong Kong newspapers.

English paragraphs, a title line ``SOURCE YYYY.MM.DD：TITLE``, Chinese paragraphs and a glossary
after a ``/ Glossary生字 /`` header, in any order: a paragraph's language is decided by its script,
not its position. This is the fallback format: any text that no other format claims is read so.

A headline with no source and date (the first paragraph of a language: one short line that does
not end a sentence, with more paragraphs of that language after it) is taken as that language's
title, unless a title line already gave one. Under it, an article copied from a web page may have
a date line and a byline (:mod:`duizhao.reader.masthead`): the date is the article's, the byline is
taken out with a warning.
"""

from __future__ import annotations

import re

from ...errors import InputError
from ...text.script import script_of
from ..builder import TERMINAL, Builder, iso_date
from ..decode import BLANKS
from ..glossary_block import find_unknown_glossary, message
from ..glossary_line import (
    bad_glossary_line,
    is_glossary_header,
    is_table_furniture,
    parse_glossary_line,
)
from ..masthead import byline, date_line
from . import InputFormat

__all__ = ["FORMAT", "parse_editorial"]

_TITLE = re.compile(
    r"^(?P<source>[^\d：:]{0,40}?)[\s,，]*"
    r"(?P<y>(?:19|20)\d\d)\s*[./\-年]\s*(?P<m>\d{1,2})\s*[./\-月]\s*(?P<d>\d{1,2})\s*日?"
    r"\s*[：:]\s*(?P<title>\S.*)$"
)


def _looks_like_prose(line: str) -> bool:
    """A line in the glossary section that is really an article paragraph."""
    lang = script_of(line)
    if lang == "zh":
        return True
    return lang == "en" and len(line.split()) >= 12 and bool(TERMINAL.search(line))


def parse_editorial(lines: list[str], b: Builder, first_line: int = 1) -> None:
    block: list[tuple[int, str]] = []
    in_glossary = False
    unknown = find_unknown_glossary(lines)  # a glossary under a caption the reader does not know
    if unknown is not None:
        b.warn(*message(unknown, lines, first_line))
    starts = -1 if unknown is None or not unknown.read else unknown.first
    caption = -1 if starts < 0 or unknown is None or unknown.caption is None else unknown.caption

    def flush() -> None:
        if block:
            b.add_block(block)
            block.clear()

    for i, raw in enumerate(lines):
        lineno = first_line + i
        line = raw.strip(BLANKS)
        if not line:
            flush()
            continue
        if i == caption:
            flush()
            continue  # the caption of the glossary below: named in the warning
        if i == starts:
            flush()
            in_glossary = True
        title = _TITLE.match(line)
        if title and script_of(title.group("title")) is not None and len(line) < 200:
            flush()
            in_glossary = False
            _take_title(title, b, lineno)
            continue
        if is_glossary_header(line) or (
            not in_glossary and line[:1] in "|｜" and is_table_furniture(line)
        ):  # a table whose header row names its columns (| Term | 中文 | Meaning |) is one too
            flush()
            if not is_glossary_header(line):
                _take_caption(b, lineno)
            in_glossary = True
            continue
        if in_glossary:
            if is_table_furniture(line):
                continue
            entry = parse_glossary_line(line, path=b.path, lineno=lineno)
            if entry is not None:
                b.add_glossary(entry)
                continue
            if _looks_like_prose(line):
                in_glossary = False  # the glossary has ended and the article goes on
            else:
                raise InputError(b.path, lineno, bad_glossary_line(line))
        block.append((lineno, raw))
    flush()
    _take_masthead(b)
    _take_headlines(b)


def _take_caption(b: Builder, table: int) -> None:
    """The short line just above a glossary table (``Key words 重點詞彙``) is its heading, not a
    paragraph of the article: taken out, with a warning naming it."""
    paras = [p for p in (b.en, b.zh) if p]
    if not paras:
        return
    last = max(paras, key=lambda ps: ps[-1].line or 0)
    cap = last[-1]
    if (
        cap.line is not None
        and table - cap.line <= 2
        and len(last) >= 3
        and "\n" not in cap.text
        and len(cap.text) <= 60
        and not TERMINAL.search(cap.text)
    ):
        del last[-1]
        b.warn(cap.line, f"read {cap.text!r} as the heading of the glossary table below it")


_HEADLINE_MAX = {"zh": 40, "en": 120}
"""The longest headline, in characters (Chinese) or characters of text (English)."""


def _is_headline(lang: str, text: str) -> bool:
    if "\n" in text or len(text) > _HEADLINE_MAX[lang] or TERMINAL.search(text):
        return False
    return lang == "zh" or text[:1].isupper()


def _take_headlines(b: Builder) -> None:
    """Each language's first paragraph as its title when it is a headline (see the module's doc);
    a warning when a language's only paragraph is a headline and the other has several."""
    for lang, paras, other in (("zh", b.zh, b.en), ("en", b.en, b.zh)):
        if len(paras) == 1 and len(other) >= 3 and _is_headline(lang, paras[0].text):
            name = "Chinese" if lang == "zh" else "English"
            b.warn(
                paras[0].line,
                f"the only {name} paragraph is a headline: is the {name} text missing?",
            )
        if b.meta.get(f"title_{lang}") or len(paras) < 2 or not _is_headline(lang, paras[0].text):
            continue
        b.meta[f"title_{lang}"] = paras[0].text
        del paras[0]


def _take_masthead(b: Builder) -> None:
    """The lines above an article copied from a web page, in each language: a date line gives
    the date, a byline is taken out (with a warning naming it), and a headline on the first line
    of the same block is the title (a headline in a paragraph of its own is left to
    :func:`_take_headlines`). A paragraph is taken only when every line of it is one of these,
    and the article keeps at least one paragraph of the language. The bylines' warnings come in
    the order of their lines (the author is the English byline first, then the Chinese)."""
    said: list[tuple[int | None, str]] = []
    for lang, paras in (("en", b.en), ("zh", b.zh)):
        k = 0
        while k < len(paras) - 1:
            lines = [(i, t.strip(BLANKS)) for i, t in enumerate(paras[k].text.split("\n"))]
            dates = [(i, ymd) for i, t in lines if (ymd := date_line(t))]
            bylines = [(i, t) for i, t in lines if byline(t)]
            rest = {i for i, _ in lines} - {i for i, _ in dates} - {i for i, _ in bylines}
            headline = (
                k == 0 and not b.meta.get(f"title_{lang}") and _is_headline(lang, lines[0][1])
            )
            if headline and len(lines) == 1 and not (dates or bylines):
                k = 1  # the headline alone: is the next paragraph a date line or a byline?
                continue
            if not (dates or bylines) or not (not rest or (rest == {0} and headline)):
                break
            line0 = paras[k].line
            del paras[k]
            if rest:
                b.meta[f"title_{lang}"] = lines[0][1]
            for i, t in bylines:
                where = line0 and line0 + i
                said.append((where, f"read {t!r} as the byline (shown under the title)"))
                had = b.meta.get("author")  # English first: its paragraphs are read first
                b.meta["author"] = f"{had} / {t}" if had else t
            for i, (y, m, d) in dates:
                line = (line0 or 0) + i
                b.take_date(iso_date(y, m, d, b.path, line), line if line0 else None)
    for at, text in sorted(said, key=lambda w: w[0] or 0):
        b.warn(at, text)


def _take_title(m: re.Match[str], b: Builder, lineno: int) -> None:
    title = m.group("title").strip(BLANKS)
    lang = script_of(title)
    key = "title_zh" if lang == "zh" else "title_en"
    if b.meta.get(key):
        b.warn(lineno, f"a second title line; kept the first ({b.meta[key]!r})")
        return
    b.meta[key] = title
    date = iso_date(m.group("y"), m.group("m"), m.group("d"), b.path, lineno)
    if b.meta.get("date") and b.meta["date"] != date:
        b.warn(lineno, f"title lines disagree on the date ({b.meta['date']} and {date})")
    b.meta.setdefault("date", date)
    source = m.group("source").strip(BLANKS + ",，")
    if (source and not b.meta.get("source")) or (source and lang == "zh"):
        b.meta["source"] = source


def _sniff(lines: list[str], path: str) -> bool:
    return True


FORMAT = InputFormat(name="editorial", parse=parse_editorial, sniff=_sniff, priority=100)
