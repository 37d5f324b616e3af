"""The reader: formats, layouts, encodings, glossary styles and bad input."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.errors import InputError
from duizhao.model import Document
from duizhao.reader import (
    decode,
    is_glossary_header,
    normalise_lines,
    parse_glossary_line,
    read,
    read_bytes,
    read_text,
    script_of,
)

from conftest import MARKDOWN_SAMPLE, SEED, cli_json
from golden_util import check_golden

SEED_TEXT = SEED.read_text(encoding="utf-8")


def content(doc: Document) -> dict:
    """What an article says, without where it came from."""
    d = doc.to_dict()
    d["meta"] = {k: v for k, v in d["meta"].items() if k not in ("path", "encoding", "format")}
    for lang in ("en", "zh"):
        for p in d[lang]["paragraphs"]:
            p.pop("line")
    for e in d["glossary"]:
        e.pop("line")
    d.pop("warnings")
    return d


def seed_blocks() -> dict[str, str]:
    """The seed split into its English block, title line, Chinese block and glossary."""
    title = SEED_TEXT.index("明報社評")
    gloss = SEED_TEXT.index("/ Glossary")
    title_end = SEED_TEXT.index("\n", title)
    return {
        "en": SEED_TEXT[:title].strip(),
        "title": SEED_TEXT[title:title_end].strip(),
        "zh": SEED_TEXT[title_end:gloss].strip(),
        "glossary": SEED_TEXT[gloss:].strip(),
    }


# -- the seed ----------------------------------------------------------------------------------


def test_seed_counts_and_meta(seed_doc):
    assert seed_doc.meta.source == "明報社評"
    assert seed_doc.meta.date == "2025-09-02"
    assert seed_doc.meta.title_zh == "灣區創科實力獲肯定 知識產權貿易待拓展"
    assert seed_doc.meta.title_en is None
    assert len(seed_doc.en) == 6
    assert len(seed_doc.zh) == 7
    assert sum(len(p.sentences) for p in seed_doc.en) == 17
    assert sum(len(p.sentences) for p in seed_doc.zh) == 18
    assert [e.term for e in seed_doc.glossary] == ["cluster", "metric", "preferential"]
    assert seed_doc.glossary[1].definition.startswith("a set of numbers or statistics")
    assert seed_doc.warnings == ()


def test_seed_golden(seed_doc):
    check_golden("seed.parse.json", content(seed_doc))


def test_seed_sentences_survive_abbreviations_and_decimals(seed_doc):
    en = seed_doc.sentence_texts("en")
    assert any("Beijing (4th) and Shanghai–Suzhou (6th)" in s for s in en)
    assert any(s.startswith("In 2022, Hong Kong's IP revenues") and "0.1%" in s for s in en)
    assert en[9] == "This year, a third metric was added — the number of venture capital deals."


def test_seed_is_lossless(seed_doc):
    for para in seed_doc.en + seed_doc.zh:
        assert para.text in SEED_TEXT
        assert_sentences_join_back(para)


def test_round_trip_through_json(seed_doc):
    import json

    again = Document.from_dict(json.loads(json.dumps(seed_doc.to_dict(), ensure_ascii=False)))
    assert again == seed_doc


# -- variants of the seed give the same content ------------------------------------------------


def test_blocks_in_any_order(seed_doc):
    b = seed_blocks()
    reordered = "\n\n".join([b["title"], b["zh"], b["glossary"]]) + "\n\n" + b["en"]
    # The glossary is followed by English prose: that ends the glossary, nothing is lost.
    doc = read_text(reordered)
    assert content(doc) == content(seed_doc)


def test_chinese_first_then_english(seed_doc):
    b = seed_blocks()
    doc = read_text("\n\n".join([b["title"], b["zh"], b["en"], b["glossary"]]))
    assert content(doc) == content(seed_doc)


def test_bom_crlf_ascii_colons_and_extra_blank_lines(seed_doc):
    text = SEED_TEXT.replace("：", ": ").replace("\n\n", "\n \n\n\u3000\n")
    text = text.replace("\n", "   \r\n")
    data = codecs.BOM_UTF8 + text.encode("utf-8")
    doc = read_bytes(data, path="variant.txt")
    assert doc.meta.encoding == "utf-8-sig"
    assert content(doc) == content(seed_doc)


def test_cr_line_ends(seed_doc):
    doc = read_bytes(SEED_TEXT.replace("\n", "\r").encode("utf-8"))
    assert content(doc) == content(seed_doc)


@pytest.mark.parametrize("encoding", ["big5hkscs", "utf-16", "gb18030"])
def test_encodings_detected(seed_doc, encoding):
    doc = read_bytes(SEED_TEXT.encode(encoding), path=f"seed.{encoding}.txt")
    assert content(doc) == content(seed_doc)
    assert doc.meta.encoding == encoding


def test_simplified_gb18030_detected():
    text = "香港银行会计。今年经济增长。\n\nHong Kong banks grew this year.\n"
    data = text.encode("gb18030")
    doc = read_bytes(data)
    assert doc.meta.encoding == "gb18030"
    assert doc.zh[0].text == "香港银行会计。今年经济增长。"


def test_short_big5_detected():
    data = "「十四五」規劃提出支持香港。\n\nThe plan supports Hong Kong.\n".encode("big5hkscs")
    doc = read_bytes(data)
    assert doc.meta.encoding == "big5hkscs"
    assert doc.zh[0].text.startswith("「十四五」規劃")


def test_forced_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SEED_TEXT.encode("big5hkscs"))
    assert read(path, encoding="big5hkscs").meta.encoding == "big5hkscs"
    with pytest.raises(InputError) as e:
        read(path, encoding="utf-8")
    assert e.value.line is not None and "cannot be decoded as utf-8" in str(e.value)


def test_no_glossary_is_fine(seed_doc):
    b = seed_blocks()
    doc = read_text("\n\n".join([b["en"], b["title"], b["zh"]]))
    assert doc.glossary == ()
    assert doc.warnings == ()
    assert content(doc)["zh"] == content(seed_doc)["zh"]


def test_one_paragraph_per_line_without_blank_lines(seed_doc):
    b = seed_blocks()
    squeeze = lambda s: re.sub(r"\n\n+", "\n", s)  # noqa: E731
    doc = read_text("\n".join([squeeze(b["en"]), b["title"], squeeze(b["zh"]), b["glossary"]]))
    assert content(doc) == content(seed_doc)


def test_hard_wrapped_english_is_one_paragraph():
    en = (
        "The government introduced a patent box tax concession last\n"
        "year, allowing eligible income to be taxed at a preferential\n"
        "rate of five per cent.\n"
        "Critics say it is not enough.\n"
    )
    doc = read_text(en + "\n政府去年推出了專利盒稅務優惠。\n")
    assert len(doc.en) == 2
    assert doc.en[0].text.endswith("five per cent.")
    assert [doc.en[0].text[s.start : s.end] for s in doc.en[0].sentences][0].startswith("The gov")
    assert len(doc.en[0].sentences) == 1


# -- glossary styles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["/ Glossary生字 /", "Glossary", "生字", "Vocabulary", "/Glossary/", "GLOSSARY 生字", "詞彙："],
)
def test_glossary_headers(header):
    assert is_glossary_header(header)


@pytest.mark.parametrize("line", ["Glossary of terms is below.", "生字表很長的一段文字", "clusters"])
def test_not_glossary_headers(line):
    assert not is_glossary_header(line)


@pytest.mark.parametrize(
    ("line", "term", "pos", "zh", "definition"),
    [
        ("cluster：a group of things", "cluster", None, (), "a group of things"),
        ("cluster: a group of things", "cluster", None, (), "a group of things"),
        ("cluster (n.)：a group", "cluster", "n.", (), "a group"),
        ("cluster（n）: a group", "cluster", "n.", (), "a group"),
        ("cluster (n.)【集群】：a group", "cluster", "n.", ("集群",), "a group"),
        ("cluster 【集群／群組】 (n.) : a group", "cluster", "n.", ("集群", "群組"), "a group"),
        ("memorandum of understanding [合作備忘錄]：a formal agreement",
         "memorandum of understanding", None, ("合作備忘錄",), "a formal agreement"),
        ("lag behind (phr. v.)：to move more slowly", "lag behind", "phr. v.", (), "to move more slowly"),
        ("overtake：(v.) to go past", "overtake", "v.", (), "to go past"),
        ("1. metric：a set of numbers", "metric", None, (), "a set of numbers"),
        ("- metric: a set of numbers", "metric", None, (), "a set of numbers"),
        ("preferential：特惠", "preferential", None, ("特惠",), ""),
        ("IP (intellectual property)：rights over creations", "IP (intellectual property)", None, (),
         "rights over creations"),
        ("well-being – the state of being healthy", "well-being", None, (),
         "the state of being healthy"),
        # the Chinese equivalent in round brackets, bare, or opening the definition
        ("cater for (照顧)：to provide what is needed", "cater for", None, ("照顧",),
         "to provide what is needed"),
        ("cater for (v.) 照顧: to provide what is needed", "cater for", "v.", ("照顧",),
         "to provide what is needed"),
        ("cater for：照顧；to provide what is needed", "cater for", None, ("照顧",),
         "to provide what is needed"),
        ("cluster：集群 (n.) a group", "cluster", "n.", ("集群",), "a group"),
        ("cluster: 集群 群組", "cluster", None, ("集群", "群組"), ""),
        ("cluster 【集群 | 群組】: a group", "cluster", None, ("集群", "群組"), "a group"),
        ("cluster【集群｜群組】 - a group", "cluster", None, ("集群", "群組"), "a group"),
        # no separator: the Chinese, or a part of speech, ends the term
        ("cater for 照顧 to provide what is needed", "cater for", None, ("照顧",),
         "to provide what is needed"),
        ("cater for (v.) 【照顧】 to provide what is needed", "cater for", "v.", ("照顧",),
         "to provide what is needed"),
        ("cater for【照顧】", "cater for", None, ("照顧",), ""),
        ("cater for（照顧／照料）", "cater for", None, ("照顧", "照料"), ""),
        ("roll out (phr v) 推出", "roll out", "phr. v.", ("推出",), ""),
        ("Cater for [v] to provide what is needed", "Cater for", "v.", (),
         "to provide what is needed"),
        # a row of a table, and the Chinese first
        ("| cater for | 照顧 | to provide |", "cater for", None, ("照顧",), "to provide"),
        ("cater for ｜照顧｜ to provide", "cater for", None, ("照顧",), "to provide"),
        ("照顧：cater for", "cater for", None, ("照顧",), ""),
        ("照顧 cater for", "cater for", None, ("照顧",), ""),
    ],
)
def test_glossary_lines(line, term, pos, zh, definition):
    e = parse_glossary_line(line, lineno=3)
    assert e is not None
    assert (e.term, e.pos, e.zh, e.definition, e.line) == (term, pos, zh, definition, 3)


@pytest.mark.parametrize(
    "line",
    [
        "no colon here",
        "這是中文：不是詞條",
        "This year, a third metric was added: the number of deals.",
        "今次WIPO在港舉行兩場活動",  # a Chinese sentence with a Latin word in it
        "政府應增撥資源，把延長時間的安排推展至各區分館。",
        "The government (and the council) should act.",  # brackets, but no part of speech
    ],
)
def test_not_glossary_lines(line):
    assert parse_glossary_line(line) is None


def test_glossary_styles_read_through_the_cli(tmp_path):
    """An article whose glossary gives the Chinese bare, with no separator: the CLI reads the
    equivalents as the teacher's counterparts."""
    f = tmp_path / "a.txt"
    f.write_text(
        "當局表示，新安排旨在照顧在職人士的需要。\n\n"
        "The authorities said the new arrangement aims to cater for the needs of working people.\n\n"
        "Glossary\n\ncater for 照顧 to provide what is needed\narrangement (n.) (安排)\n",
        encoding="utf-8",
    )
    glossary = cli_json("parse", str(f))["glossary"]
    assert [(e["term"], e["zh"], e["pos"]) for e in glossary] == [
        ("cater for", ["照顧"], None),
        ("arrangement", ["安排"], "n."),
    ]


