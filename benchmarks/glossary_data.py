"""The glossary-linking data sets, as the glossary benchmark and the fitting script read them.

* ``mac``: ``../shared/dev-data/glossary-mac-dev`` (five novel excerpts, 50 terms, gold by an
  independent annotator; see its README). Split in two: **tuning** = articles 01, 02, 03 (the
  fitting script sees them); **held-out** = articles 04 and 05 (only scored, never fitted on,
  their per-term results never printed while tuning: ``bench_glossary.py --hide-held-out``).
* ``fixtures``: ``tests/fixtures/glossary`` (hand-made editorial-style articles written for this
  project by the developers of the first finder), in the sets named by their gold files:
  ``dev``, ``heldout`` and ``fresh`` (the names are the first finder's; the fitting script sees
  all three) and ``classes`` (one article per failure class, written for the tests of this
  finder; never fitted on) and ``written8`` (three editorials written with their gold by the
  developers in round 8, idioms and phrasal verbs most of them; fitted on from round 12, and
  no measure of generalisation either: the people who tune the finder wrote them), and
  ``written10``
  (three articles in the genres of the hidden test, a magazine feature, a speech and an academic
  abstract, 22 terms, written with their gold in round 10 before any tuning of that round; never
  fitted on before round 12, and the finder was not changed while looking at their failures), and
  ``seed-teacher`` (the seed editorial's text with its three terms and 21 more, picked in round 11
  as a Hong Kong English teacher would gloss it, gold read from the seed's own Chinese; its
  figure recorded before any tuning of round 11; fitted on from round 12), and ``written12``
  (round 12's check set: a magazine feature, a speech and an academic report, 26 terms, written
  with their gold before any change of that round; never fitted on nor used to choose anything),
  and ``written14`` (round 13's check set: a newspaper editorial, a magazine feature and an
  academic abstract, 27 terms, written with their gold before any change of that round; never
  fitted on nor used to choose anything in round 13, and in the pool the finder is tuned on from
  round 14, once measured and reported), and ``written15`` (round 14's check set: a speech, a
  magazine feature and a newspaper editorial, 27 terms, written with their gold before any change
  of that round; never fitted on nor used to choose anything in round 14, and in the pool from
  round 15, once measured and reported), and ``written16`` (round 15's check set: a newspaper
  editorial, a magazine feature and an academic abstract, 28 terms, written with their gold
  before any change of that round; never fitted on nor used to choose anything until round 16,
  when its per-term results were printed to a developer: in the pool from round 17), and
  ``written17`` (round 16's check set: a school newsletter notice, a science news piece and a
  court report, genres no earlier set has, 30 terms, written with their gold before any change
  of that round and measured on main then: top-1 22/30; never fitted on nor used to choose
  anything, its per-term results never printed while tuning), and ``written18`` (round 17's
  check set: a sports report, a restaurant review and a government press release, genres no
  earlier set has, 30 terms, written with their gold before any change of that round and
  measured on main then; never fitted on nor used to choose anything, its per-term results
  never printed while tuning, until round 19: in the fitting pool from round 19, studied per
  term then), and ``written19`` (round 18's pool set: a short-story excerpt
  with dialogue, a memoir passage and an obituary, 30 terms rich in sb/sth/one's placeholders,
  objects inside phrasal verbs and loose renderings, written with its gold before any change of
  that round and measured on main then; in the fitting pool from round 18, studied per term),
  and ``written20`` (round 19's check set: a travel blog post in a literary style, a
  consumer-advice leaflet with product instructions and an interview transcript, genres no
  earlier set has, 30 terms of every shape (one word, multiword, phrasal verbs with their object
  inside, sb/sth/one's placeholders, idioms rendered loosely), written with their gold before
  any change of that round and measured on main (08d604e) then: top-1 19/30 (0.633), top-3
  25/30 (0.833), shown as certain 9/13 right, marked "check" 10/17 right, English P 1.0 / R 1.0;
  never fitted on nor used to choose anything, its per-term results never printed while tuning,
  until round 19's second part: in the fitting pool from then, studied per term), and
  ``written21`` (round 19's second check set, written in its second part: a museum
  audio-guide text, a cooking column with a recipe and a letter to the editor, genres no earlier
  set has, 30 terms of every shape, written with their gold before any change of that part and
  measured on main (bef1fd4) then: top-1 20/30 (0.667), top-3 27/30 (0.900), shown as certain
  12/14 right, marked "check" 8/16 right, English P 0.968 / R 1.0; never fitted on nor used
  to choose anything; its writer saw the first guesses once, while checking the English
  occurrences, before any change; in the fitting pool from round 20, studied per term then),
  and ``written22`` (round 20's check set: a company
  product-recall announcement, a science page for children and a film review, genres no
  earlier set has, 30 terms, written with their gold before any change of that round and
  measured on main (413f116) then: top-1 23/30 (0.767), top-3 0.933, shown as certain 13/15
  right, marked "check" 10/15 right, English P 1.0 / R 1.0; never fitted on nor used to choose
  anything, its per-term results never printed while tuning).
* ``seed``: the sample editorial (``corpus/2025-09-02-…``) with its three glossary terms, and the
  English vocabulary it suggests (``tests/fixtures/glossary/seed-vocabulary.gold.json``); only
  scored.

Each article is an :class:`Article`: the file, which set and split it belongs to, and per term
the acceptable Chinese counterparts and the gold English occurrences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "glossary"
#: Where the dev data is looked for: beside the repository (``../shared``), beside the folder
#: holding it (a git worktree at ``wt/NAME`` of a clone at ``main``: ``../../shared``), and
#: beside the main checkout a worktree belongs to (its git common directory's parent).
def _dev_candidates() -> list[Path]:
    import subprocess

    roots = [ROOT.parent, ROOT.parent.parent]
    try:
        common = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        if common:
            roots.insert(1, Path(common).parent.parent)
    except (OSError, subprocess.CalledProcessError):
        pass
    return [r / "shared" / "dev-data" / "glossary-mac-dev" for r in roots]


#: The glossary-mac-dev folder: the first of :func:`_dev_candidates` that exists (the first of
#: them when none does).
DEV_CANDIDATES = _dev_candidates()
DEV = next((d for d in DEV_CANDIDATES if d.is_dir()), DEV_CANDIDATES[0])
#: The articles of glossary-mac-dev that may be tuned on; the others are held out.
MAC_TUNING = ("01", "02", "03")
#: The sets of hand-made fixtures the fitting script uses (the failure-class fixtures are tests;
#: the check sets of rounds 8, 10 and 11 joined the pool in round 12, once measured and reported;
#: round 13's ``written14`` from round 14, round 14's ``written15`` from round 15, round 15's
#: ``written16`` from round 17, round 17's ``written18`` from round 19, round 19's
#: ``written20`` from round 19's second part, round 19's second, ``written21``, from round 20;
#: round 12's ``written12``, round 16's ``written17`` and round 20's ``written22`` stay
#: outside; round 18's ``written19`` was written for the pool).
FITTED_FIXTURES = (
    "dev", "heldout", "fresh", "written8", "written10", "seed-teacher", "written14", "written15",
    "written16", "written18", "written19", "written20", "written21",
)  # fmt: skip


@dataclass
class Article:
    """One article with gold glossary links.

    Attributes:
        name: A short name (``mac/01-deer-wrestling``, ``fixtures/housing``, ``seed``).
        path: The article file.
        group: ``mac``, ``fixtures`` or ``seed``.
        split: ``tuning`` or ``held-out`` for ``mac``; ``dev``, ``heldout`` or ``fresh`` for
            the fixtures; ``seed`` for the seed.
        fitted: Whether the fitting script may use it.
        terms: Term → ``{"zh": [acceptable counterparts], "en": [forms], "en_spans": [...]}``.
        paragraph_beads: The gold paragraph beads (``mac`` only).
        sentence_beads: The gold sentence beads ``(en, zh)`` (the fixtures and the seed).
        vocabulary: English vocabulary word → acceptable counterparts (``[]``: none; seed only).
    """

    name: str
    path: Path
    group: str
    split: str
    fitted: bool
    terms: dict[str, dict[str, Any]]
    paragraph_beads: list[dict[str, list[int]]] | None = None
    vocabulary: dict[str, list[str]] = field(default_factory=dict)
    sentence_beads: list[tuple[list[int], list[int]]] | None = None


def dev_folder(given: Path | None) -> Path | None:
    """The glossary-mac-dev folder a benchmark reads: ``given`` (``--dev``), which must hold a
    ``gold.json`` (else :class:`SystemExit` with a message naming it), or, when none is given,
    :data:`DEV` if it is there (``None`` and a note naming the places looked at if not: the
    fixtures and the seed are scored without it)."""
    if given is not None:
        if not (given / "gold.json").is_file():
            raise SystemExit(
                f"error: --dev {given}: no glossary-mac-dev there (no gold.json); give the "
                "folder ../shared/dev-data/glossary-mac-dev of the main checkout"
            )
        return given
    if (DEV / "gold.json").is_file():
        return DEV
    looked = ", ".join(str(d) for d in DEV_CANDIDATES)
    print(f"note: no glossary-mac-dev found (looked at {looked}); give --dev DIR. "
          "Scoring the fixtures and the seed only")  # fmt: skip
    return None


def mac_articles(dev: Path | None = DEV) -> list[Article]:
    """The glossary-mac-dev articles (empty when the dev data is not there)."""
    if dev is None:
        return []
    gold_path = dev / "gold.json"
    if not gold_path.exists():
        return []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out = []
    for art in gold["articles"]:
        tuning = art["file"][:2] in MAC_TUNING
        terms = {
            g["term"]: {"zh": g["zh"], "en": g["en_forms"], "en_spans": g["en_spans"]}
            for g in art["glossary"]
        }
        out.append(
            Article(
                name=f"mac/{art['file'].removesuffix('.txt')}",
                path=dev / art["file"],
                group="mac",
                split="tuning" if tuning else "held-out",
                fitted=tuning,
                terms=terms,
                paragraph_beads=art["paragraph_beads"],
            )
        )
    return out


def fixture_articles(fixtures: Path = FIXTURES) -> list[Article]:
    """The hand-made fixture articles and the seed."""
    out = []
    for gold_path in sorted(fixtures.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if "terms" not in gold:
            continue
        name = gold_path.name.removesuffix(".gold.json")
        if "path" in gold:
            path = (gold_path.parent / gold["path"]).resolve()
        else:
            path = gold_path.with_name(f"{name}.txt")
        seed = name == "seed"
        vocabulary: dict[str, list[str]] = {}
        vocab_path = fixtures / f"{name}-vocabulary.gold.json"
        if vocab_path.exists():
            vocabulary = json.loads(vocab_path.read_text(encoding="utf-8"))["words"]
        out.append(
            Article(
                name="seed" if seed else f"fixtures/{name}",
                path=path,
                group="seed" if seed else "fixtures",
                split="seed" if seed else gold.get("set", "dev"),
                fitted=not seed and gold.get("set", "dev") in FITTED_FIXTURES,
                terms=gold["terms"],
                vocabulary=vocabulary,
                sentence_beads=[(list(e), list(z)) for e, z in gold.get("beads", [])] or None,
            )
        )
    return out


def prepared(path: Path) -> Any:
    """The article read, aligned and annotated (everything before the glossary stage)."""
    from duizhao.align import align_document
    from duizhao.chinese import annotate_document
    from duizhao.reader import read

    return annotate_document(align_document(read(path)))
