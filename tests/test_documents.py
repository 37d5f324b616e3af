"""The one loader (duizhao.documents): articles, annotate JSON, and the sidecar pins every command honours."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.documents import document_from_json, is_document_json, load_document
from duizhao.errors import InputError

ARTICLE = """\
The government will build a new cluster of laboratories next year.

Tram fares will rise by ten cents from Monday.

Visitors praised the harbour views.

政府明年將興建一個新的實驗室集群。

電車車費下周一起加價一毫。

旅客稱讚海港景色。

/ Glossary生字 /
cluster：a group of similar things close together
"""

#: The Chinese sentence English paragraph 0 is paired with when the sidecar pins it to ¶1.
PINNED_ZH = "電車車費下周一起加價一毫。"


@pytest.fixture()
def pinned(tmp_path: Path) -> Path:
    """A small article with NAME.align.toml beside it pinning English ¶0 to Chinese ¶1."""
    article = tmp_path / "art" / "labs.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    (article.parent / "labs.align.toml").write_text('pins = ["0:1"]\n', encoding="utf-8")
    return article


def _pinned_bead(beads: list[dict]) -> dict:
    return next(b for b in beads if b.get("pinned"))


def test_without_a_sidecar_the_paragraphs_pair_in_order(tmp_path):
    article = tmp_path / "labs.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    doc = load_document(article)
    assert doc.pins == ()
    assert [(b.en, b.zh) for b in doc.alignment.paragraphs] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_annotate_honours_the_sidecar(pinned, capsys):
    assert main(["annotate", str(pinned), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pins"] == [[0, 1]]
    bead = _pinned_bead(data["alignment"]["paragraphs"])
    assert bead["en"] == [0] and bead["zh"] == [1]


def test_sheet_honours_the_sidecar(pinned, tmp_path):
    out = tmp_path / "out"
    assert main(["sheet", str(pinned), "-o", str(out), "-q"]) == 0
    html = (out / "labs.html").read_text(encoding="utf-8")
    assert 'class="row pair pinned"' in html


def test_build_honours_the_sidecar(pinned, tmp_path):
    out = tmp_path / "site"
    assert main(["build", str(pinned.parent), "-o", str(out), "-q", "--no-drills"]) == 0
    assert 'class="row pair pinned"' in (out / "labs.html").read_text(encoding="utf-8")


def test_drill_honours_the_sidecar(pinned, tmp_path):
    out = tmp_path / "drills"
    assert main(["drill", str(pinned), "-o", str(out), "--kinds", "translate", "-q"]) == 0
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    # the translation prompt for "cluster" is the Chinese the pinned English paragraph pairs with
    assert "加價一毫" in html and "實驗室" not in html


def test_bank_add_honours_the_sidecar(pinned, tmp_path):
    db = tmp_path / "bank.sqlite3"
    assert main(["bank", "add", str(pinned), "--db", str(db), "-q"]) == 0
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT lang, text, bead FROM sentence").fetchall()
    bead_of = {text: bead for lang, text, bead in rows}
    first_en = next(t for lang, t, _ in rows if lang == "en" and t.startswith("The government"))
    assert bead_of[first_en] is not None and bead_of[first_en] == bead_of[PINNED_ZH]


def test_annotate_json_is_read_as_a_document_not_an_article(pinned, tmp_path, capsys):
    assert main(["annotate", str(pinned), "--format", "json"]) == 0
    saved = tmp_path / "saved.txt"  # the name does not matter: the content is JSON
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    assert is_document_json(saved)
    doc = document_from_json(saved)
    assert doc.pins == ((0, 1),) and doc.links


def test_other_json_is_an_error_not_an_article(tmp_path, capsys):
    other = tmp_path / "config.json"
    other.write_text('{"name": "not an article"}', encoding="utf-8")
    with pytest.raises(InputError, match="no 'schema' key"):
        load_document(other)
    assert main(["sheet", str(other), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "config.json" in err and err.count("\n") == 1


def test_a_newer_schema_is_refused(tmp_path):
    newer = tmp_path / "newer.json"
    newer.write_text('{"schema": 99, "en": {}, "zh": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="schema 99"):
        load_document(newer)


def test_parse_json_is_annotated_like_its_article(tmp_path, capsys):
    article = tmp_path / "labs.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["parse", str(article), "--format", "json"]) == 0
    parsed = tmp_path / "labs.parse.json"
    parsed.write_text(capsys.readouterr().out, encoding="utf-8")
    doc = load_document(parsed)
    assert doc.alignment is not None and doc.links and doc.zh[0].tokens
    assert doc.to_dict()["glossary"] == load_document(article).to_dict()["glossary"]
