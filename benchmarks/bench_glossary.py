"""Glossary linking: Chinese counterparts, their confidence, English occurrences, speed — each
beside today's finder (the reference checkout of ``benchmarks/baseline.py``) in the same run.

Data (``benchmarks/glossary_data.py``):

* ``glossary-mac-dev`` (``../shared/dev-data``; five novel excerpts, 50 terms, an independent
  annotator's gold): **tuning** = articles 01–03 (the fitting script saw them), **held-out** = 04
  and 05 (never fitted on; their per-term results are not printed unless ``--show-held-out``);
* the hand-made fixtures (``tests/fixtures/glossary``): ``dev`` (fitted on), ``heldout``,
  ``fresh`` and ``classes`` (one article per failure class, written for the tests), ``written8``
  and ``written10`` (written with their gold in rounds 8 and 10, never fitted on; round 10's in
  the genres of the hidden test: a magazine feature, a speech, an academic abstract), and
  ``written12`` (round 12's, in the same genres, 26 terms; never fitted on nor used to choose),
  and ``written14`` (round 13's: an editorial, a magazine feature, an academic abstract, 27
  terms; in the fitting pool from round 14), and ``written15`` (round 14's: a speech, a magazine
  feature, an editorial, 27 terms; in the fitting pool from round 15), and ``written16`` (round
  15's: an editorial, a magazine feature, an academic abstract, 28 terms; in the fitting pool
  from round 17), and ``written17`` (round 16's: a school newsletter notice, a science news
  piece, a court report, 30 terms) and ``written21`` (round 19's second: a museum audio-guide
  text, a cooking column, a letter to the editor, 30 terms), never fitted on nor used to
  choose; their per-term results are not printed unless ``--show-held-out``, like the held-out
  novels'; and ``written18`` (round 17's: a sports report, a restaurant review, a government
  press release, 30 terms; hidden until round 19, in the fitting pool from round 19) and
  ``written20`` (round 19's: a travel blog post, a consumer-advice leaflet, an interview
  transcript, 30 terms; hidden until round 19's second part, in the fitting pool from then);
* the seed editorial: its three glossary terms and its English vocabulary suggestions
  (``seed-vocabulary.gold.json``); never fitted on;
* ``seed-teacher``: the seed's text with 21 more glossary terms, as a Hong Kong English teacher
  would gloss it (round 11); never fitted on.

Both versions run ``python -m duizhao annotate FILE --format json`` (their own alignment, tokens
and English occurrences) and are scored the same way:

* **top-1 / top-3**: the first (first three) ``counterparts`` hold an acceptable answer;
* **failure class** of each wrong top-1, in this order: *no English occurrence*; *none found*;
  *cut inside a word* (it occurs nowhere as whole tokens of the document, nor as a dictionary
  part of a compound token: 集群 in 創新|集群 is whole, 合資 in 合資格 is cut, 牛腩 in 牛腩湯,
  one way only 牛腩 | 湯, is whole); *span too
  short* (inside an acceptable answer); *span too long* (holds one); *wrong place* (CC-CEDICT
  links it to another English word of the aligned sentences); *no English partner* (nothing in
  the English explains it);
* **cut inside a word**, over every top-1, right or wrong: the counterpart occurs nowhere in the
  Chinese as whole tokens (or as a dictionary part of a compound token);
* **confidence**: accuracy of the counterparts shown as certain (above the threshold) and of those
  marked uncertain (today's finder marks nothing: all its counterparts count as certain);
* **English occurrences** P/R: exact spans for glossary-mac-dev (its README), the forms as
  multisets for the fixtures and the seed;
* **paragraph beads** (glossary-mac-dev): articles with every bead right, pooled P/R;
* **vocabulary** (seed): the English suggestions' Chinese, right / marked uncertain / wrong (a
  word whose gold is "no counterpart" is right when it has none or is marked uncertain);
* **speed**: the glossary and vocabulary stages on the seed (``glossary_timing.py``): cold (first
  call in a process) and warm (after another article), CPU seconds, in an environment without the
  BLAS thread variables that ``run_all.py`` sets (as a user's shell is), for this version, for the
  reference checkout as it installs (no ``threadpoolctl``: the encoder's BLAS then runs threaded),
  and for the reference with ``threadpoolctl`` installed (the stricter baseline: most of today's
  cost was the threaded BLAS).

Usage: ``.venv/bin/python benchmarks/bench_glossary.py [--dev DIR] [--no-baseline]
[--show-held-out] [--repeats N]``. Writes ``benchmarks/results/bench_glossary.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import checkout
from glossary_data import DEV, ROOT, Article, dev_folder, fixture_articles, mac_articles
from versions import label_src

SEED = ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
WARMUP = ROOT / "corpus" / "2025-10-06-hong-kong-trams.md"
CLASSES = (
    "no English occurrence", "none found", "cut inside a word", "span too short",
    "span too long", "wrong place", "no English partner",
)  # fmt: skip


# -- running both versions ------------------------------------------------------------------------


#: Variables that cap the BLAS threads; the timings run without them, as a user's shell would.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _env(src: Path, hide: Path | None = None, *, user: bool = False) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not (user and k in _THREAD_VARS)}
    e["PYTHONPATH"] = os.pathsep.join(str(p) for p in (hide, src) if p is not None)
    return e


def annotate_json(src: Path, path: Path) -> dict[str, Any]:
    """``duizhao annotate PATH --format json`` run from ``src``."""
    out = subprocess.run(
        [sys.executable, "-m", "duizhao", "annotate", str(path), "--format", "json", "-q"],
        env=_env(src), capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def timing(src: Path, repeats: int, hide: Path | None = None) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "glossary_timing.py"), str(WARMUP), str(SEED),
         str(repeats)],
        env=_env(src, hide, user=True), capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    data: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


# -- scoring ------------------------------------------------------------------------------------


def _tokens(d: dict[str, Any]) -> list[list[tuple[int, int]]]:
    return [[(t["start"], t["end"]) for t in p.get("tokens", ())] for p in d["zh"]["paragraphs"]]


def _pieces(word: str) -> list[int]:
    """The cut points of a word cut into CC-CEDICT words, longest first (in Simplified)."""
    from duizhao.resources.lexicon import cedict
    from duizhao.text.convert import to_simplified

    d, simp = cedict(), to_simplified(word)
    cuts, i = [0], 0
    while i < len(simp):
        i = next(j for j in range(min(len(simp), i + 8), i, -1) if j == i + 1 or simp[i:j] in d)
        cuts.append(i)
    return cuts


def _two_and_one(word: str) -> int | None:
    """Where the two-character word of a three-character token starts (0 or 1), when the token
    is no CC-CEDICT word and one way only a word of two and a word of one (牛腩湯: 牛腩 | 湯);
    ``None`` otherwise (合資格 is also 合 | 資格)."""
    from duizhao.resources.lexicon import cedict
    from duizhao.text.convert import to_simplified

    d, simp = cedict(), to_simplified(word)
    if simp in d:
        return None
    left = simp[:2] in d and simp[2] in d
    right = simp[0] in d and simp[1:] in d
    return None if left == right else (0 if left else 1)


def _cut(occurrences: list[dict[str, Any]], tokens: list[list[tuple[int, int]]],
         texts: list[str]) -> bool:  # fmt: skip
    """Whether a counterpart is cut inside a word: none of its occurrences in the Chinese is a
    run of whole tokens, or a part of a compound token made of its dictionary words (cut
    longest first) that leaves no single character cut off (集群 in 創新|集群, 最低工資 in
    法定|最|低|工資; never 合資 out of 合資|格), or the word of two of a token of three made one
    way only of a word of two and a word of one (牛腩 in 牛腩|湯, round 20)."""

    def whole(o: dict[str, Any]) -> bool:
        p, a, b = o["paragraph"], o["start"], o["end"]
        for s, e in tokens[p] if p < len(tokens) else ():
            inner = [x for x in (a, b) if s < x < e]
            if not inner:
                continue
            if e - s == 3 and b - a == 2 and _two_and_one(texts[p][s:e]) == a - s:
                continue  # 牛腩 of 牛腩|湯 (round 20)
            cuts = {s + c for c in _pieces(texts[p][s:e])}
            if min(e, b) - max(s, a) < 2:
                return False  # the piece kept is a single character
            for x in inner:
                cut_off = x - s if x == a else e - x
                if x not in cuts or cut_off < 2:
                    return False
        return True

    return bool(occurrences) and not any(whole(o) for o in occurrences)


def _find_all(text: str, texts: list[str]) -> list[dict[str, Any]]:
    out = []
    for p, t in enumerate(texts):
        i = t.find(text)
        while i >= 0:
            out.append({"paragraph": p, "start": i, "end": i + len(text)})
            i = t.find(text, i + 1)
    return out


def _aligned_english(d: dict[str, Any], sentences: set[int]) -> list[str]:
    """The English words of the beads that hold these English sentences."""
    import re

    beads = d.get("alignment", {}).get("sentences", [])
    wanted = {e for b in beads if set(b["en"]) & sentences for e in b["en"]} or sentences
    words: list[str] = []
    n = 0
    for para in d["en"]["paragraphs"]:
        for s in para["sentences"]:
            if n in wanted:
                words += re.findall(r"[A-Za-z][A-Za-z'\-]*", s["text"])
            n += 1
    return words


def _explained_by_other(top: str, words: list[str], term: str) -> bool:
    from duizhao.glossary.dictionary import en_keys, gloss, strength

    term_words = {w.lower() for w in term.replace("-", " ").split()}
    glosses = [gloss(top)] + [
        gloss(top[i:j]) for i in range(len(top)) for j in range(i + 2, len(top) + 1)
    ]
    return any(
        strength(en_keys(w), g) >= 0.5
        for w in words if w.lower() not in term_words for g in glosses if g is not None
    )  # fmt: skip


def failure_class(top: str | None, gold: list[str], entry: dict[str, Any], d: dict[str, Any],
                  term: str) -> str:  # fmt: skip
    en = entry.get("occurrences", {}).get("en", [])
    if not en:
        return "no English occurrence"
    if top is None:
        return "none found"
    texts = [p["text"] for p in d["zh"]["paragraphs"]]
    if _cut(_find_all(top, texts), _tokens(d), texts):
        return "cut inside a word"
    if any(top in g and top != g for g in gold):
        return "span too short"
    if any(g in top for g in gold):
        return "span too long"
    words = _aligned_english(d, {o["sentence"] for o in en})
    return "wrong place" if _explained_by_other(top, words, term) else "no English partner"


def _en_scores(art: Article, term: str, entry: dict[str, Any]) -> tuple[int, int, int]:
    got = entry.get("occurrences", {}).get("en", [])
    gold = art.terms[term]
    if "en_spans" in gold:
        g = {tuple(s) for s in gold["en_spans"]}
        p = {(o["paragraph"], o["start"], o["end"]) for o in got}
        return len(p & g), len(p - g), len(g - p)
    gc, pc = Counter(gold["en"]), Counter(o["text"] for o in got)
    return sum((gc & pc).values()), sum((pc - gc).values()), sum((gc - pc).values())


def _split_nulls(beads: Any) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads as a set, a bead with an empty side split into one bead per unit."""
    out = set()
    for en, zh in beads:
        if en and zh:
            out.add((en, zh))
        else:
            out.update(((i,), ()) for i in en)
            out.update(((), (j,)) for j in zh)
    return out


