"""The on-disk cache of derived tables: rebuilt when damaged or when a source changes."""

from __future__ import annotations

import os

import pytest

from duizhao.resources import diskcache


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setattr(diskcache, "cache_dir", lambda: tmp_path / "cache")
    return tmp_path / "cache"


@pytest.mark.parametrize("codec", ["marshal", "pickle"])
def test_built_once_then_loaded(cache_in, codec):
    calls = []

    def build():
        calls.append(1)
        return {"銀行": ("yín", "háng")}

    first = diskcache.load_or_build("t", "k1", build, codec=codec)
    second = diskcache.load_or_build("t", "k1", build, codec=codec)
    assert first == second == {"銀行": ("yín", "háng")}
    assert len(calls) == 1
    assert [p.name for p in cache_in.iterdir()] == [f"t-k1.{codec}"]


def test_damaged_file_is_rebuilt(cache_in):
    diskcache.load_or_build("t", "k", lambda: [1, 2, 3])
    (cache_in / "t-k.marshal").write_bytes(b"\x00garbage")
    assert diskcache.load_or_build("t", "k", lambda: [4]) == [4]
    assert diskcache.load_or_build("t", "k", lambda: [5]) == [4]  # the rebuilt table was kept


def test_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setattr(diskcache, "cache_dir", lambda: blocker / "cache")
    assert diskcache.load_or_build("t", "k", lambda: "built") == "built"


def test_key_follows_the_source_file(tmp_path):
    src = tmp_path / "dict.txt"
    src.write_text("a")
    k1 = diskcache.source_key("x", src)
    assert diskcache.source_key("x", src) == k1
    src.write_text("ab")  # size and time change
    os.utime(src, ns=(1, 1))
    assert diskcache.source_key("x", src) != k1
    assert diskcache.source_key("y", src) != diskcache.source_key("x", src)
