"""Read bilingual articles into a :class:`~duizhao.model.Document`.

Two input formats are accepted (see the README for both, with examples in ``corpus/``):

* the **editorial text format** of Hong Kong newspapers: English paragraphs, a title line
  ``SOURCE YYYY.MM.DD：TITLE``, Chinese paragraphs and a glossary after a ``/ Glossary生字 /``
  header, in any order. A paragraph's language is decided by its script, not its position.
* the **Markdown format** for teachers who write their own articles: a ``---`` front matter block
  (``source``, ``date``, ``title_en``, ``title_zh``, ``pins``) and ``# English``, ``# 中文`` and
  ``# Glossary`` sections.

Glossary lines look like ``term (pos)【中文】：definition``. The part of speech and the
teacher-given Chinese equivalent are optional; the colon may be full-width or ASCII.

Text is decoded from UTF-8 (with or without BOM), UTF-16/32 with BOM, Big5-HKSCS or GB18030,
detected automatically or forced with ``encoding=``. Bad input raises
:class:`~duizhao.errors.InputError` naming the file, the line and the cause; problems the reader
can live with become ``Document.warnings``.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Document, GlossaryEntry, Lang, Meta, Paragraph
from .text.script import HAN_RE, LATIN_RE, script_of
from .text.sentences import split_sentences

__all__ = ["decode", "parse_glossary_line", "read", "read_bytes", "read_text", "script_of"]

# -- characters and scripts ---------------------------------------------------------------------

_SPACE = " \t\u3000\u00a0\ufeff\u200b"
_OK_CC = "\n\r\t\f\v\x1c\x1d\x1e"  # control characters that plain text may contain


# -- decoding -------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Chinese encodings tried when the bytes are not UTF-8; Big5-HKSCS is a superset of Big5.
_LEGACY = ("big5hkscs", "gb18030")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, *, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes.

    Args:
        data: The raw file content.
        path: Name used in error messages.
        encoding: Force this encoding instead of detecting one.

    Returns:
        ``(text, encoding)``.

    Raises:
        InputError: Empty or binary data, an unknown or wrong forced encoding, or bytes that no
            supported encoding decodes into Chinese text.
    """
    if not data.strip():
        raise InputError(path, None, "empty file")
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(path, None, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as e:
            raise InputError(
                path,
                _line_of(data, e.start),
                f"byte 0x{data[e.start]:02x} cannot be decoded as {encoding}",
            ) from None
        return _check_text(text, path), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), path), codec
            except UnicodeDecodeError as e:
                raise InputError(
                    path, None, f"bytes after the {codec} byte-order mark do not decode: {e.reason}"
                ) from None
    if b"\x00" in data:
        raise InputError(path, _line_of(data, data.index(b"\x00")), "binary data (NUL byte)")
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    candidates = [enc for enc in _LEGACY if _decodes(data, enc)]
    if len(candidates) > 1:
        candidates = _rank_legacy(data, candidates)
    for enc in candidates:
        text = data.decode(enc)
        if HAN_RE.search(text):
            return _check_text(text, path), enc
    raise InputError(
        path,
        _line_of(data, first_bad),
        f"byte 0x{data[first_bad]:02x} is not UTF-8, and the file is not Big5-HKSCS or GB18030 "
        "Chinese either (use --encoding to name the encoding)",
    )


