"""Where a warm call of the glossary stages goes, part by part (round 14, second part).

Usage: ``python benchmarks/glossary_parts.py [CALLS]``. The seed's glossary and vocabulary
stages after the trams article, each call with a new ``LinkContext`` (as ``glossary_timing.py``),
first untimed, then ``CALLS`` calls (default 20) with each part below wrapped in turn by a
``time.process_time`` timer (one part a pass, so the wrappers do not nest): prints each part's
CPU milliseconds a call and its number of calls, beside the whole call's median. A wrapper adds
its own cost (about a microsecond a call), so parts called thousands of times read high.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_glossary import SEED, WARMUP
from glossary_timing import _prepare, _stages


def main(argv: list[str]) -> int:
    calls = int(argv[1]) if len(argv) > 1 else 20
    from duizhao.glossary import context, features, finder

    doc, warm_doc = _prepare(str(SEED)), _prepare(str(WARMUP))
    link, vocab, new_context = _stages()

    def run(d: Any) -> float:
        c0 = time.process_time()
        ctx = new_context()
        vocab(link(d, context=ctx), context=ctx)
        return time.process_time() - c0

    run(doc), run(warm_doc), run(doc)
    whole = statistics.median(run(doc) for _ in range(calls))
    print(f"whole call: {whole * 1000:.1f} ms CPU (median of {calls})")
    parts = [
        ("beads (LinkContext._make_bead)", context.LinkContext, "_make_bead"),
        ("  Chinese sentences (zh_sentence)", context, "zh_sentence"),
        ("beads' words (bead_words)", features, "bead_words"),
        ("what the words say (term_words)", features, "term_words"),
        ("span shapes (_shape)", features, "_shape"),
        ("span values (_span_values)", features, "_span_values"),
        ("candidates' features, all (features.candidates)", finder, "candidates"),
        ("scoring (CounterpartFinder.score)", finder.CounterpartFinder, "score"),
        ("encoder similarity (add_similarity)", finder, "add_similarity"),
        ("second pass (CounterpartFinder.settle)", finder.CounterpartFinder, "settle"),
    ]
    for label, owner, name in parts:
        plain = getattr(owner, name)
        spent, count = [0.0], [0]

        def timed(
            *args: Any,
            _f: Any = plain,
            _s: list[float] = spent,
            _n: list[int] = count,
            **kwargs: Any,
        ) -> Any:
            c0 = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                _s[0] += time.process_time() - c0
                _n[0] += 1

        setattr(owner, name, timed)
        try:
            for _ in range(calls):
                run(doc)
        finally:
            setattr(owner, name, plain)
        print(f"{label:52s} {spent[0] / calls * 1000:6.2f} ms  {count[0] // calls:5d} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
