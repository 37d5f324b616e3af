"""Where the pinyin errors of the CPP tuning half come from, and what the shipped dictionaries say.

Round 17 (issue 15): for every **tuning** sentence of CPP dev (Traditional, as
``bench_chinese.py`` scores it; the held-out half is never read here) whose labelled character
duizhao misreads, print

* where the reading came from: a curated pypinyin phrase (its most common reading, a rarer
  one, or a rarer one CC-CEDICT contradicts), a ``large_pinyin`` phrase, or g2pM alone outside
  any phrase;
* for a phrase, how each of the phrase sets ``pypinyin-dict`` ships reads that character in that
  phrase (``cc_cedict``, ``zdic_cibs``, ``zdic_cybs``, ``di``; ``-``: the set lacks the phrase);
* for g2pM alone, the rank of the gold reading among g2pM's, the log-odds margin of g2pM's first
  reading over its second, and whether the gold reading is the character's commonest in
  ``pypinyin-dict``'s ``kHanyuPinlu`` table (readings ordered by their frequency in
  现代汉语频率词典) or in pypinyin's own list.

Then a summary by source. Usage::

    .venv/bin/python benchmarks/pinyin_dict_votes.py [DEV_DATA] [--quiet]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_chinese as bench

#: The phrase sets of ``pypinyin-dict`` read here, besides pypinyin's own (curated) phrases.
SETS = ("cc_cedict", "zdic_cibs", "zdic_cybs", "di")


def phrase_sets() -> dict[str, dict[str, list[list[str]]]]:
    """``{set name: phrases_dict}`` (Simplified keys, tone-marked readings)."""
    import importlib

    return {
        name: importlib.import_module(f"pypinyin_dict.phrase_pinyin_data.{name}").phrases_dict
        for name in SETS
    }


def covering_phrase(simp: str, words: Sequence[tuple[int, int]], i: int) -> tuple[str, int, bool]:
    """The dictionary phrase that reads position ``i`` (key, offset of i in it, curated?), as
    :meth:`PinyinRomaniser._read_word` finds it; ``("", -1, False)`` outside every phrase."""
    from duizhao.chinese.pinyin import _pinyin_table

    table = _pinyin_table(True)
    curated = table.column("curated")
    for a, b in words:
        if not a <= i < b:
            continue
        k = a
        while k < b:
            found = [(key, r) for key, r in table.prefix_rows(simp[k:b]) if len(key) > 1]
            if found:
                key, row = found[-1]
                if k <= i < k + len(key):
                    return key, i - k, bool(curated[row])
                k += len(key)
            else:
                k += 1
    return "", -1, False


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--quiet", action="store_true", help="the summary only")
    args = parser.parse_args(argv)
    from pypinyin_dict.pinyin_data.khanyupinlu import pinyin_dict as pinlu

    from duizhao.chinese import PinyinRomaniser
    from duizhao.chinese.cedict_readings import cedict_contradicts
    from duizhao.chinese.g2pm import polyphone_model
    from duizhao.chinese.pinyin import _char_readings, _contexts, numbered

    items = bench.split(bench.traditional(bench.load_cpp(args.data, None)), "alternate")["tuning"]
    inputs = bench.romaniser_inputs([t for t, _, _ in items])
    pred = [bench.tone3(r[i]) for r, (_, i, _) in
            zip(PinyinRomaniser().romanise_many(inputs), items, strict=True)]  # fmt: skip
    sets = phrase_sets()
    model = polyphone_model()
    summary: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    rows: list[str] = []
    for (text, i, gold), (_, simp, words), got in zip(items, inputs, pred, strict=True):
        if got == gold:
            continue
        key, k, curated = covering_phrase(simp, words, i)
        (a, b), = _contexts(simp, [i])  # fmt: skip
        dist: dict[str, float] = (
            model.distributions([(simp[a:b], [i - a])])[0][0] if simp[i] in model.candidates
            else {}
        )  # fmt: skip
        ranked = sorted(dist, key=dist.__getitem__, reverse=True)
        cpp = [bench.tone3(r) for r in ranked]
        if key:
            mine = numbered(_pinyin_table_reading(key, k))
            phrase = bench.tone3(_pinyin_table_reading(key, k))
            summary[f"inside a phrase, g2pM overruled it: {phrase != got}"] += 1
            common = (_char_readings(simp[i]) or ("",))[0]
            if not curated:
                kind = "large_pinyin phrase"
            elif bench.tone3(common) != mine.replace("v", "u:") or mine.endswith("5"):
                kind = "curated rarer reading"
                if cedict_contradicts(key, k, mine):
                    kind += ", CC-CEDICT contradicts"
            else:
                kind = "curated common reading"
            said = []
            for name, table in sets.items():
                r = table.get(key)
                s = bench.tone3(r[k][0]) if r and len(r) == len(key) else None
                said.append(f"{name}={s or '-'}")
                if s is not None:
                    verdict = "gold" if s == gold else "phrase" if s == phrase else "other"
                    votes[f"{kind}: {name} {verdict}"] += 1
            over = "g2pM overruled it" if phrase != got else ""
            detail = f"{key}[{k}]={mine} {over} " + " ".join(said)
        else:
            kind = "g2pM alone"
            rank = cpp.index(gold) + 1 if gold in cpp else 0
            margin = (math.log(dist[ranked[0]]) - math.log(max(dist[ranked[1]], 1e-12))
                      if len(ranked) > 1 else math.inf)  # fmt: skip
            plu = pinlu.get(ord(simp[i]), "").split(",")[0]
            first = bench.tone3(plu) if plu else None
            common = bench.tone3((_char_readings(simp[i]) or ("",))[0])
            summary[f"g2pM alone: gold rank {rank}"] += 1
            if rank == 2:
                band = "<1" if margin < 1 else "<2" if margin < 2 else "<4" if margin < 4 else ">=4"
                head = f"g2pM alone, rank 2, margin {band}"
                summary[f"{head}: gold=pinlu first {first == gold}"] += 1
                summary[f"{head}: gold=pypinyin first {common == gold}"] += 1
            detail = (f"rank {rank} margin {margin:.2f} pinlu={first} common={common} "
                      f"g2pM={cpp[:3]}")  # fmt: skip
        summary[kind] += 1
        rows.append(f"{text[max(0, i - 6):i]}[{text[i]}]{text[i + 1:i + 7]}  gold {gold} got {got}"
                    f"  {kind}: {detail}")  # fmt: skip
    if not args.quiet:
        print("\n".join(rows))
    print(f"\nCPP tuning half: {len(items)} sentences, {len(rows)} errors")
    for name, n in sorted(summary.items()):
        print(f"  {name:<70} {n:>4}")
    print(
        "the phrase sets on the errors inside a phrase (gold: the set reads it as CPP does;"
        " phrase: as the phrase does)"
    )
    for name, n in sorted(votes.items()):
        print(f"  {name:<70} {n:>4}")
    return 0


def _pinyin_table_reading(key: str, k: int) -> str:
    from duizhao.chinese.pinyin import _pinyin_table

    value: Any = _pinyin_table(True).get(key)
    return str(value).split(" ")[k]


if __name__ == "__main__":
    sys.exit(main())
