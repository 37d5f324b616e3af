"""Round 18: written19 joins the fitting pool, and the English forms it showed missing: a term
with an apostrophe ("keep sb at arm's length"), a possessive placeholder ("under sb's feet"), an
adverb before the verb ("never look back") and a countable noun lemminflect knows only as a mass
noun ("junk", the boat).
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import cli_json

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

HARBOUR = """The old sailor kept strangers at arm's length. Children were always under his feet on \
the pier, and he never minded. He built his first boat at twelve and never looked back. Two \
junks still lie at anchor by his hut; his last junk has a red sail.

老水手對陌生人總是保持距離。碼頭上孩子們常在他腳邊礙手礙腳，他卻從不介意。他十二歲造了第一艘船，從此一帆風順。\
他的小屋旁仍泊着兩艘帆船；他最後一艘帆船掛着紅帆。

/ Glossary生字 /

keep sb at arm's length：to avoid becoming friendly or close to sb

under sb's feet：in the way of sb who is trying to work

never look back：to become more and more successful after sth

junk：a Chinese sailing boat with a flat bottom
"""


def test_placeholder_apostrophe_adverb_and_countable_noun_forms_are_found(tmp_path: Path) -> None:
    """Each term's English occurrences as a user's annotated JSON reports them; none of the
    four was found by round 17's code (and no "missing term" warning is given)."""
    article = tmp_path / "harbour.txt"
    article.write_text(HARBOUR, encoding="utf-8")
    out = cli_json("annotate", str(article), "-q")
    found = {e["term"]: [o["text"] for o in e["occurrences"]["en"]] for e in out["glossary"]}
    assert found == {
        "keep sb at arm's length": ["kept strangers at arm's length"],
        "under sb's feet": ["under his feet"],
        "never look back": ["never looked back"],
        "junk": ["junks", "junk"],
    }
    assert not any("not found" in str(w) for w in out.get("warnings", []))


def test_a_curly_apostrophe_in_the_term_or_the_text() -> None:
    from duizhao.glossary.terms import term_pattern

    pattern = term_pattern("keep sb at arm’s length", definition="to avoid sb")
    text = "She kept him at arm's length, then kept us at arm’s length."
    assert [m.group() for m in pattern.finditer(text)] == [
        "kept him at arm's length",
        "kept us at arm’s length",
    ]


def test_a_mass_noun_defined_as_a_thing_does_not_take_a_plural_without_the_article() -> None:
    """Only a noun defined "a …"/"an …" gets the regular plural lemminflect lacks."""
    from duizhao.glossary.terms import term_forms

    assert "junks" in term_forms("junk", definition="a Chinese sailing boat")
    assert "junks" not in term_forms("junk", definition="things that are no longer useful")


def test_written19_is_in_the_fitting_pool() -> None:
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written19"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert all(a.fitted for a in arts)
    assert "written19" in glossary_data.FITTED_FIXTURES
