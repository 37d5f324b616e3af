"""The Chinese vocabulary leaves out the glossary's own Chinese words.

A learner of Chinese reads the glossary table first: 排練, 字幕 and 劇團 are there as the
counterparts of *rehearse*, *subtitle* and *troupe*, highlighted in the text, with their readings.
Listing them again under "Words to learn: Chinese" makes the learner study one word twice, once
with a different meaning. So a suggested Chinese word that the glossary shows — a teacher-given
equivalent, a highlighted occurrence, or the counterpart shown in the table — is left out of the
suggestions (the list is then filled up to its limit from the words after it). A word the teacher
adds to the vocabulary in the corrections file is kept: the teacher asked for it.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document

__all__ = ["glossary_chinese", "without_glossary_words"]


def glossary_chinese(doc: Document) -> frozenset[str]:
    """Every Chinese word the glossary shows for its terms."""
    words: set[str] = set()
    links = {link.entry: link for link in doc.links}
    for i, entry in enumerate(doc.glossary):
        if entry.no_counterpart:
            continue
        words.update(entry.zh)
        link = links.get(i)
        if link is None:
            continue
        words.update(o.text for o in link.zh)
        if link.counterparts and not entry.zh:
            words.add(link.counterparts[0].text)
    return frozenset(words)


def without_glossary_words(doc: Document, limit: int, shown: frozenset[str]) -> Document:
    """``doc`` with the Chinese vocabulary's words in ``shown`` (:func:`glossary_chinese`) left
    out, at most ``limit`` kept."""
    if doc.vocabulary is None:
        return doc
    zh = tuple(v for v in doc.vocabulary.zh if v.word not in shown)[:limit]
    return replace(doc, vocabulary=replace(doc.vocabulary, zh=zh))
