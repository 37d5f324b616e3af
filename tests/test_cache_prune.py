"""The cache directory does not keep every release's tables for ever: building a table anew
removes the copies of the same table built from other sources more than a week before."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from duizhao.resources import diskcache
from duizhao.resources.compact import compact_table


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(diskcache, "cache_dir", lambda: tmp_path)
    return tmp_path


def _age(path: Path, days: float) -> None:
    when = time.time() - days * 24 * 3600
    os.utime(path, (when, when))


def test_a_new_build_removes_last_releases_copies_of_the_same_table(cache: Path) -> None:
    old = cache / "words-0123456789abcdef.marshal"
    old.write_bytes(b"old")
    _age(old, 30)
    recent = cache / "words-fedcba9876543210.marshal"  # another checkout's, used this week
    recent.write_bytes(b"recent")
    other = cache / "words-senses-0123456789abcdef.marshal"  # another table
    other.write_bytes(b"other")
    _age(other, 30)
    unrelated = cache / "notes.txt"
    unrelated.write_text("mine")
    _age(unrelated, 30)

    assert diskcache.load_or_build("words", "00000000000000aa", lambda: {"a": 1}) == {"a": 1}

    assert not old.exists()
    assert recent.exists() and other.exists() and unrelated.exists()
    assert (cache / "words-00000000000000aa.marshal").exists()


def test_compact_tables_are_pruned_too(cache: Path) -> None:
    old = cache / "lexicon-0123456789abcdef.table"
    old.mkdir()
    (old / "complete").write_text("2")
    _age(old, 30)

    table = compact_table("lexicon", "00000000000000bb", lambda: ({"甲": "one"}, {}))

    assert table["甲"] == "one"
    assert not old.exists()


def test_loading_a_cached_table_removes_nothing(cache: Path) -> None:
    diskcache.load_or_build("words", "00000000000000aa", lambda: {"a": 1})
    old = cache / "words-0123456789abcdef.marshal"
    old.write_bytes(b"old")
    _age(old, 30)

    assert diskcache.load_or_build("words", "00000000000000aa", lambda: {"a": 2}) == {"a": 1}

    assert old.exists()  # only a build prunes: a warm start touches no other file
