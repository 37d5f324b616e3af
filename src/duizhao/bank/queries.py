"""What the bank knows about the class's vocabulary: cumulative terms, what is new, coverage.

:class:`QueriesMixin` holds the :class:`~duizhao.bank.TermBank` methods :meth:`~QueriesMixin.terms`,
:meth:`~QueriesMixin.new_in` and :meth:`~QueriesMixin.coverage` and their result types. It is a
mixin (not a class of its own) so that ``TermBank`` stays the one object a user opens, while each
family of queries lives in a module of a readable size; it needs only ``self.conn``.

"Earlier" articles are those with an earlier date, or the same date (or no date) and an earlier
ingest; an article not in the bank comes after every stored one of its date.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Document
from .rows import Kind, document_rows
from .when import as_date

__all__ = ["Coverage", "NewItem", "QueriesMixin", "TermStat"]


@dataclass(frozen=True)
class TermStat:
    """One term or word of the cumulative vocabulary."""

    lang: str
    """``en`` or ``zh``."""
    word: str
    """The stored (normalised) form."""
    kinds: tuple[str, ...]
    """``glossary`` and/or ``vocab``."""
    count: int
    """Occurrences in the articles of the date range."""
    articles: int
    """Number of articles of the range it appears in."""
    first_date: str | None
    """Date of the first article (in the whole bank) it appeared in."""
    first_title: str | None
    """Title of that article."""
    zh: str | None = None
    """Chinese counterpart (English terms) from its latest article; ``None`` when uncertain."""
    definition: str | None = None
    """Definition or gloss from its latest article."""
    check: str | None = None
    """An uncertain Chinese counterpart (English terms): a guess to check, never the answer."""
    display: str = ""
    """The term as its latest article writes it ("rob Peter to pay Paul"; ``word`` is the key,
    lower-cased); ``word`` when not given."""

    def __post_init__(self) -> None:
        if not self.display:
            object.__setattr__(self, "display", self.word)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _check(row: Mapping[str, Any]) -> str | None:
    """The uncertain counterpart of an ``article_term`` row, if it has one."""
    if not row["uncertain"]:
        return None
    guesses = json.loads(row["translation"] or "[]")
    return str(guesses[0]) if guesses else None


@dataclass(frozen=True)
class NewItem:
    """A term or word of an article that no earlier article had."""

    lang: str
    word: str
    kind: str
    display: str
    count: int
    zh: str | None = None
    definition: str | None = None
    check: str | None = None
    """An uncertain Chinese counterpart, as in :class:`TermStat`."""

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Coverage:
    """How much of an article's terms and vocabulary the class met in earlier articles."""

    lang: str
    total: int
    """Distinct terms and words of the article in this language."""
    met: int
    """How many of them appeared in an earlier article."""
    tokens: int
    """Their occurrences in the article."""
    met_tokens: int
    """Occurrences of the met ones."""
    new: tuple[str, ...] = ()
    """The ones not met yet."""

    @property
    def ratio(self) -> float:
        return self.met / self.total if self.total else 1.0

    @property
    def token_ratio(self) -> float:
        return self.met_tokens / self.tokens if self.tokens else 1.0

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["new"] = list(self.new)
        d["ratio"] = self.ratio
        d["token_ratio"] = self.token_ratio
        return d


