"""Cheap literal checks before the regular expressions of :mod:`duizhao.chinese.gloss`.

A word's glosses are worked out once a word type (:func:`duizhao.chinese.gloss._senses` is
memoised), so on new text every word is new and its CC-CEDICT senses go through
:func:`~duizhao.chinese.gloss.clean_sense`, the cut into senses and the check for unsuitable
senses. Each of those regular expressions can only match where a literal it needs occurs
(``(CL:`` for a classifier note, ``[`` for a reading, ``vulgar`` or ``surname`` for an unsuitable
sense, …); checking the literal first with ``in`` skips most searches. The answers are those of the
regular expressions alone (``tests/chinese/test_sense_text.py`` compares them on every sense of
CC-CEDICT).

Examples:
    >>> split_senses("to emit; to discharge (waste water etc; gas)", re.compile("^see "))
    ['to emit', 'to discharge (waste water etc; gas)']
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "UNSUITABLE_ALTERNATIVES",
    "UNSUITABLE_NEEDLES",
    "UNSUITABLE_PATTERN",
    "numbered_syllable",
    "split_senses",
    "unsuitable",
]

#: The senses a school handout does not show, one source for both forms: each alternative of
#: :data:`duizhao.chinese.gloss.UNSUITABLE_RE` (a regular expression, matched ignoring case)
#: with the literals (lower case) one of which a sense must hold for it to match.
UNSUITABLE_ALTERNATIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"vulgar", ("vulgar",)),
    (r"\bfuck", ("fuck",)),
    (r"\bshit\b", ("shit",)),
    (r"\bcunt", ("cunt",)),
    (r"\bpenis", ("penis",)),
    (r"\bvagina", ("vagina",)),
    (r"\bsemen\b", ("semen",)),
    (r"ovulat", ("ovulat",)),
    (r"copulat", ("copulat",)),
    (r"\bsexual intercourse", ("sexual",)),
    (r"prostitut", ("prostitut",)),
    (r"masturbat", ("masturbat",)),
    (r"\bporn", ("porn",)),
    (r"\berotic", ("erotic",)),
    (r"\bbreasts?\b", ("breast",)),
    (r"\btesticle", ("testicle",)),
    (r"\boffensive", ("offensive",)),
    (r"\(Tw\)", ("(tw)",)),
    (r"\(Taiwan\)", ("taiwan",)),
    (r"^Taiwan ", ("taiwan",)),
    (r"\barchaic\b", ("archaic",)),
    (r"\(old\)", ("(old)",)),
    (r"\bobsolete\b", ("obsolete",)),
    (r"^surname ", ("surname",)),
    (r"^old name for", ("old name for",)),
    (r"\b(?:county|prefecture|township|district) (?:in|of) ",
     ("county", "prefecture", "township", "district")),
    (r"\bplace name\b", ("place name",)),
    (r"\(Japanese surname\)", ("surname",)),
)  # fmt: skip
#: The pattern of :data:`duizhao.chinese.gloss.UNSUITABLE_RE`, made of the alternatives above.
UNSUITABLE_PATTERN = "|".join(alt for alt, _ in UNSUITABLE_ALTERNATIVES)
#: A literal (lower case) of every alternative of :data:`duizhao.chinese.gloss.UNSUITABLE_RE`:
#: a sense none of them occurs in (lower-cased) cannot match it. Made from
#: :data:`UNSUITABLE_ALTERNATIVES`, so the two cannot drift apart.
UNSUITABLE_NEEDLES = tuple(dict.fromkeys(n for _, ns in UNSUITABLE_ALTERNATIVES for n in ns))
_NEEDLE_RE = re.compile("|".join(map(re.escape, UNSUITABLE_NEEDLES)))  # plain literals: fast

# The characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
# (``re.compile("[a-z]", re.I)``) but that ``str.lower`` does not turn into one: with any of
# them in a sense, the pattern is asked directly.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def unsuitable(sense: str, pattern: re.Pattern[str]) -> bool:
    """``bool(pattern.search(sense))`` for ``gloss.UNSUITABLE_RE``, searching only when a
    literal of one of its alternatives is in the sense."""
    folds = not sense.isascii() and not _FOLDS_TO_ASCII.isdisjoint(sense)
    if not folds and _NEEDLE_RE.search(sense.lower()) is None:
        return False
    return bool(pattern.search(sense))


def _is_pointer(piece: str, pointer: re.Pattern[str]) -> bool:
    # gloss._POINTER_RE: r"\bvariant of\b|^CL:|^see |^also written"
    if "variant of" in piece or piece.startswith(("CL:", "see ", "also written")):
        return bool(pointer.search(piece))
    return False


def split_senses(sense: str, pointer: re.Pattern[str]) -> list[str]:
    """A CC-CEDICT field cut into its senses at the semicolons outside brackets, without the
    pieces ``pointer`` (``gloss._POINTER_RE``) finds; a field with no ``;`` (most of them), or
    with no bracket, is cut without walking its characters."""
    if ";" not in sense:
        out = [sense.strip()]
    elif "(" not in sense and ")" not in sense:
        out = [p.strip() for p in sense.split(";")]
    else:
        out, depth, cur = [], 0, ""
        for ch in sense:
            depth += ch == "("
            depth -= ch == ")"
            if ch == ";" and depth == 0:
                out.append(cur.strip())
                cur = ""
            else:
                cur += ch
        out.append(cur.strip())
    return [p for p in out if p and not _is_pointer(p, pointer)]


@lru_cache(maxsize=4096)
def numbered_syllable(syllable: str) -> str:
    """:func:`duizhao.chinese.pinyin.numbered`, remembered (there are about 1,500 syllables)."""
    from .pinyin import numbered

    return numbered(syllable)
