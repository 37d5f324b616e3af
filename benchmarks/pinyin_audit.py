"""Which reading each rule layer of the pinyin pipeline changes, on CPP's tuning half and on text
neither CPP half contains (issue 15, round 12, direction 1: an audit for over-fitting).

The layers on top of the dictionaries and g2pM (:class:`~duizhao.chinese.PinyinRomaniser` with
``context=False``) are switched on one at a time:

* ``words`` — the shipped word readings (``resources/data/hk_readings.tsv``);
* ``rules`` — the polyphone rules of :mod:`duizhao.chinese.polyphones` (with :mod:`.wei`);
* ``frames`` — the syntactic frames of :mod:`duizhao.chinese.frames` (著 read as 着 too);
* ``adverbs`` — 曾 and 處 read by the adverb beside them (:mod:`duizhao.chinese.adverbs`);
* ``merged`` — readings the Traditional character rules out (:mod:`duizhao.chinese.merged`).

On the **tuning half** of CPP dev (Traditional, as ``bench_chinese.py`` scores it; the held-out
half is never read here) it counts, per layer and character, the labelled readings changed right
/ wrong / neither. On **other text** — the Hong Kong news of the CityU segmentation dev set,
Taiwan news of the AS set (lines ``--as-lines``), the shipped corpus articles and the Chinese test
fixtures; no pinyin gold there — it counts every reading each layer changes, per layer and
character, and with ``--show`` prints each change in its words, to be read by hand. A rule that
changes the tuning items it was written for and nothing on the other text is noise::

    .venv/bin/python benchmarks/pinyin_audit.py [DEV_DATA] [--show 'CHARS'] [--as-lines 7201:9200]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: (layer, the functions of :mod:`duizhao.chinese.pinyin` it switches on)
LAYERS = (
    ("words", ("apply_word_readings",)),
    ("rules", ("fix_pinyin",)),
    ("frames", ("frame_pinyin", "zhe")),
    ("adverbs", ("adverb_pinyin",)),
    ("merged", ("merged_pinyin",)),
)
_OFF = {
    "apply_word_readings": lambda text, simp, readings, jyutping: None,
    "fix_pinyin": lambda text, simp, words, readings: readings,
    "frame_pinyin": lambda simp, words, readings: None,
    "zhe": lambda simp, words: simp,
    "adverb_pinyin": lambda simp, words, readings: None,
    "merged_pinyin": lambda text, simp, readings: None,
}


def stacks(inputs: list[tuple[str, str, Sequence[tuple[int, int]]]]) -> list[list[list[Any]]]:
    """The readings of every line with no layer, then with each layer of :data:`LAYERS` added."""
    from duizhao.chinese import PinyinRomaniser
    from duizhao.chinese import pinyin as pinyin_mod

    saved = {name: getattr(pinyin_mod, name) for name in _OFF}
    out = []
    try:
        for n in range(len(LAYERS) + 1):
            on = {f for _, fs in LAYERS[:n] for f in fs}
            for name in _OFF:
                setattr(pinyin_mod, name, saved[name] if name in on else _OFF[name])
            out.append(PinyinRomaniser().romanise_many(inputs))
    finally:
        for name, fn in saved.items():
            setattr(pinyin_mod, name, fn)
    return out


def _in_words(text: str, words: Sequence[tuple[int, int]], k: int) -> str:
    """The words around position ``k`` (the character's own word in brackets)."""
    parts = []
    for a, b in words:
        if b < k - 8 or a > k + 8:
            continue
        parts.append(f"[{text[a:b]}]" if a <= k < b else text[a:b])
    return " ".join(parts)


def other_text(data: Path, as_lines: tuple[int, int]) -> list[str]:
    """Lines of text neither CPP half contains (see the module docstring)."""
    lines: list[str] = []
    cityu = data / "seg-sighan-cityu-dev" / "cityu_dev_gold.utf8"
    lines += ["".join(s.split()) for s in cityu.read_text("utf-8").splitlines()]
    sinica = data / "seg-sighan-as" / "as_testing_gold.utf8"
    rows = sinica.read_text("utf-8").splitlines()[as_lines[0] - 1 : as_lines[1]]
    lines += ["".join(s.replace("\u3000", " ").split()) for s in rows]
    for path in sorted((ROOT / "corpus").glob("*")) + sorted(
        (ROOT / "tests" / "fixtures" / "chinese").glob("*.md")
    ):
        lines += [s for s in path.read_text("utf-8").splitlines() if s.strip()]
    return [s for s in lines if s.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_chinese as bench

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--show", default="", help="print every change of these characters")
    parser.add_argument("--as-lines", default="7201:9200", help="AS lines (1-based, inclusive)")
    args = parser.parse_args(argv)
    first, last = (int(x) for x in args.as_lines.split(":"))

    items = bench.split(bench.traditional(bench.load_cpp(args.data, None)), "alternate")["tuning"]
    inputs = bench.romaniser_inputs([t for t, _, _ in items], batch=40)
    read = stacks(inputs)
    cpp: dict[str, dict[str, Counter[str]]] = {name: defaultdict(Counter) for name, _ in LAYERS}
    for k, (text, i, gold) in enumerate(items):
        for n, (name, _) in enumerate(LAYERS):
            old, new = bench.tone3(read[n][k][i]), bench.tone3(read[n + 1][k][i])
            if old != new:
                verdict = "right" if new == gold else "wrong" if old == gold else "neither"
                cpp[name][text[i]][verdict] += 1

    texts = other_text(args.data, (first, last))
    inputs = bench.romaniser_inputs(texts, batch=40)
    read = stacks(inputs)
    other: dict[str, Counter[str]] = {name: Counter() for name, _ in LAYERS}
    shown = []
    for k, (text, _simp, words) in enumerate(inputs):
        for n, (name, _) in enumerate(LAYERS):
            for i, (old, new) in enumerate(zip(read[n][k], read[n + 1][k], strict=True)):
                if old != new:
                    other[name][text[i]] += 1
                    if text[i] in args.show:
                        where = _in_words(text, words, i)
                        shown.append(f"{name:<7} {text[i]} {old}→{new}  {where}")
    n_chars = sum(len(t) for t in texts)
    print(f"CPP tuning half ({len(items)} sentences): labelled readings changed,", end=" ")
    print("right/wrong/neither")
    print(f"other text ({len(texts)} lines, {n_chars} characters): readings changed")
    for name, _ in LAYERS:
        chars = sorted(set(cpp[name]) | set(other[name]), key=lambda c: -other[name][c])
        print(f"  {name}")
        for ch in chars:
            c = cpp[name][ch]
            verdicts = f"{c['right']}/{c['wrong']}/{c['neither']}"
            print(f"    {ch}  CPP {verdicts}  other {other[name][ch]}")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
