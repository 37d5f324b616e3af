"""A first guess one word too short gets the whole set phrase it begins or ends
(:func:`duizhao.glossary.idioms.whole_phrase_first`): 水土流失 for "erosion", not 水土 alone;
on text written for it."""

from __future__ import annotations

from pathlib import Path

from duizhao.glossary.features import Candidate
from duizhao.glossary.idioms import set_phrase_kind, whole_phrase_first

from conftest import first_counterparts

_ARTICLE = """Heavy rain caused serious erosion on the bare hillside.

The rubbish on the beach kept piling up.

大雨令光禿禿的山坡出現嚴重的水土流失。

海灘上的垃圾堆積如山。

/ Glossary生字 /

erosion：the gradual wearing away of soil or rock by water or wind

pile up：to increase in quantity
"""


def test_the_whole_set_phrase_is_the_counterpart_and_stays_marked_check(tmp_path: Path) -> None:
    found = first_counterparts(tmp_path / "hillside.txt", _ARTICLE)
    # before: 水土 ("soil"), half of the set phrase, marked "check"
    assert found["erosion"] == ("水土流失", True)
    # a whole set phrase found first stays as it is
    assert found["pile up"][0] == "堆積如山"


def test_only_an_idiom_at_the_same_place_and_unexplained_moves_the_first_guess() -> None:
    assert [set_phrase_kind(t) for t in ("水土流失", "一擲千金", "不可或缺", "監管機構", "流失")] == [
        "idiom", "idiom", "phrase", "", ""
    ]  # fmt: skip
    half = Candidate("流失", {}, [(0, 2, 4)], 1.2)
    whole = Candidate("水土流失", {}, [(0, 0, 4)], 0.9)
    elsewhere = Candidate("水土流失", {}, [(1, 0, 4)], 0.9)
    compound = Candidate("監管機構", {}, [(0, 2, 6)], 0.9)
    assert whole_phrase_first([half, whole], 1)[0] is whole
    assert whole_phrase_first([half, elsewhere], 1)[0] is half
    assert whole_phrase_first([Candidate("監管", {}, [(0, 2, 4)], 1.2), compound], 2)[0].text == "監管"
    # a set phrase that is not an idiom (a word and its modifier) only for a term of two words
    handle = Candidate("處理", {}, [(0, 2, 4)], 1.2)
    by_oneself = Candidate("自行處理", {}, [(0, 0, 4)], 0.9)
    assert whole_phrase_first([handle, by_oneself], 1)[0] is handle
    assert whole_phrase_first([handle, by_oneself], 2)[0] is by_oneself
    explained = Candidate("水土流失", {"explained": 0.5}, [(0, 0, 4)], 0.9)
    assert whole_phrase_first([half, explained], 1)[0] is half
    # the dictionary translating the whole term by the best candidate settles it
    sure = Candidate("流失", {"dict_term": 1.0, "core_term": 1.0}, [(0, 2, 4)], 1.2)
    assert whole_phrase_first([sure, whole], 1)[0] is sure