TABLE_GLOSSARY = """| Term | 中文 | Meaning |
|------|:----:|---------|
| cater for | 照顧 | to provide what is needed |
| shelve (v.) | 擱置 | to decide not to continue with a plan |
"""


@pytest.mark.parametrize("header", ["# Glossary", "/ Glossary生字 /"])
def test_a_glossary_written_as_a_table(header):
    """A Markdown table: the header row and the rule under it are not entries."""
    zh = "當局表示，新安排旨在照顧在職人士的需要。舊計劃被擱置。"
    en = "The new arrangement aims to cater for them. The old plan was shelved."
    body = f"{zh}\n\n{en}\n\n"
    if header.startswith("#"):
        text = f"# English\n\n{en}\n\n# 中文\n\n{zh}\n\n{header}\n\n{TABLE_GLOSSARY}"
    else:
        text = body + f"{header}\n\n{TABLE_GLOSSARY}"
    doc = read_text(text)
    assert [(e.term, e.zh, e.pos) for e in doc.glossary] == [
        ("cater for", ("照顧",), None),
        ("shelve", ("擱置",), "v."),
    ]
    assert not doc.warnings


def test_a_given_equivalent_not_in_the_chinese_is_a_warning():
    text = (
        "當局表示，新安排旨在照顧在職人士的需要。\n\n"
        "The new arrangement aims to cater for the needs of working people.\n\n"
        "Glossary\n\ncater for【照料】：to provide\narrangement【安排】：a plan\n"
        "need【需要】：what is needed\n"
    )
    doc = read_text(text, path="a.txt")
    assert doc.warnings == (
        "a.txt:7: the Chinese equivalent 照料 of 'cater for' is not in the Chinese text",
    )
    # in the other script it is there (a teacher typing Simplified for a Traditional article)
    doc = read_text(text.replace("【照料】", "【照顾】"), path="a.txt")
    assert doc.warnings == ()