class QueriesMixin:
    """The vocabulary queries of :class:`~duizhao.bank.TermBank` (see the module docstring)."""

    conn: sqlite3.Connection

    def terms(
        self,
        since: date | str | None = None,
        until: date | str | None = None,
        *,
        lang: str | None = None,
        kind: Kind | None = None,
    ) -> list[TermStat]:
        """The cumulative vocabulary of the articles dated ``since``–``until`` (inclusive).

        Args:
            since, until: ISO dates or ``None`` (open end). With either given, undated articles
                are left out.
            lang: Only ``en`` or only ``zh`` terms.
            kind: Only glossary terms or only suggested vocabulary.

        Returns:
            One :class:`TermStat` per term, most frequent first (then alphabetical).
        """
        where, args = ["1"], []
        if since is not None:
            where.append("a.date >= ?")
            args.append(as_date(since).isoformat())
        if until is not None:
            where.append("a.date <= ?")
            args.append(as_date(until).isoformat())
        if lang is not None:
            where.append("t.lang = ?")
            args.append(lang)
        if kind is not None:
            where.append("at.kind = ?")
            args.append(kind)
        # Aggregates over the covering index article_term(term_id, date, count) only; the first
        # and the latest article come from SQLite's "bare column" rule (with a single min() or
        # max(), the other columns are those of the row holding it).
        where = [w.replace("a.date", "at.date") for w in where]
        join = "JOIN term t ON t.id = at.term_id" if lang is not None else ""
        sel = f"FROM article_term at {join} WHERE {' AND '.join(where)}"
        sql = f"""
            WITH agg AS (
                SELECT at.term_id, count(*) AS articles, sum(at.count) AS count {sel}
                GROUP BY at.term_id
            ),
            kinds AS (
                SELECT at.term_id, group_concat(DISTINCT at.kind) AS kinds {sel}
                GROUP BY at.term_id
            ),
            latest AS (
                SELECT at.term_id, max(coalesce(at.date, '')) AS d, at.article_id AS latest {sel}
                GROUP BY at.term_id
            ),
            first AS (
                SELECT at.term_id, min(coalesce(at.date, '9999')) AS d, at.article_id AS f
                FROM article_term at WHERE at.term_id IN (SELECT term_id FROM agg)
                GROUP BY at.term_id
            )
            SELECT agg.term_id, t.lang, t.word, kinds.kinds, agg.count, agg.articles,
                   first.f, latest.latest
            FROM agg JOIN term t ON t.id = agg.term_id
            JOIN kinds ON kinds.term_id = agg.term_id
            JOIN first ON first.term_id = agg.term_id
            JOIN latest ON latest.term_id = agg.term_id
            ORDER BY agg.count DESC, t.lang, t.word
        """
        args = args * 3
        titles: dict[int, tuple[str | None, str | None]] = {}

        def article(aid: int) -> tuple[str | None, str | None]:
            if aid not in titles:
                r = self.conn.execute(
                    "SELECT date, coalesce(title_zh, title_en) FROM article WHERE id = ?", (aid,)
                ).fetchone()
                titles[aid] = (r[0], r[1])
            return titles[aid]

        out = []
        for r in list(self.conn.execute(sql, args)):
            first_date, first_title = article(int(r["f"]))
            info = self.conn.execute(
                "SELECT zh, definition, translation, uncertain, display FROM article_term "
                "WHERE article_id = ? "
                "AND term_id = ? ORDER BY kind = 'vocab' LIMIT 1",
                (int(r["latest"]), r["term_id"]),
            ).fetchone()
            definition = info["definition"]
            if definition is None and r["lang"] == "zh":
                definition = "; ".join(json.loads(info["translation"] or "[]")) or None
            out.append(
                TermStat(
                    lang=r["lang"],
                    word=r["word"],
                    kinds=tuple(sorted(r["kinds"].split(","))),
                    count=int(r["count"] or 0),
                    articles=int(r["articles"]),
                    first_date=first_date,
                    first_title=first_title,
                    zh=info["zh"],
                    definition=definition,
                    check=_check(info),
                    display=info["display"],
                )
            )
        return out

    def _earlier(self, rows: Mapping[str, list[dict[str, Any]]]) -> str:
        """An SQL condition on ``a`` (an article) true for articles earlier than ``rows``'s."""
        art = rows["article"][0]
        found = self.conn.execute(
            "SELECT id FROM article WHERE content_hash = ? OR key = ?",
            (art["content_hash"], art["key"]),
        ).fetchone()
        own = int(found["id"]) if found else None
        # An article not in the bank comes after every stored one of its date.
        own_clause = f"a.id < {own}" if own is not None else "1"
        not_own = f"a.id != {own}" if own is not None else "1"
        if art["date"]:
            d = art["date"].replace("'", "''")
            return (
                f"{not_own} AND (a.date < '{d}' "
                f"OR ((a.date = '{d}' OR a.date IS NULL) AND {own_clause}))"
            )
        return f"{not_own} AND {own_clause}"

    def _doc_terms(self, rows: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for r in rows["article_term"]:
            k = (r["lang"], r["word"])
            if k not in merged or r["kind"] == "glossary":
                merged[k] = dict(r)
        return list(merged.values())

    def _met(
        self, rows: Mapping[str, list[dict[str, Any]]], keys: Sequence[tuple[str, str]]
    ) -> set[tuple[str, str]]:
        earlier = self._earlier(rows)
        met: set[tuple[str, str]] = set()
        sql = (
            "SELECT 1 FROM term t JOIN article_term at ON at.term_id = t.id "
            "JOIN article a ON a.id = at.article_id "
            f"WHERE t.lang = ? AND t.word = ? AND {earlier} LIMIT 1"
        )
        for k in keys:
            if self.conn.execute(sql, k).fetchone() is not None:
                met.add(k)
        return met

    def new_in(self, doc: Document | Mapping[str, list[dict[str, Any]]]) -> list[NewItem]:
        """The article's terms and vocabulary that no earlier article had.

        The document need not be in the bank (then every stored article of an earlier or the same
        date counts as earlier).

        Returns:
            Glossary terms first, then vocabulary, each in the article's order.
        """
        rows = document_rows(doc) if isinstance(doc, Document) else doc
        items = self._doc_terms(rows)
        met = self._met(rows, [(r["lang"], r["word"]) for r in items])
        out = [
            NewItem(
                lang=r["lang"],
                word=r["word"],
                kind=r["kind"],
                display=r["display"],
                count=r["count"],
                zh=r["zh"],
                definition=r["definition"]
                or (
                    "; ".join(json.loads(r["translation"] or "[]")) or None
                    if r["lang"] == "zh"
                    else None
                ),
                check=_check(r),
            )
            for r in items
            if (r["lang"], r["word"]) not in met
        ]
        out.sort(key=lambda n: n.kind != "glossary")
        return out

    def coverage(self, doc: Document | Mapping[str, list[dict[str, Any]]]) -> dict[str, Coverage]:
        """How much of the article's terms and vocabulary the class met in earlier articles.

        Returns:
            ``{"en": Coverage, "zh": Coverage}``: distinct items and their occurrences.
        """
        rows = document_rows(doc) if isinstance(doc, Document) else doc
        items = self._doc_terms(rows)
        met = self._met(rows, [(r["lang"], r["word"]) for r in items])
        out = {}
        for lang in ("en", "zh"):
            mine = [r for r in items if r["lang"] == lang]
            ok = [r for r in mine if (r["lang"], r["word"]) in met]
            out[lang] = Coverage(
                lang=lang,
                total=len(mine),
                met=len(ok),
                tokens=sum(max(r["count"], 1) for r in mine),
                met_tokens=sum(max(r["count"], 1) for r in ok),
                new=tuple(r["display"] for r in mine if (r["lang"], r["word"]) not in met),
            )
        return out
