"""The kinds of exercise, one module each (a registry: see :mod:`duizhao.registry`).

A kind's module defines ``EXERCISE = ExerciseKind(...)``: its name (what ``--kinds`` takes), its
heading and instructions, where it comes on the sheet (``order``), how the template lays it out
(``layout``), and ``build``, which makes its candidate questions (a :class:`Draft`) from a
:class:`Request` — the documents, their terms and the teacher's options.
:func:`duizhao.drills.make_worksheets` does the rest the same way for every kind: it picks
``count`` questions with the seed (the draft's ``preferred`` ones first), notes a kind that has
none (``TITLE: skipped — WHY``), and arranges each version with the kind's ``arrange``
(:func:`in_order`, or :func:`arrange_matching` for lettered matching).

Adding a kind is adding one module here, e.g. ``exercises/spelling.py``::

    from ..model import Item, Span
    from . import Draft, ExerciseKind, Request

    def _build(req: Request) -> Draft:
        items = tuple(
            Item(key=f"spelling|{req.refs[t.article].label}|{t.term}",
                 prompt=(Span(t.definition, mark=True),), answers=(t.term,),
                 source=req.refs[t.article].label)
            for t in req.terms if t.glossary and t.definition
        )
        return Draft(items, why="no glossary entry has a definition")

    EXERCISE = ExerciseKind(
        name="spelling", title="Write the words", order=60, layout="readings", build=_build,
        instructions="Write the word of the article that each definition describes.",
    )

and ``--kinds spelling`` works, after the other kinds (``order`` 60). A kind that needs a new
layout also needs its block in ``worksheet.html.j2``; the layouts are :data:`LAYOUTS`.

Examples:
    >>> from duizhao.registry import discover
    >>> sorted(discover("duizhao.drills.exercises", "EXERCISE"))
    ['choice', 'cloze', 'match', 'readings', 'translate', 'zh']
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ...model import Document
from ..model import ArticleRef, Item, Option, Span, letter
from ..terms import Term

__all__ = [
    "LAYOUTS",
    "Draft",
    "ExerciseKind",
    "Pair",
    "Request",
    "arrange_matching",
    "in_order",
    "matching_draft",
]

#: The section layouts ``worksheet.html.j2`` knows, each named after the kind that first used
#: it: sentences with blanks and a word bank (``cloze``); a sentence with one blank and lettered
#: options (``choice``); a lettered matching table (``match``);
#: a marked Chinese word and a line to write on (``readings``); a Chinese sentence to translate,
#: two lines, and the model answer in the key (``translate``).
LAYOUTS = ("cloze", "choice", "match", "readings", "translate")


@dataclass(frozen=True)
class Request:
    """What every kind is built from: the documents, their terms and the teacher's options."""

    docs: tuple[Document, ...]
    """The annotated documents."""
    terms: tuple[Term, ...]
    """Their glossary terms (and suggested words): :func:`duizhao.drills.terms.gather_terms`."""
    refs: tuple[ArticleRef, ...]
    """One per document: its label goes into the items' keys and sources."""
    seed: int
    """Seed of every random choice (use :func:`duizhao.drills.seeding.rng`)."""
    reading: str = "pinyin"
    """What readings are asked: ``pinyin``, ``jyutping`` or ``both``."""
    word_bank: bool = True
    """Whether a kind with a word bank gives one."""
    kinds: tuple[str, ...] = ()
    """Every kind asked for on the sheet (a kind may avoid giving another's answers away)."""
    level: str = "medium"
    """How much help (:attr:`duizhao.drills.Worksheet.level`)."""

    @property
    def has_glossary(self) -> bool:
        """Whether any document has a glossary."""
        return any(d.glossary for d in self.docs)


@dataclass(frozen=True)
class Draft:
    """The candidate questions of one kind, before ``count`` cuts them."""

    items: tuple[Item, ...]
    """The questions, in reading order (version A keeps it)."""
    why: str = ""
    """When there are no items: why (the key shows ``TITLE: skipped — WHY``)."""
    preferred: tuple[bool, ...] = ()
    """One flag per item: flagged items (glossary terms) are chosen first; empty: all alike."""
    rights: tuple[str, ...] = ()
    """Matching: each item's right side (its answer), one per item."""
    right_lang: str = "en"
    """Matching: the language of the right sides."""
    title: str = ""
    """A heading other than the kind's (the zh matching turned round)."""
    instructions: str = ""
    """Instructions other than the kind's (a cloze without a word bank, Jyutping readings)."""
    distractors: tuple[tuple[str, str], ...] = ()
    """Matching: more right sides that answer no item, ``(text, part of speech or "")``: the
    articles' other words, added as extra options at the medium and hard levels (those of the
    items' part of speech first)."""


