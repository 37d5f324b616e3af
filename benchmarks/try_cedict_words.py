"""Try CC-CEDICT's word readings for pinyin polyphones (round 14; not kept).

Usage::

    .venv/bin/python benchmarks/try_cedict_words.py [DEV_DATA] [--part tuning|held-out]

For each CPP dev item (Traditional, as ``bench_chinese.py`` scores it), the segmenter's word
that holds the labelled character is looked up in CC-CEDICT; where every entry of that word
gives the character one reading (and it is not a neutral tone) and duizhao printed another, the
CC-CEDICT reading would replace it. Counted: replacements right, wrong (duizhao was right) and
neither. Round 14 on the tuning half: 5 right, 27 wrong — not kept (the held-out half was
not measured).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_chinese as b


def _norm(syllable: str) -> str:
    """One spelling of ü: CPP's ``lu:4``, ``tone3``'s ``lu4:``, CC-CEDICT's ``lu:4`` → ``lv4``."""
    return re.sub(r"u(\d?):", r"v\1", syllable.lower())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(b.ROOT.parent / "shared" / "dev-data"))
    ap.add_argument("--part", choices=("tuning", "held-out"), default="tuning")
    args = ap.parse_args(argv)

    from duizhao.chinese import default_annotator
    from duizhao.resources.lexicon import cedict

    items = b.traditional(b.load_cpp(Path(args.data), None))
    rows = b.split(items, "alternate")[args.part]
    pred = b.predict_pinyin(rows)
    tokens = default_annotator().annotate_many([t for t, _, _ in rows])
    counts = {"right": 0, "wrong": 0, "neither": 0}
    for (text, k, gold), p, toks in zip(rows, pred, tokens, strict=True):
        tok = next((t for t in toks if t.start <= k < t.end), None)
        if tok is None or tok.end - tok.start < 2:
            continue
        word = text[tok.start : tok.end]
        readings = {
            _norm(e.pinyin.split()[k - tok.start])
            for e in cedict().lookup(word)
            if word in (e.traditional, e.simplified) and len(e.pinyin.split()) == len(word)
        }
        if len(readings) != 1:
            continue
        reading = readings.pop()
        current = _norm(b.tone3(p) or "") if p else ""
        if reading == current or reading.endswith("5"):
            continue
        kind = (
            "right" if reading == _norm(gold) else "wrong" if current == _norm(gold) else "neither"
        )
        counts[kind] += 1
        print(f"{kind:<8} {word}  {text[k]}  gold {gold}  duizhao {current}  CC-CEDICT {reading}")
    print(args.part, counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
