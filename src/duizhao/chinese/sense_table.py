"""The cleaned CC-CEDICT senses of every headword of one entry, worked out once into the cache.

:func:`duizhao.chinese.gloss._senses` cleans a word's CC-CEDICT senses (cross-reference markup,
pointers, the cut into senses, the unfit ones last) the first time a process meets the word; on
new text most words are new, and the cleaning was about a tenth of a first pass. For a headword
with a single entry the answer depends on nothing but the entry (its reading ranks nothing), so
it is worked out for every such headword once and kept in a memory-mapped table in the cache
directory (:mod:`duizhao.resources.compact`; building it takes a few seconds, once). Headwords
of several entries, and entries with no sense fit to show (a variant pointing elsewhere), are
marked to be worked out as before.

The table's key holds a digest of the source of every module whose rules it follows (this one,
``gloss``, ``sense_text``, ``pinyin``'s tone marks and the CC-CEDICT parser in ``lexicon``), so a
changed cleaning rule builds a new table.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from duizhao.resources import diskcache
from duizhao.resources.compact import CompactTable, compact_table

__all__ = ["precomputed_senses", "senses_table"]

#: Bump when the table's layout changes.
_FORMAT = 1
_SEP = "\x1f"  # between senses; a value starts with "=" (senses follow) or is "" (work it out)


def _rules_digest() -> str:
    """A digest of the source of the modules whose rules the cleaned senses follow."""
    from duizhao.resources import lexicon

    from . import gloss, pinyin, sense_text

    digest = hashlib.sha1()
    for module in (gloss, sense_text, pinyin, lexicon):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def _build() -> tuple[dict[str, str], dict[str, Any]]:
    from duizhao.resources.lexicon import cedict

    from .gloss import entry_senses

    dictionary = cedict()
    keyed: dict[str, str] = {}
    for word in dictionary._table:
        entries = dictionary.lookup(word)
        value = ""
        if len(entries) == 1:
            good, _ = entry_senses(entries)
            if good and not any(_SEP in s for s in good):
                value = "=" + _SEP.join(good)
        keyed[word] = value
    return keyed, {}


# A read-only table opened once a process.
@cache
def senses_table() -> CompactTable:
    """The table of precomputed senses: every CC-CEDICT headword (either script) to ``"="`` and
    its senses, or to ``""`` when they are worked out on the fly."""
    from duizhao.resources.lexicon import cedict_path

    key = diskcache.source_key("cedict-senses", _FORMAT, cedict_path(), _rules_digest())
    return compact_table("cedict-senses", key, _build)


def precomputed_senses(word: str, simplified: str) -> tuple[str, ...] | None:
    """What :func:`duizhao.chinese.gloss.senses_plain` gives ``word``, if the table has it:
    ``()`` for a word CC-CEDICT has under neither form, ``None`` when it must be worked out."""
    table = senses_table()
    value = table.get(word)
    if value is None:
        value = table.get(simplified)
        if value is None:
            return ()
    if not value:
        return None
    return tuple(value[1:].split(_SEP))