def score_article(art: Article, d: dict[str, Any]) -> dict[str, Any]:
    """Every figure of one article's annotate JSON."""
    texts = [p["text"] for p in d["zh"]["paragraphs"]]
    entries = {e["term"]: e for e in d["glossary"]}
    terms = []
    for term, gold in art.terms.items():
        e = entries.get(term, {})
        cps = [c["text"] for c in e.get("counterparts", [])]
        top = cps[0] if cps else None
        ok = top in gold["zh"]
        tp, fp, fn = _en_scores(art, term, e)
        terms.append({
            "term": term, "top": top, "ok": ok, "top3": any(c in gold["zh"] for c in cps[:3]),
            "gold": gold["zh"], "confidence": e.get("confidence"),
            "uncertain": bool(e.get("uncertain", False)) and top is not None,
            "cut": bool(top) and _cut(_find_all(top, texts) if top else [], _tokens(d), texts),
            "class": None if ok else failure_class(top, gold["zh"], e, d, term),
            "en": [tp, fp, fn],
        })  # fmt: skip
    out: dict[str, Any] = {"terms": terms}
    if art.paragraph_beads is not None:
        got = [(tuple(b["en"]), tuple(b["zh"])) for b in d["alignment"]["paragraphs"]]
        want = [(tuple(b["en"]), tuple(b["zh"])) for b in art.paragraph_beads]
        out["beads"] = {"exact": got == want, "hit": len(set(got) & set(want)),
                        "pred": len(got), "gold": len(want)}  # fmt: skip
    if art.sentence_beads is not None:
        got_s = _split_nulls((tuple(b["en"]), tuple(b["zh"])) for b in d["alignment"]["sentences"])
        want_s = _split_nulls((tuple(e), tuple(z)) for e, z in art.sentence_beads)
        out["sentence_beads"] = {"hit": len(got_s & want_s), "pred": len(got_s),
                                 "gold": len(want_s)}  # fmt: skip
    if art.vocabulary:
        items = {v["word"]: v for v in d.get("vocabulary", {}).get("en", [])}
        vocab = []
        for word, gold in art.vocabulary.items():
            v = items.get(word)
            if v is None:
                continue
            tr = v.get("translation") or []
            unsure = bool(v.get("uncertain", False)) or not tr
            right = (tr[0] in gold) if tr and gold else (not gold and unsure)
            vocab.append({"word": word, "translation": tr[:1], "gold": gold,
                          "uncertain": unsure, "ok": right})  # fmt: skip
        out["vocabulary"] = vocab
    return out