def test_unreadable_glossary_line_is_an_error(seed_path):
    text = SEED_TEXT + "\nthis line has no colon\n"
    with pytest.raises(InputError) as e:
        read_text(text, path="bad.txt")
    assert e.value.path == "bad.txt"
    assert e.value.line == SEED_TEXT.count("\n") + 2
    assert "glossary" in e.value.message


def test_duplicate_glossary_term_warns():
    doc = read_text(SEED_TEXT + "\ncluster：again\n", path="dup.txt")
    assert len(doc.glossary) == 4
    assert any("appears twice" in w and w.startswith("dup.txt:") for w in doc.warnings)


HEADLINED = """公共圖書館應延長開放時間

康樂及文化事務署上月宣布，十間主要圖書館的開放時間將延長至晚上十時。

然而，不少市民認為措施來得太遲。

Public libraries should stay open later

The department announced last month that ten major libraries will open until 10pm.

However, many citizens feel the measure has come too late.
"""


def test_headlines_without_a_title_line_become_the_titles():
    doc = read_text(HEADLINED)
    assert doc.meta.title_zh == "公共圖書館應延長開放時間"
    assert doc.meta.title_en == "Public libraries should stay open later"
    assert [p.text[:4] for p in doc.zh] == ["康樂及文", "然而，不"]
    assert [p.text[:7] for p in doc.en] == ["The dep", "However"]


