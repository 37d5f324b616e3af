"""Robustness on large input (issue 18): reading time linear in the input, memory of ``sheet``.

Usage: ``.venv/bin/python benchmarks/bench_robust.py [--quick] [--no-baseline]``

1. **Reading.** ``duizhao.reader.read_text`` on three kinds of article, each at 1×, 4× and 16× a
   base size: paragraphs separated by blank lines (the seed over and over), consecutive lines
   without blank lines (one sentence a line, a few thousand lines), and one English paragraph
   without any sentence punctuation. Each reading runs in a child process (CPU time of the call
   only, best of three below a second), for this version and for the reference checkout of
   ``benchmarks/baseline.py`` in the same run; a child still reading after ``--timeout`` seconds
   is stopped and reported as "> timeout". The growth is ``t(16×) / t(1×)``: 16 is linear,
   256 quadratic.
2. **Memory.** ``duizhao sheet ARTICLE -o DIR`` on an article of about 2 MB (the seed's
   paragraphs over and over: the largest article read by default) in a child process: its peak
   resident memory (``ru_maxrss`` from ``wait4``; this script stays small, so the child's figure
   is its own), CPU and wall time; the same for the reference,
   its address space held to ``--baseline-cap`` GB so that it cannot take the machine (it is
   reported as stopped when it reaches it). ``--quick`` uses a 250 kB article.

Writes ``benchmarks/results/bench_robust.json`` and prints a table.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "benchmarks"))

from baseline import checkout, env  # noqa: E402

# -- the articles ---------------------------------------------------------------------------------


def _seed_parts() -> tuple[list[str], str, list[str], str]:
    blocks = SEED.read_text(encoding="utf-8").split("\n\n")
    title = next(i for i, b in enumerate(blocks) if b.startswith("明報社評"))
    glossary = next(i for i, b in enumerate(blocks) if "Glossary" in b)
    return blocks[:title], blocks[title], blocks[title + 1 : glossary], "\n\n".join(
        blocks[glossary:]
    )


def paragraphs_article(copies: int) -> str:
    """The seed's paragraphs ``copies`` times, separated by blank lines."""
    en, title, zh, glossary = _seed_parts()
    return "\n\n".join([*en * copies, title, *zh * copies, glossary])


def lines_article(lines: int) -> str:
    """``lines`` English sentences one a line, then as many Chinese ones (no blank lines)."""
    en, title, zh, glossary = _seed_parts()
    es = [s for s in re.split(r"(?<=\.) ", " ".join(en)) if s]
    zs = [s for s in re.split(r"(?<=。)", "".join(zh)) if s.strip()]
    return "\n".join([*(es[i % len(es)] for i in range(lines)), "", title, "",
                      *(zs[i % len(zs)] for i in range(lines)), "", glossary])  # fmt: skip


def unpunctuated_article(chars: int) -> str:
    """One English paragraph of ``chars`` characters without sentence punctuation."""
    en, title, zh, glossary = _seed_parts()
    words = re.findall(r"[A-Za-z]+", " ".join(en))
    out, size, i = [], 0, 0
    while size < chars:
        out.append(words[i % len(words)])
        size += len(out[-1]) + 1
        i += 1
    return "\n\n".join([" ".join(out), title, *zh, glossary])


SHAPES = {
    "paragraphs (blank lines between)": (paragraphs_article, 4),
    "lines without blank lines": (lines_article, 1000),
    "one paragraph without punctuation": (unpunctuated_article, 12_500),
}

# -- 1. reading time ------------------------------------------------------------------------------

_READ = """
import sys, time
from duizhao.reader import read_text
text = open(sys.argv[1], encoding="utf-8").read()
best = None
for _ in range(3):
    t = time.process_time()
    doc = read_text(text)
    t = time.process_time() - t
    best = t if best is None else min(best, t)
    if t > 1.0:
        break
print(best, len(doc.en), len(doc.zh))
"""


def read_time(path: Path, environ: dict[str, str] | None, timeout: float) -> float | None:
    """CPU seconds of ``read_text`` on the file in a child process (``None``: timed out)."""
    try:
        proc = subprocess.run([sys.executable, "-c", _READ, str(path)], capture_output=True,
                              text=True, env=environ, timeout=timeout, check=True)  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    return float(proc.stdout.split()[0])


# -- 2. memory of sheet ---------------------------------------------------------------------------


