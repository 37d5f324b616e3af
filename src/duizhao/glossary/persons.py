"""An English noun of a person gets the Chinese person too (round 16).

"scaffolder", "auditor", "farmer": the Chinese is often the activity and a noun of a person
(搭棚|師傅, 審計|人員, 耕種|者). The dictionary and the definition speak for the activity, and
the finder's length prior prefers it alone, so its first guess is the activity without the
person, which round 9 only marks "check" (``candidates.person_cut_short``).

When the term's last word is a noun of a person (it ends in *-or*, *-er*, *-ist*, *-ian* or
*-ee*, a plural *-s* aside, and is not one of the words below), the dictionary does not
translate the whole term by the best candidate (its kind of evidence is not ``whole``), and a
candidate is the best one followed by a noun of a person at the same place (人員, 人士, 師傅,
員, 師, 者, 家, 官, 商, 人), the shortest such candidate comes first. Its own evidence decides
whether it is shown as certain.

Not every such word is a person (round 16, second pass): a word lemminflect knows but not as a
noun ("over" of "take over", "later", "consider", "agree") is not one, nor a common noun of a thing
(:data:`NOT_PERSONS`: "cover", "water", "computer", "corridor", "committee") or a compound ending
in one whose first part is a word of its own ("newsletter", "checklist"; not "journalist", whose
"journa" is none).

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
from functools import lru_cache

from duizhao.text.english import word_set

from .candidates import PERSON_NOUNS, PERSON_SUFFIXES
from .confidence import evidence_class
from .features import Candidate

__all__ = ["NOT_PERSONS", "is_person", "person_first"]

#: The most characters the noun of a person adds.
MAX_PERSON = 2

#: Common English nouns with a person's ending that are not persons (a small hand-made list of
#: frequent things and abstractions; a word lemminflect knows only as another part of speech is
#: excluded without it).
NOT_PERSONS = word_set(
    """
    number power water order matter paper cover door career character summer winter weather
    center centre river letter floor cancer colour color computer corner border quarter chapter
    sector factor error manner motor interior exterior tower shoulder shower finger chamber mirror
    horror terror flower prayer layer disaster leather theater theatre trailer disorder filter
    copper powder shelter trigger charter rubber fever laser poster liver hammer tier barrier
    harbour harbor pepper thunder helicopter banner reminder meter metre roster diameter burger
    fiber fibre flavour flavor container ladder remainder semester anchor liquor timber cluster
    cylinder vector amber armour armor frontier merger poker tumour tumor elevator locker
    generator printer dinner butter silver beer corridor behaviour behavior honour honor labour
    labor humour humor favour favor vigour vigor rigour rigor odour odor vapour vapor calibre
    caliber tractor sensor processor reactor radiator indicator calculator refrigerator
    escalator counter register answer offer gender danger anger hunger laughter murder encounter
    transfer newspaper soccer super twitter blister plaster ulcer oyster lobster
    committee degree coffee tree knee guarantee fee decree jubilee toffee levee spree marquee
    pedigree three thee glee
    list wrist mist fist gist twist median waist ginger tiger spider monster deer lighter cooler
    roller starter other another better whether whatever whoever neither poor prior closer upper
    latter superior former bother gather wonder surrender tender cheer
    september october november december
    """
)


def is_person(term: str) -> bool:
    """Whether a term's last word is an English noun of a person (by its ending).

    Examples:
        >>> is_person("scaffolder"), is_person("tax auditors"), is_person("trainee")
        (True, True, True)
        >>> is_person("dwindle"), is_person("die out"), is_person("take over")
        (False, False, False)
        >>> [is_person(w) for w in ("cover", "water", "computers", "corridor", "newsletter")]
        [False, False, False, False, False]
        >>> [is_person(w) for w in ("journalist", "finalists", "referee", "minister", "elders")]
        [True, True, True, True, True]
    """
    words = term.lower().split()
    if not words:
        return False
    word = words[-1]
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word.endswith(PERSON_SUFFIXES) and not _not_person(word)


@lru_cache(maxsize=4096)
def _not_person(word: str) -> bool:
    """A word with a person's ending that is not a person: lemminflect knows it, but not as a
    noun (nor, for *-ist* and *-ian*, as an adjective only); or a thing of :data:`NOT_PERSONS`,
    alone or closing a compound whose first part is a word of four letters or more (Zipf ≥ 3:
    "newsletter", "checklist"; not "journalist", and not "capitalist", where the part one letter
    longer is a word too: capital|ist)."""
    if word in NOT_PERSONS:
        return True
    for n in range(4, len(word) - 2):
        if word[n:] in NOT_PERSONS:
            from wordfreq import zipf_frequency

            if zipf_frequency(word[:n], "en") >= 3.0 > zipf_frequency(word[: n + 1], "en"):
                return True
    from lemminflect import getAllLemmas

    known = getAllLemmas(word)
    if not known or "NOUN" in known:
        return False
    # an adjective in -ist or -ian is the person's too (capitalist, Christian)
    return "VERB" in known or not word.endswith(("ist", "ian"))


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
