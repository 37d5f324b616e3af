"""Tests for duizhao.drills: worksheets and keys, versions, seeds, Anki/Quizlet/CSV exports, CLI."""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import json
import re
import shutil
import sqlite3
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao import drills
from duizhao.cli import main
from duizhao.drills import (
    ANKI_MODEL_ID,
    KINDS,
    DrillError,
    Worksheet,
    csv_text,
    make_worksheets,
    parse_kinds,
    quizlet_text,
    render_worksheet,
    write_apkg,
)
from duizhao.drills.exercises import LAYOUTS, arrange_matching
from duizhao.drills.kinds import EXERCISES
from duizhao.drills.seeding import rng
from duizhao.model import Document, GlossaryEntry, TermLink

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "drills"
FERRY = FIXTURES / "2025-09-05-electric-ferry.md"
NO_GLOSSARY = FIXTURES / "no-glossary.md"


@pytest.fixture(scope="module")
def seed(annotated_seed: Document) -> Document:
    # The seed's counterparts (集群, 指標, 特惠) are right; as if the teacher had checked them, none
    # is left marked "check" here, so these tests see every term (what an uncertain counterpart
    # does to a worksheet is tested on its own).
    links = tuple(dataclasses.replace(link, uncertain=False) for link in annotated_seed.links)
    return dataclasses.replace(annotated_seed, links=links)


@pytest.fixture(scope="module")
def ferry() -> Document:
    from duizhao.pipeline import annotate

    return annotate(FERRY)


@pytest.fixture(scope="module")
def bare() -> Document:
    from duizhao.pipeline import annotate

    return annotate(NO_GLOSSARY)


def _filled(item: drills.Item, answers: tuple[str, ...] | None = None) -> str:
    """The prompt with every blank filled with its answer."""
    answers = item.answers if answers is None else answers
    return "".join(answers[s.blank] if s.blank is not None else s.text for s in item.prompt)


def _section(ws: Worksheet, kind: str) -> drills.Section:
    return next(s for s in ws.sections if s.kind == kind)


# -- the worksheet model ---------------------------------------------------------------------


def test_cloze_every_blank_has_exactly_the_removed_text(seed: Document, ferry: Document) -> None:
    docs = [seed, ferry]
    [ws] = make_worksheets(docs, kinds=["cloze"], count=50, vocabulary=True, seed=4)
    cloze = _section(ws, "cloze")
    assert cloze.items
    sentences = {s for d in docs for s in d.sentence_texts("en")}
    for item in cloze.items:
        blanks = [s.blank for s in item.prompt if s.blank is not None]
        # one answer per blank, each blank refers to its own answer
        assert sorted(blanks) == list(range(len(item.answers)))
        assert all(s.text == "" for s in item.prompt if s.blank is not None)
        # filling the blanks gives back the article's own sentence
        assert _filled(item) in sentences
        # and no answer is left visible in the prompt
        shown = "".join(s.text for s in item.prompt)
        for a in item.answers:
            assert not re.search(rf"\b{re.escape(a)}\b", shown), (a, shown)
        assert len(item.listed) == len(item.answers)


def test_cloze_key_gives_the_form_as_written(ferry: Document) -> None:
    [ws] = make_worksheets(ferry, kinds=["cloze"], count=10, seed=0)
    cloze = _section(ws, "cloze")
    pairs = {(w, a) for it in cloze.items for w, a in zip(it.listed, it.answers, strict=True)}
    assert ("overtake", "overtook") in pairs or ("overtake", "overtake") in pairs
    assert set(cloze.word_bank) == {w for it in cloze.items for w in it.listed}
    # the word bank lists the glossary form, never the inflected one
    assert "overtook" not in cloze.word_bank
    html = render_worksheet(ws)
    key = html.split('class="paper key"')[1]
    for it in cloze.items:
        for a in it.answers:
            assert f">{a}<" in key or f"{a}</span>" in key
    if ("overtake", "overtook") in pairs:
        assert "listed as <i>overtake</i>" in key


def test_cloze_blanks_terms_sharing_a_sentence_together() -> None:
    from duizhao.pipeline import annotate

    doc = annotate(HERE.parent / "corpus" / "2025-10-06-hong-kong-trams.md")
    [ws] = make_worksheets(doc, kinds=["cloze"], seed=0)
    items = _section(ws, "cloze").items
    listed = [w for it in items for w in it.listed]
    # every glossary term that occurs is asked (the count of blanks may repeat one), even
    # three in one sentence
    assert set(listed) == {e.term for e in doc.glossary}
    assert sum(len(it.answers) for it in items) <= 10
    assert any(len(it.answers) > 1 for it in items)
    assert sum(len(it.answers) for it in items) == _section(ws, "cloze").marks


