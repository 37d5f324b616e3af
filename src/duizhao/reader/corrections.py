"""The corrections file beside an article, ``NAME.duizhao.toml``: read, checked, and rewritten.

One file holds every correction a teacher makes to one article; every command and the Python API
read it with the article (:func:`duizhao.reader.read`), and ``duizhao review`` writes it. It is
TOML, rewritten with tomlkit so that a teacher's own comments and order survive every change::

    # 2025-09-02-wipo-innovation-clusters.duizhao.toml
    [paragraphs]
    pin = ["0:1"]            # English paragraph 0 is translated by Chinese paragraph 1
    unpin = ["3:4"]          # English 3 and Chinese 4 are not translations of each other

    [sentences]              # sentences numbered across the article, as `duizhao align` shows
    pin = ["0:0", "1:2", "2:2"]   # English 1 and 2 together with Chinese 2 (Chinese 1 then alone)

    [counterparts]           # glossary term = its Chinese counterpart in this article, or "none"
    cluster = "產業集群"
    preferential = "none"

    [highlights]             # Chinese highlights of a term, added or taken away
    add = [{term = "cluster", zh = "集群", paragraph = 3}]
    remove = [{term = "metric", zh = "指標"}]

    [readings]               # word = pinyin, or a table with pinyin and/or jyutping
    "會計" = "kuài jì"
    "行" = {pinyin = "háng", jyutping = "hong4"}

    [glosses]                # word = the English gloss to show
    "電車" = "tram"

    [words]                  # characters = the words they are cut into, separated by spaces
    "萬人次" = "萬 人次"

    [vocabulary]
    hide = ["shortage"]      # suggested words to leave out
    add = ["sluggish", {word = "短缺", translation = "shortage"}]

Paragraphs are numbered from 0 per language, as ``duizhao parse`` prints them. Pinyin may be
written with tone marks or digits (``kuai4 ji4``), one syllable per Han character; Jyutping with
digits. A line the reader cannot use is an error naming the line (``FILE:LINE: …``); an entry that
no longer matches the article (the text was edited) is a warning naming the line, and is left out,
never applied elsewhere. The old pin file ``NAME.align.toml`` is still read, with a note; when the
corrections file is next written its pins are moved in and the old file is renamed
``NAME.align.toml.bak`` (:class:`~duizhao.reader.corrections_file.CorrectionsFile` writes).

Examples:
    >>> c = parse_corrections('[counterparts]\\ncluster = "集群"\\n', "x.duizhao.toml")
    >>> c.counterparts
    (CounterpartChoice(term='cluster', zh='集群', line=2),)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import (
    Corrections,
    CounterpartChoice,
    GlossFix,
    Highlight,
    ReadingFix,
    VocabAddition,
    WordFix,
)
from ..text.script import is_han, term_lang
from .pins import parse_pin, pins_path, read_pins
from .toml_lines import value_lines

__all__ = [
    "NONE_WORDS",
    "SUFFIX",
    "corrections_path",
    "iter_entries",
    "parse_corrections",
    "read_corrections",
    "read_text",
]

#: The corrections file of ``NAME.txt`` is ``NAME`` + this, beside it.
SUFFIX = ".duizhao.toml"

#: The sections of the file and the keys a section with fixed keys may have.
_SECTIONS: dict[str, tuple[str, ...] | None] = {
    "paragraphs": ("pin", "unpin"),
    "sentences": ("pin",),
    "counterparts": None,
    "highlights": ("add", "remove"),
    "readings": None,
    "glosses": None,
    "words": None,
    "vocabulary": ("hide", "add"),
}

#: What a counterpart of "no counterpart in this article" is written as.
NONE_WORDS = frozenset({"none", "-", ""})

_JYUTPING = re.compile(r"^[a-z]+[1-6]$")
_PINYIN = re.compile(r"^[a-zü:āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+[1-5]?$")


def corrections_path(article: str | os.PathLike[str]) -> Path:
    """The corrections file of an article: ``NAME.duizhao.toml`` beside ``NAME.txt``.

    Examples:
        >>> corrections_path("corpus/trams.md").as_posix()
        'corpus/trams.duizhao.toml'
    """
    p = Path(article)
    return p.with_name(p.stem + SUFFIX)


# -- reading --------------------------------------------------------------------------------------


@dataclass
class _Reader:
    path: str
    lines: dict[tuple[Any, ...], int]
    out: dict[str, list[Any]] = field(default_factory=dict)

    def at(self, *path: Any) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def fail(self, path: tuple[Any, ...], message: str) -> InputError:
        return InputError(self.path, self.at(*path), message)

    def strings(self, value: Any, path: tuple[Any, ...], what: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(path, f"{what} must be a list of strings")
        return value


def _syllables(
    r: _Reader, word: str, text: Any, path: tuple[Any, ...], kind: str
) -> tuple[str, ...]:
    if not isinstance(text, str) or not text.strip():
        raise r.fail(path, f"the {kind} of {word!r} must be a non-empty string")
    han = sum(1 for ch in word if is_han(ch))
    syl = text.lower().split() if kind == "jyutping" else text.split()
    if len(syl) != han:
        raise r.fail(
            path,
            f"{word!r} has {han} Han character{'s' if han != 1 else ''} but the {kind} "
            f"{text!r} has {len(syl)} syllable{'s' if len(syl) != 1 else ''}",
        )
    if kind == "jyutping":
        bad = [s for s in syl if not _JYUTPING.match(s)]
        if bad:
            raise r.fail(path, f"{bad[0]!r} is not a Jyutping syllable (letters, then a tone 1-6)")
        return tuple(syl)
    bad = [s for s in syl if not _PINYIN.match(s.lower())]
    if bad:
        raise r.fail(path, f"{bad[0]!r} is not a pinyin syllable (tone marks or a digit 1-5)")
    return tuple(_tone_marks(s) for s in syl)


def _tone_marks(syllable: str) -> str:
    """``kuai4`` → ``kuài`` (pypinyin's converter; syllables with marks are kept)."""
    from pypinyin.contrib.tone_convert import to_tone

    s = syllable.strip().lower().replace("u:", "v").replace("ü", "v")
    if s and s[-1] in "12345":
        return to_tone(s[:-1] if s[-1] == "5" else s)
    return to_tone(s) if "v" in s else syllable.strip().lower()


def _pair(r: _Reader, item: Any, path: tuple[Any, ...]) -> tuple[int, int]:
    from ..errors import PinError

    if isinstance(item, str):
        try:
            return parse_pin(item)
        except PinError as e:
            raise r.fail(path, str(e)) from None
    if (
        isinstance(item, list)
        and len(item) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in item)
    ):
        return item[0], item[1]
    raise r.fail(path, f"{item!r} is not 'EN:ZH' (two paragraph numbers counted from 0)")