def summarise(scored: list[dict[str, Any]]) -> dict[str, Any]:
    terms = [t for s in scored for t in s["terms"]]
    n = len(terms)
    sure = [t for t in terms if t["top"] is not None and not t["uncertain"]]
    unsure = [t for t in terms if t["uncertain"]]
    tp = sum(t["en"][0] for t in terms)
    fp = sum(t["en"][1] for t in terms)
    fn = sum(t["en"][2] for t in terms)
    out: dict[str, Any] = {
        "terms": n,
        "top1": sum(t["ok"] for t in terms) / n if n else 0.0,
        "top1_right": sum(t["ok"] for t in terms),
        "top3": sum(t["top3"] for t in terms) / n if n else 0.0,
        "cut_inside_a_word": sum(t["cut"] for t in terms),
        "classes": dict(Counter(t["class"] for t in terms if t["class"])),
        "certain": {"n": len(sure), "right": sum(t["ok"] for t in sure)},
        "uncertain": {"n": len(unsure), "right": sum(t["ok"] for t in unsure)},
        "en_precision": tp / (tp + fp) if tp + fp else 1.0,
        "en_recall": tp / (tp + fn) if tp + fn else 1.0,
    }
    beads = [s["beads"] for s in scored if "beads" in s]
    if beads:
        out["beads"] = {
            "articles_exact": sum(b["exact"] for b in beads), "articles": len(beads),
            "precision": sum(b["hit"] for b in beads) / max(1, sum(b["pred"] for b in beads)),
            "recall": sum(b["hit"] for b in beads) / max(1, sum(b["gold"] for b in beads)),
        }  # fmt: skip
    sent = [s["sentence_beads"] for s in scored if "sentence_beads" in s]
    if sent:
        hit = sum(b["hit"] for b in sent)
        out["sentence_bead_f1"] = 2 * hit / max(1, sum(b["pred"] + b["gold"] for b in sent))
    vocab = [v for s in scored for v in s.get("vocabulary", [])]
    if vocab:
        sure_v = [v for v in vocab if not v["uncertain"]]
        out["vocabulary"] = {
            "words": len(vocab), "right": sum(v["ok"] for v in vocab),
            "certain": {"n": len(sure_v), "right": sum(v["ok"] for v in sure_v)},
            "uncertain": {"n": len(vocab) - len(sure_v),
                          "right": sum(v["ok"] for v in vocab if v["uncertain"])},
        }  # fmt: skip
    return out


