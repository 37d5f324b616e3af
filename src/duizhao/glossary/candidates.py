"""The Chinese side of counterpart finding: a sentence's words, dictionary words and candidates.

A :class:`ZhSentence` is one Chinese sentence as the finder sees it:

* its *tokens*, the document's own words (the ``chinese`` stage runs before the glossary stage, so
  they are the segmenter's words; a document without tokens is cut into CC-CEDICT words, longest
  first, by :func:`dictionary_tokens`);
* its *dictionary words*: every CC-CEDICT headword inside the sentence (looked up in Simplified),
  the tokens that are not headwords, and whether each one starts and ends on token boundaries;
* its *candidate spans*: contiguous runs of whole tokens inside one clause, up to
  :data:`MAX_TOKENS` tokens and :data:`MAX_CHARS` characters, not starting with a particle (的,
  了) nor ending with a preposition or conjunction (把, 和) nor leaving a 是…的 frame open; the
  whole clause when it is at most :data:`MAX_CLAUSE` characters (葡萄是酸的 for "sour grapes");
  and the dictionary words of a compound token and runs of them (集群 in 創新集群, "innovation
  cluster"). No other cut inside a token is ever made: never one that leaves a single character
  cut off (合資 is never cut out of 合資格, "eligible").

Examples:
    >>> text = "葡萄是酸的。"  # "the grapes are sour"
    >>> s = zh_sentence(text, 0, 0, 0, len(text), ((0, 2), (2, 3), (3, 4), (4, 5), (5, 6)))
    >>> [sp.text for sp in s.spans]
    ['葡萄', '葡萄是', '葡萄是酸的', '是', '是酸', '是酸的', '酸', '酸的']
    >>> dictionary_tokens("知識產權貿易中心。")  # "intellectual property trading hub"
    ((0, 4), (4, 8), (8, 9))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from duizhao.model import Document
from duizhao.text.convert import to_simplified
from duizhao.text.english import word_set
from duizhao.text.script import HAN_RUN_RE, is_han

from .dictionary import Gloss, glosses

__all__ = [
    "EDGE_WORDS",
    "MAX_CHARS",
    "MAX_CLAUSE",
    "MAX_TOKENS",
    "NEVER_END",
    "OPENERS",
    "PERSON_NOUNS",
    "PERSON_SUFFIXES",
    "Span",
    "Word",
    "ZhSentence",
    "dictionary_tokens",
    "person_cut_short",
    "zh_sentence",
]

#: Most tokens in a candidate span.
MAX_TOKENS = 6
#: Most characters in a candidate span.
MAX_CHARS = 10
#: Longest whole clause kept as a candidate (an idiom translated by a clause).
MAX_CLAUSE = 16
#: Longest CC-CEDICT word looked for inside a sentence.
MAX_WORD = 8

#: Particles that never start a word (Simplified).
_NEVER_START = word_set("的 了 着 地 得 吗 呢 吧 啊 呀 么 之 们 等 嘛 哦 啦 罢 兮")
#: Time postpositions, which close the phrase before them (煮滾後 "after it boils", 退休前,
#: 下雨時): inside a clause they never start a span (round 20: 後轉慢火 for "turn sth down").
_POSTPOSITIONS = word_set("后 前 时")
#: Prepositions and conjunctions that never end one (Simplified).
NEVER_END = word_set(
    "和 与 及 或 把 被 将 从 对 向 给 在 于 而 但 并 因 为 以 跟 同 由 自 则 且 若 如 比 连 往 "
    "朝 当 虽 乃 及其 以及 或者 而且 但是 因为 所以 如果 虽然 对于 关于"
)
#: Prepositions of direction that may end a span after a one-character verb, as its complement
#: (湧往 "flock to", 奔向 "rush towards"; round 15); elsewhere they end none (對他們 … 向).
_DIRECTIONS = word_set("往 向")
#: Prepositions and conjunctions that open a phrase whose head follows them (為 in 為減輕 "to
#: soften"): the first of a span of several tokens, one is an edge like those below. Not 被,
#: which makes a passive verb (被騙 "cheated").
OPENERS = NEVER_END - word_set("被")
#: Function words that may sit at the edge of a counterpart but seldom do (Simplified): pronouns,
#: adverbs, auxiliaries, aspect particles. A span's edges are checked against them.
EDGE_WORDS = word_set(
    "也 就 才 都 又 还 便 即 只 已 仍 再 不 没 很 更 最 这 那 其 此 该 各 每 一 个 是 有 我 你 "
    "他 她 它 我们 你们 他们 她们 咱们 自己 着 了 的 得 地 过 些 所 已经 正 就是 还是 也是 "
    "却 倒 会 能 要 竟 又是 只是 便是 却是 只得 只好 正在 将会 那么 这么 如此 大家 人家 "
    "说 道 说道 问 问道 笑道 叫道 令 使 让 叫 给"
) | _NEVER_START


class Word(NamedTuple):
    """A word inside a Chinese sentence: a CC-CEDICT headword or a token.

    Attributes:
        start: Start offset in the paragraph text.
        end: End offset.
        gloss: What CC-CEDICT says it means (``None`` for a token it does not have).
        aligned: It starts and ends on token boundaries (a token, or a run of tokens).
    """

    start: int
    end: int
    gloss: Gloss | None
    aligned: bool


class Span(NamedTuple):
    """A candidate counterpart: a run of whole tokens of one clause.

    Attributes:
        text: The text as written.
        start: Start offset in the paragraph text.
        end: End offset.
        first: Index of its first token in the sentence's tokens.
        last: Index of its last token.
        clause: It is a whole clause (from punctuation to punctuation).
        part: It is a dictionary word, or a run of them, of a compound token (集群 in 創新集群
            "innovation cluster"), the only cut inside a token that is made.
    """

    text: str
    start: int
    end: int
    first: int
    last: int
    clause: bool = False
    part: bool = False


@dataclass(frozen=True)
class ZhSentence:
    """One Chinese sentence as the counterpart finder sees it.

    Attributes:
        number: Document-wide sentence number.
        paragraph: Paragraph number.
        start: Start offset of the sentence in the paragraph text.
        end: End offset.
        text: The paragraph text (offsets index into it).
        tokens: The tokens inside the sentence, ``(start, end)``.
        names: For each token, whether the segmenter tagged it as a name (person, place,
            organisation).
        simple: Each token in Simplified characters.
        words: Its dictionary words (:class:`Word`), by start offset.
        spans: Its candidate spans (:class:`Span`), by start offset, then length.
        idioms: For each token, whether the segmenter tagged it as an idiom (jieba's ``i``:
            視而不見, 繁文縟節; round 15); empty when nothing says.
    """

    number: int
    paragraph: int
    start: int
    end: int
    text: str
    tokens: tuple[tuple[int, int], ...]
    names: tuple[bool, ...]
    simple: tuple[str, ...]
    words: tuple[Word, ...]
    spans: tuple[Span, ...]
    idioms: tuple[bool, ...] = ()


def dictionary_tokens(text: str) -> tuple[tuple[int, int], ...]:
    """Cut a text into CC-CEDICT words, longest first; other characters are runs of their own.

    For documents the ``chinese`` stage has not annotated (the pipeline always has): the finder
    needs words, and this is a plain dictionary cut, not a segmenter.
    """
    from duizhao.resources.lexicon import cedict

    d = cedict()
    simp = to_simplified(text)
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if not is_han(text[i]):
            j = i + 1
            while j < n and not is_han(text[j]) and text[j].isalnum() and text[i].isalnum():
                j += 1
            out.append((i, j))
            i = j
            continue
        for j in range(min(n, i + MAX_WORD), i, -1):
            if j == i + 1 or (all(map(is_han, text[i:j])) and simp[i:j] in d):
                out.append((i, j))
                i = j
                break
    return tuple(out)


@lru_cache(maxsize=4096)
def _dictionary_words(simp: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every CC-CEDICT headword in a Simplified Han run."""
    from duizhao.resources.lexicon import cedict

    prefixes = cedict().prefixes  # every headword starting at i in one look-up
    return tuple(
        (i, i + len(w)) for i in range(len(simp)) for w in prefixes(simp[i : i + MAX_WORD])
    )


