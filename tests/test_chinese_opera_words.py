"""Three words of the opera interview (tests/fixtures/teacher/2026-12-04-cantonese-opera-interview.txt)
a learner of Chinese found wrong in round 14: the Cantonese kinship word 嫲嫲 was cut 嫲 / 嫲 and
read "ma ma" with no tone or gloss; 帶 in 嫲嫲帶我到 ("took me to") was glossed "band; belt"; and
排練 after 早上 was read *paai2* (ToJyutping's phrase 上排 "upper row" crossing the word boundary,
since 早上 is not in its dictionary)."""

from __future__ import annotations

from pathlib import Path

from duizhao.chinese import annotate_text
from duizhao.cli import main

FIXTURE = (
    Path(__file__).parent / "fixtures" / "teacher" / "2026-12-04-cantonese-opera-interview.txt"
)


def _words(text: str) -> dict[str, tuple[tuple[str | None, ...], tuple[str | None, ...], str]]:
    return {
        text[t.start : t.end]: (t.pinyin, t.jyutping, t.gloss or "") for t in annotate_text(text)
    }


def test_paternal_grandmother_is_one_word_with_readings_and_a_gloss() -> None:
    words = _words("我七歲時，嫲嫲帶我到新光戲院看戲。")
    assert words["嫲嫲"] == (("mā", "ma"), ("maa4", "maa4"), "paternal grandmother (Cantonese)")


def test_rehearse_after_morning_is_paai4() -> None:
    words = _words("答：我每天早上排練，下午教學。")
    assert words["排練"][1] == ("paai4", "lin6")


def test_the_interview_sheet_shows_both(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert main(["sheet", str(FIXTURE), "--out", str(out), "--reading", "jyutping"]) == 0
    html = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.html"))
    assert "paai2" not in html
    assert "maa4" in html


def test_take_before_a_person_is_the_verb_not_a_belt() -> None:
    took = _words("我七歲時，嫲嫲帶我到新光戲院看戲。")["帶"][2]
    assert took.startswith("to take along") and "belt" not in took
    assert "belt" in _words("他買了一條皮帶。")["皮帶"][2]  # the noun keeps its sense
