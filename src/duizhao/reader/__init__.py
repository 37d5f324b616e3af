"""Read bilingual articles into a :class:`~duizhao.model.Document`.

Two input formats are accepted (a registry, :mod:`.formats`; see the README for both, with
examples in ``corpus/``):

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

Modules:
    decode: bytes to text (encoding detection) and line normalisation.
    glossary_line: glossary lines and section headers.
    builder: what both formats share (paragraphs, titles, dates).
    formats: the input formats, one module each (``editorial``, ``markdown``).
    pins: the one grammar of pinned paragraph pairs (``EN:ZH``) and the old sidecar file.
    corrections: the corrections file beside an article (``NAME.duizhao.toml``): read, applied
        as far as the text as read goes, and rewritten keeping its comments.
    lines: plain text files of units, one a line (``duizhao align --en/--zh``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..errors import InputError
from ..model import Corrections, Document
from ..registry import discover, unknown_choice
from ..text.script import script_of
from .attach import attach_corrections
from .builder import Builder
from .corrections import corrections_path, read_corrections
from .decode import BLANKS, MAX_BYTES, decode, normalise_lines, read_file_bytes
from .formats import InputFormat
from .glossary_line import is_glossary_header, parse_glossary_line
from .lines import read_lines
from .pins import pins_path

__all__ = [
    "decode",
    "find_corrections",
    "input_formats",
    "is_glossary_header",
    "normalise_lines",
    "parse_glossary_line",
    "read",
    "read_bytes",
    "read_lines",
    "read_text",
    "script_of",
]


def input_formats() -> Mapping[str, InputFormat]:
    """The input formats by name (``editorial``, ``markdown``, and any module added to
    :mod:`duizhao.reader.formats`)."""
    return discover(f"{__name__}.formats", "FORMAT")


def _priority(f: InputFormat) -> tuple[int, str]:
    return f.priority, f.name


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
        fmt: A format name (``"editorial"``, ``"markdown"``, …); detected when ``None``
            (front matter or ``#`` section headings mean Markdown).
        encoding: Recorded in ``meta.encoding``.

    Raises:
        InputError: The text is not an article duizhao can read.

    Examples:
        >>> doc = read_text(
        ...     "Trams are slow but cheap.\\n\\n電車雖然慢，但很便宜。\\n\\n"
        ...     "/ Glossary生字 /\\n\\ntram【電車】：a vehicle that runs on rails in the street\\n"
        ... )
        >>> doc.en[0].text, doc.zh[0].text
        ('Trams are slow but cheap.', '電車雖然慢，但很便宜。')
        >>> [(entry.term, entry.zh) for entry in doc.glossary]  # the term and its given Chinese
        [('tram', ('電車',))]
    """
    lines = normalise_lines(text)
    if not any(line.strip(BLANKS) for line in lines):
        raise InputError(path, None, "empty file")
    formats = input_formats()
    if fmt is None:
        chosen = next(f for f in sorted(formats.values(), key=_priority) if f.sniff(lines, path))
    elif fmt in formats:
        chosen = formats[fmt]
    else:
        raise ValueError(unknown_choice("format", fmt, formats))
    b = Builder(path=path)
    chosen.parse(lines, b)
    return b.document(chosen.name, encoding, None if path.startswith("<") else path)


def read_bytes(
    data: bytes, *, path: str = "<bytes>", encoding: str | None = None, fmt: str | None = None
) -> Document:
    """Decode and parse an article given as bytes (see :func:`decode` and :func:`read_text`)."""
    text, enc = decode(data, path=path, encoding=encoding)
    return read_text(text, path=path, fmt=fmt, encoding=enc)


def read(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    fmt: str | None = None,
    sidecar: bool = True,
    corrections: str | os.PathLike[str] | Corrections | bool | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Document:
    """Read an article file into a :class:`Document`, with its corrections file.

    Examples:
        >>> doc = read("corpus/2025-09-02-wipo-innovation-clusters.txt")
        >>> doc.meta.source, doc.meta.date, len(doc.en), len(doc.zh)
        ('明報社評', '2025-09-02', 6, 7)

    Args:
        path: The file.
        encoding: Force an encoding (e.g. ``"big5hkscs"``); detected when ``None``.
        fmt: Force ``"editorial"`` or ``"markdown"``; detected when ``None``.
        sidecar: Read the files beside the article: its corrections file ``NAME.duizhao.toml``
            and the old pin file ``NAME.align.toml`` (see :mod:`duizhao.reader.corrections`).
        corrections: ``None`` (the default: the file beside the article when ``sidecar``),
            ``False`` for none, a corrections file to use instead, or
            :class:`~duizhao.model.Corrections` already read. They travel in
            ``doc.corrections``; pins and counterpart choices are applied here, the rest by the
            later stages (:func:`duizhao.pipeline.annotate`).
        max_bytes: The largest file accepted (default :data:`~.decode.MAX_BYTES`, 2 MiB);
            ``None`` for no limit.

    Raises:
        InputError: The file (or its corrections file) cannot be read, is too large, or is not
            an article duizhao understands.
    """
    name = str(path)
    data = read_file_bytes(path, max_bytes)
    doc = read_bytes(data, path=name, encoding=encoding, fmt=fmt)
    return attach_corrections(doc, find_corrections(path, corrections, sidecar=sidecar))


def find_corrections(
    article: str | os.PathLike[str],
    corrections: str | os.PathLike[str] | Corrections | bool | None = None,
    *,
    sidecar: bool = True,
) -> Corrections | None:
    """The corrections of an article (see :func:`read` for ``corrections`` and ``sidecar``).

    Raises:
        InputError: A corrections file named explicitly does not exist, or one cannot be read.
    """
    if isinstance(corrections, Corrections):
        return corrections
    if corrections is False:
        return None
    if corrections is not None and corrections is not True:
        explicit = Path(corrections)
        if not explicit.is_file():
            raise InputError(str(explicit), None, "no such corrections file")
        return read_corrections(explicit)
    if not sidecar:
        return None
    own = corrections_path(article)
    if own.is_file() or pins_path(article).is_file():
        return read_corrections(own, article=article)
    return None
