"""Round 13: two articles a teacher wrote (a No. 8 signal and school closures; the DSE results
day), read word by word. Their golden files (tests/golden/chinese.typhoon.json,
chinese.dse.json) hold every word, reading and gloss; the errors found reading them, and fixed
by a rule or a word-list entry, are asserted one by one here, so that regenerating a golden
file cannot quietly bring one back."""

from __future__ import annotations

import itertools

import pytest

from test_chinese_golden import annotated, token, words


def test_numbers_keep_their_unit_after_about() -> None:
    ws = words(annotated("typhoon"))
    assert "三千" in ws and "噸" in ws and "千噸" not in ws  # 約 三千 噸 (was 約三 / 千噸)
    ws = words(annotated("dse"))
    assert "六萬" in ws and "萬名" not in ws and "約六" not in ws  # 約 六萬 名 居民
    assert "約兩" not in ws  # 增加 約 兩 成


@pytest.mark.parametrize(
    ("name", "word"),
    [("dse", "入讀"), ("dse", "本地"), ("dse", "中六"), ("dse", "人哋"), ("dse", "成日"),
     ("dse", "分享會"), ("typhoon", "避風塘"), ("typhoon", "北潭涌")],
)  # fmt: skip
def test_hong_kong_words_whole(name: str, word: str) -> None:
    assert word in words(annotated(name))


def test_measure_word_ming_before_a_verb() -> None:
    ws = words(annotated("dse"))
    assert "名教" not in ws  # 一 名 教 中六 的 老師 "a teacher of Form 6"
    jiao = token(annotated("dse"), "教")
    assert jiao.pinyin == ("jiāo",) and jiao.jyutping == ("gaau3",)


def test_ming_after_a_counting_word_is_the_classifier() -> None:
    doc = annotated("dse")
    for p in doc.zh:
        toks = p.tokens
        for prev, t in itertools.pairwise(toks):
            if p.text[t.start : t.end] == "名" and p.text[prev.start : prev.end] in ("該", "每"):
                assert t.jyutping == ("ming4",) and t.gloss == "classifier for people"


def test_surname_zeng_in_a_name() -> None:
    t = token(annotated("typhoon"), "曾俊華")
    assert t.pinyin[0] == "zēng" and t.jyutping[0] == "zang1"
    once = [t for p in annotated("typhoon").zh for t in p.tokens if p.text[t.start : t.end] == "曾"]
    assert once and all(t.pinyin == ("céng",) for t in once)  # 上月 曾 在 "had once"


def test_parent_is_zhang() -> None:
    doc = annotated("dse")
    parents = [t for p in doc.zh for t in p.tokens if p.text[t.start : t.end] == "家長"]
    assert len(parents) == 2 and all(t.pinyin == ("jiā", "zhǎng") for t in parents)
    assert all(t.jyutping == ("gaa1", "zoeng2") for t in parents)


def test_worse_than_expected() -> None:
    t = token(annotated("dse"), "差")
    assert t.pinyin == ("chà",) and "poor" in (t.gloss or "")


@pytest.mark.parametrize(
    ("name", "word", "gloss"),
    [("typhoon", "局", "bureau"), ("dse", "局", "Examinations and Assessment Authority"),
     ("typhoon", "若", "if"), ("typhoon", "護理署", "Agriculture, Fisheries and Conservation"),
     ("dse", "約", "approximately"), ("typhoon", "班次", "service"), ("typhoon", "路線", "route"),
     ("dse", "考評局", "Examinations and Assessment Authority"), ("typhoon", "風球", "signal"),
     ("dse", "按", "according to"), ("typhoon", "四時", "four o'clock"), ("typhoon", "分", "minute")],
)  # fmt: skip
def test_glosses_fit_the_sentence(name: str, word: str, gloss: str) -> None:
    found = [
        t.gloss or ""
        for p in annotated(name).zh
        for t in p.tokens
        if p.text[t.start : t.end] == word
    ]
    assert found and all(gloss in g for g in found), (word, found)


def test_no_offensive_sense_on_a_handout() -> None:
    t = token(annotated("typhoon"), "問候")
    assert "offensive" not in (t.gloss or "")
    # round 15: the order follows the English sentence ("sent" is "send" to sense_match)
    assert set((t.gloss or "").split("; ")) == {"to give one's respects", "to send a greeting"}
