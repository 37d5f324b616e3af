"""Round 17: the check set written18, and the word-tag tables in one place (resources.wordtags).

The tag tables are read by one reader of jieba-format files (:func:`load_user_dict`) for the
segmenter, the annotator's polyphone rules, the unknown-word guesser and the glossary's idioms.
"""

from __future__ import annotations

from pathlib import Path

from duizhao.chinese import JiebaSegmenter, load_user_dict
from duizhao.chinese.segment import read_lines
from duizhao.resources import wordtags
from duizhao.resources.lexicon import hk_user_dict_path


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
