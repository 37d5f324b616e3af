"""The study sheet: view data, HTML structure, escaping, templates, PDF support checks.

Fast tests only: documents come from tests/fixtures/sheet/sheet_docs.py (built from the model
classes, no pipeline).
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.errors import DuizhaoError, MissingExtraError
from duizhao.model import Document, Meta, Paragraph
from duizhao.resources import corpus_dir, templates_dir
from duizhao.sheet import (
    check_pdf_support,
    render_sheet,
    sheet_context,
)

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "sheet"))
import sheet_docs

SEED = Path(__file__).resolve().parents[2] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"


# -- a small HTML reader: the text of elements, as a browser would show it ----------------------


class _Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: _Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[_Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, _Node):
                yield from c.iter()

    def text(self, skip=lambda n: False) -> str:
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not skip(c):
                out.append(c.text(skip))
        return "".join(out)


_VOID = {"meta", "br", "input", "col", "link", "img", "hr", "wbr"}


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(html: str) -> _Node:
    t = _Tree()
    t.feed(html)
    t.close()
    return t.root


def _reading_or_label(n: _Node) -> bool:
    """What is drawn around the text, not the text: readings, paragraph and term numbers."""
    return n.tag in ("rt", "rp") or bool(n.classes & {"pn", "tn", "r", "flag"})


def para_texts(root: _Node, lang: str) -> dict[int, str]:
    return {
        int(n.attrs["data-p"]): n.text(_reading_or_label)
        for n in root.iter()
        if n.tag == "p" and {"para", lang} <= n.classes
    }


@pytest.fixture(scope="module")
def seed_html(seed):
    return render_sheet(seed, reading="pinyin")


# -- resources -----------------------------------------------------------------------------------


def test_resources_find_templates_and_corpus():
    assert (templates_dir() / "sheet.html.j2").is_file()
    assert (templates_dir() / "print.css").is_file()
    assert (corpus_dir() / SEED.name).is_file()


# -- the sheet's structure -----------------------------------------------------------------------


def test_every_paragraph_is_shown_exactly(seed, seed_html):
    root = parse(seed_html)
    assert para_texts(root, "en") == {i: p.text for i, p in enumerate(seed.en)}
    assert para_texts(root, "zh") == {i: p.text for i, p in enumerate(seed.zh)}


def test_rows_follow_the_paragraph_beads(seed, seed_html):
    root = parse(seed_html)
    rows = [n for n in root.iter() if n.tag == "tr" and "row" in n.classes]
    assert len(rows) == len(seed.alignment.paragraphs)
    # the seed's Chinese summary paragraph has no English counterpart: it spans the row, marked
    first = rows[0]
    assert "zh-only" in first.classes
    cell = next(n for n in first.iter() if n.tag == "td")
    assert cell.attrs.get("colspan") == "2"
    assert "no English counterpart" in first.text()
    # the fixture marks the bead of English paragraph 3 as low-confidence
    low = [r for r in rows if "low" in r.classes]
    assert len(low) == 1
    assert "WIPO's rankings" in low[0].text()
    assert "uncertain" in low[0].text()


def test_sentences_carry_their_bead(seed, seed_html):
    root = parse(seed_html)
    sents = [n for n in root.iter() if n.tag == "span" and "s" in n.classes]
    assert len(sents) == sum(len(p.sentences) for p in seed.en + seed.zh)
    by_bead: dict[str, set[str]] = {}
    for s in sents:
        if "data-b" in s.attrs:
            by_bead.setdefault(s.attrs["data-b"], set()).add(s.attrs["id"].split("-")[0])
    expected = {str(b) for b, bead in enumerate(seed.alignment.sentences) if bead.en and bead.zh}
    assert set(by_bead) == expected
    # every linked bead has both an English and a Chinese sentence to light up
    assert all(langs == {"en", "zh"} for langs in by_bead.values())


def test_uncertain_sentence_pairs_are_marked(seed):
    beads = list(seed.alignment.sentences)
    k = next(i for i, b in enumerate(beads) if b.en and b.zh)
    beads[k] = dataclasses.replace(beads[k], low_confidence=True)
    doc = dataclasses.replace(
        seed, alignment=dataclasses.replace(seed.alignment, sentences=tuple(beads))
    )
    root = parse(render_sheet(doc))
    low = [n for n in root.iter() if n.tag == "span" and {"s", "low"} <= n.classes]
    assert {n.attrs["data-b"] for n in low} == {str(k)}
    assert len(low) == len(beads[k].en) + len(beads[k].zh)


def test_long_paragraph_renders_whole():
    # speed on long paragraphs is measured by benchmarks/bench_site.py, not here
    text = "香港知識產權貿易中心。" * 800  # 8,800 characters, 4,800 words
    doc = sheet_docs.simple_doc(["A long paragraph."], [text], [("long", "d", "貿易")])
    root = parse(render_sheet(doc))
    assert para_texts(root, "zh") == {0: text}


def test_glossary_terms_pair_up_with_numbers_and_colours(seed, seed_html):
    root = parse(seed_html)
    marks = [n for n in root.iter() if n.tag == "mark"]
    for link in seed.links:
        t = str(link.entry + 1)
        en = [m for m in marks if m.attrs["data-t"] == t and "en" in _para_of(m).classes]
        zh = [m for m in marks if m.attrs["data-t"] == t and "zh" in _para_of(m).classes]
        assert len(en) == len(link.en) and len(zh) == len(link.zh)
        assert {m.text(_reading_or_label) for m in zh} == {o.text for o in link.zh}
        colour = {c for m in en + zh for c in m.classes if re.fullmatch(r"k\d", c)}
        assert colour == {f"k{link.entry}"}
        # the number is printed, so black-and-white copies still pair the terms
        assert all(m.text().endswith(t) for m in en + zh)


def _para_of(n: _Node) -> _Node:
    while n.tag != "p":
        n = n.parent
    return n


def test_readings_are_ruby_per_character(seed, seed_html):
    root = parse(seed_html)
    p = next(n for n in root.iter() if n.attrs.get("id") == "zh-p1")
    rubies = [n for n in p.iter() if n.tag == "ruby"]
    han = [c for c in seed.zh[1].text if sheet_docs.is_han(c)]
    assert len(rubies) == len(han)
    for r in rubies[:20]:
        base = r.text(lambda n: n.tag == "rt")
        rt = next(c for c in r.children if isinstance(c, _Node) and c.tag == "rt")
        assert rt.text() == sheet_docs._pinyin(base)
    # each word keeps its gloss for hover and tap
    words = [n for n in p.iter() if "w" in n.classes]
    assert words and all("gloss of" in w.attrs.get("data-g", "") for w in words)


@pytest.mark.parametrize(
    ("reading", "py", "jp"),
    [
        ("pinyin", True, False),
        ("jyutping", False, True),
        ("both", True, True),
        ("none", False, False),
    ],
)
def test_reading_modes(seed, reading, py, jp):
    html = render_sheet(seed, reading=reading)
    assert ('<rt class="py">' in html) is py
    assert ('<rt class="jp">' in html) is jp
    assert ('id="opt-py"' in html) is py
    assert ('id="opt-jp"' in html) is jp
    assert (seed.zh[1].text[:4] in parse(html).text()) is (reading == "none")


def test_print_form_has_no_ruby_but_stacked_readings(seed):
    html = render_sheet(seed, reading="both", for_print=True)
    root = parse(html)
    assert not [n for n in root.iter() if n.tag in ("ruby", "rt", "script", "input")]
    cells = [n for n in root.iter() if "c" in n.classes]
    assert cells
    # pinyin above the character, Jyutping below it
    for cell in cells[:50]:
        kids = [c if isinstance(c, str) else c.attrs["class"] for c in cell.children]
        assert kids[0] == "r py" and kids[2] == "r jp" and sheet_docs.is_han(kids[1])


def test_header_footer_and_attribution(seed, seed_html):
    text = parse(seed_html).text()
    assert "明報社評" in text and "2025-09-02" in text
    assert seed.meta.title_zh in text
    assert "CC-CEDICT" in text and "CC BY-SA 4.0" in text
    # no glosses, no attribution
    bare = sheet_docs.simple_doc(["One."], ["一。"], tokens=False)
    assert "CC-CEDICT" not in render_sheet(bare)


def test_glossary_table_and_vocabulary(seed, seed_html):
    root = parse(seed_html)
    gloss = next(n for n in root.iter() if n.tag == "section" and "glossary" in n.classes)
    rows = [n for n in gloss.iter() if n.tag == "tr"][1:]
    assert [r.text().split()[1] for r in rows] == [e.term for e in seed.glossary]
    assert "集群" in rows[0].text() and "jí qún" in rows[0].text()
    vocab = [n for n in root.iter() if n.tag == "section" and "vocab" in n.classes]
    assert len(vocab) == 2
    assert "分庭抗禮" in vocab[1].text() and "underscore" in vocab[0].text()


def test_self_contained_no_network(seed_html):
    # no external resources of any kind
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", seed_html)
    assert "@import" not in seed_html and "url(" not in seed_html
    assert seed_html.count("<script") == 1  # the inline sentence-linking script
    assert '<html lang="en">' in seed_html
    assert 'lang="zh-Hant"' in seed_html


def test_simplified_script(seed):
    html = render_sheet(seed, reading="none", script="simplified")
    assert 'lang="zh-Hans"' in html and 'lang="zh-Hant"' not in html
    zh = para_texts(parse(html), "zh")
    assert zh[0].startswith("联合国世界知识产权组织") and len(zh[0]) == len(seed.zh[0].text)


def test_bad_options_are_errors(seed):
    with pytest.raises(DuizhaoError, match="reading"):
        sheet_context(seed, reading="zhuyin")  # type: ignore[arg-type]
    with pytest.raises(DuizhaoError, match="script"):
        sheet_context(seed, script="cyrillic")  # type: ignore[arg-type]


# -- robustness: missing parts ------------------------------------------------------------------


def test_bare_document_pairs_in_order_and_shows_the_rest():
    doc = Document(
        meta=Meta(),
        en=(Paragraph("en", "First."), Paragraph("en", "Second.")),
        zh=(Paragraph("zh", "第一。"), Paragraph("zh", "第二。"), Paragraph("zh", "第三。")),
    )
    html = render_sheet(doc)
    root = parse(html)
    rows = [n for n in root.iter() if n.tag == "tr" and "row" in n.classes]
    assert [sorted(r.classes - {"row"}) for r in rows] == [
        ["pair"],
        ["pair"],
        ["single", "zh-only"],
    ]
    assert para_texts(root, "zh") == {0: "第一。", 1: "第二。", 2: "第三。"}
    assert not [n for n in root.iter() if n.tag in ("ruby", "mark")]
    assert not [n for n in root.iter() if "data-b" in n.attrs]


def test_alignment_that_forgets_a_paragraph_still_shows_it(seed):
    al = dataclasses.replace(seed.alignment, paragraphs=seed.alignment.paragraphs[:-1])
    doc = dataclasses.replace(seed, alignment=al)
    root = parse(render_sheet(doc, reading="none"))
    assert len(para_texts(root, "en")) == len(seed.en)
    assert len(para_texts(root, "zh")) == len(seed.zh)


def test_marks_and_tokens_that_cross_cut_each_other(seed):
    # a term occurrence that starts inside a word and ends inside the next one
    doc = sheet_docs.simple_doc(["a metric here"], ["一個指標數據"], [("metric", "d", "個指標數")])
    root = parse(render_sheet(doc))
    assert para_texts(root, "zh") == {0: "一個指標數據"}
    mark = next(n for n in root.iter() if n.tag == "mark" and "zh" in _para_of(n).classes)
    assert mark.text(_reading_or_label) == "個指標數"


# -- escaping: any text is shown as text -----------------------------------------------------------

_nasty = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        "{% if x %}",
        '"quoted"',
        "'single'",
        "&amp;",
        "</p>",
        "<b>",
        "{#",
        "]]>",
        "<!--",
        "\u00a0",
        "中文",
        "<rt>x</rt>",
    ]
)
_text = (
    st.lists(st.one_of(_nasty, st.text(min_size=1, max_size=8)), min_size=1, max_size=5)
    .map("".join)
    .map(lambda s: s.strip() or "x")
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(en=_text, zh=_text, term=_text, definition=_text, title=_text, source=_text)
def test_any_text_is_escaped(en, zh, term, definition, title, source):
    doc = sheet_docs.simple_doc(
        [f"{en} {term}"], [zh], [(term, definition, zh[:2])], title_en=title, source=source
    )
    html = render_sheet(doc, reading="pinyin")
    root = parse(html)
    scripts = [n for n in root.iter() if n.tag == "script"]
    assert len(scripts) == 1  # only the sheet's own
    assert not [n for n in root.iter() if n.tag in ("b", "img", "iframe", "object")]
    assert para_texts(root, "en") == {0: f"{en} {term}"}
    assert para_texts(root, "zh") == {0: zh}
    cells = [n for n in root.iter() if "term-cell" in n.classes]
    assert [c.text() for c in cells] == [term]
    h1 = next(n for n in root.iter() if n.tag == "h1")
    assert h1.text() == title
    defs = [n for n in root.iter() if n.tag == "td" and n.attrs.get("lang") == "en"]
    assert definition in [d.text() for d in defs]


# -- templates --------------------------------------------------------------------------------------


def test_user_templates_override_blocks(tmp_path, seed):
    (tmp_path / "sheet.html.j2").write_text(
        '{% extends "default/sheet.html.j2" %}{% block footer %}<footer>Class 4B &copy; '
        "{{ meta.source }}</footer>{% endblock %}",
        encoding="utf-8",
    )
    html = render_sheet(seed, templates=tmp_path)
    assert "<footer>Class 4B &copy; 明報社評</footer>" in html
    assert "CC-CEDICT" not in html  # the default footer is gone
    assert 'class="parallel"' in html  # the rest is the default page
    (tmp_path / "print.css").write_text("/* mine */", encoding="utf-8")
    assert "/* mine */" in render_sheet(seed, templates=tmp_path)


def test_missing_templates_folder(tmp_path, seed):
    with pytest.raises(DuizhaoError, match="does not exist"):
        render_sheet(seed, templates=tmp_path / "nope")


# -- PDF support checks ------------------------------------------------------------------------------


def test_pdf_without_weasyprint_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(MissingExtraError, match=r"duizhao\[pdf\]"):
        check_pdf_support()


def test_pdf_without_cjk_fonts_is_a_clear_error(monkeypatch):
    pytest.importorskip("weasyprint")
    import duizhao.output.pdf as r

    monkeypatch.setattr(r, "_has_cjk_font", lambda: False)
    with pytest.raises(DuizhaoError, match="fonts-noto-cjk"):
        check_pdf_support()


def test_a_packaged_stylesheet_changed_on_disk_is_inlined_anew(tmp_path, monkeypatch, seed):
    """The packaged assets are read once an environment, and again when their file changes."""
    import shutil

    from duizhao.output import templates as module
    from duizhao.resources import templates_dir

    copy = tmp_path / "templates"
    shutil.copytree(templates_dir(), copy)
    monkeypatch.setattr("duizhao.resources.templates_dir", lambda: copy)
    module._environment.cache_clear()
    try:
        first = render_sheet(seed)
        assert render_sheet(seed) == first
        css = copy / "print.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */", encoding="utf-8")
        os.utime(css, (css.stat().st_atime + 5, css.stat().st_mtime + 5))
        assert "/* changed */" in render_sheet(seed) and "/* changed */" not in first
    finally:
        module._environment.cache_clear()
