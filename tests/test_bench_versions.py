"""``--version LABEL=SRC`` of the benchmarks that compare versions (benchmarks/versions.py): one
parser for all of them. A value that is not LABEL=SRC used to run this checkout again under the
label (``Path("")``); now it is a command-line error before any work."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

COMMANDS = [
    "encoder_batches", "pipeline_parts", "speed_alternating", "cold_sheet_alternating", "term_finding"
]


@pytest.mark.parametrize("module", COMMANDS)
@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("main", "is not LABEL=SRC"),
        ("=/tmp/src", "is not LABEL=SRC"),
        ("main=", "is not LABEL=SRC"),
        ("main=/nonexistent/src", "no duizhao package in"),
    ],
)
def test_a_bad_version_is_a_usage_error(module, value, says, capsys):
    main = importlib.import_module(module).main
    with pytest.raises(SystemExit) as e:
        main(["--version", value])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "argument --version" in err and says in err


def test_bench_glossary_compare_reads_the_same_form(capsys):
    main = importlib.import_module("bench_glossary").main
    with pytest.raises(SystemExit):
        main(["--compare", "old"])
    assert "argument --compare" in capsys.readouterr().err


def test_versions_this_checkout_first_then_each_given(tmp_path):
    from versions import label_src, versions

    (tmp_path / "duizhao").mkdir()
    given = [label_src(f"main={tmp_path}"), label_src(f" r15 = {tmp_path}")]
    assert versions(given, ROOT / "src") == {"this": ROOT / "src", "main": tmp_path, "r15": tmp_path}
