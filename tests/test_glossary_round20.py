"""Round 20: the check set ``written22`` (a product-recall announcement, a science page for
children, a film review) outside the pool and hidden; ``written21`` in the pool."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_written22_is_a_hidden_check_set_outside_the_pool() -> None:
    import bench_glossary
    import fit_glossary
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written22"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert not any(a.fitted for a in arts)
    assert "written22" in bench_glossary.HIDDEN_SPLITS
    assert all(a.name.startswith(bench_glossary.HIDDEN_PREFIXES) for a in arts)
    group = "fixtures, written in round 20, check set"
    assert all(bench_glossary.GROUPS[group](a) and fit_glossary.SETS[group](a) for a in arts)


ORCHARD = """Wash the pears and peel them with a small knife. Keep the peel for the compost bin, \
and put a piece of lemon peel in the syrup.

把雪梨洗淨，用小刀削皮。果皮留下來放進堆肥箱，再在糖水裏加一小塊檸檬皮。

/ Glossary生字 /

peel：to take the skin off fruit or vegetables
"""


def test_a_verb_terms_base_form_where_a_noun_stands_is_no_occurrence(tmp_path: Path) -> None:
    """ "peel" defined as a verb: *the peel* and *a piece of lemon peel* are the noun (round 19's
    code found all three, and a noun's Chinese could become the verb's counterpart)."""
    from conftest import cli_json

    article = tmp_path / "orchard.txt"
    article.write_text(ORCHARD, encoding="utf-8")
    (entry,) = cli_json("annotate", str(article), "-q")["glossary"]
    assert [o["text"] for o in entry["occurrences"]["en"]] == ["peel"]
    assert entry["counterparts"][0]["text"] == "削皮"


def test_a_verb_still_found_after_a_subject_or_to() -> None:
    from duizhao.glossary.noun_use import noun_use
    from duizhao.glossary.terms import term_pattern

    text = "They scrapped the plan; the workers scrap old cars and sell the scrap to a dealer."
    found = [m for m in term_pattern("scrap", definition="to get rid of sth").finditer(text)]
    assert [m.group() for m in found] == ["scrapped", "scrap", "scrap"]
    assert [noun_use(text, m.start()) for m in found] == [False, False, True]
    # a noun term is not looked at: "the scrap" stays an occurrence of it
    assert not noun_use("I want to scrap it.", 10)


def test_the_word_of_two_in_a_token_of_three_is_a_candidate(tmp_path: Path) -> None:
    """牛腩湯 "brisket soup" is one token of the segmenter; 牛腩 | 湯 one way only, so 牛腩 is a
    candidate (round 19's code showed 牛腩湯 as the certain counterpart of "brisket")."""
    from conftest import first_counterparts

    article = (
        "The stall's beef brisket soup sells out before noon every day.\n\n"
        "這個攤檔的牛腩湯每天未到中午便賣光。\n\n"
        "/ Glossary生字 /\n\n"
        "brisket：meat from the chest of a cow\n"
    )
    text, _uncertain = first_counterparts(tmp_path / "stall.txt", article)["brisket"]
    assert text == "牛腩"


def test_no_word_of_two_cut_out_of_a_token_read_two_ways_or_derived() -> None:
    """合資格 is also 合 | 資格 (合資 would be cut inside a word); 教育局 is a common word and
    a character (a derived word, "education bureau"): neither is cut."""
    from duizhao.glossary.candidates import _two_and_one
    from duizhao.text.convert import to_simplified

    assert _two_and_one(to_simplified("牛腩湯"), 10) == [(10, 12)]
    assert _two_and_one(to_simplified("合資格"), 0) == []
    assert _two_and_one(to_simplified("教育局"), 0) == []


def test_a_time_postposition_starts_no_span(tmp_path: Path) -> None:
    """煮開後 | 調低火力: 後 "after" closes the clause before it, so no candidate starts with
    it (round 19's code ranked 後轉慢火 first for "turn sth down" in a recipe)."""
    from conftest import cli_json

    article = tmp_path / "congee.txt"
    article.write_text(
        "Bring the congee to the boil, then turn the heat down and stir it often.\n\n"
        "粥煮開後調低火力，並不時攪拌。\n\n"
        "/ Glossary生字 /\n\n"
        "turn sth down：to reduce the heat, sound or light of sth\n",
        encoding="utf-8",
    )
    (entry,) = cli_json("annotate", str(article), "-q")["glossary"]
    texts = [c["text"] for c in entry["counterparts"]]
    assert texts and not any(t.startswith("後") for t in texts)
    assert texts[0] == "調低火力"
