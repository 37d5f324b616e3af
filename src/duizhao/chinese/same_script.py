"""The form a line that is the same in both scripts is cut in.

A line that ``hk2s`` leaves unchanged is written only in characters common to both scripts (or
it is Simplified text). The segmenter's dictionary is Traditional, so such a line was cut in its
``s2hk`` form; but ``s2hk`` also rewrites characters that Traditional text uses in their own
right, where Simplified merged two words into one character: 范 (a surname, and 範 "model"), 余
(a surname, and 餘 "surplus"), 于, 干, 后, 里. 范志明表示, which is the same in both scripts, was
cut 範 / 志明 / 表示 and glossed "pattern; model", where 范志明說 was one name (round 14).

Now the line is cut as written when every character ``s2hk`` would change is a Traditional
headword of CC-CEDICT (a character Traditional text writes as it is), and in its ``s2hk`` form
when one is not (a Simplified line: 邻里, 这个).

Examples:
    >>> traditional_form("范志明表示", "範志明表示")
    '范志明表示'
    >>> traditional_form("邻里关系", "鄰里關係")
    '鄰里關係'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["traditional_form"]


@lru_cache(maxsize=4096)
def _traditional(char: str) -> bool:
    from duizhao.resources.lexicon import cedict

    return any(e.traditional == char for e in cedict().lookup(char))


def traditional_form(text: str, converted: str) -> str:
    """``text`` (a line the same in both scripts) as the segmenter reads it: as written when
    every character that ``converted`` (its ``s2hk`` form, of the same length) changes is a
    Traditional character in its own right, else ``converted``."""
    if len(converted) != len(text):
        return converted
    for a, b in zip(text, converted, strict=True):
        if a != b and not _traditional(a):
            return converted
    return text
