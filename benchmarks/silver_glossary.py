"""A silver training set for the counterpart finder's weights: English words whose Chinese
counterpart CC-CEDICT settles, with that evidence hidden.

**What it sees** (issue 13 allows fitting learned weights on the dev sets, with the script here):

* ``../shared/dev-data/align-mac-dev`` chapters 001–004 (novels: the gold sentence beads, cut
  into articles of about 30 beads in the editorial format, the Chinese converted with OpenCC
  s2hk as glossary-mac-dev is), **without** the bead runs glossary-mac-dev's tuning articles
  01–03 were cut from (so the pool's leave-one-article-out figures stay held apart). Chapters
  005 and 006, which glossary-mac-dev's held-out articles 04–05 come from, are not read at all.
* The project's own bilingual sample texts that no benchmark scores: the tram sample in
  ``corpus/`` and the fixtures of the aligner and the drills (not the glossary fixtures, not the
  teacher's MPF editorial, whose glossary terms are read as a check, not the seed).

**How an item is made.** Each article goes through the pipeline (its own alignment and tokens).
An English word is an item when it is a content word (not a function word or a name, four
letters or more, wordfreq Zipf below 5.5), occurs at most three times in its article (in any form
:func:`~duizhao.glossary.find_term` finds), and exactly one Chinese candidate of its aligned
sentences, a CC-CEDICT headword, translates it fully (``dict_term`` ≥ 0.99) with no shorter such
candidate inside it. That candidate is the item's answer. The candidates are then described again
with the word's own dictionary evidence **hidden** (a query whose keys match nothing, and no
definition), so ``dict_term``, ``dict_char``, ``dict_focus``, ``phrase``, ``dict_def`` and
``coverage`` are 0 and ``extra`` is what it is when CC-CEDICT does not know the word; the
encoder's cosine of the term and the candidate's CC-CEDICT senses (``gloss_similarity``) is
hidden too, and so are the shape features the choice of items decides (:data:`BIASED`: every
answer is a CC-CEDICT headword, most of them one token). What is left to find the answer with
is the place (``position``, ``anchors``), what
the other English words explain (``explained``, ``explained_encoder``), the span's shape and the
encoder's cosine of the word and the Chinese: the evidence the finder has when the dictionary is
silent, which is where it fails on text nobody here wrote.

Only each item's best :data:`KEEP` candidates under the shipped weights (and its answer) are kept,
with the encoder's cosines. The items are written (pickled) to a cache outside the repository
(default ``/tmp/duizhao-silver.pkl``): they hold dev-set text and never ship.

Usage: ``.venv/bin/python benchmarks/silver_glossary.py [--align DIR] [--out FILE]``; then
``benchmarks/fit_glossary.py --silver FILE``.
"""

from __future__ import annotations

import argparse
import ast
import pickle
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from duizhao.glossary import LinkContext, find_term, term_forms
from duizhao.glossary.dictionary import EN_FUNCTION
from duizhao.glossary.features import FEATURES, candidates
from duizhao.glossary.query import Query, query
from duizhao.glossary.weights import WEIGHTS
from duizhao.resources.encoder import Embeddings
from duizhao.text.english import WORD_RE, zipf
from fit_glossary import explained_by_others
from glossary_data import DEV, ROOT, prepared

ALIGN = DEV.parent / "align-mac-dev"
#: The chapters read (005 and 006 hold glossary-mac-dev's held-out articles: never read).
CHAPTERS = ("001", "002", "003", "004")
#: glossary-mac-dev's tuning articles: their bead runs are left out (article file → chapter).
POOL_RUNS = {"01": "002", "02": "003", "03": "004"}
#: The project's own bilingual texts no benchmark scores.
OWN_TEXTS = (
    "corpus/2025-10-06-hong-kong-trams.md",
    "tests/fixtures/align/2026-11-20-harbourfront-promenade.txt",
    "tests/fixtures/drills/2025-09-05-electric-ferry.md",
    "tests/fixtures/drills/2026-11-24-minibus-drivers.md",
)
#: Beads per article and per paragraph.
ARTICLE_BEADS, PARAGRAPH_BEADS = 30, 6
#: Candidates kept per item (the best under the shipped weights), besides the answer.
KEEP = 32
#: Words as common as this (wordfreq Zipf) or more are not items.
ZIPF_MAX = 5.5
#: The features the hidden dictionary evidence gives (0 for every silver candidate).
HIDDEN = ("dict_term", "dict_char", "dict_focus", "phrase", "dict_def", "coverage")
#: Shape features the way items are chosen decides (every answer is a CC-CEDICT headword, most of
#: them one token of one or two characters): 0 for every silver candidate, so that only the
#: pool's terms weigh them.
BIASED = ("in_dict", "single", "length", "whole_token")
#: The most occurrences an item's word may have in its article.
MAX_OCCURRENCES = 3
OUT = Path(tempfile.gettempdir()) / "duizhao-silver.pkl"


def _chapter(align: Path, text_id: str) -> tuple[list[str], list[str], list[Any]]:
    import opencc

    en = (align / "en" / f"{text_id}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    zh_s = (align / "zh" / f"{text_id}.txt").read_text(encoding="utf-8").rstrip("\n")
    zh = opencc.OpenCC("s2hk").convert(zh_s).split("\n")
    beads = []
    for line in (align / "gold" / f"{text_id}.align").read_text(encoding="utf-8").splitlines():
        if line.strip():
            z, e = line.split(":")
            beads.append((list(ast.literal_eval(z)), list(ast.literal_eval(e))))
    return en, zh, beads


def _excluded_runs(dev: Path) -> dict[str, set[int]]:
    """The bead indices of each chapter that glossary-mac-dev's tuning articles were cut from."""
    import json

    out: dict[str, set[int]] = {}
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))
    for art in gold["articles"]:
        ch = POOL_RUNS.get(art["file"][:2])
        if ch is not None:
            lo, hi = art["beads"]
            out.setdefault(ch, set()).update(range(lo, hi + 1))
    return out


