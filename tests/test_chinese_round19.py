"""Round 19: readings a teacher can trust — a pinyin reading the polyphone model decided with
little certainty is marked unsure (``Token.pinyin_unsure``), and every output says "check".

Readings never change: only the flag is new. The sentences are ours (not from a dev set):
稱冠 *guàn* and 都 *dōu* are read by g2pM alone below the threshold (both are right).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from duizhao.chinese import ChineseAnnotator, PinyinRomaniser, annotate_text
from duizhao.cli import main
from duizhao.model import (
    Corrections,
    Document,
    Paragraph,
    ReadingFix,
    Sentence,
    Token,
    VocabItem,
    Vocabulary,
)

ARTICLE = Path(__file__).parent / "fixtures" / "chinese" / "unsure_readings.txt"
CROWNED = "我們在會上稱冠全港，校長很高興。"  # "we were crowned champion of all Hong Kong"


def _word(tokens: tuple[Token, ...], text: str, word: str) -> Token:
    return next(t for t in tokens if t.text_in(text) == word)


def test_a_reading_the_model_was_unsure_of_is_marked_and_nothing_else_changes():
    tokens = annotate_text(CROWNED)
    crowned = _word(tokens, CROWNED, "稱冠")
    assert crowned.pinyin == ("chēng", "guàn")
    assert crowned.pinyin_unsure == (False, True)  # per character: only 冠
    # words a dictionary phrase reads (高興, 校長) are never marked
    assert _word(tokens, CROWNED, "校長").pinyin_unsure == ()
    # the flag is all that differs from a romaniser that marks nothing
    plain = ChineseAnnotator(pinyin=PinyinRomaniser(unsure_below=0.0)).annotate(CROWNED)
    assert all(t.pinyin_unsure == () for t in plain)
    assert [t.pinyin for t in plain] == [t.pinyin for t in tokens]


def test_the_json_carries_the_flag_only_where_one_is_set():
    tokens = annotate_text(CROWNED)
    crowned = _word(tokens, CROWNED, "稱冠").to_dict(CROWNED)
    assert crowned["pinyin_unsure"] == [False, True]
    assert "pinyin_unsure" not in _word(tokens, CROWNED, "校長").to_dict(CROWNED)
    back = Token.from_dict(crowned)
    assert back.pinyin_unsure == (False, True)
    assert Token.from_dict({**crowned, "pinyin_unsure": [False, False]}).pinyin_unsure == ()
    # a vocabulary word says so too, and reads back
    item = VocabItem("zh", "稱冠", pinyin="chēng guàn", reading_unsure=True)
    assert item.to_dict()["reading_unsure"] is True
    assert "reading_unsure" not in dataclasses.replace(item, reading_unsure=False).to_dict()
    assert VocabItem.from_dict(item.to_dict(), "zh").reading_unsure


def test_the_annotated_article_validates_against_the_schema(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    from duizhao.model import json_schema

    assert main(["annotate", str(ARTICLE), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    paras = doc["zh"]["paragraphs"]
    flagged = [t for p in paras for t in p["tokens"] if "pinyin_unsure" in t]
    assert {t["text"] for t in flagged} >= {"稱冠", "都"}
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(doc))
    assert errors == []
    back = Document.from_dict(doc)
    assert back.to_dict()["zh"] == doc["zh"]  # read back as written


def test_a_teachers_reading_clears_the_flag(tmp_path):
    from duizhao import annotate, read

    article = tmp_path / ARTICLE.name
    shutil.copy(ARTICLE, article)
    article.with_name(f"{article.stem}.duizhao.toml").write_text(
        '[readings]\n"稱冠" = "chēng guàn"\n', "utf-8"
    )
    doc = annotate(read(article))
    words = {t.text_in(p.text): t for p in doc.zh for t in p.tokens}
    assert words["稱冠"].pinyin_unsure == () and words["稱冠"].pinyin == ("chēng", "guàn")
    assert words["都"].pinyin_unsure == (True,)  # the other is still to check


def test_corrections_on_an_annotated_document_clear_it_and_word_cuts_keep_it():
    from duizhao.model import WordFix
    from duizhao.pipeline.corrections import honour_chinese

    text = "稱冠全港"
    para = Paragraph("zh", text, sentences=(Sentence(0, 4),), tokens=(
        Token(0, 2, pinyin=("chēng", "guàn"), pinyin_unsure=(False, True)),
        Token(2, 4, pinyin=("quán", "gǎng")),
    ))  # fmt: skip
    doc = Document(zh=(para,))
    fixed = honour_chinese(dataclasses.replace(doc, corrections=Corrections(
        readings=(ReadingFix("稱冠", pinyin=("chēng", "guàn"), line=2),))))  # fmt: skip
    assert fixed.zh[0].tokens[0].pinyin_unsure == ()
    cut = honour_chinese(dataclasses.replace(doc, corrections=Corrections(
        words=(WordFix("稱冠", ("稱", "冠"), line=2),))))  # fmt: skip
    assert [t.pinyin_unsure for t in cut.zh[0].tokens[:2]] == [(), (True,)]


def test_duizhao_words_marks_the_reading_in_text_and_json(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text(CROWNED + "\n", "utf-8")
    assert main(["words", str(src), "--format", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert next(x for x in lines if x.startswith("稱冠\t")).split("\t")[1] == "chēng guàn?"
    assert next(x for x in lines if x.startswith("校長\t")).split("\t")[1] == "xiào zhǎng"
    assert main(["words", str(src)]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert [t["pinyin_unsure"] for t in obj["tokens"] if "pinyin_unsure" in t] == [[False, True]]


def _vocab_doc() -> Document:
    text = "稱冠全港。"
    para = Paragraph("zh", text, sentences=(Sentence(0, 5),), tokens=(
        Token(0, 2, pinyin=("chēng", "guàn"), jyutping=("cing1", "gun3"), gloss="to be champion",
              pinyin_unsure=(False, True)),
        Token(2, 4, pinyin=("quán", "gǎng"), jyutping=("cyun4", "gong2"),
              gloss="the whole of Hong Kong"),
        Token(4, 5),
    ))  # fmt: skip
    from duizhao.model import Occurrence

    items = (
        VocabItem("zh", "稱冠", ("稱冠",), 1, None, ("to be champion",), pinyin="chēng guàn",
                  jyutping="cing1 gun3", reading_unsure=True,
                  occurrences=(Occurrence(0, 0, 0, 2, "稱冠"),)),
        VocabItem("zh", "全港", ("全港",), 1, None, ("the whole of Hong Kong",),
                  pinyin="quán gǎng", jyutping="cyun4 gong2",
                  occurrences=(Occurrence(0, 0, 2, 4, "全港"),)),
    )  # fmt: skip
    return Document(zh=(para,), vocabulary=Vocabulary(en=(), zh=items))


def test_exports_flag_a_chinese_word_whose_reading_is_to_check():
    from duizhao.drills.export.tabular import csv_text, quizlet_text

    doc = _vocab_doc()
    quizlet = quizlet_text(doc, vocabulary=True, lang="zh").splitlines()
    assert quizlet[0].startswith("稱冠\t") and quizlet[0].endswith("(check)")
    assert quizlet[1].startswith("全港\t") and not quizlet[1].endswith("(check)")
    # Jyutping alone: the pinyin to check is not shown, so nothing to flag
    assert "(check)" not in quizlet_text(doc, vocabulary=True, lang="zh", reading="jyutping")
    rows = [r.split(",") for r in csv_text(doc, lang="zh").splitlines()[1:]]
    assert [(r[0], r[-1]) for r in rows] == [("稱冠", "yes"), ("全港", "")]


def test_the_readings_exercise_asks_no_reading_to_check():
    from duizhao.drills import make_worksheets

    doc = _vocab_doc()
    [ws] = make_worksheets(doc, kinds=["readings"], count=10)
    section = next(s for s in ws.sections if s.kind == "readings")
    marked = ["".join(s.text for s in it.prompt if s.mark) for it in section.items]
    assert marked == ["全港"]
    [ws] = make_worksheets(doc, kinds=["readings"], count=10, reading="jyutping")
    section = next(s for s in ws.sections if s.kind == "readings")
    marked = ["".join(s.text for s in it.prompt if s.mark) for it in section.items]
    assert marked == ["稱冠"]  # its Jyutping is not in doubt (one word a clause)


def test_the_sheet_marks_a_vocabulary_reading_to_check():
    from duizhao.sheet import render_sheet

    html = render_sheet(_vocab_doc())
    row = next(r for r in html.split("<tr>") if ">稱冠<" in r and "py-t" in r)
    assert '<span class="chk">? check</span>' in row
    other = next(r for r in html.split("<tr>") if ">全港<" in r and "py-t" in r)
    assert "? check" not in other
    assert "a reading dotted and marked “?”" in html


def test_the_review_page_lists_the_readings_to_check():
    from duizhao import annotate, read
    from duizhao.review.flags import to_check

    doc = annotate(read(ARTICLE))
    readings = [c for c in to_check(doc) if c["kind"] == "reading"]
    assert [c["what"].split(":")[0] for c in readings] == ["稱冠 chēng guàn?", "都 dōu?"]
    assert [c["target"] for c in readings] == ["zh:0", "zh:1"]


def test_a_glossary_card_whose_chinese_has_a_reading_to_check_is_flagged(tmp_path):
    from duizhao import annotate, read
    from duizhao.drills.export.cards import cards
    from duizhao.drills.export.tabular import csv_text, quizlet_text

    article = tmp_path / ARTICLE.name
    article.write_text(
        ARTICLE.read_text("utf-8").replace("champion：", "champion【稱冠】："), "utf-8"
    )
    doc = annotate(read(article))
    [card] = cards(doc)
    assert (card.chinese, card.pinyin, card.check) == ("稱冠", "chēng guàn", False)
    assert card.reading_check
    assert quizlet_text(doc, lang="zh").rstrip("\n").endswith("(check)")
    assert csv_text(doc, lang="zh", vocabulary=False).splitlines()[1].endswith(",yes")
    assert "(check)" not in quizlet_text(doc, lang="zh", reading="jyutping")


def test_the_anki_note_says_its_pinyin_is_to_check(tmp_path):
    pytest.importorskip("genanki")
    import sqlite3
    import zipfile

    article = tmp_path / ARTICLE.name
    article.write_text(
        ARTICLE.read_text("utf-8").replace("champion：", "champion【稱冠】："), "utf-8"
    )
    deck = tmp_path / "deck.apkg"
    argv = ["drill", str(article), "-o", str(tmp_path), "--for", "chinese", "--anki", str(deck)]
    assert main([*argv, "-q"]) == 0
    with zipfile.ZipFile(deck) as z:
        z.extract("collection.anki2", tmp_path)
    con = sqlite3.connect(tmp_path / "collection.anki2")
    [(flds,)] = con.execute("SELECT flds FROM notes").fetchall()
    con.close()
    fields = flds.split("\x1f")
    assert "稱冠" in fields and fields[-1] == "check: its pinyin is uncertain"
