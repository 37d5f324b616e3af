"""The document model shared by every stage of the pipeline.

All classes are frozen dataclasses with tuple fields, so a stage can never change its input: it
returns a new :class:`Document` (``dataclasses.replace`` is the usual tool). Text positions are
offsets, not copies: a :class:`Sentence` or :class:`Token` is ``(start, end)`` into the text of its
:class:`Paragraph`, so they always join back into the exact text the reader accepted.

The JSON form produced by :meth:`Document.to_dict` is public: it is what ``duizhao parse
--format json`` prints and what later commands extend. :meth:`Document.from_dict` reads it back;
``Document.from_dict(doc.to_dict()) == doc`` for every document.

Numbering: paragraphs are numbered from 0 in reading order per language; sentences are numbered from
0 per language across the whole document (paragraph 0's sentences first). An alignment
:class:`Bead` lists such numbers on each side; a unit without a counterpart is a bead with an empty
side, never a dropped unit.

This module is longer than the others on purpose: it is one cohesive thing, the document model and
its JSON form, the contract between every stage and every output; split up, the schema would be
scattered over several files.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "SCHEMA_VERSION",
    "Alignment",
    "Bead",
    "Corrections",
    "Counterpart",
    "CounterpartChoice",
    "Document",
    "GlossFix",
    "GlossaryEntry",
    "Highlight",
    "Lang",
    "Meta",
    "Occurrence",
    "Paragraph",
    "ReadingFix",
    "Sentence",
    "TermLink",
    "Token",
    "VocabAddition",
    "VocabItem",
    "Vocabulary",
    "WordFix",
    "json_schema",
]

#: Version of the JSON form: bumped when a key changes meaning, type or disappears, not when one is
#: added. 2: ``glossary[].zh`` is always the list of teacher-given equivalents (it was a string or
#: null after ``parse`` and the found counterparts after ``annotate``), ``zh_given`` is gone, and
#: ``uncertain`` / ``no_counterpart`` were added. :meth:`Document.from_dict` still reads version 1.
SCHEMA_VERSION = 2

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, Lang] = ("en", "zh")


def _opt_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if value is not None else ()


@dataclass(frozen=True)
class Meta:
    """What the article is: where and when it was published and its titles."""

    source: str | None = None
    """Publisher or column, e.g. ``明報社評``."""
    date: str | None = None
    """Publication date as ISO 8601 ``YYYY-MM-DD``."""
    title_zh: str | None = None
    """The Chinese title."""
    title_en: str | None = None
    """The English title, when the article gives one."""
    path: str | None = None
    """The file the article was read from (as given), or ``None`` for text read from a string."""
    encoding: str | None = None
    """The encoding the file was decoded with (detected or forced)."""
    format: str | None = None
    """The input format: ``"editorial"`` (the newspaper text layout) or ``"markdown"``."""
    author: str | None = None
    """The byline as written (``By Karen Leung, English Panel Head``; the English one and the
    Chinese one joined by `` / `` when both languages have one), or the front matter's
    ``author``; ``None`` when the article names no author."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "date": self.date,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "path": self.path,
            "encoding": self.encoding,
            "format": self.format,
            "author": self.author,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Meta:
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Sentence:
    """One sentence, as offsets into its paragraph's text."""

    start: int
    """Offset of the first character in the paragraph text."""
    end: int
    """Offset just past the last character."""

    def to_dict(self, paragraph_text: str, index: int | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"text": paragraph_text[self.start : self.end]}
        if index is not None:
            d["index"] = index
        d["start"] = self.start
        d["end"] = self.end
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Sentence:
        return cls(start=int(d["start"]), end=int(d["end"]))


