"""Unsure readings: how many pinyin readings are marked "check", and how right the others are.

Usage::

    .venv/bin/python benchmarks/bench_reading_flags.py [DEV_DATA] [--quick]

The annotator marks a reading unsure (``Token.pinyin_unsure``) where the g2pM polyphone model
decided it (no dictionary phrase read the character, or the model overruled the phrase) with a
probability below ``PinyinRomaniser.unsure_below``, and no context rule or shipped reading
decided it afterwards. Readings never change: only the flag is new, so the accuracy over all
readings is main's (``bench_chinese.py``'s ``duizhao`` line).

On the CPP polyphone dev set (one polyphone per sentence; even lines tuning, odd held out), in
the Traditional script the product reads and in the Simplified originals, for each half:

* the share of polyphones flagged, the accuracy of the flagged and of the unflagged readings,
  beside the accuracy of all readings (what a teacher trusts today, with no flag);
* the curve over thresholds (0.5 … 0.9999);
* the threshold fitted on the **tuning** half only: the highest of the curve's that flags at most
  2 % of the tuning polyphones (the shipped ``UNSURE_BELOW`` is checked against it).

Jyutping (HKCanCor, as the product runs, with pinyin on): the accuracy of the Jyutping of the
characters whose pinyin is flagged, beside the others' (whether the pinyin flag says anything
about the Cantonese reading too).

Writes ``benchmarks/results/bench_reading_flags.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_chinese import (  # noqa: E402
    DEFAULT_DATA,
    load_cpp,
    load_hkcancor,
    split,
    tone3,
    traditional,
)

RESULTS = ROOT / "benchmarks" / "results"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999, 0.9999)
#: The most a fitted threshold may flag, as a share of the tuning half's polyphones.
MAX_FLAGGED = 0.02
#: The columns of the printed curve.
KEYS = ("flagged_share", "flagged_accuracy", "unflagged_accuracy")


def scored_predictions(texts: Sequence[str]) -> list[tuple[list[Any], list[float | None]]]:
    """Each text's pinyin as the annotator gives it, and per character the model's probability
    where the annotator would flag the reading below a threshold of 1 (``None``: never
    flagged: a dictionary, a rule or a shipped reading decided it)."""
    from duizhao.chinese import ChineseAnnotator, PinyinRomaniser

    scores: list[dict[int, float]] = []

    class Recorder(PinyinRomaniser):
        def romanise_scored_many(self, its: Any) -> Any:
            found = super().romanise_scored_many(its)
            scores.extend(s for _, s in found)
            return found

    # every reading the model decided is flagged at 1.0001: the tokens say which the
    # annotator's rules cleared afterwards
    romaniser = Recorder(unsure_below=1.0001)
    annotator = ChineseAnnotator(pinyin=romaniser, jyutping=False, glosses=False, pos=False)
    out = []
    all_tokens = annotator.annotate_many(list(texts))
    assert len(scores) == len(all_tokens), "one romaniser row per text"
    for tokens, sc in zip(all_tokens, scores, strict=True):
        readings: list[Any] = []
        flags: list[bool] = []
        for tok in tokens:
            readings.extend(tok.pinyin or (None,) * (tok.end - tok.start))
            flags.extend(tok.pinyin_unsure or (False,) * (tok.end - tok.start))
        out.append((readings, [sc.get(k) if f else None for k, f in enumerate(flags)]))
    return out


def _point(rows: Sequence[tuple[bool, float | None]], threshold: float) -> dict[str, Any]:
    flagged = [ok for ok, p in rows if p is not None and p < threshold]
    others = [ok for ok, p in rows if not (p is not None and p < threshold)]
    return {
        "threshold": threshold,
        "flagged_share": len(flagged) / max(1, len(rows)),
        "flagged": len(flagged),
        "flagged_accuracy": sum(flagged) / len(flagged) if flagged else None,
        "unflagged_accuracy": sum(others) / max(1, len(others)),
    }


def bench_pinyin(data: Path, limit: int | None) -> dict[str, Any]:
    from duizhao.chinese.pinyin import UNSURE_BELOW

    simp = load_cpp(data, limit)
    out: dict[str, Any] = {"split": "even lines tuning, odd held out", "shipped": UNSURE_BELOW}
    for script, items in {"Traditional": traditional(simp), "Simplified": simp}.items():
        pred = scored_predictions([t for t, _, _ in items])
        rows = [
            (tone3(r[i]) == lb, sc[i]) for (_, i, lb), (r, sc) in zip(items, pred, strict=True)
        ]
        parts = split(rows, "alternate")
        fitted = max(
            (t for t in THRESHOLDS if _point(parts["tuning"], t)["flagged_share"] <= MAX_FLAGGED),
            default=0.0,
        )
        res: dict[str, Any] = {"fitted_on_tuning": fitted}
        for name, part in parts.items():
            res[name] = {
                "n": len(part),
                "all_readings_accuracy": sum(ok for ok, _ in part) / max(1, len(part)),
                "model_decided_share": sum(p is not None for _, p in part) / max(1, len(part)),
                "shipped": _point(part, UNSURE_BELOW),
                "curve": [_point(part, t) for t in THRESHOLDS],
            }
        out[script] = res
    return out


def bench_jyutping(data: Path, limit: int | None) -> dict[str, Any]:
    from duizhao.chinese import ChineseAnnotator

    rows = load_hkcancor(data, limit)
    annotator = ChineseAnnotator(glosses=False, pos=False)
    tokens = annotator.annotate_many([t for t, _ in rows])
    out: dict[str, Any] = {"split": "even lines tuning, odd held out"}
    marks: list[list[tuple[bool, bool]]] = []
    for (_text, gold), toks in zip(rows, tokens, strict=True):
        line = []
        for tok in toks:
            flags = tok.pinyin_unsure or (False,) * (tok.end - tok.start)
            for k, jp in enumerate(tok.jyutping):
                g = gold[tok.start + k]
                if g != "_":
                    line.append((jp == g, flags[k]))
        marks.append(line)
    for name, part in split(marks, "alternate").items():
        flat = [m for line in part for m in line]
        flagged = [ok for ok, f in flat if f]
        others = [ok for ok, f in flat if not f]
        out[name] = {
            "characters": len(flat),
            "flagged": len(flagged),
            "flagged_accuracy": sum(flagged) / len(flagged) if flagged else None,
            "unflagged_accuracy": sum(others) / max(1, len(others)),
            "all_accuracy": sum(ok for ok, _ in flat) / max(1, len(flat)),
        }
    return out


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.2f} %"


def _print(results: dict[str, Any]) -> None:
    py = results["pinyin"]
    for script in ("Traditional", "Simplified"):
        r = py[script]
        print(f"\n== unsure pinyin, CPP dev, {script} ({py['split']}); shipped threshold "
              f"{py['shipped']}, fitted on the tuning half (≤ {MAX_FLAGGED:.0%} flagged): "
              f"{r['fitted_on_tuning']}")  # fmt: skip
        for part in ("tuning", "held-out"):
            p = r[part]
            s = p["shipped"]
            print(f"  {part:8}  all readings {_pct(p['all_readings_accuracy'])} (n={p['n']}, "
                  f"model decided {_pct(p['model_decided_share'])}); flagged "
                  f"{_pct(s['flagged_share'])} ({s['flagged']}), right "
                  f"{_pct(s['flagged_accuracy'])}; unflagged right "
                  f"{_pct(s['unflagged_accuracy'])}")  # fmt: skip
        print("  curve (threshold: flagged share, flagged right, unflagged right;"
              " tuning | held-out)")
        for a, b in zip(r["tuning"]["curve"], r["held-out"]["curve"], strict=True):
            left = " ".join(f"{_pct(a[k]):>8}" for k in KEYS)
            right = " ".join(f"{_pct(b[k]):>8}" for k in KEYS)
            print(f"    {a['threshold']:<7} {left} | {right}")
    jp = results.get("jyutping")
    if jp:
        print("\n== Jyutping of the characters whose pinyin is flagged, HKCanCor (with pinyin on)")
        for part in ("tuning", "held-out"):
            p = jp[part]
            print(f"  {part:8}  {p['flagged']} of {p['characters']} characters flagged, their "
                  f"Jyutping right {_pct(p['flagged_accuracy'])}; the others "
                  f"{_pct(p['unflagged_accuracy'])} (all {_pct(p['all_accuracy'])})")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--dev-data", type=Path, help="the dev data (same as DATA)")
    parser.add_argument("--quick", action="store_true", help="the first 1,000 items of each")
    args = parser.parse_args(argv)
    data = args.dev_data or args.data
    if not data.is_dir():
        print(f"no dev data at {data}: nothing to measure", file=sys.stderr)
        return 0
    limit = 1000 if args.quick else None
    results = {"pinyin": bench_pinyin(data, limit), "jyutping": bench_jyutping(data, limit)}
    _print(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "bench_reading_flags.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False), "utf-8")
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
