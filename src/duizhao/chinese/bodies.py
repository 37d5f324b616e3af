"""The full name of a Hong Kong body, cut into its words, glossed on its last word.

Both word standards cut the full name of a body into its words (漁農 自然 護理署, 社會 福利署,
職業 訓練局), and so does the segmenter; its last word alone was glossed by its parts (護理署
"to nurse (護理) + government department (署)"). The last word of a full name that the shipped
tables name in English is glossed with the whole name's English and the name itself:
護理署 "Agriculture, Fisheries and Conservation Department (漁農自然護理署)". The names are the
full names of bodies (tag ``nt``, four characters or more) of ``hk_userdict.txt`` with an English
name in ``hk_names.tsv`` or ``hk_glosses.tsv``. A last word with senses of its own keeps them
(電車 "tram" of 香港電車; 公署 "government office").

Examples:
    >>> body_gloss("漁農自然護理署呼籲", 4, 7)
    'Agriculture, Fisheries and Conservation Department (漁農自然護理署)'
    >>> body_gloss("衛生署表示", 0, 3) is None  # a whole word: its own gloss
    True
"""

from __future__ import annotations

from functools import cache

__all__ = ["body_ends", "body_gloss"]


@cache
def _names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Last character → the full names ending in it, each with its English (both scripts)."""
    from duizhao.resources.lexicon import hk_glosses, hk_names
    from duizhao.text.convert import to_simplified

    from .segment import hk_user_dict_path, load_user_dict

    english = {**hk_glosses(), **hk_names()}
    out: dict[str, list[tuple[str, str]]] = {}
    for word, _, tag in load_user_dict(hk_user_dict_path()):
        if tag == "nt" and len(word) >= 4 and word in english:
            for form in {word, to_simplified(word)}:
                out.setdefault(form[-1], []).append((form, f"{english[word]} ({word})"))
    return {k: tuple(v) for k, v in out.items()}


@cache
def body_ends() -> frozenset[str]:
    """The characters a full name of :func:`body_gloss` ends in (elsewhere it answers ``None``
    at once: a caller with many words asks it only there)."""
    return frozenset(_names())


def body_gloss(text: str, start: int, end: int) -> str | None:
    """The gloss of ``text[start:end]`` when it is the last word, but not the whole, of the full
    name of a body that ends there; ``None`` elsewhere."""
    if end - start < 1 or end > len(text):
        return None
    for name, gloss in _names().get(text[end - 1], ()):
        begin = end - len(name)
        if begin < start and begin >= 0 and text.startswith(name, begin):
            return None if _a_word(text[start:end]) else gloss
    return None


def _a_word(word: str) -> bool:
    """Whether the last word of a name is a word with senses of its own (電車 "tram" of 香港
    電車, 公署 "government office"): then it keeps them. A single character (局, 署) is not."""
    from duizhao.resources.lexicon import cedict, hk_glosses, hk_names

    return len(word) > 1 and (
        word in hk_glosses() or word in hk_names() or bool(cedict().lookup(word))
    )
