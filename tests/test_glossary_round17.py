"""Round 17: a first guess one word short of a 2+2 unit (glossary.compounds), the check set
written18, and the word-tag tables in one place (resources.wordtags).

The tag tables are read by one reader of jieba-format files (:func:`load_user_dict`) for the
segmenter, the annotator's polyphone rules, the unknown-word guesser and the glossary's idioms.
"""

from __future__ import annotations

import sys
from pathlib import Path

from duizhao.chinese import JiebaSegmenter, load_user_dict
from duizhao.chinese.segment import read_lines
from duizhao.resources import wordtags
from duizhao.resources.lexicon import hk_user_dict_path

from conftest import cli_json

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

REVIVAL = """Cantonese opera has enjoyed a revival among young people. Tickets for the new season \
sold out within a day.

粵劇近年在年輕人之間重獲新生。新一季的門票在一天內售罄。

/ Glossary生字 /

revival：the process of becoming popular again
"""


def test_a_first_guess_gives_way_to_its_two_plus_two_unit(tmp_path: Path) -> None:
    """重獲 "to regain" alone is half of the translator's 重獲新生 "regain new life" for
    "revival": the unit is the counterpart, and, as a guess no dictionary sense supports,
    marked "check"."""
    article = tmp_path / "opera.txt"
    article.write_text(REVIVAL, encoding="utf-8")
    (entry,) = cli_json("annotate", str(article), "-q")["glossary"]
    assert entry["term"] == "revival"
    assert [c["text"] for c in entry["counterparts"]][:2] == ["重獲新生", "重獲"]
    assert entry["uncertain"] is True


def test_written16_is_in_the_fitting_pool() -> None:
    import glossary_data

    assert "written16" in glossary_data.FITTED_FIXTURES


def test_one_reader_for_every_word_file(tmp_path: Path) -> None:
    """The segmenter's user-dictionary reader is the resources layer's, and a user dictionary's
    tag reaches both the segmenter's part of speech and the tag table."""
    assert load_user_dict is wordtags.load_user_dict and read_lines is wordtags.read_lines
    udict = tmp_path / "words.txt"
    udict.write_text("# mine\n灣區創科 nz\n識飲識食 5 i\n", encoding="utf-8")
    assert wordtags.pos_tags((udict,)).get("湾区创科") == "nz"
    seg = JiebaSegmenter(user_dicts=(udict,))
    assert seg.pos("湾区创科") == "nz"
    assert JiebaSegmenter().pos("银行") == wordtags.pos_tags().get("银行") == "n"


def test_set_phrases_are_the_four_character_idioms_and_set_phrases() -> None:
    tags = wordtags.set_phrase_tags()
    assert tags.get("水土流失") == "i" and tags.get("不可或缺") == "l"
    assert tags.get("监管机构") is None
    hk = wordtags.pos_tags((hk_user_dict_path(),))
    for word in ("水土流失", "不可或缺", "高度自治"):
        assert hk.get(word) == tags.get(word)
