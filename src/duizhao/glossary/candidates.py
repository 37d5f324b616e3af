"""Chinese candidates for a term's counterpart, and what CC-CEDICT says about them.

A candidate is a word of a Chinese sentence aligned with the term: a token of the segmenter, a run
of up to three tokens, a CC-CEDICT word inside a longer token, or a dictionary word the segmenter
split or merged (:func:`candidates`). :func:`dict_score` says how well CC-CEDICT supports a
candidate as the translation of an English term, in both directions (its glosses; the reverse
index of glosses to headwords, built once and kept in the user cache directory).

The Chinese words come from the document's tokens when it is annotated; otherwise
:func:`zh_tokens` segments the text itself with stock jieba on the Simplified conversion. That
segmentation is a known duplicate of the ``chinese`` stage, kept for now so that linking works on
an unannotated document with the same results; issue 13 replaces the finder and takes its
candidates from the document's tokens only.

Example:
    >>> dict_score(frozenset({"shortage"}), "短缺"), dict_score(frozenset({"bank"}), "短缺")
    (1.0, 0.0)
    >>> greedy_words("法定最低工資")  # "statutory minimum wage"
    ('法定', '最', '低', '工資')
    >>> [c.word for c in candidates("產業集群", 0, 0, 4, ((0, 2), (2, 4)))][:3]
    ['產業', '產業集群', '集群']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from duizhao.model import Document
from duizhao.resources import diskcache
from duizhao.resources.lemmas import lemmas
from duizhao.text.convert import to_simplified
from duizhao.text.english import word_set
from duizhao.text.script import is_han

__all__ = [
    "ZH_SUFFIXES",
    "Candidate",
    "candidates",
    "clean_gloss",
    "dict_score",
    "glosses",
    "greedy_words",
    "zh_for_en",
    "zh_tokens",
]

#: Function words and other words too common to be a counterpart (both scripts).
_ZH_STOP = word_set(
    "的 了 是 在 和 及 與 与 或 即 也 都 則 则 而 等 個 个 之 其 "
    "此 這 这 那 有 為 为 於 于 以 對 对 將 将 把 被 從 从 向 到 "
    "由 並 并 但 就 又 還 还 更 最 很 已 仍 再 不 所 會 会 "
    "要 該 该 各 每 中 上 下 後 后 前 內 内 外 其中 以及 以至 不過 "
    "不过 然而 因此 如果 可是 當中 当中 今次 今年 去年 換言之 换言之 包括 "
    "還有 还有 除了 過去 过去 方面 問題 问题"
)
#: Characters that make words of the word before them (保薦人 "sponsor", 流動性 "liquidity").
ZH_SUFFIXES = frozenset("人者員家性化率額業界式品量費權制度法型區")
_GLOSS_REF = re.compile(
    r"(?:abbr\. (?:for|of)|variant of|see also|see|old variant of|"
    r"also written|used in)\s+([^\s|\[,;]+)(?:\|([^\s\[,;]+))?"
)

#: Bump when :func:`clean_gloss` or the reverse index changes.
_REVERSE_INDEX_FORMAT = 1


# -- CC-CEDICT ---------------------------------------------------------------------------------


def clean_gloss(gloss: str) -> str:
    """A CC-CEDICT gloss as plain lower-case English: no brackets, classifiers, ``sb``/``sth``,
    or leading ``to``/``a``/``the``.

    Example:
        >>> clean_gloss("to overtake (sb)")
        'overtake'
    """
    g = re.sub(r"\([^)]*\)|\[[^\]]*\]|CL:.*|\bsb\b|\bsth\b", " ", gloss.lower())
    g = re.sub(r"^(to|a|an|the) ", "", g.strip())
    return re.sub(r"\s+", " ", g).strip(" .,;")


@lru_cache(maxsize=65536)
def glosses(word: str) -> tuple[str, ...]:
    """CC-CEDICT glosses of a Chinese word (either script), following ``abbr. for X`` and
    ``variant of X`` one step."""
    from duizhao.resources.lexicon import cedict

    d = cedict()
    out: list[str] = []
    for entry in d.lookup(word):
        for gloss in entry.glosses:
            m = _GLOSS_REF.search(gloss)
            if m:
                for ref in m.groups():
                    if ref and ref != word:
                        found = d.lookup(ref)
                        for e2 in found:
                            out.extend(e2.glosses)
                        if not found:  # 特別優惠 is not a headword: use its words
                            for part in greedy_words(ref):
                                if len(part) > 1 and set(part) & set(word):
                                    for e2 in d.lookup(part):
                                        out.extend(e2.glosses)
            out.append(gloss)
    return tuple(out)


def greedy_words(text: str) -> tuple[str, ...]:
    """Split Chinese text into CC-CEDICT words, longest match first (at most six characters)."""
    from duizhao.resources.lexicon import cedict

    d = cedict()
    out, i = [], 0
    while i < len(text):
        for j in range(min(len(text), i + 6), i, -1):
            if j == i + 1 or text[i:j] in d:
                out.append(text[i:j])
                i = j
                break
    return tuple(out)


class _ReverseIndex:
    """A read-only ``gloss → headwords`` mapping that splits its values when asked."""

    def __init__(self, keys: str, values: list[str]) -> None:
        self._index = dict(zip(keys.split("\n"), values, strict=True))

    def get(self, gloss: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        found = self._index.get(gloss)
        return default if found is None else tuple(found.split("\x1f"))


# Read-only table loaded once a process (and kept in the user cache directory).
@cache
def _reverse_index() -> _ReverseIndex:
    """English gloss word → Chinese headwords (Traditional and Simplified) whose cleaned gloss
    is exactly that word or phrase. Built once (about 5 s) and kept in the user cache directory.
    """
    from duizhao.resources.lexicon import cedict, cedict_path

    def build() -> tuple[str, list[str]]:
        rev: dict[str, set[str]] = {}
        for entry in cedict().entries():
            for gloss in entry.glosses:
                g = clean_gloss(gloss)
                if g and len(g) < 40:
                    rev.setdefault(g, set()).update((entry.traditional, entry.simplified))
        keys = sorted(rev)
        return "\n".join(keys), ["\x1f".join(sorted(rev[k])) for k in keys]

    key = diskcache.source_key("reverse-index", _REVERSE_INDEX_FORMAT, cedict_path())
    keys, values = diskcache.load_or_build("gloss-reverse", key, build)
    return _ReverseIndex(keys, values)


@lru_cache(maxsize=65536)
def dict_score(forms: frozenset[str], word: str) -> float:
    """How well CC-CEDICT says ``word`` translates an English term given by its ``forms``.

    1.0 when a gloss is one of the forms (``preferential (treatment)``), 0.7 when a gloss
    contains one as a whole word (``industry cluster``), 0.5 when the word is part of a headword
    glossed by the term (集群 in 產業集群 "industry cluster"), else 0.
    """
    best = 0.0
    for gloss in glosses(word):
        g = clean_gloss(gloss)
        if g in forms:
            return 1.0
        parts = [p.strip() for p in re.split(r"[,;/]| or ", g)]
        if any(p in forms for p in parts):
            return 1.0
        words = set(re.findall(r"[a-z][a-z'\-]*", g))
        if len(words) <= 4 and any(f in words or (" " in f and f in g) for f in forms):
            best = max(best, 0.7)
    if best < 0.5 and len(word) >= 2:
        rev = _reverse_index()
        for f in forms:
            for h in rev.get(f, ()):
                if word in h and len(h) <= len(word) + 3:
                    best = max(best, 0.5 if h != word else 1.0)
    return best


@lru_cache(maxsize=65536)
def zh_for_en(word: str) -> tuple[str, ...]:
    """Chinese headwords glossed exactly as an English word (any of its lemmas) in CC-CEDICT."""
    rev = _reverse_index()
    out: set[str] = set()
    for lemma in lemmas(word.lower()):
        out.update(rev.get(lemma, ()))
    return tuple(sorted(out))


# -- Chinese words -------------------------------------------------------------------------------


def zh_tokens(doc: Document) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Word spans of each Chinese paragraph: the annotated tokens, else stock jieba on the text
    (a known duplicate of the ``chinese`` stage, see the module docstring)."""
    out = []
    for para in doc.zh:
        if para.tokens:
            out.append(tuple((t.start, t.end) for t in para.tokens))
        else:
            out.append(_segment(para.text))
    return tuple(out)


