"""Uncertain Chinese counterparts in the bank: flagged "check", never stored or shown as the answer
(issue 13: a wrong counterpart spread to the term bank as if certain)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from duizhao.bank import TermBank, due_sheet, render_due
from duizhao.cli import main
from duizhao.model import Document


def _unsure(doc: Document, term: str) -> Document:
    """The document with the link of glossary term ``term`` marked uncertain (the other links
    certain), and its first English vocabulary word uncertain too."""
    links = tuple(
        replace(link, uncertain=doc.glossary[link.entry].term == term) for link in doc.links
    )
    assert any(link.uncertain and link.counterparts for link in links)
    vocab = doc.vocabulary
    assert vocab is not None and vocab.en and vocab.en[0].translation
    en = (replace(vocab.en[0], uncertain=True), *(replace(v, uncertain=False) for v in vocab.en[1:]))
    return replace(doc, links=links, vocabulary=replace(vocab, en=en))


def test_the_bank_keeps_an_uncertain_counterpart_as_a_guess(seed: Document, tmp_path: Path) -> None:
    doc = _unsure(seed, "cluster")
    guess = next(link for link in doc.links if link.uncertain).counterparts[0].text
    word = doc.vocabulary.en[0]  # type: ignore[union-attr]
    with TermBank(tmp_path / "b.sqlite3") as bank:
        bank.add(doc)
        stats = {t.word: t for t in bank.terms(lang="en")}
        assert stats["cluster"].zh is None and stats["cluster"].check == guess
        assert stats[word.word].zh is None and stats[word.word].check == word.translation[0]
        sure = [t for t in stats.values() if "glossary" in t.kinds and t.word != "cluster"]
        assert sure and all(t.zh and t.check is None for t in sure)
        new = {n.word: n for n in bank.new_in(doc)}
        assert new["cluster"].zh is None and new["cluster"].check == guess
        # the review sheet gives no uncertain counterpart as a clue
        items = bank.due("2025-09-10", new=10)
    lines = {ln.term: ln for ln in due_sheet(items, "2025-09-10").lines}
    assert lines["cluster"].counterpart is None
    assert guess not in render_due([it for it in items if it.display == "cluster"], "2025-09-10")


def test_cli_marks_an_uncertain_counterpart_check(
    seed: Document, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _unsure(seed, "cluster")
    guess = next(link for link in doc.links if link.uncertain).counterparts[0].text
    article = tmp_path / "a.json"
    article.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
    db = str(tmp_path / "b.sqlite3")
    assert main(["bank", "add", str(article), "--db", db]) == 0
    capsys.readouterr()
    assert main(["bank", "terms", "--db", db, "--kind", "glossary"]) == 0
    row = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("cluster "))
    assert f"check: {guess}" in row
    assert main(["bank", "terms", "--db", db, "--format", "json"]) == 0
    cluster = next(t for t in json.loads(capsys.readouterr().out) if t["word"] == "cluster")
    assert (cluster["zh"], cluster["check"]) == (None, guess)
    assert main(["bank", "new", str(article), "--db", db]) == 0
    row = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("cluster "))
    assert f"check: {guess}" in row
