"""Glosses: CC-CEDICT's English senses for a word, chosen by the word's reading.

Where CC-CEDICT has several entries for a word, the one whose pinyin matches the word's computed
reading comes first (行 *xíng* "to walk; OK" rather than 行 *háng* "row; firm"); proper nouns and
variant entries come last. Senses that only point elsewhere (``CL:``, ``also written``…) are left
out.

Example:
    >>> cedict_gloss("行", "行", ("xíng",), 2)  # "to walk"
    'to walk; to go'
    >>> cedict_gloss("行", "行", ("háng",), 2)  # "row"
    'row; line'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

__all__ = ["cedict_gloss"]


def _numbered(pinyin: Sequence[str | None]) -> str:
    from pypinyin.contrib.tone_convert import to_tone3

    return " ".join(to_tone3(p, neutral_tone_with_five=True) for p in pinyin if p)


def _norm_cedict_pinyin(p: str) -> str:
    return p.lower().replace("u:", "v")


_SKIP_SENSE = re.compile(r"^(CL:|Taiwan pr\.|also pr\.|also written|see also )")


@lru_cache(maxsize=1 << 16)
def cedict_gloss(
    word: str, simplified: str, pinyin: tuple[str | None, ...], max_senses: int
) -> str | None:
    """CC-CEDICT's senses for a word, preferring the entry that matches its reading.

    Args:
        word: The word as written.
        simplified: The same word in Simplified characters (looked up when ``word`` has no entry).
        pinyin: The word's reading, one tone-marked syllable per character (``None`` for
            characters that are not Han).
        max_senses: At most this many senses.

    Returns:
        The senses joined with ``"; "``, or ``None`` when CC-CEDICT has no entry.
    """
    from duizhao.resources.lexicon import cedict

    entries = cedict().lookup(word) or cedict().lookup(simplified)
    if not entries:
        return None
    if len(entries) > 1:
        reading = _numbered(pinyin)

        def rank(e: Any) -> tuple[int, int, int]:
            p = _norm_cedict_pinyin(e.pinyin)
            proper = e.pinyin[:1].isupper()
            variant = all(g.startswith(("variant of", "old variant", "surname")) for g in e.glosses)
            return (p != reading, proper + variant, 0)

        entries = tuple(sorted(entries, key=rank))
        best = _norm_cedict_pinyin(entries[0].pinyin)
        same = [e for e in entries if _norm_cedict_pinyin(e.pinyin) == best]
        entries = tuple(same[:2])
    senses: list[str] = []
    for e in entries:
        for g in e.glosses:
            if not _SKIP_SENSE.match(g) and g not in senses:
                senses.append(g)
    return "; ".join(senses[:max_senses]) or None
