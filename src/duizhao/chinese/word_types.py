"""The dictionary reading of a word type, worked out once a process rather than once an article.

:meth:`duizhao.chinese.pinyin.PinyinRomaniser.romanise_many` reads each word type of a call
once; on new text most word types of an article (的, 政府, 香港 …) were read for an earlier one.
This bounded memo keeps the last 4,096 of them, keyed on the romaniser and every setting its
reading depends on (a changed setting is another key). The readings are shared: callers copy
them (``readings[a:b] = syllables``) and do not change them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pinyin import PhraseWeights, PinyinRomaniser

__all__ = ["read_word_type"]

WordReading = tuple[list[str | None], list[int], dict[int, float]]


def read_word_type(romaniser: PinyinRomaniser, simp: str, text: str) -> WordReading:
    """``romaniser._read_word`` of the word (Simplified ``simp``, as written ``text``), with
    the phrase table and polyphone candidates :meth:`romanise_many` gives it, remembered."""
    return _read(
        romaniser, romaniser.large_phrases, romaniser.polyphone_model,
        romaniser.phrase_weights, simp, text,
    )  # fmt: skip


@lru_cache(maxsize=1 << 12)
def _read(
    romaniser: PinyinRomaniser,
    large_phrases: bool,
    polyphone_model: bool,
    weights: PhraseWeights,
    simp: str,
    text: str,
) -> WordReading:
    from .g2pm import polyphone_model as g2pm_model
    from .pinyin import _pinyin_table

    g2pm = g2pm_model() if polyphone_model else None
    cands = g2pm.candidates if g2pm is not None else {}
    return romaniser._read_word(simp, text, _pinyin_table(large_phrases), cands)