def _compound_parts(
    text: str, simp: str, offset: int, token: tuple[int, int]
) -> list[tuple[int, int]]:
    """The dictionary words of a compound token and the runs of them (集群 in 創新集群,
    都市固體廢物 in 都市固體廢物收費), as the token is cut into CC-CEDICT words longest first;
    never a run that leaves a single character cut off (合資 is not cut out of 合資格)."""
    a, b = token
    if b - a == 3 and _is_han_text(text[a:b]):
        return _two_and_one(simp[a - offset : b - offset], a)
    if b - a < 4 or not _is_han_text(text[a:b]):
        return []
    pieces = _greedy(simp[a - offset : b - offset])
    cuts = [a]
    for piece in pieces:
        cuts.append(cuts[-1] + len(piece))
    if len(cuts) < 3:
        return []
    out = []
    for i in range(len(pieces)):
        for j in range(i, len(pieces)):
            x, y = cuts[i], cuts[j + 1]
            if (x, y) == (a, b) or y - x < 2:
                continue
            if (x > a and x - a < 2) or (y < b and b - y < 2):
                continue  # a single character would be cut off
            out.append((x, y))
    return out


#: The highest HSK 3.0 level of a word too common to be cut out of a token of three.
_COMMON_LEVEL = 3


def _two_and_one(simp: str, a: int) -> list[tuple[int, int]]:
    """The two-character word of a three-character token that is no CC-CEDICT word but one
    way only a word of two and a word of one (round 20: 牛腩 in 牛腩湯 "brisket soup", 牛腩 | 湯;
    never 合資 out of 合資格, which is also 合 | 資格), unless the word of two is a common one
    (HSK 3.0 levels 1–3): a common word and one character is a derived word (教育局 "education
    bureau", 使用率 "usage rate"), whose meaning is the whole token's."""
    from duizhao.resources.lexicon import cedict, hsk_level

    d = cedict()
    if simp in d:
        return []
    left = simp[:2] in d and simp[2] in d
    right = simp[0] in d and simp[1:] in d
    if left == right:
        return []
    x = 0 if left else 1
    level = hsk_level(simp[x : x + 2])
    if level is not None and level <= _COMMON_LEVEL:
        return []
    return [(a + x, a + x + 2)]


