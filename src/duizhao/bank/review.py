"""Spaced repetition: ratings, FSRS cards per learner, what is due on a day.

:class:`ReviewMixin` holds the review methods of :class:`~duizhao.bank.TermBank`
(:meth:`~ReviewMixin.review`, :meth:`~ReviewMixin.review_csv`, :meth:`~ReviewMixin.card`,
:meth:`~ReviewMixin.learners`, :meth:`~ReviewMixin.due`). It is a mixin so that ``TermBank`` stays
the one object a user opens while the review code has a module of its own; it needs ``self.conn``
and the scheduler given to ``TermBank`` (``self._scheduler``).

Reviews use FSRS v6 (the ``fsrs`` package) with :func:`default_scheduler`: a class reviews at most
once a day, so there are no same-day steps, and no fuzz, so the same ratings give the same dates.
:func:`review_session` is the interactive review in a terminal; the "due today" sheet is in
:mod:`.report`.

Each learner has two schedules (schema version 4), one per ``audience``: ``english``, the English
class's cards (the English term asked, its Chinese the clue) and ``chinese``, a learner of
Chinese's (asked from the Chinese: a Chinese vocabulary word, or a glossary term's certain
counterpart). Rating a term for one audience leaves its card for the other as it was.

Examples:
    >>> default_scheduler().enable_fuzzing
    False
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..text.script import term_lang
from .cards import CLASS, Audience, DueItem, check_audience, parse_rating
from .concordance import aligned
from .rows import Kind, normalise_term
from .schema import Transaction
from .when import as_date, as_datetime, parse_when

if TYPE_CHECKING:
    import fsrs

__all__ = ["ReviewMixin", "default_scheduler"]

_STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


def default_scheduler() -> fsrs.Scheduler:
    """The FSRS scheduler of a class that reviews at most once a day.

    FSRS v6 defaults, except: no same-day learning or relearning steps (a rating moves the card
    straight to a whole number of days) and no fuzz (handouts can be regenerated exactly).
    """
    import fsrs

    return fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


class ReviewMixin:
    """The review methods of :class:`~duizhao.bank.TermBank` (see the module docstring)."""

    conn: sqlite3.Connection
    _scheduler: fsrs.Scheduler | None

    @property
    def scheduler(self) -> fsrs.Scheduler:
        """The FSRS scheduler (:func:`default_scheduler` unless ``TermBank`` was given one)."""
        if self._scheduler is None:
            self._scheduler = default_scheduler()
        return self._scheduler

    def _resolve(self, term: str, *, path: str = "<input>", line: int | None = None) -> int:
        lang = term_lang(term)
        word = normalise_term(term, lang)
        r = self.conn.execute(
            "SELECT t.id FROM term t WHERE t.lang = ? AND t.word = ? "
            "AND EXISTS (SELECT 1 FROM article_term at WHERE at.term_id = t.id)",
            (lang, word),
        ).fetchone()
        if r is None and lang == "zh":  # a glossary term's certain counterpart (asked in Chinese)
            r = self.conn.execute(
                "SELECT at.term_id FROM article_term at WHERE at.kind = 'glossary' AND at.zh = ? "
                "ORDER BY at.article_id DESC LIMIT 1",
                (word,),
            ).fetchone()
        if r is None:
            raise InputError(path, line, f"{term!r} is not a term of any article in the bank")
        return int(r[0])

    def _card(self, learner: str, term_id: int, audience: Audience = "english") -> fsrs.Card:
        import fsrs

        r = self.conn.execute(
            "SELECT * FROM card WHERE learner = ? AND audience = ? AND term_id = ?",
            (learner, audience, term_id),
        ).fetchone()
        if r is None:
            return fsrs.Card(card_id=term_id, due=datetime(1970, 1, 1, tzinfo=UTC))
        return fsrs.Card(
            card_id=term_id,
            state=fsrs.State(r["state"]),
            step=r["step"],
            stability=r["stability"],
            difficulty=r["difficulty"],
            due=datetime.fromisoformat(r["due"]),
            last_review=datetime.fromisoformat(r["last_review"]) if r["last_review"] else None,
        )

    def _review_one(
        self,
        c: sqlite3.Connection,
        learner: str,
        term_id: int,
        rating: int,
        when: datetime,
        duration_ms: int | None,
        *,
        audience: Audience = "english",
        path: str = "<input>",
        line: int | None = None,
    ) -> fsrs.Card:
        import fsrs

        card = self._card(learner, term_id, audience)
        if card.last_review is not None and when < card.last_review:
            raise InputError(
                path,
                line,
                f"review dated {when.isoformat()} is before the card's last review "
                f"({card.last_review.isoformat()})",
            )
        card, _log = self.scheduler.review_card(card, fsrs.Rating(rating), when, duration_ms)
        c.execute(
            "INSERT OR REPLACE INTO card (learner, audience, term_id, state, step, stability, "
            "difficulty, due, last_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                learner,
                audience,
                term_id,
                int(card.state),
                card.step,
                card.stability,
                card.difficulty,
                card.due.isoformat(),
                card.last_review.isoformat() if card.last_review else None,
            ),
        )
        c.execute(
            "INSERT INTO review_log (learner, audience, term_id, rating, reviewed_at, duration_ms) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (learner, audience, term_id, rating, when.isoformat(), duration_ms),
        )
        return card

    def review(
        self,
        term: str,
        rating: int | str,
        *,
        learner: str = CLASS,
        when: date | datetime | str | None = None,
        duration_ms: int | None = None,
        audience: Audience = "english",
    ) -> fsrs.Card:
        """Record one rating of a term and reschedule it with FSRS.

        Args:
            term: A glossary term or vocabulary word in the bank.
            rating: 1–4 or ``again``/``hard``/``good``/``easy``.
            learner: Whose card (``"class"`` for the whole class).
            when: When the review happened (a date means its midnight UTC; default now).
            duration_ms: How long the answer took, if known.
            audience: Which schedule: ``english`` (the English class's) or ``chinese`` (asked
                from the Chinese).

        Returns:
            The card after the review (``card.due`` is when it is next due).

        Raises:
            InputError: Unknown term, bad rating, or a review dated before the last one.
        """
        r = parse_rating(rating)
        audience = check_audience(audience)
        with Transaction(self.conn) as c:
            tid = self._resolve(term)
            return self._review_one(
                c, learner, tid, r, as_datetime(when), duration_ms, audience=audience
            )

    def review_csv(
        self,
        path: str | os.PathLike[str],
        *,
        learner: str = CLASS,
        audience: Audience = "english",
    ) -> int:
        """Record the ratings of a CSV file, all or nothing (one transaction).

        The file has a header with ``term`` and ``rating`` columns, and optionally ``date``
        (ISO date or datetime; default now), ``learner`` (default the ``learner`` argument) and
        ``for`` (``english`` or ``chinese``: default the ``audience`` argument). Rows are
        applied in date order (stable).

        Returns:
            The number of ratings recorded.

        Raises:
            InputError: Missing file or columns, a bad rating or date, an unknown term.
        """
        p = str(path)
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                fields = [h.strip().lower() for h in (reader.fieldnames or [])]
                reader.fieldnames = fields
                if "term" not in fields or "rating" not in fields:
                    raise InputError(p, 1, "the header must name the columns 'term' and 'rating'")
                parsed = []
                for row in reader:
                    line = reader.line_num
                    term = (row.get("term") or "").strip()
                    if not term:
                        raise InputError(p, line, "empty term")
                    rating = parse_rating(row.get("rating") or "", path=p, line=line)
                    raw = (row.get("date") or "").strip()
                    when = as_datetime(parse_when(raw, path=p, line=line) if raw else None)
                    who = (row.get("learner") or "").strip() or learner
                    side = (row.get("for") or "").strip()
                    aud = check_audience(side, path=p, line=line) if side else audience
                    parsed.append((when, line, term, rating, who, aud))
        except OSError as e:
            raise InputError(p, None, f"cannot read: {e.strerror or e}") from e
        except (UnicodeDecodeError, csv.Error) as e:
            raise InputError(p, None, f"not a UTF-8 CSV file ({e})") from e
        parsed.sort(key=lambda x: x[0])
        with Transaction(self.conn) as c:
            for when, line, term, rating, who, aud in parsed:
                tid = self._resolve(term, path=p, line=line)
                self._review_one(c, who, tid, rating, when, None, audience=aud, path=p, line=line)
        return len(parsed)

    def card(
        self, term: str, *, learner: str = CLASS, audience: Audience = "english"
    ) -> fsrs.Card | None:
        """The stored FSRS card of a term for a learner and audience, or ``None`` if never
        reviewed so."""
        tid = self._resolve(term)
        audience = check_audience(audience)
        if self.conn.execute(
            "SELECT 1 FROM card WHERE learner = ? AND audience = ? AND term_id = ?",
            (learner, audience, tid),
        ).fetchone():
            return self._card(learner, tid, audience)
        return None

    def next_due(
        self, *, learner: str = CLASS, audience: Audience = "english"
    ) -> tuple[str, str] | None:
        """The card a learner reviews next: ``(term, due)`` (ISO datetime, UTC), or ``None``
        without a card."""
        r = self.conn.execute(
            "SELECT t.word, c.due FROM card c JOIN term t ON t.id = c.term_id "
            "WHERE c.learner = ? AND c.audience = ? ORDER BY c.due, c.term_id LIMIT 1",
            (learner, check_audience(audience)),
        ).fetchone()
        return (r["word"], r["due"]) if r else None

    def learners(self) -> list[str]:
        """Every learner with at least one card."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT learner FROM card ORDER BY 1")]

    def due(
        self,
        on: date | str | None = None,
        *,
        learner: str = CLASS,
        new: int = 0,
        kind: Kind | None = "glossary",
        audience: Audience = "english",
    ) -> list[DueItem]:
        """The terms due for review on a date: cards whose next review falls on or before it.

        Args:
            on: The date (default today, UTC).
            learner: Whose cards.
            new: Also this many terms never reviewed (from articles dated on or before ``on``,
                oldest first), to start learning them.
            kind: Which terms count for ``new``: ``glossary`` terms (default), ``vocab``, or both
                (``None``). Reviewed cards are due whatever their kind.
            audience: Whose schedule: ``english`` (default) or ``chinese``. For ``chinese``, the
                ``new`` terms are only those that can be asked from the Chinese (a Chinese word,
                or a glossary term with a certain counterpart and its reading), so ``new=5``
                gives five questions.

        Returns:
            Items most overdue first, then the new ones; each with a stored sentence to drill.
        """
        day = as_date(on)
        audience = check_audience(audience)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC).isoformat()
        rows = list(
            self.conn.execute(
                "SELECT c.term_id, c.due, c.state FROM card c WHERE c.learner = ? "
                "AND c.audience = ? AND c.due < ? ORDER BY c.due, c.term_id",
                (learner, audience, end),
            )
        )
        items = [(r["term_id"], r["due"], _STATE_NAMES.get(r["state"], "review")) for r in rows]
        if new > 0:
            # Oldest articles first, stopping as soon as enough never-reviewed terms are found.
            kinds = ("glossary", "vocab") if kind is None else (kind,)
            q = ",".join("?" * len(kinds))
            # asked from the Chinese: a Chinese word, or a term with a certain counterpart
            askable = (
                "AND (at.kind = 'vocab' AND (SELECT lang FROM term WHERE id = at.term_id) = 'zh' "
                "OR at.kind = 'glossary' AND at.zh IS NOT NULL AND at.pinyin IS NOT NULL)"
                if audience == "chinese"
                else ""
            )
            fresh: list[int] = []
            for when in ("a.date <= ?", "a.date IS NULL AND ? IS NOT NULL"):
                cur = self.conn.execute(
                    f"""SELECT at.term_id FROM article a CROSS JOIN article_term at
                        WHERE at.article_id = a.id AND at.kind IN ({q}) AND {when} {askable}
                        AND NOT EXISTS (SELECT 1 FROM card c WHERE c.learner = ?
                                        AND c.audience = ? AND c.term_id = at.term_id)
                        ORDER BY a.date, a.id""",
                    (*kinds, day.isoformat(), learner, audience),
                )
                for (tid,) in cur:
                    if tid not in fresh:
                        fresh.append(tid)
                        if len(fresh) == new:
                            break
                cur.close()
                if len(fresh) == new:
                    break
            items += [(tid, None, "new") for tid in fresh]
        used: set[tuple[int, str, int]] = set()
        ids = {tid for tid, _, _ in items}
        return [
            self._due_item(t, d, st, day, used, ids - {t}, audience=audience) for t, d, st in items
        ]

    def _latest(self, sql: str, args: tuple[Any, ...], day: date, limit: int) -> list[sqlite3.Row]:
        """Rows of ``sql`` (which ends in a date condition placeholder ``{when}``), newest article
        on or before ``day`` first; else from later or undated articles."""
        rows = list(self.conn.execute(sql.format(when="a.date <= ?"), (*args, day.isoformat())))
        if len(rows) < limit:
            rows += list(
                self.conn.execute(
                    sql.format(when="(a.date > ? OR a.date IS NULL)"), (*args, day.isoformat())
                )
            )
        return rows[:limit]

    def _uses_any(self, article: int, lang: str, n: int, terms: Iterable[int]) -> bool:
        """Whether sentence ``n`` holds an occurrence of any of ``terms``."""
        ids = list(terms)
        sql = "SELECT 1 FROM occurrence WHERE article_id = ? AND lang = ? AND sentence = ? AND "
        q = self.conn.execute(
            sql + f"term_id IN ({','.join('?' * len(ids))})", (article, lang, n, *ids)
        )
        return q.fetchone() is not None

    def _chinese_sentence(
        self,
        term_id: int,
        info: sqlite3.Row | None,
        candidates: list[sqlite3.Row],
        used: set[tuple[int, str, int]],
        others: set[int] | frozenset[int],
    ) -> sqlite3.Row | None:
        """The Chinese sentence of a card asked from the Chinese, of ``candidates`` (newest
        first): an English term's where its counterpart is written as the bank has it, and
        where the aligned English uses the term (指標 in the sentence of "a third metric", not of
        "two measures"); then one no other item uses, then one without another item's word.
        Only this item's word is marked, so the last two are preferences, not rules."""
        zh = info["zh"] if info is not None and info["kind"] == "glossary" else None
        beads: set[tuple[int, int]] = set()
        if zh:
            beads = {
                (r[0], r[1])
                for r in self.conn.execute(
                    "SELECT s.article_id, s.bead FROM occurrence o JOIN sentence s ON "
                    "s.article_id = o.article_id AND s.lang = o.lang AND s.n = o.sentence "
                    "WHERE o.term_id = ? AND o.lang = 'en'",
                    (term_id,),
                )
            }

        def rank(c: sqlite3.Row) -> tuple[bool, ...]:
            return (
                bool(zh) and c["text"][c["ostart"] : c["oend"]] != zh,
                bool(zh) and (c["aid"], c["bead"]) not in beads,
                (c["aid"], c["lang"], c["n"]) in used,
                self._uses_any(c["aid"], c["lang"], c["n"], others),
            )

        return min(candidates, key=rank, default=None)

    def _due_item(
        self,
        term_id: int,
        due: str | None,
        state: str,
        day: date,
        used: set[tuple[int, str, int]] | None = None,
        others: set[int] | frozenset[int] = frozenset(),
        *,
        audience: Audience = "english",
    ) -> DueItem:
        t = self.conn.execute("SELECT lang, word FROM term WHERE id = ?", (term_id,)).fetchone()
        found = self._latest(
            """SELECT at.*, a.date, a.id AS aid FROM article a CROSS JOIN article_term at
               WHERE at.article_id = a.id AND at.term_id = ? AND {when}
               ORDER BY a.date DESC, a.id DESC, at.kind = 'vocab' LIMIT 1""",
            (term_id,),
            day,
            1,
        )
        info = found[0] if found else None
        # A stored sentence using the term, from the newest article, that no other item of the sheet
        # uses and with no other term of the sheet (it would print that answer); else none at all.
        # Asked from the Chinese, the sentence is Chinese (an English term's: where its counterpart
        # occurs) and only this item's word is marked in it, so one holding another item's word,
        # or used by another item, is a fallback rather than ruled out.
        chinese = audience == "chinese"
        lang = "zh" if chinese else t["lang"]
        candidates = self._latest(
            """SELECT o.start - s.start AS ostart, o.end - s.start AS oend, s.text, s.bead,
                      s.n, o.lang, o.article_id AS aid, a.date
               FROM article a CROSS JOIN occurrence o
               JOIN sentence s ON s.article_id = o.article_id AND s.lang = o.lang
                    AND s.n = o.sentence
               WHERE o.article_id = a.id AND o.term_id = ? AND o.lang = ? AND {when}
               ORDER BY a.date DESC, a.id DESC, o.sentence LIMIT 20""",
            (term_id, lang),
            day,
            20,
        )
        used = used if used is not None else set()
        if chinese:
            ex = self._chinese_sentence(term_id, info, candidates, used, others)
        else:
            free = (c for c in candidates if (c["aid"], c["lang"], c["n"]) not in used)
            ex = next(
                (c for c in free if not self._uses_any(c["aid"], c["lang"], c["n"], others)), None
            )
        if ex is not None:
            used.add((ex["aid"], ex["lang"], ex["n"]))
        definition = info["definition"] if info else None
        translation = json.loads(info["translation"] or "[]") if info else []
        zh = info["zh"] if info else None
        if t["lang"] == "zh":
            zh = "; ".join(translation) or None
        other = aligned(self.conn, ex["aid"], lang, ex["bead"], ())[0] if ex else None
        return DueItem(
            lang=t["lang"],
            word=t["word"],
            display=info["display"] if info else t["word"],
            due=due,
            state=state,
            definition=definition,
            zh=zh,
            reading=info["pinyin"] if info else None,
            jyutping=info["jyutping"] if info else None,
            sentence=ex["text"] if ex else None,
            start=ex["ostart"] if ex else 0,
            end=ex["oend"] if ex else 0,
            sentence_lang=lang if ex else None,
            other=other or None,
            date=ex["date"] if ex else None,
            uncertain=bool(info["uncertain"]) if info else False,
        )
