"""Readings of the Chinese counterparts an article does not use.

A teacher's equivalent (``breaststroke – 蛇泳 –``, or a counterpart chosen in the corrections
file) that the Chinese text never writes has no tokens to take its readings from; every output
that prints it with a reading (flashcards, lists) would print it without. It is read here as a
word of its own, by the same annotator (kept whole; a teacher's corrected reading of it wins),
and the readings are kept on the counterpart (:attr:`duizhao.model.Counterpart.pinyin`).
"""

from __future__ import annotations

from dataclasses import replace

from duizhao.chinese import ChineseAnnotator, default_annotator
from duizhao.model import Document
from duizhao.text.script import is_han

__all__ = ["read_unused_counterparts"]


def read_unused_counterparts(doc: Document, annotator: ChineseAnnotator | None = None) -> Document:
    """The document with the readings of each link's first counterpart that the Chinese text
    does not use (``pinyin``/``jyutping`` empty when a character has none).

    Examples:
        >>> from duizhao.model import Counterpart, GlossaryEntry, Paragraph, TermLink
        >>> doc = Document(
        ...     zh=(Paragraph(lang="zh", text="游泳"),),
        ...     glossary=(GlossaryEntry("breaststroke", "", zh=("蛇泳",)),),
        ...     links=(TermLink(0, (Counterpart("蛇泳", 1.0, "given"),)),),
        ... )
        >>> c = read_unused_counterparts(doc).links[0].counterparts[0]
        >>> c.pinyin, c.jyutping
        ('shé yǒng', 'se4 wing6')
    """
    texts = [p.text for p in doc.zh]
    todo = {}
    for k, link in enumerate(doc.links):
        if not link.counterparts or link.zh:
            continue
        word = link.counterparts[0].text
        entry = doc.glossary[link.entry] if 0 <= link.entry < len(doc.glossary) else None
        if entry is not None and entry.no_counterpart:
            continue
        if any(is_han(c) for c in word) and not any(word in t for t in texts):
            todo[k] = word
    if not todo:
        return doc
    words = sorted(set(todo.values()))
    results = (annotator or default_annotator()).annotate_many(
        words, extra_words=words, corrections=doc.corrections
    )
    readings: dict[str, tuple[str, str]] = {}
    for word, tokens in zip(words, results, strict=True):
        py: list[str] = []
        jp: list[str] = []
        for t in tokens:
            for i in range(t.start, t.end):
                if not is_han(word[i]):
                    continue
                k = i - t.start
                py.append((t.pinyin[k] if k < len(t.pinyin) else None) or "")
                jp.append((t.jyutping[k] if k < len(t.jyutping) else None) or "")
        readings[word] = (
            " ".join(py) if all(py) else "",
            " ".join(jp) if all(jp) else "",
        )
    links = list(doc.links)
    for k, word in todo.items():
        link = links[k]
        pinyin, jyutping = readings[word]
        first = replace(link.counterparts[0], pinyin=pinyin, jyutping=jyutping)
        links[k] = replace(link, counterparts=(first, *link.counterparts[1:]))
    return replace(doc, links=tuple(links))
