"""English sentences that end on a lone capital letter (a place such as Shek O, a label such as
vitamin A): pysbd reads the letter as an initial and joins two sentences; a teacher sees one
English sentence beside two Chinese ones. Initials before a name stay inside their sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.text.sentences import split_en


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We walked along a ridge above Shek O. The trail is short but steep.",
            ["We walked along a ridge above Shek O.", "The trail is short but steep."],
        ),
        ("Take vitamin A. It helps the eyes.", ["Take vitamin A.", "It helps the eyes."]),
        ("Meet at Exit B. Then turn left.", ["Meet at Exit B.", "Then turn left."]),
        # initials before a name: one sentence
        ("John F. Kennedy spoke first. It rained.", ["John F. Kennedy spoke first.", "It rained."]),
        ("Our guide, J. A. Lee, knows the way.", ["Our guide, J. A. Lee, knows the way."]),
        ("I met J. K. Rowling there.", ["I met J. K. Rowling there."]),
    ],
)
def test_a_lone_capital_letter_ends_a_sentence_before_a_sentence_word(
    text: str, expected: list[str]
) -> None:
    assert [text[s.start : s.end] for s in split_en(text)] == expected


def test_the_aligned_pairs_keep_shek_o_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    art = tmp_path / "walk.txt"
    art.write_text(
        "我們沿着石澳上方的山脊而行。這條山徑雖短，但頗陡峭。\n\n"
        "We walked along a ridge above Shek O. The trail is short but steep.\n",
        encoding="utf-8",
    )
    assert main(["align", str(art), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(b["en"], b["zh"]) for b in data["sentences"]] == [([0], [0]), ([1], [1])]
