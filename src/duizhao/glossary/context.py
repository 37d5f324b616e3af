"""One document's work for the glossary stages: its alignment as the glossary sees it, and caches.

:func:`~duizhao.glossary.link_glossary` and :func:`~duizhao.glossary.suggest_vocabulary` both rank
Chinese counterparts of English words in the same document. A :class:`LinkContext` carries what
they can share: the document's :class:`AlignedText` (which Chinese sentences are aligned with each
English sentence, the Chinese words), the candidates of each Chinese sentence, and the encoder's
similarities and vectors.

Example:
    >>> from duizhao.model import Alignment, Bead, Paragraph, Sentence, Token
    >>> en = Paragraph("en", "Clusters grew. Metrics fell.", (Sentence(0, 14), Sentence(15, 28)))
    >>> words = (Token(0, 2), Token(2, 4), Token(4, 5), Token(5, 7), Token(7, 9), Token(9, 10))
    >>> zh = Paragraph("zh", "集群增長。指標下跌。", (Sentence(0, 5), Sentence(5, 10)), words)
    >>> beads = (Bead(en=(0,), zh=(0,)), Bead(en=(1,), zh=(1,)))
    >>> doc = Document(en=(en,), zh=(zh,), alignment=Alignment(sentences=beads))
    >>> view = LinkContext().aligned_text(doc)
    >>> view.aligned[1], view.zh_sentences[1], view.zh_texts[1]  # "Metrics fell."
    ((1,), (0, 5, 10), '指標下跌。')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from duizhao.model import Document
from duizhao.resources.encoder import Embeddings

from .candidates import Candidate, candidates, zh_tokens

__all__ = ["AlignedText", "LinkContext", "aligned_zh", "zh_sentence_index"]


def zh_sentence_index(doc: Document) -> tuple[tuple[int, int, int], ...]:
    """``(paragraph, start, end)`` of every Chinese sentence, by document-wide number (a
    paragraph without sentences counts as one sentence)."""
    out: list[tuple[int, int, int]] = []
    for para_no, para in enumerate(doc.zh):
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
    out: dict[int, tuple[int, ...]] = {}
    if doc.alignment is not None and doc.alignment.sentences:
        for bead in doc.alignment.sentences:
            for e in bead.en:
                out[e] = tuple(bead.zh)
        return out
    en_lens = [len(t) for t in doc.sentence_texts("en")]
    zh_lens = [len(t) for t in doc.sentence_texts("zh")]
    if not en_lens or not zh_lens:
        return out

    def cum(lens: list[int]) -> list[tuple[float, float]]:
        total, acc, spans = float(sum(lens)) or 1.0, 0, []
        for n in lens:
            spans.append((acc / total, (acc + n) / total))
            acc += n
        return spans

    zs = cum(zh_lens)
    for e, (a, b) in enumerate(cum(en_lens)):
        out[e] = tuple(z for z, (c, d) in enumerate(zs) if c < b + 0.05 and d > a - 0.05)
    return out


@dataclass(frozen=True)
class AlignedText:
    """The glossary's view of a document: aligned sentences and Chinese words.

    Attributes:
        aligned: English sentence number → the aligned Chinese sentence numbers
            (:func:`aligned_zh`).
        zh_sentences: Chinese sentence number → ``(paragraph, start, end)``
            (:func:`zh_sentence_index`).
        tokens: Word spans ``(start, end)`` of each Chinese paragraph
            (:func:`~duizhao.glossary.candidates.zh_tokens`).
        en_texts: The text of each English sentence, by document-wide number.
        zh_texts: The text of each Chinese sentence, by document-wide number.
    """

    aligned: Mapping[int, tuple[int, ...]]
    zh_sentences: tuple[tuple[int, int, int], ...]
    tokens: tuple[tuple[tuple[int, int], ...], ...]
    en_texts: tuple[str, ...]
    zh_texts: tuple[str, ...]

    @classmethod
    def of(cls, doc: Document) -> AlignedText:
        """The view of ``doc``."""
        return cls(
            aligned=aligned_zh(doc),
            zh_sentences=zh_sentence_index(doc),
            tokens=zh_tokens(doc),
            en_texts=tuple(doc.sentence_texts("en")),
            zh_texts=tuple(doc.sentence_texts("zh")),
        )


@dataclass(eq=False)
class LinkContext:
    """The work done on one document by the glossary stages, kept to be reused.

    Pass the same context to :func:`~duizhao.glossary.link_glossary`,
    :func:`~duizhao.glossary.suggest_vocabulary` and :meth:`CounterpartFinder.rank
    <duizhao.glossary.CounterpartFinder.rank>` for the same document (same text, alignment and
    tokens) with the same finder; never share one between documents. Everything is filled as it
    is needed.

    Attributes:
        text: The document's :class:`AlignedText`, made on first use.
        candidates: Chinese sentence number → its candidate words.
        similarity: English query → Chinese word → similarity given by the finder's encoder.
        embeddings: The encoder's vectors of the texts seen so far.
    """

    text: AlignedText | None = None
    candidates: dict[int, tuple[Candidate, ...]] = field(default_factory=dict)
    similarity: dict[str, dict[str, float]] = field(default_factory=dict)
    embeddings: Embeddings = field(default_factory=Embeddings)

    def aligned_text(self, doc: Document) -> AlignedText:
        """The view of ``doc``, made on the first call."""
        if self.text is None:
            self.text = AlignedText.of(doc)
        return self.text

    def candidates_in(self, doc: Document, zh_sentence: int) -> tuple[Candidate, ...]:
        """The candidate words of one Chinese sentence of ``doc``, found on the first call."""
        found = self.candidates.get(zh_sentence)
        if found is None:
            view = self.aligned_text(doc)
            p, s0, s1 = view.zh_sentences[zh_sentence]
            found = candidates(doc.zh[p].text, p, s0, s1, view.tokens[p])
            self.candidates[zh_sentence] = found
        return found
