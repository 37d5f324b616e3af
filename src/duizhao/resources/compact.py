"""Read-only tables in compact, memory-mapped form: a trie of keys and flat arrays of values.

The big lookup tables of duizhao (the segmenter's dictionary, the pinyin phrases, the Jyutping
table, CC-CEDICT and its indexes) have hundreds of thousands of keys. As Python dicts they cost
70–100 MB each in every process and a few tenths of a second to load. Here a table is a
``marisa-trie`` of its keys (a few MB for 400,000 words) and one flat array per column, ordered by
the trie's key ids: numbers in a typed array, strings as one UTF-8 blob with an array of offsets.
The files are built once into the user cache directory (:mod:`duizhao.resources.diskcache` names
them) and *memory-mapped*: opening a table costs well under a millisecond, only the pages a
process reads are in its memory, and worker processes (``--jobs``, Dask workers on one machine)
share them through the page cache.

A table is written into a temporary folder and renamed into place, so a reader never sees half a
table; a damaged or missing one is rebuilt; when the cache directory cannot be written the table
is built in memory (slower start, same answers).

Examples:
    >>> t = compact_table("doctest-readings", "k1",
    ...                   lambda: ({"銀行": "yín háng", "會計": "kuài jì"}, {}), persist=False)
    >>> t.get("會計"), "銀行" in t, t.get("香港")  # "accountant", "bank", "Hong Kong"
    ('kuài jì', True, None)
    >>> [(k, t[k]) for k in t.prefixes("銀行家")]  # "banker": the keys that start it
    [('銀行', 'yín háng')]
"""

from __future__ import annotations

import mmap
import os
import shutil
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

from duizhao.resources import diskcache

__all__ = ["CompactTable", "StringColumn", "compact_table", "string_column"]


def _no_keys(text: str) -> list[Any]:
    """The prefix search of a table without keys."""
    return []


#: Bump when the files' layout changes.
FORMAT = 1

#: Column type codes (those of :mod:`array`): ``q`` 64-bit integers, ``d`` doubles, ``b`` bytes,
#: ``i`` 32-bit integers; a list of ``str`` is a string column.
_NUMBER_CODES = frozenset("bBiIqQd")


class StringColumn(Sequence[str]):
    """A read-only column of strings: one UTF-8 blob and the offset where each string starts."""

    def __init__(self, blob: Any, offsets: Any) -> None:
        self._blob = blob
        self._offsets = offsets
        self._n = len(offsets) - 1

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        o = self._offsets
        return str(self._blob[o[i] : o[i + 1]], "utf-8")


def string_column(values: Sequence[str]) -> StringColumn:
    """A string column held in memory (what a built table's column is before it is written).

    Examples:
        >>> string_column(["集群", "", "指標"])[2]  # "cluster", "", "metric"
        '指標'
    """
    offsets = array("q", [0])
    parts = []
    total = 0
    for v in values:
        b = v.encode("utf-8")
        parts.append(b)
        total += len(b)
        offsets.append(total)
    return StringColumn(memoryview(b"".join(parts)), memoryview(offsets))


