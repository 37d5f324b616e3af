"""Round 18's pinyin variants (issue 15), each against main's romaniser on the CPP dev halves.

Usage::

    .venv/bin/python benchmarks/try_round18.py [DEV_DATA] [--held-out] [--only NAME ...]
    .venv/bin/python benchmarks/try_round18.py [DEV_DATA] --other NAME

Variants (every choice made on the **tuning** half; ``--held-out`` scores the other half too,
which round 18 did once, for the variants that gained on the tuning half):

* ``cedict-words-W`` (idea c of the brief): the segmenter's word of two characters or more that
  pypinyin's phrase data and ``large_pinyin`` lack, but CC-CEDICT lists with one reading (all
  its entries alike, no neutral tone on the character), gives that reading to each of its
  polyphones outside every phrase, weighed against g2pM like a phrase (``W`` nats; ``inf``: it
  always stands); ``-common`` leaves out CC-CEDICT's proper names (capitalised pinyin);
* ``radius-R``: the polyphone model reads a character in at most ``R`` characters either side
  of it (main: 40), ``clause``: the context also ends at a comma;
* ``tta-A`` / ``ttawR-A``: g2pM's log-probabilities averaged (weight ``A`` for the second) over
  the sentence and the clause between commas around the character (``ttawR``: ``R`` characters
  either side of it), test-time augmentation;
* ``huan-nouns``, ``huan-persons`` (idea b): 还 alone before a noun (or a personal pronoun) is
  the verb *huán* "to return"; ``li-particle``: 哩 alone ending a clause is the particle *li*;
* ``mix-in-word``, ``mix-any``: the 738 pinyin phrases of the ``g2p-mix`` wheel (Apache-2.0;
  not a dependency: give the path of its ``g2p_mix/dict/phrases.txt`` in ``$G2P_MIX_PHRASES``)
  read their characters inside one segmenter word, or anywhere in the sentence.

Each row: accuracy, sentences right, and the sentences fixed and broken against main. ``--other``
prints every reading a variant changes on the text of the CityU and AS dev sets (no pinyin gold:
read by hand).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_chinese as bench


@lru_cache(maxsize=1 << 16)
def cedict_word(simp: str, common_only: bool) -> tuple[str, ...] | None:
    """CC-CEDICT's one reading of a word (tone marks), ``None`` where it lacks the word, gives
    it several readings, or a syllable per character is missing."""
    from duizhao.chinese.cedict_readings import unify
    from duizhao.chinese.pinyin import to_tone_marks
    from duizhao.resources.lexicon import cedict

    found = {
        tuple(unify(s) for s in e.pinyin.split())
        for e in cedict().lookup(simp)
        if e.simplified == simp and not (common_only and e.pinyin[:1].isupper())
    }
    found = {f for f in found if len(f) == len(simp)}
    if len(found) != 1:
        return None
    syl = found.pop()
    if any(s[-1:] not in "1234" for s in syl):  # neutral tones and erhua: not a reading to force
        return None
    return tuple(to_tone_marks(s) for s in syl)


#: The romaniser module's context function before a variant replaced it.
_ORIGINAL: dict[str, Any] = {}


def make_romaniser(variant: str) -> Any:
    """A :class:`~duizhao.chinese.pinyin.PinyinRomaniser` (subclass) for the variant's name."""
    from duizhao.chinese import pinyin as pm
    from duizhao.chinese import polyphone_context as pc
    from duizhao.chinese.g2pm import polyphone_model

    # undo what the last variant replaced (the model's distributions, the context functions)
    if "distributions" in _ORIGINAL:
        polyphone_model().distributions = _ORIGINAL["distributions"]
    pm._contexts = _ORIGINAL.setdefault("contexts", pm._contexts)
    pc._SENTENCE_END_RE = _ORIGINAL.setdefault("sentence_end", pc._SENTENCE_END_RE)

    if variant == "main":
        return pm.PinyinRomaniser()
    if variant.startswith("cedict-words-"):
        rest = variant.removeprefix("cedict-words-")
        common_only = rest.endswith("-common")
        weight = float(rest.removesuffix("-common"))

        class CedictWords(pm.PinyinRomaniser):
            def _read_word(self, simp: str, text: str, phrases: Any, cands: Any) -> Any:
                readings, ambiguous, covered = super()._read_word(simp, text, phrases, cands)
                if len(simp) < 2 or phrases.get(simp) is not None:
                    return readings, ambiguous, covered
                said = cedict_word(simp, common_only)
                if said is None:
                    return readings, ambiguous, covered
                readings = list(readings)
                covered = dict(covered)
                for k in list(ambiguous):
                    if k in covered or simp[k] not in cands:
                        continue
                    readings[k] = said[k]
                    if weight == math.inf:
                        ambiguous.remove(k)
                    else:
                        covered[k] = weight
                return readings, ambiguous, covered

        return CedictWords()
    if variant.startswith("radius-") or variant == "clause":
        import re

        radius = int(variant.removeprefix("radius-")) if variant != "clause" else 40
        if variant == "clause":
            pc._SENTENCE_END_RE = re.compile(r"[。！？!?；;，,\n]")

        real = _ORIGINAL["contexts"]

        def contexts(text: str, positions: Sequence[int], r: int = 40) -> Any:
            return real(text, positions, radius)

        pm._contexts = contexts
        return pm.PinyinRomaniser()
    if variant.startswith(("tta-", "ttaw")):
        # g2pM's log-probabilities averaged over the sentence and the clause around the
        # character (weight ALPHA for the clause)
        import re

        from duizhao.chinese.g2pm import polyphone_model

        # ttawR-ALPHA: the second context is R characters either side of the character
        window = int(variant[4:].split("-")[0]) if variant.startswith("ttaw") else 0
        alpha = float(variant.split("-")[1])
        model = polyphone_model()
        real = _ORIGINAL.setdefault("distributions", model.distributions)
        comma = re.compile(r"[，,、：:（）()]")

        def distributions(queries: Sequence[tuple[str, Sequence[int]]]) -> Any:
            full = real(queries)
            subs = []
            for text, positions in queries:
                for k in positions:
                    if window:
                        a, b = max(0, k - window), min(len(text), k + window + 1)
                    else:
                        a = max((m.end() for m in comma.finditer(text, 0, k)), default=0)
                        m = comma.search(text, k + 1)
                        b = m.start() if m else len(text)
                    subs.append((text[a:b], [k - a]))
            part = iter(real(subs))
            out = []
            for dists in full:
                row = []
                for dist in dists:
                    other = next(part)[0]
                    mixed = {r: math.exp((1 - alpha) * math.log(max(p, 1e-12))
                                         + alpha * math.log(max(other.get(r, 0.0), 1e-12)))
                             for r, p in dist.items()}  # fmt: skip
                    total = sum(mixed.values())
                    row.append({r: p / total for r, p in mixed.items()})
                out.append(row)
            return out

        romaniser = pm.PinyinRomaniser()
        model.distributions = distributions
        return romaniser
    if variant in RULES:
        rule = RULES[variant]

        class Ruled(pm.PinyinRomaniser):
            def romanise_many(self, items: Any) -> Any:
                out = super().romanise_many(items)
                for (_text, simp, words), readings in zip(items, out, strict=True):
                    rule(simp, list(words), readings)
                return out

        return Ruled()
    raise SystemExit(f"unknown variant {variant}")


_NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "nrfg"})
_PERSONS = frozenset({"我", "你", "他", "她", "它", "我们", "你们", "他们", "她们", "本国"})
_CLAUSE_END = frozenset("，。；：？！、,;:?!」』）)”\n")


def huan(simp: str, words: list[tuple[int, int]], readings: list[Any], persons: bool) -> None:
    """还 standing alone before a noun (or a personal pronoun) is the verb huán "to return"
    (永 还 本国, 还 他 清白): the adverb hái modifies a predicate, not a noun."""
    from duizhao.chinese.polyphones import _tag

    for n, (a, b) in enumerate(words[:-1]):
        if simp[a:b] != "还" or words[n + 1][0] != b:
            continue
        nxt = simp[words[n + 1][0] : words[n + 1][1]]
        if _tag(nxt) in _NOUN_TAGS or (persons and nxt in _PERSONS):
            readings[a] = "huán"


def li_particle(simp: str, words: list[tuple[int, int]], readings: list[Any]) -> None:
    """哩 alone ending a clause after a Han character is the sentence particle li (做 哩 ！)."""
    for a, b in words:
        if (
            simp[a:b] == "哩"
            and a
            and "\u4e00" <= simp[a - 1] <= "\u9fff"
            and (b == len(simp) or simp[b] in _CLAUSE_END)
        ):
            readings[a] = "li"


@lru_cache(maxsize=1)
def mix_phrases() -> dict[str, tuple[str, ...]]:
    """The pinyin phrases of ``g2p-mix`` (Apache-2.0; a file given on $G2P_MIX_PHRASES)."""
    import os

    from duizhao.chinese.pinyin import to_tone_marks

    out = {}
    for line in Path(os.environ["G2P_MIX_PHRASES"]).read_text("utf-8").splitlines():
        word, _, syl = line.strip().partition(" ")
        if word and len(syl.split()) == len(word):
            out[word] = tuple(to_tone_marks(x) for x in syl.split())
    return out


