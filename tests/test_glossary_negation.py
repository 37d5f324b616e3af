"""A negative term's counterpart keeps its negation (:mod:`duizhao.glossary.negation`): the
positive word inside it (願意 for "reluctant") or the bare negation (未有 for "unprepared") is
half of it; on text written for it."""

from __future__ import annotations

from pathlib import Path

from duizhao.glossary.features import Candidate
from duizhao.glossary.negation import is_negative, negated_first

from conftest import first_counterparts

_ARTICLE = """At first, many hawkers were reluctant to accept electronic payments.

Many families were unprepared for the sudden typhoon.

Younger hawkers were willing to try new ideas.

明報社評 2026.12.04：小販與電子支付

起初，不少小販不願意接受電子支付。

不少家庭對突如其來的颱風未有準備。

年輕小販則願意嘗試新意念。

/ Glossary生字 /

reluctant：not willing to do sth

unprepared：not ready to deal with sth

willing：ready to do sth
"""


def test_a_negative_term_gets_the_negation_and_is_marked_check(tmp_path: Path) -> None:
    found = first_counterparts(tmp_path / "hawkers.txt", _ARTICLE)
    # before: 願意 ("willing", the opposite) and 未有 ("has not") came first
    assert found["reluctant"] == ("不願意", True)
    assert found["unprepared"] == ("未有準備", True)
    # a term that is no negation keeps its word, shown as certain as before
    assert found["willing"] == ("願意", False)


def test_only_a_negative_definition_and_a_real_negation_move_the_first_guess() -> None:
    assert is_negative("not willing to do sth") and is_negative("unable to act")
    assert is_negative("lack of action") and not is_negative("notable for sth")
    assert not is_negative("ready to do sth") and not is_negative("to stop sth")
    willing = Candidate("願意", {}, [(0, 5, 7)], 4.0)
    negated = Candidate("不願意", {}, [(0, 4, 7)], 2.8)
    elsewhere = Candidate("不願意", {}, [(1, 4, 7)], 2.8)  # another paragraph
    not_a_negation = Candidate("不斷願意", {}, [(0, 3, 7)], 2.8)  # 不斷 "continuously"
    assert negated_first([willing, negated], True)[0] is negated
    assert negated_first([willing, negated], False)[0] is willing
    assert negated_first([willing, elsewhere], True)[0] is willing
    assert negated_first([willing, not_a_negation], True)[0] is willing
    # the dictionary translating the whole term by the best candidate settles it
    sure = Candidate("願意", {"dict_term": 1.0, "core_term": 1.0}, [(0, 5, 7)], 4.0)
    assert negated_first([sure, negated], True)[0] is sure