def test_a_title_line_wins_over_a_headline():
    doc = read_text("明報社評 2025.09.02：另一個標題\n\n" + HEADLINED)
    assert doc.meta.title_zh == "另一個標題"
    assert doc.zh[0].text == "公共圖書館應延長開放時間"  # kept as the first paragraph, not lost
    assert doc.meta.title_en == "Public libraries should stay open later"


@pytest.mark.parametrize(
    "first",
    [
        "康樂及文化事務署上月宣布延長開放時間。",  # ends a sentence: a paragraph
        "康樂及文化事務署上月宣布，十間主要圖書館的開放時間將延長至晚上十時，以照顧在職人士及學生",  # too long
        "公共圖書館\n應延長開放時間",  # two lines
    ],
)
def test_what_is_not_a_headline(first):
    text = HEADLINED.replace("公共圖書館應延長開放時間", first, 1)
    doc = read_text(text)
    assert doc.meta.title_zh is None
    assert len(doc.zh) == 3


def test_a_lone_paragraph_is_never_taken_as_a_title():
    doc = read_text("短短一句\n\nA short line\n")
    assert (doc.meta.title_zh, doc.meta.title_en) == (None, None)
    assert (len(doc.zh), len(doc.en)) == (1, 1)


def test_parse_cli_shows_a_headline_as_the_title(tmp_path):
    from duizhao.cli import main

    f = tmp_path / "a.txt"
    f.write_text(HEADLINED, encoding="utf-8")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["parse", str(f)]) == 0
    assert "title (zh): 公共圖書館應延長開放時間" in out.getvalue()
    assert "title (en): Public libraries should stay open later" in out.getvalue()


# -- the Markdown format -----------------------------------------------------------------------


def test_markdown_sample():
    doc = read(MARKDOWN_SAMPLE)
    assert doc.meta.format == "markdown"
    assert doc.meta.date == "2025-10-06"
    assert doc.meta.title_en.startswith("Ding-dings")
    assert doc.meta.title_zh.startswith("叮叮")
    assert (len(doc.en), len(doc.zh)) == (3, 3)
    assert [e.zh for e in doc.glossary][0] == ("感情",)
    assert all(e.pos for e in doc.glossary)
    for para in doc.en + doc.zh:
        assert_sentences_join_back(para)