class CompactTable(Mapping[str, str]):
    """A read-only table: a trie of keys (row = key id) and named columns of values.

    As a mapping it maps each key to its row of the ``value`` column (a string column); other
    columns are read with :meth:`column` and a key's row with :meth:`row`.
    """

    def __init__(self, trie: Any, columns: Mapping[str, Any]) -> None:
        self._trie = trie
        self._columns = dict(columns)
        self._get = trie.get if trie is not None else None
        self._values: Any = self._columns.get("value")
        # the value column's blob and offsets, for get() to decode a row without the column's
        # checks (a row from the trie is always in range)
        self._blob: Any = None
        self._offsets: Any = None
        if isinstance(self._values, StringColumn):
            self._blob, self._offsets = self._values._blob, self._values._offsets

    # -- keys ----------------------------------------------------------------------------------

    def row(self, key: str) -> int | None:
        """The row of ``key``, or ``None`` when it is not a key."""
        if self._get is None:
            return None
        row: int | None = self._get(key)
        return row

    def column(self, name: str) -> Any:
        """A column: a :class:`StringColumn` or a read-only typed memoryview of numbers."""
        return self._columns[name]

    def prefixes(self, text: str) -> list[str]:
        """The keys that are prefixes of ``text``, shortest first."""
        return list(self._trie.prefixes(text)) if self._trie is not None else []

    def prefix_rows(self, text: str) -> list[tuple[str, int]]:
        """``(key, row)`` of every key that is a prefix of ``text``, shortest first."""
        return list(self._trie.iter_prefixes_with_ids(text)) if self._trie is not None else []

    def prefix_search(self) -> Callable[[str], list[str]]:
        """:meth:`prefixes` as one callable to keep for a loop: the trie's own search, without a
        method call around it (a word graph or a Jyutping cut asks once a character)."""
        return self._trie.prefixes if self._trie is not None else _no_keys

    def prefix_row_search(self) -> Callable[[str], Iterable[tuple[str, int]]]:
        """:meth:`prefix_rows` as one callable to keep for a loop (see :meth:`prefix_search`),
        giving the ``(key, row)`` pairs one by one."""
        return self._trie.iter_prefixes_with_ids if self._trie is not None else _no_keys

    # -- the Mapping protocol (keys to their ``value``) ----------------------------------------

    def __getitem__(self, key: str) -> str:
        row = self._get(key) if self._get is not None else None
        if row is None:
            raise KeyError(key)
        value: str = self._values[row]
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default`` (faster than the Mapping default)."""
        row = self._get(key) if self._get is not None else None
        if row is None:
            return default
        o = self._offsets
        if o is None:
            return self._values[row]
        return str(self._blob[o[row] : o[row + 1]], "utf-8")

    def __contains__(self, key: object) -> bool:
        return self._trie is not None and isinstance(key, str) and key in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys()) if self._trie is not None else iter(())

    def __len__(self) -> int:
        return len(self._trie) if self._trie is not None else 0


Build = Callable[[], tuple[Mapping[str, Any] | Sequence[str] | None, Mapping[str, Any]]]


def _arrange(
    keyed: Mapping[str, Any] | Sequence[str] | None, extra: Mapping[str, Any]
) -> tuple[Any, dict[str, tuple[str, Any]]]:
    """The trie and the columns in key-id order, from what a build function returned.

    ``keyed`` is a mapping of key to its ``value`` string (or ``None``/a list of keys for a table
    without a ``value`` column); ``extra`` maps a column name to ``(code, values)`` in the same key
    order, or to a sequence of ``str`` for a string column. A table without keys (``None``) keeps
    its columns in the given order, and so does a column whose name starts with ``_`` (a few
    numbers about the whole table, not one per key).
    """
    import marisa_trie

    columns: dict[str, tuple[str, Any]] = {}
    if keyed is None:
        trie = None
        order: list[int] | None = None
    else:
        keys = list(keyed)
        trie = marisa_trie.Trie(keys)
        order = [0] * len(keys)
        for i, k in enumerate(keys):
            order[trie.key_id(k)] = i
        if isinstance(keyed, Mapping):
            values = list(keyed.values())
            columns["value"] = ("s", [values[i] for i in order])
    for name, spec in extra.items():
        if isinstance(spec, tuple):
            code, values = spec
        else:
            code, values = "s", spec
        values = list(values)
        if order is not None and not name.startswith("_"):
            values = [values[i] for i in order]
        columns[name] = (code, values)
    return trie, columns


def _write(folder: Path, trie: Any, columns: Mapping[str, tuple[str, Any]]) -> None:
    if trie is not None:
        trie.save(str(folder / "keys.marisa"))
    for name, (code, values) in columns.items():
        if code == "s":
            col = string_column(values)
            (folder / f"{name}.blob").write_bytes(bytes(col._blob))
            (folder / f"{name}.offsets").write_bytes(bytes(col._offsets))
        else:
            (folder / f"{name}.{code}").write_bytes(array(code, values).tobytes())


def _map(path: Path) -> Any:
    """The file as a read-only memoryview of its bytes (memory-mapped; empty files too)."""
    size = path.stat().st_size
    if size == 0:
        return memoryview(b"")
    with path.open("rb") as fh:
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return memoryview(mm)


def _open(folder: Path) -> CompactTable:
    import marisa_trie

    if (folder / "complete").read_text() != str(FORMAT):
        raise ValueError(f"{folder}: an incomplete or older table")
    trie = None
    if (folder / "keys.marisa").exists():
        trie = marisa_trie.Trie()
        trie.mmap(str(folder / "keys.marisa"))
    columns: dict[str, Any] = {}
    for f in sorted(folder.iterdir()):
        name, _, code = f.name.partition(".")
        if code == "blob":
            offsets = _map(folder / f"{name}.offsets").cast("q")
            columns[name] = StringColumn(_map(f), offsets)
        elif code in _NUMBER_CODES:
            columns[name] = _map(f).cast(code)
    return CompactTable(trie, columns)


def _in_memory(trie: Any, columns: Mapping[str, tuple[str, Any]]) -> CompactTable:
    cols: dict[str, Any] = {}
    for name, (code, values) in columns.items():
        cols[name] = string_column(values) if code == "s" else memoryview(array(code, values))
    return CompactTable(trie, cols)


def compact_table(name: str, key: str, build: Build, *, persist: bool = True) -> CompactTable:
    """Open the table ``name``/``key`` from the cache directory, or build and write it first.

    Args:
        name: The table's name (the first part of its folder's name).
        key: A :func:`duizhao.resources.diskcache.source_key` of what it is built from.
        build: Returns ``(keyed, columns)``: a mapping of each key to its ``value`` string (or
            a list of keys, or ``None`` for a table without keys), and further columns, each a
            list of ``str`` or ``(type code, numbers)`` in the keys' order.
        persist: Write the table to the cache directory (``False``: build it in memory).

    Returns:
        The table (memory-mapped when it could be written).
    """
    folder = diskcache.cache_dir() / f"{name}-{key}.table"
    if persist:
        try:
            return _open(folder)
        except Exception:  # missing, damaged or of another layout: build it
            pass
    with diskcache.gc_paused():
        keyed, extra = build()
        trie, columns = _arrange(keyed, extra)
    if not persist:
        return _in_memory(trie, columns)
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        _write(tmp, trie, columns)
        (tmp / "complete").write_text(str(FORMAT))
        try:
            os.rename(tmp, folder)
        except OSError:  # a table is in the way: another process's (use it) or a damaged one
            try:
                return _open(folder)
            except Exception:
                shutil.rmtree(folder, ignore_errors=True)
                os.rename(tmp, folder)
        diskcache.prune_stale(name, folder)
        return _open(folder)
    except Exception:  # an unwritable cache directory only costs time
        return _in_memory(trie, columns)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
