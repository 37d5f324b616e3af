"""Speed of duizhao as a user meets it: cold start, warm stages, corpus throughput, memory.

Usage::

    .venv/bin/python benchmarks/bench_speed.py [--runs N] [--articles N] [--jobs N] [--quick]

Measured in one run, so the figures share the machine's conditions:

* **cold start**: ``duizhao --help``, ``duizhao parse SEED`` and ``duizhao sheet SEED`` as new
  processes (median of ``--runs``), beside the *bare work floor*: a process that only imports
  jieba, OpenCC and pypinyin and segments and romanises the seed's Chinese (hk2s + jieba +
  pypinyin). The ratio sheet/floor says what duizhao costs on top of the unavoidable work.
* **warm stages**: per article, in one process after a warm-up: parse, align, annotate (Chinese),
  link (glossary), vocabulary, render HTML, render PDF (median of ``--runs``).
* **throughput**: ``duizhao build`` of a synthetic corpus of ``--articles`` articles (recombined
  from the paragraph pairs of ``corpus/`` and the test fixtures), HTML only, as a new process
  with ``--jobs`` workers; articles per second, per core, and the peak memory of the process tree.

Writes ``benchmarks/results/bench_speed.json``. The corpus is the project's own: no dev data.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
RESULTS = ROOT / "benchmarks" / "results"
BIN = Path(sys.executable).parent
SOURCES = [
    *sorted((ROOT / "corpus").glob("*.txt")),
    *sorted((ROOT / "corpus").glob("*.md")),
    *sorted((ROOT / "tests" / "fixtures" / "glossary").glob("*.txt")),
]

FLOOR = r"""
import sys, jieba, opencc, pypinyin
text = open(sys.argv[1], encoding="utf-8").read()
zh = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "，。「」")
simp = opencc.OpenCC("hk2s").convert(zh)
words = list(jieba.cut(simp))
readings = pypinyin.pinyin(simp)
assert words and readings
"""


def median_time(cmd: Sequence[str], runs: int, cwd: Path) -> dict[str, float]:
    """Median wall time of a command run as a new process."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "min_s": min(times), "runs": runs}


def cold(runs: int, work: Path) -> dict[str, object]:
    duizhao = str(BIN / "duizhao")
    out = work / "cold"
    floor_script = work / "floor.py"
    floor_script.write_text(FLOOR, encoding="utf-8")
    # One untimed run of each so that on-disk caches (jieba, CC-CEDICT index) exist, as they do
    # for a user after the first use.
    subprocess.run([duizhao, "sheet", str(SEED), "-o", str(out)], check=True, capture_output=True)
    subprocess.run([sys.executable, str(floor_script), str(SEED)], check=True, capture_output=True)
    res: dict[str, object] = {
        "help": median_time([duizhao, "--help"], runs, work),
        "parse": median_time([duizhao, "parse", str(SEED)], runs, work),
        "sheet": median_time([duizhao, "sheet", str(SEED), "-o", str(out)], runs, work),
        "floor": median_time([sys.executable, str(floor_script), str(SEED)], runs, work),
    }
    res["sheet_over_floor"] = res["sheet"]["median_s"] / res["floor"]["median_s"]  # type: ignore[index]
    return res


def warm(runs: int, pdf: bool) -> dict[str, float]:
    """Median seconds per stage for the seed, in this process, after a warm-up."""
    from duizhao.align import align_document
    from duizhao.chinese import annotate_document
    from duizhao.glossary import link_glossary, suggest_vocabulary
    from duizhao.reader import read
    from duizhao.sheet import render_sheet

    def stages() -> dict[str, float]:
        t: dict[str, float] = {}

        def step(name: str, fn: Callable[[], object]) -> object:
            start = time.perf_counter()
            value = fn()
            t[name] = time.perf_counter() - start
            return value

        doc = step("parse", lambda: read(SEED))
        doc = step("align", lambda: align_document(doc))
        doc = step("annotate", lambda: annotate_document(doc))
        doc = step("link", lambda: link_glossary(doc))
        doc = step("vocabulary", lambda: suggest_vocabulary(doc))
        step("render_html", lambda: render_sheet(doc))
        if pdf:
            from duizhao.sheet import render_pdf

            with tempfile.TemporaryDirectory() as tmp:
                step("render_pdf", lambda: render_pdf(doc, Path(tmp) / "s.pdf"))
        return t

    first = time.perf_counter()
    stages()
    warm_up = time.perf_counter() - first
    samples = [stages() for _ in range(runs)]
    out = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    out["total_html"] = sum(v for k, v in out.items() if k != "render_pdf")
    out["first_call_in_process"] = warm_up
    return out