@dataclass(frozen=True)
class Token:
    """A Chinese word (or a run of punctuation, digits or Latin letters) with its annotations."""

    start: int
    """Offset of the first character in the paragraph (or line) text."""
    end: int
    """Offset just past the last character."""
    pinyin: tuple[str | None, ...] = ()
    """Pinyin with tone marks, one per character; ``None`` for characters that are not Han."""
    jyutping: tuple[str | None, ...] = ()
    """Jyutping with tone digits, one per character; ``None`` for characters that are not Han."""
    gloss: str | None = None
    """English gloss from CC-CEDICT (senses joined by ``"; "``), or ``None``."""
    hsk: int | None = None
    """HSK 3.0 level (1–7, where 7 stands for the combined 7–9 band), or ``None``."""
    pos: str | None = None
    """Part of speech (jieba's tag set), or ``None``."""
    pinyin_unsure: tuple[bool, ...] = ()
    """One per character: ``True`` where the pinyin is a guess the teacher should check (the
    polyphone model decided it and is less sure than the threshold); ``()`` when none is."""

    def text_in(self, text: str) -> str:
        """The token's characters in ``text``."""
        return text[self.start : self.end]

    def to_dict(self, text: str) -> dict[str, Any]:
        return {
            "text": text[self.start : self.end],
            "start": self.start,
            "end": self.end,
            "pinyin": list(self.pinyin),
            "jyutping": list(self.jyutping),
            "gloss": self.gloss,
            "hsk": self.hsk,
            "pos": self.pos,
            **({"pinyin_unsure": list(self.pinyin_unsure)} if any(self.pinyin_unsure) else {}),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Token:
        unsure = tuple(bool(x) for x in d.get("pinyin_unsure") or ())
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            pinyin=_opt_tuple(d.get("pinyin")),
            jyutping=_opt_tuple(d.get("jyutping")),
            gloss=d.get("gloss"),
            hsk=d.get("hsk"),
            pos=d.get("pos"),
            pinyin_unsure=unsure if any(unsure) else (),
        )


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of one language, exactly as the reader accepted it."""

    lang: Lang
    """``"en"`` or ``"zh"``, decided by the script of the text."""
    text: str
    """The paragraph's text (line ends normalised to ``\\n``, outer whitespace stripped)."""
    sentences: tuple[Sentence, ...] = ()
    """The sentences, in order; the gaps between them are whitespace only."""
    tokens: tuple[Token, ...] = ()
    """Chinese words with readings and glosses, once annotated; they join back into ``text``."""
    line: int | None = None
    """1-based line of the input file where the paragraph starts."""

    def sentence_texts(self) -> list[str]:
        """The text of each sentence."""
        return [self.text[s.start : s.end] for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """The number (within this paragraph) of the sentence that holds ``offset``.

        An offset in the blank between two sentences belongs to the sentence before it, one
        before the first sentence to the first. A paragraph without sentences answers 0.

        Examples:
            >>> from duizhao.text.sentences import split_sentences
            >>> text = "知識產權。貿易待拓展。"  # "Intellectual property. Trade awaits."
            >>> para = Paragraph("zh", text, split_sentences(text, "zh"))
            >>> para.sentence_at(0), para.sentence_at(5)
            (0, 1)
        """
        return max(0, bisect_right([s.start for s in self.sentences], offset) - 1)

    def to_dict(self, first_sentence: int | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text}
        d["sentences"] = [
            s.to_dict(self.text, None if first_sentence is None else first_sentence + i)
            for i, s in enumerate(self.sentences)
        ]
        if self.tokens:
            d["tokens"] = [t.to_dict(self.text) for t in self.tokens]
        d["line"] = self.line
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], lang: Lang) -> Paragraph:
        return cls(
            lang=lang,
            text=d["text"],
            sentences=tuple(Sentence.from_dict(s) for s in d.get("sentences", ())),
            tokens=tuple(Token.from_dict(t) for t in d.get("tokens", ())),
            line=d.get("line"),
        )


