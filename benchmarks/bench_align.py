"""Sentence alignment benchmark: strict bead F1 on MAC-Dev and alignment speed.

Usage:
    .venv/bin/python benchmarks/bench_align.py [DEV_DIR] [--embed] [--only NAME ...]

DEV_DIR defaults to ../shared/dev-data/align-mac-dev (relative to the repository root). It holds
``zh/NNN.txt`` and ``en/NNN.txt`` (one sentence a line) and ``gold/NNN.align`` (one bead a line,
``[zh ids]:[en ids]``). Strict F1 = exact (zh ids, en ids) bead matches pooled over documents, null
beads included; P = matched / predicted, R = matched / gold.

Systems measured in the same run:
- ``gale-church``: a textbook Gale–Church (1993) aligner (character lengths, c and s² from the
  document, beads 1:1, 1:0, 0:1, 2:1, 1:2, 2:2 with the paper's priors), written here
  independently of duizhao;
- ``duizhao-length``: duizhao's DP with :class:`~duizhao.align.LengthScorer` (length only);
- ``duizhao-anchors``: numbers and Latin tokens, no dictionary;
- ``duizhao``: the default :class:`~duizhao.align.LexicalScorer`;
- ``duizhao+embed`` (with ``--embed``): :class:`~duizhao.align.EmbeddingScorer` over the default.

Speed: sentences (English + Chinese) aligned per second on the concatenation of all dev
documents (a long text), after start-up, and the time to align the seed editorial.

Prints a table and writes benchmarks/results/bench_align.json.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / ".." / "shared" / "dev-data" / "align-mac-dev"
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"

Bead = tuple[tuple[int, ...], tuple[int, ...]]  # (zh ids, en ids) as in the gold files


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1] if path.exists() else []


def read_gold(path: Path) -> list[Bead]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        z, e = line.split(":")
        zs = tuple(int(x) for x in z.strip()[1:-1].split(",") if x.strip())
        es = tuple(int(x) for x in e.strip()[1:-1].split(",") if x.strip())
        out.append((zs, es))
    return out


# -- the Gale–Church baseline ---------------------------------------------------------------------

_GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089,
              (2, 2): 0.011}  # fmt: skip


def _norm_sf(x: float) -> float:
    return 0.5 * math.erfc(x / math.sqrt(2))


def gale_church(en: Sequence[str], zh: Sequence[str]) -> list[Bead]:
    """Gale & Church (1993) over character lengths, c = zh/en chars, s² from the document."""
    le = [len(t.replace(" ", "")) for t in en]
    lz = [len(t) for t in zh]
    n, m = len(en), len(zh)
    c = (sum(lz) / sum(le)) if sum(le) else 1.0
    s2 = 6.8 * c  # Gale–Church's s² scaled to the ratio of the pair

    def cost(l1: int, l2: int, a: int, b: int) -> float:
        if l1 == 0 and l2 == 0:
            return 0.0
        mean = (l1 + l2 / c) / 2
        delta = (l2 - l1 * c) / math.sqrt(max(mean, 1e-9) * s2)
        p = max(2 * _norm_sf(abs(delta)), 1e-300)
        return -math.log(_GC_PRIORS[(a, b)]) - math.log(p)

    inf = float("inf")
    dist = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    dist[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, (0, 0)
            for a, b in _GC_PRIORS:
                if i >= a and j >= b and dist[i - a][j - b] < inf:
                    d = dist[i - a][j - b] + cost(sum(le[i - a : i]), sum(lz[j - b : j]), a, b)
                    if d < best:
                        best, arg = d, (a, b)
            dist[i][j], back[i][j] = best, arg
    out: list[Bead] = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]
        out.append((tuple(range(j - b, j)), tuple(range(i - a, i))))
        i, j = i - a, j - b
    return out[::-1]


# -- duizhao systems ------------------------------------------------------------------------------


def duizhao_system(
    scorer_factory: Callable[[], object] | None,
) -> Callable[[list[str], list[str]], list[Bead]]:
    from duizhao.align import align_units

    scorer = scorer_factory() if scorer_factory else None

    def run(en: list[str], zh: list[str]) -> list[Bead]:
        beads = align_units(en, zh, scorer=scorer)  # type: ignore[arg-type]
        return [(b.zh, b.en) for b in beads]

    return run


def f1(pred: list[Bead], gold: list[Bead]) -> tuple[int, int, int]:
    ps, gs = set(pred), set(gold)
    return len(ps & gs), len(pred), len(gold)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dev", nargs="?", default=str(DEFAULT), help="the align-mac-dev folder")
    ap.add_argument("--embed", action="store_true", help="also run the embeddings scorer")
    ap.add_argument("--only", nargs="*", help="run only these systems")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    args = ap.parse_args(argv)
    dev = Path(args.dev)
    if not (dev / "gold").is_dir():
        print(f"error: {dev} has no gold/ folder (pass the align-mac-dev path)", file=sys.stderr)
        return 2
    from duizhao.align import EmbeddingScorer, LengthScorer, LexicalScorer

    systems: dict[str, Callable[[list[str], list[str]], list[Bead]]] = {
        "gale-church": gale_church,
        "duizhao-length": duizhao_system(LengthScorer),
        "duizhao-anchors": duizhao_system(lambda: LexicalScorer(use_cedict=False)),
        "duizhao": duizhao_system(None),
    }
    if args.embed:
        systems["duizhao+embed"] = duizhao_system(EmbeddingScorer)
    if args.only:
        systems = {k: v for k, v in systems.items() if k in args.only}
    docs = sorted(p.stem for p in (dev / "gold").glob("*.align"))
    data = [
        (read_lines(dev / "en" / f"{d}.txt"), read_lines(dev / "zh" / f"{d}.txt"),
         read_gold(dev / "gold" / f"{d}.align"))
        for d in docs
    ]  # fmt: skip
    results: dict[str, dict[str, object]] = {}
    for name, run in systems.items():
        hit = npred = ngold = 0
        per_doc = {}
        t0 = time.perf_counter()
        for d, (en, zh, gold) in zip(docs, data, strict=True):
            pred = run(en, zh)
            h, p, g = f1(pred, gold)
            hit, npred, ngold = hit + h, npred + p, ngold + g
            per_doc[d] = round(2 * h / (p + g), 3) if p + g else 0.0
        secs = time.perf_counter() - t0
        prec, rec = hit / max(npred, 1), hit / max(ngold, 1)
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        results[name] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f, 4),
                         "per_doc_f1": per_doc, "seconds": round(secs, 3)}  # fmt: skip
    print(f"strict bead F1 on {dev} ({len(docs)} documents)")
    print(f"{'system':<18} {'P':>7} {'R':>7} {'F1':>7} {'time s':>8}  per document")
    for name, r in results.items():
        per = " ".join(f"{v:.3f}" for v in r["per_doc_f1"].values())  # type: ignore[union-attr]
        print(f"{name:<18} {r['precision']:>7.3f} {r['recall']:>7.3f} {r['f1']:>7.3f} "
              f"{r['seconds']:>8.2f}  {per}")  # fmt: skip
    print("(time s: wall clock for the 6 documents, including each system's start-up)")
    flags = flag_quality(docs, data) if "duizhao" in systems else {}
    for part, r in flags.items():
        print(f"low-confidence flag, {part}: {r['flagged']} of {r['beads']} two-sided beads "
              f"flagged, {r['flagged_wrong']} of them wrong; {r['flagged_wrong']} of the "
              f"{r['wrong']} wrong beads caught")  # fmt: skip
    speed: dict[str, float] = {}
    if not args.no_speed:
        speed = measure_speed(data, args.embed)
        print()
        for k, v in speed.items():
            print(f"{k:<50} {v:>10.1f}")
    out = ROOT / "benchmarks" / "results" / "bench_align.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"dev": str(dev), "systems": results, "speed": speed,
                               "flags": flags}, indent=2))  # fmt: skip
    print(f"\nwrote {out.relative_to(ROOT)}")
    return 0


def flag_quality(docs: list[str], data: list) -> dict[str, dict[str, int]]:
    """How well duizhao's ``low_confidence`` flag finds its wrong two-sided beads, on the first
    three documents (looked at when the flag's margin was chosen) and the last three (not)."""
    from duizhao.align import align_units

    out: dict[str, dict[str, int]] = {}
    half = len(docs) // 2
    for part, sel in ((f"tuning ({docs[0]}–{docs[half - 1]})", data[:half]),
                      (f"held-out ({docs[half]}–{docs[-1]})", data[half:])):  # fmt: skip
        beads = wrong = flagged = flagged_wrong = 0
        for en, zh, gold in sel:
            gold_set = set(gold)
            for b in align_units(en, zh):
                if not (b.en and b.zh):
                    continue
                ok = (b.zh, b.en) in gold_set
                beads += 1
                wrong += not ok
                flagged += b.low_confidence
                flagged_wrong += b.low_confidence and not ok
        out[part] = {"beads": beads, "wrong": wrong, "flagged": flagged,
                     "flagged_wrong": flagged_wrong}  # fmt: skip
    return out


def measure_speed(data: list, embed: bool) -> dict[str, float]:
    """Wall-clock and CPU times (CPU time is what to compare on a shared, busy machine)."""
    import subprocess

    from duizhao.align import EmbeddingScorer, align_document, align_units
    from duizhao.reader import read

    out: dict[str, float] = {}
    # Start-up in a fresh process: import, read the seed, build the CC-CEDICT index, align.
    code = (
        "import time; t=time.perf_counter(); c=time.process_time();"
        "from duizhao.reader import read; from duizhao.align import align_document;"
        f"align_document(read({str(SEED)!r}));"
        "print(time.perf_counter()-t, time.process_time()-c)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, cpu = (float(x) for x in res.stdout.split())
    out["seed: fresh process, first align, wall (ms)"] = wall * 1000
    out["seed: fresh process, first align, CPU (ms)"] = cpu * 1000
    doc = read(SEED)
    align_document(doc)
    runs = 20
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(runs):
        align_document(doc)
    out["seed: align_document after start-up, wall (ms)"] = (time.perf_counter() - t0) * 1000 / runs
    out["seed: align_document after start-up, CPU (ms)"] = (time.process_time() - c0) * 1000 / runs
    en = [s for d in data for s in d[0]]
    zh = [s for d in data for s in d[1]]
    t0, c0 = time.perf_counter(), time.process_time()
    align_units(en, zh)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    out[f"long text ({len(en)}+{len(zh)} sentences): wall s"] = wall
    out["long text: sentences per second, wall"] = (len(en) + len(zh)) / wall
    out["long text: sentences per second, CPU"] = (len(en) + len(zh)) / cpu
    if embed:
        scorer = EmbeddingScorer()
        t0, c0 = time.perf_counter(), time.process_time()
        align_units(en, zh, scorer=scorer)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        out["long text +embed: sentences per second, wall"] = (len(en) + len(zh)) / wall
        out["long text +embed: sentences per second, CPU"] = (len(en) + len(zh)) / cpu
    return out


if __name__ == "__main__":
    sys.exit(main())
