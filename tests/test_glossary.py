"""Tests for duizhao.glossary: English term matching, Chinese counterparts, vocabulary."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

import pytest

from duizhao.glossary import (
    CounterpartFinder,
    LinkContext,
    find_chinese,
    find_term,
    link_glossary,
    spelling_variants,
    suggest_vocabulary,
    term_forms,
)
from duizhao.model import (
    Alignment,
    Bead,
    Document,
    GlossaryEntry,
    Paragraph,
    Sentence,
    Token,
)
from duizhao.reader import read, read_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "glossary"


def en_doc(*paragraphs: str) -> Document:
    """A document of English paragraphs, each one sentence per full stop."""
    paras = []
    for text in paragraphs:
        sentences, start = [], 0
        for i, ch in enumerate(text):
            if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
                sentences.append(Sentence(start, i + 1))
                start = i + 2
        if start < len(text):
            sentences.append(Sentence(start, len(text)))
        paras.append(Paragraph(lang="en", text=text, sentences=tuple(sentences)))
    return Document(en=tuple(paras))


def texts(term: str, doc: Document, **kw: str) -> list[str]:
    return [o.text for o in find_term(term, doc, **kw)]


#: The fixtures written in round 8 (idioms and phrasal verbs; see benchmarks/glossary_data.py).
WRITTEN8 = ("written8-night-markets", "written8-rainstorm", "written8-tutoring")
#: The check set written in round 10 (magazine feature, speech, academic abstract; never fitted
#: on, and nothing was changed while looking at its results: see benchmarks/glossary_data.py).
WRITTEN10 = ("written10-neon-signs", "written10-biotech-speech", "written10-bilingual-reading")
#: The check set written in round 12 (the same genres; never fitted on nor used to choose).
WRITTEN12 = ("written12-repair-cafe", "written12-graduation-speech", "written12-green-roofs")
#: The check set written in round 13 (editorial, magazine feature, academic abstract; never
#: fitted on nor used to choose).
WRITTEN14 = ("written14-subdivided-flats", "written14-tailor-shop", "written14-heat-stress")
#: The check set written in round 14 (speech, magazine feature, editorial; never fitted on nor
#: used to choose).
WRITTEN15 = ("written15-ferry-exhibition", "written15-hiking-trails", "written15-lifeguard-shortage")
#: The check set written in round 15 (editorial, magazine feature, academic abstract; never fitted
#: on nor used to choose).
WRITTEN16 = ("written16-northbound-shoppers", "written16-bamboo-scaffolders", "written16-ageing-at-home")
#: The check set written in round 16 (a school notice, a science news piece, a court report;
#: never fitted on nor used to choose).
WRITTEN17 = ("written17-sports-day-notice", "written17-coral-recovery", "written17-agent-jailed")
#: The check set written in round 17 (a sports report, a restaurant review, a government press
#: release; never fitted on nor used to choose).
WRITTEN18 = ("written18-comeback-title", "written18-noodle-bar-review", "written18-pool-reopening")


def gold_doc(name: str) -> tuple[Document, dict]:
    """A fixture article with its hand-made sentence alignment and gold answers."""
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    path = FIXTURES / gold["path"] if "path" in gold else FIXTURES / f"{name}.txt"
    doc = read(path)
    beads = tuple(Bead(en=tuple(e), zh=tuple(z), score=1.0) for e, z in gold["beads"])
    return replace(doc, alignment=Alignment(sentences=beads)), gold


# -- English: forms ---------------------------------------------------------------------------


class TestEnglishForms:
    def test_hyphenated_verb_inflects_its_last_part(self) -> None:
        doc = en_doc("Pupils are spoon-fed answers. Tutors spoon-feed them. Stop spoon feeding.")
        want = ["spoon-fed", "spoon-feed", "spoon feeding"]
        assert texts("spoon-feed", doc, pos="v.") == want
        assert texts("spoon-feed", doc, definition="to give sb too much help") == want
        doc = en_doc("The plan was fast-tracked. Two start-ups fast-track it.")
        assert texts("fast-track", doc, pos="v.") == ["fast-tracked", "fast-track"]

    def test_irregular_verb(self) -> None:
        doc = en_doc("Tokyo was overtaken. Shenzhen overtook it and overtakes others.")
        assert texts("overtake", doc) == ["overtaken", "overtook", "overtakes"]

    def test_irregular_plural_but_not_a_related_word(self) -> None:
        doc = en_doc("Analysts agree: several analyses and one analysis show it.")
        assert texts("analysis", doc) == ["analyses", "analysis"]

    def test_multi_word_term_whose_head_inflects(self) -> None:
        doc = en_doc(
            "A memorandum of understanding was signed. Two Memoranda of Understanding followed."
        )
        assert texts("memorandum of understanding", doc, definition="a formal document") == [
            "memorandum of understanding",
            "Memoranda of Understanding",
        ]

    def test_multi_word_noun_inflects_its_last_word(self) -> None:
        doc = en_doc("Supply chains moved; the supply chain is long; supply-chain risks grew.")
        assert texts("supply chain", doc, definition="the series of processes") == [
            "Supply chains",
            "supply chain",
            "supply-chain",
        ]

    def test_british_term_finds_american_spellings(self) -> None:
        doc = en_doc("They commercialize it. It was commercialized, not commercialising.")
        assert texts("commercialise", doc) == ["commercialize", "commercialized", "commercialising"]

    def test_american_term_finds_british_spelling(self) -> None:
        doc = en_doc("The organisation and the Organization's colours.")
        assert texts("organization", doc) == ["organisation", "Organization"]
        assert texts("color", doc) == ["colours"]

    def test_rare_spelling_variant(self) -> None:
        doc = en_doc("Hong Kong aims to decarbonize its grid.")
        assert texts("decarbonise", doc) == ["decarbonize"]

    def test_capitalisation(self) -> None:
        doc = en_doc("Clusters grow. CLUSTER growth. The cluster.")
        assert texts("cluster", doc) == ["Clusters", "CLUSTER", "cluster"]

    def test_acronym_is_case_sensitive(self) -> None:
        doc = en_doc("The US told us to wait.")
        assert texts("US", doc) == ["US"]

    def test_possessive(self) -> None:
        doc = en_doc("The cluster's rank and the clusters' ranks.")
        occ = find_term("cluster", doc)
        assert [o.text for o in occ] == ["cluster", "clusters"]

    def test_hyphen_and_space_variants(self) -> None:
        doc = en_doc("A carbon-neutrality roadmap and a carbon neutrality plan.")
        assert texts("carbon neutrality", doc) == ["carbon-neutrality", "carbon neutrality"]
        doc = en_doc("Decision-making, decision making and decisionmaking.")
        assert texts("decision-making", doc) == [
            "Decision-making",
            "decision making",
            "decisionmaking",
        ]

    def test_closed_compound_also_open(self) -> None:
        doc = en_doc("Healthcare and health care and health-care workers.")
        assert texts("healthcare", doc) == ["Healthcare", "health care", "health-care"]

    @pytest.mark.parametrize(
        ("term", "text"),
        [
            ("lag", "The flag flew over the flagship while prices lagged."),
            ("ease", "A disease that doctors cannot ease."),
            ("export", "Re-exports grew but exports fell."),
            ("preferential", "A non-preferential rate, not a preferential one."),
            ("metric", "Metrical verse uses a metric."),
        ],
    )
    def test_never_inside_another_word(self, term: str, text: str) -> None:
        found = texts(term, en_doc(text))
        assert len(found) == 1
        assert found[0].lower() in {"lagged", "ease", "exports", "preferential", "metric"}

    def test_part_of_speech_limits_forms(self) -> None:
        doc = en_doc("Firms clustered in clusters.")
        assert texts("cluster", doc, pos="n.") == ["clusters"]
        assert texts("cluster", doc) == ["clustered", "clusters"]

    def test_definition_marks_a_noun_or_a_verb(self) -> None:
        doc = en_doc("Prices lagged. The lag grew.")
        assert texts("lag", doc, definition="a period of time between two events") == ["lag"]
        # "The lag" is the noun, no occurrence of the verb (round 20, glossary/noun_use.py)
        assert texts("lag", doc, definition="to move more slowly") == ["lagged"]
        assert texts("lag", en_doc("Prices lag."), definition="to move more slowly") == ["lag"]

    def test_placeholder_in_term(self) -> None:
        doc = en_doc("Hong Kong lags far behind Singapore.")
        assert texts("lag far behind sth", doc) == ["lags far behind"]

    def test_placeholder_choices_are_one_slot(self) -> None:
        """``sb/sth`` is one slot, not two alternatives: no empty match where "sth" stood alone,
        and no run of words before "down" for a "sth down" alternative."""
        doc = en_doc("They cater for older readers. His application was turned down.")
        assert texts("cater for sb/sth", doc) == ["cater for"]
        assert texts("turn sb/sth down", doc) == ["turned down"]
        doc = en_doc("She turned the offer down. Nobody said something.")
        assert texts("turn sb/sth down", doc) == ["turned the offer down"]
        assert texts("sth/sb", doc) == []  # nothing but slots: nothing to find
        for found in find_term("cater for someone/something", doc):
            assert found.text

    def test_a_slash_between_two_words_chooses_a_word(self) -> None:
        doc = en_doc("Parents got involved in it. They were involved in it. It was in May.")
        assert texts("be/get involved in", doc) == ["got involved in", "involved in"]
        doc = en_doc("They ruled out a rise. It is in May.")
        assert texts("rule out/in", doc) == ["ruled out"]
        assert texts("rule sth out / in", doc) == ["ruled out"]  # never "in" on its own

    def test_hyphenated_noun_plural(self) -> None:
        doc = en_doc("Many start-ups failed. Lay-offs followed. Two sit-ins began.")
        assert texts("start-up", doc, pos="n.") == ["start-ups"]
        assert texts("lay-off", doc, pos="n.") == ["Lay-offs"]
        assert texts("sit-in", doc, pos="n.") == ["sit-ins"]

    def test_coordinated_verbs_both_inflect(self) -> None:
        doc = en_doc("The minister hemmed and hawed. They hem and haw.")
        assert texts("hem and haw", doc, definition="to avoid giving an answer") == [
            "hemmed and hawed",
            "hem and haw",
        ]

    def test_phrasal_verb_holds_its_object(self) -> None:
        doc = en_doc(
            "They phased them out. The city phased out coal. It will phase diesel taxis out."
        )
        assert texts("phase out", doc, definition="to stop using sth gradually") == [
            "phased them out",
            "phased out",
            "phase diesel taxis out",
        ]
        # a preposition is not a particle: "turned out to" is not "turn to"
        doc = en_doc("It turned out to be fine. They turned to him.")
        assert texts("turn to", doc, definition="to ask sb for help") == ["turned to"]

    def test_adverb_before_the_particle_or_preposition_of_a_verb(self) -> None:
        # a teacher glosses "lag behind" and "rest on"; the article says "lags far behind"
        doc = en_doc(
            "Hong Kong lags far behind Singapore. Rankings have rested mainly on two measures. "
            "The city lagged behind. The family supply rested family on it."
        )
        assert texts("lag behind", doc, definition="to fail to keep up") == [
            "lags far behind",
            "lagged behind",
        ]
        assert texts("rest on", doc, definition="to depend on sth") == ["rested mainly on"]
        # a word in -ly that is no adverb is not one ("rested family on" above)
        doc = en_doc("It accounts largely for the rise. It accounts family for nothing.")
        assert texts("account for", doc) == ["accounts largely for"]

    def test_possessive_slot(self) -> None:
        doc = en_doc("Trinket seized his chance. She leapt to her feet.")
        assert texts("seize one's chance", doc) == ["seized his chance"]
        assert texts("leap to one's feet", doc) == ["leapt to her feet"]

    def test_a_possessive_in_the_term_stands_for_any(self) -> None:
        # a glossary writes "take its toll"; the article says "taken their toll"
        doc = en_doc("Long hours have taken their toll. Its toll is high. It takes its toll.")
        assert texts("take its toll", doc) == ["taken their toll", "takes its toll"]
        assert texts("seize his chance", en_doc("She seized her chance.")) == ["seized her chance"]

    def test_oneself_ending_a_term_is_any_reflexive_and_part_of_the_occurrence(self) -> None:
        # the glossary writes "fend for oneself"; the article says "fend for themselves"
        doc = en_doc(
            "Stranded hikers had to fend for themselves. The cat can fend for itself.",
            "We found ourselves lost. He prides himself on his bread.",
        )
        assert texts("fend for oneself", doc) == ["fend for themselves", "fend for itself"]
        assert texts("find oneself", doc) == ["found ourselves"]
        assert texts("pride oneself on", doc) == ["prides himself on"]  # inside: a slot
        assert texts("fend for oneself", en_doc("Left to fend for food, they foraged.")) == []

    def test_offsets_and_sentence_numbers(self) -> None:
        doc = en_doc("One cluster. Two clusters.", "Three overtook clusters.")
        occ = find_term("cluster", doc)
        assert [(o.paragraph, o.sentence) for o in occ] == [(0, 0), (0, 1), (1, 2)]
        for o in occ:
            assert doc.en[o.paragraph].text[o.start : o.end] == o.text

    def test_term_forms(self) -> None:
        forms = term_forms("memorandum of understanding", definition="a document")
        assert "memoranda of understanding" in forms
        assert "memorandums of understanding" in forms
        assert set(term_forms("overtake")) >= {"overtake", "overtook", "overtaken", "overtaking"}

    def test_spelling_variants(self) -> None:
        assert spelling_variants("colour") == {"colour", "color"}
        assert spelling_variants("centre") == {"centre", "center"}
        assert spelling_variants("analyse") == {"analyse", "analyze"}
        assert spelling_variants("precise") == {"precise"}  # not an -ise suffix
        assert spelling_variants("four") == {"four"}  # not -our/-or
        # -ise words whose ending is also a listed non-suffix word (rise, arise, anise)
        for word in ("organise", "authorise", "summarise", "popularise", "mechanise"):
            assert spelling_variants(word) == {word, word[:-3] + "ize"}
        for word in ("rise", "arise", "sunrise", "anise", "surprise", "enterprise"):
            assert spelling_variants(word) == {word}

    def test_american_spelling_of_an_inflected_british_term(self) -> None:
        doc = en_doc("They organized a forum. The council has authorized it.")
        assert texts("organise", doc) == ["organized"]
        assert texts("authorise", doc) == ["authorized"]

    def test_seed(self, seed_doc: Document) -> None:
        cluster = find_term("cluster", seed_doc)
        assert sorted(o.text for o in cluster) == ["cluster", "clusters", "clusters", "clusters"]
        assert texts("metric", seed_doc) == ["metric"]
        assert texts("preferential", seed_doc) == ["preferential"]
        assert texts("lag", seed_doc) == ["lags"]

    @pytest.mark.parametrize(
        "name", ["housing", "energy", "health", "trade", "seed", *WRITTEN8]
    )
    def test_fixture_articles(self, name: str) -> None:
        doc, gold = gold_doc(name)
        entries = {e.term: e for e in doc.glossary}
        for term, want in gold["terms"].items():
            e = entries[term]
            got = [o.text for o in find_term(term, doc, pos=e.pos, definition=e.definition)]
            assert sorted(got) == sorted(want["en"]), term


@pytest.mark.parametrize(
    "name", WRITTEN10 + WRITTEN12 + WRITTEN14 + WRITTEN15 + WRITTEN16 + WRITTEN17 + WRITTEN18
)
def test_check_set_gold_is_consistent(name: str) -> None:
    """The round 10 check set's gold is what its articles say: one bead per sentence pair, the
    glossary's terms, each acceptable counterpart written in the Chinese and each English form
    in the English, where a teacher reading the article finds them (not the finder's output)."""
    doc, gold = gold_doc(name)
    assert gold["set"] == name.split("-")[0]
    en_text = "\n".join(p.text for p in doc.en)
    zh_text = "\n".join(p.text for p in doc.zh)
    n_en = sum(len(p.sentences) for p in doc.en)
    assert [b for b in gold["beads"]] == [[[i], [i]] for i in range(n_en)]
    assert n_en == sum(len(p.sentences) for p in doc.zh)
    assert [e.term for e in doc.glossary] == list(gold["terms"])
    for term, want in gold["terms"].items():
        assert want["zh"] and all(z in zh_text for z in want["zh"]), term
        assert want["en"] and all(e in en_text for e in want["en"]), term


def test_seed_teacher_gold_is_consistent() -> None:
    """The round 11 check set ``seed-teacher`` is the seed editorial itself, text unchanged, with
    a teacher's longer glossary: the seed's beads, the seed's three terms first, each acceptable
    counterpart written in the seed's Chinese and each English form in its English."""
    doc, gold = gold_doc("seed-teacher")
    seed_doc, seed_gold = gold_doc("seed")
    assert gold["set"] == "seed-teacher"
    assert [p.text for p in doc.en] == [p.text for p in seed_doc.en]
    assert [p.text for p in doc.zh] == [p.text for p in seed_doc.zh]
    assert gold["beads"] == seed_gold["beads"]
    assert [e.term for e in doc.glossary] == list(gold["terms"])
    assert list(gold["terms"])[:3] == list(seed_gold["terms"])
    assert len(gold["terms"]) >= 20
    en_text = "\n".join(p.text for p in doc.en)
    zh_text = "\n".join(p.text for p in doc.zh)
    for term, want in gold["terms"].items():
        assert want["zh"] and all(z in zh_text for z in want["zh"]), term
        assert want["en"] and all(e in en_text for e in want["en"]), term


# -- Chinese: counterparts ----------------------------------------------------------------------


class TestCounterparts:
    def test_seed_with_hand_alignment(self) -> None:
        doc, _ = gold_doc("seed")
        linked = link_glossary(doc)
        tops = [link.counterparts[0].text for link in linked.links]
        assert tops == ["集群", "指標", "特惠"]
        for link in linked.links:
            assert 0 < link.confidence <= 1
            assert link.counterparts[0].source == "alignment"
            scores = [c.score for c in link.counterparts]
            assert scores == sorted(scores, reverse=True)

    def test_fixture_articles_top1(self) -> None:
        """The fitted fixtures (a floor, not a quality figure: see bench_glossary.py)."""
        right = total = 0
        misses = []
        for name in ["housing", "energy", "health", "trade"]:
            doc, gold = gold_doc(name)
            linked = link_glossary(doc)
            for link in linked.links:
                term = doc.glossary[link.entry].term
                top = link.counterparts[0].text if link.counterparts else None
                total += 1
                if top in gold["terms"][term]["zh"]:
                    right += 1
                else:
                    misses.append((term, top))
        assert right / total >= 0.8, misses

    def test_dictionary_only_finder_still_works(self) -> None:
        doc, _ = gold_doc("seed")
        linked = link_glossary(doc, finder=CounterpartFinder(similarity=None))
        assert linked.links[2].counterparts[0].text in {"特惠", "優惠"}
        assert all(link.counterparts for link in linked.links)

    def test_teacher_given_equivalent_wins(self) -> None:
        doc, _ = gold_doc("seed")
        glossary = (replace(doc.glossary[0], zh=("創新集群",)), *doc.glossary[1:])
        linked = link_glossary(replace(doc, glossary=glossary))
        link = linked.links[0]
        assert link.counterparts[0].text == "創新集群"
        assert link.counterparts[0].source == "given"
        assert link.confidence == 1.0 and not link.uncertain
        assert {o.text for o in link.zh} == {"創新集群"}
        # highlighted only where the aligned English holds the term, as a found one is: not in
        # the untranslated lead, nor where the English of the sentence has no "cluster"
        assert 0 < len(link.zh) < sum(p.text.count("創新集群") for p in doc.zh)
        assert all(o.paragraph != 0 for o in link.zh)

    def test_given_equivalent_of_a_term_the_english_never_uses_is_highlighted_everywhere(
        self,
    ) -> None:
        doc, _ = gold_doc("seed")
        entry = GlossaryEntry("agglomeration", "a group", zh=("創新集群",))
        link = link_glossary(replace(doc, glossary=(entry,))).links[0]
        assert not link.en and len(link.zh) == sum(p.text.count("創新集群") for p in doc.zh)

    def test_given_equivalent_wins_even_below_any_threshold(self) -> None:
        doc, _ = gold_doc("seed")
        glossary = (replace(doc.glossary[0], zh=("集群",)), *doc.glossary[1:])
        finder = CounterpartFinder(threshold=2.0, class_thresholds=())  # every one uncertain
        linked = link_glossary(replace(doc, glossary=glossary), finder=finder)
        assert not linked.links[0].uncertain
        assert all(link.uncertain for link in linked.links[1:])

    def test_given_equivalent_in_other_script(self) -> None:
        doc, _ = gold_doc("seed")
        glossary = (replace(doc.glossary[1], zh=("指标",)), *doc.glossary[1:])
        linked = link_glossary(replace(doc, glossary=glossary))
        assert linked.links[0].counterparts[0].text == "指標"
        # "a third metric", not the 指標 of "two measures" the sentence before
        assert [o.sentence for o in linked.links[0].zh] == [10]

    def test_no_counterpart_is_honoured(self) -> None:
        doc, _ = gold_doc("seed")
        glossary = (replace(doc.glossary[0], no_counterpart=True), *doc.glossary[1:])
        link = link_glossary(replace(doc, glossary=glossary)).links[0]
        assert link.counterparts == () and link.zh == () and not link.uncertain
        assert [o.text for o in link.en] == ["clusters", "cluster", "clusters", "clusters"]

    def test_highlights_only_where_the_english_has_the_term(self) -> None:
        doc, _ = gold_doc("seed")
        linked = link_glossary(doc)
        aligned = {z for b in doc.alignment.sentences for z in b.zh} if doc.alignment else set()
        for link in linked.links:
            word = link.counterparts[0].text
            wanted = {
                z
                for b in doc.alignment.sentences  # type: ignore[union-attr]
                if any(o.sentence in b.en for o in link.en)
                for z in b.zh
            }
            assert link.zh and {o.sentence for o in link.zh} <= wanted <= aligned
            for o in link.zh:
                assert doc.zh[o.paragraph].text[o.start : o.end] == word == o.text
        # 指標 is also in a sentence whose English says "two measures": not highlighted there
        metric = linked.links[1]
        assert sum(p.text.count("指標") for p in doc.zh) == 2 and len(metric.zh) == 1

    def test_uncertain_below_the_threshold(self) -> None:
        doc, _ = gold_doc("seed")
        finder = CounterpartFinder.default()
        for link in link_glossary(doc, finder=finder).links:
            assert link.uncertain == (link.confidence < finder.threshold)
        strict = replace(finder, threshold=1.01, class_thresholds=())
        assert all(link.uncertain for link in link_glossary(doc, finder=strict).links)
        lenient = replace(finder, threshold=0.0, class_thresholds=())
        assert not any(link.uncertain for link in link_glossary(doc, finder=lenient).links)

    def test_links_in_glossary_order_and_round_trip(self) -> None:
        doc, _ = gold_doc("trade")
        linked = link_glossary(doc)
        assert [link.entry for link in linked.links] == list(range(len(doc.glossary)))
        assert Document.from_dict(linked.to_dict()) == linked

    def test_unaligned_document_falls_back_to_positions(self, seed_doc: Document) -> None:
        linked = link_glossary(seed_doc)
        assert linked.links[0].counterparts[0].text == "集群"

    def test_term_not_in_text_is_a_warning(self) -> None:
        doc = read_text(
            "The economy grew.\n\n明報社評 2025.01.01：經濟\n\n經濟增長。\n\n"
            "/ Glossary生字 /\n\nrecession：a period of economic decline\n"
        )
        linked = link_glossary(doc)
        assert linked.links[0].en == ()
        assert linked.links[0].counterparts == ()
        assert linked.links[0].confidence == 0.0
        line = doc.glossary[0].line
        assert linked.warnings == (
            f"<text>:{line}: glossary term 'recession' is not in the English text",
        )
        assert link_glossary(linked).warnings == linked.warnings  # not repeated


class TestFindChinese:
    def para(self, text: str, cuts: list[int]) -> Document:
        bounds = [0, *cuts, len(text)]
        tokens = tuple(Token(a, b) for a, b in itertools.pairwise(bounds))
        return Document(
            zh=(
                Paragraph(lang="zh", text=text, sentences=(Sentence(0, len(text)),), tokens=tokens),
            )
        )

    def test_does_not_cut_through_two_words(self) -> None:
        doc = self.para("社會計劃", [2])  # 社會|計劃 "social plan"
        assert find_chinese("會計", doc) == ()

    def test_segmentation_slip_at_one_end_counts(self) -> None:
        doc = self.para("三藩市集群", [2, 4])  # 三藩|市集|群: 集群 "cluster" cut at one end
        assert [o.start for o in find_chinese("集群", doc)] == [3]

    def test_inside_one_word_counts(self) -> None:
        doc = self.para("產業集群和集群", [4, 5])
        assert [o.start for o in find_chinese("集群", doc)] == [2, 5]


# -- vocabulary -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def annotated() -> Document:
    """The seed, hand-aligned, with Chinese tokens and glossary links."""
    from duizhao.chinese import annotate_document

    doc, _ = gold_doc("seed")
    return link_glossary(annotate_document(doc))


@pytest.fixture(scope="module")
def wide_vocabulary(annotated: Document) -> Document:
    """Suggestions with generous limits, computed once."""
    return suggest_vocabulary(annotated, en_limit=60, en_max_zipf=4.5, zh_limit=0)


class TestVocabulary:
    def test_english_limits_and_order(self, annotated: Document) -> None:
        vocab = suggest_vocabulary(annotated, en_limit=5, en_max_zipf=3.8).vocabulary
        assert vocab is not None
        assert 0 < len(vocab.en) <= 5
        levels = [v.level for v in vocab.en]
        assert levels == sorted(levels)
        assert all(v.level is not None and 0 < v.level < 3.8 for v in vocab.en)

    def test_english_excludes_terms_names_numbers(self, wide_vocabulary: Document) -> None:
        annotated = wide_vocabulary
        vocab = annotated.vocabulary
        assert vocab is not None
        words = {v.word for v in vocab.en}
        assert {"cluster", "metric", "preferential"}.isdisjoint(words)
        assert {"shenzhen", "yokohama", "guangzhou", "wipo", "tokyo"}.isdisjoint(words)
        assert not any(any(c.isdigit() for c in w) for w in words)
        assert "overtake" in words  # lemmatised from "overtook"
        for v in vocab.en:
            for o in v.occurrences:
                assert annotated.en[o.paragraph].text[o.start : o.end] == o.text

    def test_english_translation_where_found(self, wide_vocabulary: Document) -> None:
        vocab = wide_vocabulary.vocabulary
        assert vocab is not None
        by_word = {v.word: v for v in vocab.en}
        assert by_word["shortage"].translation == ("短缺",)
        assert not by_word["shortage"].uncertain

    def test_english_uses_the_same_finder_and_threshold(self, annotated: Document) -> None:
        strict = CounterpartFinder(threshold=1.01, class_thresholds=())
        vocab = suggest_vocabulary(annotated, en_limit=8, zh_limit=0, finder=strict).vocabulary
        assert vocab is not None and vocab.en
        assert all(v.uncertain for v in vocab.en if v.translation)
        lenient = CounterpartFinder(threshold=0.0, class_thresholds=())
        vocab = suggest_vocabulary(annotated, en_limit=8, zh_limit=0, finder=lenient).vocabulary
        assert vocab is not None
        assert not any(v.uncertain for v in vocab.en)

    def test_chinese_levels(self, annotated: Document) -> None:
        vocab = suggest_vocabulary(annotated, en_limit=0, zh_limit=10, zh_min_hsk=6).vocabulary
        assert vocab is not None
        assert 0 < len(vocab.zh) <= 10
        assert all(v.level is None or v.level >= 6 for v in vocab.zh)
        listed = [v.level for v in vocab.zh if v.level is not None]
        assert listed == sorted(listed, reverse=True)
        for v in vocab.zh:
            assert v.pinyin and v.translation
            assert all(o.text == v.word for o in v.occurrences)

    def test_chinese_without_unlisted_words(self, annotated: Document) -> None:
        vocab = suggest_vocabulary(
            annotated, en_limit=0, zh_limit=100, zh_min_hsk=7, zh_unlisted=False
        )
        assert vocab.vocabulary is not None
        assert vocab.vocabulary.zh
        assert all(v.level == 7 for v in vocab.vocabulary.zh)

    def test_english_leaves_out_common_families_and_numbers(self) -> None:
        # "shortening" is short + en + ing: a learner who knows "short" reads it; "punctual" is
        # rare in its own right (text written for this test)
        from duizhao import align_document, annotate_document, read_text

        doc = read_text(
            "The shortening of the ferry's trips has pleased sixty punctual commuters.\n\n"
            "渡輪航程縮短，令六十名準時的通勤者十分高興。"
        )
        vocab = suggest_vocabulary(annotate_document(align_document(doc))).vocabulary
        assert vocab is not None
        words = {v.word for v in vocab.en}
        assert "punctual" in words
        assert not words & {"shortening", "shorten"}
        assert "sixty" not in words  # a number spelt out

    def test_limits_of_zero(self, annotated: Document) -> None:
        vocab = suggest_vocabulary(annotated, en_limit=0, zh_limit=0).vocabulary
        assert vocab is not None
        assert vocab.en == () and vocab.zh == ()

    def test_pure(self, annotated: Document) -> None:
        before = annotated.to_dict()
        suggest_vocabulary(annotated, en_limit=3, zh_limit=3)
        assert annotated.to_dict() == before


def test_shared_context_changes_nothing(annotated: Document, wide_vocabulary: Document) -> None:
    context = LinkContext()
    linked = link_glossary(annotated, context=context)
    assert linked.links == annotated.links  # linked without a context
    assert context.text is not None and context.sentences and context.beads
    shared = suggest_vocabulary(linked, en_limit=60, en_max_zipf=4.5, zh_limit=0, context=context)
    assert shared.vocabulary == wide_vocabulary.vocabulary


def test_glossary_entry_line_is_kept(seed_doc: Document) -> None:
    linked = link_glossary(seed_doc)
    d = linked.to_dict()["glossary"][0]
    assert d["counterparts"][0]["text"] == "集群" and d["zh"] == []  # found, not given
    assert GlossaryEntry.from_dict(d) == seed_doc.glossary[0]
    assert d["line"] == seed_doc.glossary[0].line


def test_a_number_is_not_a_chinese_word_to_learn() -> None:
    # "forty participants" → 四十名參與者: 四十 "forty" was suggested as a word to learn
    from conftest import cli_json

    path = Path(__file__).parent / "fixtures" / "glossary" / "written10-bilingual-reading.txt"
    words = [v["word"] for v in cli_json("annotate", str(path))["vocabulary"]["zh"]]
    assert "參與者" in words
    assert "四十" not in words
