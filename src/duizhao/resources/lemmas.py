"""English lemmas and inflections (lemminflect), its tables kept in the user cache directory.

lemminflect parses its gzipped tables on first use (about 1 s a process); the parsed tables are
kept on disk by :mod:`duizhao.resources.diskcache` and handed to lemminflect's (lazy,
process-wide) singletons before they would load them. The tables are exactly what lemminflect
would load itself. Plain English word helpers (patterns, Zipf frequency, spellings) are in
:mod:`duizhao.text.english`.

Example:
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

__all__ = ["is_known", "lemma", "lemmas", "lemminflect"]


# Read-only: the lemminflect module, its tables loaded once a process.
@cache
def lemminflect() -> Any:
    """The ``lemminflect`` module, its lemma and inflection tables read from the user cache.

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
            key = diskcache.source_key("lemmas", version, Path(lemmatizer.lemma_lu_fn))
            lemmatizer.lemma_dict = diskcache.load_or_build(
                "lemminflect-lemmas", key, lemmatizer._getLemmaDict
            )
        if not hasattr(inflections, "infl_dict"):
            key = diskcache.source_key("inflections", version, Path(inflections.infl_lu_fn))
            inflections.infl_dict = diskcache.load_or_build(
                "lemminflect-inflections", key, inflections._getInflDict
            )
    except Exception:  # another layout of the package: it loads its own tables
        pass
    return lemminflect


@lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """Whether lemminflect knows a lower-case word (what follows an apostrophe is ignored)."""
    return bool(lemminflect().getAllLemmas(word.split("'")[0].split("’")[0]))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The lemma of a lower-case English word: itself when it is a base form (of a noun or a
    verb), else its verb's, noun's, adjective's or adverb's lemma, in that order."""
    found = lemminflect().getAllLemmas(word)
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
    for found in lemminflect().getAllLemmas(word).values():
        out.update(found)
    return frozenset(out)
