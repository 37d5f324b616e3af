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
:meth:`TermBank.due` lists what is due on a date and :func:`render_due` makes the drill sheet.

Example:
    >>> from duizhao.pipeline import annotate                      # doctest: +SKIP
    >>> with TermBank("bank.sqlite3") as bank:                     # doctest: +SKIP
    ...     bank.add(annotate("corpus/2025-09-02-wipo-innovation-clusters.txt"))
    ...     [line.en for line in bank.kwic("cluster")][:1]         # "cluster" 集群
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from .documents import load_document
from .errors import DuizhaoError, InputError
from .model import Document, Meta
from .output.templates import environment, generator
from .text.script import term_lang

if TYPE_CHECKING:
    import fsrs

__all__ = [
    "CLASS",
    "SCHEMA_VERSION",
    "AddResult",
    "Coverage",
    "DueItem",
    "KwicLine",
    "NewItem",
    "TermBank",
    "TermStat",
    "article_key",
    "content_hash",
    "default_path",
    "default_scheduler",
    "document_rows",
    "due_document",
    "kwic_html",
    "kwic_text",
    "parse_rating",
    "render_due",
    "review_session",
    "write_due",
]

#: The learner name used for a whole class reviewing together.
CLASS = "class"

#: Ratings as FSRS numbers them.
RATINGS = {"again": 1, "hard": 2, "good": 3, "easy": 4}

Kind = Literal["glossary", "vocab"]

# ---------------------------------------------------------------------------------------------
# Schema and migrations
# ---------------------------------------------------------------------------------------------

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

#: ``(version, what it does, SQL script)``; applied in order, each in the same transaction as the
#: ``PRAGMA user_version`` that records it.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "articles, sentences, terms, counterparts, occurrences, cards, review log", _V1),
    (2, "trigram full-text index over sentences", _V2),
)

#: The schema version this code writes (``PRAGMA user_version``).
SCHEMA_VERSION = MIGRATIONS[-1][0]

#: Tables :func:`document_rows` returns, in the order they are written.
ROW_TABLES = ("article", "sentence", "term", "article_term", "counterpart", "occurrence")


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
    version = conn.execute("PRAGMA user_version").fetchone()[0]
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
    return conn.execute("PRAGMA user_version").fetchone()[0]


