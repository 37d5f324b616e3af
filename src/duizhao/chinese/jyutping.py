"""Jyutping: Cantonese readings of the Traditional text, with the dictionary of ToJyutping.

The text is cut into dictionary entries and single characters with as few pieces as possible,
ties broken against pieces that cross a word of the segmenter (see :class:`JyutpingRomaniser`).

Examples:
    >>> text = "香港銀行"  # "Hong Kong banks"
    >>> JyutpingRomaniser().romanise(text, "香港银行", [(0, 2), (2, 4)])
    ['hoeng1', 'gong2', 'ngan4', 'hong4']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import accumulate
from typing import Any

from duizhao.resources import diskcache
from duizhao.resources.compact import CompactTable, compact_table
from duizhao.text.convert import to_traditional
from duizhao.text.script import is_han

from .literary import apply_literary
from .polyphones import apply_word_readings, fix_jyutping

__all__ = ["JyutpingRomaniser"]


def _jyutping_build() -> tuple[dict[str, str], dict[str, object]]:
    from ToJyutping import Trie as trie_module

    table: dict[str, str] = {}
    stack: list[tuple[str, Any]] = [("", trie_module.root)]
    while stack:
        prefix, node = stack.pop()
        values = getattr(node, "v", None)
        if values and prefix:
            first = values[0]
            if len(prefix) == 1:
                table[prefix] = first.jyutping
            else:
                table[prefix] = " ".join(j.jyutping for j in first)
        for ch, child in node.items():
            stack.append((prefix + ch, child))
    return table, {}


# A read-only table opened once (memory-mapped).
@cache
def _jyutping_table() -> CompactTable:
    import importlib.metadata

    try:
        version = importlib.metadata.version("ToJyutping")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    key = diskcache.source_key(version)
    return compact_table("jyutping", key, _jyutping_build)


class JyutpingRomaniser:
    """Jyutping from the Traditional text, with ToJyutping's dictionary.

    Args:
        within_words: Match dictionary entries inside the segmenter's words only (otherwise
            longest match over the whole text, as ToJyutping itself does).
        context: Apply the shipped word readings and the context rules of
            :mod:`~duizhao.chinese.polyphones` (知識 *zi1 sik1*, 申請量 *loeng6*, 呢個 *ni1*).
        literary: In classical and literary sentences, read characters with the literary
            reading (文讀) where the dictionary gives the colloquial one (其名曰 *ming4*, not
            *meng2*; see :mod:`~duizhao.chinese.literary`). Only with ``context``.
    """

    def __init__(
        self, *, within_words: bool = False, context: bool = True, literary: bool = True
    ) -> None:
        self.within_words = within_words
        self.context = context
        self.literary = literary

    def romanise(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]]
    ) -> list[str | None]:
        """Jyutping of every character (``None`` for characters that are not Han).

        The text is cut into dictionary entries and single characters with as few pieces as
        possible; among equally short cuts, pieces that cross a boundary of the segmenter's
        words cost a little more (so 香港|銀行 beats 香|港銀|行). Plain longest-first matching,
        as ToJyutping does, reads 香港銀行 as 香|港銀|行 (*ngan2 haang4*).
        """
        return self._romanise(text, simplified, words, {})

    def romanise_many(
        self, items: Sequence[tuple[str, str, Sequence[tuple[int, int]]]]
    ) -> list[list[str | None]]:
        """:meth:`romanise` for several texts (each dictionary entry is looked up once)."""
        pieces: dict[str, list[str | None]] = {}
        return [self._romanise(t, s, w, pieces) for t, s, w in items]

    def _romanise(
        self,
        text: str,
        simplified: str,
        words: Sequence[tuple[int, int]],
        pieces: dict[str, list[str | None]],
    ) -> list[str | None]:
        """:meth:`romanise`; ``pieces`` remembers the readings of the pieces already read."""
        table = _jyutping_table()
        prefixes = table.prefix_search()
        n = len(text)
        readings: list[str | None] = [None] * n
        in_word = [False] * n  # read inside a dictionary word of two or more characters
        if self.within_words:
            spans: Sequence[tuple[int, int]] = words
            bounds: set[int] = set()
        else:
            spans = [(0, n)]
            bounds = {a for a, _ in words} | {b for _, b in words}
        # crossed[x]: how many word boundaries there are at positions 1..x
        marks = [0] * (n + 1)
        for x in bounds:
            if 0 < x <= n:
                marks[x] = 1
        crossed = list(accumulate(marks))
        longest = 8
        inf = float("inf")
        for start, end in spans:
            # cost[i]: cheapest cut of text[start:i]; back[i]: where its last piece starts
            size = end - start
            cost = [0.0] + [inf] * size
            back = [0] * (size + 1)
            for i in range(size):
                base = cost[i]
                if base == inf:
                    continue
                a = start + i
                step = base + 1.0
                if step < cost[i + 1]:
                    cost[i + 1] = step
                    back[i + 1] = i
                if i + 1 == size:
                    continue  # one character left: no piece of two
                crossed_a = crossed[a]
                for key in prefixes(text[a : start + min(size, i + longest)]):
                    length = len(key)
                    if length >= 2:
                        # a piece crossing word boundaries (those inside text[a:a+length])
                        c = step + 0.25 * (crossed[a + length - 1] - crossed_a)
                        j = i + length
                        if c < cost[j]:
                            cost[j] = c
                            back[j] = i
            j = size
            while j > 0:
                i = back[j]
                a, b = start + i, start + j
                if b - a > 1 or is_han(text[a]):
                    piece = text[a:b]
                    found = pieces.get(piece)
                    if found is None:
                        if b - a > 1:
                            found = list(table[piece].split(" "))
                        else:
                            found = [table.get(piece) or table.get(to_traditional(piece))]
                        pieces[piece] = found
                    readings[a:b] = found
                    if b - a > 1:
                        in_word[a:b] = [True] * (b - a)
                j = i
        if self.context:
            apply_word_readings(text, simplified, readings, jyutping=True)
            readings = fix_jyutping(text, simplified, words, readings)
            if self.literary:
                apply_literary(text, readings, in_word, words, simplified)
        return readings
