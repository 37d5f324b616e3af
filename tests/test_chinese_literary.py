"""Literary readings (文讀) in classical sentences, and Hong Kong words (issue 15, round 10).

The fixture ``fixtures/chinese/jyutping_register.tsv`` is duizhao's own small set (classical
sentences and Hong Kong words, gold written by the developers); these tests read it as a user
would, through ``duizhao words``, and hold the layer above ToJyutping alone on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import default_annotator
from duizhao.chinese.literary import LITERARY, apply_literary, is_literary

import jyutping_sets
from jyutping_sets import (
    Row,
    assert_attested,
    candidates,
    read_with_tojyutping,
    read_with_words,
    score,
)

FIXTURE = Path(__file__).parent / "fixtures" / "chinese" / "jyutping_register.tsv"


def load() -> list[Row]:
    return jyutping_sets.load(FIXTURE)


def test_fixture_gold_is_attested() -> None:
    """Every gold syllable is one rime-cantonese lists for its character (catches typos)."""
    rows = load()
    assert len([r for r in rows if r[0].startswith("classical")]) >= 40
    assert len([r for r in rows if r[0].startswith("hk")]) >= 60
    assert_attested(rows)


def test_literary_pairs_are_attested() -> None:
    for ch, (colloquial, literary) in LITERARY.items():
        found = candidates(ch)
        assert colloquial in found and literary in found, ch


@pytest.mark.parametrize("kind", ["classical", "hk"])
def test_fixture_accuracy_above_tojyutping(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [r for r in load() if r[0].startswith(kind)]
    ours, alone = read_with_words(rows, tmp_path, capsys), read_with_tojyutping(rows)
    mine, theirs = score(rows, ours), score(rows, alone)
    assert mine >= {"classical": 0.97, "hk": 0.98}[kind]
    assert mine > theirs


def jyutping(text: str) -> list[str | None]:
    return [j for t in default_annotator().annotate(text) for j in t.jyutping]


@pytest.mark.parametrize(
    ("text", "char", "reading"),
    [
        ("其名曰鯤", "名", "ming4"),  # the teacher's complaints: 名 meng2, 生於 saang1, 來 lai4
        ("有鳥焉，其名曰精衛", "名", "ming4"),
        ("生於憂患，死於安樂", "生", "sang1"),
        ("有朋自遠方來，不亦樂乎", "來", "loi4"),
        ("兩岸猿聲啼不住，輕舟已過萬重山", "輕", "hing1"),  # verse: five / seven characters
        ("兩岸猿聲啼不住，輕舟已過萬重山", "重", "cung4"),  # 萬重山 "ten thousand layers"
        ("逝者如斯夫，不舍晝夜", "夫", "fu4"),  # the final particle
        ("此之謂大丈夫", "夫", "fu1"),  # 丈夫 is a word: not the particle
        # the measure word 名 after a number, in any register; a rank keeps meng2
        ("該廠有千餘名工人", "名", "ming4"),
        ("拘捕19名男子", "名", "ming4"),
        ("我哋有三名同事", "名", "ming4"),
        ("佢考第19名", "名", "meng2"),
        ("如果計及前15名，中國尚有杭州", "名", "meng2"),
        # spoken Cantonese keeps the colloquial reading
        ("佢個名好長", "名", "meng2"),
        ("我哋一齊聽歌啦", "聽", "teng1"),
        # an everyday word (HSK list) keeps its reading in a classical sentence
        ("先生之言，學生聽之。", "生", "saang1"),
        ("先生之言，學生聽之。", "聽", "ting1"),
    ],
)
def test_literary_readings_in_context(text: str, char: str, reading: str) -> None:
    got = jyutping(text)
    k = text.rindex(char) if char == "夫" else text.index(char)
    assert got[k] == reading, (text, got)


def test_register() -> None:
    assert is_literary("學而時習之，不亦說乎？")
    assert is_literary("床前明月光，疑是地上霜。")  # verse, no particle
    assert not is_literary("佢話其實唔係咁。")  # spoken Cantonese
    assert not is_literary("政府的政策於明年實施。")  # modern written Chinese (的)
    assert not is_literary("所以其實都有陣時都會提醒自己", [False] * 4 + [True] * 10)
    assert is_literary("其名曰鯤")
    # modern prose with 而 / 則 / 也: digits and words of modern Chinese keep it modern
    assert not is_literary("不過如果計及前15名，中國尚有杭州及南京集群，而美國則有加州聖迭戈。")
    assert not is_literary("然而，單靠感情不足以維持服務。")
    assert not is_literary("深港穗集群升上第一，也跟此有關。")


def test_apply_literary_keeps_words_and_others() -> None:
    readings: list[str | None] = ["hok6", "saang1", "zi1", "jaa5"]
    apply_literary("學生之也", readings, [True, True, False, False])
    assert readings == ["hok6", "saang1", "zi1", "jaa5"]  # 學生 is a dictionary word
    readings = ["hok6", "saang1", "zi1", "jaa5"]
    apply_literary("學生之也", readings, [False] * 4)
    assert readings[1] == "sang1"
