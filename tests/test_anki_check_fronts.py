"""Every Anki card that shows an uncertain Chinese counterpart says "check" where it shows it
(round 16's QA: the *Meaning → English* card showed 指標 for *metric* in front with no flag at
all, and the learner of Chinese's *Chinese → reading and meaning* card asked 指標 with the flag
only behind). Read as a user would: ``duizhao drill --anki``, the ``.apkg`` opened with zipfile and
sqlite3, each card's front rendered from its note type's template.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from duizhao.cli import main

SEED = Path(__file__).resolve().parents[1] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


def _render(template: str, fields: dict[str, str]) -> str:
    """Anki's ``{{#F}}…{{/F}}`` sections and ``{{F}}`` fields (all this deck uses)."""
    section = re.compile(r"\{\{#(\w+)\}\}(.*?)\{\{/\1\}\}", re.S)
    while section.search(template):
        template = section.sub(lambda m: m.group(2) if fields.get(m.group(1)) else "", template)
    return re.sub(r"\{\{(\w+)\}\}", lambda m: fields.get(m.group(1), ""), template)


def _fronts(apkg: Path, tmp_path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each note's Term: the (card name, rendered front) of every card Anki makes of it."""
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp_path)
    con = sqlite3.connect(tmp_path / "collection.anki2")
    models = json.loads(con.execute("SELECT models FROM col").fetchone()[0])
    out: dict[str, list[tuple[str, str]]] = {}
    for flds, mid, ord_ in con.execute(
        "SELECT n.flds, n.mid, c.ord FROM cards c JOIN notes n ON n.id = c.nid"
    ):
        model = models[str(mid)]
        names = [f["name"] for f in model["flds"]]
        fields = dict(zip(names, flds.split("\x1f"), strict=True))
        tmpl = model["tmpls"][ord_]
        out.setdefault(fields["Term"], []).append((tmpl["name"], _render(tmpl["qfmt"], fields)))
    con.close()
    return out


@pytest.mark.parametrize("audience", ["english", "chinese"])
def test_a_card_showing_an_uncertain_counterpart_flags_it(
    audience: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "deck.apkg"
    argv = ["drill", str(SEED), "-o", str(tmp_path), "--for", audience, "--anki", str(deck), "-q"]
    assert main(argv) == 0
    fronts = _fronts(deck, tmp_path)
    assert len(fronts["metric"]) == (3 if audience == "chinese" else 2)  # metric is uncertain
    shown = [(name, f) for name, f in fronts["metric"] if "指標" in f]
    assert shown, fronts["metric"]
    for name, front in shown:
        assert "check" in front, f"{name}: {front}"
    # a certain counterpart carries no flag
    assert all("check" not in f for _, f in fronts["cluster"])