def default_path() -> Path:
    """``bank.sqlite3`` in the user data directory (``platformdirs.user_data_dir("duizhao")``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("duizhao")) / "bank.sqlite3"


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
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as e:
        raise DuizhaoError(f"{p}: not a duizhao term bank ({e})") from e
    except OSError as e:
        raise DuizhaoError(f"{p}: cannot create the term bank ({e.strerror or e})") from e
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.row_factory = sqlite3.Row
    return conn


# ---------------------------------------------------------------------------------------------
# Documents to rows (pure: no database, usable from a Dask/Spark map)
# ---------------------------------------------------------------------------------------------

def normalise_term(word: str, lang: str | None = None) -> str:
    """The key a term is stored under: English lower-cased with single spaces; Chinese as is.

    Example:
        >>> normalise_term("  Memorandum of  Understanding ")
        'memorandum of understanding'
    """
    lang = lang or term_lang(word)
    word = " ".join(word.split())
    return word.lower() if lang == "en" else word


def content_hash(doc: Document) -> str:
    """SHA-256 of what the article *says*: source, date, titles, paragraphs and glossary.

    The file's path, its encoding and the annotations are left out, so the same article read from
    another folder, or annotated again, hashes the same.
    """
    m = doc.meta
    payload = {
        "meta": [m.source, m.date, m.title_zh, m.title_en],
        "en": [p.text for p in doc.en],
        "zh": [p.text for p in doc.zh],
        "glossary": [[e.term, e.definition, e.pos, list(e.zh)] for e in doc.glossary],
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _abspath(path: str | None) -> str | None:
    return os.path.abspath(path) if path else None


def article_key(meta: Meta, chash: str) -> str:
    """The identity of an article (see the module docstring).

    Args:
        meta: The article's metadata.
        chash: Its :func:`content_hash` (used when nothing else identifies it).
    """
    if meta.source and meta.date:
        return f"meta:{meta.source}|{meta.date}|{meta.title_zh or meta.title_en or ''}"
    if meta.path:
        return f"path:{_abspath(meta.path)}"
    return f"hash:{chash}"


def _bead_index(doc: Document) -> dict[tuple[str, int], int]:
    out: dict[tuple[str, int], int] = {}
    if doc.alignment is None:
        return out
    for i, bead in enumerate(doc.alignment.sentences):
        for n in bead.en:
            out[("en", n)] = i
        for n in bead.zh:
            out[("zh", n)] = i
    return out


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """Turn one annotated document into plain rows, one list per table.

    A pure function of the document (no database, no global state), so an archive too large for
    one machine can run it as a Dask or Spark map and bulk-load the rows into another database.
    Rows refer to each other by natural keys, never by database ids: the article by ``article``
    (its :func:`article_key`), a term by ``(lang, word)``, a sentence by ``(article, lang, n)``.

    Args:
        doc: A document; the richer the better (alignment, links and vocabulary are used when
            present, and simply missing from the rows when not).

    Returns:
        ``{"article": [1 row], "sentence": [...], "term": [...], "article_term": [...],
        "counterpart": [...], "occurrence": [...]}`` (see ``docs/bank.md`` for every column).
    """
    chash = content_hash(doc)
    key = article_key(doc.meta, chash)
    m = doc.meta
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in ROW_TABLES}
    rows["article"].append(
        {
            "key": key,
            "content_hash": chash,
            "source": m.source,
            "date": m.date,
            "title_zh": m.title_zh,
            "title_en": m.title_en,
            "path": _abspath(m.path),
        }
    )
    beads = _bead_index(doc)
    starts: dict[tuple[str, int], int] = {}
    for lang in ("en", "zh"):
        paras = doc.paragraphs(lang)
        for n, p, s in doc.sentences(lang):
            starts[(lang, n)] = s.start
            rows["sentence"].append(
                {
                    "article": key,
                    "lang": lang,
                    "n": n,
                    "paragraph": p,
                    "start": s.start,
                    "bead": beads.get((lang, n)),
                    "text": paras[p].text[s.start : s.end],
                }
            )
    terms: dict[tuple[str, str], None] = {}
    seen: set[tuple[str, str, str]] = set()

    def occurrences(lang: str, word: str, kind: str, olang: str, occs: Iterable[Any]) -> None:
        for o in occs:
            rows["occurrence"].append(
                {
                    "article": key,
                    "lang": lang,
                    "word": word,
                    "kind": kind,
                    "occ_lang": olang,
                    "sentence": o.sentence,
                    "paragraph": o.paragraph,
                    "start": o.start,
                    "end": o.end,
                    "text": o.text,
                }
            )

    links = {link.entry: link for link in doc.links}
    for i, entry in enumerate(doc.glossary):
        lang = term_lang(entry.term)
        word = normalise_term(entry.term, lang)
        if not word or (lang, word, "glossary") in seen:
            continue
        seen.add((lang, word, "glossary"))
        terms[(lang, word)] = None
        link = links.get(i)
        counterparts = list(link.counterparts) if link else []
        if not counterparts:
            from .model import Counterpart

            counterparts = [Counterpart(text=z, score=1.0, source="given") for z in entry.zh]
        rows["article_term"].append(
            {
                "article": key,
                "lang": lang,
                "word": word,
                "kind": "glossary",
                "date": m.date,
                "display": entry.term,
                "definition": entry.definition or None,
                "pos": entry.pos,
                "zh": counterparts[0].text if counterparts else None,
                "confidence": link.confidence if link else None,
                "count": len(link.en) if link else 0,
                "level": None,
                "translation": json.dumps([c.text for c in counterparts], ensure_ascii=False),
                "pinyin": None,
                "jyutping": None,
            }
        )
        for rank, c in enumerate(counterparts):
            rows["counterpart"].append(
                {
                    "article": key,
                    "lang": lang,
                    "word": word,
                    "rank": rank,
                    "text": c.text,
                    "score": c.score,
                    "source": c.source,
                }
            )
        if link:
            occurrences(lang, word, "glossary", "en", link.en)
            occurrences(lang, word, "glossary", "zh", link.zh)
    vocab = doc.vocabulary
    for item in (*(vocab.en if vocab else ()), *(vocab.zh if vocab else ())):
        word = normalise_term(item.word, item.lang)
        if not word or (item.lang, word) in terms:  # one row per term: the glossary's wins
            continue
        seen.add((item.lang, word, "vocab"))
        terms[(item.lang, word)] = None
        rows["article_term"].append(
            {
                "article": key,
                "lang": item.lang,
                "word": word,
                "kind": "vocab",
                "date": m.date,
                "display": item.word,
                "definition": None,
                "pos": None,
                "zh": item.translation[0] if item.lang == "en" and item.translation else None,
                "confidence": None,
                "count": item.count or len(item.occurrences),
                "level": item.level,
                "translation": json.dumps(list(item.translation), ensure_ascii=False),
                "pinyin": item.pinyin,
                "jyutping": item.jyutping,
            }
        )
        occurrences(item.lang, word, "vocab", item.lang, item.occurrences)
    rows["term"] = [{"lang": lang, "word": word} for lang, word in terms]
    return rows


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddResult:
    """What :meth:`TermBank.add` did with one article."""

    key: str
    """The article's identity (:func:`article_key`)."""
    status: Literal["added", "replaced", "unchanged"]
    """``added`` (new), ``replaced`` (a corrected version of a stored article) or ``unchanged``."""
    article_id: int
    """Its id in this bank."""


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
    """Chinese counterpart (English terms) from its latest article."""
    definition: str | None = None
    """Definition or gloss from its latest article."""

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


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

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class KwicLine:
    """One concordance line: a sentence using the term and the sentence(s) aligned with it."""

    date: str | None
    source: str | None
    title: str | None
    lang: str
    """Language of the sentence the occurrence is in."""
    sentence: int
    """Its number (per language, across the article)."""
    text: str
    """The whole sentence."""
    start: int
    """Offset of the occurrence in ``text``."""
    end: int
    other: str
    """The aligned sentence(s) of the other language, joined (empty when none)."""
    other_marks: tuple[tuple[int, int], ...] = ()
    """Offsets in ``other`` of the term's counterpart, when it was found there."""

    @property
    def left(self) -> str:
        return self.text[: self.start]

    @property
    def keyword(self) -> str:
        return self.text[self.start : self.end]

    @property
    def right(self) -> str:
        return self.text[self.end :]

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["other_marks"] = [list(m) for m in self.other_marks]
        return d


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


@dataclass(frozen=True)
class DueItem:
    """A term due for review, with what a drill needs."""

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
    reading: str | None = None
    """Pinyin (Chinese words)."""
    sentence: str | None = None
    """A stored sentence using the term (from its latest article)."""
    start: int = 0
    """Offset of the term in ``sentence``."""
    end: int = 0
    other: str | None = None
    """The aligned sentence of the other language."""
    date: str | None = None
    """Date of the article the sentence comes from."""

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


# ---------------------------------------------------------------------------------------------
# FSRS
# ---------------------------------------------------------------------------------------------

_STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


def default_scheduler() -> fsrs.Scheduler:
    """The FSRS scheduler of a class that reviews at most once a day.

    FSRS v6 defaults, except: no same-day learning or relearning steps (a rating moves the card
    straight to a whole number of days) and no fuzz (handouts can be regenerated exactly).
    """
    import fsrs

    return fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


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


