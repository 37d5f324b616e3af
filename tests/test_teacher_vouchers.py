"""A new article through the command line as a teacher runs it (round 9): an editorial on the
elderly health care vouchers in tests/fixtures/teacher/, written for these tests, and the words
and glosses that a first look at its sheet found wrong, each checked in what the learner reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli_json

VOUCHERS = (
    Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-health-vouchers.txt"
)


@pytest.fixture(scope="module")
def tokens() -> list[dict]:
    doc = cli_json("annotate", str(VOUCHERS))
    return [t for p in doc["zh"]["paragraphs"] for t in p["tokens"]]


def _gloss(tokens: list[dict], text: str, nth: int = 0) -> str:
    found = [t for t in tokens if t["text"] == text]
    assert len(found) > nth, f"{text} is not a word of the article"
    return found[nth]["gloss"] or ""


@pytest.mark.parametrize(
    ("word", "sense"),
    [
        ("醫療券", "health care voucher"),  # was cut 醫療 / 券
        ("物理治療師", "physiotherapist"),  # was 物理 "physics" + 治療師 (no gloss)
        ("濫收", "to overcharge"),  # no gloss
        ("一次過", "all at once"),  # was 一次 / 過 "to cross"
        ("基層醫療", "primary health care"),  # was "basic level (基層) + medical treatment (醫療)"
        ("凡", "every"),  # 凡年滿65歲的居民: was "ordinary"
        ("會", "will"),  # 戶口便會額外獲發: was "can; to have the skill"
        ("並", "(not) at all"),  # 並不能杜絕: was "and; furthermore"
        ("靠", "to depend on"),  # 單靠獎賞: was "to lean against or on"
        ("元", "dollar (HK$ in Hong Kong)"),  # 2000元: was "…; first; original"
        ("副", "classifier for pairs"),  # 一副眼鏡: was "secondary; auxiliary; deputy"
        ("獲", "to obtain"),  # 可獲2000元: was "(literary) to catch"
    ],
)
def test_the_word_a_learner_points_at(tokens: list[dict], word: str, sense: str) -> None:
    assert _gloss(tokens, word).startswith(sense)


def test_no_year_is_grain(tokens: list[dict]) -> None:
    assert all(t["gloss"] == "year" for t in tokens if t["text"] == "年")


def test_a_person_noun_gets_its_person_and_is_marked_check() -> None:
    # "Auditors" was printed with 審計 "audit", as certain: the Chinese says 審計人員; marked
    # "check" from round 9, and from round 16 the person is found too (glossary/persons.py)
    words = {v["word"]: v for v in cli_json("annotate", str(VOUCHERS))["vocabulary"]["en"]}
    assert words["auditor"]["translation"] == ["審計人員"]
    assert words["auditor"]["uncertain"] is True
    # a person noun whose Chinese names the person stays certain
    assert words["dentist"]["translation"] == ["牙醫"] and words["dentist"]["uncertain"] is False


def test_a_glossary_person_noun_given_only_its_activity_is_marked_check(tmp_path: Path) -> None:
    art = tmp_path / "audit.txt"
    art.write_text(
        "Auditors found that the department had wasted public money on the project. The "
        "auditors also said that the records were incomplete.\n\n"
        "審計人員發現該部門在項目上浪費公帑。審計人員亦指出，有關紀錄並不完整。\n\n"
        "/ Glossary生字 /\n\n"
        "auditor (n.)：a person whose job is to examine the accounts of an organisation\n",
        encoding="utf-8",
    )
    link = cli_json("annotate", str(art))["glossary"][0]
    if link["counterparts"][0]["text"] == "審計":  # the activity without the person
        assert link["uncertain"] is True
    else:
        assert link["counterparts"][0]["text"] == "審計人員"
