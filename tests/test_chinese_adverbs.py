"""曾 and 處 read by the adverb beside them (duizhao.chinese.adverbs), and 應 "should" before a
quoted verb (duizhao.chinese.polyphones). The sentences were written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import PinyinRomaniser, annotate_text
from duizhao.chinese.adverbs import adverb_pinyin

from conftest import words_tokens


def _pinyin(text: str, word: str, char: str) -> str | None:
    """The pinyin of ``char`` inside the first ``word`` of ``text``."""
    at = text.index(word) + word.index(char)
    return [r for t in annotate_text(text) for r in t.pinyin][at]


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("衞生署過去曾抽驗街市的蔬菜。", "曾抽", "céng"),  # the adverb "once"
        ("他曾多次表示不會參選。", "曾多", "céng"),
        ("這位議員曾在英國讀書。", "曾在", "céng"),
        ("曾蔭權出席了典禮。", "曾蔭權", "zēng"),  # the surname of a name CC-CEDICT lists
        ("他的曾孫今年上小學。", "曾孫", "zēng"),  # great-grandson: a word
    ],
)
def test_ceng_alone_before_a_verb_is_the_adverb(text: str, word: str, reading: str) -> None:
    assert _pinyin(text, word, "曾") == reading


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("樓市目前仍處調整期，發展商減慢推盤。", "仍處", "chǔ"),  # "to be in (a state)"
        ("本港經濟正處轉型階段。", "正處", "chǔ"),
        ("兩間學校同處一區。", "同處", "chǔ"),
        ("此處不准停車。", "此處", "chù"),  # "place" after a demonstrative
        ("山區道路已有多處受損。", "多處", "chù"),
        ("入境處昨日發出聲明。", "入境處", "chù"),  # a department
        ("這個安排有很多好處。", "好處", "chù"),  # a word
    ],
)
def test_chu_after_an_adverb_is_the_verb(text: str, word: str, reading: str) -> None:
    assert _pinyin(text, word, "處") == reading


def test_ying_before_a_quoted_verb_is_should() -> None:
    text = "立法會也應「帶頭」節約用電。"
    assert _pinyin(text, "應", "應") == "yīng"
    tokens = annotate_text(text)
    ying = next(t for t in tokens if text[t.start : t.end] == "應")
    assert ying.jyutping == ("jing1",)


def test_adverb_pinyin_leaves_other_readings_alone() -> None:
    readings: list[str | None] = ["rén", "chù"]
    adverb_pinyin("人处", [(0, 1), (1, 2)], readings)  # no adverb before it
    assert readings == ["rén", "chù"]
    # without the context rules the model's reading stands
    text, simp = "樓市仍處低位", "楼市仍处低位"
    words = [(0, 2), (2, 3), (3, 4), (4, 6)]
    assert PinyinRomaniser().romanise(text, simp, words)[3] == "chǔ"


def test_cli_words_prints_ceng_and_chu(tmp_path: Path) -> None:
    tokens = words_tokens(tmp_path, "漁農處過去曾抽驗雀鳥樣本，本港仍處低息環境。")
    by_text = {t["text"]: t["pinyin"] for t in tokens}
    assert by_text["曾"] == ["céng"]
    assert by_text["處"] == ["chǔ"]


@pytest.mark.parametrize(
    ("text", "word", "char", "reading"),
    [
        ("這道題目太難。", "難", "難", "nán"),  # an adjective as predicate, not nàn "disaster"
        ("願意讀理科的學生越來越少。", "少", "少", "shǎo"),  # not shào "young"
        ("他這幾天工作太累。", "累", "累", "lèi"),
        ("時間過得很快。", "過得", "得", "de"),  # 過 "to pass (time)" and its complement
        ("這是一場無止盡的爭拗。", "無止盡", "盡", "jìn"),  # 盡 after another character
        ("他會儘量幫忙。", "儘量", "儘", "jǐn"),
        ("他把事情弄得一團糟。", "弄得", "弄", "nòng"),
        ("在門口就嗅得到花香。", "嗅得到", "得", "de"),  # the potential complement
        ("他畢業後覓得一份好工。", "覓得", "得", "dé"),  # "to obtain", not the marker
        ("慈善跑共募得十萬元。", "募得", "得", "dé"),
        ("他跑得很快。", "跑得", "得", "de"),
    ],
)
def test_adjectives_after_a_degree_adverb_and_de(
    text: str, word: str, char: str, reading: str
) -> None:
    assert _pinyin(text, word, char) == reading
