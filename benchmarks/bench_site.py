"""Speed of the study sheets: one sheet (HTML, PDF) and a 100-article corpus site.

Usage: ``.venv/bin/python benchmarks/bench_site.py [CORPUS_DIR] [--articles N] [--pdf-articles K]``

The corpus is the project's own ``corpus/`` (no dev data is needed: this measures speed, not
quality). The site is built from N copies of its articles in a temporary folder. Times are wall
clock and CPU (``process_time``) of this one process, with numeric libraries held to one thread,
so "CPU" is what one core spends. The report separates the pipeline (``pipeline.annotate``: reading,
alignment, Chinese annotation, glossary links, vocabulary) from rendering (templates, files).
Writes ``benchmarks/results/bench_site.json``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


class _Clock:
    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "corpus"))
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--pdf-articles", type=int, default=3, help="articles of the PDF site run")
    args = ap.parse_args(argv)

    from duizhao.pipeline import annotate
    from duizhao.sheet import build_site, check_pdf_support, render_pdf, render_sheet

    sources = sorted(p for p in Path(args.corpus).iterdir() if p.suffix in (".txt", ".md"))
    seed = next(p for p in sources if "wipo" in p.name)
    rows: list[tuple[str, float, float]] = []
    results: dict[str, object] = {"corpus": str(args.corpus), "articles": args.articles}

    clock = _Clock()
    doc = annotate(seed)
    rows.append(("seed: pipeline, cold", *clock.stop()))
    clock = _Clock()
    doc = annotate(seed)
    rows.append(("seed: pipeline, warm", *clock.stop()))
    render_sheet(doc)
    n = 20
    clock = _Clock()
    for _ in range(n):
        html = render_sheet(doc)
    wall, cpu = clock.stop()
    rows.append(("seed: sheet HTML, warm (mean of 20)", wall / n, cpu / n))
    results["seed_html_bytes"] = len(html.encode("utf-8"))

    pdf_ok = True
    try:
        check_pdf_support()
    except Exception as e:
        print(f"note: no PDF timings: {e}", file=sys.stderr)
        pdf_ok = False
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if pdf_ok:
            for reading in ("pinyin", "both", "none"):
                render_pdf(doc, tmpdir / "warm.pdf", reading=reading)  # fonts loaded
                clock = _Clock()
                render_pdf(doc, tmpdir / f"seed-{reading}.pdf", reading=reading)
                rows.append((f"seed: PDF ({reading}), warm", *clock.stop()))

        # the corpus site: N articles, copies of the corpus's own
        src = tmpdir / "articles"
        src.mkdir()
        for i in range(args.articles):
            s = sources[i % len(sources)]
            shutil.copy(s, src / f"{i:03d}-{s.name}")
        load_time = [0.0, 0.0]

        def timed_annotate(path: Path):
            c = _Clock()
            d = annotate(path)
            w, u = c.stop()
            load_time[0] += w
            load_time[1] += u
            return d

        clock = _Clock()
        res = build_site(src, tmpdir / "site", load=timed_annotate, progress=False)
        wall, cpu = clock.stop()
        assert not res.errors, res.errors
        rows.append((f"site: {args.articles} articles, HTML, total", wall, cpu))
        rows.append(("site: of which pipeline", load_time[0], load_time[1]))
        rows.append(("site: of which rendering + writing", wall - load_time[0], cpu - load_time[1]))

        # rendering alone, from annotated documents (what a cached pipeline would leave)
        docs = {p.name: annotate(p) for p in sources}

        def cached(path: Path):
            return docs[path.name[4:]]  # NNN-NAME: a copy of corpus/NAME

        clock = _Clock()
        build_site(src, tmpdir / "site2", load=cached, progress=False)
        rows.append((f"site: {args.articles} articles, rendering only", *clock.stop()))

        if pdf_ok and args.pdf_articles:
            src3 = tmpdir / "articles3"
            src3.mkdir()
            for p in sorted(src.iterdir())[: args.pdf_articles]:
                shutil.copy(p, src3 / p.name)
            clock = _Clock()
            build_site(src3, tmpdir / "site3", pdf=True, load=cached, progress=False)
            wall, cpu = clock.stop()
            k = args.pdf_articles
            rows.append(("site: HTML + PDF rendering, per article", wall / k, cpu / k))

    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'wall s':>8}  {'CPU s':>8}")
    for name, wall, cpu in rows:
        print(f"{name:<{width}}  {wall:8.3f}  {cpu:8.3f}")
    results["rows"] = [{"name": n, "wall_s": round(w, 4), "cpu_s": round(c, 4)} for n, w, c in rows]
    results["load_average"] = os.getloadavg()
    out = ROOT / "benchmarks" / "results" / "bench_site.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
