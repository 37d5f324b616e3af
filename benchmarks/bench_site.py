"""Speed of the study sheets: one sheet (HTML, PDF) and a 100-article corpus site.

Usage: ``.venv/bin/python benchmarks/bench_site.py [CORPUS_DIR] [--articles N] [--pdf-articles K]
[--pdf-only]``

The seed's PDF with pinyin is measured four ways in the same run: the reference version's
WeasyPrint layout (``benchmarks/baseline.py``: a checkout of 2bd8588 in its own process, "today's
figure"), this version's WeasyPrint print form (``--pdf-engine weasyprint``), a cheaper WeasyPrint
markup tried for issue 17 (one inline block per word, its syllables absolutely positioned inside;
an experiment, not shipped) and Typst (the default). "Warm" is a second PDF in a process that has
made one; "cold" is a new process that reads the annotated article (JSON) and writes the PDF,
from interpreter start to exit.

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
    ap.add_argument("--pdf-only", action="store_true", help="only the seed's PDF engines")
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
            results["pdf_engines"] = _pdf_engines(doc, seed, tmpdir)
            if args.pdf_only:
                return _report(rows, results)

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

    return _report(rows, results)


def _report(rows: list[tuple[str, float, float]], results: dict[str, object]) -> int:
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


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def _cheap_markup(html: str) -> str:
    """The print form with one inline block per word and its syllables positioned inside (the
    cheaper WeasyPrint markup of issue 17), made from the print form's per-character blocks."""
    import re

    def word(m: re.Match[str]) -> str:
        chars = re.findall(
            r'<span class="c"><span class="r py">([^<]*)</span>([^<])</span>'
            r'|<span class="nr">([^<])</span>',
            m.group(0),
        )
        if not chars:
            return m.group(0)
        syl = "".join(
            f'<i style="left:{k - 0.5}em">{a}</i>' for k, (a, _, _) in enumerate(chars) if a
        )
        text = "".join(b or c for _, b, c in chars)
        return f'<span class="W"><span class="R">{syl}</span>{text}</span>'

    one = r'<span class="c"><span class="r py">[^<]*</span>[^<]</span>|<span class="nr">[^<]</span>'
    html = re.sub(f"(?:{one})+", word, html)
    css = (
        "<style>.W{display:inline-block;position:relative;padding-top:7pt;line-height:1.3;"
        "white-space:nowrap}.R{position:absolute;top:0;left:0;font:6.5pt/1 'Liberation Sans "
        "Narrow'}.R i{position:absolute;width:2em;text-align:center;font-style:normal}</style>"
    )
    return html.replace("</head>", css + "</head>")


_COLD = """
import sys, time
t = time.perf_counter()
from duizhao.documents import load_document
from duizhao.sheet import render_pdf
render_pdf(load_document(sys.argv[1]), sys.argv[2], reading="pinyin")
"""

_BASELINE = """
import json, sys, time
from duizhao.pipeline import annotate
from duizhao.render import render_pdf
doc = annotate(sys.argv[1])
t = time.perf_counter(); render_pdf(doc, sys.argv[2] + "-1.pdf", reading="pinyin")
first = time.perf_counter() - t
t = time.perf_counter(); render_pdf(doc, sys.argv[2], reading="pinyin")
print(json.dumps({"first": first, "warm": time.perf_counter() - t}))
"""


def _pdf_engines(doc: object, seed: Path, tmpdir: Path) -> dict[str, object]:
    """The seed's PDF with pinyin by each engine: warm, cold and pages (see the docstring)."""
    import subprocess

    from duizhao.output.pdf import html_to_pdf
    from duizhao.sheet import render_pdf, render_sheet

    out: dict[str, object] = {}

    def warm(name: str, make, n: int = 3) -> None:
        path = tmpdir / f"{name}.pdf"
        make(path)  # fonts loaded
        c = _Clock()
        for _ in range(n):
            make(path)
        w, u = c.stop()
        out[name] = {"warm_wall_s": round(w / n, 4), "warm_cpu_s": round(u / n, 4),
                     "pages": _pages(path)}  # fmt: skip

    warm("typst", lambda p: render_pdf(doc, p, reading="pinyin"), n=10)
    warm("weasyprint", lambda p: render_pdf(doc, p, reading="pinyin", engine="weasyprint"), n=2)
    cheap = _cheap_markup(render_sheet(doc, reading="pinyin", for_print=True))
    warm("weasyprint, one block per word (experiment)", lambda p: html_to_pdf(cheap, p), n=2)

    # cold: a new process from the annotated JSON to the PDF (median of 3)
    import json as _json

    src = tmpdir / "seed.json"
    src.write_text(_json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")  # type: ignore[attr-defined]
    times = []
    for _ in range(3):
        c = _Clock()
        subprocess.run([sys.executable, "-c", _COLD, str(src), str(tmpdir / "cold.pdf")],
                       check=True)  # fmt: skip
        times.append(c.stop()[0])
    out["typst"]["cold_wall_s"] = round(sorted(times)[1], 3)  # type: ignore[index]

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from baseline import checkout, env

    ref = checkout()
    if ref is None:
        out["baseline"] = "no git history: no baseline"
    else:
        c = _Clock()
        got = subprocess.run(
            [sys.executable, "-c", _BASELINE, str(seed), str(tmpdir / "ref.pdf")],
            env=env(ref), check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        times = _json.loads(got.strip().splitlines()[-1])
        out["baseline"] = {"rev": ref.name, "warm_wall_s": round(times["warm"], 4),
                           "first_in_process_s": round(times["first"], 3),
                           "pages": _pages(tmpdir / "ref.pdf")}  # fmt: skip
    print("seed PDF with pinyin, by engine:")
    for name, v in out.items():
        print(f"  {name}: {v}")
    return out


if __name__ == "__main__":
    sys.exit(main())
