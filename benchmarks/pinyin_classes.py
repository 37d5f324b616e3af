"""Pinyin polyphone accuracy by class: per frequent polyphone and per band of character frequency.

Used by ``bench_chinese.py`` (its ``--only pinyin`` table): for every system it scores, the
accuracy on the tuning and the held-out half of CPP dev

* **per polyphone class** — the frequent polyphones of news and editorial text listed in
  :data:`CLASSES` (chosen from general knowledge of Chinese, not from the dev set: the function
  words 了 著 得 地 還 都 為 和, the verbs and adjectives 行 重 長 調 應 降 處 量 …);
* **per frequency band** of the polyphonic character — its rank in g2pM's character list
  (``char2idx.pkl`` of the g2pM wheel lists the characters of CPP's training text by frequency,
  so the rank says how often the model saw the character): CPP samples about twenty sentences
  per character, so the rare characters weigh as much as the common ones, and the band table
  shows where the errors are.

Run alone it prints the tuning half's errors of duizhao sorted by cause (where the wrong reading
came from) and by band — the error analysis of ``docs/chinese.md``; it never looks at the
held-out half::

    .venv/bin/python benchmarks/pinyin_classes.py [DEV_DATA]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

#: The polyphone classes reported one by one, in their Hong Kong forms (``s2hk`` keeps 着 for the
#: particle *zhe* and 著 for *zhù*).
CLASSES = "了着著得地行重長還都為和知應量降處調傳藏差便假更數少好將種朝相分中當"

#: Upper bounds of g2pM's character ranks for the frequency bands (the last band is open).
BANDS = (500, 1500, 3000)


@cache
def _ranks() -> dict[str, int]:
    """g2pM's character ranks (0 = most frequent in CPP's training text), by character."""
    import pickle

    import g2pM

    with (Path(g2pM.__file__).parent / "char2idx.pkl").open("rb") as fh:
        table: dict[str, int] = pickle.load(fh)
    return {ch: i for ch, i in table.items() if len(ch) == 1}


@cache
def band(char: str) -> str:
    """The frequency band of a character (looked up in its Simplified form)."""
    from duizhao.text.convert import to_simplified

    ranks = _ranks()
    simp = to_simplified(char)
    rank = ranks.get(simp if len(simp) == 1 else char, ranks.get(char, 1 << 30))
    low = 0
    for top in BANDS:
        if rank < top:
            return f"rank {low:,}-{top - 1:,}"
        low = top
    return f"rank {low:,}+"


def band_names() -> list[str]:
    """The band labels in order."""
    out, low = [], 0
    for top in BANDS:
        out.append(f"rank {low:,}-{top - 1:,}")
        low = top
    return [*out, f"rank {low:,}+"]


def by_class(items: Sequence[tuple[str, int, str]], hits: Sequence[bool]) -> dict[str, Any]:
    """``{"class": {char: [right, total]}, "band": {band: [right, total]}}`` of one part."""
    per: dict[str, list[int]] = {c: [0, 0] for c in dict.fromkeys(CLASSES)}
    bands: dict[str, list[int]] = {b: [0, 0] for b in band_names()}
    for (text, i, _), ok in zip(items, hits, strict=True):
        ch = text[i]
        if ch in per:
            per[ch][0] += ok
            per[ch][1] += 1
        b = bands[band(ch)]
        b[0] += ok
        b[1] += 1
    return {"class": {c: v for c, v in per.items() if v[1]}, "band": bands}


def _cell(pair: Sequence[int]) -> str:
    right, total = pair
    return f"{right}/{total}" if total else "-"


def _pct(pair: Sequence[int]) -> str:
    right, total = pair
    return f"{right / total:.2%}" if total else "-"


def print_tables(systems: dict[str, Any]) -> None:
    """The per-class and per-band tables of :func:`by_class` for several systems."""
    names = list(systems)
    head = "".join(f" | {n.split(' (')[0][:21]:<21}" for n in names)
    print("  per polyphone class (Traditional; right/total, tuning  held-out)")
    print(f"    {'class':<16}{head}")
    first = systems[names[0]]
    for c in first["tuning"]["classes"]["class"]:
        cells = ""
        for n in names:
            t = systems[n]["tuning"]["classes"]["class"].get(c, [0, 0])
            h = systems[n]["held-out"]["classes"]["class"].get(c, [0, 0])
            cells += f" | {_cell(t):>10} {_cell(h):>10}"
        print(f"    {c:<16}{cells}")
    print("  per band of character frequency (g2pM's rank; tuning  held-out; sentences)")
    for b in band_names():
        cells = ""
        for n in names:
            t = systems[n]["tuning"]["classes"]["band"][b]
            h = systems[n]["held-out"]["classes"]["band"][b]
            cells += f" | {_pct(t):>10} {_pct(h):>10}"
        sizes = "+".join(str(first[p]["classes"]["band"][b][1]) for p in ("tuning", "held-out"))
        print(f"    {b:<16}{cells}   ({sizes})")


# -- error analysis on the tuning half ---------------------------------------------------------


def causes(data: Path) -> None:
    """Print the tuning half's errors by cause and band (never the held-out half)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_chinese as bench
    from duizhao.chinese import PinyinRomaniser
    from duizhao.chinese.pinyin import PhraseWeights, _pinyin_table

    model_only = PinyinRomaniser(phrase_weights=PhraseWeights(0, 0, 0), context=False)

    items = bench.split(bench.traditional(bench.load_cpp(data, None)), "alternate")["tuning"]
    inputs = bench.romaniser_inputs([t for t, _, _ in items])
    full = PinyinRomaniser()
    plain = PinyinRomaniser(context=False)
    dictionary = PinyinRomaniser(polyphone_model=False, context=False)
    read = full.romanise_many(inputs)
    got = [bench.tone3(r[i]) for r, (_, i, _) in zip(read, items, strict=True)]
    no_rules = plain.romanise_many(inputs)
    no_model = dictionary.romanise_many(inputs)
    table = _pinyin_table(True)
    counts: Counter[tuple[str, str]] = Counter()
    for k, ((text, i, gold), (_, simp, words)) in enumerate(zip(items, inputs, strict=True)):
        if got[k] == gold:
            continue
        start, end = next(((a, b) for a, b in words if a <= i < b), (i, i + 1))
        in_phrase = any(
            len(key) > 1 and a <= i < a + len(key)
            for a in range(start, end)
            for key, _ in table.prefix_rows(simp[a:end])
        )
        if bench.tone3(no_rules[k][i]) == gold:
            cause = "a context rule or word reading changed a right reading"
        elif in_phrase and bench.tone3(no_model[k][i]) == got[k]:
            model = bench.tone3(model_only.romanise_many(
                [inputs[k]])[0][i])  # fmt: skip
            cause = "a dictionary phrase's reading stood, g2pM " + (
                "right" if model == gold else "wrong too"
            )
        elif in_phrase:
            cause = "g2pM overruled a dictionary phrase"
        elif bench.tone3(no_model[k][i]) == gold:
            cause = "g2pM overruled the most common reading (outside phrases)"
        else:
            cause = "g2pM wrong, most common reading wrong too (outside phrases)"
        counts[(cause, band(text[i]))] += 1
    total = sum(counts.values())
    print(f"tuning half: {len(items)} sentences, {total} errors")
    for cause in sorted({c for c, _ in counts}):
        per = " ".join(f"{b}: {counts[(cause, b)]}" for b in band_names() if counts[(cause, b)])
        print(f"  {sum(v for (c, _), v in counts.items() if c == cause):>4}  {cause}  ({per})")


def main(argv: Sequence[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_chinese as bench

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    causes(parser.parse_args(argv).data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
