"""Where each layer of the pinyin pipeline changes a reading, and whether it was right (CPP tuning).

For every layer that can change a polyphone's reading, on the **tuning half** of CPP dev
(Traditional, as ``bench_chinese.py`` scores it; the held-out half is never read here), count how
often the layer decided the labelled character against the layer below it, and how often it was
right, wrong (the layer below was right) or neither, per polyphone class of
:data:`pinyin_classes.CLASSES` and for all other characters together:

* ``g2pM > most common`` — outside dictionary phrases, g2pM's reading where it differs from
  pypinyin's most common reading of the character;
* ``phrase > g2pM`` — a dictionary phrase's reading (pypinyin's curated phrases,
  ``large_pinyin``) that stood against g2pM's (:class:`~duizhao.chinese.pinyin.PhraseWeights`);
* ``rules`` — the shipped word readings and the polyphone rules of
  :mod:`duizhao.chinese.polyphones` (with :mod:`duizhao.chinese.wei`);
* ``frames`` — the syntactic frames of :mod:`duizhao.chinese.frames` (著, 長, 得, A不A).

A layer wrong more often than right for a class is a general cause to look at (issue 15, round
11, direction 1)::

    .venv/bin/python benchmarks/pinyin_layers.py [DEV_DATA]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _readings(items: list[tuple[str, int, str]]) -> dict[str, list[str | None]]:
    """The labelled character's reading by each stack of layers."""
    import bench_chinese as bench
    from duizhao.chinese import PinyinRomaniser
    from duizhao.chinese import pinyin as pinyin_mod
    from duizhao.chinese.pinyin import PhraseWeights

    inputs = bench.romaniser_inputs([t for t, _, _ in items])
    stacks: dict[str, Any] = {
        "most common": PinyinRomaniser(polyphone_model=False, context=False),
        "g2pM": PinyinRomaniser(phrase_weights=PhraseWeights(0, 0, 0), context=False),
        "phrases": PinyinRomaniser(context=False),
        "rules": PinyinRomaniser(),
        "frames": PinyinRomaniser(),
    }
    out: dict[str, list[str | None]] = {}
    saved = pinyin_mod.frame_pinyin, pinyin_mod.zhe
    for name, romaniser in stacks.items():
        if name == "rules":  # everything but the frames
            pinyin_mod.frame_pinyin = lambda simp, words, readings: None  # type: ignore[assignment]
            pinyin_mod.zhe = lambda simp, words: simp  # type: ignore[assignment]
        try:
            read = romaniser.romanise_many(inputs)
        finally:
            pinyin_mod.frame_pinyin, pinyin_mod.zhe = saved
        out[name] = [bench.tone3(r[i]) for r, (_, i, _) in zip(read, items, strict=True)]
    return out


#: (layer, the stack with it, the stack below it)
LAYERS = (
    ("g2pM > most common", "g2pM", "most common"),
    ("phrase > g2pM", "phrases", "g2pM"),
    ("rules", "rules", "phrases"),
    ("frames", "frames", "rules"),
)


def layer_table(items: list[tuple[str, int, str]]) -> dict[str, dict[str, Counter[str]]]:
    """``{layer: {class: Counter(right=, wrong=, neither=)}}`` on ``items``."""
    from pinyin_classes import CLASSES

    read = _readings(items)
    table: dict[str, dict[str, Counter[str]]] = {
        name: defaultdict(Counter) for name, _, _ in LAYERS
    }
    for k, (text, i, gold) in enumerate(items):
        ch = text[i] if text[i] in CLASSES else "other"
        for name, top, below in LAYERS:
            if name == "g2pM > most common" and read["phrases"][k] != read["g2pM"][k]:
                continue  # outside phrases only: where the phrase stack kept g2pM's reading
            new, old = read[top][k], read[below][k]
            if new == old:
                continue
            verdict = "right" if new == gold else "wrong" if old == gold else "neither"
            table[name][ch][verdict] += 1
    return table


def main(argv: Sequence[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_chinese as bench

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    args = parser.parse_args(argv)
    items = bench.split(bench.traditional(bench.load_cpp(args.data, None)), "alternate")["tuning"]
    table = layer_table(items)
    print(f"CPP dev, Traditional, tuning half ({len(items)} sentences): where a layer changed")
    print("the labelled reading of the layer below it (right / wrong / neither)")
    for name, _, _ in LAYERS:
        per = table[name]
        total = sum(per.values(), Counter())
        print(f"  {name:<20} {total['right']:>4} / {total['wrong']:>4} / {total['neither']:>4}")
        for ch in sorted(per, key=lambda c: (c == "other", -sum(per[c].values()))):
            c = per[ch]
            flag = "  <- wrong more often than right" if c["wrong"] > c["right"] else ""
            print(f"    {ch:<6} {c['right']:>4} / {c['wrong']:>4} / {c['neither']:>4}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
