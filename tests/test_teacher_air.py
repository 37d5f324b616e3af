"""A new article of round 10 through the command line: an editorial on roadside air pollution
in tests/fixtures/teacher/, written for these tests, and what a first look at its words, glosses
and glossary found, each checked in what the learner reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli_json

AIR = Path(__file__).resolve().parent / "fixtures" / "teacher" / "2026-12-03-roadside-air.txt"


@pytest.fixture(scope="module")
def doc() -> dict:
    return cli_json("annotate", str(AIR))


@pytest.fixture(scope="module")
def tokens(doc: dict) -> list[dict]:
    return [t for p in doc["zh"]["paragraphs"] for t in p["tokens"]]


@pytest.mark.parametrize(
    ("word", "sense"),
    [
        ("錄得", "to record (a figure)"),  # was 錄 / 得, "to record" + "to obtain"
        ("專營", "franchised"),  # 專營巴士: was "to specialize in (a particular product …)"
        ("監測站", "to monitor (監測) + station"),  # no gloss
        ("排放區", "to emit (排放) + district"),  # was "to arrange in order (排放) + …"
        ("小巴", "minibus"),
    ],
)
def test_the_word_a_learner_points_at(tokens: list[dict], word: str, sense: str) -> None:
    found = [t for t in tokens if t["text"] == word]
    assert found, f"{word} is not a word of the article"
    assert (found[0]["gloss"] or "").startswith(sense)


def test_the_glossary_links_or_says_check(doc: dict) -> None:
    # every term is found in the English; the phrasal verb's Chinese is right and sure, and the
    # verbs whose equivalent duizhao is not sure of are marked, not printed as fact
    links = {g["term"]: g for g in doc["glossary"]}
    assert set(links) == {"suspended particulates", "scrap", "linger", "phase out", "spare"}
    assert links["phase out"]["counterparts"][0]["text"] == "淘汰"
    assert not links["phase out"]["uncertain"]
    right = {"微細懸浮粒子", "淘汰", "久久未能散去", "免受"}
    for term, g in links.items():
        assert g["occurrences"]["en"], term
        assert g["counterparts"][0]["text"] in right or g["uncertain"], (term, g["counterparts"])
