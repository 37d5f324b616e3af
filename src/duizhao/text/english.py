"""English words: word patterns, function words, Zipf frequency and British/American spellings.

Plain text helpers any stage may use. wordfreq (the Zipf frequency) is imported on first use, so
importing this module costs nothing. Lemmas and inflections, whose tables are cached on disk, are
in :mod:`duizhao.resources.lemmas`.

Examples:
    >>> content_words("The clusters overtook Tokyo in 2024.")
    ['clusters', 'overtook', 'tokyo']
    >>> sorted(spelling_variants("commercialise"))
    ['commercialise', 'commercialize']
    >>> zipf("cluster") > zipf("metric") > 0  # wordfreq's scale: 3 is once per million words
    True
"""

from __future__ import annotations

import re

__all__ = [
    "STOP_WORDS",
    "WORD_OR_NUMBER_RE",
    "WORD_RE",
    "content_words",
    "spelling_variants",
    "word_set",
    "zipf",
]


def word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words of ``words`` (word lists are written as one string).

    Examples:
        >>> sorted(word_set("of to  in"))
        ['in', 'of', 'to']
    """
    return frozenset(words.split())


#: A word of letters, with apostrophes (``it's``) and hyphens (``decision-making``) inside.
WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*")

#: A word (letters, apostrophes and hyphens inside) or a number (``1,000``, ``3.5``).
WORD_OR_NUMBER_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")

#: Function words and other words too common to say anything about a sentence (lower case).
STOP_WORDS = word_set(
    "a an the of to in on at for by with from and or as into onto per via than about this that "
    "these those is are was were be been being has have had do does did it its it's their his "
    "her they them he she we our you your i not no but if so such also which who whom whose "
    "what when where while will would can could may might must shall should there here then "
    "than more most much many very just only even still yet all any some each other both either "
    "until now up out over"
)


def content_words(text: str) -> list[str]:
    """The content words of English text, lower case, in order (repeats kept).

    Stop words, single letters and plain digit runs are left out; a number with a separator
    (``1,000``) is kept.

    Examples:
        >>> content_words("It's a 3-year deal worth 1,000 dollars.")
        ['year', 'deal', 'worth', '1,000', 'dollars']
    """
    return [
        w.lower()
        for w in WORD_OR_NUMBER_RE.findall(text)
        if w.lower() not in STOP_WORDS and (len(w) > 1 or w.isdigit()) and not w.isdigit()
    ]


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 for an unknown word; 3 is once per
    million words). wordfreq keeps its own bounded cache of look-ups."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


# British and American spellings, as candidate rewrites of a word's ending (checked against
# wordfreq's vocabulary before use). Words whose -ise is not the -ise/-ize suffix are excluded.
_ISE_NOT_SUFFIX = word_set(
    "advertise advise apprise arise chastise circumcise comprise compromise concise demise "
    "despise devise disguise enfranchise enterprise excise exercise expertise franchise guise "
    "improvise incise merchandise mortise otherwise noise paradise poise praise precise premise "
    "promise raise reprise revise rise supervise surmise surprise televise treatise wise cruise "
    "bruise anise valise"
)
_OUR_NOT_SUFFIX = word_set("four hour pour tour your flour devour detour contour amour")
_RE_WORDS = word_set(
    "centre theatre metre litre fibre calibre sabre sombre spectre lustre meagre manoeuvre "
    "kilometre centimetre millimetre epicentre mitre sceptre reconnoitre"
)
_ENCE_WORDS = word_set("defence offence licence pretence")
_SPELLING_SUFFIXES = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ogue", "og"),
    ("mme", "m"),
)
_MIN_VARIANT_ZIPF = 1.0
# The same lists as look-ups: endings that exclude a word, endings that may be rewritten, and
# each listed word's other spelling (-re/-er, -ence/-ense; both ways).
# "rise", "arise" and "anise" exclude only themselves: as endings they would also exclude organise,
# authorise, summarise, popularise, theorise, mechanise, urbanise …
_ISE_WHOLE_WORD_ONLY = word_set("rise arise anise")
_ISE_NOT_SUFFIX_ENDS = tuple(sorted(_ISE_NOT_SUFFIX - _ISE_WHOLE_WORD_ONLY))
_SPELLING_ENDS = tuple(e for pair in _SPELLING_SUFFIXES for e in pair)


def _listed_spellings() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for brit, amer in [(b, b[:-2] + "er") for b in sorted(_RE_WORDS)] + [
        (b, b[:-3] + "nse") for b in sorted(_ENCE_WORDS)
    ]:
        out.setdefault(brit, []).append(amer)
        out.setdefault(amer, []).append(brit)
    return {k: tuple(v) for k, v in out.items()}


_LISTED_SPELLINGS = _listed_spellings()


def spelling_variants(word: str) -> frozenset[str]:
    """British and American spellings of one lower-case word (base form), itself included.

    Candidates come from a few rewrite rules (-ise/-ize, -isation/-ization, -yse/-yze, -our/-or,
    -re/-er for a listed set of words, -ence/-ense, -ogue/-og, -mme/-m, ae/oe/e) and are kept
    only when wordfreq knows them.

    Args:
        word: A lower-case word, e.g. ``commercialise``.

    Returns:
        The word and its other spellings, e.g. ``{"commercialise", "commercialize"}``.

    Examples:
        >>> sorted(spelling_variants("centre")), sorted(spelling_variants("noise"))
        (['center', 'centre'], ['noise'])
    """
    out = {word}
    cands: set[str] = set()
    # (one str.endswith over a tuple, and dict look-ups for the listed words: the same
    # candidates as a loop over each list)
    if (
        word not in _ISE_WHOLE_WORD_ONLY
        and not word.endswith(_ISE_NOT_SUFFIX_ENDS)
        and word.endswith(_SPELLING_ENDS)
    ):
        for brit, amer in _SPELLING_SUFFIXES:
            if word.endswith(brit) and len(word) - len(brit) >= 3:
                cands.add(word[: -len(brit)] + amer)
            elif word.endswith(amer) and len(word) - len(amer) >= 3:
                cands.add(word[: -len(amer)] + brit)
    if len(word) >= 5 and word not in _OUR_NOT_SUFFIX:
        if word.endswith("our"):
            cands.add(word[:-3] + "or")
        elif word.endswith("or") and not word.endswith("oor"):
            cands.add(word[:-2] + "our")
    other = _LISTED_SPELLINGS.get(word)
    if other is not None:
        cands.update(other)
    for digraph in ("ae", "oe"):
        i = word.find(digraph)
        if 0 < i < len(word) - 2:
            cands.add(word[:i] + "e" + word[i + 2 :])
    out.update(c for c in cands if c != word and zipf(c) >= _MIN_VARIANT_ZIPF)
    return frozenset(out)
