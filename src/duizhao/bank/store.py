"""The term bank itself: opening the file, writing articles in one transaction, counting.

:class:`TermBank` is the one class a user opens. Its methods are grouped by what they are about, one
module each: ingest and housekeeping here, vocabulary queries in :mod:`.queries`, the concordance in
:mod:`.concordance`, spaced repetition in :mod:`.review`. Those modules define mixins that
``TermBank`` inherits, so a user still has one object (``bank.add``, ``bank.kwic``, ``bank.due``)
while no module has to hold all of it; the mixins share nothing but the connection ``self.conn``
(and the review's scheduler).

Article identity (what "the same article" means, decided by :meth:`TermBank.add_rows`):

* An ingest whose :func:`~.rows.content_hash` is already in the bank changes nothing.
* Otherwise the article replaces an earlier version with the same :func:`~.rows.article_key`.
* A corrected file whose *title* changed is still the same article when it comes from the same
  path with the same source and date: it replaces the version read from that path.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import DuizhaoError
from ..model import Document
from .concordance import ConcordanceMixin
from .queries import QueriesMixin
from .review import ReviewMixin
from .rows import ROW_TABLES, document_rows
from .schema import Transaction, connect, default_path, migrate, not_a_bank

if TYPE_CHECKING:
    import fsrs

__all__ = ["AddResult", "TermBank"]


@dataclass(frozen=True)
class AddResult:
    """What :meth:`TermBank.add` did with one article."""

    key: str
    """The article's identity (:func:`article_key`)."""
    status: Literal["added", "replaced", "unchanged"]
    """``added`` (new), ``replaced`` (a corrected version of a stored article) or ``unchanged``."""
    article_id: int
    """Its id in this bank."""


def _insert_values(
    conn: sqlite3.Connection, table: str, cols: Sequence[str], values: list[tuple[Any, ...]]
) -> None:
    """Insert rows given as tuples of the values of ``cols`` into one table."""
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.executemany(sql, values)


