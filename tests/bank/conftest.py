"""Fixtures of the term bank's tests.

The seed is annotated once per session; other articles are cheap variants of it (other dates,
titles, glossary subsets) made with :func:`helpers.variant`.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from duizhao.bank import TermBank
from duizhao.model import Document

from .helpers import variant


@pytest.fixture(scope="session")
def seed(annotated_seed: Document) -> Document:
    return annotated_seed


@pytest.fixture(scope="session")
def seed_pickle(seed: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bank") / "seed.pickle"
    path.write_bytes(pickle.dumps(seed))
    return path


@pytest.fixture(scope="session")
def seed_json(seed: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bank") / "seed.json"
    path.write_text(json.dumps(seed.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path



@pytest.fixture()
def three(seed: Document, tmp_path: Path) -> tuple[Path, list[Document]]:
    """Three articles: all terms; one glossary entry; all terms plus a made-up word."""
    docs = [
        variant(seed, "2025-01-10", glossary=1),
        variant(seed, "2025-02-10"),
        variant(seed, "2025-03-10", extra_vocab="zzyzx"),
    ]
    db = tmp_path / "q.sqlite3"
    with TermBank(db) as bank:
        for d in reversed(docs):  # ingest order does not decide what is "earlier"
            bank.add(d)
    return db, docs
