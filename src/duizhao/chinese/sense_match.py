"""Matching a word's CC-CEDICT senses against the aligned English sentence (split out of
:mod:`duizhao.chinese.gloss`, round 15).

A sense *occurs* in the sentence when one of its content words (three letters or more, not a
stop word, outside brackets) or that word's stem is one of the sentence's content words or
their stems (``develop`` in *developing*). Round 15 adds:

- **irregular forms**: the sentence's verbs are also read as their lemmas when the lemma is not
  reached by the stem (*held* → ``hold``, *fell* → ``fall``, *taught* → ``teach``; lemminflect's
  table), except the auxiliaries *be*, *have*, *do* and the modals (*should* is no ``shall``);
- a **phrasal sense** (``to take off``, ``to set up``) reached only through such a lemma needs its
  particle in the sentence too (*took* does not make 起飛 "to take off" occur in "She took the
  bus").

(Putting a verb-tagged word's ``to …`` senses first was tried in round 15 and left out: jieba's
tag is the word's usual one, not its part here, and on the golden articles it made 即 "to
approach", 想法 "to think of a way", 亮 "to shine".)

Examples:
    >>> words = sentence_words("The meeting was held in Wan Chai.")
    >>> "hold" in words, in_sentence("to hold (a meeting)", words)
    (True, True)
    >>> in_sentence("to take off (of a plane)", sentence_words("She took the bus."))
    False
    >>> order_senses(["development", "to develop"], "We develop it.")
    ['to develop', 'development']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["SentenceWords", "forget_sentences", "in_sentence", "order_senses", "sentence_words"]

_WORD_RE = re.compile(r"[A-Za-z]+")
_STOP = frozenset(
    ["the", "a", "an", "to", "of", "in", "on", "at", "for", "and", "or", "by", "with", "from",
     "as", "be", "is", "are", "was", "sth", "sb", "etc", "one's", "oneself", "used", "also",
     "see", "abbr"]
)  # fmt: skip
#: Auxiliaries and modals whose irregular forms (was, had, did, should) say nothing about a
#: sense.
_AUXILIARIES = frozenset(["be", "have", "do", "shall", "will", "can", "may", "must"])
#: The particles of English phrasal verbs (take off, set up, carry out).
_PARTICLES = frozenset(
    ["up", "down", "off", "out", "in", "on", "over", "away", "back", "about", "through"]
)
_PARENS_RE = re.compile(r"\([^)]*\)")


class SentenceWords(frozenset[str]):
    """The content words of an English sentence and their stems (a frozenset), with

    Attributes:
        via_lemma: The words that are only there as the lemma of an irregular form (*held* →
            ``hold``).
        tokens: Every word of the sentence in lower case (particles included).
    """

    via_lemma: frozenset[str]
    tokens: frozenset[str]

    def __new__(
        cls, words: set[str], via_lemma: frozenset[str], tokens: frozenset[str]
    ) -> SentenceWords:
        out = super().__new__(cls, words)
        out.via_lemma = via_lemma
        out.tokens = tokens
        return out


def content(text: str) -> set[str]:
    """The content words of a text, lower case."""
    return {w.lower() for w in _WORD_RE.findall(text) if len(w) > 2 and w.lower() not in _STOP}


def stem(word: str) -> str:
    """A crude stem: a long word without its last three letters (at least four kept)."""
    return word[: max(4, len(word) - 3)] if len(word) > 5 else word


# Remembered for one article only, as :func:`sentence_words` (cleared with it): a word recurs
# in the sentences of an article.
@lru_cache(maxsize=1024)
def _irregular_lemmas(word: str) -> tuple[str, ...]:
    """The verb lemmas of an irregular form (*went* → ``go``) that its stem does not reach."""
    from duizhao.resources.lemmas import verb_lemmas

    return tuple(
        v
        for v in verb_lemmas(word)
        if v != word and v not in _AUXILIARIES and not word.startswith(stem(v)[:4])
    )


@lru_cache(maxsize=256)
def sentence_words(english: str) -> SentenceWords:
    """The content words of an English sentence, their stems and the lemmas of its irregular
    verbs: every token of the aligned Chinese sentence asks for them. Remembered for one article
    only (:func:`forget_sentences`: entries kept longer hold allocator arenas)."""
    words = content(english)
    found = {stem(w) for w in words} | words
    extra = {v for w in words for v in _irregular_lemmas(w)} - found
    tokens = frozenset(w.lower() for w in _WORD_RE.findall(english))
    return SentenceWords(found | extra, frozenset(extra), tokens)


def forget_sentences() -> None:
    """Forget the English sentences :func:`sentence_words` has seen (after each article)."""
    sentence_words.cache_clear()
    _irregular_lemmas.cache_clear()


def in_sentence(sense: str, english: frozenset[str]) -> bool:
    """Whether a sense occurs in the sentence of :func:`sentence_words` (see the module)."""
    via: frozenset[str] = getattr(english, "via_lemma", frozenset())
    for w, s in _sense_stems(sense):
        if s not in english:
            continue
        if s not in via or _particle_present(_PARENS_RE.sub("", sense), w, english):
            return True
    return False


# A bounded memo of a pure function: a word's senses are asked about at each of its places.
@lru_cache(maxsize=16384)
def _sense_stems(sense: str) -> tuple[tuple[str, str], ...]:
    """The content words of a sense (without its parentheses), each with its stem."""
    return tuple((w, stem(w)) for w in sorted(content(_PARENS_RE.sub("", sense))))


def _particle_present(sense: str, verb: str, english: frozenset[str]) -> bool:
    """A sense reached through an irregular form: its particle, if it has one, must be in the
    sentence (``to take off`` and *took … off*)."""
    words = [w.lower() for w in _WORD_RE.findall(sense)]
    tokens: frozenset[str] = getattr(english, "tokens", frozenset())
    for k, w in enumerate(words[:-1]):
        if w == verb and words[k + 1] in _PARTICLES:
            return words[k + 1] in tokens
    return True


def order_senses(senses: Sequence[str], english: str | None) -> list[str]:
    """The senses found in the English sentence first, each group in CC-CEDICT's order."""
    if not english:
        return list(senses)
    words = sentence_words(english)
    hits = [s for s in senses if in_sentence(s, words)]
    if not hits:
        return list(senses)
    return hits + [s for s in senses if s not in hits]
