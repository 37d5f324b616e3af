"""What the words of one bead say about a term, before any span is looked at: for each Chinese
word, how strongly CC-CEDICT says it translates the term, its definition or another English word of
the bead (:class:`WordInfo`); the stray characters and idle neighbours a span may leave out; and
where the term's English neighbours point in the Chinese (:func:`anchor_places`,
:func:`term_zone`). :mod:`duizhao.glossary.features` turns these into each span's features.

Examples:
    >>> term_zone([], 0.2, 0.4)
    (0.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from duizhao.model import Document
from duizhao.text.script import is_han

from .candidates import EDGE_WORDS, NEVER_END, ZhSentence
from .context import BeadView, LinkContext
from .dictionary import phrase_in, strength
from .query import Query

__all__ = [
    "NAME_LINK",
    "WordInfo",
    "anchor_places",
    "english_names",
    "stray_tokens",
    "term_zone",
    "word_infos",
]


@dataclass(slots=True)
class WordInfo:
    """What one Chinese word of a sentence says about a term.

    Attributes:
        start: Start offset in the paragraph text.
        end: End offset.
        term: How strongly it translates each of the term's words (0–1).
        defn: How strongly it translates each word of the term's definition (``()`` for a
            loose character).
        phrase: A sense of it holds the whole multi-word term.
        other: How strongly it translates another English word of the bead.
        known: CC-CEDICT has it.
        loose: One character inside a longer token (a weak witness).
        best_term: ``max(term)``; read by every span over the word, so worked out once.
        best_defn: ``max(defn)``.
        sum_term: ``sum(term)``.
    """

    start: int
    end: int
    term: tuple[float, ...]
    defn: tuple[float, ...]
    phrase: bool
    other: float
    known: bool
    loose: bool
    best_term: float
    best_defn: float
    sum_term: float


def word_infos(
    q: Query, bead: BeadView, k: int, own: set[int], named: bool, context: LinkContext
) -> list[WordInfo]:
    """The :class:`WordInfo` of each dictionary word of the bead's sentence ``k``, in order
    (``own``: the English words that are the term's; ``named``: a Chinese name may translate an
    English name of the bead)."""
    s = bead.sentences[k]
    out = []
    # a name of the Chinese translates a name of the English (韋小寶 is "Trinket"), unless the
    # term is a name
    # (a word CC-CEDICT knows is linked by its senses: 榮耀 "glory" may be tagged a name)
    names = {t for t, n in zip(s.tokens, s.names, strict=False) if n} if named else set()
    # what a gloss says about the term: the same for every place of the word (的, 是 …), in
    # every bead (kept in the context with the query, whose id is the key)
    entry = context.said.get(id(q))
    if entry is None or entry[0] is not q:
        every = frozenset(key for keys in (*q.words, *q.definition) for key in keys)
        entry = context.said[id(q)] = (q, every, {})
    _, every, said = entry
    silent = (tuple(0.0 for _ in q.words), tuple(0.0 for _ in q.definition))
    for w in s.words:
        g = w.gloss
        # a character inside a longer token is a weak witness (躍 "leap" in 躍起; but also 數
        # "to list" in 數量 "quantity"): it counts apart (dict_char), and not for the definition
        loose = w.end - w.start == 1 and not w.aligned
        other = 0.0
        if g is None:
            term: tuple[float, ...] = ()
            defn: tuple[float, ...] = ()
            phrase = False
            if (w.start, w.end) in names:
                other = NAME_LINK
        else:
            known = said.get(id(g))
            if known is None or known[0] is not g:
                if every.isdisjoint(g.keys):  # no key in common: every strength is 0.0
                    term_s, defn_s = silent
                else:
                    term_s = tuple(strength(keys, g) for keys in q.words)
                    defn_s = tuple(strength(keys, g) for keys in q.definition)
                known = said[id(g)] = (g, term_s, defn_s, phrase_in(q.phrase, g))
            term, defn, phrase = known[1], (() if loose else known[2]), known[3]
            # an unknown token is explained through its words
            for i, v in bead.links.get((s.paragraph, w.start, w.end), ()):
                if i in own or v <= other:
                    continue
                # an English word whose Chinese is settled elsewhere explains no other
                if context.may_explain(bead.en_words[i], s.paragraph, w.start, w.end):
                    other = v
        out.append(
            WordInfo(
                w.start, w.end, term, defn, phrase, other, g is not None, loose,
                max(term) if term else 0.0, max(defn) if defn else 0.0, sum(term),
            )
        )
    return out


_EDGES = EDGE_WORDS | NEVER_END
#: How strongly a Chinese name is taken to translate an English name of its bead.
NAME_LINK = 0.8
_OPENERS = frozenset(".!?\"“‘'([—–:;")


def english_names(doc: Document, bead: BeadView, own: set[int]) -> bool:
    """Whether a name of the bead's Chinese translates another English word: unless the term
    itself is a name (a capitalised word of its own not starting a sentence), the English names
    the same people and places, often differently ("Trinket" for 韋小寶)."""
    for i in own:
        w = bead.en_words[i]
        if w.text[:1].isupper():
            before = doc.en[w.paragraph].text[: w.start].rstrip()
            if before and before[-1] not in _OPENERS:
                return False
    return True


def stray_tokens(s: ZhSentence, infos: list[WordInfo]) -> frozenset[int]:
    """Tokens (by index) of one Han character that are not function words and translate no
    other English word of the bead: often a piece of a word the segmenter split (脫|碳)."""
    explained = {(w.start, w.end) for w in infos if w.other >= 0.5}
    out = set()
    for i, (a, b) in enumerate(s.tokens):
        alone = b - a == 1 and is_han(s.text[a]) and s.simple[i] not in _EDGES
        if alone and (a, b) not in explained:
            out.add(i)
    return frozenset(out)


def anchor_places(
    bead: BeadView, infos: list[list[WordInfo]], own: set[int]
) -> list[tuple[float, float]]:
    """``(English place, Chinese place)`` of the CC-CEDICT links between the bead's other words
    that keep to one order: the heaviest chain of links rising on both sides (a word found twice
    on one side links to at most one place of the chain)."""
    links = []
    for k, s in enumerate(bead.sentences):
        for info in infos[k]:
            if info.end - info.start < 2:
                continue
            for i, v in bead.links.get((s.paragraph, info.start, info.end), ()):
                if i not in own and v >= 0.6:
                    zpos = bead.zh_position(k, (info.start + info.end) / 2)
                    links.append((bead.en_words[i].position, zpos, v))
    if not links:
        return []
    links.sort()
    # heaviest chain increasing in both places (quadratic: a bead has a few dozen links)
    best = [v for _, _, v in links]
    prev = [-1] * len(links)
    for j, (ej, zj, vj) in enumerate(links):
        for i in range(j):
            ei, zi, _ = links[i]
            if ei < ej and zi < zj and best[i] + vj > best[j]:
                best[j] = best[i] + vj
                prev[j] = i
    j = max(range(len(links)), key=lambda x: best[x])
    chain = []
    while j >= 0:
        chain.append((links[j][0], links[j][1]))
        j = prev[j]
    return chain[::-1]


def term_zone(anchors: list[tuple[float, float]], lo: float, hi: float) -> tuple[float, float]:
    """The Chinese place between the anchors just before and just after English ``lo``–``hi``
    (``anchors`` is a chain: rising on both sides)."""
    zl, zr = 0.0, 1.0
    for e, z in anchors:
        if e < lo:
            zl = z
        elif e > hi:
            zr = z
            break
    return zl, zr
