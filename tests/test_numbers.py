"""Tests for duizhao.text.numbers: the number keys English and Chinese share."""

from __future__ import annotations

import pytest

from duizhao.text.numbers import (
    digit_keys,
    en_word_number,
    halfwidth_digits,
    number_key,
    parse_zh_number,
    strip_ordinal_suffixes,
    zh_number_keys,
)


@pytest.mark.parametrize(
    ("zh", "en", "key"),
    [
        ("一百二十", "120", "#120"),
        ("十四", "14", "#14"),
        ("第十四", "14th", "#14"),
        ("三千零五", "3,005", "#3005"),
        ("兩萬", "20,000", "#20000"),
        ("三億", "300000000", "#300000000"),
        ("二十一點二", "21.2", "#21.2"),  # a decimal in Chinese numerals (round 19)
        ("百分之零點五", "0.5%", "#0.5"),
        ("二〇二二", "2022", "#2022"),
        ("５．５％", "5.5%", "#5.5"),
    ],
)
def test_chinese_and_english_numbers_share_keys(zh: str, en: str, key: str) -> None:
    assert zh_number_keys(zh) == [key]
    assert digit_keys(strip_ordinal_suffixes(halfwidth_digits(en))) == [key]


def test_what_makes_no_key() -> None:
    assert zh_number_keys("一個") == []  # "one (of them)": a lone 一 is too common to anchor
    assert zh_number_keys("零") == []
    assert zh_number_keys("兩點五分") == ["#2", "#5"]  # "five past two": no decimal 2.5
    assert zh_number_keys("沒有數字") == []  # "no numbers"
    assert digit_keys("1.2.3") == []


def test_english_number_words() -> None:
    assert en_word_number("Twelfth") == 12 and en_word_number("half") == 0.5
    assert en_word_number("one") is None and en_word_number("first") == 1
    assert number_key(12) == "#12" and number_key(0.5) == "#0.5"


def test_parse_stops_at_digit_strings() -> None:
    assert parse_zh_number("一二") == (1, 1)  # two digits in a row: only the first is a numeral
    assert parse_zh_number("") == (None, 0)


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("It will cost two billion dollars.", "將耗資二十億元。"),
        ("It will cost HK$2bn.", "將耗資20億元。"),
        ("close to 150,000 passengers a day", "每日載客近15萬人次"),
        ("a further 3.5 million", "再多350萬"),
        ("up 5 per cent", "上升百分之五"),
        ("HK$1.2 trillion", "1.2萬億港元"),
    ],
)
def test_scaled_numbers_meet_across_languages(en: str, zh: str) -> None:
    """A number with its scale word is one key on both sides: two billion is 二十億 and 20億,
    150,000 is 15萬 (before, "two billion" gave #2 and #1000000000, and 15萬 gave #15)."""
    from duizhao.text.numbers import en_number_keys

    assert en_number_keys(en) == zh_number_keys(zh)


def test_m_is_million_only_after_a_currency_sign() -> None:
    from duizhao.text.numbers import en_number_keys

    assert en_number_keys("HK$3.5m") == ["#3500000"]
    assert en_number_keys("a 5m wall") == ["#5"]
