"""Glosses composed of the senses of a word's parts, written one way and recognised by it.

A word that no dictionary has is glossed by its parts when they are known: ``to sleep in the open
(露宿) + -er, one who … (者)`` for a word with a productive suffix, ``finances (public) (財政) +
(financial) deficit (赤字)`` for two words. The ``+`` and the parts in brackets make it read as a
composition, not as a dictionary's sense. :mod:`duizhao.chinese.gloss` writes them; the vocabulary
suggestions leave out those made of whole words (their parts are the words to learn).

Examples:
    >>> g = compose([("finances", "財政"), ("deficit", "赤字")])
    >>> g
    'finances (財政) + deficit (赤字)'
    >>> made_of_words(g), made_of_words(compose([("to sleep in the open", "露宿"), ("-er", "者")]))
    (True, False)
    >>> made_of_characters(compose([("north", "北"), ("bank", "岸")])), is_composed("bank")
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["compose", "is_composed", "made_of_characters", "made_of_words"]

_PART_END = re.compile(r"\(([^()]+)\)(?: \+ |$)")


def compose(parts: Sequence[tuple[str, str]]) -> str:
    """``sense (part) + sense (part)`` for ``[(sense, part), …]``."""
    return " + ".join(f"{sense} ({part})" for sense, part in parts)


def _parts(gloss: str | None) -> list[str]:
    """The parts of a gloss :func:`compose` wrote (``[]`` for any other gloss)."""
    if not gloss or " + " not in gloss:
        return []
    parts: list[str] = _PART_END.findall(gloss)
    return parts if len(parts) >= 2 else []


def made_of_words(gloss: str | None) -> bool:
    """True for a composed gloss whose every part is two characters or more."""
    parts = _parts(gloss)
    return bool(parts) and all(len(p) >= 2 for p in parts)


def is_composed(gloss: str | None) -> bool:
    """True for a gloss :func:`compose` wrote (``sense (part) + sense (part)``)."""
    return bool(_parts(gloss))


def made_of_characters(gloss: str | None) -> bool:
    """True for a composed gloss whose every part is one character (北岸 ``north (北) + bank
    (岸)``): a word no dictionary has, glossed by guesswork from its characters."""
    parts = _parts(gloss)
    return bool(parts) and all(len(p) == 1 for p in parts)
