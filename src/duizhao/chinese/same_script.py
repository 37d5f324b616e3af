"""The form a line that is the same in both scripts is cut in.

A line that ``hk2s`` leaves unchanged is written only in characters common to both scripts (or
it is Simplified text). The segmenter's dictionary is Traditional, so such a line was cut in its
``s2hk`` form; but ``s2hk`` also rewrites characters that Traditional text uses in their own
right, where Simplified merged two words into one character: 范 (a surname, and 範 "model"), 余
(a surname, and 餘 "surplus"), 于, 干, 后, 里. 范志明表示, which is the same in both scripts, was
cut 範 / 志明 / 表示 and glossed "pattern; model", where 范志明說 was one name (round 14).

Now, when every character ``s2hk`` would change is a Traditional headword of CC-CEDICT (a
character Traditional text writes as it is), a surname of :data:`duizhao.chinese.names.SURNAMES`
among them keeps its form (范, 余); the others take the ``s2hk`` form, which is also the form of
the Taiwan-made dictionary (球台 → 球臺, one word of it; 涌 → 湧). A line with a character that
is not a Traditional headword is Simplified and is converted whole (邻里, 这个).

Examples:
    >>> traditional_form("范志明表示", "範志明表示")
    '范志明表示'
    >>> traditional_form("球台：", "球臺：")
    '球臺：'
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
    """``text`` (a line the same in both scripts) as the segmenter reads it: ``converted`` (its
    ``s2hk`` form, of the same length) with the surnames ``s2hk`` changed kept as written, when
    every character it changes is a Traditional character in its own right."""
    if len(converted) != len(text):
        return converted
    from .names import SURNAMES

    kept = []
    for k, (a, b) in enumerate(zip(text, converted, strict=True)):
        if a != b:
            if not _traditional(a):
                return converted
            if a in SURNAMES:
                kept.append(k)
    if not kept:
        return converted
    out = list(converted)
    for k in kept:
        out[k] = text[k]
    return "".join(out)
