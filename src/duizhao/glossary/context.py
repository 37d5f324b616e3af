"""One document's work for the glossary stages: its alignment as the finder sees it, and caches.

:func:`~duizhao.glossary.link_glossary` and :func:`~duizhao.glossary.suggest_vocabulary` both find
Chinese counterparts of English words in the same document. A :class:`LinkContext` carries what
they share: the document's :class:`AlignedText` (its sentence beads), each Chinese sentence's
:class:`~duizhao.glossary.candidates.ZhSentence` and each bead's :class:`BeadView` (its English
words and which Chinese words CC-CEDICT links to them).

Examples:
    >>> from duizhao.model import Alignment, Bead, Paragraph, Sentence, Token
    >>> en = Paragraph("en", "Clusters grew. Metrics fell.", (Sentence(0, 14), Sentence(15, 28)))
    >>> words = (Token(0, 2), Token(2, 4), Token(4, 5), Token(5, 7), Token(7, 9), Token(9, 10))
    >>> zh = Paragraph("zh", "集群增長。指標下跌。", (Sentence(0, 5), Sentence(5, 10)), words)
    >>> beads = (Bead(en=(0,), zh=(0,)), Bead(en=(1,), zh=(1,)))
    >>> doc = Document(en=(en,), zh=(zh,), alignment=Alignment(sentences=beads))
    >>> context = LinkContext()
    >>> view = context.aligned_text(doc)
    >>> view.beads[view.bead_of[1]], view.zh_sentences[1]  # "Metrics fell."
    (((1,), (1,)), (0, 5, 10))
    >>> [w.text for w in context.bead(doc, 1).en_words]
    ['Metrics', 'fell']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from duizhao.model import Document
from duizhao.resources.encoder import Embeddings
from duizhao.text.english import WORD_RE

from .candidates import ZhSentence, dictionary_tokens, zh_sentence
from .dictionary import Gloss, en_keys, gloss, glosses, senses, senses_each
from .query import Query, query

__all__ = [
    "AlignedText",
    "BeadView",
    "EnWord",
    "LinkContext",
    "aligned_zh",
    "en_sentence_index",
    "zh_sentence_index",
]

#: Weakest CC-CEDICT link between an English and a Chinese word that counts as one.
MIN_LINK = 0.3

_NAME_TAGS = ("nr", "ns", "nt")
#: The segmenter's tag of an idiom (jieba's ``i``: 視而不見, 繁文縟節): such a token is an idiom
#: for :mod:`duizhao.glossary.idioms` whether or not CC-CEDICT marks it (round 15).
_IDIOM_TAG = "i"

#: ``tuple.__new__``: a named tuple of the hot loops made without its ``__new__``'s Python
#: frame (the same tuple; the fields in their order).
_new = tuple.__new__


def zh_sentence_index(doc: Document) -> tuple[tuple[int, int, int], ...]:
    """``(paragraph, start, end)`` of every Chinese sentence, by document-wide number (a
    paragraph without sentences counts as one sentence)."""
    return _sentence_index(doc, "zh")


def en_sentence_index(doc: Document) -> tuple[tuple[int, int, int], ...]:
    """``(paragraph, start, end)`` of every English sentence, by document-wide number."""
    return _sentence_index(doc, "en")


def _sentence_index(doc: Document, lang: str) -> tuple[tuple[int, int, int], ...]:
    out: list[tuple[int, int, int]] = []
    for para_no, para in enumerate(doc.en if lang == "en" else doc.zh):
        if para.sentences:
            out.extend((para_no, s.start, s.end) for s in para.sentences)
        else:
            out.append((para_no, 0, len(para.text)))
    return tuple(out)


def aligned_zh(doc: Document) -> dict[int, tuple[int, ...]]:
    """English sentence number → aligned Chinese sentence numbers.

    Uses ``doc.alignment`` when there is one; otherwise pairs sentences by their relative position
    in the text (a rough fallback so linking still works on an unaligned document).
    """
    return {e: bead[1] for bead in _beads(doc) for e in bead[0]}


def _beads(doc: Document) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    if doc.alignment is not None and doc.alignment.sentences:
        return [(tuple(b.en), tuple(b.zh)) for b in doc.alignment.sentences if b.en]
    en_lens = [len(t) for t in doc.sentence_texts("en")]
    zh_lens = [len(t) for t in doc.sentence_texts("zh")]
    if not en_lens or not zh_lens:
        return [((e,), ()) for e in range(len(en_lens))]

    def cum(lens: list[int]) -> list[tuple[float, float]]:
        total, acc, spans = float(sum(lens)) or 1.0, 0, []
        for n in lens:
            spans.append((acc / total, (acc + n) / total))
            acc += n
        return spans

    zs = cum(zh_lens)
    return [
        ((e,), tuple(z for z, (c, d) in enumerate(zs) if c < b + 0.05 and d > a - 0.05))
        for e, (a, b) in enumerate(cum(en_lens))
    ]


@dataclass(frozen=True)
class AlignedText:
    """The glossary's view of a document's alignment.

    Attributes:
        beads: ``(English sentences, Chinese sentences)`` of each sentence bead with English
            (document-wide numbers).
        bead_of: English sentence number → its bead's index in ``beads``.
        en_sentences: English sentence number → ``(paragraph, start, end)``.
        zh_sentences: Chinese sentence number → ``(paragraph, start, end)``.
    """

    beads: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]
    bead_of: Mapping[int, int]
    en_sentences: tuple[tuple[int, int, int], ...]
    zh_sentences: tuple[tuple[int, int, int], ...]

    @property
    def aligned(self) -> dict[int, tuple[int, ...]]:
        """English sentence number → aligned Chinese sentence numbers."""
        return {e: self.beads[b][1] for e, b in self.bead_of.items()}

    @classmethod
    def of(cls, doc: Document) -> AlignedText:
        """The view of ``doc``."""
        beads = tuple(_beads(doc))
        return cls(
            beads=beads,
            bead_of={e: i for i, (en, _) in enumerate(beads) for e in en},
            en_sentences=en_sentence_index(doc),
            zh_sentences=zh_sentence_index(doc),
        )


class EnWord(NamedTuple):
    """An English word of a bead.

    Attributes:
        text: The word as written.
        paragraph: English paragraph number.
        start: Start offset in the paragraph text.
        end: End offset.
        position: Its place in the bead's English, 0 (start) to 1 (end).
        keys: Its dictionary keys (:func:`~duizhao.glossary.dictionary.en_keys`).
    """

    text: str
    paragraph: int
    start: int
    end: int
    position: float
    keys: Mapping[str, float]


@dataclass(frozen=True)
class BeadView:
    """One sentence bead as the finder sees it: English words, Chinese sentences, their links.

    Attributes:
        en_words: The English words of the bead's sentences, in order.
        sentences: The bead's Chinese sentences.
        zh_offsets: Where each Chinese sentence starts in the bead's Chinese (characters).
        zh_length: Characters of Chinese in the bead.
        links: ``(paragraph, start, end)`` of a Chinese word → the English words it translates
            by CC-CEDICT, as ``(index in en_words, strength)``; for words on token boundaries
            (a token CC-CEDICT lacks means what its words mean: 左腿 "left leg") and for the
            words inside such a token.
    """

    en_words: tuple[EnWord, ...]
    sentences: tuple[ZhSentence, ...]
    zh_offsets: tuple[int, ...]
    zh_length: int
    links: Mapping[tuple[int, int, int], tuple[tuple[int, float], ...]]

    def zh_position(self, k: int, offset: float) -> float:
        """The place (0–1) in the bead's Chinese of a paragraph offset in sentence ``k``."""
        s = self.sentences[k]
        return (self.zh_offsets[k] + offset - s.start) / max(1, self.zh_length)


