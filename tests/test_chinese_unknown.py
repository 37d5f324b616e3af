"""Unknown words (duizhao.chinese.unknown) and the glosses of words no dictionary has, as a user
meets them: a foreign name comes out whole, with its readings and no made-up gloss; a word of two
characters is glossed by its characters only when the aligned English confirms both."""

from __future__ import annotations

from pathlib import Path

from duizhao.chinese import ChineseAnnotator, annotate_document, default_annotator
from duizhao.chinese.gloss import choose_gloss
from duizhao.chinese.unknown import join_probabilities, join_unknown, join_unknown_spans
from duizhao.glossary import suggest_vocabulary
from duizhao.model import Corrections, Document, Meta, Paragraph, WordFix
from duizhao.text.composed import is_composed, made_of_characters

from conftest import words_tokens

# "US President Bush said": 布殊 is Hong Kong's spelling of "Bush", in no dictionary
BUSH = "美國總統布殊表示"
# "The sound of a bell came from the north shore of San Diego."
SAN_DIEGO = "聖迭戈北岸傳來鐘聲。"
SAN_DIEGO_EN = "The sound of a bell came from the north shore of San Diego."


def words(text: str, tokens: tuple) -> list[str]:
    return [text[t.start : t.end] for t in tokens if text[t.start : t.end].strip()]


def test_foreign_names_come_out_whole() -> None:
    tokens = default_annotator().annotate(BUSH)
    assert words(BUSH, tokens) == ["美國", "總統", "布殊", "表示"]
    bush = tokens[2]
    assert bush.pinyin == ("bù", "shū") and bush.jyutping == ("bou3", "syu4")
    assert bush.gloss is None  # not "to announce (布) + different (殊)"
    tokens = default_annotator().annotate(SAN_DIEGO)
    assert words(SAN_DIEGO, tokens)[0] == "聖迭戈"
    # without the character model they stay single characters
    alone = ChineseAnnotator(unknown=False).annotate(BUSH)
    assert "布殊" not in words(BUSH, alone) and "布" in words(BUSH, alone)


def test_what_is_never_joined() -> None:
    # function characters, measure words, and a one-character adverb before a verb
    assert join_unknown(["他", "是", "的"]) == ["他", "是", "的"]
    assert join_unknown(["三", "宗"]) == ["三", "宗"]
    assert join_unknown(["正", "受", "家鴉"]) == ["正", "受", "家鴉"]  # "is suffering from crows"
    # 忽 "suddenly" is an adverb: a word of its own though the model would join it (忽 見 "saw")
    assert join_probabilities("忽見")[0] > 0.95
    assert join_unknown(["忽", "見", "一人"]) == ["忽", "見", "一人"]
    # 雖 "though" is a conjunction jieba's dictionary tags zg: never the first of a joined word
    # (雖升 "though-promote" was one word, and the glossary's "promote" took it as certain)
    assert join_unknown(["雖", "升", "了", "官兒"]) == ["雖", "升", "了", "官兒"]
    # words of two characters or more are never moved
    assert join_unknown(["香港", "銀行"]) == ["香港", "銀行"]
    # a lone candidate is left as it is
    assert join_unknown(["總統", "布", "表示"]) == ["總統", "布", "表示"]


def test_probabilities_and_spans() -> None:
    probs = join_probabilities("聖迭戈")
    assert len(probs) == 2 and all(0.0 <= p <= 1.0 for p in probs)
    assert min(probs) > 0.95
    assert max(join_probabilities("他是")) < 0.95
    # a long run does not underflow
    assert all(0.0 <= p <= 1.0 for p in join_probabilities("聖迭戈" * 200))
    spans = [(0, 1, "han"), (1, 2, "han"), (2, 3, "han"), (3, 5, "forced")]
    assert join_unknown_spans("聖迭戈布殊", spans) == [(0, 3, "unknown"), (3, 5, "forced")]


def test_a_teachers_word_cut_wins() -> None:
    doc = Document(
        meta=Meta(),
        en=(),
        zh=(Paragraph(lang="zh", text=BUSH),),
        corrections=Corrections(words=(WordFix(text="布殊", parts=("布", "殊")),)),
    )
    p = annotate_document(doc).zh[0]
    assert "布殊" not in words(p.text, p.tokens) and "殊" in words(p.text, p.tokens)


def test_two_characters_glossed_by_parts_when_the_english_says_so() -> None:
    shore = choose_gloss("北岸", "北岸", ("běi", "àn"), 3, english=SAN_DIEGO_EN)
    assert shore == "north (北) + shore (岸)"
    assert is_composed(shore) and made_of_characters(shore)
    bells = choose_gloss("鐘聲", "钟声", ("zhōng", "shēng"), 3, english=SAN_DIEGO_EN)
    assert bells == "bell (鐘) + sound (聲)"  # not 鐘's first sense, "clock"
    # no English, or English that does not confirm both characters: no guess
    assert choose_gloss("北岸", "北岸", ("běi", "àn"), 3) is None
    assert choose_gloss("北岸", "北岸", ("běi", "àn"), 3, english="The north side.") is None
    # a common surname first: a name, not a compound (黎雄 "Lai Hung")
    assert choose_gloss("黎雄", "黎雄", ("lí", "xióng"), 3, english="black heroic") is None


def _shore_document() -> Document:
    """A two-paragraph article in the editorial format, read, aligned and annotated."""
    import duizhao
    from duizhao.reader import read_text

    text = (
        f"{SAN_DIEGO_EN}\n\nThe city is by the sea.\n\n"
        "明報社評 2025.09.02：聖迭戈\n\n"
        f"{SAN_DIEGO}\n\n這個城市在海邊。\n"
    )
    return duizhao.annotate(read_text(text, fmt="editorial"))


def test_composed_gloss_on_the_document_and_not_a_word_to_learn() -> None:
    doc = _shore_document()
    p = doc.zh[0]
    glosses = {p.text[t.start : t.end]: t.gloss for t in p.tokens}
    assert glosses["北岸"] == "north (北) + shore (岸)"
    assert glosses["聖迭戈"] is None
    vocab = suggest_vocabulary(doc, zh_min_hsk=1).vocabulary
    assert vocab is not None
    assert {"北岸", "鐘聲", "聖迭戈"}.isdisjoint(v.word for v in vocab.zh)


def test_cli_words(tmp_path: Path) -> None:
    bush = next(t for t in words_tokens(tmp_path, BUSH) if t["text"] == "布殊")
    assert bush["pinyin"] == ["bù", "shū"] and bush["gloss"] is None
