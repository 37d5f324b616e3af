"""duizhao's own Jyutping check sets (``KIND<TAB>TEXT<TAB>JYUTPING``, ``a/b`` where both are
accepted): loading, the typo check of the gold, and reading a set as a user would (``duizhao
words``) beside ToJyutping alone. Shared by the round-10 register set and the round-14 editorial
set's tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.text.script import is_han

# the one parser of the sets' lines is the benchmarks' (bench_chinese.load_register reads them too)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from check_sets import Row, read_rows


def load(path: Path) -> list[Row]:
    """The set's rows: kind, text, the accepted readings of each Han character."""
    return read_rows(path)


def candidates(ch: str) -> list[str]:
    """The readings rime-cantonese (ToJyutping's data) lists for a character."""
    import ToJyutping

    return list(ToJyutping.get_jyutping_candidates(ch)[0][1])


def assert_attested(rows: list[Row]) -> None:
    """Every gold syllable is one rime-cantonese lists for its character (catches typos)."""
    for _kind, text, gold in rows:
        hans = [c for c in text if is_han(c)]
        assert len(hans) == len(gold), text
        for ch, readings in zip(hans, gold, strict=True):
            assert readings <= set(candidates(ch)), (text, ch, readings)


def read_with_words(
    rows: list[Row], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> list[list[str | None]]:
    """The Jyutping of each row's characters from ``duizhao words --format jsonl``."""
    src = tmp_path / "in.txt"
    src.write_text("\n".join(text for _, text, _ in rows) + "\n", encoding="utf-8")
    assert main(["words", str(src), "--format", "jsonl"]) == 0
    return [
        [j for t in json.loads(line)["tokens"] for j in t["jyutping"]]
        for line in capsys.readouterr().out.splitlines()
    ]


def read_with_tojyutping(rows: list[Row]) -> list[list[str | None]]:
    """The Jyutping of each row's characters from ToJyutping alone."""
    import ToJyutping

    return [[j for _, j in ToJyutping.get_jyutping_list(text)] for _, text, _ in rows]


def score(rows: list[Row], readings: list[list[str | None]]) -> float:
    """Character accuracy over the rows' Han characters."""
    right = total = 0
    for (_kind, text, gold), got in zip(rows, readings, strict=True):
        hans = [r for c, r in zip(text, got, strict=True) if is_han(c)]
        right += sum(r in g for r, g in zip(hans, gold, strict=True))
        total += len(gold)
    return right / total
