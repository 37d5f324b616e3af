"""Fit the four phrase weights of the pinyin romaniser on the tuning half of CPP.

Usage::

    .venv/bin/python benchmarks/fit_pinyin_weights.py [DEV_DATA] [--free-rare]

What it sees: the **tuning** half of ``pinyin-cpp`` (even lines, converted to Traditional as in
``bench_chinese.py``), nothing else. What it fits: the four numbers of
:class:`duizhao.chinese.pinyin.PhraseWeights` (how much a curated phrase, a curated phrase
with a rarer reading, a ``large_pinyin`` phrase and — round 16 — a curated rarer reading that
CC-CEDICT does not confirm weigh against g2pM), by coordinate ascent
over a grid of whole nats, each value scored by the mean tuning accuracy of it and its two
neighbours on the grid (so a lone spike of one sentence is not chosen). Nothing lexical is
learnt or shipped: the chosen numbers are copied into ``PhraseWeights`` by hand. The held-out
half is scored once, after the choice, for the report only.

``curated_rare`` is held at infinity (a curated phrase's rarer reading always stands) unless
``--free-rare`` is given: fitted freely it comes out at 10 nats and gains 0.08 points on the
tuning half, but g2pM is "sure" (probability 1 - 1e-21) of 會計 *huì* jì and of 部分 bù *fēn*,
and the tuning half's own changes were as often common words read wrongly (種植 *zhǒng*, 自傳
*chuán*, 妥當 *dāng*, 划船 *huà*) as CPP's conventions for rare names (黃陂 *bēi*).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_chinese as bench

GRID = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 14.0, 16.0, math.inf]
FIELDS = ("curated", "curated_rare", "large", "contradicted_rare")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--free-rare", action="store_true", help="fit curated_rare too")
    args = parser.parse_args(argv)
    fields = FIELDS if args.free_rare else ("curated", "large", "contradicted_rare")
    from duizhao.chinese import pinyin as pinyin_mod

    bench.memoised_polyphone_model()
    items = bench.traditional(bench.load_cpp(args.data, None))
    parts = bench.split(items, "alternate")
    inputs = {name: bench.romaniser_inputs([t for t, _, _ in part]) for name, part in parts.items()}

    scored: dict[tuple[str, tuple[float, ...]], float] = {}

    def accuracy(name: str, weights: dict[str, float]) -> float:
        key = (name, tuple(weights[f] for f in FIELDS))
        if key not in scored:
            scored[key] = _accuracy(name, weights)
        return scored[key]

    def _accuracy(name: str, weights: dict[str, float]) -> float:
        romaniser = pinyin_mod.PinyinRomaniser(phrase_weights=pinyin_mod.PhraseWeights(**weights))
        out = romaniser.romanise_many(inputs[name])
        hits = sum(bench.tone3(r[i]) == lb for r, (_, i, lb) in zip(out, parts[name], strict=True))
        return 100 * hits / len(parts[name])

    def smoothed(weights: dict[str, float], field: str) -> float:
        k = GRID.index(weights[field])
        near = GRID[max(0, k - 1) : k + 2]
        return sum(accuracy("tuning", {**weights, field: v}) for v in near) / len(near)

    start = {f: getattr(pinyin_mod.PhraseWeights(), f) for f in FIELDS}
    weights = {f: min(GRID, key=lambda g, f=f: abs(g - start[f])) for f in FIELDS}
    if not args.free_rare:
        weights["curated_rare"] = math.inf
    print(f"start {weights}: tuning {accuracy('tuning', weights):.2f} %")
    for rnd in range(2):
        for field in fields:
            scores = {v: smoothed({**weights, field: v}, field) for v in GRID}
            weights[field] = max(GRID, key=lambda v: (scores[v], -abs(v - weights[field])))
            row = " ".join(f"{v:g}:{s:.2f}" for v, s in scores.items())
            print(f"round {rnd + 1} {field:<13} -> {weights[field]:g}   (smoothed tuning %: {row})")
    print(f"chosen {weights}: tuning {accuracy('tuning', weights):.2f} %,"
          f" held-out {accuracy('held-out', weights):.2f} % (scored after the choice)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