def _highlight(r: _Reader, item: Any, path: tuple[Any, ...]) -> Highlight:
    if not isinstance(item, dict) or set(item) - {"term", "zh", "paragraph"}:
        raise r.fail(path, "a highlight is {term = \"…\", zh = \"…\", paragraph = N}")
    term, zh, para = item.get("term"), item.get("zh"), item.get("paragraph")
    if not isinstance(term, str) or not term.strip() or not isinstance(zh, str) or not zh:
        raise r.fail(path, "a highlight needs a term and the Chinese it highlights (zh)")
    if para is not None and (not isinstance(para, int) or isinstance(para, bool) or para < 0):
        raise r.fail(path, "a highlight's paragraph is a Chinese paragraph number from 0")
    return Highlight(term=term.strip(), text=zh, paragraph=para, line=r.at(*path))


def _section(r: _Reader, name: str, body: Any) -> None:
    keys = _SECTIONS[name]
    if not isinstance(body, dict):
        raise r.fail((name,), f"{name!r} must be a section: [{name}]")
    if keys is not None:
        for k in body:
            if k not in keys:
                raise r.fail((name, k), f"unknown key {k!r} in [{name}] (known: {', '.join(keys)})")
    add = r.out.setdefault
    if name == "paragraphs":
        for kind in ("pin", "unpin"):
            items = body.get(kind, [])
            if not isinstance(items, list):
                raise r.fail((name, kind), f"{kind} must be a list of 'EN:ZH' pairs")
            for n, item in enumerate(items):
                add(kind + "s", []).append((_pair(r, item, (name, kind, n)), r.at(name, kind, n)))
    elif name == "sentences":
        items = body.get("pin", [])
        if not isinstance(items, list):
            raise r.fail((name, "pin"), "pin must be a list of 'EN:ZH' sentence pairs")
        for n, item in enumerate(items):
            pair = _pair(r, item, (name, "pin", n))
            add("sentence_pins", []).append((pair, r.at(name, "pin", n)))
    elif name == "counterparts":
        for term, zh in body.items():
            line = r.at(name, term)
            if zh is False or (isinstance(zh, str) and zh.strip().lower() in NONE_WORDS):
                add("counterparts", []).append(CounterpartChoice(term.strip(), None, line))
            elif isinstance(zh, str):
                add("counterparts", []).append(CounterpartChoice(term.strip(), zh.strip(), line))
            else:
                raise r.fail((name, term), f'the counterpart of {term!r} is "中文" or "none"')
    elif name == "highlights":
        for kind in ("add", "remove"):
            items = body.get(kind, [])
            if not isinstance(items, list):
                raise r.fail((name, kind), f"highlights {kind} must be a list")
            for n, item in enumerate(items):
                add("highlights_" + kind, []).append(_highlight(r, item, (name, kind, n)))
    elif name == "readings":
        for word, value in body.items():
            path = (name, word)
            if isinstance(value, str):
                value = {"pinyin": value}
            if not isinstance(value, dict) or not value or set(value) - {"pinyin", "jyutping"}:
                raise r.fail(path, f'the reading of {word!r} is "pinyin" or {{pinyin = "…", '
                             'jyutping = "…"}')
            if not any(is_han(ch) for ch in word):
                raise r.fail(path, f"{word!r} has no Han character to read")
            py = value.get("pinyin")
            jp = value.get("jyutping")
            add("readings", []).append(
                ReadingFix(
                    word=word,
                    pinyin=None if py is None else _syllables(r, word, py, path, "pinyin"),
                    jyutping=None if jp is None else _syllables(r, word, jp, path, "jyutping"),
                    line=r.at(*path),
                )
            )
    elif name == "glosses":
        for word, gloss in body.items():
            if not isinstance(gloss, str) or not gloss.strip():
                raise r.fail((name, word), f"the gloss of {word!r} must be a non-empty string")
            add("glosses", []).append(GlossFix(word, gloss.strip(), r.at(name, word)))
    elif name == "words":
        for text, value in body.items():
            path = (name, text)
            parts = value.split() if isinstance(value, str) else value
            if not isinstance(parts, list) or not all(isinstance(p, str) and p for p in parts):
                raise r.fail(path, f"the words of {text!r} are written separated by spaces")
            if "".join(parts) != text:
                raise r.fail(path, f"the words {' '.join(parts)!r} do not join back into {text!r}")
            add("words", []).append(WordFix(text, tuple(parts), r.at(*path)))
    elif name == "vocabulary":
        hide = r.strings(body.get("hide", []), (name, "hide"), "vocabulary hide")
        for n, word in enumerate(hide):
            add("vocabulary_hidden", []).append((word.strip(), r.at(name, "hide", n)))
        items = body.get("add", [])
        if not isinstance(items, list):
            raise r.fail((name, "add"), "vocabulary add must be a list")
        for n, item in enumerate(items):
            where: tuple[Any, ...] = (name, "add", n)
            if isinstance(item, str):
                item = {"word": item}
            if not isinstance(item, dict) or set(item) - {"word", "translation"}:
                raise r.fail(where, 'a word to add is "word" or {word = "…", translation = "…"}')
            word, tr = item.get("word"), item.get("translation", [])
            if not isinstance(word, str) or not word.strip():
                raise r.fail(where, "a word to add needs its word")
            tr = tr.split(";") if isinstance(tr, str) else tr
            tr = [t for t in r.strings(tr, where, "a translation") if t.strip()]
            word = word.strip()
            add("vocabulary_added", []).append(
                VocabAddition(term_lang(word), word, tuple(t.strip() for t in tr), r.at(*where))
            )


