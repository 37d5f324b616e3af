"""The rows an article becomes (duizhao.bank.rows): plain, pure, consistent."""

from __future__ import annotations

import json

from duizhao.bank import ROW_TABLES, document_rows
from duizhao.model import Document


def test_document_rows_are_plain_and_consistent(seed: Document) -> None:
    rows = document_rows(seed)
    assert rows == document_rows(seed)  # pure and deterministic
    json.dumps(rows)  # plain values only: an engine could ship them anywhere
    assert set(rows) == set(ROW_TABLES)
    assert len(rows["article"]) == 1
    key = rows["article"][0]["key"]
    n_sent = {lang: len(seed.sentence_texts(lang)) for lang in ("en", "zh")}
    assert sum(1 for r in rows["sentence"] if r["lang"] == "en") == n_sent["en"]
    assert sum(1 for r in rows["sentence"] if r["lang"] == "zh") == n_sent["zh"]
    sentences = {(r["lang"], r["n"]): r for r in rows["sentence"]}
    terms = {(t["lang"], t["word"]) for t in rows["term"]}
    for o in rows["occurrence"]:
        assert o["article"] == key
        assert (o["lang"], o["word"]) in terms
        s = sentences[(o["occ_lang"], o["sentence"])]
        para = seed.paragraphs(o["occ_lang"])[s["paragraph"]]
        assert para.text[o["start"] : o["end"]] == o["text"]
        assert s["start"] <= o["start"] and o["end"] <= s["start"] + len(s["text"])
    glossary = [r["word"] for r in rows["article_term"] if r["kind"] == "glossary"]
    assert glossary == [e.term.lower() for e in seed.glossary]