@dataclass(frozen=True)
class GlossaryEntry:
    """One line of the article's glossary."""

    term: str
    """The English term as written, e.g. ``cluster`` or ``memorandum of understanding``."""
    definition: str
    """The English definition (may be empty when the glossary gives only a translation)."""
    pos: str | None = None
    """Part of speech as given, normalised (``n.``, ``v.``, ``adj.``, …), or ``None``."""
    zh: tuple[str, ...] = ()
    """Teacher-given Chinese equivalents (``cluster【集群】：…``, or chosen in the corrections
    file), best first; empty if none. A given equivalent always wins over a found one."""
    line: int | None = None
    """1-based line of the input file."""
    no_counterpart: bool = False
    """The teacher says this article has no Chinese counterpart of the term: nothing is
    highlighted in the Chinese and no Chinese is shown for it."""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "term": self.term,
            "definition": self.definition,
            "pos": self.pos,
            "zh": list(self.zh),
            "line": self.line,
        }
        if self.no_counterpart:
            d["no_counterpart"] = True
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], schema: int = SCHEMA_VERSION) -> GlossaryEntry:
        if schema >= 2:
            given = d.get("zh") or []
        else:  # schema 1: "zh_given" (or, after parse, "zh" as a string); "zh" a list = found
            z = d.get("zh")
            given = d.get("zh_given") or ([z] if isinstance(z, str) else [])
        return cls(
            term=d["term"],
            definition=d.get("definition", ""),
            pos=d.get("pos"),
            zh=tuple(given),
            line=d.get("line"),
            no_counterpart=bool(d.get("no_counterpart", False)),
        )


@dataclass(frozen=True)
class Occurrence:
    """Where a term (or its Chinese counterpart) occurs in the text."""

    paragraph: int
    """Paragraph number (per language)."""
    sentence: int
    """Sentence number (per language, across the document)."""
    start: int
    """Offset into the paragraph text."""
    end: int
    """Offset just past the occurrence."""
    text: str
    """The text as written (``overtook`` for the term ``overtake``)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Occurrence:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Counterpart:
    """A candidate Chinese translation of a glossary term."""

    text: str
    """The Chinese word(s) as they appear in the article."""
    score: float
    """How strongly the evidence supports it (higher is better; 0–1)."""
    source: str = ""
    """Where it came from: ``given``, ``cedict``, ``alignment``, …"""
    pinyin: str | None = None
    """Pinyin (syllables joined by spaces) of a counterpart the Chinese text does not use (a
    teacher's equivalent), read as a word of its own; ``None`` otherwise (the text's tokens
    have the readings of the others)."""
    jyutping: str | None = None
    """Jyutping of the same, like :attr:`pinyin`."""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "score": self.score, "source": self.source}
        if self.pinyin is not None:
            d["pinyin"] = self.pinyin
        if self.jyutping is not None:
            d["jyutping"] = self.jyutping
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Counterpart:
        return cls(
            text=d["text"],
            score=float(d["score"]),
            source=d.get("source", ""),
            pinyin=d.get("pinyin"),
            jyutping=d.get("jyutping"),
        )


@dataclass(frozen=True)
class TermLink:
    """A glossary entry linked to the text: its occurrences and its Chinese counterpart."""

    entry: int
    """Index of the entry in :attr:`Document.glossary`."""
    counterparts: tuple[Counterpart, ...] = ()
    """Chinese counterparts, best first."""
    confidence: float = 0.0
    """Confidence in the best counterpart (0–1)."""
    uncertain: bool = False
    """The best counterpart is below the finder's confidence threshold: every output marks it
    "check" instead of printing it as fact (a given counterpart is never uncertain)."""
    en: tuple[Occurrence, ...] = ()
    """Every occurrence of the term, in any form, in the English text."""
    zh: tuple[Occurrence, ...] = ()
    """Every occurrence of the chosen counterpart in the Chinese text."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry": self.entry,
            "counterparts": [c.to_dict() for c in self.counterparts],
            "confidence": self.confidence,
            "uncertain": self.uncertain,
            "occurrences": {
                "en": [o.to_dict() for o in self.en],
                "zh": [o.to_dict() for o in self.zh],
            },
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TermLink:
        occ = d.get("occurrences", {})
        return cls(
            entry=int(d["entry"]),
            counterparts=tuple(Counterpart.from_dict(c) for c in d.get("counterparts", ())),
            confidence=float(d.get("confidence", 0.0)),
            uncertain=bool(d.get("uncertain", False)),
            en=tuple(Occurrence.from_dict(o) for o in occ.get("en", ())),
            zh=tuple(Occurrence.from_dict(o) for o in occ.get("zh", ())),
        )


