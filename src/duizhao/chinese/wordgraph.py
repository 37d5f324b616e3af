"""jieba's algorithm on a compact dictionary: the word graph, the most probable route, the cut.

:class:`WordGraph` cuts text exactly as ``jieba.Tokenizer.cut(text, HMM=...)`` does with the same
dictionary (the same blocks, the same graph of dictionary words, the same route with the same ties,
the same HMM step for runs of unknown characters), but reads the dictionary from a
:class:`~duizhao.resources.compact.CompactTable` (a memory-mapped trie with the words' frequencies
and log probabilities) instead of a dict of 400,000 words built in every process. The words
starting at a position come from one trie walk (``prefixes``) instead of one dict look-up per
character.

Examples:
    >>> from duizhao.chinese.segment import _word_graph, hk_user_dict_path
    >>> _word_graph("hant", (hk_user_dict_path(),)).cut("香港銀行")  # "Hong Kong banks"
    ['香港', '銀行']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from duizhao.resources.compact import CompactTable

__all__ = ["WordGraph"]

# jieba's own block patterns (jieba.re_han_default, re_skip_default, re_eng), so that text with
# Latin letters, digits or spaces is cut into the same blocks.
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile("(\r\n|\\s)")
_RE_ENG = re.compile("[a-zA-Z0-9]")


class WordGraph:
    """A jieba tokenizer over a compact dictionary table.

    Args:
        table: Keys are the dictionary's words and every prefix of them (as in jieba's ``FREQ``);
            columns ``freq`` (the frequency, 0 for a prefix only), ``logp`` (``log(freq or 1) -
            log(total)``, as jieba computes it) and ``_meta`` (``[log(total), longest key]``).
    """

    def __init__(self, table: CompactTable) -> None:
        self.table = table
        self._freq = table.column("freq")
        self._logp = table.column("logp")
        meta = table.column("_meta")
        self._missing = 0.0 - meta[0]  # jieba: log(FREQ.get(w) or 1) - logtotal, log(1) == 0.0
        self._longest = int(meta[1])
        self._walk = table.prefix_row_search()
        self._row = table.row

    def freq(self, word: str) -> int:
        """The word's frequency in the dictionary (0 when it is not a word)."""
        row = self._row(word)
        return 0 if row is None else int(self._freq[row])

    def _route(self, sentence: str) -> list[int]:
        """``end[k]``: the last character of the word starting at ``k`` on the best route."""
        n = len(sentence)
        score = [0.0] * (n + 1)
        end = [0] * (n + 1)
        freq, logp, missing, walk, longest = (
            self._freq, self._logp, self._missing, self._walk, self._longest
        )  # fmt: skip
        for k in range(n - 1, -1, -1):
            # jieba's max((logp + score[x + 1], x)): the best score, ties to the longer word
            # (x only grows along the walk, so a tie with an earlier candidate goes to this one)
            best = missing + score[k + 1]
            best_x = -1
            expected = 1
            for key, row in walk(sentence[k : k + longest]):
                if len(key) != expected:
                    break  # jieba's walk stops at the first fragment that is not a key
                if freq[row]:
                    x = k + expected - 1
                    s = logp[row] + score[x + 1]
                    if best_x < 0 or s >= best:
                        best, best_x = s, x
                expected += 1
            score[k] = best
            end[k] = best_x if best_x >= 0 else k
        return end

    def _cut_no_hmm(self, sentence: str) -> Iterator[str]:
        end = self._route(sentence)
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = end[x] + 1
            word = sentence[x:y]
            if len(word) == 1 and _RE_ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf

    def _unknown(self, buf: str) -> Iterator[str]:
        if len(buf) == 1:
            yield buf
        elif not self.freq(buf):
            from jieba import finalseg

            yield from finalseg.cut(buf)
        else:
            yield from buf

    def _cut_hmm(self, sentence: str) -> Iterator[str]:
        end = self._route(sentence)
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = end[x] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from self._unknown(buf)
                    buf = ""
                yield word
            x = y
        if buf:
            yield from self._unknown(buf)

    def cut(self, sentence: str, hmm: bool = False) -> list[str]:
        """The words of ``sentence``, as ``jieba.Tokenizer.cut(sentence, HMM=hmm)`` gives them."""
        cut_block = self._cut_hmm if hmm else self._cut_no_hmm
        out: list[str] = []
        for block in _RE_HAN.split(sentence):
            if not block:
                continue
            if _RE_HAN.match(block):
                out.extend(cut_block(block))
            else:
                for x in _RE_SKIP.split(block):
                    if _RE_SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out
