"""An English noun of a person gets the Chinese person too (round 16).

"scaffolder", "auditor", "farmer": the Chinese is often the activity and a noun of a person
(搭棚|師傅, 審計|人員, 耕種|者). The dictionary and the definition speak for the activity, and
the finder's length prior prefers it alone, so its first guess is the activity without the
person, which round 9 only marks "check" (``candidates.person_cut_short``).

When the term's last word is a noun of a person (it ends in *-or*, *-er*, *-ist*, *-ian* or
*-ee*, a plural *-s* aside), the dictionary does not translate the whole term by the best
candidate (its kind of evidence is not ``whole``), and a candidate is the best one followed by a
noun of a person at the same place (人員, 人士, 師傅, 員, 師, 者, 家, 官, 商, 人), the shortest
such candidate comes first. Its own evidence decides whether it is shown as certain.

Chosen on the fitting pool and the older check sets, never on the held-out novels or
``written17``.

Examples:
    >>> a = Candidate("搭棚", {}, [(0, 5, 7)], 3.0)
    >>> b = Candidate("搭棚師傅", {}, [(0, 5, 9)], 2.0)
    >>> [c.text for c in person_first([a, b], is_person("scaffolder"))]
    ['搭棚師傅', '搭棚']
    >>> [c.text for c in person_first([a, b], is_person("scaffolding"))]
    ['搭棚', '搭棚師傅']
"""

from __future__ import annotations

from collections.abc import Sequence

from .candidates import PERSON_NOUNS, PERSON_SUFFIXES
from .confidence import evidence_class
from .features import Candidate

__all__ = ["is_person", "person_first"]

#: The most characters the noun of a person adds.
MAX_PERSON = 2


def is_person(term: str) -> bool:
    """Whether a term's last word is an English noun of a person (by its ending).

    Examples:
        >>> is_person("scaffolder"), is_person("tax auditors"), is_person("trainee")
        (True, True, True)
        >>> is_person("dwindle"), is_person("die out")
        (False, False)
    """
    words = term.lower().split()
    if not words:
        return False
    word = words[-1]
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word.endswith(PERSON_SUFFIXES)


def _with_person(c: Candidate, best: Candidate) -> bool:
    """``c`` is ``best`` followed by a noun of a person, at one of ``best``'s places."""
    rest = c.text[len(best.text) :]
    if not c.text.startswith(best.text) or not 0 < len(rest) <= MAX_PERSON:
        return False
    if rest not in PERSON_NOUNS and rest != "師傅":
        return False
    starts = {(p, s) for p, s, _ in best.places}
    return any((p, s) in starts for p, s, _ in c.places)


def person_first(ranked: Sequence[Candidate], person: bool) -> list[Candidate]:
    """The candidates, best first, with the best one and its person put first as the module's
    docstring says when the term is a noun of a person (``person``: :func:`is_person`);
    otherwise as they are."""
    out = list(ranked)
    if len(out) < 2 or not person:
        return out
    best = out[0]
    if evidence_class(best.features) == "whole" or best.text.endswith(PERSON_NOUNS):
        return out
    found = [(len(c.text), k) for k, c in enumerate(out[1:], 1) if _with_person(c, best)]
    if not found:
        return out
    k = min(found)[1]
    return [out[k], *out[:k], *out[k + 1 :]]
