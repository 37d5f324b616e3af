"""What Python's cyclic garbage collector costs in the whole pipeline on distinct articles.

Annotates and renders ``--articles`` distinct MAC-Dev articles (``distinct_corpus.py``) in one
process after a warm-up article and times every collection with ``gc.callbacks`` (CPU time):
prints the pipeline's CPU, the collections of each generation with their CPU, the collector's
share, and the process's peak resident size. Run it from each version's ``src`` in turn
(alternating) to compare::

    PYTHONPATH=/tmp/main_src/src .venv/bin/python benchmarks/gc_share.py --articles 120
    .venv/bin/python benchmarks/gc_share.py --articles 120
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str] | None = None) -> int:
    import duizhao
    from bench_speed import DEV
    from distinct_corpus import write_corpus
    from duizhao.resources.diskcache import gc_paused as paused

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--whole-article", action="store_true",
                    help="also hold the collector off for the whole of each article")  # fmt: skip
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_corpus(DEV, Path(tmp), n=args.articles + 1)]
        duizhao.render_sheet(duizhao.annotate(paths[0]))
        cpu = {0: 0.0, 1: 0.0, 2: 0.0}
        count = {0: 0, 1: 0, 2: 0}
        started = [0.0]

        def timed(phase: str, info: dict[str, Any]) -> None:
            if phase == "start":
                started[0] = time.process_time()
            else:
                g = info["generation"]
                cpu[g] += time.process_time() - started[0]
                count[g] += 1

        gc.callbacks.append(timed)
        c0 = time.process_time()
        for p in paths[1:]:
            if args.whole_article:
                with paused():
                    duizhao.render_sheet(duizhao.annotate(p))
            else:
                duizhao.render_sheet(duizhao.annotate(p))
        total = time.process_time() - c0
        gc.callbacks.remove(timed)
    out = {
        "module": duizhao.__file__,
        "articles": args.articles,
        "whole_article": args.whole_article,
        "cpu_s": round(total, 3),
        "ms_per_article": round(total / args.articles * 1000, 1),
        "collections": count,
        "collector_cpu_s": {g: round(v, 3) for g, v in cpu.items()},
        "collector_share": round(sum(cpu.values()) / total, 4),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
