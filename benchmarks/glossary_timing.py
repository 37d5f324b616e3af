"""Time the glossary and vocabulary stages in one process (run by bench_glossary.py, once with
this checkout and once with the reference checkout of benchmarks/baseline.py).

Usage: ``python benchmarks/glossary_timing.py WARMUP_FILE FILE [REPEATS]``. Prints one JSON
object: ``cold`` (the first call of the two stages in the process, on ``FILE``: it loads whatever
they load) and ``warm`` (each later call on ``FILE``, after one call on ``WARMUP_FILE``), each as
CPU seconds and wall seconds. Reading, alignment and the Chinese stage are done first and not
timed. Only long-standing functions are used, the way each version's pipeline calls them.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any


def _stages() -> tuple[Any, Any, Any]:
    from duizhao.glossary import link_glossary, suggest_vocabulary

    try:
        from duizhao.glossary import LinkContext

        new_context: Any = LinkContext
    except ImportError:  # the reference version shares a plain dict
        new_context = dict
    return link_glossary, suggest_vocabulary, new_context


def _prepare(path: str) -> Any:
    from duizhao.align import align_document
    from duizhao.chinese import annotate_document
    from duizhao.reader import read

    return annotate_document(align_document(read(path)))


def main(argv: list[str]) -> int:
    warmup_path, path = argv[1], argv[2]
    repeats = int(argv[3]) if len(argv) > 3 else 5
    doc, warm_doc = _prepare(path), _prepare(warmup_path)
    link, vocab, new_context = _stages()

    def run(d: Any) -> tuple[float, float]:
        c0, t0 = time.process_time(), time.perf_counter()
        context = new_context()
        d = link(d, context=context)
        vocab(d, context=context)
        return time.process_time() - c0, time.perf_counter() - t0

    cold = run(doc)
    run(warm_doc)
    warm = [run(doc) for _ in range(repeats)]
    cpu = sorted(c for c, _ in warm)
    wall = sorted(w for _, w in warm)
    out = {
        "cold_cpu_s": cold[0],
        "cold_wall_s": cold[1],
        "warm_cpu_s": cpu[len(cpu) // 2],
        "warm_wall_s": wall[len(wall) // 2],
        "warm_cpu_all": cpu,
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
