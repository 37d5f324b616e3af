"""``--version LABEL=SRC``: another version's ``src`` folder, run beside this checkout's.

Shared by the benchmarks that time several versions in new processes (``PYTHONPATH=SRC``):
``encoder_batches.py``, ``pipeline_parts.py``, ``speed_alternating.py``, ``term_finding.py`` and
``cold_sheet_alternating.py``; ``bench_glossary.py --compare`` reads the same form. Another
version is unpacked with, for example::

    git archive main src templates pyproject.toml | tar -x -C /tmp/main_src
    ... --version main=/tmp/main_src/src

A value without ``=``, with an empty label, or whose folder holds no ``duizhao`` package is an
error of the command line, before any work (it used to run this checkout again under the label).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["add_version_option", "label_src", "run_json", "versions"]

ROOT = Path(__file__).resolve().parents[1]


def label_src(text: str) -> tuple[str, Path]:
    """``LABEL=SRC`` → ``(LABEL, SRC resolved)``; an ``argparse`` type.

    Raises:
        argparse.ArgumentTypeError: No ``=``, an empty label, or no ``SRC/duizhao`` folder.
    """
    label, eq, src = text.partition("=")
    if not eq or not label.strip() or not src.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not LABEL=SRC (e.g. main=/tmp/main_src/src)")
    path = Path(src.strip()).expanduser().resolve()
    if not (path / "duizhao").is_dir():
        raise argparse.ArgumentTypeError(f"{text!r}: no duizhao package in {path}")
    return label.strip(), path


def add_version_option(ap: argparse.ArgumentParser, flag: str = "--version") -> None:
    """Add the repeatable ``LABEL=SRC`` option to a benchmark's parser."""
    ap.add_argument(flag, action="append", default=[], type=label_src, metavar="LABEL=SRC",
                    help="another version's src folder to run beside this one")  # fmt: skip


def versions(
    given: list[tuple[str, Path]], this: Path, this_label: str = "this"
) -> dict[str, Path]:
    """This checkout's ``src`` first, then each version given, in order (a label given twice:
    the last one)."""
    return {this_label: this, **dict(given)}


def run_json(script: str, src: Path, args: Sequence[str] = ()) -> Any:
    """Run ``python -c script args`` in a new process importing ``duizhao`` from ``src`` (from the
    repository root) and return the last line it prints, read as JSON."""
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])
