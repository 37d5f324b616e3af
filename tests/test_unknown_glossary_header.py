"""A glossary under a header the reader does not know is never read silently as English paragraphs
(uxen15's loose end 1): the opera interview's glossary under a caption of the teacher's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import cli_json

OPERA = (
    Path(__file__).resolve().parent
    / "fixtures"
    / "teacher"
    / "2026-12-04-cantonese-opera-interview.txt"
)


def _article(tmp_path: Path, caption: str, *, weak: bool = False) -> tuple[Path, int]:
    text = OPERA.read_text(encoding="utf-8").replace("Key words 重點詞彙", caption)
    if weak:  # "term: definition" only: no part of speech, no Chinese equivalent
        text = re.sub(r"^(\d\. [a-z ]+) \([a-z.]+\)(?:【[^】]+】)?:", r"\1:", text, flags=re.M)
    path = tmp_path / "opera.txt"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    return path, lines.index(caption) + 1


def test_a_glossary_under_an_unknown_caption_is_read_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # on main: eight English paragraphs "1. intangible (adj.)【非物質】: …", no glossary, no message
    path, line = _article(tmp_path, "From the wings 後台")
    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert (
        f"warning: {path}:{line}: lines {line + 1}–{line + 8} look like a glossary under the "
        "unknown header 'From the wings 後台': read them as the glossary"
    ) in err
    doc = cli_json("parse", str(path))
    assert [e["term"] for e in doc["glossary"]][:3] == ["intangible", "heritage", "rehearse"]
    assert len(doc["glossary"]) == 8
    assert doc["glossary"][0]["zh"] == ["非物質"]
    texts = [p["text"] for p in doc["en"]["paragraphs"] + doc["zh"]["paragraphs"]]
    assert not any("intangible (adj.)" in t or "From the wings" in t for t in texts)


def test_term_colon_definition_lines_are_left_as_paragraphs_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "rehearse: to practise a play …" may be an English line too: not taken, but never silent
    path, line = _article(tmp_path, "From the wings", weak=True)
    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert (
        f"warning: {path}:{line}: lines {line + 1}–{line + 8} look like a glossary under the "
        "unknown header 'From the wings': read as English paragraphs (put a 'Glossary' header "
        "above them to make them the glossary)"
    ) in err
    doc = cli_json("parse", str(path))
    assert doc["glossary"] == []


def test_a_known_header_and_an_article_ending_in_prose_say_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(OPERA)]) == 0
    assert "look like a glossary" not in capsys.readouterr().err