# A key written bare before "=", which TOML allows only in ASCII letters, digits, - and _.
_BARE_KEY = re.compile(r"^\s*([^\s\"'=\[#][^=\"']*?)\s*=")


def _toml_problem(text: str, error: Exception) -> str:
    """What is wrong on the line a TOML parse error names, in a teacher's words where it can.

    A Chinese word written as a key without quotes (``遮蔭 = "zhē yìn"``) is the usual slip: TOML
    says only "Empty key"; this says to quote the word.

    Examples:
        >>> from tomlkit import parse
        >>> from tomlkit.exceptions import ParseError
        >>> text = "[readings]\\n遮蔭 = {jyutping = \\"ze1 jam3\\"}\\n"
        >>> try:
        ...     parse(text)
        ... except ParseError as e:
        ...     print(_toml_problem(text, e))
        not TOML: a key in Chinese must be in quotes: "遮蔭" = …
    """
    line_no = getattr(error, "line", 0)
    lines = text.splitlines()
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    m = _BARE_KEY.match(line)
    if m and not m.group(1).isascii():
        return f'not TOML: a key in Chinese must be in quotes: "{m.group(1)}" = …'
    return f"not TOML: {str(error).split(' at line ')[0]}"


def parse_corrections(text: str, path: str | os.PathLike[str]) -> Corrections:
    """Read the text of a corrections file (see the module docstring for its form).

    Args:
        text: The file's text.
        path: Its name, for messages and :attr:`~duizhao.model.Corrections.path`.

    Raises:
        InputError: A line is not TOML, or an entry is not what its section holds
            (``FILE:LINE: …``).
    """
    import tomlkit
    from tomlkit.exceptions import ParseError

    where = str(path)
    try:
        data = tomlkit.parse(text).unwrap()
    except ParseError as e:
        raise InputError(where, e.line, _toml_problem(text, e)) from None
    r = _Reader(where, value_lines(text))
    for name, body in data.items():
        if name not in _SECTIONS:
            raise r.fail(
                (name,), f"unknown section [{name}] (known: {', '.join(_SECTIONS)})"
            )
        _section(r, name, body)
    o = r.out
    return Corrections(
        path=where,
        pins=tuple(p for p, _ in o.get("pins", ())),
        pin_lines=tuple(n for _, n in o.get("pins", ())),
        unpins=tuple(p for p, _ in o.get("unpins", ())),
        unpin_lines=tuple(n for _, n in o.get("unpins", ())),
        counterparts=tuple(o.get("counterparts", ())),
        highlights_added=tuple(o.get("highlights_add", ())),
        highlights_removed=tuple(o.get("highlights_remove", ())),
        readings=tuple(o.get("readings", ())),
        glosses=tuple(o.get("glosses", ())),
        words=tuple(o.get("words", ())),
        vocabulary_hidden=tuple(w for w, _ in o.get("vocabulary_hidden", ())),
        hidden_lines=tuple(n for _, n in o.get("vocabulary_hidden", ())),
        vocabulary_added=tuple(o.get("vocabulary_added", ())),
        sentence_pins=tuple(p for p, _ in o.get("sentence_pins", ())),
        sentence_pin_lines=tuple(n for _, n in o.get("sentence_pins", ())),
    )


