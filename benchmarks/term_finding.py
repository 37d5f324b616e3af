"""Finding the glossary terms in the English of distinct articles (``duizhao.glossary.find_term``,
each term new to the process, as in a build), in several versions, alternating in new processes:
CPU ms an article.

Usage::

    git archive main src templates pyproject.toml | tar -x -C /tmp/main_src
    .venv/bin/python benchmarks/term_finding.py --version main=/tmp/main_src/src --rounds 3

The articles are ``distinct_corpus.py``'s (written to a temporary folder, never kept): each is
read first (untimed), then every glossary term of every article is found once, timed together.
Round 16 (second speed pass) made a one-word term a look-up of the text's words instead of a
compiled pattern; this measures what that takes off.
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

RUN = r"""
import json, sys, time
from pathlib import Path
import duizhao
from duizhao.glossary import find_term

docs = [duizhao.read(Path(p)) for p in sys.argv[1:]]
find_term("warm", docs[0])
t = time.process_time()
terms = 0
for d in docs:
    for e in d.glossary:
        find_term(e.term, d, pos=e.pos, definition=e.definition)
        terms += 1
spent = time.process_time() - t
print(json.dumps({"ms": spent * 1000 / len(docs), "terms": terms, "articles": len(docs)}))
"""


def main(argv: list[str] | None = None) -> int:
    from bench_speed import DEV

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_version_option(ap)
    ap.add_argument("--distinct", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dev", type=Path, default=DEV, help="the align-mac-dev folder")
    args = ap.parse_args(argv)
    versions = version_folders(args.version, ROOT / "src")
    from distinct_corpus import write_corpus

    runs: dict[str, list[float]] = {k: [] for k in versions}
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_corpus(args.dev, Path(tmp), n=args.distinct)]
        for r in range(args.rounds):
            for label, src in versions.items():
                res = run_json(RUN, src, paths)
                runs[label].append(res["ms"])
                print(f"round {r + 1} {label}: {res['ms']:.3f} ms an article "
                      f"({res['terms']} terms, {res['articles']} articles)")  # fmt: skip
    print(f"\nmedian of {args.rounds} rounds, CPU ms an article:")
    for label, ms in runs.items():
        print(f"  {label}: {statistics.median(ms):.3f} ({' / '.join(f'{m:.3f}' for m in ms)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
