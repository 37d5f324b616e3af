"""The failure classes of counterpart finding, one fixture article each, the way a user runs it.

Each article in ``tests/fixtures/glossary/classes-*.txt`` was written for these tests (not taken
from any dev set) so that the wrong answer of its class is there to be picked: a span too short
(葡萄 for "sour grapes"), too long (只得折返, where 只得 is "had to"), cut inside a word (合資 out
of 合資格), in the wrong place (致富 is "made a fortune", not "a feather in his cap"), or with no
English partner (了解 in 據我了解, "as far as I know"). The promise to a teacher is checked, not
a score: every counterpart is right or marked uncertain, the class's wrong answer is never shown
as certain, and no candidate is ever cut inside a word.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duizhao
from duizhao.cli import main
from duizhao.glossary import LinkContext
from duizhao.glossary.candidates import zh_sentence
from duizhao.model import Document

from conftest import first_counterparts

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "glossary"
CLASSES = sorted(p.name.removesuffix(".txt") for p in FIXTURES.glob("classes-*.txt"))

#: The wrong answer each class fixture sets up, per term: it must never be shown as certain.
TRAPS = {
    "classes-too-short": {"sour grapes": "葡萄", "decarbonise": "碳", "renewable energy": "再生能源"},
    "classes-too-long": {"turn back": "只得折返", "curb": "才收斂", "postpone": "只好押後"},
    "classes-cut-inside": {"eligible": "合資", "fumes": "樓令"},
    "classes-wrong-place": {"feather in one's cap": "致富", "convenience": "縮短"},
    "classes-no-partner": {"rumour": "了解", "designate": "正在"},
}


@pytest.fixture(scope="module")
def annotated() -> dict[str, tuple[Document, dict[str, Any]]]:
    """Every class fixture through the whole pipeline, with its gold."""
    out = {}
    for name in CLASSES:
        gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
        out[name] = (duizhao.annotate(FIXTURES / f"{name}.txt"), gold)
    return out


def _links(doc: Document) -> dict[str, Any]:
    return {doc.glossary[link.entry].term: link for link in doc.links}


@pytest.mark.parametrize("name", CLASSES)
def test_every_counterpart_is_right_or_marked_uncertain(
    name: str, annotated: dict[str, tuple[Document, dict[str, Any]]]
) -> None:
    doc, gold = annotated[name]
    links = _links(doc)
    for term, want in gold["terms"].items():
        link = links[term]
        assert sorted(o.text for o in link.en) == sorted(want["en"]), term
        assert link.counterparts, term
        top = link.counterparts[0].text
        assert top in want["zh"] or link.uncertain, (term, top)


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_the_wrong_answer_of_the_class_is_never_certain(
    name: str, annotated: dict[str, tuple[Document, dict[str, Any]]]
) -> None:
    doc, _ = annotated[name]
    links = _links(doc)
    for term, trap in TRAPS[name].items():
        link = links[term]
        assert link.counterparts[0].text != trap or link.uncertain, (term, trap)


def test_no_candidate_is_cut_inside_a_word(
    annotated: dict[str, tuple[Document, dict[str, Any]]],
) -> None:
    doc, _ = annotated["classes-cut-inside"]
    context = LinkContext()
    for number in range(len(doc.sentence_texts("zh"))):
        s = context.sentence(doc, number)
        starts = {a for a, _ in s.tokens}
        ends = {b for _, b in s.tokens}
        for span in s.spans:
            assert span.text != "合資"  # never cut out of 合資格 "eligible"
            if not span.part:
                assert span.start in starts and span.end in ends, span.text


def test_english_forms_and_the_missing_term_warning(
    annotated: dict[str, tuple[Document, dict[str, Any]]],
) -> None:
    doc, _ = annotated["classes-english-forms"]
    links = _links(doc)
    assert [o.text for o in links["hem and haw"].en] == ["hemmed and hawed"]
    assert [o.text for o in links["phase out"].en] == ["phase diesel taxis out"]
    assert [o.text for o in links["seize one's chance"].en] == ["seized its chance"]
    assert [o.text for o in links["labour"].en] == ["labor"]
    assert [o.text for o in links["well-being"].en] == ["wellbeing"]
    assert links["tariff"].en == () and links["tariff"].counterparts == ()
    line = next(e.line for e in doc.glossary if e.term == "tariff")
    assert any(
        w.endswith(f":{line}: glossary term 'tariff' is not in the English text")
        for w in doc.warnings
    )


def test_the_command_line_warns_of_a_missing_term(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "classes-english-forms.txt"
    assert main(["annotate", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "warning: " in err and "glossary term 'tariff' is not in the English text" in err
    data = json.loads(out)
    tariff = next(g for g in data["glossary"] if g["term"] == "tariff")
    assert tariff["counterparts"] == [] and tariff["uncertain"] is False


@settings(max_examples=60, deadline=None)
@given(
    cuts=st.lists(st.integers(1, 11), unique=True, max_size=8),
    text=st.sampled_from(["只有合資格的住戶才可申請。", "舊樓傳出的油煙令鄰居不滿。"]),
)
def test_candidates_are_runs_of_whole_tokens(cuts: list[int], text: str) -> None:
    """Whatever the segmenter's cut, a candidate starts and ends on token boundaries, or is a
    dictionary part of a compound token that leaves no single character cut off, or (round 20)
    the word of two of a token of three read one way only as a word of two and one of one."""
    from duizhao.glossary.candidates import _two_and_one
    from duizhao.text.convert import to_simplified

    bounds = sorted({0, *[c for c in cuts if c < len(text)], len(text)})
    tokens = tuple(itertools.pairwise(bounds))
    s = zh_sentence(text, 0, 0, 0, len(text), tokens)
    starts = {a for a, _ in tokens}
    ends = {b for _, b in tokens}
    for span in s.spans:
        assert text[span.start : span.end] == span.text
        if span.part:
            a, b = tokens[span.first]
            assert a <= span.start < span.end <= b and (span.start, span.end) != (a, b)
            if b - a == 3:
                assert [(span.start, span.end)] == _two_and_one(to_simplified(text[a:b]), a)
                continue
            assert span.start == a or span.start - a >= 2
            assert span.end == b or b - span.end >= 2
        else:
            assert span.start in starts and span.end in ends


def test_hong_kong_senses_are_dictionary_evidence() -> None:
    """Words CC-CEDICT lacks or gives a Mainland sense (車資 has no entry; 電車 is a
    "trolleybus" there) are found through the shipped Hong Kong senses: the trams sample's
    English vocabulary gets its Chinese, shown as certain. (叮叮 was marked "check" in round
    14: "ding-ding" was only in a note of its sense, at half weight, so its evidence was of the
    kind ``part``; a name a note gives is a sense of its own since round 14's second pass.)"""
    from pathlib import Path

    import duizhao

    doc = duizhao.annotate(Path(__file__).parents[1] / "corpus" / "2025-10-06-hong-kong-trams.md")
    found = {v.word: (v.translation, v.uncertain) for v in doc.vocabulary.en}
    assert found["fare"] == (("車資",), False)
    assert found["tram"] == (("電車",), False)
    assert found["ding-ding"] == (("叮叮",), False)
    # the forms as a list of words shows them: "Fares" opened its sentence
    assert next(v.forms for v in doc.vocabulary.en if v.word == "fare") == ("fare", "fares")


_NAMES = """Lawmakers in LegCo asked why the trams are losing money.

Many older workers still rely on the MPF when they retire.

Tourists love to ride the ding-ding along the north shore.

明報社評 2026.12.04：議員關注電車虧損 長者倚賴退休保障

立法會議員質詢電車為何持續虧損。

不少年長僱員退休後仍然倚靠強積金。

遊客喜歡乘坐叮叮遊覽港島北岸。

/ Glossary生字 /

LegCo：the Legislative Council of Hong Kong

MPF：the Mandatory Provident Fund, a retirement savings scheme

ding-ding：a Hong Kong tram
"""


def test_a_name_in_a_note_of_a_hong_kong_sense_translates_the_term_whole(tmp_path: Path) -> None:
    """A glossary term that is the name a Hong Kong sense gives, quoted, in a note (叮叮 "tram
    (colloquial, "ding-ding")") is translated whole by the dictionary: its counterpart is shown
    as certain, not marked "check" (it was, with the evidence of the kind ``part``)."""
    from duizhao.glossary.confidence import evidence_class
    from duizhao.glossary.dictionary import gloss, strength
    from duizhao.glossary.query import query

    found = first_counterparts(tmp_path / "names.txt", _NAMES)
    assert found == {"LegCo": ("立法會", False), "MPF": ("強積金", False),
                     "ding-ding": ("叮叮", False)}  # fmt: skip
    (keys,) = query("ding-ding").words
    assert strength(keys, gloss("叮叮")) == 1.0
    assert evidence_class({"dict_term": strength(keys, gloss("叮叮"))}) == "whole"
    # a note that is a remark, not a name, still weighs half ("colloquial")
    (keys,) = query("colloquial").words
    assert strength(keys, gloss("叮叮")) == 0.5
