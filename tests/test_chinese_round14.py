"""Round 14 (issue 15): the errors a teacher found reading the round-13 articles (a typhoon
signal, DSE results day) and a new one on swimming lessons, each asserted where a teacher sees
it; the Jyutping check set of editorial Chinese (tests/fixtures/chinese/jyutping_editorial.tsv);
and the small fixes (one table of unsuitable senses, Simplified sheets, lines the same in both
scripts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duizhao.chinese import annotate_text
from duizhao.cli import main
from test_chinese_golden import FIXTURES, annotated

from conftest import cli_json
from jyutping_sets import Row, assert_attested, load, read_with_tojyutping, read_with_words, score

SWIM = Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-swimming-lessons.txt"
EDITORIAL = FIXTURES / "jyutping_editorial.tsv"


def _tokens(name: str, word: str) -> list[tuple[str, str, str, str]]:
    """Every token ``word`` of an article with the words before and after it."""
    out = []
    for p in annotated(name).zh:
        toks = [t for t in p.tokens if p.text[t.start : t.end].strip()]
        for i, t in enumerate(toks):
            if p.text[t.start : t.end] == word:
                prev = p.text[toks[i - 1].start : toks[i - 1].end] if i else ""
                nxt = p.text[toks[i + 1].start : toks[i + 1].end] if i + 1 < len(toks) else ""
                out.append((prev, nxt, " ".join(r or "" for r in t.pinyin), t.gloss or ""))
    return out


def test_a_safe_place_is_a_place() -> None:
    [(prev, _, pinyin, gloss)] = _tokens("typhoon", "地方")  # 盡快 返回 安全 地方
    assert prev == "安全" and pinyin == "dì fang" and "place" in gloss and "region" not in gloss
    local = annotate_text("推動地方經濟")[1]  # before a noun: "local"
    assert local.pinyin == ("dì", "fāng") and "local" in (local.gloss or "")


def test_hospital_treatment() -> None:
    [(prev, _, _, gloss)] = _tokens("typhoon", "治理")  # 送往 東區 醫院 治理
    assert prev == "醫院" and gloss.startswith("to treat") and "govern" not in gloss
    govern = [t for t in annotate_text("政府治理香港") if t.end - t.start == 2][1]
    assert "govern" in (govern.gloss or "")


@pytest.mark.parametrize(("name", "prev"), [("typhoon", "多"), ("dse", "兩")])
def test_ban_after_a_number_is_the_classifier(name: str, prev: str) -> None:
    found = [g for p, _, _, g in _tokens(name, "班") if p == prev]
    assert found and all(g.startswith("classifier for groups") for g in found)


def test_the_day_after_tomorrow_is_one_word() -> None:
    [(_, nxt, pinyin, gloss)] = _tokens("typhoon", "後日")  # 天文台 預料 ， 後日 天氣 …
    assert (nxt, pinyin) == ("天氣", "hòu rì") and "day after tomorrow" in gloss


def test_quoted_cantonese_four_oclock_very_scared_not_good() -> None:
    assert [g for p, _, _, g in _tokens("dse", "點") if p == "四"] == ["o'clock"]
    [(_, _, _, gloss)] = [t for t in _tokens("dse", "好") if t[1] == "驚"]
    assert gloss.startswith("very")
    glosses = {(p, n): g for p, n, _, g in _tokens("dse", "唔好")}
    assert glosses[("成績", "。")].startswith("not good")  # 好驚成績唔好。」
    assert glosses[("「", "成日")].startswith("don't")  # 「唔好 成日 問 人哋
    assert glosses[("得", "，")].startswith("not good")  # 考 得 唔好 ，唔 代表


@pytest.fixture(scope="module")
def swim() -> dict:
    return cli_json("annotate", str(SWIM), "-q")


def _swim_tokens(doc: dict, word: str) -> list[dict]:
    return [
        t
        for p in doc["zh"]["paragraphs"]
        for t in p["tokens"]
        if p["text"][t["start"] : t["end"]] == word
    ]


def test_swimming_article_words_and_glosses(swim: dict) -> None:
    [bit] = _swim_tokens(swim, "出一分力")  # was 出 一 / 分力 "component force (physics)"
    assert "do one's bit" in bit["gloss"]
    assert not _swim_tokens(swim, "分力")
    [dept] = _swim_tokens(swim, "事務署")  # of 康樂及文化事務署
    assert dept["gloss"].startswith("Leisure and Cultural Services Department")
    pools = _swim_tokens(swim, "泳池")
    assert pools and all(t["gloss"] == "swimming pool" for t in pools)
    wont = _swim_tokens(swim, "不會")
    assert wont and all(t["gloss"].startswith("will not") for t in wont)
    assert all("improbable" not in t["gloss"] for t in wont)


def test_a_department_is_no_vocabulary_word(tmp_path: Path) -> None:
    doc = cli_json("annotate", str(SWIM), "-q")
    words = [v["word"] for v in doc["vocabulary"]["zh"]]
    assert words and "事務署" not in words


def test_unsuitable_senses_have_one_source() -> None:
    from duizhao.chinese.gloss import UNSUITABLE_RE
    from duizhao.chinese.sense_text import (
        UNSUITABLE_ALTERNATIVES,
        UNSUITABLE_NEEDLES,
        UNSUITABLE_PATTERN,
    )

    assert UNSUITABLE_RE.pattern == UNSUITABLE_PATTERN
    assert UNSUITABLE_RE.flags & re.IGNORECASE
    for alternative, needles in UNSUITABLE_ALTERNATIVES:
        plain = re.sub(r"\\b|\^|\?:|\\|[?]", "", alternative).lower()
        assert needles and all(n in UNSUITABLE_NEEDLES for n in needles)
        assert any(n in plain or n.strip("()") in plain for n in needles), alternative
    assert UNSUITABLE_RE.search("(vulgar) to fuck") and not UNSUITABLE_RE.search("tram")


def test_a_simplified_sheet_shows_simplified_chinese_in_glosses(tmp_path: Path) -> None:
    article = FIXTURES / "typhoon-signal.md"
    assert main(["sheet", str(article), "-o", str(tmp_path), "-q", "--script", "simplified"]) == 0
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "渔农自然护理署" in html  # 護理署's gloss names the whole body
    assert "漁農自然護理署" not in html
    assert main(["sheet", str(article), "-o", str(tmp_path / "t"), "-q"]) == 0
    html = next((tmp_path / "t").glob("*.html")).read_text(encoding="utf-8")
    assert "漁農自然護理署" in html


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("范志明表示", "范志明"),
        ("余志明表示", "余志明"),
        ("在北潭涌", "北潭涌"),
        ("邻里关系", "邻里"),
    ],
)
def test_a_line_the_same_in_both_scripts_keeps_its_words(line: str, word: str) -> None:
    assert word in [line[t.start : t.end] for t in annotate_text(line)]


def test_fan_before_a_title_is_the_surname() -> None:
    first = annotate_text("范太表示")[0]
    assert "Fan" in (first.gloss or "") and "model" not in (first.gloss or "")


@pytest.mark.parametrize(
    ("text", "char", "reading"),
    [("他們重回校園", "重", "cung4"), ("不要好高騖遠", "好", "hou3"), ("住在調景嶺", "調", "tiu4"),
     ("他說重有機會", "重", "zung6")],
)  # fmt: skip
def test_jyutping_follows_the_sense_of_the_pinyin(text: str, char: str, reading: str) -> None:
    readings = [r for t in annotate_text(text) for r in t.jyutping]
    assert readings[text.index(char)] == reading


def _editorial() -> list[Row]:
    return load(EDITORIAL)


def test_editorial_set_gold_is_attested() -> None:
    """Every gold syllable is one rime-cantonese lists for its character (catches typos)."""
    rows = _editorial()
    assert len(rows) >= 150 and {k for k, _, _ in rows} == {"idiom", "hknews", "quoted"}
    assert_attested(rows)


@pytest.mark.parametrize("kind", ["idiom", "hknews", "quoted"])
def test_editorial_set_above_tojyutping(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``duizhao words`` reads each kind of the set better than ToJyutping alone (round 14's
    figures: idiom 0.9811 against 0.9649, hknews 0.9951 against 0.9903, quoted 0.9888
    against 0.9831)."""
    rows = [r for r in _editorial() if r[0] == kind]
    ours, alone = read_with_words(rows, tmp_path, capsys), read_with_tojyutping(rows)
    assert score(rows, ours) > score(rows, alone)


