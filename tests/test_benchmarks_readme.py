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


def test_the_dask_prose_quotes_the_table() -> None:
    """"Beyond one machine" quotes the Dask row of the figures table; it still gave an earlier
    run's 29.9 s against 36.9 s (1.23×) beside the table's 15.7 s against 19.0 s (1.21×). After
    ``run_all.py --readme`` rewrites the table, this says when the prose must follow."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = re.search(r"^\| Speed \| build of 200 distinct articles: --dask local, 2 workers \(wall\) "
                    r"\| ([\d.]+ s) \| ([\d.]+ s) with --jobs 1 \(([\d.]+×) as fast\)", readme, re.M)
    assert row, "the Dask row of the figures table"
    dask, jobs1, ratio = row.groups()
    prose = " ".join(readme.split("## Beyond one machine", 1)[1].split("\n\n", 2)[1].split())
    assert f"took {dask} with two local Dask workers against {jobs1} with `--jobs 1`" in prose
    assert f"{ratio} as fast" in prose