#: The sets whose per-term results are never printed nor written unless asked
#: (``--show-held-out``): glossary-mac-dev 04–05 and the check sets written in rounds 16 and 20
#: (round 17's ``written18`` is in the fitting pool from round 19, round 19's first,
#: ``written20``, from round 19's second part, its second, ``written21``, from round 20).
HIDDEN_SPLITS = ("held-out", "written17", "written22")
HIDDEN_PREFIXES = (
    "mac/04", "mac/05", "fixtures/written17", "fixtures/written22",
)  # fmt: skip

GROUPS = {
    "glossary-mac-dev, tuning (01–03)": lambda a: a.group == "mac" and a.split == "tuning",
    "glossary-mac-dev, held-out (04–05)": lambda a: a.group == "mac" and a.split == "held-out",
    "glossary-mac-dev, all": lambda a: a.group == "mac",
    "fixtures, dev (fitted on)": lambda a: a.group == "fixtures" and a.split == "dev",
    "fixtures, heldout": lambda a: a.group == "fixtures" and a.split == "heldout",
    "fixtures, fresh": lambda a: a.group == "fixtures" and a.split == "fresh",
    "fixtures, failure classes": lambda a: a.group == "fixtures" and a.split == "classes",
    "fixtures, written in round 8": lambda a: a.group == "fixtures" and a.split == "written8",
    "fixtures, written in round 10": lambda a: a.group == "fixtures" and a.split == "written10",
    "fixtures, written in round 12": lambda a: a.group == "fixtures" and a.split == "written12",
    "fixtures, written in round 13": lambda a: a.group == "fixtures" and a.split == "written14",
    "fixtures, written in round 14": lambda a: a.group == "fixtures" and a.split == "written15",
    "fixtures, written in round 15": lambda a: a.group == "fixtures" and a.split == "written16",
    "fixtures, written in round 16": lambda a: a.group == "fixtures" and a.split == "written17",
    "fixtures, written in round 17": lambda a: a.group == "fixtures" and a.split == "written18",
    "fixtures, written in round 18": lambda a: a.group == "fixtures" and a.split == "written19",
    "fixtures, written in round 19": lambda a: a.group == "fixtures" and a.split == "written20",
    "fixtures, written in round 19, second check set": (
        lambda a: a.group == "fixtures" and a.split == "written21"
    ),
    "fixtures, written in round 20, check set": (
        lambda a: a.group == "fixtures" and a.split == "written22"
    ),
    "seed": lambda a: a.group == "seed",
    "seed-teacher (the seed, 24 terms)": lambda a: a.split == "seed-teacher",
}


