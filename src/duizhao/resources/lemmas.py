"""English lemmas and inflections (lemminflect), its tables kept in the user cache directory.

lemminflect parses its gzipped tables on first use (about 1 s and 50 MB a process); here they are
built once into the user cache directory as memory-mapped tables
(:mod:`duizhao.resources.compact`) and handed to lemminflect's (lazy, process-wide) singletons
before they would load them (:class:`PackedForms`). The answers are exactly lemminflect's own.
Plain English word helpers (patterns, Zipf frequency, spellings) are in :mod:`duizhao.text.english`.

Examples:
    >>> lemma("overtook"), lemma("clusters"), lemma("data")
    ('overtake', 'cluster', 'data')
    >>> sorted(lemmas("analyses"))
    ['analyse', 'analyses', 'analysis']
    >>> is_known("overtook"), is_known("shenzhen")
    (True, False)
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from duizhao.resources import diskcache
from duizhao.resources.compact import CompactTable, compact_table

__all__ = ["PackedForms", "is_known", "lemma", "lemmas", "lemminflect", "verb_lemmas"]


# Separators of the packed form of one entry: TAG<US>form<RS>form<GS>TAG<US>form (control
# characters, which no English word of lemminflect's tables holds: checked when packing).
_GS, _RS, _US = "\x1d", "\x1e", "\x1f"


def _pack(table: dict[str, dict[str, tuple[str, ...]]]) -> tuple[dict[str, str], dict[str, Any]]:
    """lemminflect's ``word -> {tag: (forms…)}`` table as ``word -> packed string``."""
    out = {}
    for word, forms in table.items():
        packed = _GS.join(tag + _US + _RS.join(v) for tag, v in forms.items())
        if any(c in word for c in (_GS, _RS, _US)) or packed.count(_US) != len(forms):
            raise ValueError(f"cannot pack the entry of {word!r}")
        out[word] = packed
    return out, {}


class PackedForms:
    """lemminflect's lemma or inflection table read from a memory-mapped compact table.

    lemminflect only calls ``.get(word, default)`` on its tables and copies what it gets; each
    call here unpacks a new ``{tag: (forms…)}`` dict in the table's order, so its answers are
    exactly those of the dict it replaces, without 50 MB of dicts in every process.
    """

    def __init__(self, table: CompactTable) -> None:
        self._get = table.get

    def get(self, word: str, default: Any = None) -> Any:
        """The word's ``{tag: (forms…)}``, or ``default``."""
        packed = self._get(word)
        if packed is None:
            return default
        out = {}
        for part in packed.split(_GS):
            tag, _, forms = part.partition(_US)
            out[tag] = tuple(forms.split(_RS)) if forms else ()
        return out


# Read-only: the lemminflect module, its tables opened once a process.
@cache
def lemminflect() -> Any:
    """The ``lemminflect`` module, its lemma and inflection tables memory-mapped from the user
    cache directory (built there once from the package's own files).

    Returns:
        The module (``getAllLemmas``, ``getAllInflections``, ``getAllInflectionsOOV`` …).
    """
    import importlib.metadata

    import lemminflect
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    try:
        version = importlib.metadata.version("lemminflect")
        lemmatizer, inflections = Lemmatizer(), Inflections()
        if not hasattr(lemmatizer, "lemma_dict"):
            key = diskcache.source_key("lemmas", 2, version, Path(lemmatizer.lemma_lu_fn))
            table = compact_table(
                "lemminflect-lemmas", key, lambda: _pack(lemmatizer._getLemmaDict())
            )
            lemmatizer.lemma_dict = PackedForms(table)
        if not hasattr(inflections, "infl_dict"):
            key = diskcache.source_key("inflections", 2, version, Path(inflections.infl_lu_fn))
            table = compact_table(
                "lemminflect-inflections", key, lambda: _pack(inflections._getInflDict())
            )
            inflections.infl_dict = PackedForms(table)
    except Exception:  # another layout of the package: it loads its own tables
        pass
    return lemminflect


# Read-only: the lemmatizer's two tables, found once a process.
@cache
def _lemma_tables() -> tuple[PackedForms, Any] | None:
    """The lemmatizer's lemma table (when it is the packed one) and its overrides."""
    lemminflect()
    try:
        from lemminflect.core.Lemmatizer import Lemmatizer

        lemmatizer = Lemmatizer()
        table = getattr(lemmatizer, "lemma_dict", None)
        if isinstance(table, PackedForms):
            return table, lemmatizer._getOverridesDict()
    except Exception:  # another layout of the package
        pass
    return None


def _all_lemmas(word: str) -> dict[str, Any]:
    """lemminflect's ``getAllLemmas(word)``, the same answer without its two deep copies for a
    word that is not capitalised (the packed table unpacks a new dict on every call)."""
    tables = _lemma_tables()
    if tables is None or word.isupper() or word[:1].isupper():
        return dict(lemminflect().getAllLemmas(word))
    packed, overrides = tables
    low = word.lower()
    found = packed.get(low, None)
    out: dict[str, Any] = found if found is not None else {}
    extra = overrides.get(low)
    if extra:
        out.update(extra)
    for key, forms in out.items():  # lemminflect's "lower" caps style
        if isinstance(forms, (list, tuple)):
            out[key] = tuple(f.lower() for f in forms)
        else:
            out[key] = forms.lower()
    return out


@lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """Whether lemminflect knows a lower-case word (what follows an apostrophe is ignored)."""
    return bool(_all_lemmas(word.split("'")[0].split("’")[0]))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The lemma of a lower-case English word: itself when it is a base form (of a noun or a
    verb), else its verb's, noun's, adjective's or adverb's lemma, in that order."""
    found = _all_lemmas(word)
    if not found or any(word in found.get(upos, ()) for upos in ("NOUN", "VERB")):
        return word
    for upos in ("VERB", "NOUN", "ADJ", "ADV"):
        if upos in found:
            return str(found[upos][0])
    return word


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """A lower-case word and all its lemmas, of any part of speech."""
    out = {word}
    for found in _all_lemmas(word).values():
        out.update(found)
    return frozenset(out)


@lru_cache(maxsize=65536)
def verb_lemmas(word: str) -> tuple[str, ...]:
    """The verb lemmas lemminflect gives a lower-case word (``went`` → ``('go',)``)."""
    return tuple(_all_lemmas(word).get("VERB", ()))
