"""為 alone: the preposition wèi "for" or the verb wéi "to be", in pinyin and Jyutping alike
(duizhao.chinese.wei). The sentences were written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import annotate_text
from duizhao.chinese.wei import wei_reading

from conftest import words_tokens

WEI = ("wèi", "wai6")  # "for; because of; in order to"
WEI2 = ("wéi", "wai4")  # "to be; as; to do"


def _reading(text: str, word: str) -> tuple[str | None, str | None]:
    """The pinyin and Jyutping of the 為 in ``word`` (the first occurrence of ``word``)."""
    tokens = annotate_text(text)
    at = text.index(word) + word.index("為")
    pinyin = [r for t in tokens for r in t.pinyin]
    jyutping = [r for t in tokens for r in t.jyutping]
    return pinyin[at], jyutping[at]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("政府應為市民提供更多支援。", "為市民"),  # for citizens: a predicate follows
        ("我們為香港的前途擔心。", "為香港"),
        ("這項計劃為基層家庭帶來實質幫助。", "為基層"),
        ("她為人民服務了一生。", "為人民"),  # not 為人 "conduct"
        ("大家都為他高興。", "為他"),  # an adjective as the predicate
        ("為應付人口老化，政府增撥資源。", "為應付"),  # a clause of purpose
        ("他們為保護環境而努力。", "為保護"),  # 為 … 而
        ("政府為全港市民派發消費券。", "為全港"),
        ("他為球隊效力十年。", "為球隊"),
        ("為了香港，我們要團結。", "為了"),  # a phrase that g2pM reads wéi
        ("他不知為何生氣。", "為何"),
        ("議員為此向當局查詢。", "為此"),
        ("佢哋為咗香港好，所以要團結。", "為咗"),  # written Cantonese 為咗 "for"
    ],
)
def test_wei_for_before_a_noun_phrase_and_its_predicate(text: str, word: str) -> None:
    assert _reading(text, word) == WEI


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("本港失業率為百分之三。", "為百分"),  # "is": nothing after the complement
        ("今年的參加人數為五千人。", "為五千"),
        ("我們視他為朋友。", "為朋友"),
        ("化悲痛為力量。", "為力量"),
        ("政府以教育為首要工作。", "為首要"),  # 以 X 為 Y
        ("這種做法不為社會所接受。", "為社會"),  # the passive 為 … 所
        ("他為人正直，深受尊重。", "為人"),  # 為人 "as a person"
        ("此舉實為明智之舉。", "為明智"),
        ("列車恢復為自動駕駛模式。", "為自動"),  # a verb and its complement
        ("他被選為立法會主席。", "選為"),  # inside a word: both romanisers say wéi
        ("香港作為國際金融中心，必須保持競爭力。", "作為"),
        ("這個問題較為複雜。", "較為"),
    ],
)
def test_wei2_to_be_as_and_in_words(text: str, word: str) -> None:
    assert _reading(text, word) == WEI2


def test_wei_reading_on_words() -> None:
    assert wei_reading(["学校", "为", "学生", "举办", "讲座", "。"], 1) == "wèi"
    assert wei_reading(["分", "为", "三", "部分", "。"], 1) == "wéi"
    assert wei_reading(["不可", "为"], 1) == "wéi"  # 為 "to do", at the end
    assert wei_reading(["为"], 0) is None  # alone (a word list): no rule, the dictionary's reading


def test_cli_words_reads_wei_by_its_sense(tmp_path: Path) -> None:
    tokens = words_tokens(tmp_path, "學校為學生舉辦講座。\n講座的參加人數為二百人。")
    got = [(t["pinyin"][0], t["jyutping"][0]) for t in tokens if t["text"] == "為"]
    assert got == [WEI, WEI2]