def synthetic_corpus(folder: Path, n: int, seed: int = 2025) -> None:
    """Write ``n`` editorial-format articles recombined from aligned paragraph pairs."""
    from duizhao.align import align_document
    from duizhao.reader import read

    pool = []  # (english paragraphs, chinese paragraphs, glossary lines)
    for path in SOURCES:
        doc = align_document(read(path))
        assert doc.alignment is not None
        gloss = [f"{e.term}：{e.definition or 'see the article'}" for e in doc.glossary]
        for bead in doc.alignment.paragraphs:
            if bead.en and bead.zh:
                pool.append(
                    ([doc.en[i].text for i in bead.en], [doc.zh[i].text for i in bead.zh], gloss)
                )
    rng = random.Random(seed)
    start = time.mktime((2020, 1, 1, 0, 0, 0, 0, 0, -1))
    for i in range(n):
        picks = rng.sample(pool, rng.randint(4, min(8, len(pool))))
        day = time.strftime("%Y.%m.%d", time.localtime(start + 86400 * i))
        en = "\n\n".join(p for pick in picks for p in pick[0])
        zh = "\n\n".join(p for pick in picks for p in pick[1])
        glossary = sorted({g for pick in picks for g in pick[2]})[:6]
        text = f"{en}\n\n合成社評 {day}：第{i + 1}篇\n\n{zh}\n\n/ Glossary生字 /\n\n" + "\n\n".join(
            glossary
        )
        (folder / f"{i:05d}.txt").write_text(text + "\n", encoding="utf-8")


def throughput(n: int, jobs: int, work: Path) -> dict[str, float]:
    corpus = work / "synthetic"
    corpus.mkdir()
    synthetic_corpus(corpus, n)
    out = work / "site"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "duizhao"), "build", str(corpus), "-o", str(out), "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"duizhao build failed: {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    pages = len(list(out.rglob("*.html")))
    return {
        "articles": n,
        "jobs": jobs,
        "wall_s": wall,
        "cpu_s": cpu,
        "articles_per_s": n / wall,
        "articles_per_cpu_s": n / cpu,
        # ru_maxrss of children is the largest single process (KB on Linux).
        "peak_rss_mb": after.ru_maxrss / 1024,
        "html_pages": pages,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="repetitions for medians")
    ap.add_argument("--articles", type=int, default=1000, help="synthetic corpus size")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the corpus build")
    ap.add_argument("--no-pdf", action="store_true", help="skip the PDF stage")
    ap.add_argument("--quick", action="store_true", help="3 runs, 100 articles")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.articles = 3, 100
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    work = Path(tempfile.mkdtemp(prefix="duizhao-speed-"))
    try:
        result = {
            "cold": cold(args.runs, work),
            "warm": warm(args.runs, pdf=not args.no_pdf),
            "throughput": throughput(args.articles, args.jobs, work),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    print(format_table(result))
    return 0


def format_table(r: dict) -> str:  # type: ignore[type-arg]
    c, w, t = r["cold"], r["warm"], r["throughput"]
    rows = [
        ("cold: duizhao --help", f"{c['help']['median_s']:.3f} s", "< 0.2 s"),
        ("cold: duizhao parse SEED", f"{c['parse']['median_s']:.3f} s", ""),
        ("cold: duizhao sheet SEED (HTML)", f"{c['sheet']['median_s']:.3f} s", "< 2 s"),
        ("cold: bare work floor (jieba+OpenCC+pypinyin)", f"{c['floor']['median_s']:.3f} s", ""),
        ("cold: sheet / floor", f"{c['sheet_over_floor']:.2f}×", "≤ 2×"),
    ]
    rows += [(f"warm: {k}", f"{v * 1000:.1f} ms", "") for k, v in w.items()]
    rows += [
        (f"build {t['articles']} articles (jobs={t['jobs']})", f"{t['wall_s']:.1f} s wall", ""),
        ("throughput per core (HTML)", f"{t['articles_per_cpu_s']:.1f} articles/s", "≥ 20"),
        ("peak memory (largest process)", f"{t['peak_rss_mb']:.0f} MB", "< 500 MB"),
    ]
    width = max(len(a) for a, _, _ in rows)
    lines = [f"{'measure':<{width}}  {'value':>16}  target", "-" * (width + 28)]
    lines += [f"{a:<{width}}  {b:>16}  {c_}" for a, b, c_ in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
