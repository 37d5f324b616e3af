"""The paragraphs' HTML written in Python (duizhao.sheet.markup) is the packaged macros' HTML.

A templates folder holding a copy of the packaged ``partials/text.html.j2`` makes the sheet draw
every paragraph with the jinja macros; without it the packaged macro hands out the Python HTML.
Both pages must be the same bytes; a folder whose partial changes a macro is honoured.
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.model import Bead
from duizhao.resources import templates_dir
from duizhao.sheet import render_sheet, sheet_options

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "sheet"))
import sheet_docs

PARTIAL = Path("partials") / "text.html.j2"


@pytest.fixture(scope="module")
def macros(tmp_path_factory):
    """A templates folder whose partial is a copy of the packaged one: the macros draw."""
    folder = tmp_path_factory.mktemp("macros")
    (folder / "partials").mkdir()
    shutil.copy(templates_dir() / PARTIAL, folder / PARTIAL)
    return folder


VARIANTS = [
    {},
    {"reading": "both"},
    {"reading": "jyutping", "script": "simplified"},
    {"reading": "none"},
    {"for_print": True},
    {"for_print": True, "reading": "both"},
    {"options": sheet_options("english")},
    {"options": sheet_options("chinese", readings_for="level", hsk_level=5)},
]


@pytest.mark.parametrize(
    "kw", VARIANTS, ids=lambda kw: "-".join(map(str, kw.values())) or "default"
)
def test_seed_the_same_both_ways(seed, macros, kw):
    fast = render_sheet(seed, **kw)
    assert fast == render_sheet(seed, templates=macros, **kw)
    assert '<mark class="term' in fast and '<span class="s"' in fast  # marks, sentences


def test_checks_glue_and_unsure_pairs_the_same_both_ways(seed, macros):
    # every link uncertain (the "check" marks), and a paragraph of Chinese only
    links = tuple(dataclasses.replace(link, confidence=0.1, uncertain=True) for link in seed.links)
    doc = dataclasses.replace(seed, links=links)
    html = render_sheet(doc, reading="both")
    assert " check" in html and 'class="nb"' in html and "<wbr>" in html
    assert html == render_sheet(doc, reading="both", templates=macros)
    for kw in ({"for_print": True}, {"options": sheet_options("chinese")}):
        assert render_sheet(doc, **kw) == render_sheet(doc, templates=macros, **kw)


def test_a_templates_folder_with_its_own_partial_draws_its_words(seed, tmp_path):
    (tmp_path / "partials").mkdir()
    mine = (templates_dir() / PARTIAL).read_text(encoding="utf-8")
    assert '<span class="w"' in mine
    (tmp_path / PARTIAL).write_text(mine.replace('<span class="w"', '<span class="w mine"'))
    html = render_sheet(seed, templates=tmp_path)
    assert html.count('<span class="w mine"') == render_sheet(seed).count('<span class="w"') > 0


_nasty = st.sampled_from(
    ["<script>x</script>", "{{ 7*7 }}", '"q"', "'s'", "&amp;", "</p>", "<rt>x</rt>", "中文", "。」"]
)
_text = (
    st.lists(st.one_of(_nasty, st.text(min_size=1, max_size=6)), min_size=1, max_size=5)
    .map("".join)
    .map(lambda s: s.strip() or "x")
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(en=_text, zh=_text, term=_text, low=st.booleans())
def test_any_text_the_same_both_ways(macros, en, zh, term, low):
    doc = sheet_docs.simple_doc([f"{en} {term}"], [zh], [(term, "d", zh[:2])])
    if low and doc.alignment is not None:
        beads = tuple(Bead(b.en, b.zh, 0.2, True) for b in doc.alignment.sentences)
        doc = dataclasses.replace(
            doc, alignment=dataclasses.replace(doc.alignment, sentences=beads)
        )
    for kw in ({"reading": "both"}, {"for_print": True}):
        assert render_sheet(doc, **kw) == render_sheet(doc, templates=macros, **kw)
