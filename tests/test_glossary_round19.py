"""Round 19: the check set ``written20`` (a travel blog post, a consumer-advice leaflet, an
interview transcript), hidden until round 19's second part and in the pool from then, round 19's
second check set ``written21`` (outside the pool and hidden until round 20, in the pool from
then), and ``written18`` in the pool.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_written20_is_in_the_fitting_pool_from_round_19s_second_part() -> None:
    import bench_glossary
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written20"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert all(a.fitted for a in arts)
    assert "written20" not in bench_glossary.HIDDEN_SPLITS
    assert not any(a.name.startswith(bench_glossary.HIDDEN_PREFIXES) for a in arts)
    assert "fixtures, written in round 19" in bench_glossary.GROUPS


def test_written21_is_in_the_fitting_pool_from_round_20() -> None:
    """Round 19's second check set (a museum audio guide, a cooking column, a letter to the
    editor), written before any change of round 19's second part: hidden and outside the pool
    until round 20, in the pool and studied per term from then."""
    import bench_glossary
    import fit_glossary
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written21"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert all(a.fitted for a in arts)
    assert "written21" not in bench_glossary.HIDDEN_SPLITS
    assert not any(a.name.startswith(bench_glossary.HIDDEN_PREFIXES) for a in arts)
    group = "fixtures, written in round 19, second check set"
    assert all(bench_glossary.GROUPS[group](a) and fit_glossary.SETS[group](a) for a in arts)


def test_written18_is_in_the_fitting_pool_and_no_longer_hidden() -> None:
    import bench_glossary
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written18"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert all(a.fitted for a in arts)
    assert "written18" not in bench_glossary.HIDDEN_SPLITS
    assert not any(a.name.startswith(bench_glossary.HIDDEN_PREFIXES) for a in arts)


MARKET = """The stallholder handed three free paper bags out to the first customers. When a tourist \
asked about the price of the mangoes, she brushed his questions off and served the next person. \
At noon her son brought two heavy crates on and stacked them behind the stall.

檔主向首批顧客免費派發三個紙袋。一名遊客詢問芒果的價錢，她對他的提問敷衍了事，轉身招呼下一位客人。\
中午，她的兒子搬來兩箱沉重的貨物，疊在攤檔後面。

/ Glossary生字 /

hand out：to give sth to each person in a group

brush off：to refuse to listen to sb or to deal with sth

bring on：to bring sth onto a stage or into a place
"""


def test_a_phrasal_verb_with_a_longer_object_inside_is_found(tmp_path: Path) -> None:
    """An object of three words after a determiner or a number, or without one, before the
    particle, and "on" as a particle (round 17's code found none of the three occurrences)."""
    from conftest import cli_json

    article = tmp_path / "market.txt"
    article.write_text(MARKET, encoding="utf-8")
    out = cli_json("annotate", str(article), "-q")
    found = {e["term"]: [o["text"] for o in e["occurrences"]["en"]] for e in out["glossary"]}
    assert found == {
        "hand out": ["handed three free paper bags out"],
        "brush off": ["brushed his questions off"],
        "bring on": ["brought two heavy crates on"],
    }


def test_a_preposition_is_still_no_particle_before_its_object() -> None:
    """With "on" a particle, "turn on" still finds "turned on the radio" and the object held
    inside ("turned the radio on"), and a preposition after another word is not it."""
    from duizhao.glossary.terms import term_pattern

    pattern = term_pattern("turn on", definition="to make a machine start working")
    text = "She turned on the radio. He turned the old radio on. They turned to him."
    assert [m.group() for m in pattern.finditer(text)] == ["turned on", "turned the old radio on"]


def test_the_object_inside_a_phrasal_verb_is_another_word(tmp_path: Path) -> None:
    """The Chinese of the object held inside a phrasal verb of one content word ("questions" in
    "brushed his questions off": 提問 "to question") is explained by that other English word,
    not the term's: round 18's code took every word of the occurrence as the term's own, and
    showed 提問 as the certain counterpart of "brush off" in written18."""
    import glossary_data
    from duizhao.glossary import CounterpartFinder
    from duizhao.glossary.context import LinkContext
    from duizhao.glossary.link import _given_link, linked_rankings
    from duizhao.glossary.terms import find_term

    article = tmp_path / "market.txt"
    article.write_text(MARKET, encoding="utf-8")
    doc = glossary_data.prepared(article)
    en = {i: find_term(e.term, doc, definition=e.definition) for i, e in enumerate(doc.glossary)}
    context = LinkContext()
    given = {i: _given_link(doc, i, en[i], context) for i in en}
    ranked = linked_rankings(doc, en, given, finder=CounterpartFinder(), context=context)
    (i,) = [i for i, e in enumerate(doc.glossary) if e.term == "brush off"]
    (question,) = [c for c in ranked[i].candidates if c.text == "提問"]
    assert question.features.get("explained", 0.0) == 1.0


def test_a_verb_before_the_recipients_gei_is_its_counterpart(tmp_path: Path) -> None:
    """"pass sth on" was 傳授給 (one word of the Taiwan dictionary, so 傳授 was never a
    candidate); the Hong Kong standard writes 傳授 給, and the verb is the counterpart."""
    from conftest import first_counterparts

    article = (
        "Before he retired, the old carpenter passed his skills on to two apprentices.\n\n"
        "老木匠退休前，把手藝傳授給兩名學徒。\n\n"
        "/ Glossary生字 /\n\n"
        "pass sth on：to give knowledge or a skill to someone younger\n"
    )
    text, _uncertain = first_counterparts(tmp_path / "carpenter.txt", article)["pass sth on"]
    assert text == "傳授"
