"""English sentences that begin with a straight quote (``"`` or ``'``): split there as before a
curly one, while closing quotes stay with their sentence and apostrophes never start one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.text.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, "en")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            'He left Central. "You are late," she said. He nodded.',
            ["He left Central.", '"You are late," she said.', "He nodded."],
        ),
        ("He left. 'You are late,' she said.", ["He left.", "'You are late,' she said."]),
        # the curly quotes split the same
        ("He left. ‘You are late,’ she said.", ["He left.", "‘You are late,’ she said."]),
        # a closing quote after the end mark stays with its sentence
        ('"Go." Then he left.', ['"Go."', "Then he left."]),
        ('She said, "Go." He went.', ['She said, "Go."', "He went."]),
        (
            '"Are you sure?" he asked. "Yes."',
            ['"Are you sure?" he asked.', '"Yes."'],
        ),
        # a quoted sentence closed, then the next quotation
        ('He said "hello." "Hi," she replied.', ['He said "hello."', '"Hi," she replied.']),
        ("'Why?' 'Because.' He left.", ["'Why?'", "'Because.'", "He left."]),
        # no cut inside a quotation, nor before a lowercase word
        (
            'Mei snorted. "He walked out on us when I was six. Now he wants me back?"',
            ["Mei snorted.", '"He walked out on us when I was six. Now he wants me back?"'],
        ),
        ('"He said. \'Go away.\' Then he left."', ['"He said. \'Go away.\' Then he left."']),
        ('He left. "and then" she said.', ['He left. "and then" she said.']),
        # an abbreviation, as pysbd decides
        ('Mr. "X" came to see us.', ['Mr. "X" came to see us.']),
        # apostrophes never start a sentence
        (
            "It was the '90s. 'Tis the season. Rock 'n' roll.",
            ["It was the '90s. 'Tis the season. Rock 'n' roll."],
        ),
        ("The students' books. 'What?' he said.", ["The students' books.", "'What?' he said."]),
        (
            "Grannie Liu frowned. 'But can't we sit down?'",
            ["Grannie Liu frowned.", "'But can't we sit down?'"],
        ),
        # a quote whose way the parity cannot tell (inches) leaves the paragraph as before
        ('He was 5\'10" tall. "Wow," she said.', ['He was 5\'10" tall. "Wow," she said.']),
    ],
)
def test_split_sentences_before_a_straight_opening_quote(text: str, want: list[str]) -> None:
    assert _split(text) == want


ARTICLE = """Mr Chan locked the shop at nine. "Are you coming to the pier?" his son asked. "The last ferry goes at ten."

Mr Chan shook his head. 'I am too old for night ferries,' he said. 'Go without me.'

小說練習：《收鋪》

陳先生九點鎖上店門。兒子問：「你來碼頭嗎？」「尾班船十點開。」

陳先生搖搖頭。「我年紀太大，坐不了夜船，」他說。「你自己去吧。」
"""


def test_align_pairs_straight_quoted_dialogue_sentence_by_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    art = tmp_path / "ferry.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert main(["align", str(art), "--format", "json"]) == 0
    beads = [(b["en"], b["zh"]) for b in json.loads(capsys.readouterr().out)["sentences"]]
    # three English and three Chinese sentences a paragraph, paired one by one
    assert beads == [([i], [i]) for i in range(6)]
    assert main(["align", str(art), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "[en 1 | zh 1]" in text and "[en 4 | zh 4]" in text
