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
