"""Helpers of the term bank's tests: article variants of the seed, and whole-bank dumps."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from duizhao.bank import ROW_TABLES
from duizhao.model import Document, Occurrence, VocabItem, Vocabulary

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


def variant(doc: Document, day: str, *, title: str | None = None, glossary: int | None = None,
            extra_vocab: str | None = None) -> Document:
    """The seed published on another day (another article), optionally with fewer glossary
    entries or one made-up English vocabulary word located on the first English sentence."""
    meta = replace(doc.meta, date=day, title_zh=title or f"{doc.meta.title_zh} {day}")
    out = replace(doc, meta=meta)
    if glossary is not None:
        out = replace(
            out,
            glossary=doc.glossary[:glossary],
            links=tuple(link for link in doc.links if link.entry < glossary),
        )
    if extra_vocab is not None:
        text = doc.en[0].text
        s = doc.en[0].sentences[0]
        occ = Occurrence(paragraph=0, sentence=0, start=s.start, end=s.start + 2,
                         text=text[s.start : s.start + 2])
        vocab = doc.vocabulary or Vocabulary()
        item = VocabItem(lang="en", word=extra_vocab, forms=(extra_vocab,), count=1,
                         occurrences=(occ,))
        out = replace(out, vocabulary=replace(vocab, en=(*vocab.en, item)))
    return out


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (ingest times left out), for before/after comparisons."""
    conn = sqlite3.connect(path)
    out = {}
    for table in (*ROW_TABLES, "card", "review_log"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(),
                            key=repr)
    conn.close()
    return out
