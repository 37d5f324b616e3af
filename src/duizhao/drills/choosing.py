"""Choosing a worksheet's questions: who gets which kinds, how much help, and the picking itself.

Every kind proposes candidate questions (a :class:`~duizhao.drills.exercises.Draft`); a
:class:`Chooser` per kind picks from them in turns with the other kinds, and a :class:`Board` of
what the sheet prints so far refuses a question that would print another's answer or whose answer
is printed already. Sentences are never shared (``Item.uses``). :func:`extra_options` adds the
distractors of a matching.

Examples:
    >>> AUDIENCE_KINDS["english"]
    ('cloze', 'match', 'zh', 'translate')
    >>> LEVELS["hard"]
    3
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence

from .exercises import Draft
from .model import Item

__all__ = ["AUDIENCE_KINDS", "LEVELS", "Board", "Chooser", "extra_options", "pos_class"]

#: The exercises each audience gets unless the teacher names them (``--for``); multiple choice
#: (``choice``) competes with the cloze for the same sentences and is asked for by name.
AUDIENCE_KINDS: Mapping[str, tuple[str, ...]] = {
    "english": ("cloze", "match", "zh", "translate"),
    "chinese": ("zh", "readings", "translate"),
    "both": ("cloze", "match", "zh", "readings", "translate"),
}
#: The help levels (:attr:`Worksheet.level`) and how many extra options a matching gets.
LEVELS: Mapping[str, int] = {"easy": 0, "medium": 2, "hard": 3}


def pos_class(pos: str) -> str:
    """A coarse part of speech shared by glossary tags and jieba's: n, v, a(dj), d (adverb).

    Examples:
        >>> pos_class("adj."), pos_class("vn"), pos_class("n."), pos_class("")
        ('a', 'v', 'n', '')
    """
    p = pos.strip().lower()
    if p.startswith("adj"):
        return "a"
    if p.startswith("adv"):
        return "d"
    if p.startswith("phr"):
        return "v"
    return p[:1] if p[:1] in ("n", "v", "a", "d") else ""


class Board:
    """What the sheet prints so far: a question whose answer is printed elsewhere, or whose
    text prints another's answer, does not go on it."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.answers: list[re.Pattern[str]] = []

    @staticmethod
    def _text(it: Item) -> str:
        return "".join(s.text for s in it.prompt)

    @staticmethod
    def _patterns(it: Item) -> list[re.Pattern[str]]:
        words = it.answers if not it.choices else (it.note,)  # a choice's answer is a letter
        return [re.compile(rf"\b{re.escape(a)}\b", re.IGNORECASE) for a in words if a]

    def fits(self, it: Item, blanks: bool) -> bool:
        """Whether ``it`` prints no answer of the sheet, and (a question with blanks) its
        answers are printed nowhere on it."""
        text = self._text(it)
        if any(p.search(text) for p in self.answers):
            return False
        return not blanks or not any(p.search(t) for p in self._patterns(it) for t in self.texts)

    def add(self, it: Item, blanks: bool) -> None:
        self.texts.append(self._text(it))
        if blanks:
            self.answers += self._patterns(it)


class Chooser:
    """Picks the questions of one kind, one at a time (the kinds take turns): up to ``count`` of
    them (for a cloze, ``count`` blanks), none using a sentence another question uses, preferred
    ones first, then those that drill a term not drilled yet; only a cloze drills a term twice."""

    def __init__(
        self,
        draft: Draft,
        count: int,
        rng: random.Random,
        blanks: bool,
        board: Board,
        answered: bool = False,
        sentences: bool = True,
    ) -> None:
        self.draft, self.count, self.blanks, self.board = draft, count, blanks, board
        #: its prompts are sentences of the articles (a matching's are the terms themselves,
        #: listed like a word bank: they are checked against nothing)
        self.sentences = sentences
        #: its questions have answers that must not be printed elsewhere (cloze, choice)
        self.answered = answered or blanks
        flags = list(draft.preferred) or [False] * len(draft.items)
        # a term with few candidate sentences is asked first, before another kind takes them
        per_term: dict[str, int] = {}
        for it in draft.items:
            for w in {w.lower() for w in it.listed}:
                per_term[w] = per_term.get(w, 0) + 1
        rarity = [min((per_term[w.lower()] for w in it.listed), default=0) for it in draft.items]
        self.order = list(range(len(draft.items)))
        rng.shuffle(self.order)
        self.order.sort(key=lambda i: (not flags[i], rarity[i]))  # stable: shuffled within
        self.chosen: list[int] = []
        self.covered: set[str] = set()
        self.total = 0

    def step(self, used: set[str]) -> bool:
        """Pick one more question if one fits; return whether one was picked."""
        for fresh_only in (True, False) if self.blanks else (True,):
            for i in self.order:
                if self.total >= self.count:
                    return False
                it = self.draft.items[i]
                if i in self.chosen or used.intersection(it.uses):
                    continue
                cost = len(it.answers) if self.blanks else 1
                if self.total + cost > self.count:
                    continue
                words = {w.lower() for w in it.listed}
                if fresh_only and words and words <= self.covered:
                    continue
                if self.sentences and not self.board.fits(it, self.answered):
                    continue
                self.chosen.append(i)
                if self.sentences:
                    self.board.add(it, self.answered)
                used.update(it.uses)
                self.covered |= words
                self.total += cost
                return True
        return False


def extra_options(
    draft: Draft, picks: Sequence[int], n: int, rng: random.Random
) -> tuple[str, ...]:
    """``n`` distractors for a matching: the right sides of questions not asked, then the
    draft's pool, those of the asked items' parts of speech first."""
    if n <= 0 or not draft.rights:
        return ()
    asked = {draft.rights[i] for i in picks}
    wanted = {pos_class(draft.items[i].hint) for i in picks} - {""}
    cands: list[tuple[str, str]] = [
        (draft.rights[i], draft.items[i].hint) for i in range(len(draft.items)) if i not in picks
    ]
    cands += list(draft.distractors)
    seen = set(asked)
    pool = []
    for text, pos in cands:
        if text and text not in seen:
            seen.add(text)
            pool.append((text, pos_class(pos)))
    rng.shuffle(pool)
    pool.sort(key=lambda c: 0 if c[1] and c[1] in wanted else (1 if not c[1] else 2))
    return tuple(t for t, _ in pool[:n])
