"""The worksheet as plain data: Worksheet → Section → Item → Span, with Option and ArticleRef.

Frozen dataclasses a custom template can walk (``worksheet.html.j2`` is one such template);
:meth:`Worksheet.to_dict` gives the same data as plain dicts and lists, ready for JSON.

Examples:
    >>> item = Item(key="cloze|2025-09-02|3|cluster", answers=("clusters",),
    ...             prompt=(Span("Shenzhen leads the "), Span("", blank=0), Span(".")))
    >>> "".join(item.answers[s.blank] if s.blank is not None else s.text for s in item.prompt)
    'Shenzhen leads the clusters.'
    >>> letter(0), letter(25), letter(26)
    ('A', 'Z', 'AA')
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..errors import ContentError, DuizhaoError

__all__ = [
    "ArticleRef",
    "DrillError",
    "Item",
    "NothingToDrillError",
    "Option",
    "Section",
    "Span",
    "Worksheet",
    "letter",
]


class DrillError(DuizhaoError):
    """No worksheet or export can be made from the documents (e.g. nothing to drill)."""


class NothingToDrillError(DrillError, ContentError):
    """The documents have nothing a worksheet or an export could ask (the command line names
    their files)."""


@dataclass(frozen=True)
class Span:
    """A piece of an item's prompt (or model answer): plain text, a blank, or a marked word."""

    text: str
    """The text shown (empty for a blank)."""
    blank: int | None = None
    """For a blank: the index into :attr:`Item.answers` of what was removed here."""
    mark: bool = False
    """The piece is marked: the word to romanise, or the term in a model answer."""


@dataclass(frozen=True)
class Item:
    """One numbered question of a section."""

    key: str
    """What the question is about, the same in every version (``cloze|ARTICLE|term|sentence``)."""
    prompt: tuple[Span, ...]
    """The question as shown: for a cloze the sentence with blanks, for matching the term."""
    answers: tuple[str, ...]
    """One answer per blank (cloze), the letter of the right option (matching), the reading
    (readings) or the model answer (translation)."""
    lang: str = "en"
    """Language of the prompt (``en``, ``zh-Hant`` or ``zh-Hans``)."""
    hint: str = ""
    """Shown with the question: ``use: metric`` (translation), the part of speech (matching)."""
    note: str = ""
    """Shown in the key only: the listed form (``overtake``) or where the sentence comes from."""
    source: str = ""
    """Label of the article the item comes from (shown when a sheet covers several articles)."""
    model: tuple[Span, ...] = ()
    """The model answer as spans (translation: the English original with the term marked)."""
    listed: tuple[str, ...] = ()
    """Cloze: for each answer, the word as the glossary lists it (``overtake`` for ``overtook``)."""
    uses: tuple[str, ...] = ()
    """The sentences the item shows or answers with (``ARTICLE|en|12``, ``ARTICLE|zh|7``): no
    two items of a worksheet share one, so no sentence is set twice and no item's answer is
    printed in another."""
    first: int = 0
    """Cloze: the worksheet-wide number of its first blank (blanks are numbered 1, 2, … across
    the section: ``--count`` counts blanks)."""
    choices: tuple[str, ...] = ()
    """Multiple choice: the options (a), (b), …, the same in every version; the answer is the
    letter, :attr:`note` the word."""


@dataclass(frozen=True)
class Option:
    """One lettered choice of a matching section."""

    letter: str
    """``A``, ``B``, …"""
    text: str
    """The definition or the Chinese word."""
    lang: str = "en"
    """Language of the text."""


@dataclass(frozen=True)
class Section:
    """One part of a worksheet: a kind of exercise with its numbered items."""

    kind: str
    """One of :data:`~duizhao.drills.KINDS`."""
    title: str
    """Heading, e.g. ``Fill in the blanks``."""
    instructions: str
    """What the student has to do."""
    items: tuple[Item, ...]
    """The questions, numbered from 1 in this order."""
    options: tuple[Option, ...] = ()
    """Matching: the lettered choices (a permutation of the items' right sides)."""
    word_bank: tuple[str, ...] = ()
    """Cloze: the words to choose from, as listed in the glossary."""
    letters: bool = False
    """Cloze: each blank shows the first letter of its answer (the easy level)."""
    layout: str = ""
    """How the template lays the section out: ``cloze`` (sentences with blanks), ``match``
    (a lettered matching table), ``readings`` (a marked word and a line to write on) or
    ``translate`` (a sentence and two lines); empty: the layout named like :attr:`kind`."""

    @property
    def marks(self) -> int:
        """One mark per answer: per blank of a cloze, per question of the other kinds."""
        return sum(len(it.answers) for it in self.items)

    @property
    def spare_note(self) -> str:
        """A matching table with more answers than questions says so, after its instructions
        (``2 of the 6 answers on the right are not used.``); else empty."""
        spare = len(self.options) - len(self.items)
        if (self.layout or self.kind) != "match" or spare <= 0:
            return ""
        verb = "is" if spare == 1 else "are"
        return f"{spare} of the {len(self.options)} answers on the right {verb} not used."


@dataclass(frozen=True)
class ArticleRef:
    """An article a worksheet is made from."""

    label: str
    """Short label used on items (the date, else the file stem)."""
    title: str
    """The English title, else the Chinese one, else the file stem."""
    title_zh: str | None = None
    """The Chinese title."""
    source: str | None = None
    """Publisher or column."""
    date: str | None = None
    """ISO date."""


@dataclass(frozen=True)
class Worksheet:
    """A printable worksheet and its answer key (one version)."""

    title: str
    """Heading of the sheet."""
    version: str
    """``A``, ``B``, …"""
    versions: int
    """How many versions were made (the version letter is shown when more than one)."""
    seed: int
    """The seed it was made with."""
    sections: tuple[Section, ...]
    """The parts, in the order of :data:`~duizhao.drills.KINDS` (only the kinds asked for and
    possible)."""
    articles: tuple[ArticleRef, ...]
    """The articles it draws on."""
    notes: tuple[str, ...] = ()
    """Messages for the teacher: kinds that were skipped and why."""
    reading: str = "pinyin"
    """What the readings section asks for: ``pinyin``, ``jyutping`` or ``both``."""
    level: str = "medium"
    """How much help: ``easy`` (word bank and first letters, no extra options), ``medium``
    (word bank, two extra options to match) or ``hard`` (no word bank, three extra options)."""
    audience: str = "both"
    """Who it is for: ``english``, ``chinese`` or ``both`` (which kinds were chosen)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (plain dicts and lists)."""
        return asdict(self)


def letter(i: int) -> str:
    """The letter of the ``i``-th version or option, counting from 0: ``A`` … ``Z``, ``AA`` …"""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
