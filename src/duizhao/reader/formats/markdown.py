"""The Markdown format, for teachers who write their own articles.

A ``---`` front matter block (``source``, ``date``, ``title_en``, ``title_zh``, ``pins``) and
``# English``, ``# 中文`` and ``# Glossary`` sections; without sections, the body is read like the
editorial format.
"""

from __future__ import annotations

import re

from ...errors import InputError, PinError
from ..builder import Builder, iso_date
from ..decode import BLANKS
from ..glossary_line import (
    bad_glossary_line,
    is_glossary_header,
    is_table_furniture,
    parse_glossary_line,
)
from ..pins import parse_pin
from . import InputFormat
from .editorial import parse_editorial

__all__ = ["FORMAT"]

_SECTIONS = {
    "english": "en",
    "en": "en",
    "英文": "en",
    "chinese": "zh",
    "zh": "zh",
    "中文": "zh",
    "中文原文": "zh",
    "原文": "zh",
}
_META_KEYS = {"source", "date", "title_en", "title_zh", "author", "pins"}


def _parse_markdown(lines: list[str], b: Builder) -> None:
    start = 0
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
        except StopIteration:
            raise InputError(b.path, 1, "front matter opened with '---' is never closed") from None
        for i in range(1, end):
            _front_matter_line(lines[i], i + 1, b)
        start = end + 1
    section: str | None = None
    block: list[tuple[int, str]] = []
    seen_section = False

    def flush() -> None:
        if block:
            if section in ("en", "zh"):
                b.add_block(block, section)  # type: ignore[arg-type]
            else:
                b.add_block(block)
            block.clear()

    for i in range(start, len(lines)):
        lineno = i + 1
        line = lines[i].strip(BLANKS)
        heading = re.match(r"^#{1,6}\s*(.*?)\s*#*$", line)
        if heading:
            flush()
            name = heading.group(1).strip().lower()
            if name in _SECTIONS:
                section = _SECTIONS[name]
                b.section_lines.setdefault(section, lineno)
            elif is_glossary_header(name):
                section = "glossary"
            else:
                hint = ""
                if _glossary_follows(lines, i + 1, b.path):
                    hint = "; the lines under it look like a glossary: write '# Glossary'"
                raise InputError(
                    b.path,
                    lineno,
                    f"unknown section {heading.group(1)!r} (use English, 中文 or Glossary{hint})",
                )
            seen_section = True
            continue
        if (
            seen_section
            and section != "glossary"
            and is_glossary_header(_unmarked(line))
            and _glossary_follows(lines, i + 1, b.path)
        ):
            # "Glossary" or "**Glossary**" as a line of its own, not a heading: the glossary
            # lines under it were read as paragraphs of the section before
            flush()
            b.warn(
                lineno,
                f"{line!r} is not a heading; the lines under it are read as the glossary "
                "(write '# Glossary')",
            )
            section = "glossary"
            continue
        if not line:
            flush()
            continue
        if section == "glossary":
            if is_table_furniture(line):
                continue
            entry = parse_glossary_line(line, path=b.path, lineno=lineno)
            if entry is None:
                raise InputError(b.path, lineno, bad_glossary_line(line))
            b.add_glossary(entry)
            continue
        if not seen_section:
            # No sections: the body is read like the editorial format.
            parse_editorial(lines[i:], b, first_line=lineno)
            return
        block.append((lineno, lines[i]))
    flush()


def _unmarked(line: str) -> str:
    """A line without Markdown emphasis and a closing colon (``**Glossary:**`` → ``Glossary``)."""
    return line.strip().strip("*_").strip().rstrip(":：").strip("*_").strip()


def _glossary_follows(lines: list[str], start: int, path: str) -> bool:
    """Whether the first line with text from ``start`` on is a glossary line
    (``term (pos.)【中文】: definition``)."""
    for j in range(start, len(lines)):
        text = lines[j].strip(BLANKS)
        if text:
            if text.startswith("#"):
                return False
            try:
                return parse_glossary_line(text, path=path, lineno=j + 1) is not None
            except InputError:
                return False
    return False


def _front_matter_line(line: str, lineno: int, b: Builder) -> None:
    if not line.strip() or line.lstrip().startswith("#"):
        return
    m = re.match(r"^\s*([A-Za-z_]+)\s*:(.*)$", line)
    if m is None:
        shown = line.strip()[:60]
        raise InputError(b.path, lineno, f"front matter line {shown!r} is not 'key: value'")
    key, value = m.group(1).lower(), m.group(2).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if key not in _META_KEYS:
        b.warn(lineno, f"unknown front matter key {key!r} ignored")
        return
    if key == "date":
        d = re.match(r"^(\d{4})\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?$", value)
        if d is None:
            raise InputError(b.path, lineno, f"date {value!r} is not YYYY-MM-DD")
        y, mo, dd = d.groups()
        b.meta["date"] = iso_date(y, mo, dd, b.path, lineno)
    elif key == "pins":
        for part in filter(None, (p.strip() for p in value.split(","))):
            try:
                b.pins.append(parse_pin(part))
                b.pin_lines.append(lineno)
            except PinError as e:
                raise InputError(b.path, lineno, str(e)) from None
    else:
        b.meta[key] = value or None


def _sniff(lines: list[str], path: str) -> bool:
    if path.lower().endswith((".md", ".markdown")):
        return True
    first = next((line.strip() for line in lines if line.strip()), "")
    return first == "---" or bool(re.match(r"^#{1,6}\s*(english|中文|chinese)\s*$", first, re.I))


FORMAT = InputFormat(name="markdown", parse=_parse_markdown, sniff=_sniff, priority=10)
