"""Hong Kong word conventions of the sixth round of issue 15 (sentences written for the tests).

Each case fails on the code before the round: the words of the Hong Kong press that the Taiwan
dictionary cut apart, the month and the word after it, a surname and an everyday verb, 全 國
inside a four-character word, the Cantonese titles of address, 數以萬計-type expressions.
"""

from __future__ import annotations

import re

import pytest

from duizhao.chinese import default_annotator


def words(text: str) -> list[str]:
    tokens = default_annotator().annotate(text)
    got = [t.text_in(text) for t in tokens]
    assert "".join(got) == text
    return got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words of Hong Kong newspaper prose, one word in the Hong Kong standard
        ("被告今日在法庭上作供，並聯同律師離開。", ["作供", "聯同"]),
        ("他早前辭去教席，現正四出求職。", ["早前", "教席"]),
        ("九龍西的選民投票。", ["九龍西"]),
    ],
)
def test_hong_kong_press_words(text: str, expected: list[str]) -> None:
    got = words(text)
    for w in expected:
        assert w in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 中/初 after a month belong to the next word when they begin one
        ("工程將於3月中旬展開。", ["3月", "中旬"]),
        ("3月中國政府宣布新措施。", ["3月", "中國"]),
        ("5月初步完成。", ["5月", "初步"]),
        # and to the month otherwise
        ("4月初公布結果。", ["4月初"]),
        ("3月中完成。", ["3月中"]),
    ],
)
def test_month_and_the_word_after_it(text: str, expected: list[str]) -> None:
    got = words(text)
    for w in expected:
        assert w in got, got


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        # a surname, a character and an everyday verb: the verb is not part of the name
        ("吳芳看報紙。", "吳芳看"),
        ("黃明賣了房子。", "黃明賣"),
    ],
)
def test_an_everyday_verb_does_not_end_a_name(text: str, not_a_name: str) -> None:
    got = words(text)
    assert not_a_name not in got, got
    assert not_a_name[-1] in got, got


def test_whole_country_inside_a_longer_word() -> None:
    # 全 國 as two words (the fourth round's rule) inside 全國人大 and 全國政協 too
    got = words("全國人大常委會和全國政協昨日開會。")
    assert " ".join(got).startswith("全 國 人大 常委會 和 全 國 政協"), got


def test_cantonese_titles_of_address() -> None:
    # 林太 "Mrs Lam", 何伯 one word; 陳 先生 stays two words (a two-character title)
    got = words("林太表示不滿，陳先生則支持，何伯今年八十歲。")
    assert "林太" in got and "何伯" in got, got
    assert "陳" in got and "先生" in got, got


def test_countless_expressions() -> None:
    got = words("數以百計的市民參加了一系列活動，數以十萬計的人支持。")
    for w in ("數以百計", "一系列", "數以十萬計"):
        assert w in got, got


def test_one_side_is_a_number_and_a_measure_word() -> None:
    # 一 方 "one side" (both standards), like 一 對; 一方面 "on the one hand" stays a word
    got = words("其中一方退出，一方面是因為成本。")
    assert " ".join(got).startswith("其中 一 方 退出"), got
    assert "一方面" in got, got


def test_a_name_before_a_verb_of_testifying() -> None:
    # 作供 "to testify" is a verb of saying: the surname and the word before it are a name
    got = words("證人周國安作供時表示不知情。")
    assert "周國安" in got and "作供" in got, got


def test_every_word_of_the_hong_kong_list_has_a_gloss() -> None:
    """A word the segmenter keeps whole because it is Hong Kong public life (房委會, 樂富, 佢哋)
    is shown with a gloss: 352 of them had none before round 12. (來說 and 來看 are the ends of
    the frames 對…來說 and 從…來看.)"""
    from duizhao.chinese import annotate_text
    from duizhao.chinese.segment import hk_user_dict_path

    missing = []
    for line in hk_user_dict_path().read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word = line.split()[0]
        tokens = annotate_text(word)
        if len(tokens) == 1 and not tokens[0].gloss:
            missing.append(word)
    assert missing == [], missing


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        ("他在大埔教書。", "大埔", "Tai Po (New Territories)"),  # not "Dabu County in Meizhou"
        ("藍田的居民", "藍田", "Lam Tin (Kowloon)"),  # not "Lantian county in Xi'an"
        ("上環的街市", "上環", "Sheung Wan (Hong Kong Island)"),  # not "to be fitted with an IUD"
        ("房委會今日公布", "房委會", "Housing Authority"),
        ("佢哋話唔得", "佢哋", "they; them (Cantonese 他們)"),
        # cut apart before (炮台 山, 藝 發局)
        ("我住在炮台山。", "炮台山", "Fortress Hill (Hong Kong Island)"),
        ("藝發局和城規會今日開會。", "藝發局", "Arts Development Council"),
        ("藝發局和城規會今日開會。", "城規會", "Town Planning Board"),
    ],
)
def test_hong_kong_names_are_glossed_as_in_hong_kong(text: str, word: str, gloss: str) -> None:
    from duizhao.chinese import annotate_text

    t = next(t for t in annotate_text(text) if t.text_in(text) == word)
    assert t.gloss == gloss


def test_hong_kong_names_table_is_fit_for_a_handout() -> None:
    from duizhao.resources.lexicon import hk_names

    for word, senses in hk_names().items():
        outside = re.sub(r"\([^()]*\)", "", senses)
        assert outside.count(";") <= 2, (word, senses)
        assert "|" not in senses and "[" not in senses, (word, senses)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number in Chinese numerals and its unit are two words, as 25 度 and 15萬 人次 are:
        # never 二十 / 五度 (the dictionary's 五度) nor 二十五分鐘 in one piece
        ("今日氣溫最高二十五度。", ["二十五", "度"]),  # not 最 / 高二 / 十五
        ("氣溫跌至二十三度", ["二十三", "度"]),
        ("車程約三十五公里。", ["約", "三十五", "公里"]),
        ("需時二十五分鐘。", ["二十五", "分鐘"]),
        ("他花了四十五分鐘。", ["四十五", "分鐘"]),
        ("近15萬人次", ["近", "15萬", "人次"]),
        ("氣溫25度", ["25", "度"]),
    ],
)
def test_a_number_and_its_unit(text: str, expected: list[str]) -> None:
    got = words(text)
    i = got.index(expected[0])
    assert got[i : i + len(expected)] == expected, got


def test_a_weekday_keeps_its_digit() -> None:
    # 星期三 "Wednesday" is not 星期 and a number: the number rule leaves it whole
    got = words("會議於下星期三十時舉行。")
    assert "星期三" in got, got
