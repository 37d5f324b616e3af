"""Speed of duizhao as a user meets it: cold start, warm stages, corpus throughput, memory, Dask.

Usage::

    .venv/bin/python benchmarks/bench_speed.py [--runs N] [--articles N] [--distinct N]
        [--baseline-articles N] [--jobs N] [--no-baseline] [--quick]

Measured in one run, so the figures share the machine's conditions, each beside the reference
version (``benchmarks/baseline.py``: a checkout of 2bd8588, "today" in the issues, run from its own
``src/`` in its own processes):

* **cold start**: ``duizhao --help``, ``duizhao parse SEED`` and ``duizhao sheet SEED`` as new
  processes (median of ``--runs``), beside the *bare work floor*: a process that only imports
  jieba, OpenCC and pypinyin and segments and romanises the seed's Chinese (hk2s + jieba +
  pypinyin). The ratio sheet/floor says what duizhao costs on top of the unavoidable work.
* **warm stages**: per article, in one process after a warm-up: parse, align, annotate (Chinese),
  link (glossary), vocabulary, render HTML, render PDF (median of ``--runs``), on the seed.
* **warm whole pipeline on distinct articles**: ``duizhao.annotate`` + ``duizhao.render_sheet`` of
  ``--distinct`` articles that share no paragraph (``distinct_corpus.py``, cut from MAC-Dev in the
  dev data; skipped without it), in one new process after one warm-up article; articles per CPU
  second. The baseline runs the same script on ``--baseline-distinct`` of them.
* **build**: ``duizhao build`` of a synthetic corpus of ``--articles`` articles (recombined
  from the paragraph pairs of ``corpus/`` and the test fixtures), HTML only, as a new process
  with ``--jobs`` workers; wall and CPU time and the peak resident memory of the largest process
  of the build's tree (each build is started by a fresh wrapper process, so that no earlier
  process of this benchmark counts). The baseline builds ``--baseline-articles`` of them.
* **Dask**: ``duizhao build`` of ``--dask-articles`` distinct articles with ``--jobs 1`` and with
  ``--dask local --jobs 2`` (a two-worker LocalCluster): wall times.

Writes ``benchmarks/results/bench_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from baseline import checkout
from baseline import env as baseline_env

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
RESULTS = ROOT / "benchmarks" / "results"
# beside the repository, or beside the folder of its git worktrees (/work/wt/NAME → /work/shared)
DEV = next(
    (
        d / "shared" / "dev-data" / "align-mac-dev"
        for d in (ROOT.parent, ROOT.parent.parent)
        if (d / "shared" / "dev-data" / "align-mac-dev").is_dir()
    ),
    ROOT.parent / "shared" / "dev-data" / "align-mac-dev",
)
sys.path.insert(0, str(Path(__file__).resolve().parent))
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


def median_time(
    cmd: Sequence[str], runs: int, cwd: Path, env: dict[str, str] | None = None
) -> dict[str, float]:
    """Median wall time of a command run as a new process."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "min_s": min(times), "runs": runs}


def cold(runs: int, work: Path, ref: Path | None) -> dict[str, object]:
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
    if ref is not None:
        env = baseline_env(ref)
        ref_out = work / "cold-baseline"
        subprocess.run([duizhao, "sheet", str(SEED), "-o", str(ref_out)], check=True,
                       capture_output=True, env=env)  # fmt: skip
        res["baseline"] = {
            "rev": ref.name,
            "help": median_time([duizhao, "--help"], runs, work, env),
            "sheet": median_time(
                [duizhao, "sheet", str(SEED), "-o", str(ref_out)], runs, work, env
            ),
        }
        res["baseline"]["sheet_over_floor"] = (  # type: ignore[index]
            res["baseline"]["sheet"]["median_s"] / res["floor"]["median_s"]  # type: ignore[index]
        )
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


