"""The "Words to learn: Chinese" table does not list the glossary's own Chinese again (uxen15's
loose end 2): 排練, 字幕 and 劇團 are the opera interview's counterparts of *rehearse*, *subtitle*
and *troupe*, and were listed again as vocabulary words."""

from __future__ import annotations

import re
from pathlib import Path

from duizhao.cli import main

from conftest import cli_json

OPERA = (
    Path(__file__).resolve().parent
    / "fixtures"
    / "teacher"
    / "2026-12-04-cantonese-opera-interview.txt"
)


def test_the_chinese_vocabulary_table_leaves_out_the_glossary_counterparts(tmp_path: Path) -> None:
    assert main(["sheet", str(OPERA), "-q", "-o", str(tmp_path)]) == 0
    html = (tmp_path / f"{OPERA.stem}.html").read_text(encoding="utf-8")
    table = html[html.index('class="vocab vocab-zh"') :]
    table = table[: table.index("</section>")]
    words = re.findall(r'class="zh-cell vw">([^<]+)<', table)
    assert len(words) >= 10
    for word in ("排練", "字幕", "劇團", "手勢", "遺產"):
        assert word not in words, word
        assert word in html  # still in the glossary table and the text
    doc = cli_json("annotate", str(OPERA), "-q")
    shown = {c["text"] for g in doc["glossary"] for c in g["counterparts"][:1]}
    assert {"排練", "字幕", "劇團"} <= shown
    assert not shown & {v["word"] for v in doc["vocabulary"]["zh"]}


def test_a_word_the_teacher_adds_is_kept(tmp_path: Path) -> None:
    # the teacher asked for it in the corrections file: listed even though it is in the glossary
    article = tmp_path / OPERA.name
    article.write_text(OPERA.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / f"{OPERA.stem}.duizhao.toml").write_text(
        '[vocabulary]\nadd = ["排練"]\n', encoding="utf-8"
    )
    doc = cli_json("annotate", str(article), "-q")
    assert "排練" in [v["word"] for v in doc["vocabulary"]["zh"]]