@dataclass(frozen=True)
class Bead:
    """One alignment bead: units of each language that translate each other."""

    en: tuple[int, ...]
    """English unit numbers (paragraphs or sentences), possibly empty."""
    zh: tuple[int, ...]
    """Chinese unit numbers, possibly empty."""
    score: float = 0.0
    """Confidence of the bead, 0–1 (higher is better)."""
    low_confidence: bool = False
    """True when the aligner is unsure; the study sheet marks such pairs."""
    pinned: bool = False
    """True when the pair was fixed by the teacher rather than found by the aligner."""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"en": list(self.en), "zh": list(self.zh), "score": self.score}
        if self.low_confidence:
            d["low_confidence"] = True
        if self.pinned:
            d["pinned"] = True
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Bead:
        return cls(
            en=tuple(d["en"]),
            zh=tuple(d["zh"]),
            score=float(d.get("score", 0.0)),
            low_confidence=bool(d.get("low_confidence", False)),
            pinned=bool(d.get("pinned", False)),
        )


@dataclass(frozen=True)
class Alignment:
    """Paragraph and sentence alignment of a document."""

    paragraphs: tuple[Bead, ...] = ()
    """Paragraph beads, in reading order; every paragraph is in exactly one."""
    sentences: tuple[Bead, ...] = ()
    """Sentence beads (document-wide numbering), in order; every sentence is in exactly one."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraphs": [b.to_dict() for b in self.paragraphs],
            "sentences": [b.to_dict() for b in self.sentences],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Alignment:
        return cls(
            paragraphs=tuple(Bead.from_dict(b) for b in d.get("paragraphs", ())),
            sentences=tuple(Bead.from_dict(b) for b in d.get("sentences", ())),
        )


@dataclass(frozen=True)
class VocabItem:
    """A suggested vocabulary word beyond the glossary."""

    lang: Lang
    """``en`` (a word for learners of English) or ``zh`` (for learners of Chinese)."""
    word: str
    """Headword: the English lemma, or the Chinese word as written in the article."""
    forms: tuple[str, ...] = ()
    """The forms found in the article."""
    count: int = 0
    """How often it occurs."""
    level: float | None = None
    """Difficulty: Zipf frequency for English (lower is rarer), HSK level for Chinese."""
    translation: tuple[str, ...] = ()
    """Chinese counterparts of an English word, or English glosses of a Chinese word."""
    uncertain: bool = False
    """The translation is below the finder's confidence threshold: outputs mark it "check"."""
    pinyin: str | None = None
    """Pinyin of a Chinese word."""
    jyutping: str | None = None
    """Jyutping of a Chinese word."""
    occurrences: tuple[Occurrence, ...] = ()
    """Where it occurs."""
    reading_unsure: bool = False
    """A Chinese word whose pinyin holds a reading to check (:attr:`Token.pinyin_unsure`):
    outputs mark it "check"; serialised only when set."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "word": self.word,
            "forms": list(self.forms),
            "count": self.count,
            "level": self.level,
            "translation": list(self.translation),
            "uncertain": self.uncertain,
            "pinyin": self.pinyin,
            "jyutping": self.jyutping,
            "occurrences": [o.to_dict() for o in self.occurrences],
            **({"reading_unsure": True} if self.reading_unsure else {}),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], lang: Lang) -> VocabItem:
        return cls(
            lang=lang,
            word=d["word"],
            forms=tuple(d.get("forms", ())),
            count=int(d.get("count", 0)),
            level=d.get("level"),
            translation=tuple(d.get("translation", ())),
            uncertain=bool(d.get("uncertain", False)),
            pinyin=d.get("pinyin"),
            jyutping=d.get("jyutping"),
            occurrences=tuple(Occurrence.from_dict(o) for o in d.get("occurrences", ())),
            reading_unsure=bool(d.get("reading_unsure", False)),
        )


@dataclass(frozen=True)
class Vocabulary:
    """Suggested vocabulary for both kinds of learner."""

    en: tuple[VocabItem, ...] = ()
    """Less common English words, rarest first."""
    zh: tuple[VocabItem, ...] = ()
    """Chinese words above the chosen HSK level, hardest first."""

    def to_dict(self) -> dict[str, Any]:
        return {"en": [v.to_dict() for v in self.en], "zh": [v.to_dict() for v in self.zh]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Vocabulary:
        return cls(
            en=tuple(VocabItem.from_dict(v, "en") for v in d.get("en", ())),
            zh=tuple(VocabItem.from_dict(v, "zh") for v in d.get("zh", ())),
        )


# -- a teacher's corrections --------------------------------------------------------------------
#
# The corrections file beside an article (``NAME.duizhao.toml``) is read into a
# :class:`Corrections` that travels in the document (:attr:`Document.corrections`); each stage
# honours the part that concerns it. Every entry keeps the line of the file it came from, so an
# entry that no longer matches the article is reported as a warning naming that line.


@dataclass(frozen=True)
class CounterpartChoice:
    """The teacher's Chinese counterpart for a glossary term in this article."""

    term: str
    """The glossary term, as written in the glossary."""
    zh: str | None
    """The Chinese counterpart as written in the article, or ``None`` for "no counterpart"."""
    line: int | None = None
    """Line of the corrections file."""