def mix(simp: str, words: list[tuple[int, int]], readings: list[Any], in_word: bool) -> None:
    """Every ``g2p-mix`` phrase in the sentence (inside one segmenter word: ``in_word``) reads
    its characters (longest first)."""
    phrases = mix_phrases()
    sizes = sorted({len(w) for w in phrases}, reverse=True)
    done = [False] * len(simp)
    edges = {a for a, _ in words} | {b for _, b in words}
    for size in sizes:
        for a in range(len(simp) - size + 1):
            said = phrases.get(simp[a : a + size])
            if said is None or any(done[a : a + size]):
                continue
            if in_word and any(x in edges for x in range(a + 1, a + size)):
                continue
            readings[a : a + size] = said
            done[a : a + size] = [True] * size


RULES: dict[str, Callable[[str, list[tuple[int, int]], list[Any]], None]] = {
    "huan-nouns": lambda s, w, r: huan(s, w, r, False),
    "huan-persons": lambda s, w, r: huan(s, w, r, True),
    "li-particle": li_particle,
    "mix-in-word": lambda s, w, r: mix(s, w, r, True),
    "mix-any": lambda s, w, r: mix(s, w, r, False),
}


VARIANTS = [
    "cedict-words-inf", "cedict-words-8", "cedict-words-5", "cedict-words-3",
    "cedict-words-inf-common", "cedict-words-5-common",
    "radius-20", "radius-80", "clause", "huan-nouns", "huan-persons", "li-particle",
]  # fmt: skip


def score(
    parts: dict[str, Any], inputs: dict[str, Any], romaniser: Any, name: str
) -> list[str | None]:
    out = romaniser.romanise_many(inputs[name])
    return [bench.tone3(r[i]) for r, (_, i, _) in zip(out, parts[name], strict=True)]


def other_text(data: Path, variant: str) -> int:
    """Every reading ``variant`` changes on the CityU and AS dev text, in its sentence."""
    texts = ["".join(w) for name in ("cityu", "as") for w in bench.load_seg(data, name, None)]
    inputs = bench.romaniser_inputs(texts, batch=bench.ARTICLE_LINES)
    before = make_romaniser("main").romanise_many(inputs)
    after = make_romaniser(variant).romanise_many(inputs)
    bench.print_changed_readings(inputs, before, after, sum(map(len, texts)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--held-out", action="store_true", help="also score the held-out half")
    parser.add_argument("--only", nargs="*", help="variants to run")
    parser.add_argument("--other", metavar="VARIANT", help="readings changed on CityU/AS text")
    parser.add_argument("--show", action="store_true", help="print the tuning items changed")
    args = parser.parse_args(argv)
    if args.other:
        return other_text(args.data, args.other)
    bench.memoised_polyphone_model()
    items = bench.traditional(bench.load_cpp(args.data, None))
    parts = bench.split(items, "alternate")
    names = ["tuning", "held-out"] if args.held_out else ["tuning"]
    inputs = {n: bench.romaniser_inputs([t for t, _, _ in parts[n]]) for n in names}
    base = {n: score(parts, inputs, make_romaniser("main"), n) for n in names}
    for n in names:
        hits = sum(p == g for p, (_, _, g) in zip(base[n], parts[n], strict=True))
        print(f"main {n} {100 * hits / len(parts[n]):.2f} % ({hits} of {len(parts[n])})")
    show: Callable[[str], None] = print if args.show else (lambda _s: None)
    for variant in args.only or VARIANTS:
        row = []
        for n in names:
            pred = score(parts, inputs, make_romaniser(variant), n)
            gold = [g for _, _, g in parts[n]]
            hits = sum(p == g for p, g in zip(pred, gold, strict=True))
            fixed = broken = 0
            for p, q, (t, i, g) in zip(pred, base[n], parts[n], strict=True):
                if p == q:
                    continue
                fixed += p == g
                broken += q == g
                if n == "tuning":
                    verdict = "fixed" if p == g else "broken" if q == g else "neither"
                    show(f"  {verdict}: {t[max(0, i - 6):i]}[{t[i]}]{t[i + 1:i + 7]} {q} -> {p}"
                         f" (gold {g})")  # fmt: skip
            row.append(f"{n} {100 * hits / len(gold):.2f} % ({hits}; +{fixed} -{broken})")
        print(f"{variant:<28} " + "   ".join(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
