"""What a review card is: the ratings, the two audiences, and a due item.

A learner has one FSRS card per term and audience (:data:`AUDIENCES`): ``english``, the English
class's (the English term asked, its Chinese the clue), and ``chinese``, a learner of Chinese's
(asked from the Chinese). :class:`DueItem` is a card due on a day with what the sheet and the
terminal review show; :func:`parse_rating` and :func:`check_audience` read what a user typed.

Examples:
    >>> parse_rating("Good"), parse_rating(" 4 "), check_audience("ZH")
    (3, 4, 'chinese')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..errors import DuizhaoError, InputError
from ..output.readings import pronunciation

__all__ = [
    "AUDIENCES",
    "CLASS",
    "RATINGS",
    "READINGS",
    "Audience",
    "DueItem",
    "Reading",
    "check_audience",
    "parse_rating",
]

#: Whose schedule a card is: the English class's or a learner of Chinese's.
Audience = Literal["english", "chinese"]

#: The audiences, as ``--for`` and the CSV's ``for`` column name them.
AUDIENCES: tuple[Audience, ...] = ("english", "chinese")

#: Which readings a Chinese word is shown with (``bank due --reading``, as ``drill --reading``).
Reading = Literal["pinyin", "jyutping", "both"]

#: The readings, as ``--reading`` names them.
READINGS: tuple[Reading, ...] = ("pinyin", "jyutping", "both")

#: The learner name used for a whole class reviewing together.
CLASS = "class"

#: Ratings as FSRS numbers them.
RATINGS = {"again": 1, "hard": 2, "good": 3, "easy": 4}


@dataclass(frozen=True)
class DueItem:
    """A term due for review, with what the review sheet and the terminal review need."""

    lang: str
    word: str
    display: str
    due: str | None
    """When it falls due (ISO datetime, UTC), or ``None`` for a term never reviewed."""
    state: str
    """``new``, ``learning``, ``review`` or ``relearning``."""
    definition: str | None = None
    zh: str | None = None
    """Chinese counterpart (English terms) or gloss (Chinese words)."""
    reading: str | None = None  # pinyin (a Chinese word's; an English term's counterpart's)
    jyutping: str | None = None  # Jyutping, likewise
    sentence: str | None = None
    """A stored sentence using the term (from its latest article; asked from the Chinese, a
    Chinese sentence, an English term's where its counterpart occurs)."""
    start: int = 0
    """Offset of the term in ``sentence``."""
    end: int = 0
    other: str | None = None
    """The aligned sentence of the other language."""
    date: str | None = None
    """Date of the article the sentence comes from."""
    uncertain: bool = False
    """An English glossary term whose Chinese counterpart is uncertain (shown "? check")."""
    sentence_lang: str | None = None
    """The language of ``sentence`` (``en`` or ``zh``; ``None`` without one)."""

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @property
    def chinese(self) -> str | None:
        """What a learner of Chinese is asked: the Chinese word, or an English term's certain
        counterpart (``None`` when it has none)."""
        return self.display if self.lang == "zh" else self.zh

    @property
    def meaning(self) -> str:
        """The answer of a card asked from the Chinese: a Chinese word's English gloss, or the
        English term (with its definition) a counterpart translates."""
        if self.lang == "zh":
            return self.zh or "-"
        return f"{self.display}: {self.definition}" if self.definition else self.display

    @property
    def readings(self) -> str:
        """The pinyin and Jyutping, ``jí qún / zaap6 kwan4`` (either alone where the other is
        missing, empty without both)."""
        return self.readings_as("both")

    def readings_as(self, reading: str = "both") -> str:
        """The readings ``reading`` asks for: ``pinyin``, ``jyutping`` or ``both`` (``jí qún /
        zaap6 kwan4``); empty when the word has not that one.

        Raises:
            DuizhaoError: Another ``reading``.
        """
        if reading not in READINGS:
            raise DuizhaoError(f"unknown reading {reading!r} (pinyin, jyutping or both)")
        return pronunciation(self.reading, self.jyutping, reading)

    @property
    def askable_in_chinese(self) -> bool:
        """Whether it can be asked from the Chinese: a Chinese word, or an English term with a
        certain counterpart and its reading."""
        return self.lang == "zh" or bool(self.zh and self.reading)


def parse_rating(value: str | int, *, path: str = "<input>", line: int | None = None) -> int:
    """A rating as a number 1–4 from ``1``…``4`` or ``again``/``hard``/``good``/``easy``.

    Raises:
        InputError: Anything else.
    """
    text = str(value).strip().lower()
    if text in RATINGS:
        return RATINGS[text]
    if text in {"1", "2", "3", "4"}:
        return int(text)
    raise InputError(path, line, f"rating must be 1-4 or again/hard/good/easy, not {value!r}")


def check_audience(value: str, *, path: str = "<input>", line: int | None = None) -> Audience:
    """``english`` or ``chinese`` (any case, ``en``/``zh`` too).

    Raises:
        InputError: Anything else.
    """
    text = str(value).strip().lower()
    text = {"en": "english", "zh": "chinese"}.get(text, text)
    if text == "english":
        return "english"
    if text == "chinese":
        return "chinese"
    raise InputError(path, line, f"'for' must be english or chinese, not {value!r}")
