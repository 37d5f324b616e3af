"""Round 16 (issue 15): a curated phrase's rarer reading that CC-CEDICT contradicts no longer
stands against the polyphone model (``PhraseWeights.contradicted_rare``) — as a user meets it:
``duizhao words`` and the public romaniser API."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from duizhao.chinese import PinyinRomaniser
from duizhao.chinese.pinyin import PhraseWeights

from conftest import words_pinyin, words_tokens


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # pypinyin's curated phrases give a rarer reading; CC-CEDICT (and 现代汉语词典) the other
        ("記者刊登未經查證的照片，有違專業精神。", "照片", "zhào piàn"),  # not piān
        ("這一次他倒是表現得十分出色。", "倒是", "dào shì"),  # not dǎo
        ("人民的生活十分簡樸。", "簡樸", "jiǎn pǔ"),  # not piáo
        ("演唱會今晚八時登場。", "登場", "dēng chǎng"),  # not cháng
        # where CC-CEDICT is the one that differs from 现代汉语词典, the shipped word reading
        ("他在鏡頭前還是裝模作樣。", "裝模作樣", "zhuāng mú zuò yàng"),  # not mó
    ],
)
def test_a_contradicted_rare_reading_yields_to_the_model(
    tmp_path: Path, text: str, word: str, reading: str
) -> None:
    assert words_pinyin(tmp_path, text)[word] == reading


def test_a_confirmed_rare_reading_still_stands(tmp_path: Path) -> None:
    # CC-CEDICT reads 會計 kuài jì too: g2pM's huì (sure to 1 - 1e-21) does not overrule it
    assert words_pinyin(tmp_path, "他在銀行當會計。")["會計"] == "kuài jì"
    # a neutral tone in either dictionary agrees with the same syllable (妥當 tuǒ dang)
    assert words_pinyin(tmp_path, "市民認為此舉不妥當。")["妥當"] in ("tuǒ dàng", "tuǒ dang")


def test_the_old_weighing_is_one_setting_away() -> None:
    text = simp = "记者刊登未经查证的照片，有违专业精神。"
    words = [(0, 2), (2, 4), (4, 6), (6, 8), (8, 9), (9, 11), (12, 14), (14, 16), (16, 18)]
    assert PinyinRomaniser().romanise(text, simp, words)[9:11] == ["zhào", "piàn"]
    before = PinyinRomaniser(phrase_weights=PhraseWeights(curated=7, contradicted_rare=math.inf))
    assert before.romanise(text, simp, words)[9:11] == ["zhào", "piān"]
    # never more than curated_rare: with every weight 0 the model wins everywhere, as before
    assert PhraseWeights(0, 0, 0).contradicted_rare == 0


def _reading_of(tmp_path: Path, text: str, char: str) -> list[str]:
    return [
        p
        for t in words_tokens(tmp_path, text)
        for c, p in zip(t["text"], t["pinyin"], strict=True)
        if c == char
    ]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("他在比賽中表現得十分出色。", "de"),  # 十分 "very" is a degree word, not a number
        ("她對此感激得萬分。", "de"),
    ],
)
def test_de_before_a_degree_word_written_with_a_numeral(
    tmp_path: Path, text: str, reading: str
) -> None:
    assert _reading_of(tmp_path, text, "得") == [reading]


def test_a_fraction_after_de_is_still_a_number() -> None:
    from duizhao.chinese.frames import _obtained

    assert not _obtained("表现得十分出色", "表现", 3)
    assert _obtained("分得十分之一", "分", 2)  # 十分之一 "a tenth": 得 "obtained"


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("宋太宗繼位，遷閤門祗候。", "閤門", "gé mén"),  # hk2s writes 合: g2pM said hé
        ("他們在南閤以北的景區散步。", "南閤", "nán gé"),
        ("祝你閤家平安，萬事如意。", "閤家", "hé jiā"),  # 閤 as 闔 "whole"
    ],
)
def test_ge_is_the_reading_of_the_traditional_form(
    tmp_path: Path, text: str, word: str, reading: str
) -> None:
    assert words_pinyin(tmp_path, text)[word] == reading
