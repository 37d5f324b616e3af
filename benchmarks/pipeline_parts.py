"""Where a distinct article's time goes, stage by stage, in several versions: CPU ms an article of
reading, alignment, the Chinese stage, glossary links, vocabulary, the rest of ``annotate`` and
the HTML sheet, over distinct MAC-Dev articles, each version in its own new processes,
alternating.

Usage::

    git archive main src templates pyproject.toml | tar -x -C /tmp/main_src
    .venv/bin/python benchmarks/pipeline_parts.py --version main=/tmp/main_src/src \\
        --distinct 100 --rounds 3

The articles are ``distinct_corpus.py``'s (written to a temporary folder, never kept); each run
annotates and renders one untimed warm-up article first, then times ``duizhao.annotate`` +
``duizhao.render_sheet`` of the others, each stage by a timing wrapper around the public function
``annotate`` calls (``duizhao.reader.read``, ``duizhao.align.align_document``,
``duizhao.chinese.annotate_document``, ``duizhao.glossary.link_glossary`` and
``suggest_vocabulary``). The wrappers cost about a microsecond a call.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from versions import add_version_option, run_json
from versions import versions as version_folders

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("read", "align", "chinese", "glossary", "vocabulary", "other", "sheet")

RUN = r"""
import json, sys, time
from pathlib import Path
import duizhao, duizhao.align, duizhao.chinese, duizhao.glossary, duizhao.reader

spent = {}

def timed(module, name, part):
    real = getattr(module, name)
    def wrapper(*args, **kw):
        t = time.process_time()
        try:
            return real(*args, **kw)
        finally:
            spent[part] = spent.get(part, 0.0) + time.process_time() - t
    setattr(module, name, wrapper)

paths = [Path(p) for p in sys.argv[1:]]
duizhao.render_sheet(duizhao.annotate(paths[0]))  # warm-up: tables loaded
timed(duizhao.reader, "read", "read")
timed(duizhao.align, "align_document", "align")
timed(duizhao.chinese, "annotate_document", "chinese")
timed(duizhao.glossary, "link_glossary", "glossary")
timed(duizhao.glossary, "suggest_vocabulary", "vocabulary")
total = 0.0
for p in paths[1:]:
    t = time.process_time()
    doc = duizhao.annotate(p)
    t1 = time.process_time()
    duizhao.render_sheet(doc)
    t2 = time.process_time()
    spent["sheet"] = spent.get("sheet", 0.0) + t2 - t1
    total += t2 - t
spent["other"] = total - sum(spent.values())
n = len(paths) - 1
print(json.dumps({"total": total * 1000 / n, **{k: v * 1000 / n for k, v in spent.items()}}))
"""


def main(argv: list[str] | None = None) -> int:
    from bench_speed import DEV

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_version_option(ap)
    ap.add_argument("--distinct", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dev", type=Path, default=DEV, help="the align-mac-dev folder")
    args = ap.parse_args(argv)
    versions = version_folders(args.version, ROOT / "src")
    from distinct_corpus import write_corpus

    runs: dict[str, list[dict[str, float]]] = {k: [] for k in versions}
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_corpus(args.dev, Path(tmp), n=args.distinct + 1)]
        for r in range(args.rounds):
            for label, src in versions.items():
                res = run_json(RUN, src, paths)
                runs[label].append(res)
                parts = " ".join(f"{k} {res.get(k, 0.0):.1f}" for k in PARTS)
                print(f"round {r + 1} {label}: {res['total']:.1f} ms an article ({parts})")
    print(f"\nmedians over {args.rounds} rounds, CPU ms an article ({args.distinct} distinct):")
    print("part".ljust(12) + "".join(label.rjust(10) for label in versions))
    for part in ("total", *PARTS):
        cells = [statistics.median(r.get(part, 0.0) for r in runs[v]) for v in versions]
        print(part.ljust(12) + "".join(f"{c:10.1f}" for c in cells))
    arts = [1000 / statistics.median(r["total"] for r in runs[v]) for v in versions]
    print("art/CPU s".ljust(12) + "".join(f"{a:10.2f}" for a in arts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
