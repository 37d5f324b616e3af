"""What a verb term may hold before its last word: a phrasal verb's object (phase out →
*phased them out*) or an adverb (lag behind → *lags far behind*), as a regular expression put
before the last word's forms by :func:`~duizhao.glossary.terms.term_pattern`.

Examples:
    >>> import re
    >>> slot = inner_slot(["bring", "on"], frozenset({"on", "sth", "sb"}), frozenset({"on"}))
    >>> bool(re.fullmatch(slot + "on", "two young strikers on"))
    True
    >>> bool(re.fullmatch(slot + "on", "family on"))  # "rest on": not "rested family on"
    False
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from duizhao.text.english import word_set

__all__ = ["inner_slot"]

#: Adverb particles of phrasal verbs, which may follow their object ("phased them out").
_PARTICLES = word_set("out up off down away back over aside around about through")
#: Particles that are also prepositions ("bring on", "rest on"): an object before them must
#: be a pronoun or begin with a determiner or a number (round 19: "brought two strikers on").
_PREPOSITION_PARTICLES = word_set("on in")
#: The object a phrasal verb may hold before its particle: a pronoun or up to three words, after
#: a determiner or a number or not (round 19: "hand free swimming caps out").
_NOT_IN_OBJECT = (
    r"(?!(?:and|or|but|to|of|in|on|at|for|with|by|from|as|that|than|then|when|while|if|so|"
    r"is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|not)\b)"
)
_DET_OBJECT = (
    r"it|them|him|her|me|us|you|this|that|these|those|"
    r"(?:the|a|an|his|her|their|its|our|my|your|some|any|this|that|these|those|"
    r"two|three|four|five|six|seven|eight|nine|ten|\d+)"
    rf"(?:\s+{_NOT_IN_OBJECT}[a-z][\w'’-]*){{1,3}}"
)
_OBJECT = (
    rf"(?i:(?:{_DET_OBJECT}|"
    rf"{_NOT_IN_OBJECT}[a-z][\w'’-]*(?:\s+{_NOT_IN_OBJECT}[a-z][\w'’-]*){{0,2}})\s+)"
)

#: Besides particles and prepositions, the last words of a verb term an adverb may come before
#: ("lags far behind", "rested mainly on", "accounts largely for").
_TAILS = word_set("behind ahead apart across along after")
#: An adverb between a verb and its particle or preposition: one word in -ly, or a degree word.
_ADVERB = (
    r"(?:(?i:far|well|much|still|even|(?!(?:family|supply|reply|rally|belly|jelly|bully|"
    r"assembly|anomaly|monopoly|italy|ally)\b)[a-z]{3,}ly)\s+)"
)


def inner_slot(words: Sequence[str], skip: Set[str], function_words: Set[str]) -> str:
    """The optional regular expression a verb term's last word may follow (``""``: none).

    Args:
        words: The term's words ("phase", "out").
        skip: Words that are no verb (placeholders and function words): "take sb on" holds its
            object already.
        function_words: The prepositions and other words of a term that never inflect.
    """
    last = words[-1].lower() if words else ""
    # a phrasal verb may hold its object before the particle (phase out → phased them out)
    if len(words) >= 2 and last in _PARTICLES and words[-2].lower() not in skip:
        return f"{_OBJECT}?"
    # ... or an adverb before its last word (lag behind → lags far behind, rest on → rested
    # mainly on; not after an object: "phased them quickly out" is rare); a particle that is
    # also a preposition, an object with a determiner (brought two strikers on)
    if (
        len(words) == 2
        and last in _PARTICLES | function_words | _TAILS
        and words[0].lower() not in skip
    ):
        held = f"(?i:(?:{_DET_OBJECT})\\s+)|" if last in _PREPOSITION_PARTICLES else ""
        return f"(?:{held}{_ADVERB})?"
    return ""
