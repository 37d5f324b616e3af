"""A second new article of round 9 through the command line: an editorial on public housing and
subdivided flats in tests/fixtures/teacher/, written for these tests, and what a first look at its
words and glosses found wrong, each checked in what the learner reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli_json

HOUSING = (
    Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-public-housing.txt"
)


@pytest.fixture(scope="module")
def tokens() -> list[dict]:
    doc = cli_json("annotate", str(HOUSING))
    return [t for p in doc["zh"]["paragraphs"] for t in p["tokens"]]


@pytest.mark.parametrize(
    ("word", "sense"),
    [
        ("大廈", "building"),  # was "(used in the names of grand buildings such as 百老匯大廈 …)"
        ("簡約公屋", "Light Public Housing"),  # was "sketchy (簡約) + public rental housing"
        ("國際都會", "world city"),  # was 都 "all" + 會 "will"
        ("規例", "regulation"),  # was 新規 "new rule" + 例 "example"
        ("迫遷", "to force (tenants) to move out"),  # no gloss
        ("居於", "to live in"),  # no gloss
        ("免", "to avoid"),  # 免被迫遷: was "to excuse sb"
        ("當", "when"),  # 當孩子仍要…: was "to be"
        ("下", "under (conditions)"),  # 在不作預先通知的情況下: was "down"
    ],
)
def test_the_word_a_learner_points_at(tokens: list[dict], word: str, sense: str) -> None:
    found = [t for t in tokens if t["text"] == word]
    assert found, f"{word} is not a word of the article"
    assert (found[0]["gloss"] or "").startswith(sense)


def test_no_gloss_shows_cc_cedict_placeholders(tokens: list[dict]) -> None:
    # 而言: CC-CEDICT's 就…[jiu4 xx5] was printed "(jiùxx)"
    glosses = [t["gloss"] or "" for t in tokens]
    assert any("就… (jiù…)" in g for g in glosses)
    assert not any("xx" in g for g in glosses)
