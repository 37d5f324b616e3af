"""Tests for duizhao.pipeline.annotate and ``duizhao annotate`` (the issue's Done-when)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.model import Document
from duizhao.pipeline import annotate


@pytest.fixture(scope="module")
def complete(annotated_seed: Document) -> Document:
    return annotated_seed


def test_seed_done_when(complete: Document) -> None:
    links = {complete.glossary[link.entry].term: link for link in complete.links}
    assert Counter(o.text for o in links["cluster"].en) == {"clusters": 3, "cluster": 1}
    assert [o.text for o in links["metric"].en] == ["metric"]
    assert [o.text for o in links["preferential"].en] == ["preferential"]
    for term, word in [("cluster", "集群"), ("metric", "指標"), ("preferential", "特惠")]:
        link = links[term]
        assert link.counterparts[0].text == word
        # highlighted only where the aligned English holds the term (issue 13)
        assert complete.alignment is not None
        aligned = {
            z
            for b in complete.alignment.sentences
            if any(o.sentence in b.en for o in link.en)
            for z in b.zh
        }
        assert 0 < len(link.zh) <= sum(p.text.count(word) for p in complete.zh)
        assert {o.sentence for o in link.zh} <= aligned
        for o in link.zh:
            assert complete.zh[o.paragraph].text[o.start : o.end] == word


def test_complete_document(complete: Document) -> None:
    assert complete.alignment is not None and complete.alignment.sentences
    assert all(p.tokens for p in complete.zh)
    assert len(complete.links) == len(complete.glossary)
    assert complete.vocabulary is not None
    assert complete.vocabulary.en and complete.vocabulary.zh
    assert Document.from_dict(complete.to_dict()) == complete


def test_english_occurrences_use_document_sentence_numbers(complete: Document) -> None:
    firsts = complete.first_sentence("en")
    for link in complete.links:
        for o in link.en:
            para = complete.en[o.paragraph]
            s = para.sentences[o.sentence - firsts[o.paragraph]]
            assert s.start <= o.start < o.end <= s.end


def test_accepts_a_document_and_limits(seed_doc: Document) -> None:
    doc = annotate(seed_doc, en_limit=3, zh_limit=4, zh_min_hsk=7)
    assert doc.vocabulary is not None
    assert len(doc.vocabulary.en) <= 3
    assert len(doc.vocabulary.zh) <= 4
    assert all(v.level is None or v.level == 7 for v in doc.vocabulary.zh)
    assert seed_doc.links == () and seed_doc.alignment is None  # the input is untouched


def test_cli_json(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(seed_path), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert {"meta", "en", "zh", "glossary", "alignment", "vocabulary"} <= d.keys()
    assert all("tokens" in p for p in d["zh"]["paragraphs"])
    cluster = d["glossary"][0]
    assert cluster["zh"] == [] and cluster["counterparts"][0]["text"] == "集群"
    assert cluster["uncertain"] in (True, False)
    assert 0 < cluster["confidence"] <= 1
    assert len(cluster["occurrences"]["en"]) == 4
    assert set(cluster["occurrences"]["en"][0]) == {"paragraph", "sentence", "start", "end", "text"}
    assert cluster["occurrences"]["zh"]
    assert {"en", "zh"} == d["vocabulary"].keys()


def test_cli_text_and_limits(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(seed_path), "--en-limit", "0", "--zh-limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "cluster → 集群" in out
    assert "metric → 指標" in out
    assert "preferential → 特惠" in out


def test_cli_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.startswith("error:")


def test_cli_text_marks_uncertain_counterparts(capsys: pytest.CaptureFixture[str], annotated_seed) -> None:
    from duizhao.cli.annotate import _annotate_text

    text = _annotate_text(annotated_seed)
    for link in annotated_seed.links:
        term = annotated_seed.glossary[link.entry].term
        line = next(x for x in text.splitlines() if x.strip().startswith(f"{term} →"))
        assert ("check" in line) == link.uncertain