def read_text(path: Path) -> str:
    """A corrections file's text (UTF-8, a BOM allowed).

    Raises:
        InputError: It cannot be read or is not UTF-8.
    """
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), None, "the corrections file is not UTF-8") from None
    except OSError as e:
        raise InputError(str(path), None, f"cannot read the file: {e.strerror or e}") from None


def read_corrections(
    path: str | os.PathLike[str], *, article: str | os.PathLike[str] | None = None
) -> Corrections:
    """Read a corrections file, and the old pin file of ``article`` if there is one.

    Args:
        path: The corrections file (it need not exist when ``article`` has an old pin file).
        article: The article, whose ``NAME.align.toml`` is folded in (its pins first).

    Raises:
        InputError: Either file has a line that cannot be read (``FILE:LINE: …``).
    """
    p = Path(path)
    c = parse_corrections(read_text(p), p) if p.is_file() else Corrections(path=str(p))
    old = pins_path(article) if article is not None else None
    if old is not None and old.is_file():
        pins = read_pins(old)
        c = replace(
            c,
            pins=(*pins, *c.pins),
            pin_lines=(*[None] * len(pins), *c.pin_lines),
            folded=str(old),
        )
    return c


def iter_entries(c: Corrections) -> Iterator[tuple[str, Any, int | None]]:
    """Every entry of a corrections file as ``(field, entry, line)`` (for listings and checks)."""
    for name in ("pins", "unpins", "sentence_pins", "vocabulary_hidden"):
        for k, e in enumerate(getattr(c, name)):
            yield name, e, c.line_of(name, k)
    for name in (
        "counterparts",
        "highlights_added",
        "highlights_removed",
        "readings",
        "glosses",
        "words",
        "vocabulary_added",
    ):
        for e in getattr(c, name):
            yield name, e, e.line
