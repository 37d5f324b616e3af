"""Round 19: a polyphonic surname reads as the surname where its word is a name (单仲偕 *Shàn*,
查良镛 *Zhā*, 解 教授 *Xiè*), with the Jyutping to match; the ordinary words keep their readings
(单位 *dān*, 解决 *jiě*, 调查 *chá*, 任何 *rèn*). The sentences are ours (not from a dev set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import words_tokens

TEXT = (
    "單仲偕表示，政府應該改善單位供應。查良鏞先生的小說，警方正在調查。解縉教授表示，問題已經解決。"
    "仇先生說他沒有仇恨。樂女士喜歡音樂。單先生說，區女士表示，華人華先生同意。任先生說任何人都可以。"
    "紀先生、召先生、蓋女士和種先生都來了。本區議員表示，他曾任主席。單程證、區域、解放軍、召開會議。"
    "前主席查良鏞昨日到訪。"
)


@pytest.fixture(scope="module")
def tokens(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return words_tokens(tmp_path_factory.mktemp("names"), TEXT)


def _readings(tokens: list[dict], word: str) -> list[tuple[str, str]]:
    """(pinyin, Jyutping) of the first character of every token ``word``."""
    found = [(t["pinyin"][0], t["jyutping"][0]) for t in tokens if t["text"] == word]
    assert found, word
    return found


@pytest.mark.parametrize(
    ("word", "pinyin", "jyutping"),
    [
        ("單仲偕", "shàn", "sin6"),  # a three-character name before 表示
        ("查良鏞", "zhā", "caa4"),  # before 先生, and after a title (前主席 查良鏞)
        ("解縉", "xiè", "haai6"),  # a two-character name before a title
        ("仇", "qiú", "sau4"),
        ("單", "shàn", "sin6"),  # a surname alone before 先生
        ("區", "ōu", "au1"),
        ("華", "huà", "waa6"),
        ("任", "rén", "jam4"),
        ("紀", "jǐ", None),
        ("召", "shào", "siu6"),
        ("蓋", "gě", None),
        ("種", "chóng", None),
    ],
)
def test_surname_in_a_name(
    tokens: list[dict], word: str, pinyin: str, jyutping: str | None
) -> None:
    found = _readings(tokens, word)
    for py, jp in found if len(word) > 1 else found[:1]:  # (任 "to serve as" comes later)
        assert py == pinyin
        if jyutping is not None:
            assert jp == jyutping


@pytest.mark.parametrize(
    ("word", "pinyin", "jyutping"),
    [
        ("單位", "dān", "daan1"),
        ("調查", "diào", "diu6"),
        ("解決", "jiě", "gaai2"),
        ("仇恨", "chóu", "sau4"),
        ("音樂", "yīn", "jam1"),
        ("任何", "rèn", "jam6"),
        ("華人", "huá", "waa4"),
        ("單程證", "dān", "daan1"),  # no name: 單程 is a word
        ("區域", "qū", "keoi1"),
        ("區議員", "qū", "keoi1"),  # 本區議員 "the district's councillors"
        ("召開", "zhào", "ziu6"),
    ],
)
def test_ordinary_words_keep_their_reading(
    tokens: list[dict], word: str, pinyin: str, jyutping: str
) -> None:
    assert all(r == (pinyin, jyutping) for r in _readings(tokens, word))


def test_serve_as_is_not_a_name(tmp_path: Path) -> None:
    # 曾 任 主席 "once served as chairman": 任 before a job title is the verb, not Mr Yam
    got = [t for t in words_tokens(tmp_path, "他曾任主席。") if t["text"] == "任"]
    assert got and got[0]["pinyin"] == ["rèn"]