def test_swimming_article_read_word_by_word(swim: dict) -> None:
    """The second reading of the swimming article: what a teacher would have corrected."""
    [teach] = _swim_tokens(swim, "教會")  # 一個學期內教會全班學生 "teach the whole class"
    assert teach["pinyin"] == ["jiāo", "huì"] and teach["jyutping"] == ["gaau3", "wui5"]
    assert "church" not in teach["gloss"]
    [more] = _swim_tokens(swim, "得多")  # 積極得多
    assert more["pinyin"] == ["de", "duō"] and "much more" in more["gloss"]
    assert [t["gloss"] for t in _swim_tokens(swim, "花")] == ["to spend (money, time)"]
    assert [t["gloss"] for t in _swim_tokens(swim, "約")] == ["approximately; about"]
    assert _swim_tokens(swim, "作為")[0]["gloss"].startswith("as (in the capacity of)")
    assert _swim_tokens(swim, "小五")[0]["gloss"].startswith("Primary 5")
    assert _swim_tokens(swim, "高小")[0]["gloss"].startswith("upper primary")
    assert _swim_tokens(swim, "總會")[0]["gloss"].startswith("Hong Kong Life Saving Society")


def test_church_stays_a_church() -> None:
    church = [t for t in annotate_text("他在教會學校讀書") if t.end - t.start == 2][0]
    assert church.pinyin == ("jiào", "huì") and "church" in (church.gloss or "")
