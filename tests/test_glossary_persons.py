"""An English noun of a person gets the Chinese person too (:mod:`duizhao.glossary.persons`):
搭棚師傅 for "scaffolder", not the activity 搭棚 alone; on text written for it."""

from __future__ import annotations

from pathlib import Path

from duizhao.glossary.features import Candidate
from duizhao.glossary.persons import is_person, person_first

from conftest import first_counterparts

_ARTICLE = """Old Chan has been a scaffolder for forty years.

The company hired two auditors to check its accounts.

陳伯當搭棚師傅已經四十年。

公司聘請了兩名審計人員核對帳目。

/ Glossary生字 /

scaffolder：a person whose job is to build frames of poles around buildings

auditor：a person whose job is to check the accounts of a company
"""


def test_a_person_noun_gets_the_person_and_stays_marked_check(tmp_path: Path) -> None:
    found = first_counterparts(tmp_path / "trades.txt", _ARTICLE)
    # before: 搭棚 ("put up scaffolding") and 審計 ("audit"), each marked "check"
    assert found["scaffolder"] == ("搭棚師傅", True)
    assert found["auditor"] == ("審計人員", True)


def test_only_a_person_noun_and_a_person_after_the_same_place_move_the_first_guess() -> None:
    assert is_person("scaffolder") and is_person("auditors") and is_person("trainee")
    assert not is_person("scaffolding") and not is_person("die out") and not is_person("")
    activity = Candidate("搭棚", {}, [(0, 3, 5)], 3.0)
    whole = Candidate("搭棚師傅", {}, [(0, 3, 7)], 2.0)
    elsewhere = Candidate("搭棚師傅", {}, [(1, 3, 7)], 2.0)
    no_person = Candidate("搭棚工作", {}, [(0, 3, 7)], 2.0)
    assert person_first([activity, whole], True)[0] is whole
    assert person_first([activity, whole], False)[0] is activity
    assert person_first([activity, elsewhere], True)[0] is activity
    assert person_first([activity, no_person], True)[0] is activity
    # the dictionary translating the whole term by the best candidate settles it
    sure = Candidate("搭棚", {"dict_term": 1.0, "core_term": 1.0}, [(0, 3, 5)], 3.0)
    assert person_first([sure, whole], True)[0] is sure


def test_a_noun_of_a_thing_with_a_persons_ending_is_not_a_person() -> None:
    # round 16's is_person took any word in -er/-or/-ist/-ian/-ee for a person
    things = ("cover", "water", "computers", "power", "paper", "number", "order", "matter",
              "letter", "corridor", "committee", "newsletter", "checklist")  # fmt: skip
    assert not any(is_person(w) for w in things)
    # nor a particle, an adverb, a comparative or a verb: "take over", "later", "consider"
    assert not any(is_person(w) for w in ("take over", "later", "bigger", "consider", "agree"))
    people = ("teacher", "governors", "journalist", "capitalist", "contractor", "employee",
              "Christian", "sponsor", "monitor", "referee", "elders")  # fmt: skip
    assert all(is_person(w) for w in people)
