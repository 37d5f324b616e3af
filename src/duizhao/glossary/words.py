"""What the words of one bead say about a term, before any span is looked at: for each Chinese
word, how strongly CC-CEDICT says it translates the term, its definition or another English word of
the bead, as a span's features read it (:class:`Said`, made by :func:`term_words`); the stray
characters a span may leave out; and where the term's English neighbours point in the Chinese
(:func:`anchor_places`, :func:`term_zone`). :mod:`duizhao.glossary.features` turns these into
each span's features.

What does not depend on the term — each word's gloss, its characters, its CC-CEDICT links to the
bead's English words, the stray-character candidates, the links that may anchor a term — is worked
out once per bead and kept in the document's context (:func:`bead_words`); what a gloss says about
a term is kept there too, per term (a term is ranked again after its neighbours are settled).
Characters are bits: bit ``c`` is character ``c`` of the sentence (from its start).

Examples:
    >>> term_zone([], 0.2, 0.4)
    (0.0, 1.0)
"""

from __future__ import annotations

from typing import Any, NamedTuple

from duizhao.model import Document
from duizhao.text.script import is_han

from .candidates import EDGE_WORDS, NEVER_END
from .context import BeadView, LinkContext
from .dictionary import Gloss, phrase_in, strength
from .query import Query

__all__ = [
    "NAME_LINK",
    "BeadWords",
    "Said",
    "SentenceWords",
    "Word",
    "anchor_places",
    "bead_words",
    "english_names",
    "term_words",
    "term_zone",
]


class Word(NamedTuple):
    """A dictionary word of a sentence with what does not depend on the term.

    Attributes:
        start: Start offset in the paragraph text.
        end: End offset.
        gloss: What CC-CEDICT says it means (``None``: not in CC-CEDICT).
        loose: One character inside a longer token (a weak witness: 躍 "leap" in 躍起, but
            also 數 "to list" in 數量 "quantity"): it counts apart (``dict_char``), and not for
            the definition.
        mask: Its characters (bits).
        links: The English words of the bead CC-CEDICT links it to, ``(index, strength)``
            (:attr:`BeadView.links <duizhao.glossary.context.BeadView.links>`).
        name: A token the segmenter tagged as a name.
    """

    start: int
    end: int
    gloss: Gloss | None
    loose: bool
    mask: int
    links: tuple[tuple[int, float], ...]
    name: bool


class SentenceWords(NamedTuple):
    """One Chinese sentence of a bead, as the term side of the features reads it.

    Attributes:
        words: Its :class:`Word` s, in the order of the sentence's dictionary words.
        starts: Their start offsets.
        alone: ``(token index, start, end)`` of its tokens of one Han character that are not
            function words: stray characters when nothing links them to another English word
            (脫 in 脫|碳, a word the segmenter split).
        shapes: What each candidate span's features owe to the span alone, as far as worked
            out (``None``: not yet; :mod:`duizhao.glossary.features` fills it).
        selected: ``(most tokens, most characters)`` → the indices of the spans within those
            limits (:mod:`duizhao.glossary.features` fills it).
    """

    words: tuple[Word, ...]
    starts: list[int]
    alone: tuple[tuple[int, int, int], ...]
    shapes: list[Any]
    selected: dict[tuple[int, int], tuple[int, ...]]


class BeadWords(NamedTuple):
    """A bead's :class:`SentenceWords` and its anchor links: ``(English place, Chinese place,
    strength, English word)`` of every CC-CEDICT link of 0.6 or more between a Chinese word of two
    characters or more and an English word, sorted."""

    sentences: tuple[SentenceWords, ...]
    anchors: tuple[tuple[float, float, float, int], ...]


_EDGES = EDGE_WORDS | NEVER_END
_UNSEEN: Any = object()

#: ``tuple.__new__``: a named tuple of the hot loops made without its ``__new__``'s Python
#: frame (the same tuple; the fields in their order).
_new = tuple.__new__
#: How strongly a Chinese name is taken to translate an English name of its bead.
NAME_LINK = 0.8
_OPENERS = frozenset(".!?\"“‘'([—–:;")


