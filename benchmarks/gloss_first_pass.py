"""The glosses of a first pass over new text, this checkout's ``chinese/gloss.py`` beside another
version's, in one process (so that the machine's load touches both alike).

Usage::

    python benchmarks/gloss_first_pass.py [DEV_DATA] [--rev main] [--rounds 7]

Annotates the CityU dev lines once (articles of 40 lines, as ``bench_chinese.py --only speed``
does), recording every ``choose_gloss`` call the annotator makes; then, alternating, answers all
of them with each version's ``gloss`` module, every per-word memo of that module cleared before
each round (so each round is a first pass), and prints the CPU milliseconds of each round. The
other version's ``gloss.py`` is read from ``git show REV:src/duizhao/chinese/gloss.py`` and loaded
beside this one (its other imports are this checkout's modules). The answers must be equal.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _other_gloss(rev: str, folder: Path) -> ModuleType:
    text = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:src/duizhao/chinese/gloss.py"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    path = folder / "gloss_other.py"
    path.write_text(text, "utf-8")
    spec = importlib.util.spec_from_file_location("duizhao.chinese.gloss_other", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _clear(module: ModuleType) -> None:
    for name in ("_senses", "_gloss_alone", "_sentence_words", "numbered_syllable"):
        memo = getattr(module, name, None)
        if memo is not None and hasattr(memo, "cache_clear"):
            memo.cache_clear()


def main(argv: list[str] | None = None) -> int:
    import duizhao.chinese.annotator as annotator
    import duizhao.chinese.gloss as this
    from bench_chinese import load_seg
    from duizhao.chinese import default_annotator

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, nargs="?", default=ROOT.parent / "shared" / "dev-data")
    ap.add_argument("--rev", default="main", help="the other version (a git revision)")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args(argv)

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    plain = annotator.choose_gloss

    def recorded(*a: Any, **k: Any) -> str | None:
        calls.append((a, k))
        return plain(*a, **k)

    lines = ["".join(ws) for ws in load_seg(args.data, "cityu", None)]
    annotator.choose_gloss = recorded  # type: ignore[assignment]
    try:
        a = default_annotator()
        for i in range(0, len(lines), 40):
            a.annotate_many(lines[i : i + 40])
    finally:
        annotator.choose_gloss = plain
    with tempfile.TemporaryDirectory() as tmp:
        other = _other_gloss(args.rev, Path(tmp))
        times: dict[str, list[float]] = {args.rev: [], "this checkout": []}
        answers: dict[str, list[str | None]] = {}
        for r in range(args.rounds):
            order = [(args.rev, other), ("this checkout", this)]
            for name, module in order if r % 2 else order[::-1]:
                _clear(module)
                t = time.process_time()
                answers[name] = [module.choose_gloss(*c, **k) for c, k in calls]
                times[name].append(time.process_time() - t)
    assert answers[args.rev] == answers["this checkout"], "the glosses differ"
    print(f"{len(calls):,} choose_gloss calls of a first pass over {len(lines)} CityU dev lines")
    for name, ts in times.items():
        ms = sorted(t * 1000 for t in ts)
        print(
            f"  {name:<14} median {ms[len(ms) // 2]:6.1f} ms CPU  ("
            + ", ".join(f"{x:.0f}" for x in ms)
            + ")"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
