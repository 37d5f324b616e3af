"""The interactive review in a terminal: :func:`review_session` shows each due card, waits for
Enter, shows the answer and asks for a rating, saving each rating at once.

A card is asked the way its audience learns: for the English class (``english``), the English term
and a stored sentence with it blanked, the Chinese and the definition as the answer; for a learner
of Chinese (``chinese``), the Chinese word (marked 【】 in a stored Chinese sentence where the bank
has one, a long one cut to the clauses around the word as on the review sheet:
:func:`.report.clause_around`), with its readings, its English meaning and the aligned English
sentence as the answer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from ..errors import InputError
from .cards import CLASS, Audience, DueItem, Reading, parse_rating
from .report import clause_around

if TYPE_CHECKING:
    from .review import ReviewMixin

__all__ = ["SessionResult", "review_session"]


@dataclass
class SessionResult:
    """What :func:`review_session` recorded."""

    reviewed: list[tuple[str, int]] = field(default_factory=list)
    """``(term, rating)`` in order."""
    stopped: bool = False
    """True when the user quit (``q``) or the input ended before the last card."""


def review_session(
    bank: ReviewMixin,
    items: Sequence[DueItem],
    *,
    learner: str = CLASS,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    when: Callable[[], datetime] | None = None,
    audience: Audience = "english",
    reading: Reading | None = None,
) -> SessionResult:
    """Review cards in the terminal: show the term, wait for Enter, show the answer, ask 1–4.

    The answer gives the readings ``reading`` asks for (``pinyin``, ``jyutping`` or ``both``;
    by default both to a learner of Chinese, the pinyin of the counterpart to the English class).

    Reads whole lines, so it works from a pipe (``printf '\\n3\\n' | duizhao bank review``).
    ``q`` or the end of the input stops; each rating is saved at once.
    """
    inp = stdin or sys.stdin
    out = stdout or sys.stdout
    clock = when or (lambda: datetime.now(UTC))
    result = SessionResult()

    def ask(prompt: str) -> str | None:
        out.write(prompt)
        out.flush()
        line = inp.readline()
        if not line:
            return None
        if not getattr(inp, "isatty", lambda: False)():
            out.write("\n")  # the answer was not echoed: keep the transcript readable
        return line.strip()

    for i, it in enumerate(items, 1):
        if audience == "chinese":
            out.write(f"\n[{i}/{len(items)}] {it.chinese or it.display}")
            if it.sentence and it.sentence_lang == "zh" and it.end > it.start:
                s, a, b = it.sentence, it.start, it.end
                before, after = clause_around(s[:a], s[a:b], s[b:])  # as the due sheet cuts it
                out.write(f"\n    {before}【{s[a:b]}】{after}")
        else:
            out.write(f"\n[{i}/{len(items)}] {it.display}")
            if it.sentence:
                blanked = it.sentence[: it.start] + "____" + it.sentence[it.end :]
                out.write(f"\n    {blanked}")
        answer = ask("\n(Enter: show the answer, q: stop) ")
        if answer is None or answer.lower() == "q":
            result.stopped = True
            break
        if audience == "chinese":
            readings = it.readings_as(reading or "both")
            parts = [p for p in (readings, it.meaning) if p]
        else:
            unsure = "? check (no certain Chinese)" if it.uncertain and not it.zh else None
            shown = it.readings_as(reading or "pinyin")
            parts = [p for p in (it.zh or unsure, shown, it.definition) if p]
        out.write(f"    = {' | '.join(parts) or '(no definition stored)'}\n")
        if it.other:  # the aligned sentence: the Chinese of an English one, or the English
            out.write(f"    {it.other}\n")
        rating = None
        while rating is None:
            text = ask("rating 1 Again, 2 Hard, 3 Good, 4 Easy (q: stop): ")
            if text is None or text.lower() == "q":
                result.stopped = True
                break
            try:
                rating = parse_rating(text)
            except InputError:
                out.write("please type 1, 2, 3 or 4\n")
        if rating is None:
            break
        card = bank.review(it.word, rating, learner=learner, when=clock(), audience=audience)
        out.write(f"    next review: {card.due.date().isoformat()}\n")
        result.reviewed.append((it.display, rating))
    out.write(f"\n{len(result.reviewed)} reviewed\n")
    return result