def bead_words(context: LinkContext, bead: BeadView) -> BeadWords:
    """The :class:`BeadWords` of a bead, made once and kept in the context."""
    found: BeadWords | None = context.words.get(id(bead))
    if found is not None:
        return found
    sentences = []
    anchors: list[tuple[float, float, float, int]] = []
    for k, s in enumerate(bead.sentences):
        names = {t for t, n in zip(s.tokens, s.names, strict=False) if n}
        words = []
        for w in s.words:
            links = bead.links.get((s.paragraph, w.start, w.end), ())
            words.append(
                _new(Word, (
                    w.start, w.end, w.gloss, w.end - w.start == 1 and not w.aligned,
                    ((1 << (w.end - w.start)) - 1) << (w.start - s.start), links,
                    (w.start, w.end) in names,
                ))
            )  # fmt: skip
            if w.end - w.start >= 2:
                zpos = bead.zh_position(k, (w.start + w.end) / 2)
                anchors.extend(
                    (bead.en_words[i].position, zpos, v, i) for i, v in links if v >= 0.6
                )
        alone = tuple(
            (i, a, b)
            for i, (a, b) in enumerate(s.tokens)
            if b - a == 1 and is_han(s.text[a]) and s.simple[i] not in _EDGES
        )
        sentences.append(SentenceWords(tuple(words), [w.start for w in s.words], alone,
                                       [None] * len(s.spans), {}))  # fmt: skip
    anchors.sort()
    found = context.words[id(bead)] = BeadWords(tuple(sentences), tuple(anchors))
    return found


#: The strength of a one-word sense (CC-CEDICT's "total" for 總額): another English word that is
#: one explains a word the term's own words are only part of a sense of.
_WHOLE_SENSE = 0.99


class Said(NamedTuple):
    """What one Chinese word says about a term, as a span's features read it (only for the
    words that say something: the others change no feature of a span over them).

    Attributes:
        loose: A loose character (see :class:`Word`).
        term: ``(index of a word of the term, CC-CEDICT strength)`` where the strength is above 0.
        defn: The same for the words of the term's definition (``()`` for a loose character).
        focus: The sum of its strengths per word of the term, times its length (0: none).
        phrase: Its length when a sense of it holds the whole multi-word term (0: not).
        covered: Its characters when it translates the term (or, not loose, its definition).
        explained: Its characters when it translates another English word of the bead instead.
        shadowed: Its characters when only the term's definition covers it while another
            English word of the bead translates it too (專利 "patent" for "licensing", defined
            "… especially a patent", in "Patent licensing"): the confidence reads it.
    """

    loose: bool
    term: tuple[tuple[int, float], ...]
    defn: tuple[tuple[int, float], ...]
    focus: float
    phrase: int
    covered: int
    explained: int
    shadowed: int = 0


class _Gloss(NamedTuple):
    """What one gloss says about a term (kept per term in the context)."""

    term: tuple[tuple[int, float], ...]  # the strengths above 0, by word of the term
    defn: tuple[tuple[int, float], ...]  # the same by word of the definition
    phrase: bool
    best_term: float  # max, max and sum of the strengths
    best_defn: float
    sum_term: float


def _gloss_says(q: Query, every: frozenset[str], g: Gloss) -> _Gloss | None:
    """What a gloss says about a term; ``None``: nothing (every strength 0.0, no phrase)."""
    if every.isdisjoint(g.keys):  # no key in common: every strength is 0.0
        if len(q.phrase) < 2 or not phrase_in(q.phrase, g):  # (a one-word term has none)
            return None
        term = tuple(0.0 for _ in q.words)
        defn = tuple(0.0 for _ in q.definition)
    else:
        term = tuple(strength(keys, g) for keys in q.words)
        defn = tuple(strength(keys, g) for keys in q.definition)
    phrase = phrase_in(q.phrase, g)
    term_hits = tuple((i, v) for i, v in enumerate(term) if v > 0.0)
    defn_hits = tuple((i, v) for i, v in enumerate(defn) if v > 0.0)
    if not (term_hits or defn_hits or phrase):
        return None
    return _Gloss(
        term_hits, defn_hits, phrase,
        max(term) if term else 0.0, max(defn) if defn else 0.0, sum(term),
    )  # fmt: skip


