"""The bank's SQLite schema: its tables (DDL), the migrations that build them, and connections.

A bank file records its schema version in ``PRAGMA user_version``; :func:`migrate` applies the
missing :data:`MIGRATIONS` in order, each in its own transaction, so an old bank is brought up to
date when it is opened and a bank written by a newer duizhao is refused rather than damaged.
:func:`connect` opens a file the way every bank connection is opened (autocommit, WAL, a busy
timeout, foreign keys on) and :class:`Transaction` is the one ``BEGIN IMMEDIATE … COMMIT`` block.

Examples:
    >>> conn = connect(":memory:")
    >>> migrate(conn) == SCHEMA_VERSION
    True
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from ..errors import DuizhaoError

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Transaction",
    "connect",
    "default_path",
    "migrate",
    "not_a_bank",
]

_V1 = """
CREATE TABLE article (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL UNIQUE,
    source        TEXT,
    date          TEXT,
    title_zh      TEXT,
    title_en      TEXT,
    path          TEXT,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX article_date ON article(date, id);
CREATE INDEX article_path ON article(path);

CREATE TABLE sentence (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    n           INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    bead        INTEGER,
    text        TEXT NOT NULL,
    UNIQUE (article_id, lang, n)
);
CREATE INDEX sentence_bead ON sentence(article_id, bead, lang);

CREATE TABLE term (
    id    INTEGER PRIMARY KEY,
    lang  TEXT NOT NULL,
    word  TEXT NOT NULL,
    UNIQUE (lang, word)
);

CREATE TABLE article_term (
    article_id   INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    term_id      INTEGER NOT NULL REFERENCES term(id),
    kind         TEXT NOT NULL,
    date         TEXT,
    display      TEXT NOT NULL,
    definition   TEXT,
    pos          TEXT,
    zh           TEXT,
    confidence   REAL,
    count        INTEGER NOT NULL,
    level        REAL,
    translation  TEXT,
    pinyin       TEXT,
    jyutping     TEXT,
    PRIMARY KEY (article_id, term_id, kind)
) WITHOUT ROWID;
CREATE INDEX article_term_term ON article_term(term_id, date, count);

CREATE TABLE counterpart (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    term_id     INTEGER NOT NULL REFERENCES term(id),
    rank        INTEGER NOT NULL,
    text        TEXT NOT NULL,
    score       REAL NOT NULL,
    source      TEXT NOT NULL,
    PRIMARY KEY (article_id, term_id, rank)
) WITHOUT ROWID;
CREATE INDEX counterpart_text ON counterpart(text);

CREATE TABLE occurrence (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    term_id     INTEGER NOT NULL REFERENCES term(id),
    kind        TEXT NOT NULL,
    lang        TEXT NOT NULL,
    sentence    INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX occurrence_term ON occurrence(term_id, article_id);
CREATE INDEX occurrence_article ON occurrence(article_id);

CREATE TABLE card (
    learner      TEXT NOT NULL,
    term_id      INTEGER NOT NULL REFERENCES term(id),
    state        INTEGER NOT NULL,
    step         INTEGER,
    stability    REAL,
    difficulty   REAL,
    due          TEXT NOT NULL,
    last_review  TEXT,
    PRIMARY KEY (learner, term_id)
) WITHOUT ROWID;
CREATE INDEX card_due ON card(learner, due);

CREATE TABLE review_log (
    id           INTEGER PRIMARY KEY,
    learner      TEXT NOT NULL,
    term_id      INTEGER NOT NULL REFERENCES term(id),
    rating       INTEGER NOT NULL,
    reviewed_at  TEXT NOT NULL,
    duration_ms  INTEGER
);
CREATE INDEX review_log_card ON review_log(learner, term_id);
"""

# Version 2: a trigram full-text index over every sentence, for concordances of words that are
# not glossary terms or suggested vocabulary (any substring of three characters or more).
_V2 = """
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text, content='sentence', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER sentence_fts_ai AFTER INSERT ON sentence BEGIN
    INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentence_fts_ad AFTER DELETE ON sentence BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild');
"""

# Version 3: whether an English term's Chinese counterpart is uncertain (below the finder's
# threshold). Such a counterpart is kept in ``translation`` and the ``counterpart`` table but not
# in ``zh``, which holds only a counterpart to show as the answer. Rows written before version 3
# say 0: a bank made by an older duizhao may still show such a guess (add the articles again to a
# new bank to mend it).
_V3 = """
ALTER TABLE article_term ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;
"""

# Version 4: a review schedule per direction. ``audience`` is the class a card is asked for:
# ``english`` (the English term asked, its Chinese as the clue: every card before version 4) or
# ``chinese`` (asked from the Chinese, the English and the meaning as the answer). A card's key
# becomes (learner, audience, term); every card and rating of an older bank is kept as
# ``english``. SQLite cannot change a primary key, so the table is copied.
_V4 = """
CREATE TABLE card_v4 (
    learner      TEXT NOT NULL,
    audience     TEXT NOT NULL DEFAULT 'english',
    term_id      INTEGER NOT NULL REFERENCES term(id),
    state        INTEGER NOT NULL,
    step         INTEGER,
    stability    REAL,
    difficulty   REAL,
    due          TEXT NOT NULL,
    last_review  TEXT,
    PRIMARY KEY (learner, audience, term_id)
) WITHOUT ROWID;
INSERT INTO card_v4 (learner, audience, term_id, state, step, stability, difficulty, due,
                     last_review)
    SELECT learner, 'english', term_id, state, step, stability, difficulty, due, last_review
    FROM card;
DROP TABLE card;
ALTER TABLE card_v4 RENAME TO card;
CREATE INDEX card_due ON card(learner, audience, due);
ALTER TABLE review_log ADD COLUMN audience TEXT NOT NULL DEFAULT 'english';
DROP INDEX review_log_card;
CREATE INDEX review_log_card ON review_log(learner, audience, term_id);
"""

#: ``(version, what it does, SQL script)``; applied in order, each in the same transaction as the
#: ``PRAGMA user_version`` that records it.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "articles, sentences, terms, counterparts, occurrences, cards, review log", _V1),
    (2, "trigram full-text index over sentences", _V2),
    (3, "uncertain Chinese counterparts flagged, not stored as the answer", _V3),
    (4, "a review schedule per direction (cards for the English and the Chinese class)", _V4),
)

#: The schema version this code writes (``PRAGMA user_version``).
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _split_statements(script: str) -> list[str]:
    """Split a migration script into statements (``;`` ends one, except inside a trigger)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring a bank's schema up to ``target``, one migration per transaction.

    Safe against another process migrating at the same time: each step takes the write lock
    (``BEGIN IMMEDIATE``) and re-reads the version before applying anything.

    Args:
        conn: A connection in autocommit mode (``isolation_level=None``).
        target: The version to reach (the default is the newest).

    Returns:
        The version of the schema afterwards.

    Raises:
        DuizhaoError: The file was written by a newer duizhao (its version is above ours).
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise DuizhaoError(
            f"the term bank has schema version {version}, newer than this duizhao "
            f"understands ({SCHEMA_VERSION}); upgrade duizhao"
        )
    for number, _what, script in MIGRATIONS:
        if number > target:
            break
        if number <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current < number:
                for statement in _split_statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = number
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def default_path() -> Path:
    """``bank.sqlite3`` in the user data directory (``platformdirs.user_data_dir("duizhao")``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("duizhao")) / "bank.sqlite3"


def not_a_bank(e: sqlite3.Error) -> str:
    """What to say about a file SQLite cannot use as a bank: not one at all, or a damaged one."""
    return (
        f"not a duizhao term bank, or a damaged one ({e}); give another file with --db, or "
        "restore it from a backup"
    )


def _locked(e: sqlite3.Error) -> bool:
    return "locked" in str(e) or "busy" in str(e)


def _wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to write-ahead logging, waiting for other processes doing the same.

    Changing the journal mode needs the database to itself, and SQLite does not call the busy
    handler for it: two processes creating the same new bank at once would see "database is
    locked" at once. So the switch is retried until ``timeout``.
    """
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if not _locked(e) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def connect(path: str | os.PathLike[str], *, timeout: float = 30.0) -> sqlite3.Connection:
    """Open a bank file: autocommit mode, WAL, a busy timeout, foreign keys on.

    Args:
        path: The SQLite file (created with its folder if missing).
        timeout: Seconds to wait for another writer's lock before giving up.
    """
    p = Path(path)
    if p.is_dir():
        raise DuizhaoError(f"{p}: is a folder, not a term bank file")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(p, timeout=timeout, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        _wal(conn, timeout)
    except sqlite3.OperationalError as e:
        if _locked(e):
            raise DuizhaoError(
                f"{p}: the term bank is locked by another process (waited {timeout:g} s); "
                "try again when it has finished"
            ) from e
        raise DuizhaoError(f"{p}: {not_a_bank(e)}") from e
    except sqlite3.DatabaseError as e:
        raise DuizhaoError(f"{p}: {not_a_bank(e)}") from e
    except OSError as e:
        raise DuizhaoError(f"{p}: cannot create the term bank ({e.strerror or e})") from e
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.row_factory = sqlite3.Row
    return conn


class Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any exception.

    The write lock is taken at the start (``IMMEDIATE``), so two writers take turns instead of
    failing half-way; used as ``with Transaction(conn) as c: …``.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
