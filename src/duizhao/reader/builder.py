"""What both article formats share: collecting paragraphs, glossary entries, titles and dates."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Document, GlossaryEntry, Lang, Meta, Paragraph
from ..text.script import script_counts, script_of, script_of_counts
from ..text.sentences import split_sentences
from .decode import BLANKS
from .masthead import date_line

__all__ = ["TERMINAL", "Builder", "iso_date"]

TERMINAL = re.compile(r"[.!?。！？…:：;；][\"'”’」』)）\]]*$")


@dataclass
class Builder:
    """Collects paragraphs and glossary entries while the lines are read."""

    path: str
    meta: dict[str, str | None] = field(default_factory=dict)
    en: list[Paragraph] = field(default_factory=list)
    zh: list[Paragraph] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pins: list[tuple[int, int]] = field(default_factory=list)
    pin_lines: list[int | None] = field(default_factory=list)
    """The line each of ``pins`` was read from (when known)."""
    section_lines: dict[str, int] = field(default_factory=dict)
    """The line of a Markdown file's ``# English`` and ``# 中文`` headings, by language."""

    def warn(self, line: int | None, message: str) -> None:
        where = f"{self.path}:{line}" if line is not None else self.path
        self.warnings.append(f"{where}: {message}")

    def add_block(self, block: list[tuple[int, str]], lang: Lang | None = None) -> None:
        """Turn a run of non-blank lines into one or more paragraphs."""
        for lineno, lines in _split_block(block):
            text = "\n".join(lines).strip(BLANKS + "\n")
            para_lang = script_of(text)
            if para_lang is None and (date := date_line(text)) is not None:
                self.take_date(iso_date(*date, self.path, lineno), lineno)  # 2026-12-03
                continue
            if para_lang is None:
                self.warn(lineno, f"skipped a line with no English or Chinese text: {text[:40]!r}")
                continue
            if lang is not None and para_lang != lang:
                self.warn(lineno, f"paragraph in the {lang} section looks like {para_lang}")
                para_lang = lang
            para = Paragraph(
                lang=para_lang,
                text=text,
                sentences=split_sentences(text, para_lang),
                line=lineno,
            )
            (self.en if para_lang == "en" else self.zh).append(para)

    def take_date(self, date: str, line: int | None) -> None:
        """The article's date from a date line (the first one wins; another is warned about)."""
        if self.meta.get("date") and self.meta["date"] != date:
            self.warn(line, f"two dates ({self.meta['date']} and {date}): kept the first")
        self.meta.setdefault("date", date)

    def add_glossary(self, entry: GlossaryEntry) -> None:
        if any(e.term.lower() == entry.term.lower() for e in self.glossary):
            self.warn(entry.line, f"glossary term {entry.term!r} appears twice")
        self.glossary.append(entry)

    def document(self, fmt: str, encoding: str | None, path: str | None) -> Document:
        for lang, paras, name in (("zh", self.zh, "Chinese"), ("en", self.en, "English")):
            if not paras:
                line = self.section_lines.get(lang)
                empty = f": the {name} section under this heading is empty" if line else ""
                raise InputError(self.path, line, f"no {name} paragraphs found{empty}")
        for k, (e, z) in enumerate(self.pins):
            if not (0 <= e < len(self.en) and 0 <= z < len(self.zh)):
                line = self.pin_lines[k] if k < len(self.pin_lines) else None
                raise InputError(
                    self.path,
                    line,
                    f"pin {e}={z} is outside the article: it has {len(self.en)} English and "
                    f"{len(self.zh)} Chinese paragraphs, numbered from 0",
                )
        self._check_given_equivalents()
        meta = Meta(
            source=self.meta.get("source"),
            date=self.meta.get("date"),
            title_zh=self.meta.get("title_zh"),
            title_en=self.meta.get("title_en"),
            path=path,
            encoding=encoding,
            format=fmt,
            author=self.meta.get("author"),
        )
        return Document(
            meta=meta,
            en=tuple(self.en),
            zh=tuple(self.zh),
            glossary=tuple(self.glossary),
            pins=tuple(self.pins),
            warnings=tuple(self.warnings),
        )


    def _check_given_equivalents(self) -> None:
        """Warn about a teacher-given Chinese equivalent (``frequency【車次】``) that the Chinese
        text does not hold, in either script: nothing could be highlighted for it."""
        given = [(e, z) for e in self.glossary for z in e.zh]
        if not given:
            return
        from ..text.convert import to_simplified

        text = "\n".join(p.text for p in self.zh)
        simplified: str | None = None
        for entry, z in given:
            if z in text:
                continue
            if simplified is None:
                simplified = to_simplified(text)
            if to_simplified(z) not in simplified:
                self.warn(
                    entry.line,
                    f"the Chinese equivalent {z} of {entry.term!r} is not in the Chinese text",
                )


def _split_block(block: list[tuple[int, str]]) -> Iterable[tuple[int, list[str]]]:
    """Split a block of consecutive lines into paragraphs.

    A block is split where the script changes. Within one script, if every line ends a sentence,
    each line is a paragraph (one paragraph per line, no blank lines between). Otherwise the text is
    hard-wrapped, and a paragraph ends at a line that ends a sentence and is clearly shorter than
    the wrap width.
    """
    runs: list[list[tuple[int, str]]] = []
    han = latin = 0  # the script counts of the last run, kept as it grows (linear, not quadratic)
    for lineno, line in block:
        counts = script_counts(line)
        lang = script_of_counts(*counts)
        if runs and (lang is None or script_of_counts(han, latin) == lang):
            runs[-1].append((lineno, line))
            han, latin = han + counts[0], latin + counts[1]
        else:
            runs.append([(lineno, line)])
            han, latin = counts
    for run in runs:
        # The lines are yielded as written (an indented continuation line keeps its indent, so
        # nothing is lost); the caller strips each paragraph's own leading and trailing blanks.
        # The stripped lines only decide where paragraphs end.
        lines = [t.strip(BLANKS) for _, t in run]
        if len(lines) == 1 or all(TERMINAL.search(t) for t in lines):
            for lineno, raw in run:
                yield lineno, [raw]
            continue
        width = max(len(t) for t in lines)
        start = 0
        for i, t in enumerate(lines):
            if i == len(lines) - 1 or (TERMINAL.search(t) and len(t) < 0.8 * width):
                yield run[start][0], [raw for _, raw in run[start : i + 1]]
                start = i + 1


def iso_date(y: str, m: str, d: str, path: str, line: int) -> str:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        raise InputError(path, line, f"invalid date {y}-{m}-{d}") from None