def term_words(
    q: Query,
    bead: BeadView,
    k: int,
    own: set[int],
    named: bool,
    context: LinkContext,
) -> tuple[list[Said | None], frozenset[int]]:
    """What each dictionary word of the bead's sentence ``k`` says about a term (``None``:
    nothing), in order, and the sentence's stray tokens (by index): one Han character, not a
    function word, translating no other English word of the bead (``own``: the English words
    that are the term's; ``named``: a Chinese name may translate an English name of the bead,
    see :func:`english_names`)."""
    sentence = bead_words(context, bead).sentences[k]
    paragraph = bead.sentences[k].paragraph
    n_words = max(1, len(q.words))
    # what a gloss says about the term: the same for every place of the word (的, 是 …), in
    # every bead (kept in the context with the query, whose id is the key: the context holds
    # the query, and every gloss of its sentences, so no id is another object's while it lives)
    entry = context.said.get(id(q))
    if entry is None:
        every = frozenset(key for keys in (*q.words, *q.definition) for key in keys)
        entry = context.said[id(q)] = (q, every, {})
    _, every, memo = entry
    out: list[Said | None] = []
    explaining = set()
    for w in sentence.words:
        g = w.gloss
        other = 0.0
        if g is None:
            # a name of the Chinese translates a name of the English (韋小寶 is "Trinket"),
            # unless the term is a name (a word CC-CEDICT knows is linked by its senses: 榮耀
            # "glory" may be tagged a name)
            if named and w.name:
                other = NAME_LINK
            says = None
        else:
            key = id(g)
            says = memo.get(key, _UNSEEN)
            if says is _UNSEEN:
                says = memo[key] = _gloss_says(q, every, g)
            # an unknown token is explained through its words
            for i, v in w.links:
                if i in own or v <= other:
                    continue
                # an English word whose Chinese is settled elsewhere explains no other
                if context.may_explain(bead.en_words[i], paragraph, w.start, w.end):
                    other = v
        if other >= 0.5:
            explaining.add((w.start, w.end))
        if says is None:
            # nothing of the term: at most another word's characters (a silent word's
            # strengths are all 0.0, below every threshold)
            said = _new(Said, (w.loose, (), (), 0.0, 0, 0, w.mask, 0)) if other >= 0.5 else None
            out.append(said)
            continue
        t = says.best_term
        if w.loose:
            covered = w.mask if t >= 0.3 else 0
            out.append(_new(Said, (True, says.term, (), 0.0, 0, covered,
                                   w.mask if not covered and other >= 0.5 else 0, 0)))  # fmt: skip
            continue
        length = w.end - w.start
        covered = explained = shadowed = 0
        # Another English word of the bead explains it: one that translates it where the term
        # does not; or, where the term's word is a part of a sense of it, one that is a whole
        # sense (總額 "total (amount or value)" is "total", not "amount to"; 叮叮 "tram
        # (colloquial: ding-ding); tinkling sound" stays "ding-ding" beside "sound").
        by_other = (other >= 0.5 and says.best_defn < 0.5) if t < 0.3 else other >= _WHOLE_SENSE
        if other > t and by_other:
            explained = w.mask
        elif t >= 0.3 or says.best_defn >= 0.5:
            covered = w.mask
            if t < 0.3 and other >= 0.5:  # the definition's word, another English word's too
                shadowed = w.mask
        out.append(
            _new(Said, (
                False, says.term, says.defn,
                says.sum_term / n_words * length if says.term else 0.0,
                length if says.phrase else 0, covered, explained, shadowed,
            ))
        )  # fmt: skip
    strays = frozenset(i for i, a, b in sentence.alone if (a, b) not in explaining)
    return out, strays


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


def anchor_places(words: BeadWords, own: set[int]) -> list[tuple[float, float]]:
    """``(English place, Chinese place)`` of the CC-CEDICT links between the bead's other words
    that keep to one order: the heaviest chain of links rising on both sides (a word found twice
    on one side links to at most one place of the chain)."""
    links = [(e, z, v) for e, z, v, i in words.anchors if i not in own]
    if not links:
        return []
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
