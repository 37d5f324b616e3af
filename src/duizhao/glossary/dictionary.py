"""CC-CEDICT as a bilingual word table: how strongly a Chinese word translates an English word.

Every Chinese word is looked up through its Simplified form (:func:`~duizhao.text.convert.
to_simplified`), which also evens out Hong Kong variant characters (傳説 → 传说, "legend"). Each
sense of its entries becomes a set of English *keys* (the lemmas of the sense's content words, in
both British and American spellings, and a five-letter prefix for derived words: ``laughter``
meets ``laughing``), each key with a strength: 1 for a one-word sense (``to rob``), less for a
word among several (``to burst into loud laughter``). English words get keys the same way, so the
strength of a pair is one dictionary look-up and a set intersection, in either direction.

:func:`gloss` gives a word's :class:`Gloss`; :func:`en_keys` an English word's keys;
:func:`strength` puts them together; :func:`phrase_in` says whether a sense holds a whole
multi-word term (上了年紀 "to be getting on in years").

Examples:
    >>> strength(en_keys("robbing"), gloss("打劫"))  # "to loot; to rob"
    1.0
    >>> strength(en_keys("laughing"), gloss("哈哈大笑")) > 0  # "to burst into loud laughter"
    True
    >>> phrase_in(("get", "year"), gloss("上了年紀"))  # "to be getting on in years"
    True
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from duizhao.resources.lemmas import lemma, lemmas
from duizhao.text.convert import to_simplified
from duizhao.text.english import spelling_variants, word_set

__all__ = [
    "EN_FUNCTION",
    "EN_PRONOUNS",
    "Gloss",
    "compound_parts",
    "content_lemmas",
    "derived_words",
    "en_keys",
    "gloss",
    "glosses",
    "phrase_in",
    "senses",
    "senses_each",
    "simplified_words",
    "strength",
    "term_keys",
]

#: English words that carry no meaning a Chinese word could translate (for keys and phrases).
EN_FUNCTION = word_set(
    "a an the to of be is are was were been being am sb sth sb's sth's one one's oneself "
    "someone something somebody etc and or in on at for with by as from into onto off up out "
    "it its this that these those esp especially usually used usu also often very all"
)
#: Pronouns and determiners: never a part of a closed compound (feat|her, some|where).
EN_PRONOUNS = word_set(
    "i me my mine we us our ours you your yours he him his she her hers they them their theirs "
    "who whom whose what which where when some any every no"
)
#: English negations, as the word CC-CEDICT's glosses use for them.
_NEGATIONS: dict[str, tuple[str, ...]] = {
    "never": ("not",), "nothing": ("not",), "nobody": ("no",), "none": ("no",),
    "cannot": ("not",), "neither": ("not",), "nor": ("not",), "without": ("not",),
}  # fmt: skip
#: Strength given to a match on the shared five-letter prefix only (a derived word).
PREFIX_STRENGTH = 0.6
#: Strength given to a match on a word a term's word is derived from (carbon for decarbonise).
DERIVED_STRENGTH = 0.7

#: Prefixes whose word means the rest and the prefix (not over-, under-: overtake ≠ take).
_PREFIXES = (
    "counter", "inter", "multi", "anti", "post", "semi", "non", "dis", "mis", "pre", "sub", "de",
    "re", "co", "un",
)  # fmt: skip
_PARTICLE_HEADS = word_set("over under out up down with back off through fore after by dis")
_SUFFIXES = (
    ("isation", ""), ("ization", ""), ("ation", "e"), ("ation", ""), ("ment", ""), ("ness", ""),
    ("ity", ""), ("ise", ""), ("ize", ""), ("ive", ""), ("ive", "e"), ("ful", ""), ("ship", ""),
    ("ism", ""), ("ist", ""), ("er", ""), ("or", ""), ("al", ""), ("ly", ""), ("y", ""),
)  # fmt: skip

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_REFERENCE = re.compile(
    r"(?:abbr\. (?:for|of|to)|variant of|old variant of|see also|see|also written|"
    r"used in|erhua variant of)\s+([^\s|\[,;]+)(?:\|([^\s\[,;]+))?"
)
_NOTES = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # (a note) or [a reading]
_NOTE = re.compile(r"\(([^)]*)\)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_NOT_A_SENSE = re.compile(r"^(?:surname |cl:|classifier |\(tw\)$|pr\.|m\.)")


def _normalise(word: str) -> str:
    return word.lower().replace("’", "'")


@lru_cache(maxsize=65536)
def en_keys(word: str) -> Mapping[str, float]:
    """The keys of an English word: its lemmas in every spelling (strength 1) and their
    five-letter prefixes, marked ``~`` (strength :data:`PREFIX_STRENGTH`).

    Examples:
        >>> sorted(en_keys("honoured"))
        ['honor', 'honour', 'honoured', '~honor', '~honou']
    """
    w = _normalise(word).strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    out: dict[str, float] = {}
    if not w:
        return MappingProxyType(out)
    base = lemma(w)
    variants = {}  # the base is among the lemmas: its spellings are worked out once
    for lem in lemmas(w) | {base}:
        variants[lem] = spelling_variants(lem)
        for v in variants[lem] | {lem}:
            out[v] = 1.0
    for k in _NEGATIONS.get(w, ()) + (("not",) if w.endswith("n't") else ()):
        out.setdefault(k, 0.7)  # CC-CEDICT says "not" (未, 不) where English says "never"
    for v in variants[base] | {base}:
        if len(v) >= 5:
            out.setdefault("~" + v[:5], PREFIX_STRENGTH)
    return MappingProxyType(out)


@lru_cache(maxsize=4096)
def derived_words(word: str) -> tuple[str, ...]:
    """Known English words a word is built from: the parts of a hyphenated or closed compound
    and the word without a prefix or a suffix (``decarbonise`` → ``carbon``, ``co-payment`` →
    ``payment``, ``pay``; ``healthcare`` → ``health``, ``care``).

    Examples:
        >>> derived_words("decarbonise"), derived_words("co-payment")
        (('carbon',), ('pay', 'payment'))
        >>> derived_words("recurrent"), derived_words("deliver"), derived_words("discover")
        ((), (), ())
    """
    from duizhao.resources.lemmas import is_known


    w = lemma(_normalise(word))
    out: set[str] = set()
    parts = [p for p in re.split(r"[-‐‑]", w) if p]
    if len(parts) > 1:
        todo = [p for p in parts if len(p) >= 3 and p not in _PREFIXES]
        out.update(p for p in todo if is_known(p))
    else:
        todo = [w]
        if not _lexical_prefixed(w):
            out.update(compound_parts(w))
    for part in todo:
        stems = [part]
        # a word in the lexicon is not taken apart at a prefix: research is not re + search,
        # deliver not de + liver, recurrent not re + current; a word it lacks is (decarbonise)
        for pre in () if is_known(part) else _PREFIXES:
            rest = part[len(pre) :]
            if part.startswith(pre) and len(rest) >= 5 and (is_known(rest) or _has_suffix(rest)):
                stems.append(rest)
                if is_known(rest):
                    out.add(rest)
                break
        for stem in stems:
            for suf, add in _SUFFIXES:
                rest = stem[: -len(suf)] + add
                if stem.endswith(suf) and len(rest) >= 3 and is_known(rest):
                    out.add(rest)
                    break
    out.discard(w)
    return tuple(sorted(out))


@lru_cache(maxsize=4096)
def compound_parts(word: str) -> tuple[str, ...]:
    """The two words of a closed compound (``healthcare`` → health, care), or ``()``: both
    known to lemminflect, not a particle or preposition first (overtake, understand), and no
    function word at all (feather is not feat + her).

    Examples:
        >>> compound_parts("healthcare"), compound_parts("overtake"), compound_parts("feather")
        (('health', 'care'), (), ())
    """
    from duizhao.resources.lemmas import is_known

    from .terms import closed_compound_split

    w = _normalise(word)
    if not w.isalpha():
        return ()
    split = closed_compound_split(w)
    if split is None or split[0] in EN_FUNCTION | _PARTICLE_HEADS:
        return ()
    if any(p in EN_FUNCTION or p in EN_PRONOUNS for p in split):
        return ()  # feather is not feat + her
    if not all(len(p) >= 3 and is_known(p) and lemma(p) == p for p in split):
        return ()
    return split


def _lexical_prefixed(word: str) -> bool:
    """True for a word in the lexicon that starts with a prefix before another word of it
    (discover, recover): not a compound of two words (disc + over)."""
    from duizhao.resources.lemmas import is_known

    return is_known(word) and any(
        word.startswith(pre) and len(word) - len(pre) >= 3 and is_known(word[len(pre) :])
        for pre in _PREFIXES
    )


def _has_suffix(word: str) -> bool:
    return any(word.endswith(suf) for suf, _ in _SUFFIXES[:10])


@lru_cache(maxsize=16384)
def term_keys(word: str) -> Mapping[str, float]:
    """The keys of a word of a glossary term: :func:`en_keys`, and those of the words it is
    derived from (:func:`derived_words`) at :data:`DERIVED_STRENGTH`."""
    out = dict(en_keys(word))
    for d in derived_words(word):
        for k, v in en_keys(d).items():
            if v * DERIVED_STRENGTH > out.get(k, 0.0):
                out[k] = v * DERIVED_STRENGTH
    return MappingProxyType(out)


def content_lemmas(text: str) -> tuple[str, ...]:
    """The lemmas of the content words of an English phrase, in order (one lemma a word).

    Examples:
        >>> content_lemmas("to be getting on in years")
        ('get', 'year')
    """
    out = []
    for w in _WORD.findall(_normalise(text)):
        w = w[:-2] if w.endswith("'s") else w
        if w not in EN_FUNCTION:
            out.append(lemma(w))
    return tuple(out)


@dataclass(frozen=True)
class Gloss:
    """What CC-CEDICT says a Chinese word means, as English keys.

    Attributes:
        keys: English key → strength (0–1): 1 for a sense of one content word, 1/√n for one
            of n content words of a sense; the best sense counts.
        phrases: The content lemmas of each sense, in order (for whole-term matches).
        senses: How many senses the entries have.
    """

    keys: Mapping[str, float]
    phrases: tuple[tuple[str, ...], ...]
    senses: int


def _senses(simplified: str) -> list[str]:
    """The senses of a word's entries, following ``variant of X`` / ``abbr. for X`` once; the
    word's Hong Kong senses (:func:`~duizhao.resources.lexicon.hk_glosses`: 電車 "tram", 車資
    "fare") first."""
    from duizhao.resources.lexicon import cedict, hk_glosses

    d = cedict()
    hk = hk_glosses().get(simplified)
    out: list[str] = hk.split("; ") if hk else []
    for entry in d.lookup(simplified):
        for field in entry.glosses:
            m = _REFERENCE.search(field)
            if m:
                for ref in m.groups():
                    if not ref or ref == simplified:
                        continue
                    found = d.lookup(to_simplified(ref)) or d.lookup(ref)
                    if not found:  # 特惠 "abbr. for 特別優惠", which is not a headword: 優惠
                        found = tuple(
                            e2
                            for part in _greedy(to_simplified(ref))
                            if len(part) > 1 and set(part) & set(simplified)
                            for e2 in d.lookup(part)
                        )
                    for e2 in found:
                        out.extend(g for g in e2.glosses if not _REFERENCE.search(g))
                continue
            out.extend(part for part in field.split(";"))
    return out


def _greedy(text: str) -> list[str]:
    """Cut Simplified text into CC-CEDICT words, longest first."""
    from duizhao.resources.lexicon import cedict

    d = cedict()
    out, i = [], 0
    while i < len(text):
        j = next(j for j in range(min(len(text), i + 8), i, -1) if j == i + 1 or text[i:j] in d)
        out.append(text[i:j])
        i = j
    return out


def _sense_words(sense: str) -> tuple[tuple[str, ...], tuple[tuple[str, float], ...]] | None:
    """One CC-CEDICT sense's content lemmas and its English words with their weights, in the
    order :func:`_gloss_simplified` meets them (``None``: not a sense). Not remembered: a memo of
    senses held about 2 MB over 200 distinct articles, against the memory ceiling."""
    low = sense.lower()
    s = _NOTES.sub(" ", low).strip()
    if not s or _NOT_A_SENSE.match(s):
        return None
    words = [w for w in _WORD.findall(s) if w not in EN_FUNCTION]
    if not words:
        return None
    phrase = tuple(lemma(w) for w in words)
    weight = 1.0 / math.sqrt(len(words))
    # words in brackets say what the sense applies to ("transit (of goods)"): half weight
    noted = [
        (w, 0.5 * weight)
        for note in _NOTE.findall(_BRACKETS.sub(" ", low))
        if not note.strip().startswith("cl:")
        for w in _WORD.findall(note)
        if w not in EN_FUNCTION and w not in ("sb", "sth", "tw", "coll", "lit", "fig")
    ]
    return phrase, tuple([(w, weight) for w in words] + noted)


_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")


def note_names(sense: str) -> tuple[str, ...]:
    """The other names of the word a Hong Kong sense gives in its notes, quoted (叮叮 "tram
    (colloquial, "ding-ding")"). What the word is called is a sense of it, not a remark on it
    (a note's words weigh half, :func:`_sense_words`): a term written so is translated whole.
    (An abbreviation in a note, 立法會 "Legislative Council (LegCo)", is not taken: measured
    in round 14, it moved the pool's figures only through the encoder's batches.)

    Examples:
        >>> note_names('tram (colloquial, "ding-ding")'), note_names("Executive Council (ExCo)")
        (('ding-ding',), ())
    """
    return tuple(
        q.strip()
        for note in _NOTE.findall(_BRACKETS.sub(" ", sense))
        for q in _QUOTED.findall(note)
        if q.strip()
    )


@lru_cache(maxsize=65536)
def _gloss_simplified(simplified: str) -> Gloss | None:
    senses = _senses(simplified)
    if not senses:
        return None
    from duizhao.resources.lexicon import hk_glosses

    hk = hk_glosses().get(simplified)
    # a Hong Kong sense's other names are senses of their own ("ding-ding" for 叮叮)
    names = [n for s in hk.split("; ") for n in note_names(s)] if hk else []
    keys: dict[str, float] = {}
    phrases: list[tuple[str, ...]] = []
    for sense in [*senses, *names]:
        found = _sense_words(sense)
        if found is None:
            continue
        phrase, weighted = found
        phrases.append(phrase)
        for w, wt in weighted:
            for k, v in en_keys(w).items():
                if v * wt > keys.get(k, 0.0):
                    keys[k] = v * wt
    if not phrases:
        return None
    return Gloss(MappingProxyType(keys), tuple(phrases), len(senses))


def gloss(word: str) -> Gloss | None:
    """The :class:`Gloss` of a Chinese word (either script), or ``None`` when CC-CEDICT does
    not have it."""
    return _gloss_simplified(to_simplified(word))


def glosses(words: Sequence[str]) -> list[Gloss | None]:
    """:func:`gloss` of each word, the words converted to Simplified in one call (see
    :func:`simplified_words`).

    Examples:
        >>> glosses(["打劫", "哈哈大笑"]) == [gloss("打劫"), gloss("哈哈大笑")]
        True
    """
    return [_gloss_simplified(w) for w in simplified_words(words)]


def simplified_words(words: Sequence[str]) -> list[str]:
    """:func:`~duizhao.text.convert.to_simplified` of each word, in one conversion of the
    words on lines of their own: OpenCC converts the longest of its dictionaries' keys at each
    place, and no key holds a line break, so each line converts as the word alone does (and
    where the conversion of the whole would change its length, ``to_simplified`` converts it
    line by line). A word whose own line changed length is converted alone (``to_simplified``
    keeps a word's length its own way).

    Examples:
        >>> simplified_words(["會計", "銀行"])  # "accountant", "bank"
        ['会计', '银行']
    """
    if not words:
        return []
    lines = to_simplified("\n".join(words)).split("\n")
    if len(lines) != len(words) or any("\n" in w for w in words):
        return [to_simplified(w) for w in words]
    return [
        line if len(line) == len(w) else to_simplified(w)
        for line, w in zip(lines, words, strict=True)
    ]


def strength(keys: Mapping[str, float], g: Gloss | None) -> float:
    """How strongly a Chinese word (its gloss) translates an English word (its keys), 0–1."""
    if g is None or not keys:
        return 0.0
    best = 0.0
    gk = g.keys
    for k, v in keys.items():
        found = gk.get(k)
        if found is not None and found * v > best:
            best = found * v
    return best


def phrase_in(term: tuple[str, ...], g: Gloss | None) -> bool:
    """Whether a sense of the gloss holds every content lemma of a multi-word term, in order."""
    if g is None or len(term) < 2:
        return False
    n = len(term)
    return any(
        any(p[i : i + n] == term for i in range(len(p) - n + 1)) for p in g.phrases
    )


#: How many of a word's CC-CEDICT senses :func:`senses` gives.
MAX_SENSES = 4


@lru_cache(maxsize=65536)
def _senses_simplified(simplified: str) -> tuple[str, ...]:
    out: list[str] = []
    for sense in _senses(simplified):
        s = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", sense).strip()
        s = " ".join(s.split())
        if s and not _NOT_A_SENSE.match(s.lower()) and s not in out:
            out.append(s)
        if len(out) == MAX_SENSES:
            break
    return tuple(out)


def senses_each(words: Sequence[str]) -> list[tuple[str, ...]]:
    """:func:`senses` of each word, the words converted to Simplified in one call (see
    :func:`simplified_words`)."""
    return [_senses_simplified(w) for w in simplified_words(words)]


def senses(word: str) -> tuple[str, ...]:
    """The first :data:`MAX_SENSES` English senses CC-CEDICT gives a Chinese word (either
    script), without notes in brackets; ``()`` when it does not have the word.

    Examples:
        >>> senses("下滑")
        ('to slide down', 'to decline')
    """
    return _senses_simplified(to_simplified(word))
