"""Issue 15, round 18: CPP's pinyin conventions against the standard, and the round's variants
(nothing kept in the product; ``benchmarks/try_round18.py`` measures them, figures in
docs/history/chinese-rounds.md).

Of the 25 tuning errors where a dictionary phrase stood against CPP's label, none is a reading
the official standard gives and the dictionaries lag: the round checked them against 通用规范汉字
字典 (``pypinyin-dict``'s ``ktghz2013`` table) and 现代汉语词典, and CPP follows a Taiwan reading
(掙脫 *zhēng*) or a convention of its own (黃陂 *bēi*, 蔓延 *mán*, 作坊 *fáng*). These tests keep
the standard readings a teacher expects, so that no table made to please CPP slips in."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import words_pinyin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_standard_readings_where_cpp_labels_otherwise(tmp_path: Path) -> None:
    got = words_pinyin(
        tmp_path,
        "他的老家在湖北黃陂，工人掙脫了束縛，疫情蔓延，兩地相差很大，他在作坊裏工作。",
    )
    assert got["黃陂"] == "huáng pí"  # 通用规范汉字字典 gives 陂 pí only; CPP bēi
    assert got["掙脫"] == "zhèng tuō"  # 现代汉语词典; CPP zhēng (Taiwan)
    assert got["蔓延"] == "màn yán"  # CPP mán
    assert got["相差"] == "xiāng chà"  # CC-CEDICT and 汉典; CPP chā
    assert got["作坊"] == "zuō fang"  # 作 zuō in 作坊 (审音表); CPP fáng


def test_the_standard_dictionary_reads_pi_only() -> None:
    """The source the first assertion above cites: pypinyin-dict's table of 通用规范汉字字典."""
    from pypinyin_dict.pinyin_data.ktghz2013 import pinyin_dict

    assert pinyin_dict[ord("陂")] == "pí"


def test_cedict_words_the_phrase_table_lacks() -> None:
    """Idea c of the brief: CC-CEDICT's one reading of a word pypinyin's and large_pinyin's
    phrases lack. Such words exist (门卡 "key card") but none was a CPP item: the variant
    changed no sentence of the tuning half."""
    from duizhao.chinese.pinyin import phrase_reading
    from try_round18 import cedict_word

    assert phrase_reading("门卡") is None
    assert cedict_word("门卡", False) == ("mén", "kǎ")
    assert cedict_word("行", False) is None  # several readings: no word reading


def test_the_units_digit_goes_on_with_the_tens(tmp_path: Path) -> None:
    """二十八宿 "the 28 lunar mansions" was cut 二十 / 八宿 and glossed as a Tibetan county."""
    from conftest import words_tokens

    tokens = words_tokens(tmp_path, "他把二十八宿的名字都記住了，這首詩共六十二字。")
    words = [t["text"] for t in tokens]
    assert "八宿" not in words
    assert words[2:4] == ["二十八", "宿"]
    assert tokens[3]["pinyin"] == ["xiù"]
    assert "六十二" in words and "字" in words
    # a number followed by its unit is as before (round 12)
    assert [t["text"] for t in words_tokens(tmp_path, "氣溫升到二十五度。")][-3:-1] == [
        "二十五",
        "度",
    ]