@lru_cache(maxsize=1024)
def _segment(text: str) -> tuple[tuple[int, int], ...]:
    """Word spans of a Chinese paragraph by stock jieba, on its (length-keeping) Simplified form."""
    import jieba

    jieba.setLogLevel(60)
    simp = to_simplified(text)
    return tuple((s, e) for _, s, e in jieba.tokenize(simp))


@dataclass(frozen=True)
class Candidate:
    """A Chinese word that may be a term's counterpart, where it is first found in a sentence.

    Attributes:
        word: The word, e.g. ``集群`` ("cluster").
        rel: Its relative position in the sentence (0 at the start, 1 at the end).
        para: The Chinese paragraph.
        start: Start offset in the paragraph text.
        end: End offset in the paragraph text.
        parts: The words making up the candidate: the segmenter's, or CC-CEDICT's inside a
            token.
        in_dict: The candidate is a CC-CEDICT headword.
        token: The candidate is exactly one of the segmenter's tokens.
    """

    word: str
    rel: float
    para: int
    start: int
    end: int
    parts: tuple[str, ...] = ()
    in_dict: bool = False
    token: bool = False


def candidates(
    text: str, paragraph: int, start: int, end: int, tokens: Sequence[tuple[int, int]]
) -> tuple[Candidate, ...]:
    """Candidate Chinese words in one sentence (first place each is found).

    Words are the segmenter's tokens, runs of up to three tokens (at most six characters, no
    function word inside) and CC-CEDICT words inside longer tokens.

    Args:
        text: The text of the Chinese paragraph.
        paragraph: Its number (kept in the candidates).
        start: Start offset of the sentence in ``text``.
        end: End offset of the sentence in ``text``.
        tokens: Word spans ``(start, end)`` of the paragraph (those inside the sentence are used).

    Returns:
        The candidates, in the order they are found.
    """
    from duizhao.resources.lexicon import cedict

    p, s0, s1 = paragraph, start, end
    toks = [(a, b) for a, b in tokens if a >= s0 and b <= s1]
    length = max(1, s1 - s0)
    out: dict[str, Candidate] = {}

    def ok(a: int, b: int) -> bool:
        w = text[a:b]
        return all(map(is_han, w)) and w not in _ZH_STOP

    token_spans = set(toks)

    def add(a: int, b: int, parts: tuple[str, ...] = ()) -> None:
        w = text[a:b]
        if w not in out:
            rel = ((a + b) / 2 - s0) / length
            out[w] = Candidate(w, rel, p, a, b, parts, w in d, (a, b) in token_spans)

    d = cedict()
    for i, (a, b) in enumerate(toks):
        if not ok(a, b):
            continue
        # a long token is also looked at in its dictionary words (法定最低工資 holds 最低工資)
        split = greedy_words(text[a:b]) if b - a >= 4 else (text[a:b],)
        add(a, b, split)
        if len(split) > 1:
            offsets = [a]
            for piece in split:
                offsets.append(offsets[-1] + len(piece))
            for x in range(len(split)):
                for y in range(x + 1, len(split) + 1):
                    if (x, y) != (0, len(split)) and offsets[y] - offsets[x] >= 2:
                        add(offsets[x], offsets[y], split[x:y])
        for j in range(i + 1, min(i + 3, len(toks))):
            if toks[j][1] - a > 6 or not ok(*toks[j]):
                break
            # a run ends on a word or a word-forming suffix, not on a stray character
            # (共付額 and 保薦人, not 共付額過)
            last = text[toks[j][0] : toks[j][1]]
            if len(last) > 1 or last in ZH_SUFFIXES or text[a : toks[j][1]] in d:
                add(a, toks[j][1], tuple(text[x:y] for x, y in toks[i : j + 1]))
    # a run of single characters is often a word the segmenter did not know (脫|碳)
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j][1] - toks[j][0] == 1 and ok(*toks[j]):
            j += 1
        if j - i >= 2:
            for x in range(i, j - 1):
                for y in range(x + 2, min(j, x + 4) + 1):
                    add(toks[x][0], toks[y - 1][1], (text[toks[x][0] : toks[y - 1][1]],))
        i = max(j, i + 1)
    # dictionary words the segmenter split or merged (碳中和 cut as 碳|中|和)
    for x in range(s0, s1):
        for y in range(x + 2, min(s1, x + 6) + 1):
            if text[x:y] in d and ok(x, y):
                add(x, y, _split_parts(text[x:y]))
    return tuple(out.values())


def _split_parts(word: str) -> tuple[str, ...]:
    """A dictionary word as parts (its longest sub-words), for coverage of multi-word terms."""
    parts = greedy_words(word)
    return parts if len(parts) > 1 else (word,)