def _wrapped(cmd: Sequence[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``cmd`` from a fresh wrapper process: wall and CPU time, and the peak RSS of the
    largest process of its tree (the wrapper's RUSAGE_CHILDREN, which holds no earlier run)."""
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True,
                          check=False, env=env)  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed: {proc.stderr[-2000:]}")
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


WRAPPER = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
if proc.returncode:
    sys.stderr.write(proc.stderr.decode(errors="replace")[-2000:])
    sys.exit(proc.returncode)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = r.ru_utime + r.ru_stime
print(json.dumps({"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": r.ru_maxrss / 1024}))
"""


def build(corpus: Path, out: Path, extra: Sequence[str], env: dict[str, str] | None = None,
          ) -> dict[str, float]:  # fmt: skip
    """``duizhao build corpus -o out *extra`` as a new process tree."""
    res = _wrapped([str(BIN / "duizhao"), "build", str(corpus), "-o", str(out), *extra], env)
    n = len([p for p in corpus.iterdir() if p.suffix in (".txt", ".md")])
    res.update(articles=n, articles_per_s=n / res["wall_s"], articles_per_cpu_s=n / res["cpu_s"],
               html_pages=len(list(out.rglob("*.html"))))  # fmt: skip
    return res


def throughput(n: int, jobs: int, work: Path, ref: Path | None, ref_n: int) -> dict[str, object]:
    corpus = work / "synthetic"
    corpus.mkdir()
    synthetic_corpus(corpus, n)
    res: dict[str, object] = build(corpus, work / "site", ["--jobs", str(jobs)])
    res["jobs"] = jobs
    if ref is not None and ref_n:
        small = work / "synthetic-baseline"
        small.mkdir()
        for p in sorted(corpus.iterdir())[:ref_n]:
            shutil.copy(p, small / p.name)
        res["baseline"] = {"rev": ref.name, **build(small, work / "site-baseline", [],
                                                    baseline_env(ref))}  # fmt: skip
    return res


PIPELINE = r"""
import json, sys, time
from pathlib import Path
import duizhao
paths = [Path(p) for p in sys.argv[1:]]
duizhao.render_sheet(duizhao.annotate(paths[0]))  # warm-up: tables loaded
c, t = time.process_time(), time.perf_counter()
for p in paths[1:]:
    duizhao.render_sheet(duizhao.annotate(p))
cpu, wall = time.process_time() - c, time.perf_counter() - t
print(json.dumps({"articles": len(paths) - 1, "cpu_s": cpu, "wall_s": wall,
                  "articles_per_cpu_s": (len(paths) - 1) / cpu}))
"""


def distinct(n: int, ref: Path | None, ref_n: int, work: Path) -> dict[str, object] | None:
    """The whole pipeline (annotate + HTML sheet) on distinct articles, warm, ours and the
    baseline's, each in a new process."""
    if not DEV.is_dir():
        return None
    from distinct_corpus import write_corpus

    paths = [str(p) for p in write_corpus(DEV, work / "distinct", n=n + 1)]

    def run(args: list[str], env: dict[str, str] | None) -> dict[str, float]:
        proc = subprocess.run([sys.executable, "-c", PIPELINE, *args], capture_output=True,
                              text=True, check=False, env=env, cwd=work)  # fmt: skip
        if proc.returncode != 0:
            raise SystemExit(f"pipeline failed: {proc.stderr[-2000:]}")
        out: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
        return out

    res: dict[str, object] = run(paths, None)
    if ref is not None and ref_n:
        res["baseline"] = {"rev": ref.name, **run(paths[: ref_n + 1], baseline_env(ref))}
    return res


def dask(n: int, work: Path) -> dict[str, object] | None:
    """``build`` of ``n`` distinct articles with ``--jobs 1`` and ``--dask local --jobs 2``."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return None
    folder = work / "distinct"
    if not folder.is_dir():
        return None
    corpus = work / "dask-corpus"
    corpus.mkdir()
    for p in sorted(folder.iterdir())[:n]:
        shutil.copy(p, corpus / p.name)
    one = build(corpus, work / "dask-jobs1", ["--jobs", "1"])
    two = build(corpus, work / "dask-local2", ["--dask", "local", "--jobs", "2"])
    return {"articles": one["articles"], "jobs1": one, "dask_local_2": two,
            "speedup": one["wall_s"] / two["wall_s"]}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="repetitions for medians")
    ap.add_argument("--articles", type=int, default=1000, help="synthetic corpus size")
    ap.add_argument(
        "--baseline-articles",
        type=int,
        default=200,
        help="synthetic articles the baseline builds (it is slow)",
    )
    ap.add_argument("--distinct", type=int, default=200, help="distinct articles, warm pipeline")
    ap.add_argument(
        "--baseline-distinct",
        type=int,
        default=40,
        help="distinct articles the baseline's warm pipeline runs",
    )
    ap.add_argument("--dask-articles", type=int, default=200, help="distinct articles, Dask run")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the corpus build")
    ap.add_argument("--no-pdf", action="store_true", help="skip the PDF stage")
    ap.add_argument("--no-baseline", action="store_true", help="do not run 2bd8588")
    ap.add_argument("--quick", action="store_true", help="3 runs, 100 articles, small baselines")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.articles, args.distinct, args.dask_articles = 3, 100, 40, 40
        args.baseline_articles, args.baseline_distinct = 20, 10
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    ref = None if args.no_baseline else checkout()
    work = Path(tempfile.mkdtemp(prefix="duizhao-speed-"))
    try:
        result = {
            "baseline_rev": ref.name if ref is not None else None,
            "cold": cold(args.runs, work, ref),
            "warm": warm(args.runs, pdf=not args.no_pdf),
            "distinct": distinct(args.distinct, ref, args.baseline_distinct, work),
            "throughput": throughput(args.articles, args.jobs, work, ref, args.baseline_articles),
            "dask": dask(args.dask_articles, work),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    print(format_table(result))
    return 0


def format_table(r: dict) -> str:  # type: ignore[type-arg]
    c, w, t = r["cold"], r["warm"], r["throughput"]
    cb, tb = c.get("baseline") or {}, t.get("baseline") or {}
    rows = [
        ("cold: duizhao --help", f"{c['help']['median_s']:.3f} s",
         f"{cb['help']['median_s']:.3f} s" if cb else "", "≤ 0.1 s"),
        ("cold: duizhao parse SEED", f"{c['parse']['median_s']:.3f} s", "", ""),
        ("cold: duizhao sheet SEED (HTML)", f"{c['sheet']['median_s']:.3f} s",
         f"{cb['sheet']['median_s']:.3f} s" if cb else "", ""),
        ("cold: bare work floor (jieba+OpenCC+pypinyin)", f"{c['floor']['median_s']:.3f} s", "",
         ""),
        ("cold: sheet / floor", f"{c['sheet_over_floor']:.2f}×",
         f"{cb['sheet_over_floor']:.2f}×" if cb else "", "≤ 2×"),
    ]  # fmt: skip
    rows += [(f"warm (seed): {k}", f"{v * 1000:.1f} ms", "", "") for k, v in w.items()]
    d = r.get("distinct")
    if d:
        db = d.get("baseline") or {}
        rows.append((f"warm whole pipeline, {d['articles']} distinct articles, per core",
                     f"{d['articles_per_cpu_s']:.2f} /s",
                     f"{db['articles_per_cpu_s']:.2f} /s ({db['articles']})" if db else "",
                     "≥ 20 /s"))  # fmt: skip
    rows += [
        (f"build {t['articles']} articles (jobs={t['jobs']})", f"{t['wall_s']:.1f} s wall",
         f"{tb['wall_s']:.1f} s ({tb['articles']} articles)" if tb else "", ""),
        ("build: articles per CPU second", f"{t['articles_per_cpu_s']:.1f}",
         f"{tb['articles_per_cpu_s']:.1f}" if tb else "", ""),
        ("build: peak memory (largest process)", f"{t['peak_rss_mb']:.0f} MB",
         f"{tb['peak_rss_mb']:.0f} MB ({tb['articles']} articles)" if tb else "", "≤ 400 MB"),
    ]  # fmt: skip
    k = r.get("dask")
    if k:
        rows.append((f"build {k['articles']} distinct: --dask local --jobs 2 vs --jobs 1",
                     f"{k['dask_local_2']['wall_s']:.1f} s", f"{k['jobs1']['wall_s']:.1f} s"
                     " (--jobs 1)", ""))  # fmt: skip
    width = max(len(a) for a, *_ in rows)
    lines = [f"{'measure':<{width}}  {'value':>16}  {'baseline':>24}  target", "-" * (width + 54)]
    lines += [f"{a:<{width}}  {b:>16}  {b2:>24}  {c_}" for a, b, b2, c_ in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
