"""The README's figures table is replaced from the benchmark summary (``run_all.py --readme``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run_all() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "benchmarks" / "run_all.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("run_all", module)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_replaced_and_the_text_around_it_kept() -> None:
    run_all = _run_all()
    rows = [run_all._row("Chinese", "word F1", "0.950", "0.900 reference", "≥ 0.90", True)]
    table = run_all.format_table(rows, markdown=True)
    old = table.replace("0.950", "0.800").replace("| yes |", "| NO |")
    readme = f"before\n\n{old}\n| Speed | old row | 1 |  |  |  |\n\nNot there yet\n"
    new = run_all.replace_table(readme, table)
    assert new == f"before\n\n{table}\n\nNot there yet\n"
    # the README itself has such a table
    assert run_all.replace_table((ROOT / "README.md").read_text(encoding="utf-8"), table)


def test_a_readme_without_the_table_is_an_error() -> None:
    run_all = _run_all()
    table = run_all.format_table([], markdown=True)
    with pytest.raises(ValueError, match="no table"):
        run_all.replace_table("no figures here\n", table)
