"""A cold ``duizhao sheet SEED`` of this checkout beside another version's, alternating.

Usage::

    git archive main src templates pyproject.toml | tar -x -C /tmp/main_src
    python benchmarks/cold_sheet_alternating.py --version main=/tmp/main_src/src [--rounds 7]
        [--first-use 2]

Each round runs ``duizhao sheet SEED`` as a new process for each version in turn (this checkout
first, then each ``LABEL=SRC`` given, run with ``PYTHONPATH=SRC``), every version with its own
cache directory (``XDG_CACHE_HOME``) that one untimed run has filled, as a user's is after the
first use; and prints the CPU seconds (user + system of the child) and the wall seconds of each
run, then the medians. ``--first-use N`` also times N runs of each version on an empty cache
directory (every derived table built: what the first use after an install or an upgrade costs).
For round 14's precomputed CC-CEDICT senses (``chinese/sense_table.py``): the cost of opening the
table on a cold start, and of building it on the first use.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from versions import add_version_option
from versions import versions as version_folders

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
BIN = Path(sys.executable).parent


def _run(env: dict[str, str], out: Path) -> tuple[float, float]:
    """CPU and wall seconds of one ``duizhao sheet SEED`` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(BIN / "duizhao"), "sheet", str(SEED), "-o", str(out)],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_version_option(ap)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--first-use", type=int, default=0, help="runs on an empty cache, each")
    args = ap.parse_args(argv)
    folders = version_folders(args.version, ROOT / "src")
    versions = [(label, str(src)) for label, src in folders.items()]
    work = Path(tempfile.mkdtemp(prefix="cold-sheet-"))
    try:
        envs = {}
        for label, src in versions:
            env = dict(os.environ, PYTHONPATH=src, XDG_CACHE_HOME=str(work / f"cache-{label}"))
            envs[label] = env
            _run(env, work / f"out-{label}")  # untimed: the caches filled
        times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in versions}
        for r in range(args.rounds):
            for label, _ in versions:
                cpu, wall = _run(envs[label], work / f"out-{label}")
                times[label].append((cpu, wall))
                print(f"round {r + 1} {label:>8}: CPU {cpu:.3f} s, wall {wall:.3f} s", flush=True)
        for label, rows in times.items():
            cpu = statistics.median(c for c, _ in rows)
            wall = statistics.median(w for _, w in rows)
            print(f"{label:>8} cold sheet: median CPU {cpu:.3f} s, wall {wall:.3f} s")
        for k in range(args.first_use):
            for label, _ in versions:
                cache = work / f"first-{label}-{k}"
                env = dict(envs[label], XDG_CACHE_HOME=str(cache))
                cpu, wall = _run(env, work / f"out-{label}")
                print(f"first use {k + 1} {label:>8}: CPU {cpu:.3f} s, wall {wall:.3f} s")
                shutil.rmtree(cache, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
