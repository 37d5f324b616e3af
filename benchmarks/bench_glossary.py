"""Glossary linking benchmark on a SMALL HAND-MADE set (not an independent test set).

The articles under ``tests/fixtures/glossary/`` were written for this project (English, Traditional
Chinese and a glossary each), plus the seed editorial; each has a ``*.gold.json`` with the
hand-made sentence alignment, the forms of each term in the English text and the acceptable
Chinese counterparts. The set was also used while developing the linker, so the figures are
optimistic: they show regressions, not the quality on unseen editorials.

Measured:
* English occurrences: precision and recall of the found forms (per term, as multisets);
* Chinese counterpart top-1 accuracy, with the gold alignment, for the default finder and for
  two baselines measured in the same run (dictionary only; no multilingual encoder).

Usage: ``.venv/bin/python benchmarks/bench_glossary.py [FIXTURE_DIR]`` (the dev-data path is not
used: there is no glossary set in ../shared/dev-data). Writes
``benchmarks/results/bench_glossary.json``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from duizhao.glossary import CounterpartFinder, find_term, term_forms
from duizhao.model import Alignment, Bead, Document
from duizhao.reader import read

ROOT = Path(__file__).resolve().parent.parent


def load(gold_path: Path) -> tuple[Document, dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (
        (gold_path.parent / gold["path"])
        if "path" in gold
        else gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    )
    doc = read(text)
    beads = tuple(Bead(en=tuple(e), zh=tuple(z), score=1.0) for e, z in gold["beads"])
    return replace(doc, alignment=Alignment(sentences=beads)), gold


def main(argv: list[str]) -> int:
    fixtures = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "fixtures" / "glossary"
    finders = {
        "default (dict+encoder+context)": CounterpartFinder.default(),
        "no encoder": CounterpartFinder(similarity=None),
        "dictionary only": CounterpartFinder(
            similarity=None, weights=(("dictionary", 1.0), ("length", -0.01))
        ),
    }
    tp = fp = fn = 0
    correct = Counter()
    n_terms = 0
    errors: list[dict] = []
    t0 = time.perf_counter()
    for gold_path in sorted(fixtures.glob("*.gold.json")):
        doc, gold = load(gold_path)
        contexts: dict[str, dict] = {name: {} for name in finders}
        entries = {e.term: e for e in doc.glossary}
        for term, want in gold["terms"].items():
            entry = entries[term]
            occ = find_term(term, doc, pos=entry.pos, definition=entry.definition)
            got = Counter(o.text for o in occ)
            exp = Counter(want["en"])
            tp += sum((got & exp).values())
            fp += sum((got - exp).values())
            fn += sum((exp - got).values())
            forms = term_forms(term, pos=entry.pos, definition=entry.definition)
            n_terms += 1
            for name, finder in finders.items():
                ranked = finder.rank(
                    doc, term, forms, occ, definition=entry.definition, context=contexts[name]
                )
                top = ranked[0].text if ranked else None
                ok = top in want["zh"]
                correct[name] += ok
                if not ok and name.startswith("default"):
                    errors.append(
                        {"article": gold_path.stem, "term": term, "got": top, "want": want["zh"]}
                    )
    seconds = time.perf_counter() - t0
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        "Glossary linking — small hand-made set (tests/fixtures/glossary, "
        f"{n_terms} terms; used during development)"
    )
    print(f"{'measure':<44}{'value':>8}")
    print(f"{'English occurrences precision':<44}{precision:>8.3f}")
    print(f"{'English occurrences recall':<44}{recall:>8.3f}")
    for name in finders:
        print(f"{'counterpart top-1, ' + name:<44}{correct[name] / n_terms:>8.3f}")
    print(f"{'seconds (all finders)':<44}{seconds:>8.1f}")
    for e in errors:
        print(f"  miss: {e['article']}: {e['term']} → {e['got']} (want {'/'.join(e['want'])})")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_glossary.json").write_text(
        json.dumps(
            {
                "set": "hand-made fixtures (tests/fixtures/glossary), used in development",
                "terms": n_terms,
                "en_precision": precision,
                "en_recall": recall,
                "top1": {name: correct[name] / n_terms for name in finders},
                "errors": errors,
                "seconds": seconds,
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
