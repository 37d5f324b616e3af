"""The document model's JSON form: one type per key in every stage, and old files still read."""

from __future__ import annotations

from duizhao.model import SCHEMA_VERSION, Document, GlossaryEntry, TermLink


def test_glossary_zh_is_a_list_after_parse_and_after_annotate(seed_doc, annotated_seed):
    for doc in (seed_doc, annotated_seed):
        d = doc.to_dict()
        assert d["schema"] == SCHEMA_VERSION == 2
        assert all(isinstance(e["zh"], list) for e in d["glossary"])
        assert all("zh_given" not in e for e in d["glossary"])
    linked = annotated_seed.to_dict()["glossary"][0]
    assert linked["zh"] == [] and linked["counterparts"][0]["text"] == "集群"
    assert isinstance(linked["uncertain"], bool)


def test_given_equivalents_and_no_counterpart_round_trip():
    entry = GlossaryEntry("tram", "a vehicle on rails", "n.", ("電車",), 12)
    assert GlossaryEntry.from_dict(entry.to_dict()) == entry
    none = GlossaryEntry("designate", "chosen for a post", no_counterpart=True)
    assert none.to_dict()["no_counterpart"] is True
    assert GlossaryEntry.from_dict(none.to_dict()) == none


def test_documents_round_trip(annotated_seed):
    assert Document.from_dict(annotated_seed.to_dict()) == annotated_seed


def test_schema_1_files_still_read():
    # after parse: "zh" was the first given equivalent, a string or null
    old_parse = {"term": "tram", "definition": "", "zh": "電車", "zh_given": ["電車", "叮叮"]}
    assert GlossaryEntry.from_dict(old_parse, 1).zh == ("電車", "叮叮")
    assert GlossaryEntry.from_dict({"term": "tram", "definition": "", "zh": None}, 1).zh == ()
    # after annotate: "zh" listed the *found* counterparts, which are not given equivalents
    old_annotated = {
        "term": "cluster",
        "definition": "",
        "zh": ["集群"],
        "zh_given": [],
        "counterparts": [{"text": "集群", "score": 0.9, "source": "alignment"}],
        "confidence": 0.9,
        "occurrences": {"en": [], "zh": []},
    }
    doc = Document.from_dict({"schema": 1, "glossary": [old_annotated]})
    assert doc.glossary[0].zh == ()
    assert doc.links == (TermLink(0, doc.links[0].counterparts, 0.9),)
    assert doc.links[0].counterparts[0].text == "集群"
