"""Decimals and fractions in Chinese numerals are one word (chinese/numerals.py), as both word
standards write them; 點 telling the time and 一點 "a little" are left alone."""

from __future__ import annotations

from pathlib import Path

from conftest import words_tokens


def _words(tmp_path: Path, text: str) -> list[str]:
    return [t["text"] for t in words_tokens(tmp_path, text) if t["text"].strip()]


def test_a_percentage_with_a_decimal_is_one_word(tmp_path: Path) -> None:
    """百分之零點五 was 百分 / 之 / 零點 "midnight" / 五 on a learner's word list."""
    tokens = words_tokens(tmp_path, "失業率下跌百分之零點五，約三分之一的人受惠。")
    words = [t["text"] for t in tokens]
    assert "百分之零點五" in words and "零點" not in words
    assert "三分之一" in words
    number = tokens[words.index("百分之零點五")]
    assert number["pinyin"] == ["bǎi", "fēn", "zhī", "líng", "diǎn", "wǔ"]
    assert number["pos"] == "m"


def test_a_decimal_and_its_unit(tmp_path: Path) -> None:
    """高三點五度 was 高三 (a name) / 點 / 五度 "five degrees"; the unit keeps its sense."""
    tokens = words_tokens(tmp_path, "氣溫升至二十一點二度，比昨日高三點五度。")
    words = [t["text"] for t in tokens]
    assert words[3:5] == ["二十一點二", "度"]
    assert words[8:11] == ["高", "三點五", "度"]
    assert "degree" in (tokens[4]["gloss"] or "")
    assert "degree" in (tokens[10]["gloss"] or "")


def test_the_time_of_day_and_a_little_stay_as_they_were(tmp_path: Path) -> None:
    words = _words(tmp_path, "下午兩點五分到，快一點走，五點一到就開會。")
    assert "兩點五" not in "|".join(words)
    assert "一點" in words  # 快 一點 "a bit quicker"
    assert "五點一" not in words  # 五點 一到 "as soon as it is five"
