"""Pinyin of frequent polyphones read from their syntactic frame (duizhao.chinese.frames): 著 as
the particle *zhe* or the verb *zháo*/*zhuó*, 長 *zhǎng* in titles, 得 *de*/*děi*, the A不A
question, 都 *dōu*, adverbial 地, 長 *cháng*, 教 *jiāo*. The sentences were written for these
tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import ChineseAnnotator, PinyinRomaniser, annotate_text
from duizhao.chinese.frames import zhe

from conftest import words_tokens


def _pinyin(text: str, word: str, char: str, nth: int = 0) -> str | None:
    """The pinyin of ``char`` inside the first ``word`` of ``text`` (its ``nth`` occurrence)."""
    at = text.index(word)
    at += [k for k, c in enumerate(word) if c == char][nth]
    return [r for t in annotate_text(text) for r in t.pinyin][at]


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("隨著經濟轉型，市民的需要也在改變。", "隨著", "zhe"),
        ("他們頂著烈日在街上派傳單。", "頂著", "zhe"),
        ("這份報告隱含著不少假設。", "含著", "zhe"),
        ("接著，主席宣布散會。", "接著", "zhe"),
        ("孩子在車上睡著了。", "睡著", "zháo"),
        ("政府已著手研究新方案。", "著手", "zhuó"),
        ("香港是著名的國際都會。", "著名", "zhù"),  # a phrase reads it zhù
        ("成效並不顯著。", "顯著", "zhù"),
        ("《朝花夕拾》，魯迅著。", "迅著", "zhù"),  # an author's credit after a name
        ("這是他所著的第一本書。", "所著", "zhù"),  # "written by"
    ],
)
def test_zhe_is_read_by_its_word(text: str, word: str, reading: str) -> None:
    assert _pinyin(text, word, "著") == reading


def test_zhe_rewrites_only_the_simplified_text_the_romaniser_reads() -> None:
    assert zhe("随著时间", [(0, 2), (2, 4)]) == "随着时间"
    assert zhe("著名学者", [(0, 2), (2, 4)]) == "著名学者"
    assert zhe("没有", [(0, 2)]) == "没有"
    # without the context rules, 著 keeps pypinyin's first reading
    text = "隨著時間過去"
    simp = "随著时间过去"
    words = [(0, 2), (2, 4), (4, 6)]
    assert PinyinRomaniser(context=False).romanise(text, simp, words)[1] == "zhù"
    assert PinyinRomaniser().romanise(text, simp, words)[1] == "zhe"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("前衛生署長今日出席聽證會。", "署長"),  # a convention's word: 衛生署長
        ("審計長發表了報告。", "審計長"),
        ("校長向家長解釋新安排。", "校長"),
        ("理事長主持了會議。", "理事長"),
    ],
)
def test_chang_ending_a_title_is_zhang(text: str, word: str) -> None:
    assert _pinyin(text, word, "長") == "zhǎng"


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("這條路很長，", "很長", "cháng"),  # an adjective after a degree adverb, ending a clause
        ("等候的時間比預期還長。", "還長", "cháng"),
        ("小樹還長得很快。", "還長", "zhǎng"),  # "to grow": something follows
        ("海岸線全長二百公里。", "全長", "cháng"),
    ],
)
def test_chang_after_a_degree_adverb(text: str, word: str, reading: str) -> None:
    assert _pinyin(text, word, "長") == reading


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("她急得團團轉。", "急得", "de"),  # the complement marker after a verb
        ("他找得到工作嗎？", "找得", "de"),
        ("大家高興得跳起來。", "興得", "de"),  # after a two-character word
        ("他跑得很快。", "跑得", "de"),
        ("我們還得等半小時。", "還得", "děi"),  # "must" after an adverb, before a verb
        ("你就得馬上出發。", "就得", "děi"),
        ("球隊取得了勝利。", "取得", "dé"),  # a word of the dictionary
        ("這個方案更得民心。", "更得", "dé"),  # a noun after it: "to win"
    ],
)
def test_de_after_a_verb_and_dei_after_an_adverb(text: str, word: str, reading: str) -> None:
    assert _pinyin(text, word, "得") == reading


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("他們也都同意這個安排。", "都同", "dōu"),  # after an adverb, before a verb
        ("學生都借給了同學。", "都借", "dōu"),
        ("北京是中國的首都。", "首都", "dū"),  # a word
        ("這座古都吸引不少遊客。", "古都", "dū"),
    ],
)
def test_dou_alone_is_the_adverb(text: str, word: str, reading: str) -> None:
    assert _pinyin(text, word, "都") == reading


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("他毫不猶豫地答應了。", "豫地", "de"),  # after a four-character idiom, before a verb
        ("市民紛紛到當地參觀。", "當地", "dì"),
        ("老師所教的課很有趣。", "所教", "jiāo"),  # the verb "to teach"
        ("她教學生寫字。", "她教", "jiāo"),
        ("他信教多年。", "信教", "jiào"),  # a word: "to be religious"
        ("教師明天開會。", "教師", "jiào"),
    ],
)
def test_di_and_jiao_alone(text: str, word: str, reading: str) -> None:
    assert _pinyin(text, word, word[-1] if word[-1] in "地教" else word[0]) == reading


def test_the_a_not_a_question_reads_both_as_the_second() -> None:
    text = "政府應不應該增加撥款？"
    readings = [r for t in annotate_text(text) for r in t.pinyin]
    assert readings[2:6] == ["yīng", "bù", "yīng", "gāi"]


def test_the_frames_change_no_jyutping_but_that_of_chang_and_zhu() -> None:
    """Jyutping read without pinyin and with it differ only where 長 and 著 take the sense
    the pinyin settled (審計長 zoeng2; ToJyutping reads it coeng4 "long")."""
    text = "他們頂著烈日，也都同意，審計長說路很長。"
    alone = [j for t in ChineseAnnotator(pinyin=False).annotate(text) for j in t.jyutping]
    both = [j for t in ChineseAnnotator().annotate(text) for j in t.jyutping]
    differ = [k for k, (a, b) in enumerate(zip(alone, both, strict=True)) if a != b]
    assert [text[k] for k in differ] == ["長"]
    assert both[text.index("審計長") + 2] == "zoeng2"


def test_cli_words_prints_zhe_and_its_gloss(tmp_path: Path) -> None:
    tokens = words_tokens(tmp_path, "他們頂著烈日在街上派傳單。")
    zhes = [t for t in tokens if "著" in t["text"]]
    assert zhes
    for t in zhes:
        assert t["pinyin"][t["text"].index("著")] == "zhe"
        assert "aspect" in (t["gloss"] or "") or t["text"] != "著"


@pytest.mark.parametrize(
    ("text", "word", "char", "reading"),
    [
        ("醫院太快重開病房。", "重開", "重", "chóng"),  # "again": the phrase's reading stands
        ("政府很重視這件事。", "重視", "重", "zhòng"),
        ("請把冷氣溫度調到二十五度。", "調到", "調", "tiáo"),  # "to adjust" to a value
        ("他被調到香港工作。", "調到", "調", "diào"),  # "to transfer"
    ],
)
def test_chong_and_tiao(text: str, word: str, char: str, reading: str) -> None:
    assert _pinyin(text, word, char) == reading


@pytest.mark.parametrize(
    ("text", "word", "char", "jyutping"),
    [
        ("審計長發表報告。", "審計長", "長", "zoeng2"),  # ToJyutping: coeng4 "long"
        ("衛生署長表示會跟進。", "衛生署長", "長", "zoeng2"),
        ("這條路很長。", "長", "長", "coeng4"),
        ("這是魯迅著的書。", "著", "著", "zyu3"),  # ToJyutping: zoek6
        ("隨著經濟發展，", "隨著", "著", "zoek6"),
        ("這是著名的景點。", "著名", "著", "zyu3"),
    ],
)
def test_jyutping_of_chang_and_zhu_says_the_sense_of_the_pinyin(
    text: str, word: str, char: str, jyutping: str
) -> None:
    token = next(t for t in annotate_text(text) if t.text_in(text) == word)
    assert token.jyutping[word.index(char)] == jyutping
