"""String tables packed for the disk cache: two newline-joined strings instead of a dict.

The segmenter's part-of-speech tags, the ``large_pinyin`` phrases and the Jyutping table are
``str → str`` tables of hundreds of thousands of entries. Stored as a dict they load slowly; stored
as one string of keys and one of values (neither holds a newline) they load in one read each and
are split back here.

Example:
    >>> packed = pack_table({"銀行": "yín háng", "會計": "kuài jì"})  # "bank", "accountant"
    >>> packed
    ('銀行\\n會計', 'yín háng\\nkuài jì')
    >>> unpack_table(packed)["會計"]
    'kuài jì'
"""

from __future__ import annotations

from collections.abc import Mapping

from duizhao.resources import diskcache

__all__ = ["pack_table", "unpack_table"]


def pack_table(table: Mapping[str, str]) -> tuple[str, str]:
    """The keys and the values of ``table``, each joined with newlines (in the table's order)."""
    return "\n".join(table), "\n".join(table.values())


def unpack_table(packed: tuple[str, str]) -> dict[str, str]:
    """The table :func:`pack_table` packed (a new dict)."""
    keys, values = packed
    if not keys:
        return {}
    with diskcache.gc_paused():  # hundreds of thousands of new strings
        return dict(zip(keys.split("\n"), values.split("\n"), strict=True))
