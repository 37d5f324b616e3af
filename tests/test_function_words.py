"""Function words glossed by their place in the sentence (duizhao.chinese.function_words).

The sentences are ours, written for these tests; each checks the first sense a learner sees when
pointing at the word on the sheet (the token's gloss), through the public annotator.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import annotate_text


def first_sense(text: str, word: str, nth: int = 0) -> str:
    toks = [t for t in annotate_text(text) if text[t.start : t.end] == word]
    assert len(toks) > nth, f"{word} is not a token of {text}: {annotate_text(text)}"
    gloss = toks[nth].gloss
    assert gloss is not None
    return gloss.split("; ")[0]


@pytest.mark.parametrize(
    ("text", "word", "sense"),
    [
        ("會議在港舉行。", "在", "at"),  # a place after it
        ("他們在討論新方案。", "在", "(used before a verb to indicate an action in progress)"),
        ("他把門關上。", "把", "(puts the object before the verb: 把 + noun + verb)"),
        ("這把刀很利。", "把", "classifier for things with handles"),
        ("全港約有三百間學校。", "約", "approximately"),
        ("車費十年來沒有調整。", "來", "for the past (amount of time)"),
        ("新例自2025年起生效。", "起", "starting from (a time, place, price etc)"),
        ("市民可選擇乘車或步行。", "或", "or"),
        ("日本、韓國及新加坡等地都有電車。", "等", "and so on"),
        ("我們等你。", "等", "to wait for"),  # after a pronoun: the verb
        ("該校具悠久歷史。", "具", "to possess"),
        ("他跟朋友去旅行。", "跟", "with"),
        ("由政府所提出的方案。", "所", "that which"),
        ("單靠政府並不足夠。", "單", "only"),
        ("市民對新方案的意見。", "對", "towards"),
        ("他對了。", "對", "right"),  # before a particle: "correct"
        ("他被老師批評。", "被", "(marks the passive voice) by"),
        ("中國及美國分別有十個和八個。", "分別", "separately"),
        ("不過，問題仍未解決。", "不過", "but"),
        ("政府舉辦多場活動。", "活動", "activity"),
        ("香港排第三。", "第", '(prefix indicating ordinal number, as in 第六 (dìliù) "sixth")'),
        ("價格由十元升至二十元。", "至", "to"),
        ("三十多人參加。", "多", "(after a numeral) ... odd"),
        ("三年後他回來了。", "後", "after"),
        ("會議下午三時開始。", "時", "o'clock"),
        ("才三個人參加。", "才", "(before an expression of quantity) only"),
        # measure words after a number mean what they count
        ("學校舉行兩場講座。", "場", "classifier for sporting or recreational activities"),
        ("報告提出三項建議。", "項", "classifier for principles, items, clauses, tasks, research projects etc"),
        ("民主派取得十席。", "席", "seat"),
        ("該校排第五名。", "名", "place (e.g. among winners)"),
        ("三名學生獲獎。", "名", "classifier for people"),
        ("該校於2020年成立。", "年", "year"),
        ("香港打入十強。", "強", "best in their category: the top … (十強 the top ten)"),
        ("該校排第五名。", "排", "to rank"),
        ("該校排第五名。", "該", "that"),
        ("你該早點睡。", "該", "should"),  # before a verb
        # round 9: an editorial of ours on health-care vouchers
        ("每年都有新學生。", "年", "year"),  # not after a number: still never "grain"
        ("凡年滿十八歲的市民都可投票。", "凡", "every"),  # not "ordinary"
        ("他們明年便會搬走。", "會", "will"),
        ("這個方法並不可行。", "並", "(not) at all"),
        ("他完成功課，並交給老師。", "並", "and"),
        ("單靠政府並不足夠。", "靠", "to depend on"),
        ("每人可獲二千元。", "元", "dollar (HK$ in Hong Kong)"),
        ("匯豐公布業績，該行表示將增聘員工。", "行", "the bank or firm (named before)"),  # round 10
        ("這是責任而非特權。", "而", "but (not)"),
        ("他買了一副眼鏡。", "副", "classifier for pairs, sets of things & facial expressions"),
        # round 9: an editorial of ours on public housing
        ("租客必須受到保護，免被迫遷。", "免", "to avoid"),  # not "to excuse sb"
        ("政府應盡快處理。", "應", "should"),  # not "to agree (to do sth)"
        ("業主必須符合標準才可出租。", "可", "can"),  # not "(prefix) can"
        ("當孩子仍要在床上做功課，我們不能坐視。", "當", "when"),  # not "to be"
        ("一家人要與鄰居共用廁所。", "要", "to need to"),
        ("我要一杯咖啡。", "要", "to want"),  # before a noun: the verb
        ("他讓我們進去。", "讓", "to let sb do sth"),  # not "to yield"
        ("在這樣的情況下，他只好離開。", "下", "under (conditions)"),  # closing 在 … 下
    ],
)
def test_function_word_sense(text: str, word: str, sense: str) -> None:
    assert first_sense(text, word) == sense


def test_outside_any_rule_the_usual_choice() -> None:
    # 在 at the end of a clause is the verb "to exist / to be at": no rule applies
    assert first_sense("他不在。", "在") == "to exist"


def test_teachers_gloss_still_wins(tmp_path: Path) -> None:
    from duizhao.chinese import ChineseAnnotator

    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("在\t-\t-\tlocated at\n", encoding="utf-8")
    text = "會議在港舉行。"
    tok = next(
        t for t in ChineseAnnotator(overrides=fixes).annotate(text) if text[t.start : t.end] == "在"
    )
    assert tok.gloss == "located at"


def test_a_place_is_not_counted() -> None:
    # 場 is a measure word only after a number or a counting word: 會場 is "venue"
    assert first_sense("會場很大。", "會場") == "meeting place"
