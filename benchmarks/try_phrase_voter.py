"""Try a second pinyin voter built from the phrase dictionaries (round 10; not kept).

Usage::

    .venv/bin/python benchmarks/try_phrase_voter.py [DEV_DATA]

The voter: every phrase of pypinyin's curated data, ``pypinyin-dict``'s ``large_pinyin``,
``cc_cedict`` and ``zdic_cibs`` (shipped, MIT) gives, for each polyphone of g2pM inside it, its
reading in that phrase under each substring of two or three characters around it (``行长`` with
行 at 0 → *háng*). In a sentence, the substrings around the polyphone vote with their readings'
shares (three characters weigh twice as much as two). Two ways of combining it with duizhao are
scored on the **tuning** half of CPP dev (Traditional), only where duizhao printed g2pM's own
reading (no phrase, no rule): (a) the voter replaces g2pM's reading where g2pM's top probability
is below ``tau`` and the voter's winning reading has at least ``margin`` of the votes; (b) a
log-linear prior: ``log p_g2pM + alpha * log p_phrases(reading)`` (the reading's share of the
character's phrases, add-one smoothed). g2pM's probabilities are those of the whole Simplified
sentence. The best setting of (a) on the tuning half is then scored once on the held-out half.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_chinese as bench

Index = dict[tuple[str, int], Counter[str]]


def build_index(cands: Any) -> Index:
    """``(substring, offset of the polyphone) -> Counter(reading)`` from the phrase data."""
    from pypinyin.contrib.tone_convert import to_tone3
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin_dict.phrase_pinyin_data import cc_cedict, large_pinyin, zdic_cibs

    index: defaultdict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    for source in (phrases_dict, large_pinyin.phrases_dict, cc_cedict.phrases_dict,
                   zdic_cibs.phrases_dict):  # fmt: skip
        for word, readings in source.items():
            if len(word) < 2 or len(readings) != len(word):
                continue
            for k, ch in enumerate(word):
                if ch not in cands:
                    continue
                r = to_tone3(readings[k][0], neutral_tone_with_five=True).replace("v", "u:")
                for a in range(max(0, k - 2), k + 1):
                    for b in range(k + 1, min(len(word), k + 3) + 1):
                        if 2 <= b - a <= 3:
                            index[(word[a:b], k - a)][r] += 1
    return dict(index)


def vote(index: Index, text: str, i: int) -> Counter[str]:
    out: Counter[str] = Counter()
    for a in range(max(0, i - 2), i + 1):
        for b in range(i + 1, min(len(text), i + 3) + 1):
            found = index.get((text[a:b], i - a)) if 2 <= b - a <= 3 else None
            if found:
                total = sum(found.values())
                for r, n in found.items():
                    out[r] += (b - a - 1) * n / total
    return out


def rows(part: list[Any], simp: list[Any]) -> list[dict[str, Any]]:
    """duizhao's reading and g2pM's distribution for each sentence of a part."""
    from duizhao.chinese.g2pm import polyphone_model

    pred = bench.predict_pinyin(part)
    dists = polyphone_model().distributions([(t, [i]) for t, i, _ in simp])
    out = []
    for (_, i, gold), (s, _, _), p, (d,) in zip(part, simp, pred, dists, strict=True):
        best = max(d, key=d.__getitem__)
        out.append({"simp": s, "i": i, "gold": gold, "pred": p, "g2pm": best, "dist": d})
    return out


def _outcome(r: dict[str, Any], best: str) -> str:
    return "fixed" if best == r["gold"] else "broken" if r["pred"] == r["gold"] else "other"


def score_vote(rs: list[dict[str, Any]], index: Index, tau: float, margin: float) -> Counter[str]:
    c: Counter[str] = Counter()
    for r in rs:
        if r["pred"] != r["g2pm"] or r["dist"][r["g2pm"]] >= tau:
            continue
        v = vote(index, r["simp"], r["i"])
        if not v:
            continue
        best, n = v.most_common(1)[0]
        if n / sum(v.values()) < margin or best == r["pred"] or best not in r["dist"]:
            continue
        c[_outcome(r, best)] += 1
    return c


def score_prior(rs: list[dict[str, Any]], index: Index, alpha: float) -> Counter[str]:
    prior: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for (s, k), found in index.items():
        if len(s) == 2:
            prior[s[k]].update(found)
    c: Counter[str] = Counter()
    for r in rs:
        if r["pred"] != r["g2pm"]:
            continue
        shares = prior.get(r["simp"][r["i"]])
        if not shares:
            continue
        total = sum(shares.values()) + len(r["dist"])
        score = {
            x: math.log(max(p, 1e-9)) + alpha * math.log((shares.get(x, 0) + 1) / total)
            for x, p in r["dist"].items()
        }
        best = max(score, key=score.__getitem__)
        if best != r["pred"]:
            c[_outcome(r, best)] += 1
    return c


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    args = parser.parse_args(argv)
    from duizhao.chinese.g2pm import polyphone_model

    simp = bench.load_cpp(args.data, None)
    trad = bench.traditional(simp)
    index = build_index(polyphone_model().candidates)
    tuning = rows(trad[0::2], simp[0::2])
    print(f"phrase index: {len(index):,} keys; tuning half: {len(tuning)} sentences")
    best: tuple[int, float, float] | None = None
    for tau in (0.7, 0.9, 0.99, 0.999, 1.01):
        for margin in (0.5, 0.7, 0.9):
            c = score_vote(tuning, index, tau, margin)
            net = c["fixed"] - c["broken"]
            print(f"  voter, g2pM below {tau}, margin {margin}: {dict(c)} net {net:+d}")
            if best is None or net > best[0]:
                best = (net, tau, margin)
    for alpha in (0.1, 0.3, 0.5, 1.0):
        c = score_prior(tuning, index, alpha)
        print(f"  prior, alpha {alpha}: {dict(c)} net {c['fixed'] - c['broken']:+d}")
    assert best is not None
    held = score_vote(rows(trad[1::2], simp[1::2]), index, best[1], best[2])
    print(f"held-out half, voter at the tuning half's best (tau {best[1]}, margin {best[2]}): "
          f"{dict(held)} net {held['fixed'] - held['broken']:+d}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