@dataclass(frozen=True)
class Highlight:
    """A Chinese highlight of a glossary term the teacher added or removed."""

    term: str
    """The glossary term."""
    text: str
    """The Chinese text highlighted (or no longer highlighted)."""
    paragraph: int | None = None
    """Chinese paragraph number, or ``None`` for every occurrence of ``text``."""
    line: int | None = None
    """Line of the corrections file."""


@dataclass(frozen=True)
class ReadingFix:
    """The reading of a word in this article (either reading may be left as computed)."""

    word: str
    """The word as written in the article, e.g. ``知識``."""
    pinyin: tuple[str, ...] | None = None
    """Pinyin with tone marks, one per character, or ``None`` to keep the computed one."""
    jyutping: tuple[str, ...] | None = None
    """Jyutping with tone digits, one per character, or ``None`` to keep the computed one."""
    line: int | None = None
    """Line of the corrections file."""


@dataclass(frozen=True)
class GlossFix:
    """The English gloss of a Chinese word in this article, chosen or written by the teacher."""

    word: str
    """The word as written in the article."""
    gloss: str
    """The gloss to show (e.g. ``tram`` for 電車)."""
    line: int | None = None
    """Line of the corrections file."""


@dataclass(frozen=True)
class WordFix:
    """How a stretch of Chinese is cut into words in this article."""

    text: str
    """The characters, e.g. ``微細懸浮粒子`` or ``萬人次``."""
    parts: tuple[str, ...]
    """The words they are cut into, joining back into ``text``: ``("微細懸浮粒子",)`` keeps it
    whole, ``("萬", "人次")`` cuts it."""
    line: int | None = None
    """Line of the corrections file."""


@dataclass(frozen=True)
class VocabAddition:
    """A word the teacher adds to the vocabulary list."""

    lang: Lang
    """``en`` or ``zh``."""
    word: str
    """The word as written in the article."""
    translation: tuple[str, ...] = ()
    """Its Chinese counterparts (English word) or English glosses (Chinese word), if given."""
    line: int | None = None
    """Line of the corrections file."""


