"""Hong Kong (CityU) word-standard conventions of the seventh round of issue 15 (sentences
written for the tests; each case fails on the code before the round)."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import default_annotator
from duizhao.chinese.cityu import cityu_cuts


def words(text: str) -> list[str]:
    tokens = default_annotator().annotate(text)
    got = [t.text_in(text) for t in tokens]
    assert "".join(got) == text
    return got


def has_run(got: list[str], run: list[str]) -> bool:
    return any(got[i : i + len(run)] == run for i in range(len(got)))


@pytest.mark.parametrize(
    ("text", "run"),
    [
        # a verb of two characters and its complement of destination or result
        ("記者了解到，新校舍明年落成。", ["了解", "到"]),
        ("這塊地已指定為綠化地帶。", ["指定", "為"]),
        ("茶葉加工成茶包後出售。", ["加工", "成"]),
        ("一場小爭執轉化成為大衝突。", ["轉化", "成為"]),
        # and the recipient's 給 (round 19; the Taiwan dictionary has 傳授給, 提供給 as words)
        ("老師傅把手藝傳授給徒弟。", ["傳授", "給"]),
        ("政府會提供給合資格人士。", ["提供", "給"]),
        # 據 "according to" before the verb of reporting
        ("據了解，會議將延期。", ["據", "了解"]),
        # a number, 多 and a unit
        ("事隔十多天後，他才回家。", ["十", "多", "天"]),
        # a numeral and 成 "tenths"
        ("約九成市民支持方案。", ["九", "成"]),
        # the proper name of a place and 人
        ("不少日本人來港旅遊。", ["日本", "人"]),
    ],
)
def test_hong_kong_standard_cuts(text: str, run: list[str]) -> None:
    got = words(text)
    assert has_run(got, run), got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("工程上月底完成。", "上月底"),
        ("會議下周一舉行。", "下周一"),
        ("這個方案不可行。", "這個"),
        ("整個社會都要配合。", "整個"),
        ("那個人沒有說話。", "那個"),
    ],
)
def test_demonstrative_and_general_measure_word_are_one_word(text: str, word: str) -> None:
    assert word in words(text)


def test_what_stays_whole() -> None:
    got = words("據悉他八成不會來，這種做法得到支持。")
    assert "據悉" in got  # a two-character word of its own
    assert "八成" in got  # "most likely"
    assert has_run(got, ["這", "種"])  # other measure words stay words of their own
    assert "得到" in got  # a two-character word, not a verb and 到
    got = words("港人和外國人都歡迎。")
    assert "港人" in got and "外國人" in got  # not the proper name of a place


def test_rule_needs_a_known_verb() -> None:
    assert cityu_cuts(["某某到"], lambda w: 0) == ["某某到"]
    freq = {"觀察": 500, "報道": 800}
    assert cityu_cuts(["觀察到"], lambda w: freq.get(w, 0)) == ["觀察", "到"]
    assert cityu_cuts(["據報道"], lambda w: freq.get(w, 0)) == ["據", "報道"]


@pytest.mark.parametrize(
    ("text", "idiom"),
    [
        ("兩黨各執一詞，互不相讓。", "各執一詞"),
        ("疫情之下，市面百業蕭條。", "百業蕭條"),
    ],
)
def test_four_character_idioms_are_one_word(text: str, idiom: str) -> None:
    assert idiom in words(text)


def test_function_word_compounds_the_taiwan_dictionary_has_only_rarely() -> None:
    # jieba-tw's dictionary (Taiwan standard) lists these, but far more rarely than jieba's
    # does; the Hong Kong standard keeps them whole
    got = words("市民只能等候，人手不夠，氣溫最高三十度，途人在街上叫喊。")
    for w in ("只能", "不夠", "最高", "街上"):
        assert w in got, got


def test_chu_place_after_a_number_or_demonstrative() -> None:
    # the rule settles 處 after a number or a demonstrative whatever the model said
    from duizhao.chinese.polyphones import fix_pinyin

    text, simplified = "有一處古寺", "有一处古寺"
    spans = [(0, 1), (1, 2), (2, 3), (3, 5)]
    readings: list[str | None] = ["yǒu", "yī", "chǔ", "gǔ", "sì"]
    assert fix_pinyin(text, simplified, spans, readings)[2] == "chù"
    # and the annotator reads it so
    tokens = default_annotator().annotate("事件發生後，多處地方水浸。")
    assert [r for t in tokens for r in t.pinyin][7] == "chù"


def test_chu_verb_stays() -> None:
    from duizhao.chinese.polyphones import fix_pinyin

    spans = [(0, 1), (1, 3)]
    assert fix_pinyin("他處事", "他处事", spans, ["tā", "chǔ", "shì"])[1] == "chǔ"
    tokens = default_annotator().annotate("他善於處事。")
    assert [r for t in tokens for r in t.pinyin][3] == "chǔ"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("議員關志明表示反對。", "關志明"),
        ("校長甘綺華說。", "甘綺華"),
        ("屈嘉儀認為可行。", "屈嘉儀"),
    ],
)
def test_more_hong_kong_surnames(text: str, name: str) -> None:
    assert name in words(text)


def test_jin_alone_is_all() -> None:
    tokens = default_annotator().annotate("他盡得師傅真傳，請盡快回覆。")
    readings = [r for t in tokens for r in t.pinyin]
    assert readings[1] == "jìn"  # 盡 得 "got all of"
    assert readings[9] == "jǐn"  # 盡快 "as soon as possible"


def test_pang_alone_is_fat() -> None:
    from duizhao.chinese.polyphones import fix_pinyin

    spans = [(0, 1), (1, 2), (2, 3), (3, 4)]
    got = fix_pinyin("頭大體胖", "头大体胖", spans, ["tóu", "dà", "tǐ", "pán"])
    assert got[3] == "pàng"


def test_nong_verb_and_lane() -> None:
    from duizhao.chinese.polyphones import fix_pinyin

    # 把 衣服 弄乾: the verb before its result, whatever the model said
    spans = [(0, 1), (1, 3), (3, 5)]
    got = fix_pinyin("把衣服弄乾", "把衣服弄干", spans, ["bǎ", "yī", "fu", "lòng", "gān"])
    assert got[3] == "nòng"
    # a lane after its house number
    spans = [(0, 3), (3, 5), (5, 6)]
    got = fix_pinyin("長樂路12弄", "长乐路12弄", spans, ["cháng", "lè", "lù", None, None, "nòng"])
    assert got[5] == "lòng"


def test_count_in_its_reduplication_is_the_verb() -> None:
    # 數一數 "count them": both 數 are shǔ / sou2 (was shǔ yī shù, sou3 jat1 sou3); 數字 stays shù
    toks = default_annotator().annotate("請你數一數這些數字。")
    by_word = {"請你數一數這些數字。"[t.start : t.end]: t for t in toks}
    assert by_word["數一數"].pinyin == ("shǔ", "yī", "shǔ")
    assert by_word["數一數"].jyutping == ("sou2", "jat1", "sou2")
    assert by_word["數字"].pinyin[0] == "shù" and by_word["數字"].jyutping[0] == "sou3"


def test_the_said_bank_is_hang_and_a_trip_stays_xing() -> None:
    # 匯豐…該行表示 "the bank said": 行 after 該 is háng / hong4 (was xíng / haang4 "to go");
    # 此行 "this trip" stays xíng; 本行 "this bank" is bun2 hong4 (was bun2 haang4)
    text = "匯豐公布業績，該行表示會增聘員工。本行重視客戶。此行目的在於考察。"
    toks = [(text[t.start : t.end], t) for t in default_annotator().annotate(text)]
    hang = [t for w, t in toks if w == "行"]
    assert (hang[0].pinyin, hang[0].jyutping) == (("háng",), ("hong4",))
    assert (hang[1].pinyin, hang[1].jyutping) == (("xíng",), ("haang4",))
    (own,) = [t for w, t in toks if w == "本行"]
    assert own.jyutping == ("bun2", "hong4")


def test_a_word_fused_with_the_number_after_it_is_not_a_word() -> None:
    """jieba-tw's dictionary has 世界百 (of 世界百強 "the world's top 100") and 力挺十: the seed
    read 世界百 / 強. Both standards write 世界 百強; a name whose first part is no word stays."""
    from duizhao.chinese import annotate_text

    text = "世界百強創新集群，力挺十大建設，張大千的畫"
    words = [text[t.start : t.end] for t in annotate_text(text)]
    assert words[:2] == ["世界", "百強"]
    assert "力挺" in words and "力挺十" not in words
    assert "張大千" in words


@pytest.mark.parametrize(
    ("text", "run"),
    [
        # round 20: the passive 被/為 … 所 + a verb of one character (所傷 was one word, so the
        # glossary offered 所傷 for "injure")
        ("每年都有數十人被塌下的樹木所傷。", ["樹木", "所", "傷"]),
        ("這位詩人的作品早已為人所知。", ["所", "知"]),
        # 所 words that are no passive stay whole
        ("火警的原因為電線走火所致。", ["所致"]),
        ("他被選為班長，所以很高興。", ["所以"]),
        # a Hong Kong weather word kept whole (was 山泥 / 傾瀉 "to pour down in torrents")
        ("暴雨引致多區山泥傾瀉。", ["山泥傾瀉"]),
    ],
)
def test_passive_suo_and_hong_kong_weather_words(text: str, run: list[str]) -> None:
    assert has_run(words(text), run)


def test_landslide_has_its_hong_kong_gloss(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from duizhao.cli import main

    src = tmp_path / "rain.txt"
    src.write_text("暴雨引致山泥傾瀉。\n", encoding="utf-8")
    assert main(["words", str(src), "--format", "text"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("山泥傾瀉"))
    assert line.endswith("landslide")
