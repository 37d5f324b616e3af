"""Glossary linking benchmark on a SMALL HAND-MADE set (not an independent test set).

The articles under ``tests/fixtures/glossary/`` were written for this project (English, Traditional
Chinese and a glossary each); the seed editorial is added with a hand-made alignment. Each
``*.gold.json`` holds the sentence alignment, the forms of each term in the English text and the
acceptable Chinese counterparts, and says which set the article belongs to:

* ``dev``: looked at while the linker was developed and tuned (figures are optimistic);
* ``heldout``: written before the last round of tuning and only scored, never tuned on. Still
  written by the same person as the linker, so they are no substitute for real held-back
  editorial glossaries.
* ``fresh``: the three articles written last (minimum wage, waste charging, water); scored, but
  the linker's last change (long tokens looked at in their dictionary words) was made after they
  were written, so they are not strictly unseen either.

Measured, per set:
* English occurrences: precision and recall of the found forms (per term, as multisets);
* the aligner's strict sentence bead F1 against the gold alignment (null beads counted one
  unit each);
* Chinese counterpart top-1 accuracy with the gold alignment, for the default finder and for two
  baselines measured in the same run (no multilingual encoder; CC-CEDICT only), and for the
  default finder on the aligner's own alignment (``duizhao.align.align_document``).

Usage: ``.venv/bin/python benchmarks/bench_glossary.py [FIXTURE_DIR]`` (there is no glossary set
in ../shared/dev-data, so the default is the fixture directory). Writes
``benchmarks/results/bench_glossary.json``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from duizhao.glossary import CounterpartFinder, LinkContext, find_term, term_forms
from duizhao.model import Alignment, Bead, Document
from duizhao.reader import read

ROOT = Path(__file__).resolve().parent.parent


def load(gold_path: Path) -> tuple[Document, dict[str, Any]]:
    """A fixture article with its gold alignment, and its gold answers."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if "path" in gold:
        text = gold_path.parent / gold["path"]
    else:
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    doc = read(text)
    beads = tuple(Bead(en=tuple(e), zh=tuple(z), score=1.0) for e, z in gold["beads"])
    return replace(doc, alignment=Alignment(sentences=beads)), gold


def _split_nulls(beads: Any) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads as a set, a bead with an empty side split into one bead per unit (a run of
    untranslated sentences is the same alignment however it is grouped)."""
    out = set()
    for en, zh in beads:
        if en and zh:
            out.add((en, zh))
        else:
            out.update(((i,), ()) for i in en)
            out.update(((), (j,)) for j in zh)
    return out


def main(argv: list[str]) -> int:
    from duizhao.align import align_document
    from duizhao.chinese import annotate_document

    fixtures = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "fixtures" / "glossary"
    finders = {
        "default": CounterpartFinder.default(),
        "no encoder (baseline)": CounterpartFinder(similarity=None),
        "CC-CEDICT only (baseline)": CounterpartFinder(
            similarity=None, weights=(("dictionary", 1.0), ("length", -0.01))
        ),
    }
    runs = [*finders, "default, own alignment"]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for gold_path in sorted(fixtures.glob("*.gold.json")):
        gold_doc, gold = load(gold_path)
        gold_doc = annotate_document(gold_doc)
        own_doc = align_document(replace(gold_doc, alignment=None))
        part = gold.get("set", "dev")
        c = counts[part]
        # the aligner on these editorial-style articles: strict sentence bead F1 against gold
        assert own_doc.alignment is not None
        want_beads = _split_nulls((tuple(e), tuple(z)) for e, z in gold["beads"])
        got_beads = _split_nulls((b.en, b.zh) for b in own_doc.alignment.sentences)
        c["beads_hit"] += len(want_beads & got_beads)
        c["beads_gold"] += len(want_beads)
        c["beads_pred"] += len(got_beads)
        contexts = {name: LinkContext() for name in runs}
        entries = {e.term: e for e in gold_doc.glossary}
        for term, want in gold["terms"].items():
            entry = entries[term]
            occ = find_term(term, gold_doc, pos=entry.pos, definition=entry.definition)
            got = Counter(o.text for o in occ)
            exp = Counter(want["en"])
            c["tp"] += sum((got & exp).values())
            c["fp"] += sum((got - exp).values())
            c["fn"] += sum((exp - got).values())
            forms = term_forms(term, pos=entry.pos, definition=entry.definition)
            c["terms"] += 1
            for name in runs:
                finder = finders.get(name, finders["default"])
                doc = own_doc if name == "default, own alignment" else gold_doc
                ranked = finder.rank(
                    doc, term, forms, occ, definition=entry.definition, context=contexts[name]
                )
                top = ranked[0].text if ranked else None
                ok = top in want["zh"]
                c[name] += ok
                if not ok and name == "default":
                    errors.append(
                        {
                            "set": part,
                            "article": gold_path.name.removesuffix(".gold.json"),
                            "term": term,
                            "got": top,
                            "want": want["zh"],
                        }
                    )
    seconds = time.perf_counter() - t0
    print("Glossary linking — SMALL HAND-MADE set (tests/fixtures/glossary); dev = tuned on,")
    print("heldout = only scored. Written by the developer: not a substitute for real glossaries.")
    parts = sorted(counts)
    print(f"{'measure':<44}" + "".join(f"{p:>10}" for p in parts))
    print(f"{'terms':<44}" + "".join(f"{counts[p]['terms']:>10}" for p in parts))
    results: dict[str, Any] = {}
    for p in parts:
        c = counts[p]
        results[p] = {
            "terms": c["terms"],
            "en_precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
            "en_recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
            "top1": {name: c[name] / c["terms"] for name in runs},
            "align_sentence_f1": 2 * c["beads_hit"] / (c["beads_gold"] + c["beads_pred"]),
            "articles_beads": c["beads_gold"],
        }
    rows = [
        ("English occurrences precision", lambda r: r["en_precision"]),
        ("English occurrences recall", lambda r: r["en_recall"]),
    ]
    rows += [(f"top-1, {name}", lambda r, n=name: r["top1"][n]) for name in runs]
    rows += [("aligner: strict sentence bead F1", lambda r: r["align_sentence_f1"])]
    for label, get in rows:
        print(f"{label:<44}" + "".join(f"{get(results[p]):>10.3f}" for p in parts))
    print(f"{'seconds (everything)':<44}{seconds:>10.1f}")
    for e in errors:
        print(
            f"  miss ({e['set']}): {e['article']}: {e['term']} → {e['got']}"
            f" (want {'/'.join(e['want'])})"
        )
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_glossary.json").write_text(
        json.dumps(
            {"sets": results, "errors": errors, "seconds": seconds}, ensure_ascii=False, indent=1
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
