"""pysbd's English abbreviation replacer with its patterns compiled once, not once per article.

pysbd 0.3.4 looks for each of its abbreviations that occur in a paragraph with patterns made
for that abbreviation (``re.findall("(?:^|\\s|\\r|\\n)mo", …)``), through ``re``'s module
cache. There are about a thousand such patterns, twice the cache's 512 places, and the cache
drops its oldest pattern first: over distinct articles most of them were compiled again each
time (about a fifth of the time it took to read an article). :func:`english` is pysbd's English
language with the same replacer, the same patterns and the same calls, each pattern compiled
once in a bounded memo of its own. For any other pysbd version it gives pysbd's own class back.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["english"]

#: The pysbd version whose replacer this repeats.
PYSBD_VERSION = "0.3.4"


# Read-only compiled patterns, a bounded memo (about a thousand patterns can be made).
@lru_cache(maxsize=2048)
def _pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(source, flags)


def _replace_pre_number_abbr(txt: str, abbr: str) -> str:
    """``pysbd.abbreviation_replacer.replace_pre_number_abbr``."""
    txt = " " + txt
    txt = _pattern(rf"(?<=\s{abbr.strip()})\.(?=(\s\d|\s+\())").sub("∯", txt)
    return txt[1:]


def _replace_prepositive_abbr(txt: str, abbr: str) -> str:
    """``pysbd.abbreviation_replacer.replace_prepositive_abbr``."""
    txt = " " + txt
    txt = _pattern(rf"(?<=\s{abbr.strip()})\.(?=(\s|:\d+))").sub("∯", txt)
    return txt[1:]


def _only_ascii_cased(text: str) -> bool:
    """Whether every letter with case in ``text`` is ASCII: then a pattern of ASCII letters
    matches under ``re.IGNORECASE`` exactly where ``text.lower()`` holds it (``ſ``, the Kelvin
    sign or ``İ`` are the exceptions), and ``lower`` keeps every place."""
    return text.isascii() or all(c.isascii() or (c.lower() == c and c.upper() == c) for c in text)


def _at_word_start(text: str, lowered: str, letters: str) -> bool:
    r"""Whether ``re.findall(r"(?:^|\s|\r|\n)" + letters, text, re.IGNORECASE)`` finds
    anything, for ``letters`` of ASCII letters and a text of :func:`_only_ascii_cased`: an
    occurrence at the start or after white space (``\s`` is ``str.isspace``)."""
    k = lowered.find(letters)
    while k >= 0:
        if k == 0 or text[k - 1].isspace():
            return True
        k = lowered.find(letters, k + 1)
    return False


def english() -> Any:
    """pysbd's English language class, its abbreviation replacer compiling each pattern once."""
    import pysbd
    from pysbd.lang.english import English

    if pysbd.__version__ != PYSBD_VERSION:
        return English
    base: Any = English.AbbreviationReplacer

    class Replacer(base):  # type: ignore[misc]
        """``English.AbbreviationReplacer`` with its three methods that make patterns."""

        def replace_period_of_abbr(self, txt: str, abbr: str) -> str:
            txt = " " + txt
            txt = _pattern(
                rf"(?<=\s{re.escape(abbr.strip())})\.(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))"
            ).sub("∯", txt)
            return txt[1:]

        def search_for_abbreviations_in_string(self, text: str) -> str:
            lowered = text.lower()
            plain = _only_ascii_cased(text)
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered:
                    continue
                if (
                    plain
                    and stripped.isascii()
                    and stripped.isalpha()
                    and not _at_word_start(text, lowered, stripped)
                ):
                    continue  # (the findall below would find nothing)
                abbrev_match = _pattern(rf"(?:^|\s|\r|\n){stripped}", re.IGNORECASE).findall(text)
                if not abbrev_match:
                    continue
                next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
                char_array = _pattern(next_word_start).findall(text)
                for ind, match in enumerate(abbrev_match):
                    text = self.scan_for_replacements(text, match, ind, char_array)
            return text

        def scan_for_replacements(self, txt: str, am: str, ind: int, char_array: list[str]) -> str:
            try:
                char = char_array[ind]
            except IndexError:
                char = ""
            prepositive = self.lang.Abbreviation.PREPOSITIVE_ABBREVIATIONS
            number_abbr = self.lang.Abbreviation.NUMBER_ABBREVIATIONS
            upper = str(char).isupper()
            if not upper or am.strip().lower() in prepositive:
                if am.strip().lower() in prepositive:
                    txt = _replace_prepositive_abbr(txt, am)
                elif am.strip().lower() in number_abbr:
                    txt = _replace_pre_number_abbr(txt, am)
                else:
                    txt = self.replace_period_of_abbr(txt, am)
            return txt

    class Language(English):  # type: ignore[misc]
        """pysbd's English, with :class:`Replacer`."""

        AbbreviationReplacer = Replacer

    return Language
