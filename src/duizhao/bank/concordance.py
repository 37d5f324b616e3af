"""The concordance (KWIC): every stored sentence that uses a term, beside its aligned sentence.

:class:`ConcordanceMixin` holds :meth:`~ConcordanceMixin.kwic` of
:class:`~duizhao.bank.TermBank` (a mixin, like :mod:`.queries`, so that ``TermBank`` stays one
class while each family of queries has a module of its own; it needs only ``self.conn``).
:func:`aligned` gives the sentence(s) of the other language aligned with one sentence, which the
review uses too. The text and HTML renderings are in :mod:`.report`.

A term is looked up as a glossary term or vocabulary word (every inflected form the linker found),
or as the Chinese counterpart of a glossary term (``集群`` "cluster"); anything else is searched as
a substring with the trigram full-text index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..text.script import term_lang
from .rows import normalise_term

__all__ = ["ConcordanceMixin", "KwicLine", "aligned"]


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


class ConcordanceMixin:
    """The concordance of :class:`~duizhao.bank.TermBank` (see the module docstring)."""

    conn: sqlite3.Connection

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

    def kwic(self, term: str, *, limit: int | None = None, fulltext: bool = True) -> list[KwicLine]:
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


def aligned(
    conn: sqlite3.Connection, aid: int, lang: str, bead: int | None, term_ids: Sequence[int]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentence(s) of the other language aligned with a sentence, and the term marked in them.

    Args:
        conn: The bank's connection.
        aid: The article's id.
        lang: The language of the sentence (the result is in the other one).
        bead: The sentence's alignment bead (``None``: not aligned, so nothing).
        term_ids: Terms whose occurrences in the aligned text are marked.

    Returns:
        ``(text, marks)``: the aligned sentences joined (a space between English ones), and the
        offsets of the terms' occurrences in that text.
    """
    if bead is None:
        return "", ()
    other_lang = "zh" if lang == "en" else "en"
    sents = list(
        conn.execute(
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
        for o in conn.execute(
            "SELECT DISTINCT sentence, start, end FROM occurrence WHERE article_id = ? "
            f"AND term_id IN ({','.join(str(int(t)) for t in term_ids)}) "
            f"AND lang = ? AND sentence IN ({','.join(str(n) for n in offsets)})",
            (aid, other_lang),
        ):
            base, sstart = offsets[o["sentence"]]
            marks.append((base + o["start"] - sstart, base + o["end"] - sstart))
    return text, tuple(sorted(marks))