def _greedy(simp: str) -> list[str]:
    """Cut Simplified text into CC-CEDICT words, longest first."""
    from duizhao.resources.lexicon import cedict

    d = cedict()
    out, i = [], 0
    while i < len(simp):
        top = min(len(simp), i + MAX_WORD)
        j = next(j for j in range(top, i, -1) if j == i + 1 or simp[i:j] in d)
        out.append(simp[i:j])
        i = j
    return out


_START_END = attrgetter("start", "end")

#: ``tuple.__new__``: a named tuple of the hot loops made without its ``__new__``'s Python
#: frame (the same tuple; the fields in their order).
_new = tuple.__new__


def _is_han_text(text: str) -> bool:
    """Whether ``text`` is one or more Han characters (:func:`~duizhao.text.script.is_han`
    of each: the same character class)."""
    return _HAN_TEXT(text) is not None


_HAN_TEXT = HAN_RUN_RE.fullmatch


def zh_sentence(
    text: str,
    number: int,
    paragraph: int,
    start: int,
    end: int,
    tokens: Sequence[tuple[int, int]],
    names: Sequence[bool] = (),
    *,
    glosses_of: Callable[[Sequence[str]], Sequence[Gloss | None]] = glosses,
    idioms: Sequence[bool] = (),
) -> ZhSentence:
    """Build the finder's view of one Chinese sentence.

    Args:
        text: The paragraph text.
        number: The sentence's document-wide number.
        paragraph: The paragraph's number.
        start: Start offset of the sentence in ``text``.
        end: End offset.
        tokens: The paragraph's tokens ``(start, end)`` (those inside the sentence are used).
        names: For each of the paragraph's tokens, whether it is a name.
        glosses_of: :func:`~duizhao.glossary.dictionary.glosses` or a memo of it.
        idioms: For each of the paragraph's tokens, whether it is an idiom.

    Returns:
        The sentence with its dictionary words and candidate spans.
    """
    picked = [
        (i, (a, b)) for i, (a, b) in enumerate(tokens) if a >= start and b <= end and b > a
    ]
    toks = tuple(t for _, t in picked)
    is_name = tuple(bool(names[i]) if i < len(names) else False for i, _ in picked)
    is_idiom = tuple(bool(idioms[i]) for i, _ in picked) if idioms else ()
    simp = to_simplified(text[start:end])
    starts = {a for a, _ in toks}
    ends = {b for _, b in toks}

    # dictionary words: inside each Han run, every headword; and every Han token
    found: list[tuple[int, int]] = []
    for run in HAN_RUN_RE.finditer(simp):
        i = run.start()
        found.extend((i + a, i + b) for a, b in _dictionary_words(run.group()))
    words: dict[tuple[int, int], Word] = {}
    for (a, b), g in zip(found, glosses_of([simp[a:b] for a, b in found]), strict=True):
        s0, s1 = start + a, start + b
        words[(s0, s1)] = _new(Word, (s0, s1, g, s0 in starts and s1 in ends))
    # a Han token that is no headword: the shipped Hong Kong senses may know it (車資 "fare")
    rest = [(a, b) for a, b in toks if (a, b) not in words and _is_han_text(text[a:b])]
    if rest:
        known = glosses_of([simp[a - start : b - start] for a, b in rest])
        for (a, b), g in zip(rest, known, strict=True):
            words[(a, b)] = _new(Word, (a, b, g, True))

    # candidate spans: runs of whole Han tokens inside a clause
    spans: list[Span] = []
    simple = [simp[a - start : b - start] for a, b in toks]
    han = [_is_han_text(text[a:b]) for a, b in toks]
    k = 0
    while k < len(toks):
        if not han[k]:
            k += 1
            continue
        m = k
        while m < len(toks) and han[m]:
            m += 1
        # tokens k..m-1 are one clause
        seen: set[tuple[int, int]] = set()
        for x in range(k, m):
            if simple[x] in _NEVER_START or (x > k and simple[x] in _POSTPOSITIONS):
                continue
            for y in range(x, min(m, x + MAX_TOKENS)):
                a, b = toks[x][0], toks[y][1]
                if b - a > MAX_CHARS:
                    break
                if simple[y] in NEVER_END and not (
                    simple[y] in _DIRECTIONS and y == x + 1 and len(simple[x]) == 1
                ):
                    continue
                if y + 1 < m and simple[y + 1] == "的" and "是" in "".join(simple[x + 1 : y + 1]):
                    continue  # an open 是…的 frame: 葡萄是酸的, not 葡萄是酸
                spans.append(_new(Span, (text[a:b], a, b, x, y, x == k and y == m - 1, False)))
                seen.add((a, b))
            if toks[x][1] - toks[x][0] >= 3:  # (a shorter token has no parts)
                for a, b in _compound_parts(text, simp, start, toks[x]):
                    spans.append(_new(Span, (text[a:b], a, b, x, x, False, True)))
        a, b = toks[k][0], toks[m - 1][1]
        if (a, b) not in seen and b - a <= MAX_CLAUSE and m - k > 1:
            spans.append(_new(Span, (text[a:b], a, b, k, m - 1, True, False)))
        k = m
    return ZhSentence(
        number=number,
        paragraph=paragraph,
        start=start,
        end=end,
        text=text,
        tokens=toks,
        names=is_name,
        simple=tuple(simple),
        words=tuple(sorted(words.values(), key=_START_END)),
        spans=tuple(sorted(spans, key=_START_END)),
        idioms=is_idiom,
    )


#: An English noun of a person (auditor, farmer, dentist, librarian, trainee) …
PERSON_SUFFIXES = ("or", "er", "ist", "ian", "ee")
#: … whose Chinese is followed, wherever it stands, by a noun of a person is the activity
#: without the person: "auditors" 審計 of 審計人員, "farmers" 耕種 of 耕種者.
PERSON_NOUNS = ("人員", "人士", "員", "師", "者", "家", "官", "商", "人")


def person_cut_short(doc: Document, word: str, places: Sequence[tuple[int, int, int]]) -> bool:
    """Whether the Chinese at ``places`` (``(paragraph, start, end)``) leaves out the person an
    English person noun names: such a counterpart is marked uncertain, in the glossary and in
    the vocabulary."""
    if not word.endswith(PERSON_SUFFIXES) or not places:
        return False
    return all(doc.zh[p].text.startswith(PERSON_NOUNS, end) for p, _, end in places)