def _pct(right: int, n: int) -> str:
    return f"{right}/{n} = {right / n:.3f}" if n else "—"


def report(results: dict[str, dict[str, Any]], versions: list[str]) -> None:
    for group in GROUPS:
        rows = {v: results[v].get(group) for v in versions}
        if not any(rows.values()):
            continue
        print(f"\n== {group} ==")
        print(f"{'':34}" + "".join(f"{v:>34}" for v in versions))

        def line(label: str, get: Any, rows: dict[str, Any] = rows) -> None:
            cells = []
            for v in versions:
                r = rows[v]
                try:
                    cells.append(get(r) if r else "—")
                except (KeyError, ZeroDivisionError):
                    cells.append("—")
            print(f"{label:34}" + "".join(f"{c:>34}" for c in cells))

        line("terms", lambda r: str(r["terms"]))
        line("top-1", lambda r: _pct(r["top1_right"], r["terms"]))
        line("top-3", lambda r: f"{r['top3']:.3f}")
        line("top-1 cut inside a word", lambda r: str(r["cut_inside_a_word"]))
        line("shown as certain: right", lambda r: _pct(r["certain"]["right"], r["certain"]["n"]))
        line("marked uncertain: right",
             lambda r: _pct(r["uncertain"]["right"], r["uncertain"]["n"]))  # fmt: skip
        line("English occurrences P / R",
             lambda r: f"{r['en_precision']:.3f} / {r['en_recall']:.3f}")  # fmt: skip
        for c in CLASSES:
            line(f"  wrong: {c}", lambda r, c=c: str(r["classes"].get(c, 0)))
        line("paragraph beads exact / P / R",
             lambda r: f"{r['beads']['articles_exact']}/{r['beads']['articles']}"
             f" / {r['beads']['precision']:.3f} / {r['beads']['recall']:.3f}")  # fmt: skip
        line("aligner: strict sentence bead F1", lambda r: f"{r['sentence_bead_f1']:.3f}")
        line("vocabulary: right (all)",
             lambda r: _pct(r["vocabulary"]["right"], r["vocabulary"]["words"]))  # fmt: skip
        line("vocabulary: certain, right",
             lambda r: _pct(r["vocabulary"]["certain"]["right"], r["vocabulary"]["certain"]["n"]))
        line("vocabulary: uncertain, right", lambda r: _pct(
            r["vocabulary"]["uncertain"]["right"], r["vocabulary"]["uncertain"]["n"]))


