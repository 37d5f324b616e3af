"""Words and readings of the tenth round of issue 15 (sentences written for the tests; each case
fails on the code before the round)."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.chinese import annotate_text
from duizhao.cli import main


def words(text: str) -> list[str]:
    got = [t.text_in(text) for t in annotate_text(text)]
    assert "".join(got) == text
    return got


def has_run(got: list[str], run: list[str]) -> bool:
    return any(got[i : i + len(run)] == run for i in range(len(got)))


def test_zhe_after_a_noun_is_not_part_of_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """者 "the one who" after a verb phrase ends it: 承擔 費用 者 "whoever bears the costs", not
    費用者 "cost-person"; after a verb it makes a word (露宿者, 申請者), and so after 主義/學."""
    src = tmp_path / "words.txt"
    src.write_text("承擔費用者須在限期前繳款。\n", encoding="utf-8")
    assert main(["words", str(src), "--format", "text"]) == 0
    first = [ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines() if ln.strip()]
    assert has_run(first, ["承擔", "費用", "者"]), first
    got = words("露宿者和申請者都是社會主義者。")
    assert "露宿者" in got and "申請者" in got and "社會主義者" in got


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("這次大會的主題是教育。", ["這", "次", "大會"]),  # not 這 / 次大會 "the Nth congress"
        ("每屆會議都有新議題。", ["每", "屆", "會議"]),
    ],
)
def test_a_measure_word_after_a_demonstrative_is_its_own_word(text: str, run: list[str]) -> None:
    got = words(text)
    assert has_run(got, run), got


def test_erhua_is_read_r(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """這兒 "here" is zhèr (CC-CEDICT zhe4 r5), not zhè ér; 女兒 "daughter" keeps ér."""
    text = "他在這兒住，那兒的女兒有點兒累。"
    readings = {t.text_in(text): t.pinyin for t in annotate_text(text)}
    assert readings["這兒"] == ("zhè", "r")
    assert readings["那兒"] == ("nà", "r")
    assert readings["女兒"] == ("nǚ", "ér")
    assert readings["有點兒"][-1] == "r"
    src = tmp_path / "words.txt"
    src.write_text("他在這兒住\n", encoding="utf-8")
    assert main(["words", str(src), "--format", "text"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("這兒"))
    assert line.split("\t")[1] == "zhè r"
    # 這 兒童 "this child": the demonstrative is not fused with 兒 before 童
    assert has_run(words("這兒童很聰明。"), ["這", "兒童"])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("他說──這是好事。", "──"),  # the dash is one punctuation mark of two characters
        ("他說——這是好事。", "——"),
        ("想了又想……還是算了。", "……"),  # and so is the ellipsis
        ("會議於10:30開始。", "10:30"),  # a time of day is one number
        ("會議於１０：３０開始。", "１０：３０"),
        ("約24-48小時後出結果。", "24-48"),  # a range of numbers, not 24 and -48
    ],
)
def test_punctuation_marks_times_and_ranges_are_one_token(text: str, word: str) -> None:
    assert word in words(text)
