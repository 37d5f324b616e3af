"""The article's own words (duizhao.chinese.induction), as a user meets them: an article's
recurring names and terms come out whole, a teacher's word cut still wins."""

from __future__ import annotations

from duizhao.chinese import ChineseAnnotator, annotate_document, default_annotator
from duizhao.chinese.induction import induce_words, join_induced
from duizhao.model import Corrections, Document, Meta, Paragraph, WordFix

# "Cadmium oxide" three times in an article: the dictionary knows 氧化 "oxidise" but not the
# compound; 鎘 "cadmium" occurs nowhere else.
ARTICLE = ["工人吸入氧化鎘中毒。", "氧化鎘粉塵飄散。", "當局檢驗氧化鎘含量。"]


def words(text: str, tokens: tuple) -> list[str]:
    return [text[t.start : t.end] for t in tokens if text[t.start : t.end].strip()]


def test_recurring_term_is_one_word_in_the_article() -> None:
    alone = ChineseAnnotator(induce=False).annotate(ARTICLE[0])
    assert "氧化鎘" not in words(ARTICLE[0], alone)  # the dictionary alone cuts it
    for text, tokens in zip(ARTICLE, default_annotator().annotate_many(ARTICLE), strict=True):
        assert "氧化鎘" in words(text, tokens)
        tok = next(t for t in tokens if text[t.start : t.end] == "氧化鎘")
        assert tok.pinyin == ("yǎng", "huà", "gé")


def test_annotate_document_finds_the_articles_words() -> None:
    doc = Document(
        meta=Meta(),
        en=(),
        zh=tuple(Paragraph(lang="zh", text=t) for t in ARTICLE),
    )
    out = annotate_document(doc)
    for p in out.zh:
        assert "氧化鎘" in words(p.text, p.tokens)


def test_teacher_word_cut_wins_over_the_articles_words() -> None:
    doc = Document(
        meta=Meta(),
        en=(),
        zh=tuple(Paragraph(lang="zh", text=t) for t in ARTICLE),
        corrections=Corrections(words=(WordFix(text="氧化鎘", parts=("氧化", "鎘")),)),
    )
    out = annotate_document(doc)
    for p in out.zh:
        ws = words(p.text, p.tokens)
        assert "氧化鎘" not in ws and "鎘" in ws


def test_what_is_not_induced() -> None:
    # once only; function characters; a measure word after a number; always the same neighbour
    assert induce_words([["氧化", "鎘"]]) == frozenset()
    assert induce_words([["他", "是", "好人"], ["他", "是", "好人"]]) == frozenset()
    assert induce_words([["三", "宗", "兇案"], ["兩", "宗", "兇案"]]) == frozenset()
    runs = [["吸入", "氧化", "鎘"], ["吸入", "氧化", "鎘"]]
    assert induce_words(runs) == frozenset()  # always after 吸入: a piece of a longer string
    # a character that is common all over the article does not make a word with its neighbour
    runs = [["新", "書"], ["新", "書"], *[["新聞"]] * 6, *[["書本"]] * 6]
    assert induce_words(runs) == frozenset()


def test_lone_character_before_a_word_and_straddling() -> None:
    # 防 "against" before 感染 "infection" modifies it: not one new word
    assert induce_words([["預", "防", "感染"], ["要", "防", "感染"]]) == frozenset()
    # whole tokens twice, straddling a dictionary word once: a word, joined only where whole
    runs = [["氧化", "鎘"], ["吸入", "氧化", "鎘"], ["氧化", "鎘粉"]]
    assert induce_words(runs) == frozenset({"氧化鎘"})
    assert join_induced(["氧化", "鎘粉"], frozenset({"氧化鎘"})) == ["氧化", "鎘粉"]
    # mostly straddling: not a word
    runs = [["氧化", "鎘"], ["吸入", "氧化", "鎘"], *[["氧化", "鎘粉"]] * 5]
    assert induce_words(runs) == frozenset()


def test_join_never_cuts_a_word() -> None:
    assert join_induced(["氧化鎘中", "毒"], frozenset({"鎘中毒"})) == ["氧化鎘中", "毒"]


def test_about_before_a_number_never_ends_an_article_word() -> None:
    # 約 "about" recurs before the numbers of a financial report: it is not part of 金額
    texts = ["已撥貸金額約三億元。", "已登記金額約七億元。", "預計金額約十億元。"]
    spans = default_annotator().segment_many(texts)
    for t, sp in zip(texts, spans, strict=True):
        got = [t[a:b] for a, b, _ in sp]
        assert "金額" in got and "約" in got, got
