"""The bank's queries: cumulative terms, what is new, coverage, the concordance."""

from __future__ import annotations

from pathlib import Path

from duizhao.bank import TermBank, kwic_html, kwic_text
from duizhao.model import Document

from .helpers import variant


def test_terms_counts_and_first_appearance(three: tuple[Path, list[Document]]) -> None:
    db, docs = three
    first_term = docs[0].glossary[0].term.lower()
    second_term = docs[1].glossary[1].term.lower()
    n_first = len(docs[0].links[0].en)
    with TermBank(db) as bank:
        allstats = {t.word: t for t in bank.terms()}
        assert allstats[first_term].articles == 3
        assert allstats[first_term].count == 3 * n_first
        assert allstats[first_term].first_date == "2025-01-10"
        assert allstats[second_term].first_date == "2025-02-10"
        assert allstats["zzyzx"].first_date == "2025-03-10"
        ranged = {t.word: t for t in bank.terms("2025-02-01", "2025-02-28")}
        assert ranged[first_term].articles == 1
        assert ranged[first_term].first_date == "2025-01-10"  # first appearance in the bank
        assert "zzyzx" not in ranged
        assert {t.lang for t in bank.terms(lang="zh")} == {"zh"}
        assert {t.kinds for t in bank.terms(kind="glossary")} == {("glossary",)}


def test_new_in_and_coverage(three: tuple[Path, list[Document]]) -> None:
    db, docs = three
    with TermBank(db) as bank:
        first = bank.new_in(docs[0])
        assert {n.word for n in first if n.kind == "glossary"} == {
            docs[0].glossary[0].term.lower()
        }
        second = {n.word for n in bank.new_in(docs[1])}
        assert second == {e.term.lower() for e in docs[1].glossary[1:]}
        assert {n.word for n in bank.new_in(docs[2])} == {"zzyzx"}
        # an article not in the bank, dated after all of them: only the unseen word is new
        later = variant(docs[0], "2025-12-01", extra_vocab="qwxyz")
        assert [n.word for n in bank.new_in(later)] == ["qwxyz"]
        cov = bank.coverage(docs[2])
        assert cov["en"].new == ("zzyzx",)
        assert cov["en"].met == cov["en"].total - 1
        assert cov["zh"].ratio == 1.0
        first_cov = bank.coverage(docs[0])
        assert first_cov["en"].met == 0 and first_cov["en"].ratio == 0.0


def test_kwic_english_chinese_and_fulltext(seed: Document, tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    link = seed.links[0]
    term = seed.glossary[link.entry].term
    with TermBank(db) as bank:
        bank.add(variant(seed, "2025-01-01"))
        bank.add(variant(seed, "2025-02-01"))
        lines = bank.kwic(term)
        assert len(lines) == 2 * len(link.en)
        assert [ln.date for ln in lines][:1] == ["2025-02-01"]  # newest first
        texts = seed.sentence_texts("en")
        for ln in lines:
            assert ln.lang == "en"
            assert ln.keyword in {o.text for o in link.en}
            assert ln.text in texts
        # the aligned Chinese sentence comes along, with the counterpart marked where linked
        assert all(ln.other for ln in lines)
        marked = [ln.other[s:e] for ln in lines for s, e in ln.other_marks]
        assert set(marked) <= {o.text for o in link.zh}
        if link.zh:
            assert marked
            zh_lines = bank.kwic(link.zh[0].text)
            assert zh_lines and all(ln.lang == "zh" for ln in zh_lines)
        assert len(bank.kwic(term, limit=3)) == 3
        assert bank.kwic(term.upper()) == lines  # terms are matched without case
        # any other word: the trigram index finds it as a substring
        ft = bank.kwic("venture capital")
        assert len(ft) == 2 and ft[0].keyword == "venture capital"
        assert bank.kwic("no such phrase anywhere") == []
        assert bank.kwic("5%")  # shorter than a trigram: scanned
    text = kwic_text(lines)
    assert f"[{lines[0].keyword}]" in text
    page = kwic_html("<b>" + term, lines)
    assert "&lt;b&gt;" in page and "<mark>" in page and "<script" not in page