@dataclass(frozen=True)
class Corrections:
    """A teacher's corrections for one article, honoured by every stage and every output."""

    path: str | None = None
    """The corrections file they were read from."""
    pins: tuple[tuple[int, int], ...] = ()
    """``(English paragraph, Chinese paragraph)`` pairs that must be aligned together."""
    unpins: tuple[tuple[int, int], ...] = ()
    """``(English paragraph, Chinese paragraph)`` pairs that must not be aligned together."""
    counterparts: tuple[CounterpartChoice, ...] = ()
    """Chosen counterparts (or "none") per glossary term."""
    highlights_added: tuple[Highlight, ...] = ()
    """Chinese highlights to add."""
    highlights_removed: tuple[Highlight, ...] = ()
    """Chinese highlights to remove."""
    readings: tuple[ReadingFix, ...] = ()
    """Readings of words in this article."""
    glosses: tuple[GlossFix, ...] = ()
    """Glosses of words in this article."""
    words: tuple[WordFix, ...] = ()
    """Words to segment differently."""
    vocabulary_hidden: tuple[str, ...] = ()
    """Vocabulary suggestions to leave out (the word as listed)."""
    vocabulary_added: tuple[VocabAddition, ...] = ()
    """Words to add to the vocabulary lists."""
    sentence_pins: tuple[tuple[int, int], ...] = ()
    """``(English sentence, Chinese sentence)`` pairs that must be aligned together, numbered
    across the article as ``duizhao align`` shows them (inside paragraphs aligned together)."""
    pin_lines: tuple[int | None, ...] = ()
    """The line of the corrections file of each of :attr:`pins` (``None``: from :attr:`folded`)."""
    unpin_lines: tuple[int | None, ...] = ()
    """The line of each of :attr:`unpins`."""
    hidden_lines: tuple[int | None, ...] = ()
    """The line of each of :attr:`vocabulary_hidden`."""
    sentence_pin_lines: tuple[int | None, ...] = ()
    """The line of each of :attr:`sentence_pins`."""
    folded: str | None = None
    """The old pin file (``NAME.align.toml``) whose pins were read in with these, if any."""

    def line_of(self, field_name: str, index: int) -> int | None:
        """The corrections file's line of entry ``index`` of a field (``None`` if unknown).

        Examples:
            >>> Corrections(pins=((0, 1),), pin_lines=(3,)).line_of("pins", 0)
            3
        """
        parallel = {
            "pins": "pin_lines",
            "unpins": "unpin_lines",
            "vocabulary_hidden": "hidden_lines",
            "sentence_pins": "sentence_pin_lines",
        }
        if field_name in parallel:
            lines = getattr(self, parallel[field_name])
            return lines[index] if 0 <= index < len(lines) else None
        entry = getattr(self, field_name)[index]
        return getattr(entry, "line", None)

    def is_empty(self) -> bool:
        """Whether there is nothing to correct."""
        return not any(
            getattr(self, f)
            for f in self.__dataclass_fields__
            if f not in ("path", "folded") and not f.endswith("_lines")
        )