def chapter_articles(align: Path, dev: Path, folder: Path) -> list[Path]:
    """The chapters cut into editorial-format articles (written into ``folder``)."""
    skip = _excluded_runs(dev)
    paths = []
    for ch in CHAPTERS:
        en, zh, beads = _chapter(align, ch)
        runs: list[list[int]] = [[]]
        for b in range(len(beads)):
            if b in skip.get(ch, set()):
                runs.append([])
            else:
                runs[-1].append(b)
        for run in runs:
            for a in range(0, len(run), ARTICLE_BEADS):
                part = run[a : a + ARTICLE_BEADS]
                if len(part) < 8:
                    continue
                en_p, zh_p = [], []
                for p in range(0, len(part), PARAGRAPH_BEADS):
                    bs = part[p : p + PARAGRAPH_BEADS]
                    e = " ".join(en[i].strip() for b in bs for i in beads[b][1])
                    z = "".join(zh[i].strip() for b in bs for i in beads[b][0])
                    if e.strip() and z.strip():
                        en_p.append(e)
                        zh_p.append(z)
                if len(en_p) < 2:
                    continue
                lines = [*(x for p in en_p for x in (p, "")), "小說選讀 2025.01.01：選段", ""]
                lines += [x for p in zh_p for x in (p, "")]
                path = folder / f"{ch}-{part[0]:03d}.txt"
                path.write_text("\n".join(lines), encoding="utf-8")
                paths.append(path)
    return paths


def _hidden(q: Query) -> Query:
    """The query with its dictionary evidence hidden: keys that match nothing, no definition."""
    return Query(
        term=q.term, words=tuple({"\x00": 1.0} for _ in q.words), phrase=q.phrase,
        definition=(), size=q.size,
    )  # fmt: skip


def _words(doc: Any) -> list[str]:
    """The article's English content words that occur once (lower case), in reading order."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for p in doc.en:
        for m in WORD_RE.finditer(p.text):
            w = m.group()
            counts[w.lower()] += 1
            first.setdefault(w.lower(), w)
    out = []
    for low, n in counts.items():
        if n > MAX_OCCURRENCES or len(low) < 4 or not low.isalpha() or low in EN_FUNCTION:
            continue
        if first[low][0].isupper() or zipf(low) >= ZIPF_MAX:
            continue
        out.append(low)
    return out


def items_of(path: Path, memo: Embeddings, weights: np.ndarray) -> list[dict[str, Any]]:
    """The silver items of one article."""
    doc = prepared(path)
    ctx = LinkContext()
    out = []
    for word in _words(doc):
        occ = find_term(word, doc)
        if not occ or len(occ) > MAX_OCCURRENCES:
            continue
        forms = term_forms(word)
        q = query(word, forms=forms)
        if len(q.words) != 1:
            continue
        full = candidates(doc, q, occ, ctx)
        sure = [c for c in full if c.features.get("dict_term", 0.0) >= 0.99
                and c.features.get("in_dict", 0.0) > 0]  # fmt: skip
        minimal = {c.text for c in sure if not any(d.text != c.text and d.text in c.text
                                                   for d in sure)}  # fmt: skip
        if len(minimal) != 1:
            continue
        (answer,) = minimal
        cands = candidates(doc, _hidden(q), occ, ctx)
        x = np.array([[c.features.get(f, 0.0) for f in FEATURES] for c in cands])
        texts = [c.text for c in cands]
        if answer not in texts:
            continue
        s = x @ weights
        order = sorted(range(len(texts)), key=lambda i: (-s[i], len(texts[i]), texts[i]))
        keep = order[:KEEP]
        if texts.index(answer) not in keep:
            keep.append(texts.index(answer))
        x, texts = x[keep], [texts[i] for i in keep]
        x[:, [FEATURES.index(f) for f in BIASED]] = 0.0
        vec = memo.vectors([word, *texts])
        sim = np.array([float(vec[word] @ vec[t]) for t in texts])
        osim = explained_by_others(doc, (word, *forms), occ, ctx, memo, vec, texts, sim)
        out.append({
            "article": f"silver/{path.stem}", "term": word, "x": x,
            "y": np.array([t == answer for t in texts]), "texts": texts, "sim": sim,
            "gsim": np.full(len(texts), np.nan), "osim": osim,
        })  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--align", type=Path, default=None, help="default: beside --dev")
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    w = dict(WEIGHTS)
    weights = np.array([w.get(f, 0.0) for f in FEATURES])
    memo = Embeddings()
    items: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        align = args.align or args.dev.parent / "align-mac-dev"
        paths = chapter_articles(align, args.dev, Path(tmp)) if align.exists() else []
        paths += [ROOT / p for p in OWN_TEXTS]
        for path in paths:
            got = items_of(path, memo, weights)
            items += got
            print(f"  {path.name}: {len(got)} items", flush=True)
    answers = Counter(len(i["texts"][int(np.argmax(i["y"]))]) for i in items)
    print(f"{len(items)} items from {len(paths)} articles in {time.perf_counter() - t0:.0f} s; "
          f"answer lengths {sorted(answers.items())}")  # fmt: skip
    with args.out.open("wb") as fh:
        pickle.dump(items, fh)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
