"""Round 17 side branch (issue 15): a curated phrase's most common reading that two other
shipped dictionaries confirm (CC-CEDICT, 汉典's words and idioms) stands against the polyphone
model (``PhraseWeights.confirmed``) — as a user meets it: ``duizhao words`` and the romaniser."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import PinyinRomaniser
from duizhao.chinese.phrase_votes import confirmed_mask
from duizhao.chinese.pinyin import PhraseWeights

from conftest import words_pinyin


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # g2pM is "sure" of shà (28 nats), fó, sì here; pypinyin, CC-CEDICT and 汉典 agree
        ("客車因煞車失靈，駛過路口。", "煞車", "shā chē"),
        ("時間彷彿也停了下來。", "彷彿", "fǎng fú"),
        ("他好像接受審判似的。", "似的", "shì de"),
    ],
)
def test_a_confirmed_reading_stands_against_the_model(
    tmp_path: Path, text: str, word: str, reading: str
) -> None:
    assert words_pinyin(tmp_path, text)[word] == reading


def test_the_votes_and_the_setting() -> None:
    assert confirmed_mask("煞车", ["shā", "chē"]) == 0b11
    assert confirmed_mask("煞车", ["shà", "chē"]) == 0b10  # both sources say shā
    text, simp = "因煞車過急致使車", "因煞车过急致使车"  # "because it braked too hard"
    words = [(0, 1), (1, 3), (3, 4), (4, 5), (5, 7), (7, 8)]
    assert PinyinRomaniser().romanise(text, simp, words)[1] == "shā"
    before = PinyinRomaniser(phrase_weights=PhraseWeights(confirmed=8))  # as before round 17
    assert before.romanise(text, simp, words)[1] == "shà"
    # PhraseWeights(0, 0, 0) still lets the model decide everywhere
    assert (
        PinyinRomaniser(phrase_weights=PhraseWeights(0, 0, 0)).romanise(text, simp, words)[1]
        == "shà"
    )