@dataclass(frozen=True)
class Document:
    """A bilingual article and everything the pipeline has learnt about it.

    Examples:
        >>> from duizhao.text.sentences import split_sentences
        >>> en, zh = "Trams are slow.", "電車很慢。"  # "trams are slow"
        >>> doc = Document(
        ...     en=(Paragraph("en", en, split_sentences(en, "en")),),
        ...     zh=(Paragraph("zh", zh, split_sentences(zh, "zh")),),
        ...     glossary=(GlossaryEntry("tram", "a vehicle on rails", zh=("電車",)),),
        ... )
        >>> doc.sentence_texts("zh"), doc.to_dict()["glossary"][0]["zh"]
        (['電車很慢。'], ['電車'])
        >>> Document.from_dict(doc.to_dict()) == doc
        True
    """

    meta: Meta = field(default_factory=Meta)
    """Source, date, titles."""
    en: tuple[Paragraph, ...] = ()
    """English paragraphs in reading order."""
    zh: tuple[Paragraph, ...] = ()
    """Chinese paragraphs in reading order."""
    glossary: tuple[GlossaryEntry, ...] = ()
    """The article's glossary, in its order."""
    alignment: Alignment | None = None
    """Paragraph and sentence alignment, once aligned."""
    links: tuple[TermLink, ...] = ()
    """Glossary entries linked to the text, once linked (one per entry, same order)."""
    vocabulary: Vocabulary | None = None
    """Suggested vocabulary, once computed."""
    script: Literal["traditional", "simplified"] | None = None
    """Script of the Chinese text if it was converted, else ``None`` (as written)."""
    warnings: tuple[str, ...] = ()
    """Problems the reader accepted but the user may want to know about (``file:line: …``)."""
    pins: tuple[tuple[int, int], ...] = ()
    """Teacher-pinned ``(English paragraph, Chinese paragraph)`` pairs the aligner must respect."""
    corrections: Corrections | None = None
    """The teacher's corrections file for this article, if any (every stage honours its part).
    Kept in Python only for now; its JSON form is the corrections file itself."""

    # -- navigation ---------------------------------------------------------------------------

    def paragraphs(self, lang: Lang) -> tuple[Paragraph, ...]:
        """The paragraphs of one language."""
        return self.en if lang == "en" else self.zh

    def sentences(self, lang: Lang) -> Iterator[tuple[int, int, Sentence]]:
        """Yield ``(sentence number, paragraph number, sentence)`` for one language, in order."""
        n = 0
        for p, para in enumerate(self.paragraphs(lang)):
            for s in para.sentences:
                yield n, p, s
                n += 1

    def sentence_texts(self, lang: Lang) -> list[str]:
        """The text of every sentence of one language, numbered as in :meth:`sentences`."""
        return [t for para in self.paragraphs(lang) for t in para.sentence_texts()]

    def first_sentence(self, lang: Lang) -> list[int]:
        """For each paragraph, the document-wide number of its first sentence."""
        out, n = [], 0
        for para in self.paragraphs(lang):
            out.append(n)
            n += len(para.sentences)
        return out

    # -- JSON ---------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form (see the README for every key)."""
        d: dict[str, Any] = {"schema": SCHEMA_VERSION, "meta": self.meta.to_dict()}
        for lang in LANGS:
            firsts = self.first_sentence(lang)
            d[lang] = {
                "paragraphs": [
                    para.to_dict(firsts[i]) for i, para in enumerate(self.paragraphs(lang))
                ]
            }
        links = {link.entry: link for link in self.links}
        glossary = []
        for i, entry in enumerate(self.glossary):
            e = entry.to_dict()
            if i in links:
                link = links[i].to_dict()
                e["counterparts"] = link["counterparts"]
                e["confidence"] = link["confidence"]
                e["uncertain"] = link["uncertain"]
                e["occurrences"] = link["occurrences"]
            glossary.append(e)
        d["glossary"] = glossary
        if self.script is not None:
            d["script"] = self.script
        if self.alignment is not None:
            d["alignment"] = self.alignment.to_dict()
        if self.vocabulary is not None:
            d["vocabulary"] = self.vocabulary.to_dict()
        if self.pins:
            d["pins"] = [list(p) for p in self.pins]
        d["warnings"] = list(self.warnings)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Document:
        """Read the JSON form back (the inverse of :meth:`to_dict`)."""
        schema = int(d.get("schema", SCHEMA_VERSION))
        glossary = tuple(GlossaryEntry.from_dict(e, schema) for e in d.get("glossary", ()))
        links = tuple(
            TermLink.from_dict({**e, "entry": i})
            for i, e in enumerate(d.get("glossary", ()))
            if "occurrences" in e
        )
        alignment = d.get("alignment")
        vocabulary = d.get("vocabulary")
        return cls(
            meta=Meta.from_dict(d.get("meta", {})),
            en=tuple(Paragraph.from_dict(p, "en") for p in d.get("en", {}).get("paragraphs", ())),
            zh=tuple(Paragraph.from_dict(p, "zh") for p in d.get("zh", {}).get("paragraphs", ())),
            glossary=glossary,
            alignment=Alignment.from_dict(alignment) if alignment is not None else None,
            links=links,
            vocabulary=Vocabulary.from_dict(vocabulary) if vocabulary is not None else None,
            script=d.get("script"),
            warnings=tuple(d.get("warnings", ())),
            pins=tuple((int(a), int(b)) for a, b in d.get("pins", ())),
        )


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON form, as shipped in
    ``duizhao/schema/document.schema.json`` (``duizhao schema`` prints it).

    Examples:
        >>> json_schema()["properties"]["schema"]["const"] == SCHEMA_VERSION
        True
    """
    import json
    from importlib.resources import files

    text = (files("duizhao") / "schema" / "document.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
