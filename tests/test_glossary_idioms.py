"""A four-character idiom the dictionary does not link to the term is put before an untranslated
word beside it (:mod:`duizhao.glossary.idioms`), and marked "check"; on text written for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.glossary.features import Candidate
from duizhao.glossary.idioms import idioms_first, is_idiom

from conftest import first_counterparts

_ARTICLE = """The tycoon's son spent lavishly on sports cars and yachts.

Critics said the rumours about the bank were groundless.

After the subsidy ended, the small farms were left to fend for themselves.

明報社評 2026.12.04：富豪之子 揮霍無度

富豪之子揮金如土，購買跑車和遊艇。

批評者指有關該銀行的傳聞純屬無中生有。

資助結束後，小農場只能自生自滅。

/ Glossary生字 /

lavishly：in a way that spends a lot of money

groundless：not based on any good reason

fend for oneself：to look after oneself without help
"""


def test_an_idiom_comes_before_an_untranslated_word_and_is_marked_check(tmp_path: Path) -> None:
    found = first_counterparts(tmp_path / "idioms.txt", _ARTICLE)
    # before: 富豪 ("tycoon") and 只能自生自滅 ("could only ...") came first
    assert found["lavishly"] == ("揮金如土", True)
    assert found["fend for oneself"] == ("自生自滅", True)
    # an idiom the dictionary translates needs no help, and keeps its confidence
    assert found["groundless"] == ("無中生有", False)


def test_only_an_untranslated_first_guess_gives_way_and_only_to_an_idiom() -> None:
    assert is_idiom("揮金如土") and not is_idiom("跑車遊艇") and not is_idiom("富豪")
    first = Candidate("富豪", {}, [(0, 0, 2)], 1.5)
    idiom = Candidate("揮金如土", {}, [(0, 4, 8)], 1.0)
    assert [c.text for c in idioms_first([first, idiom])] == ["揮金如土", "富豪"]
    # the first guess translates a word of the term: kept
    sure = Candidate("富豪", {"dict_term": 0.5}, [(0, 0, 2)], 1.5)
    assert idioms_first([sure, idiom])[0] is sure
    # the idiom is another English word's (explained) or too far down: kept
    taken = Candidate("揮金如土", {"explained": 1.0}, [(0, 4, 8)], 1.0)
    assert idioms_first([first, taken])[0] is first
    others = [Candidate(t, {}, [(0, 9, 11)], 0.5) for t in ("購買", "遊艇")]
    assert idioms_first([first, *others, idiom])[0] is first


def test_the_idiom_of_a_sentence_whose_first_guess_is_its_negation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "not misplaced" 並非多此一舉: 並非 is the sentence's "not" (round 14); the idiom
    多此一舉 ("superfluous") comes first now, and is marked "check"."""
    text = _ARTICLE.split("\n\n")
    article = "\n\n".join(
        ["The parents' worries are not misplaced.", text[3], "家長的擔憂並非多此一舉。",
         "/ Glossary生字 /", "misplaced：not suitable or correct in the situation", ""]
    )  # fmt: skip
    path = tmp_path / "misplaced.txt"
    path.write_text(article, encoding="utf-8")
    assert main(["annotate", str(path), "--format", "json"]) == 0
    (g,) = json.loads(capsys.readouterr().out)["glossary"]
    assert g["counterparts"][0]["text"] == "多此一舉" and g["uncertain"]