def _decodes(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
    except UnicodeDecodeError:
        return False
    return True


def _rank_legacy(data: bytes, candidates: list[str]) -> list[str]:
    """Order the legacy encodings that decode ``data`` by charset-normalizer's verdict."""
    from charset_normalizer import from_bytes

    ranked = [m.encoding for m in from_bytes(data, cp_isolation=candidates)]
    known = [enc for enc in ranked if enc in candidates]
    return known + [enc for enc in candidates if enc not in known]


def _check_text(text: str, path: str) -> str:
    """Reject decoded text that is really binary data."""
    bad = [i for i, ch in enumerate(text) if unicodedata.category(ch) == "Cc" and ch not in _OK_CC]
    if len(bad) > max(2, len(text) // 100):
        first = bad[0]
        raise InputError(path, text.count("\n", 0, first) + 1, "binary data (control characters)")
    return text


def normalise_lines(text: str) -> list[str]:
    """Split text into lines with CRLF / CR / LS / PS line ends, dropping trailing blanks."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n")
    return [line.rstrip(_SPACE + "\f\v") for line in text.split("\n")]


# -- the title line -------------------------------------------------------------------------------

_TITLE = re.compile(
    r"^(?P<source>[^\d：:]{0,40}?)[\s,，]*"
    r"(?P<y>(?:19|20)\d\d)\s*[./\-年]\s*(?P<m>\d{1,2})\s*[./\-月]\s*(?P<d>\d{1,2})\s*日?"
    r"\s*[：:]\s*(?P<title>\S.*)$"
)


def _iso_date(y: str, m: str, d: str, path: str, line: int) -> str:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        raise InputError(path, line, f"invalid date {y}-{m}-{d}") from None


# -- glossary -------------------------------------------------------------------------------------

_HEADER_WORDS = (
    "glossary",
    "vocabulary",
    "vocab",
    "keywords",
    "keyterms",
    "wordbank",
    "生字",
    "詞彙",
    "词汇",
    "字詞",
    "词语",
    "詞語",
)
_HEADER_NOISE = re.compile(r"[\s/|｜\-—–_*#=~【】\[\]()（）:：.·•「」]+")


def is_glossary_header(line: str) -> bool:
    """True for glossary headers: ``/ Glossary生字 /``, ``Glossary``, ``生字``, ``Vocabulary``, …"""
    s = _HEADER_NOISE.sub("", line).lower()
    if not s or len(s) > 40:
        return False
    found = False
    while s:
        for word in _HEADER_WORDS:
            if s.startswith(word):
                s = s[len(word) :]
                found = True
                break
        else:
            return False
    return found


_POS = {
    "n": "n.",
    "noun": "n.",
    "v": "v.",
    "verb": "v.",
    "vt": "v.",
    "vi": "v.",
    "adj": "adj.",
    "adjective": "adj.",
    "a": "adj.",
    "adv": "adv.",
    "adverb": "adv.",
    "prep": "prep.",
    "preposition": "prep.",
    "conj": "conj.",
    "conjunction": "conj.",
    "pron": "pron.",
    "pronoun": "pron.",
    "det": "det.",
    "phr": "phr.",
    "phrase": "phr.",
    "phrv": "phr. v.",
    "phrasalverb": "phr. v.",
    "idiom": "idiom",
    "abbr": "abbr.",
    "abbreviation": "abbr.",
    "npl": "n. pl.",
    "pluralnoun": "n. pl.",
    "interj": "interj.",
}
_POS_GROUP = re.compile(r"[(（]\s*([A-Za-z][A-Za-z. /,&]*?)\s*[)）]")
_ZH_GROUP = re.compile(r"[【\[［〔]\s*([^】\]］〕]*?)\s*[】\]］〕]")
_BULLET = re.compile(r"^(?:[-*•·‧▪●]\s+|\d{1,3}\s*[.)、．]\s*|[(（]\d{1,3}[)）]\s*)")
_SEPARATOR = re.compile(r"\s*[：:]\s*|\t+\s*|\s+[–—-]\s+")
_ZH_SPLIT = re.compile(r"\s*[／/、;；,，|｜]\s*")


def _normalise_pos(raw: str) -> str | None:
    parts = re.split(r"\s*[/,&]\s*", raw.strip())
    out = []
    for part in parts:
        key = re.sub(r"[\s.]", "", part.lower())
        if key not in _POS:
            return None
        out.append(_POS[key])
    return " / ".join(out) if out else None


def parse_glossary_line(line: str, *, path: str = "<string>", lineno: int | None = None):
    """Parse one glossary line into a :class:`GlossaryEntry`.

    Accepted forms (the colon may be ``：`` or ``:``; a tab or a spaced dash also separates)::

        cluster：a group of things …
        cluster (n.)：a group of things …
        cluster (n.)【集群】：a group of things …      teacher-given equivalent
        memorandum of understanding [合作備忘錄／諒解備忘錄]: …   alternatives
        cluster：集群                                  a translation instead of a definition
        1. cluster: …  /  - cluster: …                 numbered or bulleted

    Returns:
        The entry, or ``None`` when the line is not a glossary entry at all.
    """
    body = _BULLET.sub("", line.strip(_SPACE))
    m: re.Match[str] | None = _SEPARATOR.search(body)
    if m is None or m.start() == 0:
        return None
    head, definition = body[: m.start()], body[m.end() :].strip(_SPACE)
    zh: list[str] = []
    for g in _ZH_GROUP.finditer(head):
        zh.extend(z for z in _ZH_SPLIT.split(g.group(1)) if z)
    head = _ZH_GROUP.sub(" ", head)
    pos = None
    for g in list(_POS_GROUP.finditer(head)):
        p = _normalise_pos(g.group(1))
        if p is not None:
            pos = p
            head = head.replace(g.group(0), " ")
    if pos is None:
        lead = _POS_GROUP.match(definition)
        if lead and (p := _normalise_pos(lead.group(1))) is not None:
            pos, definition = p, definition[lead.end() :].strip(_SPACE)
    term = " ".join(head.split())
    if not term or not LATIN_RE.search(term) or HAN_RE.search(term) or len(term.split()) > 8:
        return None
    if re.search(r"[.!?;]$|[,;]\s", term):
        return None
    if definition and not LATIN_RE.search(definition) and HAN_RE.search(definition) and not zh:
        zh = [z for z in _ZH_SPLIT.split(definition) if z]
        definition = ""
    return GlossaryEntry(term=term, definition=definition, pos=pos, zh=tuple(zh), line=lineno)


# -- the editorial format -------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?。！？…:：;；][\"'”’」』)）\]]*$")


@dataclass
class _Builder:
    """Collects paragraphs and glossary entries while the lines are read."""

    path: str
    meta: dict[str, str | None] = field(default_factory=dict)
    en: list[Paragraph] = field(default_factory=list)
    zh: list[Paragraph] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pins: list[tuple[int, int]] = field(default_factory=list)

    def warn(self, line: int | None, message: str) -> None:
        where = f"{self.path}:{line}" if line is not None else self.path
        self.warnings.append(f"{where}: {message}")

    def add_block(self, block: list[tuple[int, str]], lang: Lang | None = None) -> None:
        """Turn a run of non-blank lines into one or more paragraphs."""
        for lineno, lines in _split_block(block):
            text = "\n".join(lines).strip(_SPACE + "\n")
            para_lang = script_of(text)
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

    def add_glossary(self, entry: GlossaryEntry) -> None:
        if any(e.term.lower() == entry.term.lower() for e in self.glossary):
            self.warn(entry.line, f"glossary term {entry.term!r} appears twice")
        self.glossary.append(entry)

    def document(self, fmt: str, encoding: str | None, path: str | None) -> Document:
        if not self.zh:
            raise InputError(self.path, None, "no Chinese paragraphs found")
        if not self.en:
            raise InputError(self.path, None, "no English paragraphs found")
        meta = Meta(
            source=self.meta.get("source"),
            date=self.meta.get("date"),
            title_zh=self.meta.get("title_zh"),
            title_en=self.meta.get("title_en"),
            path=path,
            encoding=encoding,
            format=fmt,
        )
        return Document(
            meta=meta,
            en=tuple(self.en),
            zh=tuple(self.zh),
            glossary=tuple(self.glossary),
            pins=tuple(self.pins),
            warnings=tuple(self.warnings),
        )


def _split_block(block: list[tuple[int, str]]) -> Iterable[tuple[int, list[str]]]:
    """Split a block of consecutive lines into paragraphs.

    A block is split where the script changes. Within one script, if every line ends a sentence,
    each line is a paragraph (one paragraph per line, no blank lines between). Otherwise the text is
    hard-wrapped, and a paragraph ends at a line that ends a sentence and is clearly shorter than
    the wrap width.
    """
    runs: list[list[tuple[int, str]]] = []
    for lineno, line in block:
        lang = script_of(line)
        if runs and (lang is None or script_of(" ".join(t for _, t in runs[-1])) == lang):
            runs[-1].append((lineno, line))
        else:
            runs.append([(lineno, line)])
    for run in runs:
        # The lines are yielded as written (an indented continuation line keeps its indent, so
        # nothing is lost); the caller strips each paragraph's own leading and trailing blanks.
        # The stripped lines only decide where paragraphs end.
        lines = [t.strip(_SPACE) for _, t in run]
        if len(lines) == 1 or all(_TERMINAL.search(t) for t in lines):
            for lineno, raw in run:
                yield lineno, [raw]
            continue
        width = max(len(t) for t in lines)
        start = 0
        for i, t in enumerate(lines):
            if i == len(lines) - 1 or (_TERMINAL.search(t) and len(t) < 0.8 * width):
                yield run[start][0], [raw for _, raw in run[start : i + 1]]
                start = i + 1


def _bad_glossary_line(line: str) -> str:
    return f"cannot read glossary line {line[:60]!r}: expected 'term：definition'"


def _looks_like_prose(line: str) -> bool:
    """A line in the glossary section that is really an article paragraph."""
    lang = script_of(line)
    if lang == "zh":
        return True
    return lang == "en" and len(line.split()) >= 12 and bool(_TERMINAL.search(line))


def _parse_editorial(lines: list[str], b: _Builder, first_line: int = 1) -> None:
    block: list[tuple[int, str]] = []
    in_glossary = False

    def flush() -> None:
        if block:
            b.add_block(block)
            block.clear()

    for i, raw in enumerate(lines):
        lineno = first_line + i
        line = raw.strip(_SPACE)
        if not line:
            flush()
            continue
        title = _TITLE.match(line)
        if title and script_of(title.group("title")) is not None and len(line) < 200:
            flush()
            in_glossary = False
            _take_title(title, b, lineno)
            continue
        if is_glossary_header(line):
            flush()
            in_glossary = True
            continue
        if in_glossary:
            entry = parse_glossary_line(line, path=b.path, lineno=lineno)
            if entry is not None:
                b.add_glossary(entry)
                continue
            if _looks_like_prose(line):
                in_glossary = False  # the glossary has ended and the article goes on
            else:
                raise InputError(b.path, lineno, _bad_glossary_line(line))
        block.append((lineno, raw))
    flush()


def _take_title(m: re.Match[str], b: _Builder, lineno: int) -> None:
    title = m.group("title").strip(_SPACE)
    lang = script_of(title)
    key = "title_zh" if lang == "zh" else "title_en"
    if b.meta.get(key):
        b.warn(lineno, f"a second title line; kept the first ({b.meta[key]!r})")
        return
    b.meta[key] = title
    date = _iso_date(m.group("y"), m.group("m"), m.group("d"), b.path, lineno)
    if b.meta.get("date") and b.meta["date"] != date:
        b.warn(lineno, f"title lines disagree on the date ({b.meta['date']} and {date})")
    b.meta.setdefault("date", date)
    source = m.group("source").strip(_SPACE + ",，")
    if (source and not b.meta.get("source")) or (source and lang == "zh"):
        b.meta["source"] = source


# -- the Markdown format --------------------------------------------------------------------------

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
_META_KEYS = {"source", "date", "title_en", "title_zh", "pins"}
_PIN = re.compile(r"^\s*(\d+)\s*[=:\-]\s*(\d+)\s*$")


def _parse_markdown(lines: list[str], b: _Builder) -> None:
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
        line = lines[i].strip(_SPACE)
        heading = re.match(r"^#{1,6}\s*(.*?)\s*#*$", line)
        if heading:
            flush()
            name = heading.group(1).strip().lower()
            if name in _SECTIONS:
                section = _SECTIONS[name]
            elif is_glossary_header(name):
                section = "glossary"
            else:
                raise InputError(
                    b.path,
                    lineno,
                    f"unknown section {heading.group(1)!r} (use English, 中文 or Glossary)",
                )
            seen_section = True
            continue
        if not line:
            flush()
            continue
        if section == "glossary":
            entry = parse_glossary_line(line, path=b.path, lineno=lineno)
            if entry is None:
                raise InputError(b.path, lineno, _bad_glossary_line(line))
            b.add_glossary(entry)
            continue
        if not seen_section:
            # No sections: the body is read like the editorial format.
            _parse_editorial(lines[i:], b, first_line=lineno)
            return
        block.append((lineno, lines[i]))
    flush()


def _front_matter_line(line: str, lineno: int, b: _Builder) -> None:
    if not line.strip() or line.lstrip().startswith("#"):
        return
    m = re.match(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$", line)
    if m is None:
        raise InputError(b.path, lineno, f"front matter line {line.strip()!r} is not 'key: value'")
    key, value = m.group(1).lower(), m.group(2)
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
        b.meta["date"] = _iso_date(y, mo, dd, b.path, lineno)
    elif key == "pins":
        for part in filter(None, (p.strip() for p in value.split(","))):
            pin = _PIN.match(part)
            if pin is None:
                raise InputError(b.path, lineno, f"pin {part!r} is not 'EN=ZH' paragraph numbers")
            b.pins.append((int(pin.group(1)), int(pin.group(2))))
    else:
        b.meta[key] = value or None


# -- entry points ---------------------------------------------------------------------------------


def read_text(
    text: str,
    *,
    path: str = "<string>",
    fmt: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Parse an article from a string.

    Args:
        text: The article.
        path: Name used in error messages and ``meta.path``.
        fmt: ``"editorial"`` or ``"markdown"``; detected when ``None`` (front matter or ``#``
            section headings mean Markdown).
        encoding: Recorded in ``meta.encoding``.

    Raises:
        InputError: The text is not an article duizhao can read.
    """
    lines = normalise_lines(text)
    if not any(line.strip(_SPACE) for line in lines):
        raise InputError(path, None, "empty file")
    if fmt is None:
        fmt = "markdown" if _looks_like_markdown(lines, path) else "editorial"
    b = _Builder(path=path)
    if fmt == "markdown":
        _parse_markdown(lines, b)
    elif fmt == "editorial":
        _parse_editorial(lines, b)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return b.document(fmt, encoding, None if path.startswith("<") else path)


def _looks_like_markdown(lines: list[str], path: str) -> bool:
    if path.lower().endswith((".md", ".markdown")):
        return True
    first = next((line.strip() for line in lines if line.strip()), "")
    return first == "---" or bool(re.match(r"^#{1,6}\s*(english|中文|chinese)\s*$", first, re.I))


def read_bytes(
    data: bytes, *, path: str = "<bytes>", encoding: str | None = None, fmt: str | None = None
) -> Document:
    """Decode and parse an article given as bytes (see :func:`decode` and :func:`read_text`)."""
    text, enc = decode(data, path=path, encoding=encoding)
    return read_text(text, path=path, fmt=fmt, encoding=enc)


def read(path: str | Path, *, encoding: str | None = None, fmt: str | None = None) -> Document:
    """Read an article file into a :class:`Document`.

    Example:
        >>> doc = read("corpus/2025-09-02-wipo-innovation-clusters.txt")
        >>> doc.meta.source, doc.meta.date, len(doc.en), len(doc.zh)
        ('明報社評', '2025-09-02', 6, 7)

    Args:
        path: The file.
        encoding: Force an encoding (e.g. ``"big5hkscs"``); detected when ``None``.
        fmt: Force ``"editorial"`` or ``"markdown"``; detected when ``None``.

    Raises:
        InputError: The file cannot be read, or is not an article duizhao understands.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(name, None, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, None, "is a directory, not a file") from None
    except OSError as e:
        raise InputError(name, None, f"cannot read file: {e.strerror or e}") from None
    return read_bytes(data, path=name, encoding=encoding, fmt=fmt)