def _write_rows(
    conn: sqlite3.Connection,
    rows: Mapping[str, list[dict[str, Any]]],
    term_ids: dict[tuple[str, str], int] | None = None,
) -> int:
    """Write :func:`document_rows` output inside the caller's transaction; return the article id.

    ``term_ids`` holds the ids of the terms this transaction has already looked up (terms are
    never deleted, and the dict lives no longer than the transaction, so a rolled-back term is
    never remembered): an article's terms are looked up once per transaction, not once each.
    """
    art = dict(rows["article"][0])
    art["ingested_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    cols = list(art)
    aid = conn.execute(
        f"INSERT INTO article ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [art[c] for c in cols],
    ).lastrowid
    sentences = rows["sentence"]
    if sentences:
        cols = [k for k in sentences[0] if k != "article"]
        _insert_values(conn, "sentence", ["article_id", *cols],
                       [(aid, *[r[c] for c in cols]) for r in sentences])  # fmt: skip
    ids = {} if term_ids is None else term_ids
    for t in rows["term"]:
        key = (t["lang"], t["word"])
        if key not in ids:
            conn.execute("INSERT OR IGNORE INTO term (lang, word) VALUES (?, ?)", key)
            ids[key] = conn.execute(
                "SELECT id FROM term WHERE lang = ? AND word = ?", key
            ).fetchone()[0]

    def keyed(table: str, rs: list[dict[str, Any]], rename: Mapping[str, str]) -> None:
        """Insert rows (all with the same keys) with the article's and the term's ids."""
        if not rs:
            return
        cols = [k for k in rs[0] if k not in ("article", "lang", "word")]
        names = ["article_id", "term_id", *(rename.get(k, k) for k in cols)]
        _insert_values(conn, table, names, [(aid, ids[r["lang"], r["word"]], *[r[k] for k in cols])
                                            for r in rs])  # fmt: skip

    keyed("article_term", rows["article_term"], {})
    keyed("counterpart", rows["counterpart"], {})
    keyed("occurrence", rows["occurrence"], {"occ_lang": "lang"})
    return int(aid)  # type: ignore[arg-type]


def _add_rows(
    c: sqlite3.Connection,
    rows: Mapping[str, list[dict[str, Any]]],
    term_ids: dict[tuple[str, str], int] | None = None,
) -> AddResult:
    """One article's rows, inside the caller's transaction (the identity rule: module docstring;
    ``term_ids``: the transaction's term ids, :func:`_write_rows`)."""
    art = rows["article"][0]
    same = c.execute(
        "SELECT id, key FROM article WHERE content_hash = ?", (art["content_hash"],)
    ).fetchone()
    if same is not None:
        return AddResult(same["key"], "unchanged", same["id"])
    old = c.execute("SELECT id FROM article WHERE key = ?", (art["key"],)).fetchone()
    if old is None and art["path"] is not None:
        old = c.execute(
            "SELECT id FROM article WHERE path = ? AND source IS ? AND date IS ?",
            (art["path"], art["source"], art["date"]),
        ).fetchone()
    if old is not None:
        c.execute("DELETE FROM article WHERE id = ?", (old["id"],))
    aid = _write_rows(c, rows, term_ids)
    return AddResult(art["key"], "replaced" if old is not None else "added", aid)


class TermBank(QueriesMixin, ConcordanceMixin, ReviewMixin):
    """A term bank in one SQLite file.

    Args:
        path: The file; ``None`` means :func:`default_path`. Created (with its folder) if missing,
            migrated to the current schema if older.
        scheduler: The FSRS scheduler for reviews (default
            :func:`~duizhao.bank.review.default_scheduler`).
        timeout: Seconds to wait for another process's write lock.

    Use it as a context manager, or call :meth:`close`. The queries, the concordance and the
    reviews are inherited from the mixins of :mod:`.queries`, :mod:`.concordance` and
    :mod:`.review` (one module each, so that no module holds the whole bank).

    Examples:
        >>> import pathlib, tempfile
        >>> from duizhao import annotate, read_text
        >>> doc = annotate(read_text(
        ...     "Trams are slow but cheap.\\n\\n電車雖然慢，但很便宜。\\n\\n"
        ...     "/ Glossary生字 /\\n\\ntram【電車】：a vehicle that runs on rails\\n"
        ... ))
        >>> with TermBank(pathlib.Path(tempfile.mkdtemp()) / "bank.sqlite") as bank:
        ...     print(bank.add(doc).status)
        ...     print([(t.word, t.zh) for t in bank.terms(kind="glossary")])  # term, Chinese
        ...     line = bank.kwic("tram")[0]  # the concordance: the sentence and its translation
        ...     print(line.text, "|", line.other)
        added
        [('tram', '電車')]
        Trams are slow but cheap. | 電車雖然慢，但很便宜。
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        scheduler: fsrs.Scheduler | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._scheduler = scheduler
        self.conn = connect(self.path, timeout=timeout)
        try:
            migrate(self.conn)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise DuizhaoError(f"{self.path}: {not_a_bank(e)}") from e
        except DuizhaoError as e:  # e.g. written by a newer duizhao: name the file
            self.conn.close()
            raise DuizhaoError(f"{self.path}: {e}") from e
        except BaseException:
            self.conn.close()
            raise

    # -- plumbing -------------------------------------------------------------------------------

    def __enter__(self) -> TermBank:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _transaction(self) -> Transaction:
        return Transaction(self.conn)

    # -- ingest ---------------------------------------------------------------------------------

    def add(self, doc: Document) -> AddResult:
        """Ingest one annotated document in one transaction (the identity rule: module docstring).

        Returns:
            What happened: ``added``, ``replaced`` or ``unchanged``.
        """
        return self.add_rows(document_rows(doc))

    def add_rows(self, rows: Mapping[str, list[dict[str, Any]]]) -> AddResult:
        """Write the rows :func:`document_rows` made (one transaction)."""
        with self._transaction() as c:
            return _add_rows(c, rows)

    def add_rows_batch(
        self, batch: Sequence[Mapping[str, list[dict[str, Any]]]]
    ) -> list[AddResult]:
        """Write several articles' rows in one transaction: what :meth:`add_rows` does for each,
        in order (a later article of the batch sees the earlier ones), with one commit.

        A commit writes every page the transaction changed (the indexes and the full-text index
        touch pages all over the file), so one commit for many articles writes each page once
        (``bank add`` writes 16 articles a transaction: about 40 % less wall time than one
        transaction each, docs/speed.md). All or none of the batch is written: on an error the
        whole transaction is rolled back.
        """
        with self._transaction() as c:
            term_ids: dict[tuple[str, str], int] = {}  # this transaction's, see _write_rows
            return [_add_rows(c, rows, term_ids) for rows in batch]

    def add_many(self, docs: Iterable[Document]) -> list[AddResult]:
        """Ingest several documents, each in its own transaction."""
        return [self.add(d) for d in docs]

    def remove(self, key: str) -> bool:
        """Delete an article by its key; ``True`` if there was one."""
        with self._transaction() as c:
            return c.execute("DELETE FROM article WHERE key = ?", (key,)).rowcount > 0

    def articles(self) -> list[dict[str, Any]]:
        """Every article: id, key, source, date, titles, path, content hash, in date order."""
        rows = self.conn.execute(
            "SELECT id, key, source, date, title_zh, title_en, path, content_hash, ingested_at "
            "FROM article ORDER BY date IS NULL, date, id"
        )
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        """Number of rows in each table (for reports and tests)."""
        tables = (*ROW_TABLES, "card", "review_log")
        return {
            t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables
        }
