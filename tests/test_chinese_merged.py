"""Readings that the Traditional character rules out (duizhao.chinese.merged): 發 is never *fà*,
隻 never *zhǐ* … The sentences were written for these tests."""

from __future__ import annotations

import math

import pytest

from duizhao.chinese import PinyinRomaniser, annotate_text
from duizhao.chinese.merged import merged_pinyin
from duizhao.chinese.pinyin import PhraseWeights


def _pinyin(text: str, word: str, char: str) -> str | None:
    at = text.index(word) + word.index(char)
    return [r for t in annotate_text(text) for r in t.pinyin][at]


@pytest.mark.parametrize(
    ("text", "word", "char", "reading"),
    [
        ("示威者在街上散發傳單。", "散發", "發", "fā"),  # pypinyin's phrase 散发 says fà (hair)
        ("她的頭髮很長。", "頭髮", "髮", "fà"),
        ("米埔發現一隻黑臉琵鷺。", "一隻", "隻", "zhī"),  # the measure word
        ("他只想休息。", "只想", "只", "zhǐ"),
        ("當局會儘快公布結果。", "儘快", "儘", "jǐn"),
        ("不為五斗米折腰。", "斗米", "斗", "dǒu"),
        ("他們為了小事爭鬥。", "爭鬥", "鬥", "dòu"),
        ("學生要學會取捨。", "取捨", "捨", "shě"),
    ],
)
def test_the_traditional_form_says_which_word(
    text: str, word: str, char: str, reading: str
) -> None:
    assert _pinyin(text, word, char) == reading


def test_simplified_input_and_neutral_tones_are_left_alone() -> None:
    readings: list[str | None] = ["yì", "zhī", "māo"]
    merged_pinyin("一只猫", "一只猫", readings)  # Simplified: 只 is also the measure word
    assert readings == ["yì", "zhī", "māo"]
    readings = ["guān", "xi"]
    merged_pinyin("關係", "关系", readings)  # a neutral tone is a reading 係 can have
    assert readings == ["guān", "xi"]
    text, simp = "散發傳單", "散发传单"
    words = [(0, 2), (2, 4)]
    # pypinyin's phrase 散发 says fà (the hair); CC-CEDICT says fā, so since round 16 the
    # polyphone model decides even without the rules: the phrase alone still says fà
    phrase_only = PinyinRomaniser(
        context=False, phrase_weights=PhraseWeights(contradicted_rare=math.inf)
    )
    assert phrase_only.romanise(text, simp, words)[1] == "fà"
    assert PinyinRomaniser(context=False).romanise(text, simp, words)[1] == "fā"
    assert PinyinRomaniser().romanise(text, simp, words)[1] == "fā"