def test_markdown_pins_and_errors():
    text = (
        "---\ndate: 2025-01-02\npins: 0=1, 1=2\nlevel: B2\n---\n\n# English\n\nHello there.\n\n"
        "Second one.\n\n# 中文\n\n導言。\n\n你好。\n\n第二段。\n"
    )
    doc = read_text(text, fmt="markdown", path="t.md")
    assert doc.pins == ((0, 1), (1, 2))
    assert any("unknown front matter key 'level'" in w for w in doc.warnings)
    with pytest.raises(InputError, match=r"t.md:2: date"):
        read_text(text.replace("2025-01-02", "yesterday"), fmt="markdown", path="t.md")
    with pytest.raises(InputError, match=r"t.md:7: unknown section"):
        read_text(text.replace("# English", "# Notes"), fmt="markdown", path="t.md")


# -- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n \r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"Only English here.\n\nAnd more English.\n", "no Chinese paragraphs"),
        ("只有中文。\n\n還是中文。\n".encode(), "no English paragraphs"),
        (b"abc\n\x80\x80 def \xff", "2: byte 0x80 is not UTF-8"),
    ],
)
def test_bad_input(data, message):
    with pytest.raises(InputError) as e:
        read_bytes(data, path="in.txt")
    assert e.value.path == "in.txt"
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read(tmp_path)


def test_unknown_encoding():
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", encoding="klingon")


def test_invalid_date_in_title_line():
    with pytest.raises(InputError, match=r":1: invalid date 2025-13-40"):
        read_text("明報社評 2025.13.40：標題\n\nEnglish text.\n\n中文。\n", path="d.txt")


def test_script_of():
    assert script_of("聯合國世界知識產權組織（WIPO）公布") == "zh"
    assert script_of("The term 集群 means cluster.") == "en"
    assert script_of("2025 — 100%") is None


def test_normalise_lines():
    assert normalise_lines("\ufeffa \r\nb\u3000\rc\n") == ["a", "b", "c", ""]


# -- the property: any text reads losslessly or raises InputError ------------------------------


def assert_sentences_join_back(para):
    pos = 0
    for s in para.sentences:
        assert 0 <= s.start < s.end <= len(para.text)
        assert para.text[pos : s.start].strip() == ""
        pos = s.end
    assert para.text[pos:].strip() == ""
    assert para.text.strip() and para.sentences


_pieces = st.sampled_from(
    [
        "Hello world.", "Mr. Lee said no.", "0.1% of 5", "U.S. trade.", " ", "\n", "\n\n", "\r\n",
        "香港", "銀行。", "「好。」", "！", "……", "：", ":", "Glossary", "/ Glossary生字 /",
        "明報社評 2025.09.02：標題", "cluster：a group", "term (n.)【集群】：def", "\u3000", "\t",
        "WIPO", "第4", "(", "）", "#", "---", "# English", "# 中文", "\x00", "\x07",
    ]
)


def test_indented_continuation_line_is_kept():
    # found by the property test below: an indented second line of a paragraph kept its text
    # but lost its indent, so the paragraph was no longer a piece of the input
    doc = read_text("香港\n 香港\rHello world.", path="indent.txt")
    assert [p.text for p in doc.zh] == ["香港\n 香港"]
    assert [p.text for p in doc.en] == ["Hello world."]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_pieces, st.text(max_size=12)), max_size=40))
def test_any_text_reads_losslessly_or_raises_input_error(parts):
    text = "".join(parts)
    try:
        doc = read_text(text, path="prop.txt")
    except InputError as e:
        assert e.path == "prop.txt"
        return
    normalised = "\n".join(normalise_lines(text))
    for lang in ("en", "zh"):
        pos = 0
        for para in doc.paragraphs(lang):
            assert para.lang == lang
            at = normalised.find(para.text, pos) if para.text else -1
            assert at >= 0, "paragraph text is not in the input, in order"
            pos = at + len(para.text)
            assert_sentences_join_back(para)
    assert Document.from_dict(doc.to_dict()) == doc


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_read_or_raise_input_error(data):
    try:
        read_bytes(data, path="bytes.bin")
    except InputError:
        pass
