"""Round 15's changes to the counterpart finder, run the way a teacher runs duizhao (``duizhao
annotate`` on an article file) where they change what a teacher sees; on text written for these
tests (not from any dev set):

* a span may end with 往 or 向 after a one-character verb (湧往 "flock to");
* a token the segmenter tags as an idiom (jieba's ``i``) is an idiom for
  :mod:`duizhao.glossary.idioms` (繁文縟節 "red tape", which CC-CEDICT does not mark);
* a dictionary match on a character inside a longer word, or on a function word at the span's
  edge, is ``part`` evidence, not ``whole`` (快人一步 for "step up" was shown as certain).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from duizhao.glossary.candidates import zh_sentence
from duizhao.glossary.confidence import evidence_class

from conftest import cli_json

_ARTICLE = """On public holidays, tourists flock to the night market in Temple Street.

The new rules will only add more red tape for small firms.

Our rivals have stepped up their game, so we must stay a step ahead.

Many young couples emigrate to escape the high rents.

公眾假期，遊客湧往廟街夜市。

新規例只會為小企業增添更多繁文縟節。

對手已全力以赴，我們必須快人一步。

不少年輕夫婦移居海外，以逃避高昂租金。

/ Glossary生字 /

flock to：to go to a place in large numbers

red tape：official rules that seem more complicated than necessary

step up：to increase the amount or speed of sth

emigrate：to leave your own country to go and live in another
"""


def _links(tmp_path: Path) -> dict[str, dict[str, Any]]:
    path = tmp_path / "article.txt"
    path.write_text(_ARTICLE, encoding="utf-8")
    return {g["term"]: g for g in cli_json("annotate", str(path), "-q")["glossary"]}


def test_counterparts_a_teacher_sees(tmp_path: Path) -> None:
    links = _links(tmp_path)
    first = {t: (g["counterparts"][0]["text"], g["uncertain"]) for t, g in links.items()}
    # before: 湧 (the verb without its 往), 規例 ("rules": another English word's), and
    # 快人一步 ("a step ahead") shown as certain through 步 "step" inside it
    assert first["flock to"] == ("湧往", True)
    assert first["red tape"] == ("繁文縟節", True)
    assert first["step up"] == ("快人一步", True)
    # round 17 (glossary.compounds): 移居 "to migrate" and 海外 "overseas", which no other
    # English word of the sentence explains, are one 2+2 unit, still marked "check"
    assert first["emigrate"] == ("移居海外", True)


def test_a_direction_ends_a_span_only_after_a_one_character_verb() -> None:
    text = "遊客湧往夜市，大家前往廟街，他對我們說。"
    tokens = ((0, 2), (2, 3), (3, 4), (4, 6), (6, 7), (7, 9), (9, 11), (11, 13), (13, 14),
              (14, 15), (15, 16), (16, 18), (18, 19), (19, 20))  # fmt: skip
    spans = {s.text for s in zh_sentence(text, 0, 0, 0, len(text), tokens).spans}
    assert "湧往" in spans  # 湧|往: the verb and its direction
    assert "遊客湧往" not in spans and "往" not in spans
    assert "前往" in spans  # one token, as before
    assert "他對" not in spans  # 對 still ends no span


def test_whole_evidence_needs_whole_words_of_the_span() -> None:
    assert evidence_class({"dict_term": 1.0, "core_term": 1.0}) == "whole"
    # 步 "step" inside 一步: a character of a longer word
    assert evidence_class({"dict_term": 0.5, "dict_char": 0.5, "core_term": 0.5}) == "part"
    # the term's word found only as a function word at the span's edge (令 "to make")
    assert evidence_class({"dict_term": 1.0, "core_term": 0.0}) == "part"