#: Arranges one version's questions: (items, rights, rng, right_lang, version, extra options)
#: -> items, options.
Arrange = Callable[
    [Sequence[Item], Sequence[str], random.Random, str, int, Sequence[str]],
    tuple[tuple[Item, ...], tuple[Option, ...]],
]


def in_order(
    items: Sequence[Item],
    rights: Sequence[str],
    rng: random.Random,
    right_lang: str,
    version: int,
    extra: Sequence[str] = (),
) -> tuple[tuple[Item, ...], tuple[Option, ...]]:
    """Version A keeps the article's order; the other versions are shuffled. No options."""
    if version > 0:
        return tuple(rng.sample(list(items), len(items))), ()
    return tuple(items), ()


def arrange_matching(
    items: Sequence[Item],
    rights: Sequence[str],
    rng: random.Random,
    right_lang: str,
    version: int = 0,
    extra: Sequence[str] = (),
) -> tuple[tuple[Item, ...], tuple[Option, ...]]:
    """Shuffle the items and the options; each item's answer becomes its option's letter.

    ``extra`` right sides (distractors) become options that answer no item. No item faces its
    own answer on its row (a giveaway), when there are two or more.
    """
    n = len(items)
    order = list(range(n))
    rng.shuffle(order)
    sides = list(rights[:n]) + list(extra)
    perm = list(range(len(sides)))
    # no item faces its own answer on its row (a giveaway): shuffle until none does (a random
    # permutation is such a derangement with odds of about 1/e, so a few tries are enough)
    for _ in range(200):
        rng.shuffle(perm)
        if n < 2 or all(perm[i] != order[i] for i in range(n)):
            break
    letters = [letter(i) for i in range(len(perm))]
    options = tuple(Option(letters[i], sides[perm[i]], right_lang) for i in range(len(perm)))
    where = {src: i for i, src in enumerate(perm)}
    out = tuple(replace(items[k], answers=(letters[where[k]],)) for k in order)
    return out, options


#: A matching pair: (key, left side, hint, right side, article label).
Pair = tuple[str, str, str, str, str]


def matching_draft(kind: str, pairs: Sequence[Pair], why: str, right_lang: str = "en") -> Draft:
    """The draft of a matching kind: one item per pair (its left side), the right sides apart.

    A single pair is nothing to match: it gives an empty draft.
    """
    if len(pairs) == 1:
        return Draft((), why="a single pair is nothing to match")
    items = tuple(
        Item(key=f"{kind}|{k}", prompt=(Span(left),), answers=(right,), hint=hint, source=src)
        for k, left, hint, right, src in pairs
    )
    return Draft(items, why=why, rights=tuple(p[3] for p in pairs), right_lang=right_lang)


@dataclass(frozen=True)
class ExerciseKind:
    """One kind of exercise (a plug-in: a module of this package defines ``EXERCISE``)."""

    name: str
    """What ``--kinds`` takes (``cloze``); also :attr:`~duizhao.drills.Section.kind`."""
    title: str
    """The section heading (``Fill in the blanks``)."""
    instructions: str
    """What the student has to do."""
    order: int
    """Where the kind comes on a worksheet and in :data:`~duizhao.drills.KINDS` (lowest first)."""
    layout: str
    """How ``worksheet.html.j2`` lays the section out: one of :data:`LAYOUTS`."""
    build: Callable[[Request], Draft]
    """Make the candidate questions."""
    arrange: Arrange = in_order
    """Arrange one version's questions (and options)."""
    word_bank: bool = False
    """The section gets a box of its questions' listed words (:attr:`Item.listed`), unless the
    teacher asks for none."""

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(
                f"exercise {self.name!r}: unknown layout {self.layout!r} (one of {LAYOUTS})"
            )
