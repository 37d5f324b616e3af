"""The encoder's evidence for the best candidates (duizhao.glossary.similarity), with a stand-in
similarity so that the test needs no encoder."""

from duizhao.glossary.features import Candidate
from duizhao.glossary.similarity import add_similarity, encoder_strings


def _ranked() -> list[Candidate]:
    # "slump": 大幅 ("greatly") and 下滑 ("to decline"), CC-CEDICT silent on the term itself
    return [Candidate("大幅", {}, [], 2.0), Candidate("下滑", {}, [], 1.9)]


def _similarity(en, zh):
    table = {("slump", "to decline"): 0.8, ("sharply", "大幅"): 0.9}
    return [[table.get((e, z), 0.1) for z in zh] for e in en]


def test_gloss_similarity_favours_the_candidate_whose_sense_is_near_the_term():
    ranked = _ranked()
    add_similarity("slump", ranked, _similarity)
    feats = {c.text: c.features for c in ranked}
    assert feats["下滑"]["gloss_similarity"] > 0 > feats["大幅"]["gloss_similarity"]


def test_explained_encoder_marks_a_candidate_nearer_another_english_word():
    ranked = _ranked()
    add_similarity("slump", ranked, _similarity, others=("sharply",))
    feats = {c.text: c.features for c in ranked}
    assert feats["大幅"]["explained_encoder"] > 0.5
    assert feats["下滑"]["explained_encoder"] == 0.0


def test_encoder_strings_hold_senses_and_other_words():
    strings = encoder_strings("slump", _ranked(), ("sharply",))
    assert strings[:3] == ["slump", "大幅", "下滑"]
    assert "to decline" in strings and "sharply" in strings


def _han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _candidates_per_call(limits=None):  # type: ignore[no-untyped-def]
    """How many Chinese candidates the finder shows the similarity for each English word of the
    sample editorial's vocabulary (or, with ``limits``, for the same words asked as glossary
    terms are)."""
    from pathlib import Path

    from duizhao import pipeline
    from duizhao.glossary import CounterpartFinder, LinkContext
    from duizhao.glossary.finder import Request
    from duizhao.glossary.vocabulary import suggest_vocabulary

    seen: list[int] = []

    def spy(en, zh):  # type: ignore[no-untyped-def]
        if len(en) == 1:  # the word against its candidates and their senses
            seen.append(sum(_han(z) for z in zh))
        return [[0.0 for _ in zh] for _ in en]

    finder = CounterpartFinder(similarity=spy)
    seed = Path(__file__).resolve().parents[1] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
    doc = pipeline.annotate(seed)
    if limits is None:
        suggest_vocabulary(doc, finder=finder)
    else:
        words = [v for v in doc.vocabulary.en if v.occurrences]
        requests = [Request(v.word, v.forms, v.occurrences, "", limits) for v in words]
        finder.rankings(doc, requests, context=LinkContext())
    return seen


def test_the_vocabulary_shows_the_encoder_fewer_candidates_than_the_glossary():
    from duizhao.glossary.similarity import RESCORE, RESCORE_WEAK, VOCABULARY_RESCORE

    vocabulary = _candidates_per_call()
    assert vocabulary and max(vocabulary) <= VOCABULARY_RESCORE[1]
    as_terms = _candidates_per_call((RESCORE, RESCORE_WEAK))  # what a glossary term asks for
    # the same words, asked as glossary terms are, show it more
    assert sum(as_terms) > sum(vocabulary) and max(as_terms) > VOCABULARY_RESCORE[0]
