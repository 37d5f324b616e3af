"""Every benchmark in one run, summarised in one table: ``make bench``.

Usage::

    .venv/bin/python benchmarks/run_all.py [--quick] [--only NAME ...] [--dev-data DIR]

Runs the benchmarks one after another as separate processes (so that they do not compete for the
machine's cores and each starts cold), keeps each one's own report in
``benchmarks/results/NAME.log``, then reads the JSON each one wrote and prints one table: what
was measured, duizhao's figure, the baseline measured in the same run, and the target from the
issues. The table and the figures are written to ``benchmarks/results/summary.json`` and
``benchmarks/results/summary.md`` (the README's figures are copied from the latter).

Benchmarks (``--only`` takes these names):

* ``chinese``  — segmentation F1, pinyin polyphones, Jyutping, chars/s, start-up (dev data);
* ``reading_flags`` — unsure pinyin readings ("check"): the share flagged and the accuracy of
  flagged and unflagged readings on the CPP halves, beside all readings (dev data);
* ``align``    — strict bead F1 on MAC-Dev beside Gale–Church, speed (dev data);
* ``glossary`` — Chinese counterparts (top-1, top-3, failure classes, accuracy above and below
  the confidence threshold), English occurrences, vocabulary and speed, beside today's finder, on
  glossary-mac-dev (tuning and held-out parts), the fixtures and the seed;
* ``site``     — one sheet (HTML, PDF) warm and a 100-article corpus site;
* ``speed``    — cold start against the bare work floor, warm stages, 1,000-article build, memory;
* ``bank``     — the term bank at 10,000 synthetic articles;
* ``robust``   — reading time at 1×, 4×, 16× the input, memory of ``sheet`` on a 2 MB article.

The quality benchmarks read ``../shared/dev-data`` (``--dev-data``); without it they are skipped
with a note and the others still run. ``--quick`` uses smaller corpora (for a smoke test).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
# beside the repository, or beside the folder of its git worktrees (/work/wt/NAME → /work/shared)
DEFAULT_DEV = next(
    (d / "shared" / "dev-data" for d in (ROOT.parent, ROOT.parent.parent)
     if (d / "shared" / "dev-data").is_dir()),
    ROOT.parent / "shared" / "dev-data",
)  # fmt: skip


def _commands(dev: Path, quick: bool) -> dict[str, tuple[list[str], bool]]:
    """name → (arguments after the script, needs dev data)."""
    py = "benchmarks/bench_{}.py"
    return {
        "chinese": ([py.format("chinese"), str(dev), *(["--quick"] if quick else [])], True),
        "reading_flags": ([py.format("reading_flags"), str(dev)], True),
        "align": ([py.format("align"), str(dev / "align-mac-dev"), "--embed"], True),
        "glossary": ([py.format("glossary"), "--dev", str(dev / "glossary-mac-dev")], False),
        "site": ([py.format("site"), "--articles", "20" if quick else "100"], False),
        "speed": ([py.format("speed"), *(["--quick"] if quick else [])], False),
        "bank": ([py.format("bank"), "corpus", "--articles", "1000" if quick else "10000"], False),
        "robust": ([py.format("robust"), *(["--quick"] if quick else [])], False),
    }


def run(names: list[str], dev: Path, quick: bool) -> dict[str, dict[str, Any]]:
    """Run the named benchmarks; return name → {"status", "seconds", "log"}."""
    status: dict[str, dict[str, Any]] = {}
    RESULTS.mkdir(parents=True, exist_ok=True)
    commands = _commands(dev, quick)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}  # fmt: skip
    for name in names:
        args, needs_dev = commands[name]
        log = RESULTS / f"{name}.log"
        if needs_dev and not dev.is_dir():
            print(f"[{name}] skipped: no dev data at {dev}", flush=True)
            status[name] = {"status": "skipped (no dev data)", "seconds": 0.0, "log": None}
            continue
        print(f"[{name}] running: python {' '.join(args)}", flush=True)
        t = time.perf_counter()
        with log.open("w", encoding="utf-8") as fh:
            proc = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, stdout=fh,
                                  stderr=subprocess.STDOUT, check=False)  # fmt: skip
        secs = time.perf_counter() - t
        ok = proc.returncode == 0
        print(f"[{name}] {'done' if ok else f'FAILED (exit {proc.returncode})'} in {secs:.0f} s;"
              f" report in {log.relative_to(ROOT)}", flush=True)  # fmt: skip
        status[name] = {"status": "ok" if ok else f"failed ({proc.returncode})",
                        "seconds": round(secs, 1), "log": str(log.relative_to(ROOT))}  # fmt: skip
    return status


# -- the summary table ----------------------------------------------------------------------------

Row = dict[str, Any]


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"bench_{name}.json"
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _row(area: str, measure: str, value: str, baseline: str = "", target: str = "",
         met: bool | None = None) -> Row:  # fmt: skip
    return {"area": area, "measure": measure, "duizhao": value, "baseline": baseline,
            "target": target, "met": met}  # fmt: skip


def _pct(x: float) -> str:
    return f"{100 * x:.2f} %"


def _rows_chinese(d: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []

    def ref_of(systems: dict[str, Any]) -> tuple[str, Any]:
        name = next((k for k in systems if k.startswith("reference")), "")
        return name, systems.get(name)

    def parts(x: dict[str, Any], key: str, fmt: str = "{:.3f}") -> str:
        return " / ".join(fmt.format(x[p][key]) for p in ("tuning", "held-out"))

    seg = d.get("segmentation", {})
    for name, label, target in (("cityu", "CityU dev (Hong Kong)", 0.90),
                                ("as", "AS dev (Taiwan)", 0.90)):  # fmt: skip
        if name not in seg:
            continue
        s = seg[name]["systems"]
        rname, ref = ref_of(s)
        ours = s["duizhao"]
        alone = s.get("duizhao, one line at a time (no article)")
        base = f"{parts(ref, 'f1')} {rname}" if ref else ""
        if alone:
            base += f"; {parts(alone, 'f1')} one line at a time"
        rows.append(_row("Chinese", f"segmentation word F1, {label}, tuning / held-out",
                         parts(ours, "f1"), base,
                         f"≥ {target:.2f}",
                         min(ours["tuning"]["f1"], ours["held-out"]["f1"]) >= target))  # fmt: skip
    py = d.get("pinyin", {})
    for script, target in (("Traditional", 0.98), ("Simplified", None)):
        if script not in py:
            continue
        s = py[script]["systems"]
        rname, ref = ref_of(s)
        ours = s["duizhao"]
        pct = "{:.2%}"
        rows.append(_row("Chinese",
                         f"pinyin polyphone accuracy, CPP dev ({script}), tuning / held-out",
                         parts(ours, "accuracy", pct),
                         (f"{parts(ref, 'accuracy', pct)} {rname}; " if ref else "")
                         + f"{parts(s['pypinyin (stock)'], 'accuracy', pct)} stock pypinyin",
                         "≥ 98.0 %" if target else "",
                         None if target is None
                         else min(ours["tuning"]["accuracy"],
                                  ours["held-out"]["accuracy"]) >= target))  # fmt: skip
    jp = d.get("jyutping", {}).get("systems")
    if jp:
        rname, ref = ref_of(jp)
        ours = jp["duizhao"]
        rows.append(_row("Chinese",
                         "Jyutping character accuracy, HKCanCor dev, tuning / held-out",
                         parts(ours, "accuracy", "{:.4f}"),
                         f"{parts(jp['ToJyutping'], 'accuracy', '{:.4f}')} ToJyutping"
                         + (f"; {parts(ref, 'accuracy', '{:.4f}')} {rname}" if ref else ""),
                         "≥ 0.93 and above ToJyutping",
                         min(ours["tuning"]["accuracy"], ours["held-out"]["accuracy"]) >= 0.93
                         and ours["held-out"]["accuracy"]
                         > jp["ToJyutping"]["held-out"]["accuracy"]))  # fmt: skip
    register = d.get("jyutping", {}).get("register", {})
    for kind, label in (("classical", "classical sentences, looked at while writing the rules"),
                        ("classical2", "classical sentences written after the rules"),
                        ("hk", "Hong Kong words"),
                        ("hk2", "Hong Kong words written after the rules")):  # fmt: skip
        r = register.get(kind)
        if r:
            rows.append(_row("Chinese", f"Jyutping character accuracy, our own set: {label} "
                             f"({r['duizhao']['n']} characters; written by the developers)",
                             f"{r['duizhao']['accuracy']:.4f}",
                             f"{r['ToJyutping']['accuracy']:.4f} ToJyutping; "
                             f"{r['duizhao, no literary readings']['accuracy']:.4f} "
                             "without the literary readings", "", None))  # fmt: skip
    sp = d.get("speed", {})
    if "duizhao" in sp:
        rname = next((k for k in sp if k.startswith("reference")), "")
        if "distinct_chars_per_s" in sp["duizhao"]:  # text that does not repeat: the headline
            v = sp["duizhao"]["distinct_chars_per_s"]
            r = sp.get(rname, {}).get("distinct_chars_per_s")
            base = f"{r:,.0f} {rname} ({v / r:.2f}×)" if r else ""
            rows.append(_row("Chinese", "whole annotation, chars/s per core (CPU time), CityU "
                             "dev text, articles of 40 lines, each line once", f"{v:,.0f}", base,
                             "≥ 34,500 and not below the reference",
                             v >= 34_500 and (r is None or v >= r)))  # fmt: skip
            v = sp["duizhao"].get("distinct_again_chars_per_s")
            r = sp.get(rname, {}).get("distinct_again_chars_per_s")
            if v:
                base = f"{r:,.0f} {rname} ({v / r:.2f}×)" if r else ""
                rows.append(_row("Chinese", "the same text annotated again (its words in the "
                                 "per-word memos; best of 2)", f"{v:,.0f}", base))  # fmt: skip
        v = sp["duizhao"]["annotate_many_chars_per_s"]
        base = f"{sp[rname]['annotate_many_chars_per_s']:,.0f} {rname}" if rname else ""
        rows.append(_row("Chinese", "whole annotation, chars/s per core (CPU time), the seed's "
                         "paragraphs repeated 30 times", f"{v:,.0f}", base, "", None))  # fmt: skip
    st = d.get("startup_s", {})
    key = "warm cache: import + first line, wall s (best of 3)"
    if key in st:
        rows.append(
            _row(
                "Chinese",
                "start-up: import + first line (caches built)",
                f"{st[key]:.2f} s",
                "",
                "≤ 1.5 s",
                st[key] <= 1.5,
            )
        )
    return rows


def _rows_reading_flags(d: dict[str, Any]) -> list[Row]:
    rows = []
    py = d["pinyin"]["Traditional"]
    for part in ("tuning", "held-out"):
        p = py[part]
        s = p["shipped"]
        rows.append(_row("Chinese", f"pinyin, CPP {part} (Traditional): unflagged readings "
                         f"right, {_pct(s['flagged_share'])} flagged \"check\" "
                         f"({_pct(s['flagged_accuracy'] or 0)} of them right)",
                         _pct(s["unflagged_accuracy"]),
                         f"{_pct(p['all_readings_accuracy'])} all readings, no flag",
                         "≥ 99 % with ≤ 2 % flagged",
                         s["unflagged_accuracy"] >= 0.99
                         and s["flagged_share"] <= 0.02))  # fmt: skip
    return rows


def _rows_align(d: dict[str, Any]) -> list[Row]:
    s, sp = d["systems"], d.get("speed", {})
    gc = s.get("gale-church", {}).get("f1")
    base = f"{gc:.3f} Gale–Church" if gc is not None else ""
    rows = []
    if "duizhao" in s:
        rows.append(
            _row(
                "Alignment",
                "strict bead F1, MAC-Dev (literary), default",
                f"{s['duizhao']['f1']:.3f}",
                base,
                "≥ 0.80",
                s["duizhao"]["f1"] >= 0.80,
            )
        )
    if "duizhao+embed" in s:
        f = s["duizhao+embed"]["f1"]
        rows.append(
            _row(
                "Alignment",
                "strict bead F1, MAC-Dev, with the embed extra",
                f"{f:.3f}",
                base,
                "≥ 0.90",
                f >= 0.90,
            )
        )
    cpu_ms = sp.get("seed: align_document after start-up, CPU (ms)")
    if cpu_ms is not None:
        rows.append(
            _row(
                "Alignment",
                "seed editorial aligned after start-up (CPU)",
                f"{cpu_ms:.1f} ms",
                "",
                "< 50 ms",
                cpu_ms < 50,
            )
        )
    per_s = sp.get("long text: sentences per second, CPU")
    if per_s is not None:
        rows.append(
            _row(
                "Alignment",
                "sentences aligned per second, long text (CPU)",
                f"{per_s:,.0f}",
                "",
                "≥ 1,000",
                per_s >= 1000,
            )
        )
    embed_s = sp.get("long text +embed: sentences per second, CPU")
    if embed_s is not None:
        rows.append(_row("Alignment", "the same with the embed extra", f"{embed_s:,.0f}"))
    return rows


def _rows_glossary(d: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    versions = d["versions"]
    me, base = versions[0], versions[1] if len(versions) > 1 else None
    targets = {"glossary-mac-dev, tuning (01–03)", "glossary-mac-dev, held-out (04–05)",
               "glossary-mac-dev, all"}  # fmt: skip
    for group, s in d["sets"][me].items():
        b = d["sets"][base].get(group) if base else None
        target = group in targets or group.startswith("seed")
        sure = s["certain"]
        acc = sure["right"] / sure["n"] if sure["n"] else 1.0
        rows.append(_row("Glossary", f"top-1 / top-3, {group} ({s['terms']} terms)",
                         f"{s['top1']:.3f} / {s['top3']:.3f}",
                         f"{b['top1']:.3f} / {b['top3']:.3f} today" if b else "",
                         "≥ 0.90 top-1" if target else "", s["top1"] >= 0.90 if target else None))
        rows.append(_row("Glossary", f"shown as certain: right, {group}",
                         f"{acc:.3f} ({sure['right']}/{sure['n']})",
                         f"{b['top1']:.3f} (all certain)" if b else "", "≥ 0.97", acc >= 0.97))
        rows.append(_row("Glossary", f"English occurrences P / R, {group}",
                         f"{s['en_precision']:.3f} / {s['en_recall']:.3f}",
                         f"{b['en_precision']:.3f} / {b['en_recall']:.3f}" if b else "",
                         "1.000 / 1.000", s["en_precision"] == 1.0 and s["en_recall"] == 1.0))
        rows.append(_row("Glossary", f"top-1 cut inside a word, {group}",
                         str(s["cut_inside_a_word"]), str(b["cut_inside_a_word"]) if b else "",
                         "0", s["cut_inside_a_word"] == 0))
        if "sentence_bead_f1" in s:
            f = s["sentence_bead_f1"]
            rows.append(_row("Alignment", f"editorial fixtures ({group}): strict sentence F1",
                             f"{f:.3f}", "", "≥ 0.95", f >= 0.95))  # fmt: skip
        if "vocabulary" in s:
            v = s["vocabulary"]
            vs = v["certain"]
            rows.append(_row("Glossary", f"vocabulary shown as certain: right, {group}",
                             f"{vs['right']}/{vs['n']}", "", "≥ 0.97",
                             vs["right"] >= 0.97 * vs["n"]))  # fmt: skip
    speed = d.get("speed", {})
    if "duizhao" in speed:
        me_s = speed["duizhao"]
        for name, s in speed.items():
            if name == "duizhao":
                continue
            ratio = s["warm_cpu_s"] / me_s["warm_cpu_s"]
            rows.append(_row("Glossary", f"glossary + vocabulary warm (CPU), against {name}",
                             f"{me_s['warm_cpu_s'] * 1000:.0f} ms",
                             f"{s['warm_cpu_s'] * 1000:.0f} ms ({ratio:.1f}×)", "≥ 10× faster",
                             ratio >= 10))  # fmt: skip
        rows.append(_row("Glossary", "glossary + vocabulary cold (CPU, first call)",
                         f"{me_s['cold_cpu_s']:.2f} s"))
    return rows


def _rows_site(d: dict[str, Any]) -> list[Row]:
    rows = []
    by = {r["name"]: r for r in d["rows"]}

    def add(name: str, label: str, target: str = "", limit: float | None = None) -> None:
        r = by.get(name)
        if r:
            rows.append(
                _row(
                    "Sheets",
                    label,
                    f"{r['cpu_s']:.3f} s CPU ({r['wall_s']:.3f} wall)",
                    "",
                    target,
                    None if limit is None else r["cpu_s"] < limit,
                )
            )

    add("seed: sheet HTML, warm (mean of 20)", "seed sheet HTML, warm", "< 0.3 s", 0.3)
    engines = d.get("pdf_engines") or {}
    typst, ref = engines.get("typst"), engines.get("baseline")
    if typst:
        at = f" at {ref['rev'][-7:]}" if isinstance(ref, dict) else ""
        rows.append(_row("Sheets", "seed sheet PDF (pinyin), warm, Typst (wall)",
                         f"{typst['warm_wall_s']:.3f} s",
                         f"{ref['warm_wall_s']:.2f} s WeasyPrint{at}" if at else "",
                         "≤ 1.0 s", typst["warm_wall_s"] <= 1.0))  # fmt: skip
        rows.append(_row("Sheets", "seed sheet PDF (pinyin), new process, Typst (wall)",
                         f"{typst['cold_wall_s']:.2f} s",
                         f"{ref['first_in_process_s']:.2f} s first PDF of a process{at}"
                         if at else "", "≤ 3 s", typst["cold_wall_s"] <= 3.0))  # fmt: skip
        for name in ("weasyprint", "weasyprint, one block per word (experiment)"):
            if name in engines:
                rows.append(_row("Sheets", f"seed sheet PDF (pinyin), warm, {name} (wall)",
                                 f"{engines[name]['warm_wall_s']:.2f} s"))  # fmt: skip
    else:
        add("seed: PDF (pinyin), warm", "seed sheet PDF (pinyin), warm", "< 2 s", 2.0)
    add("seed: PDF (none), warm", "seed sheet PDF (no readings), warm")
    n = d.get("articles", 100)
    add(
        f"site: {n} articles, HTML, total",
        f"corpus site, {n} articles, one core",
        "< 60 s" if n == 100 else "",
        60.0 if n == 100 else None,
    )
    add(f"site: {n} articles, rendering only", f"corpus site, {n} articles, rendering only")
    return rows


def _rows_speed(d: dict[str, Any]) -> list[Row]:
    c, w, t = d["cold"], d["warm"], d["throughput"]
    cb, tb = c.get("baseline") or {}, t.get("baseline") or {}
    at = f" at {d['baseline_rev'][-7:]}" if d.get("baseline_rev") else ""
    floor = c["floor"]["median_s"]
    rows = [
        _row("Speed", "cold: duizhao --help", f"{c['help']['median_s']:.3f} s",
             f"{cb['help']['median_s']:.3f} s{at}" if cb else "", "≤ 0.1 s",
             c["help"]["median_s"] <= 0.1),
        _row("Speed", "cold: duizhao parse SEED", f"{c['parse']['median_s']:.3f} s"),
        _row("Speed", "cold: duizhao sheet SEED (full HTML sheet)",
             f"{c['sheet']['median_s']:.2f} s",
             (f"{cb['sheet']['median_s']:.2f} s{at}; " if cb else "")
             + f"{floor:.2f} s bare work floor", "", None),
        _row("Speed", "cold: sheet / bare work floor", f"{c['sheet_over_floor']:.2f}×",
             f"{cb['sheet_over_floor']:.2f}×{at}" if cb else "", "≤ 2×",
             c["sheet_over_floor"] <= 2),
    ]  # fmt: skip
    for k, v in w.items():
        if k != "first_call_in_process":
            rows.append(_row("Speed", f"warm, seed article: {k}", f"{v * 1000:.0f} ms"))
    rows.append(
        _row(
            "Speed",
            "first article in a process (loads everything)",
            f"{w['first_call_in_process']:.1f} s",
        )
    )
    dd = d.get("distinct")
    if dd:
        db = dd.get("baseline") or {}
        rows.append(_row("Speed", f"warm whole pipeline (annotate + HTML sheet), "
                         f"{dd['articles']} distinct MAC-Dev articles, per CPU second",
                         f"{dd['articles_per_cpu_s']:.2f}",
                         f"{db['articles_per_cpu_s']:.2f}{at} ({db['articles']} articles)"
                         if db else "", "≥ 20", dd["articles_per_cpu_s"] >= 20))  # fmt: skip
    rows += [
        _row("Speed", f"build of {t['articles']} synthetic articles, HTML, jobs={t['jobs']}",
             f"{t['wall_s']:.0f} s wall ({t['articles_per_cpu_s']:.1f} per CPU s)",
             f"{tb['wall_s']:.0f} s for {tb['articles']} ({tb['articles_per_cpu_s']:.1f} per CPU"
             f" s){at}" if tb else ""),
        _row("Speed", f"peak memory, {t['articles']}-article build (largest process)",
             f"{t['peak_rss_mb']:.0f} MB",
             f"{tb['peak_rss_mb']:.0f} MB{at}, {tb['articles']}-article build" if tb else "",
             "≤ 400 MB", t["peak_rss_mb"] <= 400),
    ]  # fmt: skip
    k = d.get("dask")
    if k:
        rows.append(_row("Speed", f"build of {k['articles']} distinct articles: "
                         "--dask local, 2 workers (wall)", f"{k['dask_local_2']['wall_s']:.1f} s",
                         f"{k['jobs1']['wall_s']:.1f} s with --jobs 1 "
                         + (f"({k['speedup']:.2f}× as fast)" if k["speedup"] >= 1 else
                            f"(Dask {1 / k['speedup']:.2f}× slower)"), "reported"))  # fmt: skip
        rows.append(_row("Speed", f"peak memory, build of {k['articles']} distinct articles "
                         "(--jobs 1; --dask local 2 workers)",
                         f"{k['jobs1']['peak_rss_mb']:.0f} MB; "
                         f"{k['dask_local_2']['peak_rss_mb']:.0f} MB", "", "≤ 400 MB",
                         max(k["jobs1"]["peak_rss_mb"],
                             k["dask_local_2"]["peak_rss_mb"]) <= 400))  # fmt: skip
    return rows


def _rows_bank(d: dict[str, Any]) -> list[Row]:
    n = d["articles"]
    rows = [
        _row("Term bank", f"ingest {n:,} annotated articles (bank only)",
             f"{d['ingest_total_s']:.0f} s", "", "< 600 s" if n >= 10_000 else "",
             d["ingest_total_s"] < 600 if n >= 10_000 else None),
        _row("Term bank", "full pipeline per synthetic article (CPU)",
             f"{d['pipeline_s_per_synthetic_article']:.2f} s",
             "", "", None),
        _row("Term bank", "full pipeline + ingest for 10,000 articles, one core (extrapolated)",
             f"{d['pipeline_10000_extrapolated_min']:.0f} min", "", "< 10 min",
             d["pipeline_10000_extrapolated_min"] < 10),
    ]  # fmt: skip
    pages = [(q["median_ms"], name) for name, q in d["queries"].items()
             if "kwic" in name and "limit" in name]  # fmt: skip
    if pages:
        worst = max(pages)
        rows.append(_row("Term bank", f"slowest concordance page (50 lines) at {n:,} articles: "
                         f"{worst[1].split(' limit')[0]}", f"{worst[0]:.1f} ms", "", "< 50 ms",
                         worst[0] < 50))  # fmt: skip
    for name, q in d["queries"].items():
        if "all lines" in name:
            label = f"{name}: {q['rows']:,} lines"
            rows.append(_row("Term bank", label, f"{q['median_ms']:.0f} ms"))
    rows.append(_row("Term bank", "database size", f"{d['db_mb']:.0f} MB"))
    return rows


def _rows_robust(d: dict[str, Any]) -> list[Row]:
    rows = []
    timeout = d.get("timeout_s", 120)

    def shown(e: dict[str, Any], who: str) -> str:
        ts = e.get(who)
        if not ts:
            return ""
        if ts[-1] is None:
            return f"{ts[0]:.2f} s at 1×, > {timeout:.0f} s at {len(ts) and 4 ** (len(ts) - 1)}×"
        return f"×{e[who + '_growth']} ({ts[0]:.2f} → {ts[-1]:.2f} s)"

    for shape, e in d["reading"].items():
        times = e["duizhao"]
        factor = 4 ** (len(times) - 1)
        growth = e.get("duizhao_growth")
        rows.append(_row("Robustness", f"reading time 1× → {factor}× ({e['sizes_bytes'][-1]:,} B): "
                         f"{shape}", shown(e, "duizhao"), shown(e, "reference"),
                         f"≤ ×{factor * 1.5:.0f} (linear)",
                         growth is not None and growth <= factor * 1.5))  # fmt: skip
    sheet = d["sheet"]
    size = f"{sheet['article_bytes'] / 1e6:.1f} MB"
    for key, label, unit in (("peak_rss_mb", "peak memory", "MB"), ("cpu_s", "CPU time", "s")):
        ours = sheet["duizhao"]
        ref = sheet.get("reference")
        base = ""
        if ref is not None:
            base = f"{ref[key]:,.0f} {unit}" + ("" if ref["status"] == 0 else
                                                 f" (stopped: {ref['status']})")  # fmt: skip
        rows.append(_row("Robustness", f"sheet on a {size} article: {label}",
                         f"{ours[key]:,.0f} {unit}" + ("" if ours["status"] == 0 else " (failed)"),
                         base))  # fmt: skip
    return rows


SECTIONS: dict[str, Callable[[dict[str, Any]], list[Row]]] = {
    "chinese": _rows_chinese,
    "reading_flags": _rows_reading_flags,
    "align": _rows_align,
    "glossary": _rows_glossary,
    "site": _rows_site,
    "speed": _rows_speed,
    "bank": _rows_bank,
    "robust": _rows_robust,
}


def summarise(names: list[str]) -> list[Row]:
    rows: list[Row] = []
    for name in names:
        data = _load(name)
        if data is None:
            continue
        try:
            rows += SECTIONS[name](data)
        except (KeyError, TypeError, ValueError) as e:  # an older JSON layout
            rows.append(_row(name, f"(could not read bench_{name}.json: {e!r})", ""))
    return rows


def format_table(rows: list[Row], markdown: bool = False) -> str:
    heads = ["area", "measure", "duizhao", "baseline (same run)", "target", "met"]
    cells = [[r["area"], r["measure"], r["duizhao"], r["baseline"], r["target"],
              {True: "yes", False: "NO", None: ""}[r["met"]]] for r in rows]  # fmt: skip
    if markdown:
        out = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        out += ["| " + " | ".join(c) + " |" for c in cells]
        return "\n".join(out)
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h)
              for i, h in enumerate(heads)]  # fmt: skip
    line = "  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True))
    out = [line, "-" * len(line)]
    out += ["  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)) for cell in cells]
    return "\n".join(out)


def replace_table(text: str, table: str) -> str:
    """``text`` with its figures table (the lines from the summary's header row up to the first
    line that is not a table row) replaced by ``table``.

    Raises:
        ValueError: when ``text`` has no such table.
    """
    lines = text.split("\n")
    head = table.split("\n", 1)[0]
    try:
        start = lines.index(head)
    except ValueError:
        raise ValueError(f"no table starting with {head!r} in the README") from None
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "\n".join(lines[:start] + table.split("\n") + lines[end:])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller corpora, for a smoke test")
    ap.add_argument("--only", nargs="+", choices=list(SECTIONS), help="run only these")
    ap.add_argument("--dev-data", type=Path, default=DEFAULT_DEV)
    ap.add_argument(
        "--summary-only",
        action="store_true",
        help="do not run anything: summarise the JSON already in benchmarks/results",
    )
    ap.add_argument(
        "--readme",
        action="store_true",
        help="also replace the figures table of README.md with this summary's table",
    )
    args = ap.parse_args(argv)
    names = args.only or list(SECTIONS)
    previous: dict[str, Any] = {}
    if args.summary_only and (RESULTS / "summary.json").exists():
        previous = json.loads((RESULTS / "summary.json").read_text(encoding="utf-8"))
    if args.summary_only:
        status = previous.get("runs", {})
    else:
        status = run(names, args.dev_data, args.quick)
    rows = summarise(names)
    print()
    print(format_table(rows))
    meta = {
        "date": previous.get("meta", {}).get("date") or time.strftime("%Y-%m-%d %H:%M"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "load_average": os.getloadavg(),
        "quick": args.quick,
    }
    if args.summary_only:
        meta["summarised"] = time.strftime("%Y-%m-%d %H:%M")
        meta["load_average"] = previous.get("meta", {}).get("load_average", meta["load_average"])
    (RESULTS / "summary.json").write_text(
        json.dumps({"meta": meta, "runs": status, "rows": rows}, indent=2, ensure_ascii=False)
        + "\n", encoding="utf-8")  # fmt: skip
    (RESULTS / "summary.md").write_text(
        f"Measured {meta['date']} ({meta['machine']}, Python {meta['python']}, "
        + (f"load average {meta['load_average'][0]:.1f}" if meta["load_average"] else
           "load average not recorded")
        + f"){' — quick run' if args.quick else ''}.\n\n"
        + format_table(rows, markdown=True) + "\n", encoding="utf-8")  # fmt: skip
    print(f"\nwrote {(RESULTS / 'summary.json').relative_to(ROOT)} and summary.md")
    if args.readme:
        readme = ROOT / "README.md"
        readme.write_text(
            replace_table(readme.read_text(encoding="utf-8"), format_table(rows, markdown=True)),
            encoding="utf-8",
        )
        print("replaced the figures table of README.md (rewrite its paragraphs by hand)")
    failed = [n for n, s in status.items() if s["status"].startswith("failed")]
    if failed:
        print(f"failed: {', '.join(failed)} (see their logs)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
