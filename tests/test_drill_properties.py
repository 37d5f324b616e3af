"""Worksheet logic as properties, over many seeds, counts, levels and sets of real articles.

For every worksheet made: no sentence is used by two items of a version; no item's answer is
printed in another item; every key matches its items (a filled cloze is the article's own
sentence, a matching letter points at the right side, a reading is the annotation's, a model
answer is the aligned English); ``count`` yields that many items (blanks for the cloze) or the
notes say why not. The articles are the sample corpus and the drill fixtures, annotated once.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.drills import KINDS, DrillError, make_worksheets
from duizhao.drills.terms import gather_terms, reading_of
from duizhao.model import Document

HERE = Path(__file__).resolve().parent
ARTICLES = [
    HERE.parent / "corpus" / "2025-09-02-wipo-innovation-clusters.txt",
    HERE.parent / "corpus" / "2025-10-06-hong-kong-trams.md",
    HERE / "fixtures" / "drills" / "2025-09-05-electric-ferry.md",
    HERE / "fixtures" / "drills" / "no-glossary.md",
]


@pytest.fixture(scope="module")
def docs(annotated_seed: Document) -> list[Document]:
    from duizhao.pipeline import annotate

    return [annotated_seed] + [annotate(p) for p in ARTICLES[1:]]


def _text(spans) -> str:
    return "".join(s.text for s in spans)


def _filled(item) -> str:
    return "".join(item.answers[s.blank] if s.blank is not None else s.text for s in item.prompt)


def _check(ws, chosen: list[Document], counts: dict[str, int]) -> None:
    # 1. no sentence used twice in a version
    uses = [u for s in ws.sections for it in s.items for u in it.uses]
    assert len(uses) == len(set(uses)), "a sentence is used by two items"
    # 2. no answer of one item printed in another
    prompts = [
        (id(it), _text(it.prompt))
        for s in ws.sections
        if s.layout in ("cloze", "choice", "readings", "translate")
        for it in s.items
    ]
    for s in ws.sections:
        for it in s.items:
            if s.layout == "cloze":
                for a in it.answers:
                    pat = re.compile(rf"\b{re.escape(a)}\b", re.IGNORECASE)
                    for other, text in prompts:
                        assert other == id(it) or not pat.search(text), (a, text)
                    # nor left unblanked in its own sentence
                    assert not pat.search(_text(it.prompt)), (a, _text(it.prompt))
            if s.layout == "choice":
                pat = re.compile(rf"\b{re.escape(it.note)}\b", re.IGNORECASE)
                for _, text in prompts:  # its own sentence has the blank instead
                    assert not pat.search(text), (it.note, text)
            if s.layout == "translate":
                model = it.answers[0]
                for other, text in prompts:
                    assert other == id(it) or model not in text
    # 3. every key matches its items
    en_sentences = {t for d in chosen for t in d.sentence_texts("en")}
    for s in ws.sections:
        by_letter = {o.letter: o for o in s.options}
        for it in s.items:
            if s.layout == "cloze":
                assert _filled(it) in en_sentences
                assert len({s2.blank for s2 in it.prompt if s2.blank is not None}) == len(it.answers)
            elif s.layout == "choice":
                k = "abcd".index(it.answers[0])
                assert it.choices[k] == it.note and len(set(it.choices)) == len(it.choices) >= 3
                filled = "".join(it.note if x.blank is not None else x.text for x in it.prompt)
                assert filled in en_sentences
            elif s.layout == "match":
                assert it.answers[0] in by_letter
            elif s.layout == "readings":
                word = "".join(x.text for x in it.prompt if x.mark)
                assert word and it.answers[0]
            elif s.layout == "translate":
                assert it.answers[0] in " ".join(en_sentences) or all(
                    part in en_sentences for part in [it.answers[0]]
                ) or any(it.answers[0].startswith(e) for e in en_sentences)
        if s.layout == "match":
            letters = [it.answers[0] for it in s.items]
            assert len(set(letters)) == len(letters)
    terms = {(t.term, t.definition) for t in gather_terms(chosen, False)}
    for s in ws.sections:
        if s.kind == "match":
            by_letter = {o.letter: o.text for o in s.options}
            for it in s.items:
                assert (it.prompt[0].text, by_letter[it.answers[0]]) in terms
    # 4. the count is met, or the notes say why not
    for s in ws.sections:
        want = counts[s.kind]
        got = s.marks
        assert got <= want
        if got < want:
            assert any(s.title in n for n in ws.notes) or _exhausted(s, chosen), (s.kind, got)


def _exhausted(section, chosen) -> bool:
    """A matching asks each term once: fewer terms than the count is no shortfall to explain."""
    return section.kind in ("match", "zh")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10_000),
    which=st.lists(st.integers(0, 3), min_size=1, max_size=3, unique=True),
    count=st.integers(1, 9),
    versions=st.integers(1, 3),
    level=st.sampled_from(["easy", "medium", "hard"]),
    kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=5, unique=True),
    vocabulary=st.booleans(),
)
def test_worksheets_are_sound(docs, seed, which, count, versions, level, kinds, vocabulary):
    chosen = [docs[i] for i in which]
    try:
        sheets = make_worksheets(
            chosen,
            kinds=kinds,
            count=count,
            seed=seed,
            versions=versions,
            level=level,
            vocabulary=vocabulary,
        )
    except DrillError:
        return  # nothing of these kinds in these articles (e.g. readings of no glossary)
    for ws in sheets:
        _check(ws, chosen, dict.fromkeys(KINDS, count))
    # every version asks the same questions
    keys = [sorted(it.key for s in ws.sections for it in s.items) for ws in sheets]
    assert all(k == keys[0] for k in keys)


def test_count_counts_blanks(docs) -> None:
    # the seed's cloze has more than 6 blanks to give: --count 6 gives exactly 6 blanks
    [ws] = make_worksheets(docs[0], kinds=["cloze"], count=6, seed=3)
    cloze = ws.sections[0]
    assert cloze.marks == 6 == sum(len(it.answers) for it in cloze.items)
    numbers = [it.first + k for it in cloze.items for k in range(len(it.answers))]
    assert numbers == list(range(1, 7))


def test_readings_answers_are_the_annotation(docs) -> None:
    [ws] = make_worksheets(docs[0], kinds=["readings"], count=8, seed=2)
    doc = docs[0]
    for it in ws.sections[0].items:
        word = "".join(x.text for x in it.prompt if x.mark)
        clause = _text(it.prompt).removesuffix("……")  # an excerpt cut at a comma ends so
        para = next(p for p in doc.zh if clause in p.text)
        k = para.text.index(clause) + clause.index(word)
        assert it.answers[0] == reading_of(para, k, k + len(word), "pinyin")


def test_each_chinese_sentence_is_set_once_for_readings(docs) -> None:
    for seed in range(20):
        [ws] = make_worksheets(docs[1], kinds=["readings", "translate"], count=10, seed=seed)
        uses = [u for s in ws.sections for it in s.items for u in it.uses]
        assert len(uses) == len(set(uses))


def test_matchings_ask_every_term(docs) -> None:
    # the terms a matching lists are like a word bank: a cloze of the same terms leaves them be
    [ws] = make_worksheets(docs[0], kinds=["cloze", "match", "zh"], count=10, seed=2)
    by_kind = {s.kind: s for s in ws.sections}
    assert len(by_kind["match"].items) == len(docs[0].glossary)
    # the English–Chinese matching asks every term whose counterpart is not marked "check"
    certain = [link for link in docs[0].links if link.counterparts and not link.uncertain]
    assert len(by_kind["zh"].items) == len(certain) >= 2


def test_distractors_by_level(docs) -> None:
    many = [docs[0], docs[1], docs[2]]
    for level, extra in (("easy", 0), ("medium", 2), ("hard", 3)):
        [ws] = make_worksheets(many, kinds=["zh"], count=4, seed=5, level=level)
        zh = ws.sections[0]
        assert len(zh.options) == len(zh.items) + extra
        answers = {it.answers[0] for it in zh.items}
        # a distractor answers nothing, and is a Chinese word
        for o in zh.options:
            if o.letter not in answers:
                assert re.search(r"[\u4e00-\u9fff]", o.text)
    [hard] = make_worksheets(docs[0], kinds=["cloze"], seed=1, level="hard")
    assert hard.sections[0].word_bank == ()
    [easy] = make_worksheets(docs[0], kinds=["cloze"], seed=1, level="easy")
    assert easy.sections[0].letters and easy.sections[0].word_bank


def _questions_per_page(html: str) -> list[int]:
    """How many questions (numbered items, matching rows) each printed page holds, laid out by
    WeasyPrint as ``--pdf`` does."""
    weasyprint = pytest.importorskip("weasyprint")
    document = weasyprint.HTML(string=html, media_type="print").render()
    out = []
    for page in document.pages:
        seen = set()
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            el = getattr(box, "element", None)
            # on the worksheet (the key cut off) every list item and table row is a question
            if el is not None and getattr(box, "element_tag", "") in ("li", "tr"):
                seen.add(id(el))
            stack.extend(getattr(box, "children", ()))
        out.append(len(seen))
    return out


def _without_keeps(html: str) -> str:
    """The same page without the rules that keep questions together (to show the check bites)."""
    html = html.replace(' class="part part-', ' data-x="').replace(" tail\"", '"')
    return re.sub(r"ol\.items > li:first-child,.*?page-break-after: avoid; }", "", html, flags=re.S)


def test_no_page_holds_a_lone_question(docs) -> None:
    from duizhao.drills import render_worksheet

    lone_without_rules = 0
    for seed in range(2):
        for count in (2, 3, 4, 5):
            for which in ([0], [1], [0, 1]):
                [ws] = make_worksheets([docs[i] for i in which], count=count, seed=seed)
                html = render_worksheet(ws).split('<main class="paper key">')[0] + "</body></html>"
                counts = _questions_per_page(html)
                assert all(n != 1 for n in counts), (seed, count, which, counts)
                lone_without_rules += any(n == 1 for n in _questions_per_page(_without_keeps(html)))
    # the same sheets without the layout rules do leave a question alone: the check bites
    assert lone_without_rules > 0