def test_matching_is_a_true_permutation(seed: Document, ferry: Document) -> None:
    docs = [seed, ferry]
    defs = {e.term: e.definition for d in docs for e in d.glossary}
    for ws in make_worksheets(docs, kinds=["match", "zh"], seed=7, versions=3):
        for sec in ws.sections:
            letters = [it.answers[0] for it in sec.items]
            # every item has its own option; the others are distractors that answer nothing
            assert len(set(letters)) == len(letters)
            assert set(letters) <= {o.letter for o in sec.options}
            assert len(set(letters)) == len(letters) == len(sec.items)
            by_letter = {o.letter: o.text for o in sec.options}
            # no term faces its own answer on its row
            assert all(
                it.answers[0] != o.letter
                for it, o in zip(sec.items, sec.options[: len(sec.items)], strict=True)
            )
            for it in sec.items:
                right = by_letter[it.answers[0]]
                if sec.kind == "match":
                    assert right == defs[it.prompt[0].text]
                else:
                    assert re.search(r"[\u4e00-\u9fff]", right)
        zh = _section(ws, "zh")
        pairs = {(it.prompt[0].text, {o.letter: o.text for o in zh.options}[it.answers[0]])
                 for it in zh.items}
        assert ("cluster", "集群") in pairs
        assert ("overtake", "超越") in pairs


def test_readings_answers_come_from_the_tokens(seed: Document) -> None:
    for reading in ("pinyin", "jyutping"):
        [ws] = make_worksheets(seed, kinds=["readings"], reading=reading, count=30)
        items = _section(ws, "readings").items
        assert items
        words = {
            "".join(s.text for s in it.prompt if s.mark): it.answers[0] for it in items
        }
        # the glossary counterparts come first
        if reading == "pinyin":
            assert words.get("集群") == "jí qún"
            assert words.get("指標") == "zhǐ biāo"
        else:
            assert words.get("集群") == "zaap6 kwan4"
        for it in items:
            marked = [s for s in it.prompt if s.mark]
            assert len(marked) == 1
            assert len(it.answers[0].split()) == len(marked[0].text)


def test_translation_model_answer_is_the_aligned_english(seed: Document) -> None:
    [ws] = make_worksheets(seed, kinds=["translate"])
    items = _section(ws, "translate").items
    assert {it.hint for it in items} == {"cluster", "metric", "preferential"}
    en = seed.sentence_texts("en")
    for it in items:
        assert it.answers[0] in " ".join(en)
        assert any(s.mark and s.text.lower().startswith(it.hint[:5]) for s in it.model)
        assert re.search(r"[\u4e00-\u9fff]", "".join(s.text for s in it.prompt))
    metric = next(it for it in items if it.hint == "metric")
    assert "指標" in [s.text for s in metric.prompt if s.mark]


def test_translation_never_sets_a_doubtful_pair(seed: Document) -> None:
    """A sentence pair the aligner flags as doubtful gives no question and no model answer."""
    assert seed.alignment is not None
    metric_sentence = next(
        i for i, s in enumerate(seed.sentence_texts("en")) if "metric" in s.lower()
    )
    sentences = tuple(
        dataclasses.replace(b, low_confidence=True, score=0.3) if metric_sentence in b.en else b
        for b in seed.alignment.sentences
    )
    doubtful = dataclasses.replace(
        seed, alignment=dataclasses.replace(seed.alignment, sentences=sentences)
    )
    [ws] = make_worksheets(doubtful, kinds=["translate"])
    assert "metric" not in {it.hint for it in _section(ws, "translate").items}
    [ws] = make_worksheets(seed, kinds=["translate"])
    assert "metric" in {it.hint for it in _section(ws, "translate").items}


def test_readings_without_vocabulary_take_the_hardest_words(seed: Document) -> None:
    doc = dataclasses.replace(seed, vocabulary=None)
    [ws] = make_worksheets(doc, kinds=["readings"], count=50)
    items = _section(ws, "readings").items
    hard = {t.text_in(p.text) for p in doc.zh for t in p.tokens if t.hsk and t.hsk >= 5}
    marked = ["".join(s.text for s in it.prompt if s.mark) for it in items if not it.note]
    assert marked and set(marked) <= hard
    # each word is shown in a clause of its own sentence (Paragraph.sentence_at finds it)
    sentences = doc.sentence_texts("zh")
    for it in items:
        excerpt = "".join(s.text for s in it.prompt)
        assert not excerpt.endswith(("，", "；", "：")), excerpt  # cut there: ends in ……
        assert any(excerpt.removesuffix("……") in z for z in sentences)


def test_kinds_come_from_the_registry(seed: Document) -> None:
    from duizhao.registry import discover

    assert set(discover("duizhao.drills.exercises", "EXERCISE")) == set(KINDS)
    assert tuple(EXERCISES) == KINDS == ("cloze", "choice", "match", "zh", "readings", "translate")
    assert drills.KIND_TITLES["cloze"] == "Fill in the blanks"
    assert all(k.layout in LAYOUTS for k in EXERCISES.values())
    [ws] = make_worksheets(seed)
    assert [(s.kind, s.layout) for s in ws.sections] == [
        ("cloze", "cloze"),
        ("match", "match"),
        ("zh", "match"),
        ("readings", "readings"),
        ("translate", "translate"),
    ]


