"""Word lists as text: a Quizlet import list (tab-separated) and a CSV for reading tools.

Examples:
    >>> from duizhao.model import Document, GlossaryEntry, TermLink
    >>> doc = Document(glossary=(GlossaryEntry("cluster", "a group\\tof things", zh=("集群",)),),
    ...                links=(TermLink(entry=0),))   # 集群 "cluster"
    >>> quizlet_text(doc)
    'cluster\\ta group of things (集群)\\n'
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Literal

from ...model import Document
from ...output.readings import Reading, pronunciation, shows_pinyin
from .cards import as_list, cards, tag

__all__ = ["CSV_HEADER", "csv_text", "quizlet_text"]

#: The header row of :func:`csv_text` (``check``: ``yes`` when the Chinese is uncertain, or a
#: Chinese word's pinyin holds a reading to check).
CSV_HEADER = ("term", "translation", "pronunciation", "tags", "check")


def _flat(s: str) -> str:
    """One line: tabs, line breaks and runs of spaces become one space."""
    return re.sub(r"\s+", " ", s).strip()


def quizlet_text(
    docs: Document | Sequence[Document],
    *,
    vocabulary: bool = False,
    chinese: bool = True,
    lang: Literal["en", "zh"] = "en",
    reading: Reading = "both",
) -> str:
    """A Quizlet import list: ``term<TAB>definition`` per line (no tab or newline in a field).

    Args:
        docs: Documents.
        vocabulary: Add suggested vocabulary (English; with ``lang="zh"``, Chinese).
        chinese: Put the Chinese counterpart after the definition (``… (集群)``); an uncertain
            one is flagged ``(check: 集群)`` (a Quizlet list has two columns, so the flag goes
            into the definition).
        lang: ``en`` (for learners of English): the English terms; ``zh`` (for learners of
            Chinese): the Chinese words as terms, their definition ``pinyin / Jyutping — English
            term: definition`` (an uncertain counterpart flagged ``(check)``).
        reading: The readings of the Chinese words (``lang="zh"``): ``pinyin``, ``jyutping`` or
            ``both`` (``drill --reading``, as the sheet shows them).
    """
    if lang == "zh":
        return _quizlet_zh(as_list(docs), vocabulary, reading)
    lines = []
    for c in cards(docs, vocabulary=vocabulary):
        definition = c.definition
        if chinese and c.chinese:
            zh = f"check: {c.chinese}" if c.check else c.chinese
            definition = f"{definition} ({zh})" if definition else f"({zh})"
        term, definition = _flat(c.term), _flat(definition)
        if term and definition:
            lines.append(f"{term}\t{definition}")
    return "".join(line + "\n" for line in lines)


def _quizlet_zh(docs: Sequence[Document], vocabulary: bool, reading: Reading) -> str:
    """:func:`quizlet_text` for learners of Chinese: one line per Chinese word."""
    lines, seen = [], set()
    for c in cards(docs, vocabulary=False):
        if not c.chinese or c.chinese in seen:
            continue
        seen.add(c.chinese)
        pron = pronunciation(c.pinyin, c.jyutping, reading)
        meaning = c.term + (f": {c.definition}" if c.definition else "")
        flag = " (check)" if c.check or (c.reading_check and shows_pinyin(reading)) else ""
        lines.append(
            f"{_flat(c.chinese)}\t{_flat(f'{pron} — {meaning}' if pron else meaning)}{flag}"
        )
    for doc in docs if vocabulary else ():
        for v in doc.vocabulary.zh if doc.vocabulary is not None else ():
            if v.word in seen or not v.translation:
                continue
            seen.add(v.word)
            pron = pronunciation(v.pinyin, v.jyutping, reading)
            meaning = "; ".join(v.translation)
            # a gloss below the threshold, or a reading shown that is one to check
            check = v.uncertain or (v.reading_unsure and shows_pinyin(reading))
            flag = " (check)" if check else ""
            lines.append(
                f"{_flat(v.word)}\t{_flat(f'{pron} — {meaning}' if pron else meaning)}{flag}"
            )
    return "".join(line + "\n" for line in lines)


def csv_text(
    docs: Document | Sequence[Document],
    *,
    lang: Literal["zh", "en"] = "zh",
    vocabulary: bool = True,
    reading: Reading = "both",
) -> str:
    """A CSV for reading tools (LingQ, Readlang, Migaku, …): term, translation, pronunciation, tags.

    Args:
        docs: Documents (annotated).
        lang: ``zh`` (for learners of Chinese): the Chinese words with their English meaning and
            ``pinyin / Jyutping``; ``en`` (for learners of English): the English terms with their
            Chinese counterpart and definition, no pronunciation.
        vocabulary: Add the suggested vocabulary of that language.
        reading: The pronunciation given (``lang="zh"``): ``pinyin``, ``jyutping`` or ``both``
            (``drill --reading``, as the sheet shows them).

    Returns:
        CSV text with a header row, ``\\r\\n`` line ends (as the csv module writes them).
    """
    docs = as_list(docs)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_HEADER)
    seen: set[str] = set()
    for c in cards(docs, vocabulary=False):
        tags = " ".join(c.tags)
        if lang == "zh":
            if not c.chinese or c.chinese in seen:
                continue
            seen.add(c.chinese)
            meaning = c.term + (f": {c.definition}" if c.definition else "")
            pron = pronunciation(c.pinyin, c.jyutping, reading)
            check = c.check or (c.reading_check and shows_pinyin(reading))
            w.writerow([_flat(c.chinese), _flat(meaning), pron, tags, "yes" if check else ""])
        else:
            if c.term.lower() in seen:
                continue
            seen.add(c.term.lower())
            meaning = "; ".join(x for x in (c.chinese, c.definition) if x)
            w.writerow([_flat(c.term), _flat(meaning), "", tags, "yes" if c.check else ""])
    if vocabulary:
        for doc in docs:
            if doc.vocabulary is None:
                continue
            m = doc.meta
            tags = " ".join(x for x in ("duizhao", "vocabulary", m.date, tag(m.source or "")) if x)
            for v in doc.vocabulary.zh if lang == "zh" else doc.vocabulary.en:
                key = v.word if lang == "zh" else v.word.lower()
                if key in seen:
                    continue
                seen.add(key)
                pron = pronunciation(v.pinyin, v.jyutping, reading) if lang == "zh" else ""
                flag = "yes" if v.uncertain and v.translation else ""
                if lang == "zh" and v.reading_unsure and shows_pinyin(reading):
                    flag = "yes"  # a pinyin reading to check
                w.writerow([_flat(v.word), _flat("; ".join(v.translation)), pron, tags, flag])
    return buf.getvalue()
