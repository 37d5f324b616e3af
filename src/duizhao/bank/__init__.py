"""The term bank: every article a class has read, its terms, their sentences and review schedules.

A :class:`TermBank` is one SQLite file (the standard library's :mod:`sqlite3`; by default
``bank.sqlite3`` in the user data directory, see :func:`default_path`). Each annotated
:class:`~duizhao.model.Document` is turned into plain rows by the pure function
:func:`document_rows` and written in **one transaction** by :meth:`TermBank.add`, so an interrupted
ingest leaves the bank exactly as it was. The file is in WAL mode with a busy timeout, so a reader
and a writer (or two writers, one after the other) can use it at the same time.

Article identity (what "the same article" means):

* An ingest whose :func:`content_hash` (source, date, titles, paragraph texts and glossary) is
  already in the bank changes nothing.
* Otherwise the article replaces an earlier version with the same :func:`article_key`:
  ``meta:SOURCE|DATE|TITLE`` when the source and the date are known (``TITLE`` is the Chinese title,
  else the English one, else empty), ``path:ABSOLUTE-PATH`` when they are not and the article was
  read from a file, else ``hash:CONTENT-HASH``.
* A corrected file whose *title* changed is still the same article when it comes from the same
  path with the same source and date: it replaces the version read from that path.

"Earlier" articles (for :meth:`TermBank.new_in` and :meth:`TermBank.coverage`) are those with an
earlier date, or the same date (or no date) and an earlier ingest.

Queries: :meth:`TermBank.terms` (cumulative vocabulary with counts and first appearance),
:meth:`TermBank.new_in`, :meth:`TermBank.kwic` (concordance, English and Chinese side by side;
:func:`kwic_text`, :func:`kwic_html`), :meth:`TermBank.coverage`. Review: :meth:`TermBank.review`
records a rating with FSRS (the ``fsrs`` package) per learner (``"class"`` by default),
:meth:`TermBank.due` lists what is due on a date and :func:`render_due` makes the review sheet.

Modules (this package re-exports their public names):
    schema: the tables, their migrations, connections and the one transaction block.
    rows: documents to plain rows (pure; the seam for Dask or Spark).
    when: ISO dates and datetimes, in UTC.
    store: :class:`TermBank` (open, ingest, count), built from the mixins below.
    queries: cumulative terms, what is new in an article, coverage.
    concordance: the KWIC concordance and aligned sentences.
    review: FSRS ratings, cards, what is due, the interactive terminal review.
    report: the concordance as text and HTML, the "due today" sheet (HTML or PDF).

The command line (``duizhao bank …``) is :mod:`duizhao.cli.bank`.

Examples:
    An article as read (``annotate`` it first for links, alignment and vocabulary), in a bank
    kept in memory (a path gives a file):

    >>> from duizhao.reader import read
    >>> with TermBank(":memory:") as bank:
    ...     print(bank.add(read("corpus/2025-09-02-wipo-innovation-clusters.txt")).status)
    ...     print([t.word for t in bank.terms()][:2])            # "cluster" 集群, "metric" 指標
    ...     print(bank.kwic("venture capital")[0].keyword)       # any phrase: full-text index
    added
    ['cluster', 'metric']
    venture capital
"""

from __future__ import annotations

from .cards import (
    AUDIENCES,
    CLASS,
    RATINGS,
    READINGS,
    Audience,
    DueItem,
    Reading,
    check_audience,
    parse_rating,
)
from .concordance import KwicLine
from .queries import Coverage, NewItem, TermStat
from .report import DueLine, DueSheet, due_sheet, kwic_html, kwic_text, render_due, write_due
from .review import default_scheduler
from .rows import ROW_TABLES, article_key, content_hash, document_rows, iter_rows, normalise_term
from .schema import MIGRATIONS, SCHEMA_VERSION, connect, default_path, migrate
from .session import SessionResult, review_session
from .store import AddResult, TermBank

__all__ = [
    "AUDIENCES",
    "CLASS",
    "MIGRATIONS",
    "RATINGS",
    "READINGS",
    "ROW_TABLES",
    "SCHEMA_VERSION",
    "AddResult",
    "Audience",
    "Coverage",
    "DueItem",
    "DueLine",
    "DueSheet",
    "KwicLine",
    "NewItem",
    "Reading",
    "SessionResult",
    "TermBank",
    "TermStat",
    "article_key",
    "check_audience",
    "connect",
    "content_hash",
    "default_path",
    "default_scheduler",
    "document_rows",
    "due_sheet",
    "iter_rows",
    "kwic_html",
    "kwic_text",
    "migrate",
    "normalise_term",
    "parse_rating",
    "render_due",
    "review_session",
    "write_due",
]
