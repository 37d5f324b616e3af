"""Words found in the article itself: recurring strings the dictionary cuts apart.

News articles repeat their names and new terms (碧咸 Beckham, 中策組 the Central Policy Unit,
氧化鎘 cadmium oxide), and no dictionary knows all of them. The product always sees a whole
article, so the article itself is the evidence: a string of two to four characters that recurs in
the article, that the segmenter cuts into pieces of which at least one is a single character, and
whose characters hardly occur anywhere else in the article, is one word there.

:func:`induce_words` finds such strings from the segmenter's cut of every Han run of an article;
:func:`join_induced` joins them back wherever their pieces are whole tokens (a dictionary word is
never cut). Nothing is learnt across articles and nothing is stored: unsupervised, per article.

The tests of a candidate (all must hold):

* it occurs at least ``min_count`` times in the article as whole tokens of the segmenter's cut,
  and that is at least half of its occurrences (elsewhere it straddles a dictionary word, and
  stays as the dictionary cuts it there);
* at least one of its pieces is a single character, and neither its first nor its last character
  is a function character (的, 是, 在, 不 …: :data:`FUNCTION_CHARS`); it is not a measure word
  and the word after it (宗 凶殺案), nor a lone character and the one word it modifies (防 感染),
  nor a name and a head noun (花岡 事件: :data:`~duizhao.chinese.conventions.HEADS`);
* **cohesion**: each character that the segmenter left on its own occurs in the article mostly
  inside the candidate (at least ``cohesion`` of its occurrences): 鎘 only ever in 氧化鎘,
  岡 only in 花岡, whereas 大 or 人 occur everywhere;
* **boundaries**: it is not always preceded, nor always followed, by the same character
  (otherwise it is a piece of a longer string, which is tried instead).

Examples:
    >>> runs = [["氧化", "鎘", "中毒"], ["吸入", "氧化", "鎘"], ["氧化", "鎘", "粉塵"]]
    >>> sorted(induce_words(runs))
    ['氧化鎘']
    >>> join_induced(["吸入", "氧化", "鎘"], frozenset({"氧化鎘"}))
    ['吸入', '氧化鎘']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .conventions import HEADS, SURNAMES

__all__ = [
    "FUNCTION_CHARS",
    "MEASURE_CHARS",
    "han_runs",
    "induce_words",
    "join_induced",
    "join_spans",
]

#: Characters that are words of grammar far more often than part of a name or term: a candidate
#: may not start or end with one, nor have one as a single-character piece.
FUNCTION_CHARS = frozenset(
    "的了在是和與及或等說稱指問被把將對向從到也都就又還才再已曾會要能可該這那其之而但並亦即如若"
    "為因所以於上下中內外前後時年月日個位名們今昨去來次一二三四五六七八九十百千萬億兩幾每各某全"
    "半多少大小不沒未非無有乃則便卻仍更最很甚極頗只僅另共同着著過給讓由往得地嗎呢吧啊啦喇嘅咗"
    "唔係喺佢哋我你他她它此彼本其何誰甚麼什裡裏旁邊均皆占佔比愈越約逾"
)

#: Measure words: a candidate whose first piece is one of these is a number's measure word and
#: the word after it (宗 凶殺案, 項 研究), not one word.
MEASURE_CHARS = frozenset(
    "個次宗項座號戶件條間場批隻把輛架份層頁點段輪棟幢封篇句遍趟番樣類套種屆期"
)


#: Function characters that are also common in given names (沈 時 華, 陳 來 發): after a
#: surname they may be the middle of a recurring three-character name.
NAME_CHARS = frozenset("時來大小中文家全美同新多永國榮")


def _candidates(words: Sequence[str], max_len: int) -> Iterable[tuple[int, int, str]]:
    """Token spans ``(a, b)`` of two to ``max_len`` characters with a single-character piece."""
    n = len(words)
    for a in range(n):
        length = 0
        single = False
        for b in range(a, n):
            w = words[b]
            length += len(w)
            if length > max_len:
                break
            if len(w) == 1:
                if w in FUNCTION_CHARS and not (
                    b == a + 1 and w in NAME_CHARS and words[a] in SURNAMES
                ):
                    break
                single = True
            if b > a and single:
                yield a, b + 1, "".join(words[a : b + 1])


def _one_neighbour(seen: set[str], edge: str) -> bool:
    return len(seen) == 1 and edge not in seen


def induce_words(
    runs: Iterable[Sequence[str]],
    *,
    min_count: int = 2,
    cohesion: float = 0.3,
    max_len: int = 4,
) -> frozenset[str]:
    """Strings of an article that are words there though the segmenter cut them.

    Args:
        runs: The segmenter's words of each Han run of the article (any script).
        min_count: How often a candidate must occur.
        cohesion: The share of a lone character's occurrences that must fall inside the
            candidate.
        max_len: The longest candidate, in characters.

    Returns:
        The words found (possibly none).
    """
    runs = [list(r) for r in runs]
    chars: Counter[str] = Counter()
    aligned: Counter[str] = Counter()
    pieces: dict[str, tuple[str, ...]] = {}
    left: defaultdict[str, set[str]] = defaultdict(set)
    right: defaultdict[str, set[str]] = defaultdict(set)
    whole: Counter[str] = Counter()  # occurrences already one token (joined by a convention)
    for words in runs:
        text = "".join(words)
        chars.update(text)
        starts = [0]
        for w in words:
            starts.append(starts[-1] + len(w))
        for a, b, s in _candidates(words, max_len):
            if s[0] in FUNCTION_CHARS or s[-1] in FUNCTION_CHARS or words[a] in MEASURE_CHARS:
                continue
            if b - a == 2 and len(words[a]) == 1 and len(words[a + 1]) > 1:
                continue  # a lone character before a word modifies it (防 感染, 拍 膊頭)
            if words[b - 1] in HEADS:
                continue  # a name and its head noun are two words (花岡 事件)
            aligned[s] += 1
            pieces.setdefault(s, tuple(words[a:b]))
            i, j = starts[a], starts[b]
            left[s].add(text[i - 1] if i > 0 else "^")
            right[s].add(text[j] if j < len(text) else "$")
    if not aligned:
        return frozenset()
    # occurrences that are already one token (a name a convention joined) count too
    for words in runs:
        if aligned.keys().isdisjoint(words):
            continue
        for k, w in enumerate(words):
            if w in aligned:
                text = "".join(words)
                i = sum(map(len, words[:k]))
                whole[w] += 1
                left[w].add(text[i - 1] if i else "^")
                right[w].add(text[i + len(w)] if i + len(w) < len(text) else "$")
    # every occurrence of the string, aligned with the tokens or not
    found = [s for s, k in aligned.items() if k + whole[s] >= min_count]
    if not found:
        return frozenset()
    full = "\n".join("".join(words) for words in runs)
    out: list[str] = []
    for s in found:
        k = aligned[s] + whole[s]
        if full.count(s) > 2 * k:
            continue  # it mostly straddles dictionary words
        if any(chars[p] * cohesion > k for p in pieces[s] if len(p) == 1):
            continue
        if _one_neighbour(left[s], "^") or _one_neighbour(right[s], "$"):
            continue  # always the same character beside it: a piece of a longer string
        out.append(s)
    # of nested candidates keep the longest
    keep = [s for s in out if not any(s != t and s in t for t in out)]
    return frozenset(keep)


def join_induced(words: Sequence[str], induced: frozenset[str]) -> list[str]:
    """Join the tokens of ``words`` that spell an induced word (leftmost, longest first)."""
    if not induced:
        return list(words)
    text = "".join(words)
    if not any(w in text for w in induced):
        return list(words)  # nothing to join (the common case)
    longest = max(map(len, induced))
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        best = 0
        length = 0
        for b in range(i, n):
            length += len(words[b])
            if length > longest:
                break
            if b > i and "".join(words[i : b + 1]) in induced:
                best = b + 1
        if best:
            out.append("".join(words[i:best]))
            i = best
        else:
            out.append(words[i])
            i += 1
    return out


def han_runs(text: str, spans: Sequence[tuple[int, int, str]]) -> list[list[str]]:
    """The segmenter's words of each run of ``han`` spans (``(start, end, kind)``) of a text."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for a, b, kind in spans:
        if kind == "han":
            cur.append(text[a:b])
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def join_spans(
    text: str, spans: Sequence[tuple[int, int, str]], induced: frozenset[str]
) -> list[tuple[int, int, str]]:
    """``spans`` with the runs of ``han`` spans that spell an induced word joined.

    Examples:
        >>> spans = [(0, 2, "han"), (2, 4, "han"), (4, 5, "han")]  # 吸入 氧化 鎘
        >>> join_spans("吸入氧化鎘", spans, frozenset({"氧化鎘"}))
        [(0, 2, 'han'), (2, 5, 'han')]
    """
    if not induced:
        return list(spans)
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if len(run) > 1:
            i = run[0][0]
            for w in join_induced([text[a:b] for a, b, _ in run], induced):
                out.append((i, i + len(w), "han"))
                i += len(w)
        else:
            out.extend(run)
        run.clear()

    for span in spans:
        if span[2] == "han":
            run.append(span)
        else:
            flush()
            out.append(span)
    flush()
    return out
