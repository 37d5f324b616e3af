"""CPU cost of round 14's Jyutping step (``cantonese_senses.agree_senses``) on CityU dev.

Usage::

    .venv/bin/python benchmarks/round14_costs.py [DEV_DATA]

Times ``agree_senses`` alone over every CityU dev line (the readings of a real annotation, five
passes, CPU time), beside the whole annotation of the same lines (40-line articles, once), so
that its share of the annotation can be read off. Round 14: 4.3 ms of CPU for the 30,617 characters,
0.33 % of their whole annotation (1,318 ms).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_chinese as b


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(b.ROOT.parent / "shared" / "dev-data"))
    args = ap.parse_args(argv)

    from duizhao.chinese import ChineseAnnotator
    from duizhao.chinese.cantonese_senses import agree_senses

    texts = ["".join(ws) for ws in b.load_seg(Path(args.data), "cityu", None)]
    chars = sum(map(len, texts))
    annotator = ChineseAnnotator()
    t0 = time.process_time()
    tokens = [
        tok for i in range(0, len(texts), 40) for tok in annotator.annotate_many(texts[i : i + 40])
    ]
    whole = time.process_time() - t0
    readings = [
        ([r for t in toks for r in t.pinyin], [r for t in toks for r in t.jyutping])
        for toks in tokens
    ]
    t0 = time.process_time()
    for _ in range(5):
        for text, (py, jp) in zip(texts, readings, strict=True):
            agree_senses(text, py, list(jp))
    step = (time.process_time() - t0) / 5
    print(
        f"{chars} chars: whole annotation {whole * 1000:.0f} ms CPU,"
        f" agree_senses {step * 1000:.1f} ms ({step / whole:.2%})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