@dataclass(eq=False)
class LinkContext:
    """The work done on one document by the glossary stages, kept to be reused.

    Pass the same context to :func:`~duizhao.glossary.link_glossary`,
    :func:`~duizhao.glossary.suggest_vocabulary` and :meth:`CounterpartFinder.rank
    <duizhao.glossary.CounterpartFinder.rank>` for the same document (same text, alignment and
    tokens); never share one between documents. Everything is filled as it is needed.

    Attributes:
        text: The document's :class:`AlignedText`, made on first use.
        sentences: Chinese sentence number → its :class:`~duizhao.glossary.candidates.ZhSentence`.
        beads: Bead index → its :class:`BeadView`.
        embeddings: The encoder's vectors of the texts seen so far (when the finder uses it).
        words: ``id`` of a :class:`BeadView` → what its Chinese words and spans bring to the
            features whatever the term (:func:`~duizhao.glossary.words.bead_words`).
        settled: English paragraph → ``(start, end, places)`` of the English occurrences of the
            items already linked with confidence (or by the teacher), each with the Chinese
            ``(paragraph, start, end)`` places of its counterpart: such an English word has its
            Chinese, so CC-CEDICT linking it to *another* Chinese word no longer counts as that
            word's explanation (優惠 "preferential" is "concession" when "preferential" is
            特惠). Filled by :func:`~duizhao.glossary.link.linked_rankings` between its passes.
        sense_memo: Chinese text → its CC-CEDICT senses (:meth:`senses`).
        gloss_memo: Chinese word → its :class:`~duizhao.glossary.dictionary.Gloss`
            (:meth:`gloss`).
        cosines: English text → Chinese text → the encoder's cosine of the two (the finder's
            memo: the terms and words of one bead share their other words and candidates).
        queries: ``(term, forms, definition)`` → its :class:`~duizhao.glossary.query.Query`
            (:meth:`query`: the finder ranks some terms twice, see
            :meth:`~duizhao.glossary.CounterpartFinder.settle`).
        said: ``id`` of a :class:`~duizhao.glossary.query.Query` → the query, every English key
            of its words and definition, and what each gloss says about it (``id`` of the
            :class:`~duizhao.glossary.dictionary.Gloss` → the gloss, and the CC-CEDICT
            strength for each word of the term and of its definition, and whether a sense
            holds the whole term; filled by :func:`~duizhao.glossary.words.term_words`).
    """

    text: AlignedText | None = None
    sentences: dict[int, ZhSentence] = field(default_factory=dict)
    beads: dict[int, BeadView] = field(default_factory=dict)
    embeddings: Embeddings = field(default_factory=Embeddings)
    words: dict[int, Any] = field(default_factory=dict)
    settled: dict[int, list[tuple[int, int, tuple[tuple[int, int, int], ...]]]] = field(
        default_factory=dict
    )
    sense_memo: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gloss_memo: dict[str, Gloss | None] = field(default_factory=dict)
    cosines: dict[str, dict[str, float]] = field(default_factory=dict)
    queries: dict[tuple[str, tuple[str, ...], str], Query] = field(default_factory=dict)
    said: dict[int, tuple[Query, frozenset[str], dict[int, Any]]] = field(default_factory=dict)

    def query(self, term: str, forms: Iterable[str] = (), definition: str = "") -> Query:
        """:func:`~duizhao.glossary.query.query`, made once a document for the same term,
        forms and definition."""
        key = (term, tuple(forms), definition)
        found = self.queries.get(key)
        if found is None:
            found = self.queries[key] = query(term, forms=key[1], definition=definition)
        return found

    def may_explain(self, word: EnWord, paragraph: int, start: int, end: int) -> bool:
        """Whether an English word may explain the Chinese word at ``(paragraph, start, end)``:
        not when it belongs to a settled item whose counterpart is elsewhere (see
        :attr:`settled`)."""
        for a, b, places in self.settled.get(word.paragraph, ()):
            if a <= word.start and word.end <= b:
                return any(p == paragraph and x < end and start < y for p, x, y in places)
        return True

    def gloss(self, text: str) -> Gloss | None:
        """:func:`~duizhao.glossary.dictionary.gloss` of a Chinese word, looked up once a
        document (a word recurs in the document's sentences)."""
        try:
            return self.gloss_memo[text]
        except KeyError:
            found = self.gloss_memo[text] = gloss(text)
            return found

    def glosses(self, texts: Sequence[str]) -> list[Gloss | None]:
        """:meth:`gloss` of each text, those not looked up yet converted to Simplified in one
        call (:func:`~duizhao.glossary.dictionary.glosses`)."""
        return _batched(self.gloss_memo, texts, glosses)

    def senses(self, text: str) -> tuple[str, ...]:
        """:func:`~duizhao.glossary.dictionary.senses` of a Chinese text, looked up once a
        document (the finder asks for each rescored candidate's several times)."""
        found = self.sense_memo.get(text)
        if found is None:
            found = self.sense_memo[text] = senses(text)
        return found

    def senses_each(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """:meth:`senses` of each text, those not looked up yet converted to Simplified in one
        call (:func:`~duizhao.glossary.dictionary.senses_each`)."""
        return _batched(self.sense_memo, texts, senses_each)

    def aligned_text(self, doc: Document) -> AlignedText:
        """The view of ``doc``, made on the first call."""
        if self.text is None:
            self.text = AlignedText.of(doc)
        return self.text

    def sentence(self, doc: Document, number: int) -> ZhSentence:
        """The finder's view of Chinese sentence ``number``, made on the first call."""
        found = self.sentences.get(number)
        if found is None:
            p, s0, s1 = self.aligned_text(doc).zh_sentences[number]
            para = doc.zh[p]
            if para.tokens:
                tokens = tuple((t.start, t.end) for t in para.tokens)
                names = tuple(bool(t.pos and t.pos.startswith(_NAME_TAGS)) for t in para.tokens)
                idioms = tuple(t.pos == _IDIOM_TAG for t in para.tokens)
            else:
                tokens, names, idioms = dictionary_tokens(para.text), (), ()
            found = zh_sentence(
                para.text, number, p, s0, s1, tokens, names, glosses_of=self.glosses,
                idioms=idioms,
            )  # fmt: skip
            self.sentences[number] = found
        return found

    def bead(self, doc: Document, en_sentence: int) -> BeadView | None:
        """The view of the bead holding English sentence ``en_sentence`` (``None`` if it has
        no bead)."""
        view = self.aligned_text(doc)
        b = view.bead_of.get(en_sentence)
        if b is None:
            return None
        found = self.beads.get(b)
        if found is None:
            found = self._make_bead(doc, b)
            self.beads[b] = found
        return found

    def _make_bead(self, doc: Document, b: int) -> BeadView:
        view = self.aligned_text(doc)
        en, zh = view.beads[b]
        en_total = sum(view.en_sentences[e][2] - view.en_sentences[e][1] for e in en) or 1
        words: list[EnWord] = []
        acc = 0
        for e in en:
            p, s0, s1 = view.en_sentences[e]
            text = doc.en[p].text
            for m in WORD_RE.finditer(text, s0, s1):
                pos = (acc + (m.start() + m.end()) / 2 - s0) / en_total
                word = m.group()
                words.append(_new(EnWord, (word, p, m.start(), m.end(), pos, en_keys(word))))
            acc += s1 - s0
        sentences = tuple(self.sentence(doc, z) for z in zh if z < len(view.zh_sentences))
        offsets, acc = [], 0
        for s in sentences:
            offsets.append(acc)
            acc += s.end - s.start
        # which English words each Chinese word (on token boundaries) translates
        by_key: dict[str, list[tuple[int, float]]] = {}
        for i, w in enumerate(words):
            for k, v in w.keys.items():
                by_key.setdefault(k, []).append((i, v))
        links: dict[tuple[int, int, int], tuple[tuple[int, float], ...]] = {}
        english = by_key.keys()
        for s in sentences:
            # the furthest end of the tokens CC-CEDICT lacks over each character: a word is
            # inside one of them if it reaches its end
            reach: dict[int, int] = {}
            for u in s.words:
                if u.aligned and u.gloss is None:
                    for c in range(u.start, u.end):
                        if reach.get(c, -1) < u.end:
                            reach[c] = u.end
            for zw in s.words:
                if zw.gloss is not None and (zw.aligned or reach.get(zw.start, -1) >= zw.end):
                    # a word on token boundaries, or a word inside a token CC-CEDICT lacks
                    keys = zw.gloss.keys
                elif zw.aligned and zw.gloss is None:
                    # a token CC-CEDICT lacks means what its words mean (左腿 "left leg")
                    parts = [
                        w.gloss
                        for w in s.words
                        if w.gloss is not None and zw.start <= w.start and w.end <= zw.end
                    ]
                    if not parts:
                        continue
                    keys = {k: v for g in parts for k, v in g.keys.items()}
                else:
                    continue
                # the strongest link to each English word (a maximum: the order of the keys
                # does not matter)
                best: dict[int, float] = {}
                for k in english & keys.keys():
                    g = keys[k]
                    for i, v in by_key[k]:
                        if g * v > best.get(i, 0.0):
                            best[i] = g * v
                if best:
                    found = tuple((i, v) for i, v in sorted(best.items()) if v >= MIN_LINK)
                    if found:
                        links[(s.paragraph, zw.start, zw.end)] = found
        return BeadView(tuple(words), sentences, tuple(offsets), acc, links)


def _batched(memo: dict[str, Any], texts: Sequence[str], look_up: Any) -> list[Any]:
    """``memo[t]`` of each text, those not in the memo looked up in one call of ``look_up``."""
    missing = [t for t in dict.fromkeys(texts) if t not in memo]
    if missing:
        memo.update(zip(missing, look_up(missing), strict=True))
    return [memo[t] for t in texts]
