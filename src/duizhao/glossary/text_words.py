"""The whole words of an English text by their case-folded form: where a glossary term of
plain words is found without compiling its pattern (round 16, second speed pass).

A term whose every form is one word of ASCII letters (``overtake``: overtook, overtaking …),
bounded as :func:`~duizhao.glossary.terms.term_pattern` bounds it (:data:`LEFT`, :data:`RIGHT`),
can match only a whole word of the text, and ``(?i:form)`` matches exactly the words that fold to
the form (:data:`FOLD`). A closed compound written as two words (``over took``) is its head word,
a separator (:data:`SEP`) and a tail word. :func:`find_words` gives the same matches as the
term's compiled pattern (``tests/test_speed_identity_terms.py`` compares them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["FOLD", "LEFT", "PLAIN", "RIGHT", "SEP", "find_words", "words_of"]

#: A term's pattern starts after no word character (nor a word and an apostrophe) …
LEFT = r"(?<![\w])(?<![\w]['’])"
#: … and ends before none (nor a number after a hyphen).
RIGHT = r"(?![\w])(?![-‐‑]?\d)"
#: Between the words of a term: a hyphen or dash with spaces around it, or white space.
SEP = r"(?:[ \t\u00a0]*[-‐‑–][ \t\u00a0]*|\s+)"
#: A form looked up rather than compiled: ASCII letters only.
PLAIN = re.compile(r"[a-z]+")
#: What ``(?i:x)`` matches for an ASCII letter x besides x itself (every code point checked:
#: the upper case, dotted and dotless I, the long s and the Kelvin sign).
FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(65, 91)}, "İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"}
)

#: A whole word as a term's pattern bounds it: what a plain one-word term can match at most.
_WHOLE_WORD = re.compile(LEFT + r"\w+" + RIGHT)
_SEP_RE = re.compile(SEP)
#: Any text: a match of the span of two words found apart.
_SPAN = re.compile(r"[\s\S]*")


@lru_cache(maxsize=256)
def words_of(text: str) -> tuple[tuple[re.Match[str], ...], dict[str, tuple[int, ...]]]:
    """Every whole word of ``text`` in order, and their numbers by case-folded form.

    Examples:
        >>> every, by_word = words_of("Over took, over-taken")
        >>> [m.group() for m in every], by_word["over"]
        (['Over', 'took', 'over', 'taken'], (0, 2))
    """
    every = tuple(_WHOLE_WORD.finditer(text))
    out: dict[str, list[int]] = {}
    for k, m in enumerate(every):
        out.setdefault(m.group().translate(FOLD), []).append(k)
    return every, {w: tuple(ks) for w, ks in out.items()}


def find_words(
    words: Iterable[str], pairs: Iterable[tuple[str, frozenset[str]]], text: str
) -> list[re.Match[str]]:
    """The matches, in order, of a term whose forms are ``words`` and whose closed compounds
    written apart are ``pairs`` (head, the tail's forms): plain forms, no head a form of the
    term nor of a tail, no tail form a form of the term, so no two matches overlap.

    Examples:
        >>> [m.group() for m in find_words({"overtook"}, [("over", frozenset({"took"}))],
        ...                                "It overtook them; it over took; over-took them.")]
        ['overtook', 'over took', 'over-took']
    """
    every, by_word = words_of(text)
    hits = [every[k] for w in words for k in by_word.get(w, ())]
    for head, tails in pairs:
        for k in by_word.get(head, ()):
            if k + 1 < len(every):
                m1, m2 = every[k], every[k + 1]
                if m2.group().translate(FOLD) in tails and _SEP_RE.fullmatch(
                    text, m1.end(), m2.start()
                ):
                    span = _SPAN.match(text, m1.start(), m2.end())
                    if span is not None:
                        hits.append(span)
    return sorted(hits, key=lambda m: m.start()) if len(hits) > 1 else hits
