"""Issue 15, round 17: the shipped phrase sets as votes on a phrase's pinyin (nothing kept in the
product; ``benchmarks/pinyin_dict_votes.py`` and ``try_dict_votes.py`` measure it). These tests
guard what the round's figures in docs/history/chinese-rounds.md rest on: which dictionary
phrase reads a character, how the sources vote, and that a variant changes what it says."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_the_phrase_that_reads_a_character() -> None:
    from pinyin_dict_votes import covering_phrase

    simp = "他在银行当会计。"  # "he is an accountant at a bank"
    words = [(0, 1), (1, 2), (2, 4), (4, 5), (5, 7)]
    assert covering_phrase(simp, words, 6) == ("会计", 1, True)
    assert covering_phrase(simp, words, 4) == ("", -1, False)  # 当 alone: g2pM reads it


def test_the_sources_vote_on_a_reading() -> None:
    from try_dict_votes import outvoting_reading, phrase_votes

    # 煞车 "to brake": CC-CEDICT and 汉典 read shā, none shà
    assert phrase_votes("煞车", 0, "sha4") == (0, 2)
    assert phrase_votes("煞车", 0, "sha1") == (2, 0)
    assert outvoting_reading("煞车", 0, "sha4") == ("sha1", 2)
    # a word no source lists has no votes
    assert phrase_votes("没有这个词", 0, "mei2") == (0, 0)


def test_a_confirmed_reading_stands_against_the_model() -> None:
    """The one variant that gained on the tuning half (not kept: held-out −1): pypinyin reads
    煞车 shā chē, g2pM is 28 nats sure of shà in this sentence and overrules it; two sources
    confirming shā make it stand."""
    from duizhao.chinese import PinyinRomaniser
    from try_dict_votes import Votes, VotingRomaniser

    text, simp = "因煞車過急致使車", "因煞车过急致使车"  # "because it braked too hard"
    words = [(0, 1), (1, 3), (3, 4), (4, 5), (5, 7), (7, 8)]
    # round 17's side branch ships the variant (PhraseWeights.confirmed): 8 nats is main's
    from duizhao.chinese.pinyin import PhraseWeights

    main = PinyinRomaniser(phrase_weights=PhraseWeights(confirmed=8))
    assert main.romanise(text, simp, words)[1] == "shà"
    assert VotingRomaniser(Votes(confirmed=math.inf)).romanise(text, simp, words)[1] == "shā"
