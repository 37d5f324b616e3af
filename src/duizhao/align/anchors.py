"""Lexical anchors: the words and numbers of a unit that can be looked for on the other side.

An English unit becomes a list of keys: number keys (``#2025``, from digits and number words, see
:mod:`duizhao.text.numbers`) and crude stems of its content words. A Chinese unit becomes a list
of words, each with the English keys it may translate to: its numbers, its Latin-script tokens
(WIPO, SAR), the article's glossary terms and a forward longest match over the CC-CEDICT
headwords (either script), whose glosses are stemmed the same way as the English text.

Examples:
    >>> en_tokens("WIPO hosted two events in the 21st century.")
    ['#2', '#21', 'wipo', 'host', 'event', 'century']
    >>> zh_tokens("WIPO舉行兩場活動", {"舉行": "hold"}, {}, 2)  # 舉行 "to hold", 活動 "event"
    [(True, frozenset({'#2'})), (True, frozenset({'wipo'})), (False, frozenset({'hold'}))]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import Any, cast

from ..resources import diskcache
from ..resources.compact import compact_table
from ..text.numbers import (
    EN_SCALES,
    en_number_keys,
    en_word_number,
    halfwidth_digits,
    strip_ordinal_suffixes,
    zh_number_keys,
)
from ..text.script import is_han

__all__ = [
    "STOP_WORDS",
    "WORD_RE",
    "cedict_index",
    "en_tokens",
    "gloss_words",
    "glossary_words",
    "stem",
    "zh_tokens",
]

#: English words that say nothing about a translation (and CC-CEDICT's own gloss vocabulary).
STOP_WORDS = frozenset(
    (
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "onto", "upon", "as", "about", "above", "after", "against", "along", "among",
        "around", "before", "behind", "below", "beneath", "beside", "between", "beyond",
        "but", "and", "or", "nor", "so", "yet", "if", "then", "than", "that", "this", "these",
        "those", "there", "here", "which", "who", "whom", "whose", "what", "when", "where",
        "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some",
        "such", "no", "not", "only", "own", "same", "too", "very", "can", "will", "just",
        "should", "now", "is", "are", "was", "were", "be", "been", "being", "am", "have",
        "has", "had", "having", "do", "does", "did", "doing", "would", "could", "may",
        "might", "must", "shall", "i", "me", "my", "mine", "we", "us", "our", "ours", "you",
        "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they",
        "them", "their", "theirs", "oneself", "one's", "sb", "sth", "etc", "e.g.", "i.e.",
        "something", "somebody", "someone", "used", "also", "pr", "abbr", "cl", "variant",
        "esp", "fig", "lit", "sense", "usually", "often", "up", "down", "out", "off", "over",
        "under", "again", "further", "once", "s", "t", "let", "make", "get", "go", "come",
        "take", "give", "put", "set", "per", "via",
    )
)  # fmt: skip

#: An English word (letters and apostrophes inside).
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
_LATIN_ZH = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]")
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")

#: The longest CC-CEDICT headword kept in the index.
_MAX_WORD = 6
#: Bump when the way glosses become stems changes (invalidates the on-disk index cache).
_INDEX_FORMAT = 1


def stem(word: str) -> str:
    """A crude, consistent English stem (the same on glosses and on the text).

    Examples:
        >>> [stem(w) for w in ("Clusters", "hosted", "cities", "innovation's")]
        ['cluster', 'host', 'city', 'innovation']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    n = len(w)
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 4 and w.endswith("sses"):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    n = len(w)
    if n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif (n > 4 and w.endswith("ed")) or (n > 4 and w.endswith("ly")):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


def gloss_words(gloss: str) -> list[str]:
    """Content-word stems of one CC-CEDICT sense, or ``[]`` when it is not a translation.

    Examples:
        >>> gloss_words("to hold (a meeting)"), gloss_words("variant of 銀行")  # 銀行 "bank"
        (['hold'], [])
    """
    g = gloss.strip()
    low = g.lower()
    if (
        not g
        or low.startswith(("cl:", "surname", "see ", "variant of", "old variant", "abbr. for"))
        or "variant of" in low
        or low.startswith("used ")
    ):
        return []
    g = _PAREN.sub(" ", g)
    words = [w for w in WORD_RE.findall(g) if w.lower() not in STOP_WORDS]
    if not 1 <= len(words) <= 3:
        return []
    return [stem(w) for w in words if len(w) > 1]


def _index_key() -> str:
    """What the word index is built from (see :mod:`duizhao.resources.diskcache`)."""
    from ..resources.lexicon import cedict_path

    return diskcache.source_key(
        "align-index", _INDEX_FORMAT, cedict_path(), _MAX_WORD, sorted(STOP_WORDS)
    )


