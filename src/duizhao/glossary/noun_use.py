"""A verb term's base form used as a noun: not an occurrence of the term (round 20).

Many English verbs are also nouns in the same written form (*peel*, *scrap*, *drag*, *recall*,
*refund*), and a glossary that defines the verb ("peel: to take the skin off fruit") means the
verb: *a piece of tangerine peel* is another word, and its Chinese (陳皮 "dried tangerine peel")
is no counterpart of the term (round 19's ``written21``: the noun's sentence gave the verb its
first guess, shown as certain). A verb's base form never stands

* right after an article, a demonstrative, a possessive or a quantifier (*the peel*, *its
  recall*, *every refund*), nor after *of* (*the smell of peel*), nor
* one word after *a*/*an*/*of* when that word is no pronoun, function word or adverb (*a
  piece of tangerine peel*, *a full refund*),

where a noun does. Only the base form is looked at (*peels*, *peeled* are left as found), and
only for one-word terms whose part of speech is a verb (given, or a definition "to …").
*her* and *that* are left out (*help her peel*, *machines that peel*), and so is *the* two words
back (*the children peel the apples*).

Examples:
    >>> text = "Peel the root and add a piece of tangerine peel."
    >>> noun_use(text, 0), noun_use(text, text.rindex("peel"))
    (False, True)
    >>> noun_use("Ask them to peel it.", 12), noun_use("Let the children peel it.", 17)
    (False, False)
    >>> noun_use("It is made of steel. Peel it.", 21)  # never across a full stop
    False
"""

from __future__ import annotations

import re

from duizhao.text.english import word_set

__all__ = ["noun_use"]

#: Words after which a verb's base form is a noun.
_BEFORE_NOUN = word_set("a an the this these those my your his its our their every each another of")
#: Words two before a noun (*a* full refund, *of* tangerine peel).
_TWO_BEFORE = word_set("a an of")
#: Words that may stand between those and a verb (*of them peel*, *a lot just peel*).
_NOT_MODIFIER = word_set(
    "i you he she it we they me him her us them who which that this these those there here "
    "to not never also just only then now all some many few lot both each one will would can "
    "could shall should may might must do does did and or but so"
)
#: The one or two words right before, in the same phrase (white space only between them).
_WORDS_BEFORE = re.compile(r"(?:([A-Za-z'’]+)\s+)?([A-Za-z'’]+)\s+$")


def noun_use(text: str, start: int) -> bool:
    """Whether the word at ``start`` of ``text`` stands where a noun does (the module's rule)."""
    before = text[max(0, start - 60) : start]
    m = _WORDS_BEFORE.search(before)
    if m is None:
        return False
    two, one = (m.group(1) or "").lower(), m.group(2).lower()
    if one in _BEFORE_NOUN:
        return True
    return two in _TWO_BEFORE and one not in _NOT_MODIFIER and not one.endswith("ly")