def markdown(data: dict[str, Any]) -> str:
    """The figures as a Markdown table (docs/glossary.md copies it)."""
    versions = data["versions"]
    me = versions[0]
    base = versions[1] if len(versions) > 1 else None
    out = ["| set | terms | top-1 | top-3 | shown as certain: right | marked uncertain: right "
           "| English P / R | top-1 cut inside a word |", "|---|---:|---|---|---|---|---|---|"]

    def cell(r: dict[str, Any] | None, get: Any) -> str:
        try:
            return get(r) if r else "—"
        except (KeyError, ZeroDivisionError):
            return "—"

    for group, r in data["sets"][me].items():
        b = data["sets"][base].get(group) if base else None

        def both(get: Any, r: dict[str, Any] = r, b: dict[str, Any] | None = b) -> str:
            return f"{cell(r, get)} ({cell(b, get)})" if base else cell(r, get)

        out.append("| " + " | ".join([
            group, str(r["terms"]),
            both(lambda x: f"{x['top1']:.3f}"), both(lambda x: f"{x['top3']:.3f}"),
            both(lambda x: f"{x['certain']['right']}/{x['certain']['n']}"),
            cell(r, lambda x: f"{x['uncertain']['right']}/{x['uncertain']['n']}"),
            both(lambda x: f"{x['en_precision']:.3f} / {x['en_recall']:.3f}"),
            both(lambda x: str(x["cut_inside_a_word"])),
        ]) + " |")  # fmt: skip
    out.append("")
    out.append("In brackets: today's finder (2bd8588) in the same run; it marks nothing uncertain.")
    seed = data["sets"][me].get("seed", {})
    if "vocabulary" in seed:
        v = seed["vocabulary"]
        bv = data["sets"][base]["seed"].get("vocabulary") if base else None
        line = (f"Seed English vocabulary ({v['words']} words): right {v['right']}, shown as "
                f"certain {v['certain']['n']} (right {v['certain']['right']}), marked uncertain "
                f"{v['uncertain']['n']} (right {v['uncertain']['right']})")  # fmt: skip
        if bv:
            line += (f"; today: right {bv['right']}, shown as certain {bv['certain']['n']} "
                     f"(right {bv['certain']['right']})")  # fmt: skip
        out.append("")
        out.append(line + ".")
    speed = data.get("speed", {})
    if speed:
        out += ["", "| glossary + vocabulary stages, seed, CPU | cold | warm | warm speed-up |",
                "|---|---|---|---|"]  # fmt: skip
        for name, s in speed.items():
            up = f"{s['warm_speedup']:.1f}×" if "warm_speedup" in s else ""
            out.append(f"| {name} | {s['cold_cpu_s']:.2f} s | {s['warm_cpu_s'] * 1000:.0f} ms "
                       f"| {up} |")  # fmt: skip
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=None,
                    help=f"the glossary-mac-dev folder (default: {DEV})")  # fmt: skip
    ap.add_argument("--no-baseline", action="store_true", help="skip today's finder")
    ap.add_argument("--show-held-out", action="store_true",
                    help="print the held-out articles' per-term results too")  # fmt: skip
    ap.add_argument("--repeats", type=int, default=7, help="warm timing repetitions")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--compare", action="append", default=[], metavar="LABEL=SRC", type=label_src,
                    help="another version's src folder to score and time beside this one "
                    "(e.g. an earlier commit unpacked with git archive)")  # fmt: skip
    ap.add_argument("--markdown-only", action="store_true",
                    help="only rewrite bench_glossary.md from the last bench_glossary.json")
    args = ap.parse_args(argv)
    results_dir = ROOT / "benchmarks" / "results"
    if args.markdown_only:
        data = json.loads((results_dir / "bench_glossary.json").read_text(encoding="utf-8"))
        (results_dir / "bench_glossary.md").write_text(markdown(data), encoding="utf-8")
        return 0
    t0 = time.perf_counter()
    articles = fixture_articles() + mac_articles(dev_folder(args.dev))
    versions = {"duizhao": ROOT / "src"}
    if not args.no_baseline:
        ref = checkout()
        if ref is None:
            print("note: no git history here, so no baseline (today's finder)")
        else:
            versions["today (2bd8588)"] = ref / "src"
    for label, src in args.compare:
        versions[label] = src
    results: dict[str, dict[str, Any]] = {}
    per_term: dict[str, dict[str, Any]] = {}
    for name, src in versions.items():
        scored = {}
        for art in articles:
            scored[art.name] = score_article(art, annotate_json(src, art.path))
        per_term[name] = scored
        results[name] = {
            group: summarise([scored[a.name] for a in articles if pick(a)])
            for group, pick in GROUPS.items()
            if any(pick(a) for a in articles)
        }
    report(results, list(versions))
    # per-term misses, never for the held-out articles unless asked
    print("\nWrong top-1 (held-out articles left out):" if not args.show_held_out else "\nWrong:")
    for art in articles:
        if art.split in HIDDEN_SPLITS and not args.show_held_out:
            continue
        for t in per_term["duizhao"][art.name]["terms"]:
            if not t["ok"]:
                flag = " (marked uncertain)" if t["uncertain"] else ""
                print(f"  {art.name}: {t['term']} → {t['top']} [{t['class']}]{flag}; "
                      f"want {'/'.join(t['gold'])}")  # fmt: skip
        for v in per_term["duizhao"][art.name].get("vocabulary", []):
            if not v["ok"] or v["uncertain"]:
                state = "right" if v["ok"] else "wrong"
                flag = "uncertain" if v["uncertain"] else "certain"
                print(f"  {art.name} vocabulary: {v['word']} → {v['translation']} "
                      f"({state}, {flag}); want {v['gold'] or 'none'}")  # fmt: skip
    speed: dict[str, Any] = {}
    if not args.no_speed:
        hide = Path(tempfile.mkdtemp(prefix="no-threadpoolctl-"))
        (hide / "threadpoolctl.py").write_text(
            'raise ImportError("the reference install has no threadpoolctl")\n', encoding="utf-8"
        )
        runs = {"duizhao": (ROOT / "src", None)}
        if "today (2bd8588)" in versions:
            ref_src = versions["today (2bd8588)"]
            runs["today, as installed (no threadpoolctl)"] = (ref_src, hide)
            runs["today, with threadpoolctl"] = (ref_src, None)
        for label, src in args.compare:
            runs[label] = (src, None)
        print("\n== speed: glossary + vocabulary stages on the seed, CPU seconds ==")
        for name, (src, hidden) in runs.items():
            speed[name] = timing(src, args.repeats, hidden)
            s = speed[name]
            print(f"  {name:42} cold {s['cold_cpu_s']:.3f} s   warm {s['warm_cpu_s']:.3f} s"
                  f"   (wall: cold {s['cold_wall_s']:.3f}, "
                  f"warm {s['warm_wall_s']:.3f})")  # fmt: skip
        if len(speed) > 1:
            me = speed["duizhao"]["warm_cpu_s"]
            for name in list(speed)[1:]:
                ratio = speed[name]["warm_cpu_s"] / me
                print(f"  warm speed-up against {name}: {ratio:.1f}×")
                speed[name]["warm_speedup"] = ratio
    seconds = time.perf_counter() - t0
    print(f"\nseconds (everything): {seconds:.0f}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    hidden_terms = {
        v: {a: s for a, s in per.items() if not a.startswith(HIDDEN_PREFIXES)}
        for v, per in per_term.items()
    }  # fmt: skip
    data = {"versions": list(versions), "sets": results, "speed": speed,
            "per_article": hidden_terms, "seconds": seconds}  # fmt: skip
    (out / "bench_glossary.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (out / "bench_glossary.md").write_text(markdown(data), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