def test_a_glossary_without_links_is_a_clear_error(tmp_path: Path, capsys) -> None:
    from duizhao.reader import read

    doc = read(FERRY)  # read, not annotated: a glossary but no links
    assert doc.glossary and not doc.links
    with pytest.raises(DrillError, match="glossary is not linked to the text") as e:
        make_worksheets(doc)
    assert str(e.value).startswith(f"{FERRY}: ")
    with pytest.raises(DrillError, match="not linked"):
        quizlet_text(doc)
    # the JSON of `duizhao parse` is such a document: the loader annotates it like an article
    f = tmp_path / "ferry.json"
    f.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
    assert main(["drill", str(f), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert list((tmp_path / "out").glob("*.html"))


def test_drills_import_no_stage() -> None:
    """drills is an output: it takes the document as loaded, never runs or imports a stage."""
    import ast

    import duizhao.drills

    stages = {"align", "bank", "chinese", "cli", "glossary", "pipeline", "reader", "render",
              "review", "sheet"}
    root = Path(duizhao.drills.__file__).parent
    for path in root.rglob("*.py"):
        depth = len(path.relative_to(root).parts)  # drills/x.py: 1; drills/export/x.py: 2
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else [
                    "duizhao." + (node.module or "") if node.level == depth + 1 else ""
                ]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                assert not (parts[0] == "duizhao" and len(parts) > 1 and parts[1] in stages), (
                    path, name)


# -- seeds and versions ------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_html(seed: Document, ferry: Document) -> None:
    def html(s: int) -> list[str]:
        return [render_worksheet(w) for w in make_worksheets([seed, ferry], seed=s, versions=2)]

    assert html(11) == html(11)
    outputs = {tuple(html(s)) for s in range(4)}
    assert len(outputs) > 1  # the seed does change the sheet


def test_versions_differ_but_ask_the_same(seed: Document, ferry: Document) -> None:
    sheets = make_worksheets([seed, ferry], seed=3, versions=3, count=6, vocabulary=True)
    assert [w.version for w in sheets] == ["A", "B", "C"]
    data = json.loads(json.dumps(sheets[1].to_dict(), ensure_ascii=False))  # plain, JSON-ready
    assert data["version"] == "B" and data["sections"][0]["items"][0]["answers"]
    html = [render_worksheet(w) for w in sheets]
    assert len(set(html)) == 3
    assert "Version" not in html[0] or ">A<" in html[0]

    def content(ws: Worksheet) -> dict[str, frozenset]:
        out = {}
        for sec in ws.sections:
            opts = {o.letter: o.text for o in sec.options}
            out[sec.kind] = frozenset(
                (it.key, opts.get(it.answers[0], it.answers)) for it in sec.items
            )
        return out

    first = content(sheets[0])
    for ws in sheets[1:]:
        assert content(ws) == first
    # the order of the questions changes somewhere
    orders = [[it.key for s in ws.sections for it in s.items] for ws in sheets]
    assert orders[0] != orders[1] or orders[0] != orders[2]


def test_counts_per_kind(seed: Document) -> None:
    [ws] = make_worksheets(seed, kinds=["cloze", "readings"], count={"readings": 2})
    assert len(_section(ws, "readings").items) == 2
    cloze = _section(ws, "cloze")
    # the default count is 10 blanks: every term is asked, some twice in other sentences
    assert {w for it in cloze.items for w in it.listed} == {e.term for e in seed.glossary}
    assert cloze.marks <= 10


def test_count_limits_items_and_keeps_glossary_first(seed: Document) -> None:
    [ws] = make_worksheets(seed, kinds=["cloze", "readings"], count=3, vocabulary=True)
    for sec in ws.sections:
        assert len(sec.items) <= 3
    listed = {w for it in _section(ws, "cloze").items for w in it.listed}
    assert listed == {"cluster", "metric", "preferential"}


# -- HTML -------------------------------------------------------------------------------------


def test_html_is_a_self_contained_school_worksheet(seed: Document) -> None:
    [ws] = make_worksheets(seed, seed=1)
    # every kind of the default set (all but multiple choice), in the documented order
    assert tuple(s.kind for s in ws.sections) == tuple(k for k in KINDS if k != "choice")
    assert not ws.notes
    html = render_worksheet(ws)
    assert html.startswith("<!DOCTYPE html>")
    for label in ("Name", "Class", "Date"):
        assert label in html
    assert html.count('class="paper key"') == 1
    assert "page-break-before: always" in html
    assert "<link" not in html and "http://" not in html.replace("http://www.w3", "")
    assert "https://" not in html and "@import" not in html and "<script" not in html
    assert 'lang="zh-Hant"' in html
    # the sheet itself never shows an answer of the cloze
    sheet, key = html.split('class="paper key"')
    for it in _section(ws, "cloze").items:
        assert f"<b class=\"fill\">({it.first}) {it.answers[0]}</b>" in key
        assert "class=\"fill\"" not in sheet
    # as many blanks on the sheet as filled answers in the key, in the same order
    marks = _section(ws, "cloze").marks
    assert sheet.count('class="blank"') == key.count('class="fill"') == marks
    fills = re.findall(r'<b class="fill">([^<]*)</b>', key)
    assert fills == [
        f"({it.first + k}) {a}" for it in _section(ws, "cloze").items for k, a in enumerate(it.answers)
    ]
    # one writing line per readings question, two per translation
    assert sheet.count('class="write"') == (
        len(_section(ws, "readings").items) + 2 * len(_section(ws, "translate").items)
    )


def test_html_escapes_article_text(ferry: Document) -> None:
    g = ferry.glossary
    evil = dataclasses.replace(g[1], definition="<script>alert(1)</script> & more")
    doc = dataclasses.replace(ferry, glossary=(g[0], evil, g[2]))
    [ws] = make_worksheets(doc, kinds=["match"])
    html = render_worksheet(ws)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_several_articles_label_their_items(seed: Document, ferry: Document) -> None:
    [ws] = make_worksheets([seed, ferry], kinds=["cloze", "match"])
    assert [a.label for a in ws.articles] == ["2025-09-02", "2025-09-05"]
    assert "2 articles" in ws.title
    html = render_worksheet(ws)
    assert "[2025-09-05]" in html and "[2025-09-02]" in html


# -- articles without a glossary ----------------------------------------------------------------


def test_no_glossary_still_gives_vocabulary_and_readings(bare: Document) -> None:
    [ws] = make_worksheets(bare, seed=0)
    kinds = [s.kind for s in ws.sections]
    assert "cloze" in kinds and "readings" in kinds
    assert "match" not in kinds and "translate" not in kinds
    assert any("no glossary" in n for n in ws.notes)
    assert any("skipped" in n for n in ws.notes)
    cloze = _section(ws, "cloze")
    listed = {w for it in cloze.items for w in it.listed}
    assert listed == {v.word for v in bare.vocabulary.en}
    # Chinese words ↔ English meanings, the headings say which way
    zh = _section(ws, "zh")
    assert zh.title == "Match the Chinese words with their English meanings"
    assert all(re.search(r"[\u4e00-\u9fff]", it.prompt[0].text) for it in zh.items)
    assert all(it.lang.startswith("zh") for it in zh.items)
    assert all(o.lang == "en" and not re.search(r"[\u4e00-\u9fff]", o.text) for o in zh.options)
    html = render_worksheet(ws)
    assert "no glossary" in html


def test_all_counterparts_uncertain_says_so(seed: Document) -> None:
    """Counterparts found but none sure: the note says they are to be checked, not that none
    was found."""
    unsure = dataclasses.replace(
        seed, links=tuple(dataclasses.replace(link, uncertain=True) for link in seed.links)
    )
    [ws] = make_worksheets(unsure, seed=0)
    assert "zh" not in [s.kind for s in ws.sections]
    note = next(n for n in ws.notes if "Chinese equivalents" in n)
    assert "sure of" in note and "【中文】" in note
    assert "was found" not in note


def test_no_glossary_matching_alone_is_a_clear_error(bare: Document) -> None:
    with pytest.raises(DrillError, match="meanings: skipped — there is no glossary"):
        make_worksheets(bare, kinds=["match"])
    # a glossary of translations only has no definitions to match
    g = dataclasses.replace(
        bare, glossary=(GlossaryEntry(term="revise", definition=""),), links=(TermLink(0),)
    )
    with pytest.raises(DrillError, match="no glossary entry has an English definition"):
        make_worksheets(g, kinds=["match"])
    # and one definition makes no matching exercise
    one = GlossaryEntry(term="revise", definition="to study again")
    with pytest.raises(DrillError, match="a single pair is nothing to match"):
        make_worksheets(
            dataclasses.replace(bare, glossary=(one,), links=(TermLink(0),)), kinds=["match"]
        )
    with pytest.raises(DrillError, match="no glossary"):
        write_apkg(dataclasses.replace(bare, vocabulary=None), "/nonexistent/x.apkg")


def test_bad_options_are_drill_errors(seed: Document) -> None:
    with pytest.raises(DrillError, match="unknown drill kind 'clozee'"):
        parse_kinds("cloze,clozee")
    assert parse_kinds(" match , cloze,match") == ("match", "cloze")
    assert drills.parse_kind_counts("cloze:2, readings ,zh:1") == (
        ("cloze", "readings", "zh"),
        {"cloze": 2, "zh": 1},
    )
    for bad in ("cloze:0", "cloze:x", ",", ""):
        with pytest.raises(DrillError):
            drills.parse_kind_counts(bad)
    for kw in ({"count": 0}, {"versions": 0}, {"kinds": ["x"]}, {"reading": "ipa"}):
        with pytest.raises(DrillError):
            make_worksheets(seed, **kw)


# -- exports ----------------------------------------------------------------------------------


needs_genanki = pytest.mark.skipif(
    importlib.util.find_spec("genanki") is None, reason="genanki (extra 'anki') is not installed"
)


def _collection(path: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as z:
        assert "collection.anki2" in z.namelist()
        assert json.loads(z.read("media")) == {}
        db = tmp_path / f"{path.stem}.anki2"
        db.write_bytes(z.read("collection.anki2"))
    return sqlite3.connect(db)


@needs_genanki
def test_apkg_holds_notes_and_two_cards_each(seed: Document, ferry: Document, tmp_path: Path):
    path = write_apkg([seed, ferry], tmp_path / "deck.apkg")
    con = _collection(path, tmp_path)
    notes = con.execute("select guid, mid, flds, tags from notes order by id").fetchall()
    terms = [e.term for d in (seed, ferry) for e in d.glossary]
    assert [n[2].split("\x1f")[0] for n in notes] == terms
    assert {n[1] for n in notes} == {ANKI_MODEL_ID}
    fields = {n[2].split("\x1f")[0]: n[2].split("\x1f") for n in notes}
    assert len(fields["cluster"]) == len(drills.ANKI_FIELDS)
    _, pos, definition, zh, py, jp, example, source, date, check = fields["overtake"]
    assert check == ""  # a given or certain counterpart carries no "check" flag
    assert pos == "v." and zh == "超越" and date == "2025-09-05"
    assert definition.startswith("to become greater") and "fixture" in source
    assert py == "chāo yuè" and jp.startswith("ciu1 jyut")
    assert "<b>overtook</b>" in example
    assert fields["cluster"][3] == "集群" and "<b>" in fields["cluster"][6]
    assert "明報社評" in fields["cluster"][7]
    cards = con.execute("select nid, ord from cards").fetchall()
    assert len(cards) == 2 * len(notes)
    assert Counter(o for _, o in cards) == {0: len(notes), 1: len(notes)}
    models = json.loads(con.execute("select models from col").fetchone()[0])
    assert str(ANKI_MODEL_ID) in models
    assert [t["name"] for t in models[str(ANKI_MODEL_ID)]["tmpls"]] == [
        "English → meaning",
        "Meaning → English",
    ]
    assert all("duizhao" in n[3] for n in notes)


@needs_genanki
def test_apkg_is_deterministic_and_keeps_guids(seed: Document, tmp_path: Path) -> None:
    a = write_apkg(seed, tmp_path / "a.apkg")
    b = write_apkg(seed, tmp_path / "b.apkg")
    assert a.read_bytes() == b.read_bytes()
    # a later export (another time, another file, more terms around) keeps each note's GUID
    c = write_apkg(seed, tmp_path / "c.apkg", timestamp=1_900_000_000, vocabulary=True)
    guids_a = dict(
        (f.split("\x1f")[0], g)
        for g, f in _collection(a, tmp_path).execute("select guid, flds from notes")
    )
    guids_c = dict(
        (f.split("\x1f")[0], g)
        for g, f in _collection(c, tmp_path).execute("select guid, flds from notes")
    )
    assert len(guids_c) > len(guids_a)
    for term, guid in guids_a.items():
        assert guids_c[term] == guid
    # a different article with the same term gets another note
    other = dataclasses.replace(seed, meta=dataclasses.replace(seed.meta, date="2025-09-09"))
    d = write_apkg(other, tmp_path / "d.apkg")
    guids_d = {g for (g,) in _collection(d, tmp_path).execute("select guid from notes")}
    assert not guids_d & set(guids_a.values())


def test_anki_article_id_names_the_article(seed: Document) -> None:
    # the GUIDs of the notes of an article are made from it: it must never change
    m = seed.meta
    assert drills.anki_article_id(seed) == f"{m.source}|{m.date}|{m.title_zh}"
    assert {c.article for c in drills.cards(seed)} == {drills.anki_article_id(seed)}
    untitled = Document(meta=dataclasses.replace(seed.meta, source=None, date=None,
                                                 title_zh=None, title_en=None))
    assert drills.anki_article_id(untitled) == Path(seed.meta.path).name


def test_quizlet_list_has_one_tab_per_line(ferry: Document) -> None:
    g = ferry.glossary
    messy = dataclasses.replace(g[0], definition="to go past\tsth\nthat is\r\nmoving")
    doc = dataclasses.replace(ferry, glossary=(messy, *g[1:]))
    text = quizlet_text(doc)
    lines = text.split("\n")
    assert lines[-1] == ""  # ends with a newline
    lines = lines[:-1]
    assert len(lines) == len(g)
    for line in lines:
        assert line.count("\t") == 1 and "\r" not in line
    assert lines[0] == "overtake\tto go past sth that is moving (超越)"
    assert quizlet_text(doc, chinese=False).split("\n")[1] == (
        "forecast\ta statement about what will happen in the future"
    )


def test_csv_for_reading_tools(seed: Document, bare: Document) -> None:
    rows = list(csv.reader(io.StringIO(csv_text([seed, bare]))))
    assert rows[0] == ["term", "translation", "pronunciation", "tags", "check"]
    by_term = {r[0]: r for r in rows[1:]}
    assert by_term["集群"][2] == "jí qún / zaap6 kwan4"
    assert by_term["集群"][1].startswith("cluster: a group")
    assert "2025-09-02" in by_term["集群"][3].split()
    # suggested Chinese words come too, also from the article with no glossary
    assert any(w in by_term for w in (v.word for v in bare.vocabulary.zh))
    en = list(csv.reader(io.StringIO(csv_text(seed, lang="en", vocabulary=False))))
    assert [r[0] for r in en[1:]] == ["cluster", "metric", "preferential"]
    assert en[1][1].startswith("集群; a group")


# -- CLI and site -----------------------------------------------------------------------------


@needs_genanki
def test_cli_drill_writes_sheets_and_exports(
    ferry: Document, bare: Document, tmp_path: Path, capsys
) -> None:
    # annotated JSON (what `duizhao annotate --format json` prints) is read as it is
    files = []
    for doc in (ferry, bare):
        f = tmp_path / (Path(doc.meta.path).stem + ".json")
        f.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
        files.append(str(f))
    out = tmp_path / "out"
    argv = [
        "drill", *files, "-o", str(out), "--seed", "5", "--versions", "2",
        "--kinds", "cloze,match,readings", "--count", "4",
        "--anki", str(out / "deck.apkg"), "--tsv", str(out / "q.tsv"), "--csv", str(out / "r.csv"),
    ]
    assert main(argv) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "deck.apkg",
        "drills-2025-09-05--2025-09-06-A.html",
        "drills-2025-09-05--2025-09-06-B.html",
        "q.tsv",
        "r.csv",
    ]
    first = (out / "drills-2025-09-05--2025-09-06-A.html").read_bytes()
    err = capsys.readouterr().err
    assert "note:" in err and "no glossary" in err
    assert main(argv) == 0
    assert (out / "drills-2025-09-05--2025-09-06-A.html").read_bytes() == first
    tsv = (out / "q.tsv").read_text(encoding="utf-8").splitlines()
    # three glossary terms, then the suggested words of the article without a glossary
    assert [line.split("\t")[0] for line in tsv[:3]] == ["overtake", "forecast", "viable"]
    assert len(tsv) > 3


@needs_genanki
@pytest.mark.parametrize("reading", ["pinyin", "jyutping", "both"])
def test_cli_drill_exports_give_the_readings_of_reading(
    ferry: Document, tmp_path: Path, reading: str
) -> None:
    """The Anki deck, the Quizlet list and the CSV give the readings ``--reading`` asks for, as
    the sheet shows them (they gave pinyin and Jyutping whatever it said)."""
    src = tmp_path / "ferry.json"
    src.write_text(json.dumps(ferry.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["drill", str(src), "-o", str(out), "--for", "chinese", "--reading", reading, "-q",
            "--anki", str(out / "d.apkg"), "--tsv", str(out / "q.tsv"), "--csv", str(out / "r.csv")]  # fmt: skip
    assert main(argv) == 0
    py, jp = re.compile(r"[\u00e0-\u01dc]"), re.compile(r"\b[a-z]+[1-6]\b")  # tone mark, tone digit
    want_py, want_jp = reading != "jyutping", reading != "pinyin"
    quizlet = [line.split("\t")[1] for line in (out / "q.tsv").read_text("utf-8").splitlines()]
    rows = list(csv.DictReader(io.StringIO((out / "r.csv").read_text("utf-8"))))
    con = _collection(out / "d.apkg", tmp_path)
    notes = [f.split("\x1f") for (f,) in con.execute("select flds from notes")]
    (models,) = con.execute("select models from col").fetchone()
    con.close()
    spoken = [n for n in notes if n[4] or n[5]]
    assert quizlet and rows and spoken
    for texts in (quizlet, [r["pronunciation"] for r in rows if r["pronunciation"]]):
        assert all(bool(py.search(t)) == want_py for t in texts), (reading, texts[:3])
        assert all(bool(jp.search(t)) == want_jp for t in texts), (reading, texts[:3])
    assert all(bool(n[4]) == want_py and bool(n[5]) == want_jp for n in spoken), spoken[:3]
    # the card shows " · " only between two readings
    backs = [t["afmt"] for m in json.loads(models).values() for t in m["tmpls"]]
    assert all("{{#Pinyin}}{{#Jyutping}} · {{/Jyutping}}{{/Pinyin}}" in b for b in backs[:2])


def test_cli_drill_from_an_article_file(ferry: Document, tmp_path: Path) -> None:
    assert main(["drill", str(FERRY), "-o", str(tmp_path), "-q", "--kinds", "zh"]) == 0
    html = (tmp_path / "2025-09-05-electric-ferry.drills.html").read_text(encoding="utf-8")
    [ws] = make_worksheets(ferry, kinds=["zh"])
    assert html == render_worksheet(ws)
    assert "預測" in html and 'lang="zh-Hant"' in html


def test_cli_drill_each_article_and_counts(ferry: Document, bare: Document, tmp_path: Path):
    files = []
    for doc in (ferry, bare):
        f = tmp_path / (Path(doc.meta.path).stem + ".json")
        f.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
        files.append(str(f))
    out = tmp_path / "out"
    argv = ["drill", *files, "-o", str(out), "-q", "--each", "--kinds", "cloze,readings:1"]
    assert main(argv) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "2025-09-05-electric-ferry.drills.html",
        "no-glossary.drills.html",
    ]
    html = (out / "no-glossary.drills.html").read_text(encoding="utf-8")
    assert html.count('class="write"') == 1  # one readings question


def test_cli_drill_in_simplified(ferry: Document, tmp_path: Path) -> None:
    src = tmp_path / "ferry.json"
    src.write_text(json.dumps(ferry.to_dict(), ensure_ascii=False), encoding="utf-8")
    argv = ["drill", str(src), "-o", str(tmp_path), "--kinds", "zh,readings", "--script",
            "simplified", "--csv", str(tmp_path / "r.csv")]
    assert main(argv) == 0
    # named after the article, not the JSON file
    html = (tmp_path / "2025-09-05-electric-ferry.drills.html").read_text(encoding="utf-8")
    assert "预测" in html and "預測" not in html and 'lang="zh-Hans"' in html
    assert "预测" in (tmp_path / "r.csv").read_text(encoding="utf-8")


def test_cli_drill_bad_input(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"en": [', encoding="utf-8")
    assert main(["drill", str(bad), "-o", str(tmp_path)]) == 2
    assert f"error: {bad}:1: not valid JSON" in capsys.readouterr().err
    assert main(["drill", str(FERRY), "-o", str(tmp_path), "--kinds", "cloze,spelling"]) == 2
    assert "error: unknown drill kind 'spelling'" in capsys.readouterr().err
    assert main(["drill", str(tmp_path / "missing.txt"), "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("error:")
    assert main(["drill", str(NO_GLOSSARY), "-o", str(tmp_path), "--kinds", "match"]) == 2
    assert "nothing to drill" in capsys.readouterr().err
    # an output "folder" that is a file
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["drill", str(FERRY), "-o", str(blocker), "--kinds", "zh"]) == 2
    assert "is a file; the output is a folder" in capsys.readouterr().err
    assert main(["drill", str(FERRY), "-o", str(tmp_path), "--tsv", str(blocker / "q.tsv")]) == 2
    assert "file: is a file, not a folder" in capsys.readouterr().err


def test_site_hook_adds_a_drill_page(seed: Document, bare: Document, tmp_path: Path) -> None:
    from duizhao.sheet import build_site

    src = tmp_path / "articles"
    src.mkdir()
    shutil.copy(HERE.parent / "corpus" / "2025-09-02-wipo-innovation-clusters.txt", src)
    shutil.copy(NO_GLOSSARY, src)
    docs = {"2025-09-02-wipo-innovation-clusters": seed, "no-glossary": bare}
    result = build_site(
        src, tmp_path / "site", extra_pages=[drills.site_hook()], load=lambda p: docs[p.stem]
    )
    assert not result.errors
    page = tmp_path / "site" / "2025-09-02-wipo-innovation-clusters.drills.html"
    assert page.is_file()
    assert page.name in (tmp_path / "site" / "2025-09-02-wipo-innovation-clusters.html").read_text()
    assert (tmp_path / "site" / "no-glossary.drills.html").is_file()
    html = page.read_text(encoding="utf-8")
    assert "Answer key" in html
    # the drill page links back to its study sheet and the index (on screen only)
    assert '<a href="2025-09-02-wipo-innovation-clusters.html">' in html
    assert '<a href="index.html">' in html
    # the hook can be sent to build_site's worker processes
    import pickle

    assert pickle.loads(pickle.dumps(drills.site_hook(pdf=True))) == drills.site_hook(pdf=True)


# -- PDF --------------------------------------------------------------------------------------


@pytest.mark.pdf
def test_pdf_key_starts_on_its_own_page(seed: Document, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from duizhao.output.pdf import check_pdf_support

    try:
        check_pdf_support()
    except Exception as e:  # no CJK font or libraries on this machine
        pytest.skip(str(e))
    sheets = make_worksheets(seed, kinds=["cloze", "match"], seed=2)
    [html, pdf] = drills.write_worksheets(sheets, tmp_path, "ws", pdf=True)
    assert html.suffix == ".html"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    key_pages = [i for i, p in enumerate(pages) if "Answer key" in p]
    assert len(key_pages) == 1
    k = key_pages[0]
    assert k > 0
    assert "Answer key" in pages[k].strip().splitlines()[0]  # the key begins its page
    assert all("Answer key" not in p for p in pages[:k])
    assert "Name" in pages[0] and "Name" not in pages[k]
    first_answer = _section(sheets[0], "cloze").items[0].answers[0]
    assert first_answer in pages[k]
    # the PDF, too, is the same byte for byte when made again
    [_, again] = drills.write_worksheets(sheets, tmp_path / "again", "ws", pdf=True)
    assert again.read_bytes() == pdf.read_bytes()


# -- properties -------------------------------------------------------------------------------

_WORDS = ["the", "city", "trade", "harbour", "plan", "grew", "quickly", "and", "new", "ships"]


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 30), seed=st.integers(0, 10_000), version=st.integers(0, 5))
def test_matching_arrangement_is_a_derangement(n: int, seed: int, version: int) -> None:
    items = [drills.Item(key=f"k{i}", prompt=(drills.Span(f"t{i}"),), answers=()) for i in range(n)]
    rights = [f"r{i}" for i in range(n)]
    ordered, options = arrange_matching(items, rights, rng(seed, "order", "match", version), "en")
    assert sorted(it.key for it in ordered) == sorted(it.key for it in items)
    letters = {o.letter: o.text for o in options}
    assert len(letters) == n
    for it in ordered:
        assert letters[it.answers[0]] == "r" + it.key[1:]  # the letter points at its own right
    if n > 1:
        assert all(it.answers[0] != o.letter for it, o in zip(ordered, options, strict=True))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=6),
    after=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
    definition=st.text(min_size=1, max_size=40),
    seed=st.integers(0, 1000),
)
def test_cloze_and_exports_hold_for_any_article(
    before: list[str], after: list[str], definition: str, seed: int
) -> None:
    from markupsafe import escape

    from duizhao.glossary import CounterpartFinder, link_glossary
    from duizhao.reader import read_text

    sentence = " ".join(["Yesterday", *before, "clusters", *after]) + "."
    text = (
        f"# English\n\n{sentence}\n\n# 中文\n\n昨日有集群。\n\n# Glossary\n\n"
        "cluster：x\nlighthouse：a tower with a light\n"
    )
    doc = read_text(text, fmt="markdown")
    g = dataclasses.replace(doc.glossary[0], definition=definition)
    # drills take the links the pipeline's glossary stage makes (dictionary-only: fast)
    doc = dataclasses.replace(doc, glossary=(g, doc.glossary[1]))
    doc = link_glossary(doc, finder=CounterpartFinder(similarity=None))
    [ws] = make_worksheets(doc, kinds=["cloze", "match"], seed=seed)
    [item] = _section(ws, "cloze").items
    assert item.answers == ("clusters",) and item.listed == ("cluster",)
    assert _filled(item) == sentence
    html = render_worksheet(ws)
    flat = " ".join(definition.split())
    if definition.strip():
        assert str(escape(definition.strip())) in html
    lines = quizlet_text(doc, chinese=False).splitlines()
    assert lines[-1] == "lighthouse\ta tower with a light"
    if flat:
        assert lines[0] == f"cluster\t{flat}"


def test_cli_readings_excerpt_is_not_cut_at_an_enumeration_comma(tmp_path: Path) -> None:
    # 不願 (reluctant) stands in "年輕人不願加入一個工時長、收入不穩定的行業。": the excerpt must not stop
    # at 、 (a list inside the clause), which printed "…加入一個工時長、 ____" as if cut off.
    article = FIXTURES / "2026-11-24-minibus-drivers.md"
    assert main(["drill", str(article), "-o", str(tmp_path), "-q", "--kinds", "readings",
                 "--for", "chinese", "--count", "8"]) == 0  # fmt: skip
    html = (tmp_path / "2026-11-24-minibus-drivers.drills.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "不願加入一個工時長、收入不穩定的行業。" in text
    assert not re.search(r"、\s*_", text)


def test_anki_deck_must_be_an_apkg(tmp_path: Path, capsys) -> None:
    """Anki imports only .apkg files: another name is an error before any work, no file made."""
    from conftest import MARKDOWN_SAMPLE

    out = tmp_path / "out"
    code = main(["drill", str(MARKDOWN_SAMPLE), "-o", str(out), "--anki", str(tmp_path / "x.txt")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and ".apkg" in err and "Traceback" not in err
    assert not (tmp_path / "x.txt").exists() and not out.exists()
