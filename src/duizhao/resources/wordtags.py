"""Word files in jieba's format: user dictionaries, and the part-of-speech tags read from them.

One reader (:func:`load_user_dict`) for every such file — jieba's own ``dict.txt``, the shipped
Hong Kong public-life dictionary and a user's dictionaries — and the two tables built from their
tags: every tag (:func:`pos_tags`, which the segmenter and the annotator ask) and the
four-character idioms and set phrases (:func:`set_phrase_tags`, which the glossary asks). Each
table is built once and cached on disk as a memory-mapped table
(:mod:`duizhao.resources.compact`).

Examples:
    >>> pos_tags(()).get("银行")  # "bank", asked in Simplified characters
    'n'
    >>> t = set_phrase_tags()
    >>> t.get("水土流失"), t.get("不可或缺"), t.get("监管机构")
    ('i', 'l', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from duizhao.errors import InputError
from duizhao.resources import diskcache
from duizhao.resources.compact import compact_table
from duizhao.resources.lexicon import hk_user_dict_path, package_file
from duizhao.text.convert import to_simplified

__all__ = ["load_user_dict", "pos_tags", "read_lines", "set_phrase_tags", "tagged_words"]


def read_lines(path: str | Path) -> Iterable[tuple[int, str]]:
    """The numbered lines of a word file (user dictionary, override file) that hold something.

    Lines are stripped; blank lines and lines starting with ``#`` are skipped.

    Raises:
        InputError: When the file is missing or not UTF-8.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), None, "file not found") from None
    except UnicodeDecodeError as err:
        raise InputError(str(path), None, f"not UTF-8 text ({err.reason})") from None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield n, line


def load_user_dict(path: str | Path) -> tuple[tuple[str, int | None, str | None], ...]:
    """Read a user dictionary in jieba's format: ``word [frequency] [part-of-speech]`` a line.

    Words may be written in Traditional or Simplified characters. Blank lines and lines starting
    with ``#`` are ignored.

    Example file::

        # word      frequency  tag
        創新及科技局  10         nt
        北部都會區

    Args:
        path: The file (UTF-8).

    Returns:
        ``(word, frequency or None, tag or None)`` per entry.

    Raises:
        InputError: For a line that is not ``word [integer] [tag]``.
    """
    entries = []
    for n, line in read_lines(path):
        parts = line.split()
        if len(parts) > 3 or any(ch in parts[0] for ch in "\t"):
            raise InputError(str(path), n, f"expected 'word [frequency] [tag]', found {line!r}")
        freq: int | None = None
        tag: str | None = None
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            if len(rest) > 1 or rest[0].isdigit():
                raise InputError(str(path), n, f"expected 'word [frequency] [tag]', found {line!r}")
            tag = rest[0]
        entries.append((parts[0], freq, tag))
    return tuple(entries)


def tagged_words(path: Path) -> Iterator[tuple[str, str]]:
    """``(word, tag)`` of each entry of a file in jieba's format that has a tag, in file order
    (the words as written)."""
    for word, _f, tag in load_user_dict(path):
        if tag:
            yield word, tag


def _jieba_dict() -> Path:
    return package_file("jieba", "dict.txt")


def _build_tags(user_dicts: tuple[Path, ...]) -> tuple[dict[str, str], dict[str, Any]]:
    tags = dict(tagged_words(_jieba_dict()))  # jieba's words are Simplified already
    for path in user_dicts:
        for word, tag in tagged_words(path):
            tags[to_simplified(word)] = tag
    return tags, {}


# Read-only tables, one per combination of user dictionaries (a few per process at most).
@lru_cache(maxsize=8)
def pos_tags(user_dicts: tuple[Path, ...] = ()) -> Mapping[str, str]:
    """jieba's part-of-speech tags (keys in Simplified), with the user dictionaries' tags (a
    later one's tag wins)."""
    key = diskcache.source_key(_jieba_dict(), *user_dicts)
    return compact_table("pos", key, lambda: _build_tags(user_dicts))


def _build_set_phrases(sources: tuple[Path, ...]) -> tuple[dict[str, str], dict[str, Any]]:
    tags: dict[str, str] = {}
    for path in sources:
        for word, tag in tagged_words(path):
            if len(word) == 4 and tag in ("i", "l"):
                tags[to_simplified(word)] = tag
    return tags, {}


# A read-only table opened once a process.
@cache
def set_phrase_tags() -> Mapping[str, str]:
    """The four-character idioms (jieba's tag ``i``, 成語) and set phrases (``l``, 習用語) of
    jieba's dictionary and the shipped Hong Kong user dictionary (the segmenter's tags):
    Simplified word → tag, built once and cached on disk."""
    sources = (_jieba_dict(), hk_user_dict_path())
    key = diskcache.source_key("set-phrases", *sources)
    return compact_table("set-phrases", key, lambda: _build_set_phrases(sources))
