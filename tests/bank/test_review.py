"""Spaced repetition in the bank: FSRS schedules, CSV results."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from duizhao.bank import TermBank, render_due
from duizhao.errors import InputError
from duizhao.model import Document

from .helpers import dump


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=UTC)


def test_due_follows_fsrs_schedule(seed: Document, tmp_path: Path) -> None:
    import fsrs

    db = tmp_path / "r.sqlite3"
    term = seed.glossary[0].term
    other = seed.glossary[1].term
    ratings = [3, 3, 1, 2, 4, 3]
    start = date(2025, 9, 3)
    ref_sched = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    ref = fsrs.Card(card_id=1, due=_midnight(start))
    with TermBank(db) as bank:
        bank.add(seed)
        day = start
        assert bank.due(day) == []
        assert [i.word for i in bank.due(day, new=1)] == [term.lower()]
        for rating in ratings:
            # reviewed on the day it falls due, as a class would
            card = bank.review(term, rating, when=day)
            bank.review(other, 3, when=day, learner="amy")
            ref, _ = ref_sched.review_card(ref, fsrs.Rating(rating), _midnight(day))
            assert card.due == ref.due
            assert card.stability == pytest.approx(ref.stability)
            assert card.difficulty == pytest.approx(ref.difficulty)
            next_day = ref.due.date()
            assert next_day > day
            for d in (day, next_day - timedelta(days=1)):
                assert term.lower() not in [i.word for i in bank.due(d)]
            due = bank.due(next_day)
            assert [i.word for i in due] == [term.lower()]
            assert due[0].state == "review"
            assert due[0].sentence and due[0].sentence[due[0].start : due[0].end]
            day = next_day
        # the intervals grew as FSRS says (not a fixed ladder), and other learners are separate
        assert bank.card(term, learner="amy") is None
        assert bank.card(other) is None
        assert bank.learners() == ["amy", "class"]
        html = render_due(bank.due(day), day)
        assert "Review" in html and day.isoformat() in html


def test_review_csv_matches_api_and_is_all_or_nothing(seed: Document, tmp_path: Path) -> None:
    term = seed.glossary[0].term
    csv_path = tmp_path / "results.csv"
    csv_path.write_text(
        "Term,Rating,Date\n"
        f"{term},good,2025-09-03\n"
        f"{term.upper()},3,2025-09-06\n"  # any case
        f"{term},again,2025-09-20\n",
        encoding="utf-8",
    )
    with TermBank(tmp_path / "a.sqlite3") as a, TermBank(tmp_path / "b.sqlite3") as b:
        a.add(seed)
        b.add(seed)
        assert a.review_csv(csv_path) == 3
        b.review(term, 3, when="2025-09-03")
        b.review(term, "good", when="2025-09-06")
        b.review(term, 1, when="2025-09-20")
        assert a.card(term).to_dict() == b.card(term).to_dict()
        before = dump(a.path)
        bad = tmp_path / "bad.csv"
        bad.write_text(f"term,rating,date\n{term},3,2025-10-30\nnot-a-term,3,2025-10-31\n")
        with pytest.raises(InputError, match=r"bad\.csv:3: 'not-a-term'"):
            a.review_csv(bad)
        bad.write_text(f"term,rating\n{term},7\n")
        with pytest.raises(InputError, match=r"bad\.csv:2: rating"):
            a.review_csv(bad)
        bad.write_text(f"term,rating,date\n{term},3,2025-01-01\n")
        with pytest.raises(InputError, match="before the card's last review"):
            a.review_csv(bad)
        bad.write_text("word,score\nx,1\n")
        with pytest.raises(InputError, match="header"):
            a.review_csv(bad)
        assert dump(a.path) == before