def _as_datetime(when: date | datetime | str | None) -> datetime:
    """A UTC datetime: a date means its midnight (UTC), ``None`` means now."""
    if when is None:
        return datetime.now(UTC)
    if isinstance(when, str):
        when = _parse_when(when)
    if isinstance(when, datetime):
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return datetime.combine(when, time(0), tzinfo=UTC)


def _parse_when(text: str, *, path: str = "<input>", line: int | None = None) -> date | datetime:
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(path, line, f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _as_date(when: date | datetime | str | None) -> date:
    if when is None:
        return datetime.now(UTC).date()
    if isinstance(when, str):
        when = _parse_when(when)
    return when.date() if isinstance(when, datetime) else when


# ---------------------------------------------------------------------------------------------
# The bank
# ---------------------------------------------------------------------------------------------


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows (all with the same keys) into one table."""
    if not rows:
        return
    cols = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _write_rows(conn: sqlite3.Connection, rows: Mapping[str, list[dict[str, Any]]]) -> int:
    """Write :func:`document_rows` output inside the caller's transaction; return the article id."""
    art = dict(rows["article"][0])
    art["ingested_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    _insert(conn, "article", [art])
    aid = conn.execute("SELECT id FROM article WHERE key = ?", (art["key"],)).fetchone()[0]
    _insert(
        conn,
        "sentence",
        [
            {k: v for k, v in r.items() if k != "article"} | {"article_id": aid}
            for r in rows["sentence"]
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO term (lang, word) VALUES (?, ?)",
        [(t["lang"], t["word"]) for t in rows["term"]],
    )
    ids = {
        (t["lang"], t["word"]): conn.execute(
            "SELECT id FROM term WHERE lang = ? AND word = ?", (t["lang"], t["word"])
        ).fetchone()[0]
        for t in rows["term"]
    }

    def keyed(r: dict[str, Any], rename: dict[str, str] | None = None) -> dict[str, Any]:
        out = {"article_id": aid, "term_id": ids[(r["lang"], r["word"])]}
        for k, v in r.items():
            if k not in ("article", "lang", "word"):
                out[(rename or {}).get(k, k)] = v
        return out

    _insert(conn, "article_term", [keyed(r) for r in rows["article_term"]])
    _insert(conn, "counterpart", [keyed(r) for r in rows["counterpart"]])
    _insert(conn, "occurrence", [keyed(r, {"occ_lang": "lang"}) for r in rows["occurrence"]])
    return int(aid)


class TermBank:
    """A term bank in one SQLite file.

    Args:
        path: The file; ``None`` means :func:`default_path`. Created (with its folder) if missing,
            migrated to the current schema if older.
        scheduler: The FSRS scheduler for reviews (default :func:`default_scheduler`).
        timeout: Seconds to wait for another process's write lock.

    Use it as a context manager, or call :meth:`close`.
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
            raise DuizhaoError(f"{self.path}: not a duizhao term bank ({e})") from e
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
    def scheduler(self) -> fsrs.Scheduler:
        if self._scheduler is None:
            self._scheduler = default_scheduler()
        return self._scheduler

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    # -- ingest ---------------------------------------------------------------------------------

    def add(self, doc: Document) -> AddResult:
        """Ingest one annotated document in one transaction (see the identity rule above).

        Returns:
            What happened: ``added``, ``replaced`` or ``unchanged``.
        """
        return self.add_rows(document_rows(doc))

    def add_rows(self, rows: Mapping[str, list[dict[str, Any]]]) -> AddResult:
        """Write the rows :func:`document_rows` made (one transaction)."""
        art = rows["article"][0]
        with self._transaction() as c:
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
            aid = _write_rows(c, rows)
        return AddResult(art["key"], "replaced" if old is not None else "added", aid)

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

    # -- queries --------------------------------------------------------------------------------

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
            args.append(_as_date(since).isoformat())
        if until is not None:
            where.append("a.date <= ?")
            args.append(_as_date(until).isoformat())
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
                "SELECT zh, definition, translation FROM article_term WHERE article_id = ? "
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

    def _term_ids(self, term: str) -> list[int]:
        lang = term_lang(term)
        word = normalise_term(term, lang)
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM term WHERE lang = ? AND word = ?", (lang, word)
            )
        ]
        if lang == "zh":  # a Chinese counterpart of English glossary terms
            ids += [
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT term_id FROM counterpart WHERE text = ? AND rank = 0", (word,)
                )
            ]
        return sorted(set(ids))

    def kwic(
        self, term: str, *, limit: int | None = None, fulltext: bool = True
    ) -> list[KwicLine]:
        """The concordance of a term: every stored sentence using it, with its aligned sentence.

        ``term`` is looked up as a glossary term or vocabulary word (every inflected form the
        linker found: ``overtake`` finds ``overtook``) or as the Chinese counterpart of a glossary
        term (``集群`` finds the Chinese sentences where ``cluster`` was linked). When it is none
        of these and ``fulltext`` is true, the trigram index finds it as a plain substring.

        Args:
            term: An English term or a Chinese word.
            limit: At most this many lines (newest articles first), or all.
            fulltext: Fall back to a substring search.

        Returns:
            Lines newest article first, then in reading order.
        """
        ids = self._term_ids(term)
        lim = f"LIMIT {int(limit)}" if limit is not None else ""
        if ids:
            marks = ",".join(str(i) for i in ids)
            # Articles newest first (the index on article(date, id) is walked backwards, so a
            # LIMIT stops early); the same place found as a glossary counterpart and as a
            # vocabulary word is one line.
            sql = f"""
                WITH m AS (
                    SELECT DISTINCT a.id AS aid, a.date AS date, o.lang AS lang,
                           o.sentence AS sentence, o.start AS start, o.end AS end
                    FROM article a CROSS JOIN occurrence o
                    WHERE o.article_id = a.id AND o.term_id IN ({marks}) AND (o.lang = :pl
                          OR NOT EXISTS (SELECT 1 FROM occurrence e WHERE e.term_id = o.term_id
                                         AND e.article_id = o.article_id AND e.lang = :pl))
                    ORDER BY a.date DESC, a.id DESC, o.lang, o.sentence, o.start
                    {lim}
                )
                SELECT m.aid, a.date, a.source, coalesce(a.title_zh, a.title_en) AS title,
                       m.lang, m.sentence, m.start - s.start AS ostart, m.end - s.start AS oend,
                       s.text, s.bead
                FROM m JOIN article a ON a.id = m.aid
                JOIN sentence s ON s.article_id = m.aid AND s.lang = m.lang
                     AND s.n = m.sentence
                ORDER BY m.date DESC, m.aid DESC, m.lang, m.sentence, m.start
            """
            found = list(self.conn.execute(sql, {"pl": term_lang(term)}))
        elif fulltext:
            found = self._fulltext(term, lim)
        else:
            found = []
        aligned = self._aligned_many(found, ids)
        return [
            KwicLine(
                date=r["date"],
                source=r["source"],
                title=r["title"],
                lang=r["lang"],
                sentence=r["sentence"],
                text=r["text"],
                start=r["ostart"],
                end=r["oend"],
                other=aligned.get((r["aid"], r["lang"], r["bead"]), ("", ()))[0],
                other_marks=aligned.get((r["aid"], r["lang"], r["bead"]), ("", ()))[1],
            )
            for r in found
        ]

    def _aligned_many(
        self, found: Sequence[sqlite3.Row], term_ids: Sequence[int]
    ) -> dict[tuple[int, str, int], tuple[str, tuple[tuple[int, int], ...]]]:
        """The aligned sentences of many concordance lines, in two queries (not two per line).

        Returns:
            ``(article, language of the line, bead) -> (other text, marks in it)``.
        """
        keys = {(r["aid"], r["lang"], r["bead"]) for r in found if r["bead"] is not None}
        if not keys:
            return {}
        pairs = sorted({(aid, bead) for aid, _, bead in keys})
        cur = self.conn.cursor()
        cur.row_factory = None  # plain tuples: thousands of rows
        sents: dict[tuple[int, int, str], list[tuple[int, int, str]]] = {}
        for i in range(0, len(pairs), 5000):
            values = ",".join(f"({int(a)},{int(b)})" for a, b in pairs[i : i + 5000])
            for aid, bead, lang, n, start, text in cur.execute(
                f"WITH k(a, b) AS (VALUES {values}) SELECT s.article_id, s.bead, s.lang, s.n, "
                "s.start, s.text FROM k JOIN sentence s ON s.article_id = k.a AND s.bead = k.b "
                "ORDER BY s.article_id, s.lang, s.n"
            ):
                sents.setdefault((aid, bead, lang), []).append((n, start, text))
        occ: dict[tuple[int, str, int], set[tuple[int, int]]] = {}
        if term_ids:
            aids = sorted({a for a, _ in pairs})
            tids = ",".join(str(int(t)) for t in term_ids)
            for i in range(0, len(aids), 5000):
                chunk = ",".join(str(int(a)) for a in aids[i : i + 5000])
                for aid, lang, n, start, end in cur.execute(
                    "SELECT article_id, lang, sentence, start, end FROM occurrence "
                    f"WHERE term_id IN ({tids}) AND article_id IN ({chunk})"
                ):
                    occ.setdefault((aid, lang, n), set()).add((start, end))
        out = {}
        for aid, lang, bead in keys:
            other_lang = "zh" if lang == "en" else "en"
            sep = " " if other_lang == "en" else ""
            text, marks = "", []
            seen_n = set()
            for n, sstart, stext in sents.get((aid, bead, other_lang), ()):
                if n in seen_n:
                    continue
                seen_n.add(n)
                if text:
                    text += sep
                base = len(text)
                text += stext
                for start, end in occ.get((aid, other_lang, n), ()):
                    marks.append((base + start - sstart, base + end - sstart))
            out[(aid, lang, bead)] = (text, tuple(sorted(marks)))
        return out

    def _fulltext(self, term: str, lim: str) -> list[sqlite3.Row]:
        text = " ".join(term.split())
        if not text:
            return []
        base = """
            SELECT a.id AS aid, a.date, a.source, coalesce(a.title_zh, a.title_en) AS title,
                   s.lang, s.n AS sentence, s.text, s.bead, NULL AS term_id,
                   instr(lower(s.text), lower(:q)) - 1 AS ostart,
                   instr(lower(s.text), lower(:q)) - 1 + length(:q) AS oend
        """
        order = f"ORDER BY a.date DESC, a.id DESC, s.lang, s.n {lim}"
        if len(text) >= 3:
            quoted = '"' + text.replace('"', '""') + '"'
            hits = self.conn.execute(
                "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?", (quoted,)
            ).fetchone()[0]
            if lim and hits > 2000:
                # A common phrase: walk the articles newest first and stop at the limit.
                sql = (
                    f"{base} FROM article a CROSS JOIN sentence s WHERE s.article_id = a.id "
                    "AND s.id IN (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :m) "
                    f"AND instr(lower(s.text), lower(:q)) > 0 {order}"
                )
            else:  # a rare one: take the matches and sort them
                sql = (
                    f"{base} FROM sentence_fts f JOIN sentence s ON s.id = f.rowid "
                    "JOIN article a ON a.id = s.article_id WHERE sentence_fts MATCH :m "
                    f"AND instr(lower(s.text), lower(:q)) > 0 {order}"
                )
            return list(self.conn.execute(sql, {"q": text, "m": quoted}))
        sql = (
            f"{base} FROM sentence s JOIN article a ON a.id = s.article_id "
            f"WHERE instr(lower(s.text), lower(:q)) > 0 {order}"
        )
        return list(self.conn.execute(sql, {"q": text}))

    def _aligned(
        self, aid: int, lang: str, bead: int | None, term_ids: Sequence[int]
    ) -> tuple[str, tuple[tuple[int, int], ...]]:
        if bead is None:
            return "", ()
        other_lang = "zh" if lang == "en" else "en"
        sents = list(
            self.conn.execute(
                "SELECT n, start, text FROM sentence WHERE article_id = ? AND bead = ? "
                "AND lang = ? ORDER BY n",
                (aid, bead, other_lang),
            )
        )
        sep = " " if other_lang == "en" else ""
        text, marks, offset = "", [], 0
        offsets = {}
        for s in sents:
            if text:
                text += sep
                offset = len(text)
            offsets[s["n"]] = (offset, s["start"])
            text += s["text"]
        if term_ids and sents:
            for o in self.conn.execute(
                "SELECT DISTINCT sentence, start, end FROM occurrence WHERE article_id = ? "
                f"AND term_id IN ({','.join(str(int(t)) for t in term_ids)}) "
                f"AND lang = ? AND sentence IN ({','.join(str(n) for n in offsets)})",
                (aid, other_lang),
            ):
                base, sstart = offsets[o["sentence"]]
                marks.append((base + o["start"] - sstart, base + o["end"] - sstart))
        return text, tuple(sorted(marks))

    # -- review ---------------------------------------------------------------------------------

    def _resolve(self, term: str, *, path: str = "<input>", line: int | None = None) -> int:
        lang = term_lang(term)
        word = normalise_term(term, lang)
        r = self.conn.execute(
            "SELECT t.id FROM term t WHERE t.lang = ? AND t.word = ? "
            "AND EXISTS (SELECT 1 FROM article_term at WHERE at.term_id = t.id)",
            (lang, word),
        ).fetchone()
        if r is None:
            raise InputError(path, line, f"{term!r} is not a term of any article in the bank")
        return int(r[0])

    def _card(self, learner: str, term_id: int) -> fsrs.Card:
        import fsrs

        r = self.conn.execute(
            "SELECT * FROM card WHERE learner = ? AND term_id = ?", (learner, term_id)
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
        path: str = "<input>",
        line: int | None = None,
    ) -> fsrs.Card:
        import fsrs

        card = self._card(learner, term_id)
        if card.last_review is not None and when < card.last_review:
            raise InputError(
                path,
                line,
                f"review dated {when.isoformat()} is before the card's last review "
                f"({card.last_review.isoformat()})",
            )
        card, _log = self.scheduler.review_card(card, fsrs.Rating(rating), when, duration_ms)
        c.execute(
            "INSERT OR REPLACE INTO card (learner, term_id, state, step, stability, difficulty, "
            "due, last_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                learner,
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
            "INSERT INTO review_log (learner, term_id, rating, reviewed_at, duration_ms) "
            "VALUES (?, ?, ?, ?, ?)",
            (learner, term_id, rating, when.isoformat(), duration_ms),
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
    ) -> fsrs.Card:
        """Record one rating of a term and reschedule it with FSRS.

        Args:
            term: A glossary term or vocabulary word in the bank.
            rating: 1–4 or ``again``/``hard``/``good``/``easy``.
            learner: Whose card (``"class"`` for the whole class).
            when: When the review happened (a date means its midnight UTC; default now).
            duration_ms: How long the answer took, if known.

        Returns:
            The card after the review (``card.due`` is when it is next due).

        Raises:
            InputError: Unknown term, bad rating, or a review dated before the last one.
        """
        r = parse_rating(rating)
        with self._transaction() as c:
            tid = self._resolve(term)
            return self._review_one(c, learner, tid, r, _as_datetime(when), duration_ms)

    def review_csv(self, path: str | os.PathLike[str], *, learner: str = CLASS) -> int:
        """Record the ratings of a CSV file, all or nothing (one transaction).

        The file has a header with ``term`` and ``rating`` columns, and optionally ``date``
        (ISO date or datetime; default now) and ``learner`` (default the ``learner`` argument).
        Rows are applied in date order (stable).

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
                    when = _as_datetime(_parse_when(raw, path=p, line=line) if raw else None)
                    who = (row.get("learner") or "").strip() or learner
                    parsed.append((when, line, term, rating, who))
        except OSError as e:
            raise InputError(p, None, f"cannot read: {e.strerror or e}") from e
        except (UnicodeDecodeError, csv.Error) as e:
            raise InputError(p, None, f"not a UTF-8 CSV file ({e})") from e
        parsed.sort(key=lambda x: x[0])
        with self._transaction() as c:
            for when, line, term, rating, who in parsed:
                tid = self._resolve(term, path=p, line=line)
                self._review_one(c, who, tid, rating, when, None, path=p, line=line)
        return len(parsed)

    def card(self, term: str, *, learner: str = CLASS) -> fsrs.Card | None:
        """The stored FSRS card of a term for a learner, or ``None`` if never reviewed."""
        tid = self._resolve(term)
        if self.conn.execute(
            "SELECT 1 FROM card WHERE learner = ? AND term_id = ?", (learner, tid)
        ).fetchone():
            return self._card(learner, tid)
        return None

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
    ) -> list[DueItem]:
        """The terms due for review on a date: cards whose next review falls on or before it.

        Args:
            on: The date (default today, UTC).
            learner: Whose cards.
            new: Also this many terms never reviewed (from articles dated on or before ``on``,
                oldest first), to start learning them.
            kind: Which terms count for ``new``: ``glossary`` terms (default), ``vocab``, or both
                (``None``). Reviewed cards are due whatever their kind.

        Returns:
            Items most overdue first, then the new ones; each with a stored sentence to drill.
        """
        day = _as_date(on)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC).isoformat()
        rows = list(
            self.conn.execute(
                "SELECT c.term_id, c.due, c.state FROM card c WHERE c.learner = ? AND c.due < ? "
                "ORDER BY c.due, c.term_id",
                (learner, end),
            )
        )
        items = [(r["term_id"], r["due"], _STATE_NAMES.get(r["state"], "review")) for r in rows]
        if new > 0:
            # Oldest articles first, stopping as soon as enough never-reviewed terms are found.
            kinds = ("glossary", "vocab") if kind is None else (kind,)
            q = ",".join("?" * len(kinds))
            fresh: list[int] = []
            for when in ("a.date <= ?", "a.date IS NULL AND ? IS NOT NULL"):
                cur = self.conn.execute(
                    f"""SELECT at.term_id FROM article a CROSS JOIN article_term at
                        WHERE at.article_id = a.id AND at.kind IN ({q}) AND {when}
                        AND NOT EXISTS (SELECT 1 FROM card c WHERE c.learner = ?
                                        AND c.term_id = at.term_id)
                        ORDER BY a.date, a.id""",
                    (*kinds, day.isoformat(), learner),
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
        return [self._due_item(tid, due, state, day, used) for tid, due, state in items]

    def _latest(self, sql: str, args: tuple[Any, ...], day: date, limit: int) -> list[sqlite3.Row]:
        """Rows of ``sql`` (which ends in a date condition placeholder ``{when}``), newest article
        on or before ``day`` first; else from later or undated articles."""
        rows = list(self.conn.execute(sql.format(when="a.date <= ?"), (*args, day.isoformat())))
        if len(rows) < limit:
            rows += list(
                self.conn.execute(sql.format(when="(a.date > ? OR a.date IS NULL)"),
                                  (*args, day.isoformat()))
            )
        return rows[:limit]

    def _due_item(
        self,
        term_id: int,
        due: str | None,
        state: str,
        day: date,
        used: set[tuple[int, str, int]] | None = None,
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
        # A stored sentence using the term: from the newest article, avoiding sentences another
        # item of the same sheet already uses (it would give that answer away).
        candidates = self._latest(
            """SELECT o.start - s.start AS ostart, o.end - s.start AS oend, s.text, s.bead,
                      s.n, o.lang, o.article_id AS aid, a.date
               FROM article a CROSS JOIN occurrence o
               JOIN sentence s ON s.article_id = o.article_id AND s.lang = o.lang
                    AND s.n = o.sentence
               WHERE o.article_id = a.id AND o.term_id = ? AND o.lang = ? AND {when}
               ORDER BY a.date DESC, a.id DESC, o.sentence LIMIT 20""",
            (term_id, t["lang"]),
            day,
            20,
        )
        used = used if used is not None else set()
        ex = next(
            (c for c in candidates if (c["aid"], c["lang"], c["n"]) not in used),
            candidates[0] if candidates else None,
        )
        if ex is not None:
            used.add((ex["aid"], ex["lang"], ex["n"]))
        definition = info["definition"] if info else None
        translation = json.loads(info["translation"] or "[]") if info else []
        zh = info["zh"] if info else None
        if t["lang"] == "zh":
            zh = "; ".join(translation) or None
        other = None
        if ex is not None:
            other, _ = self._aligned(ex["aid"], t["lang"], ex["bead"], ())
        return DueItem(
            lang=t["lang"],
            word=t["word"],
            display=info["display"] if info else t["word"],
            due=due,
            state=state,
            definition=definition,
            zh=zh,
            reading=info["pinyin"] if info else None,
            sentence=ex["text"] if ex else None,
            start=ex["ostart"] if ex else 0,
            end=ex["oend"] if ex else 0,
            other=other or None,
            date=ex["date"] if ex else None,
        )


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any exception."""

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


# ---------------------------------------------------------------------------------------------
# Output: concordance text and HTML, due sheet
# ---------------------------------------------------------------------------------------------


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip_left(text: str, width: int) -> str:
    out = ""
    for ch in reversed(text):
        if _width(out) + _width(ch) > width:
            return "…" + out[1:] if out else out
        out = ch + out
    return " " * (width - _width(out)) + out


def _clip_right(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if _width(out) + _width(ch) > width:
            return out[:-1] + "…" if out else out
        out += ch
    return out


def kwic_text(lines: Sequence[KwicLine], *, width: int = 36) -> str:
    """A plain-text concordance: each occurrence centred, its aligned sentence below it.

    Args:
        lines: From :meth:`TermBank.kwic`.
        width: Display columns of context on each side (a Chinese character counts two).
    """
    out = []
    for ln in lines:
        where = f"{ln.date or '----------'} {ln.lang}#{ln.sentence}"
        left = _clip_left(ln.left.replace("\n", " "), width)
        right = _clip_right(ln.right.replace("\n", " "), width)
        out.append(f"{where:<18} {left} [{ln.keyword}] {right}")
        if ln.other:
            other = ln.other.replace("\n", " ")
            if ln.other_marks:
                s, e = ln.other_marks[0]
                shown = other[:s] + "[" + other[s:e] + "]" + other[e:]
            else:
                shown = other
            out.append(f"{'':<18} {_clip_right(shown, 2 * width + 4)}")
    return "\n".join(out)


def _pieces(text: str, marks: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    out, pos = [], 0
    for s, e in sorted(marks):
        if s < pos:
            continue
        if s > pos:
            out.append({"text": text[pos:s], "mark": False})
        out.append({"text": text[s:e], "mark": True})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:], "mark": False})
    return out


def kwic_html(
    term: str,
    lines: Sequence[KwicLine],
    *,
    templates: str | os.PathLike[str] | None = None,
) -> str:
    """The concordance as one self-contained HTML page (template ``bank/kwic.html.j2``)."""
    rows = []
    for ln in lines:
        en_side = ln.lang == "en"
        own = _pieces(ln.text, [(ln.start, ln.end)])
        other = _pieces(ln.other, ln.other_marks)
        rows.append(
            {
                "date": ln.date,
                "source": ln.source,
                "title": ln.title,
                "lang": ln.lang,
                "sentence": ln.sentence,
                "en": own if en_side else other,
                "zh": other if en_side else own,
            }
        )
    return environment(templates).get_template("bank/kwic.html.j2").render(
        term=term, term_lang=term_lang(term), rows=rows, generator=generator()
    )


def due_document(items: Sequence[DueItem], on: date | str, *, learner: str = CLASS) -> Document:
    """The due terms as one small :class:`~duizhao.model.Document`, for :mod:`duizhao.drills`.

    Each due term with a stored sentence becomes an English paragraph (that sentence, the term
    linked where it occurs) and a Chinese paragraph (its aligned sentence); the glossary lists
    every due term with its definition and Chinese counterpart. Chinese words (vocabulary cards)
    are listed with their English gloss, so they take part in the matching exercises only.
    """
    from .model import (
        Alignment,
        Bead,
        Counterpart,
        GlossaryEntry,
        Occurrence,
        Paragraph,
        Sentence,
        TermLink,
    )

    day = _as_date(on)
    en: list[Paragraph] = []
    zh: list[Paragraph] = []
    glossary: list[GlossaryEntry] = []
    links: list[TermLink] = []
    beads: list[Bead] = []
    for i, it in enumerate(items):
        counterpart = it.zh if it.lang == "en" else None
        glossary.append(
            GlossaryEntry(
                term=it.display,
                definition=(it.definition or "") if it.lang == "en" else (it.zh or ""),
                zh=(counterpart,) if counterpart else (),
            )
        )
        occ: tuple[Occurrence, ...] = ()
        if it.lang == "en" and it.sentence:
            p = len(en)
            text = it.sentence
            en.append(Paragraph(lang="en", text=text, sentences=(Sentence(0, len(text)),)))
            occ = (Occurrence(p, p, it.start, it.end, text[it.start : it.end]),)
            other = it.other or ""
            zh.append(
                Paragraph(
                    lang="zh",
                    text=other,
                    sentences=(Sentence(0, len(other)),) if other else (),
                )
            )
            beads.append(Bead(en=(p,), zh=(p,) if other else (), score=1.0))
        links.append(
            TermLink(
                entry=i,
                counterparts=(Counterpart(counterpart, 1.0, "bank"),) if counterpart else (),
                confidence=1.0 if counterpart else 0.0,
                en=occ,
            )
        )
    n = len(items)
    title = f"{n} term{'s' if n != 1 else ''} due for review ({learner})"
    return Document(
        meta=Meta(source="duizhao term bank", date=day.isoformat(), title_en=title),
        en=tuple(en),
        zh=tuple(zh),
        glossary=tuple(glossary),
        alignment=Alignment(sentences=tuple(beads)),
        links=tuple(links),
    )


def render_due(
    items: Sequence[DueItem],
    on: date | str,
    *,
    learner: str = CLASS,
    templates: str | os.PathLike[str] | None = None,
) -> str:
    """The "due today" drill sheet as one HTML page: cloze and matching exercises with a key.

    Made by :func:`duizhao.drills.make_worksheets` from :func:`due_document`, so it looks like the
    other worksheets; the seed is the date, so the same day gives the same sheet.

    Raises:
        DrillError: Nothing to drill (no items).
    """
    from .drills import make_worksheets, render_worksheet

    day = _as_date(on)
    doc = due_document(items, day, learner=learner)
    title = f"Review — {day.isoformat()}" + (f" ({learner})" if learner != CLASS else "")
    sheet = make_worksheets(
        doc,
        kinds=("cloze", "match", "zh"),
        count=max(1, len(items)),
        seed=day.toordinal(),
        title=title,
    )[0]
    return render_worksheet(sheet, templates=templates)


def write_due(
    items: Sequence[DueItem],
    on: date | str,
    path: str | os.PathLike[str],
    *,
    learner: str = CLASS,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the due sheet as HTML, or as an A4 PDF with ``pdf=True`` (needs the ``pdf`` extra)."""
    html = render_due(items, on, learner=learner, templates=templates)
    out = Path(path)
    if pdf:
        from .output.pdf import html_to_pdf

        return html_to_pdf(html, out)
    out.write_text(html, encoding="utf-8")
    return out


# ---------------------------------------------------------------------------------------------
# Interactive review
# ---------------------------------------------------------------------------------------------


@dataclass
class SessionResult:
    """What :func:`review_session` recorded."""

    reviewed: list[tuple[str, int]] = field(default_factory=list)
    """``(term, rating)`` in order."""
    stopped: bool = False
    """True when the user quit (``q``) or the input ended before the last card."""


def review_session(
    bank: TermBank,
    items: Sequence[DueItem],
    *,
    learner: str = CLASS,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    when: Callable[[], datetime] | None = None,
) -> SessionResult:
    """Review cards in the terminal: show the term, wait for Enter, show the answer, ask 1–4.

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
        out.write(f"\n[{i}/{len(items)}] {it.display}")
        if it.sentence:
            blanked = it.sentence[: it.start] + "____" + it.sentence[it.end :]
            out.write(f"\n    {blanked}")
        answer = ask("\n(Enter: show the answer, q: stop) ")
        if answer is None or answer.lower() == "q":
            result.stopped = True
            break
        parts = [p for p in (it.zh, it.reading, it.definition) if p]
        out.write(f"    = {' | '.join(parts) or '(no definition stored)'}\n")
        if it.other:
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
        card = bank.review(it.word, rating, learner=learner, when=clock())
        out.write(f"    next review: {card.due.date().isoformat()}\n")
        result.reviewed.append((it.display, rating))
    out.write(f"\n{len(result.reviewed)} reviewed\n")
    return result


def iter_rows(docs: Iterable[Document]) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """:func:`document_rows` over many documents (a generator, for bulk loading)."""
    for d in docs:
        yield document_rows(d)


# ---------------------------------------------------------------------------------------------
# Command line (``duizhao bank …``; the parser is in cli.py)
# ---------------------------------------------------------------------------------------------


def _table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    cells = [[str(h) for h in header]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for r in cells:
        parts = [c + " " * (widths[i] - _width(c)) for i, c in enumerate(r)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def _short(text: str | None, n: int = 50) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def _dump(obj: Any, out: TextIO) -> None:
    json.dump(obj, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _load_one(path: str) -> tuple[Document | None, str | None]:
    """Annotate one file for ``bank add``: the document, or the error message (picklable)."""
    try:
        return load_document(path), None
    except DuizhaoError as e:
        return None, str(e)


def _load_all(
    files: Sequence[str], jobs: int
) -> Iterator[tuple[str, Document | None, str | None]]:
    """Annotate the files in order, in ``jobs`` worker processes (annotation is the expensive,
    independent part); the caller writes each to the bank as it comes, from one process."""
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield (f, *_load_one(f))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        for f, (doc, error) in zip(files, pool.map(_load_one, files), strict=True):
            yield f, doc, error


def run_command(args: Any, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run ``duizhao bank SUBCOMMAND`` from parsed arguments; return the exit status."""
    try:
        return _run(args, stdin, stdout)
    except sqlite3.OperationalError as e:  # e.g. locked by another process for too long
        raise DuizhaoError(f"{args.db or default_path()}: {e}") from e


def _run(args: Any, stdin: TextIO | None, stdout: TextIO | None) -> int:
    out = stdout or sys.stdout
    err = sys.stderr
    cmd = getattr(args, "bank_command", None)
    if cmd is None:
        out.write("usage: duizhao bank {add,terms,new,kwic,coverage,review,due} … (--help)\n")
        return 0
    if cmd == "due" and args.pdf and not args.output:
        raise DuizhaoError("--pdf needs -o OUT")
    for name in ("since", "until", "date"):
        value = getattr(args, name, None)
        if value:
            _parse_when(value, path=f"--{name}")
    with TermBank(args.db) as bank:
        if cmd == "add":
            status = 0
            for f, doc, error in _load_all(args.files, getattr(args, "jobs", 1)):
                if doc is None:
                    print(f"error: {error}", file=err)
                    status = 2
                    continue
                r = bank.add(doc)
                out.write(f"{r.status:<9} {f}  ({r.key})\n")
            return status
        if cmd == "terms":
            stats = bank.terms(args.since, args.until, lang=args.lang, kind=args.kind)
            if args.format == "json":
                _dump([t.to_dict() for t in stats], out)
            else:
                rows = [
                    (
                        t.word,
                        t.lang,
                        "+".join(t.kinds),
                        t.count,
                        t.articles,
                        t.first_date or "-",
                        _short(" · ".join(x for x in (t.zh, t.definition) if x), 40),
                    )
                    for t in stats
                ]
                out.write(
                    _table(rows, ("term", "lang", "kind", "count", "articles", "first", "meaning"))
                    + f"\n{len(stats)} terms\n"
                )
            return 0
        if cmd in ("new", "coverage"):
            doc = load_document(args.file)
            if cmd == "new":
                fresh = bank.new_in(doc)
                if args.format == "json":
                    _dump([n.to_dict() for n in fresh], out)
                else:
                    table = [
                        (n.display, n.lang, n.kind, n.count, _short(n.zh or n.definition, 40))
                        for n in fresh
                    ]
                    out.write(
                        _table(table, ("term", "lang", "kind", "count", "meaning"))
                        + f"\n{len(fresh)} new\n"
                    )
                return 0
            cov = bank.coverage(doc)
            if args.format == "json":
                _dump({k: v.to_dict() for k, v in cov.items()}, out)
            else:
                for lang, c in cov.items():
                    out.write(
                        f"{lang}: {c.met}/{c.total} terms met ({c.ratio:.0%}), "
                        f"{c.met_tokens}/{c.tokens} occurrences ({c.token_ratio:.0%})\n"
                    )
                    if c.new:
                        out.write(f"    new: {', '.join(c.new)}\n")
            return 0
        if cmd == "kwic":
            lines = bank.kwic(args.term, limit=args.limit or None)
            if args.html:
                Path(args.html).write_text(kwic_html(args.term, lines), encoding="utf-8")
            if args.format == "json":
                _dump([ln.to_dict() for ln in lines], out)
            elif lines:
                out.write(kwic_text(lines) + "\n")
            if not lines:
                print(f"no sentence in the bank uses {args.term!r}", file=err)
                return 1
            return 0
        if cmd == "review":
            if args.csv:
                n = bank.review_csv(args.csv, learner=args.learner)
                out.write(f"recorded {n} rating{'s' if n != 1 else ''}\n")
                return 0
            items = bank.due(args.date, learner=args.learner, new=args.new)
            if not items:
                out.write("nothing to review\n")
                return 0
            review_session(bank, items, learner=args.learner, stdin=stdin, stdout=out)
            return 0
        if cmd == "due":
            day = _as_date(args.date)
            items = bank.due(day, learner=args.learner, new=args.new)
            if args.format == "json":
                _dump([it.to_dict() for it in items], out)
            elif items:
                due_rows = [
                    (it.display, it.state, (it.due or "")[:10] or "-", _short(it.zh, 20))
                    for it in items
                ]
                out.write(_table(due_rows, ("term", "state", "due", "zh")) + "\n")
            if not items:
                print(f"nothing is due on {day.isoformat()} for {args.learner}", file=err)
                return 0
            if args.output:
                path = write_due(items, day, args.output, learner=args.learner, pdf=args.pdf)
                print(f"wrote {path}", file=err)
            return 0
    raise DuizhaoError(f"unknown bank command {cmd!r}")