def run_sheet(
    article: Path, out: Path, environ: dict[str, str] | None, timeout: float, cap_gb: float | None
) -> dict[str, Any]:
    """``duizhao sheet`` in a child process: status, peak RSS (MB), CPU and wall seconds."""

    def limit() -> None:
        if cap_gb is not None:
            cap = int(cap_gb * 1024**3)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "duizhao", "sheet", str(article), "-o", str(out), "-q"],
        env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit,
    )  # fmt: skip
    assert proc.stderr is not None
    os.set_blocking(proc.stderr.fileno(), False)
    err = b""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        err += proc.stderr.read() or b""
        if pid:
            break
        if time.perf_counter() - t > timeout:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            status = -9
            break
        time.sleep(0.2)
    proc.returncode = 0  # reaped here: keep Popen from waiting for it again
    last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    return {
        "status": os.waitstatus_to_exitcode(status) if status != -9 else "timeout",
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "wall_s": round(time.perf_counter() - t, 1),
        "last_stderr_line": last[0][:200],
    }


# -- the run --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a smoke test)")
    ap.add_argument("--no-baseline", action="store_true", help="do not run the reference")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per reading")
    ap.add_argument("--sheet-timeout", type=float, default=1200.0, help="seconds per sheet")
    ap.add_argument("--baseline-cap", type=float, default=8.0, help="GB for the reference")
    args = ap.parse_args(argv)

    ref = None if args.no_baseline else checkout()
    ref_env = env(ref) if ref is not None else None
    here_env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    versions = {"duizhao": here_env}
    if ref_env is not None:
        versions["reference"] = ref_env
    elif not args.no_baseline:
        print("note: no reference checkout (no git history): no baseline", file=sys.stderr)
    results: dict[str, Any] = {"reading": {}, "sheet": {}, "quick": args.quick,
                               "timeout_s": args.timeout,
                               "reference": None if ref is None else str(ref.name)}  # fmt: skip
    factors = (1, 4) if args.quick else (1, 4, 16)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for shape, (make, base) in SHAPES.items():
            entry: dict[str, Any] = {"sizes_bytes": [], **{v: [] for v in versions}}
            for f in factors:
                path = folder / f"read-{len(entry['sizes_bytes'])}-{f}.txt"
                path.write_text(make(base * f), encoding="utf-8")
                entry["sizes_bytes"].append(path.stat().st_size)
                for name, environ in versions.items():
                    t = read_time(path, environ, args.timeout)
                    entry[name].append(t)
                    shown = f"> {args.timeout:.0f} s" if t is None else f"{t:.3f} s"
                    print(f"[read] {shape}, {f}x ({path.stat().st_size:,} bytes), {name}: {shown}",
                          flush=True)  # fmt: skip
            for name in versions:
                ts = entry[name]
                entry[f"{name}_growth"] = (
                    None if ts[0] is None or ts[-1] is None else round(ts[-1] / max(ts[0], 1e-4), 1)
                )
            results["reading"][shape] = entry

        size = 250_000 if args.quick else 2_000_000
        one, two = (len(paragraphs_article(k).encode("utf-8")) for k in (1, 2))
        copies = max(1, 1 + (size - one) // (two - one))  # the most that fit in ``size``
        article = folder / "large.txt"
        article.write_text(paragraphs_article(copies), encoding="utf-8")
        results["sheet"]["article_bytes"] = article.stat().st_size
        for name, environ in versions.items():
            cap = args.baseline_cap if name == "reference" else None
            r = run_sheet(article, folder / f"out-{name}", environ, args.sheet_timeout, cap)
            results["sheet"][name] = r
            print(f"[sheet] {article.stat().st_size:,} bytes, {name}: {r}", flush=True)

    print()
    print(f"{'reading':<36} {'sizes':<28} " + "  ".join(f"{v:<30}" for v in versions))
    for shape, e in results["reading"].items():
        sizes = "/".join(f"{s // 1000:,}k" for s in e["sizes_bytes"])
        cells = []
        for v in versions:
            ts = " ".join(f"> {args.timeout:.0f}" if t is None else f"{t:.3f}" for t in e[v])
            cells.append(f"{ts} s (x{e[v + '_growth']})")
        print(f"{shape:<36} {sizes:<28} " + "  ".join(f"{c:<30}" for c in cells))
    for v in versions:
        r = results["sheet"][v]
        print(f"sheet, {results['sheet']['article_bytes']:,} bytes, {v}: status {r['status']}, "
              f"peak {r['peak_rss_mb']:.0f} MB, {r['cpu_s']:.0f} s CPU, {r['wall_s']:.0f} s wall")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_robust.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