# A read-only table opened once per process (memory-mapped, see duizhao.resources.compact).
@cache
def cedict_index() -> tuple[Mapping[str, str], int, frozenset[str]]:
    """Chinese headword (either script) → English content-word stems of its senses.

    The stems are one space-separated string per headword (split when a word is found). Built
    once from :func:`duizhao.resources.lexicon.cedict` (about a second) and kept in the user cache
    directory as a memory-mapped table, so later processes open it at once.

    Returns:
        (index, longest headword, every stem that some headword translates to).
    """

    def build() -> tuple[dict[str, str], dict[str, object]]:
        from ..resources.lexicon import cedict

        out: dict[str, set[str]] = defaultdict(set)
        longest = 1
        for entry in cedict().entries():
            words: set[str] = set()
            for sense in entry.glosses:
                for part in sense.split(";"):
                    words.update(gloss_words(part))
            if not words:
                continue
            for form in {entry.traditional, entry.simplified}:
                if len(form) <= _MAX_WORD and not _LATIN_ZH.search(form):
                    out[form].update(words)
                    longest = max(longest, len(form))
        index = {k: " ".join(sorted(v)) for k, v in sorted(out.items())}
        vocab = frozenset().union(*out.values())
        return index, {"_meta": ("q", [longest]), "_vocab": [" ".join(sorted(vocab))]}

    table = compact_table("align-index", _index_key(), build)
    vocab = table.column("_vocab")[0]
    return table, int(table.column("_meta")[0]), frozenset(vocab.split())


def glossary_words(pairs: Sequence[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """The article's glossary as anchors: Chinese term → stems of its English term.

    Examples:
        >>> words = glossary_words([("innovation clusters", "創新集群")])  # "innovation clusters"
        >>> {zh: sorted(en) for zh, en in words.items()}
        {'創新集群': ['cluster', 'innovation']}
    """
    glossary: dict[str, set[str]] = defaultdict(set)
    for term, zh_term in pairs:
        words = {stem(w) for w in WORD_RE.findall(term) if w.lower() not in STOP_WORDS}
        if words and zh_term:
            glossary[zh_term].update(words)
    return {k: frozenset(v) for k, v in glossary.items()}


def en_tokens(text: str) -> list[str]:
    """Keys of an English unit: number keys and word stems (content words only)."""
    t = strip_ordinal_suffixes(halfwidth_digits(text))
    keys = en_number_keys(t)
    for w in WORD_RE.findall(t):
        key = _word_key(w)
        if key is not None:
            keys.append(key)
    return keys


# Bounded; a pure function of the word (each word of a text is looked up twice, once in its
# paragraph and once in its sentence).
@lru_cache(maxsize=1 << 16)
def _word_key(w: str) -> str | None:
    """The key of one English word: its stem, or ``None`` for a number word or a stop word."""
    low = w.lower()
    if en_word_number(low) is not None or low in EN_SCALES:
        return None  # a number word: en_number_keys gives its key
    if low in STOP_WORDS or len(low) < 2:
        return None
    return stem(w)


# Bounded; hands out immutable sets: one set per dictionary entry however often its word occurs
# (a long text has hundreds of thousands of words, and a new set for each took memory).
@lru_cache(maxsize=1 << 16)
def _stem_set(stems: str) -> frozenset[str]:
    return frozenset(stems.split())


def zh_tokens(
    text: str,
    index: Mapping[str, str],
    glossary: Mapping[str, frozenset[str]],
    longest: int,
) -> list[tuple[bool, frozenset[str]]]:
    """The words of a Chinese unit as (is a strong anchor, English translations).

    Numbers map to their number key and Latin-script tokens to their own stem (strong anchors),
    then glossary terms (strong) and a forward longest match over CC-CEDICT headwords.

    Args:
        text: The unit.
        index: Headword → space-separated stems (see :func:`cedict_index`).
        glossary: Chinese term → English stems (see :func:`glossary_words`).
        longest: The longest headword of ``index``.
    """
    out: list[tuple[bool, frozenset[str]]] = []
    t = halfwidth_digits(text)
    for key in zh_number_keys(t):
        out.append((True, frozenset((key,))))
    for w in _LATIN_ZH.findall(t):
        if w.lower() not in STOP_WORDS:
            out.append((True, frozenset((stem(w),))))
    covered = [False] * len(t)
    for term, words in glossary.items():
        start = t.find(term)
        while start >= 0:
            out.append((True, words))
            for k in range(start, start + len(term)):
                covered[k] = True
            start = t.find(term, start + len(term))
    pos, n = 0, len(t)
    # a memory-mapped table gives every headword that starts here, with its row, in one look-up
    prefix_rows = getattr(index, "prefix_rows", None)
    values: Any = cast(Any, index).column("value") if prefix_rows is not None else None
    while pos < n:
        if covered[pos] or not is_han(t[pos]):
            pos += 1
            continue
        if prefix_rows is not None:
            found = prefix_rows(t[pos : pos + min(longest, n - pos)])
            if found:  # shortest first: the longest match is the last
                word, row = found[-1]
                out.append((False, _stem_set(values[row])))
                pos += len(word)
            else:
                pos += 1
            continue
        for size in range(min(longest, n - pos), 0, -1):
            stems = index.get(t[pos : pos + size])
            if stems is not None:
                out.append((False, _stem_set(stems)))
                pos += size
                break
        else:
            pos += 1
    return out
