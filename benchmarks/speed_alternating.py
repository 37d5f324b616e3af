"""Two speed measures of several versions, run in turn in new processes (alternating, so that a
shared machine's load falls on every version alike): the glossary and vocabulary stages warm on
the seed (``glossary_timing.py``: the median of ``--repeats`` calls, CPU) and the whole pipeline
(annotate + HTML sheet) on distinct MAC-Dev articles (``bench_speed.py``'s ``PIPELINE``: articles
a CPU second).

Usage::

    git archive main src templates pyproject.toml | tar -x -C /tmp/main_src
    .venv/bin/python benchmarks/speed_alternating.py --version main=/tmp/main_src/src \\
        --rounds 3 --distinct 100

This checkout's ``src`` is always measured (as ``this``); the reference 2bd8588
(``baseline.py``) is added unless ``--no-reference``, its glossary timing with ``threadpoolctl``
(the stricter figure: bench_glossary.py's "today, with threadpoolctl") and its pipeline on
``--reference-distinct`` articles (it is slower). Prints one line per run and a summary.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import checkout
from bench_glossary import SEED, WARMUP, timing
from bench_speed import DEV, PIPELINE
from versions import add_version_option, run_json
from versions import versions as version_folders

ROOT = Path(__file__).resolve().parents[1]


def pipeline(src: Path, paths: list[str]) -> float:
    """Articles a CPU second of the whole pipeline over ``paths[1:]`` (``paths[0]`` warms up)."""
    return float(run_json(PIPELINE, src, paths)["articles_per_cpu_s"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_version_option(ap)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=7, help="warm glossary calls a run")
    ap.add_argument("--distinct", type=int, default=100, help="0: no pipeline runs")
    ap.add_argument("--reference-distinct", type=int, default=40)
    ap.add_argument("--no-reference", action="store_true")
    ap.add_argument("--no-glossary", action="store_true")
    args = ap.parse_args(argv)
    versions = version_folders(args.version, ROOT / "src")
    ref = None if args.no_reference else checkout()
    if ref is not None:
        versions["2bd8588"] = ref / "src"
    print(f"glossary: {WARMUP.name} then {SEED.name}; pipeline: {args.distinct} distinct")
    gl: dict[str, list[float]] = {k: [] for k in versions}
    pl: dict[str, list[float]] = {k: [] for k in versions}
    with tempfile.TemporaryDirectory() as tmp:
        paths: list[str] = []
        if args.distinct:
            from distinct_corpus import write_corpus

            paths = [str(p) for p in write_corpus(DEV, Path(tmp), n=args.distinct + 1)]
        for r in range(args.rounds):
            for label, src in versions.items():
                if not args.no_glossary:
                    ms = timing(src, args.repeats)["warm_cpu_s"] * 1000
                    gl[label].append(ms)
                    print(f"round {r + 1} {label}: glossary warm {ms:.1f} ms", flush=True)
                if paths:
                    n = args.reference_distinct if label == "2bd8588" else args.distinct
                    rate = pipeline(src, paths[: n + 1])
                    pl[label].append(rate)
                    print(f"round {r + 1} {label}: pipeline {rate:.2f} articles/CPU s",
                          flush=True)  # fmt: skip
    print("\nsummary (median of the rounds; each round's figure in brackets)")
    for label in versions:
        if gl[label]:
            line = " ".join(f"{x:.1f}" for x in gl[label])
            print(f"  {label}: glossary warm {statistics.median(gl[label]):.1f} ms ({line})")
        if pl[label]:
            line = " ".join(f"{x:.2f}" for x in pl[label])
            print(f"  {label}: pipeline {statistics.median(pl[label]):.2f} /CPU s ({line})")
    if gl.get("2bd8588"):
        for label in versions:
            if label != "2bd8588" and gl[label]:
                ratios = [a / b for a, b in zip(gl["2bd8588"], gl[label], strict=True)]
                print(f"  2bd8588 / {label}, glossary warm, round by round: "
                      + ", ".join(f"{x:.1f}×" for x in ratios))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
