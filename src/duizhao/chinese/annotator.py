"""The annotator: Chinese text in; tokens with readings, glosses, HSK levels, parts of speech out.

:class:`ChineseAnnotator` puts the sub-stages together. The text is converted to Simplified
characters (same length); dates, numbers, Latin words, spaces and punctuation are cut off first
(the pre-tokens below); the segmenter cuts the Han runs into words; the romanisers read every Han
character; each word gets its CC-CEDICT gloss, HSK level and part of speech; the override file has
the last word. Every offset refers to the text as given. (A little over 500 lines, as
one cohesive thing: the order of the sub-stages and what each hands the next; the work of each
sub-stage is in its own module.)

Examples:
    >>> text = "香港銀行"  # "Hong Kong banks"
    >>> [(text[t.start:t.end], t.gloss, t.hsk) for t in annotate_text(text)]
    [('香港', 'Hong Kong', None), ('銀行', 'bank', 2)]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from duizhao.model import Token
from duizhao.text.composed import is_composed
from duizhao.text.convert import (
    HK_TO_TAIWAN,
    convert_whole,
    opencc_boundary,
    to_simplified,
    to_traditional,
)
from duizhao.text.script import HAN, is_han

from .bodies import body_ends, body_gloss
from .cantonese_senses import agree_senses
from .conventions import MONTH_PARTS
from .frames import agree_jyutping
from .function_words import (
    FUNCTION_WORDS,
    SENSE_JYUTPING,
    context_of,
    counted,
    function_gloss,
    sense_jyutping,
)
from .gloss import choose_gloss, classifier_gloss, forget_sentences
from .hours import hour_gloss
from .in_context import IN_CONTEXT, in_context
from .induction import han_runs, induce_words, join_spans
from .jyutping import JyutpingRomaniser
from .names import surname_gloss
from .overrides import Override, load_overrides
from .pinyin import PinyinRomaniser, Romaniser
from .same_script import traditional_form
from .segment import JiebaSegmenter, Segmenter
from .surnames import SURNAME_CHARS, repeated_names, surname_jyutping, surname_pinyin
from .unknown import join_unknown_spans

if TYPE_CHECKING:
    from duizhao.model import Corrections, Document

#: English sentences a paragraph's glosses are chosen for: ``(start, end, English text)`` spans
#: of the Chinese paragraph.
EnglishContext = Sequence[tuple[int, int, str]]
# Glosses (by word, Simplified word, reading, English) and tags are looked up once per call.
_GlossKey = tuple[str, str, tuple[str | None, ...], str | None]

__all__ = ["ChineseAnnotator", "annotate_document", "annotate_text", "default_annotator"]

# Pre-tokenisation of everything that is not a Han word. Order matters: months before numbers.
# Hong Kong conventions (the CityU word standard): a month is one word (3月, 4月初, 6月份), a
# year or a day is a number and a word (1996 / 年, 30 / 日); a number keeps its multiplier
# (2.5萬, 9.87億) and a letter written against it (8A), but not its measure word (450 / 名).
# Numbers written in Chinese numerals stay whole when they carry a decimal point or a percent
# sign, or are written with ○ for zero (三．六％, 二○○二年); elsewhere the segmenter cuts them.
_D = "[0-9０-９]"
_CN = "〇○零一二三四五六七八九十百千萬万億亿兩两廿卅"
_CNUM_AHEAD = f"[{_CN}]+(?:[.．][{_CN}]|[%％])|[{_CN}]*○"
_PIECE_RE = re.compile(
    rf"""
    (?P<date>{_D}{{1,2}}\s?月(?:{MONTH_PARTS})?)
    |(?P<num>[+\-−]?{_D}+(?:[,，]{_D}{{3}})*(?:[.．]{_D}+)?(?:[:：]{_D}{{2}}|[-－]{_D}+)?
             (?:\s?[%％‰]|[千萬万億亿兆]+|[A-ZＡ-Ｚ](?![A-Za-z])|(?:/{_D}+)+)?)
    |(?P<latin>[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]*(?:[-'’.&][A-Za-z0-9]+)*)
    |(?P<cnum>[{_CN}]+[.．][{_CN}]+[%％]?|[{_CN}]+[%％]|[{_CN}]*○[{_CN}]*年?)
    |(?P<han>(?:(?!{_CNUM_AHEAD})[{HAN}])+)
    |(?P<space>\s+)
    |(?P<other>(?P<mark>[─—―…⋯])(?P=mark)+|.)
    """,
    re.VERBOSE | re.DOTALL,
)


# Bounded: keyed on each document's extra words and word cuts.
@lru_cache(maxsize=256)
def _forced_re(words: frozenset[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = sorted(words, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, alternatives)))


#: The kinds of span that are words: glossed, tagged, given an HSK level.
_WORD_KINDS = frozenset(("han", "forced", "unknown"))
#: Not yet in a per-call table (``None`` is a value there: no gloss, no tag).
_UNSEEN: Any = object()


def _token(
    start: int,
    end: int,
    pinyin: tuple[str | None, ...],
    jyutping: tuple[str | None, ...],
    gloss: str | None,
    hsk: int | None,
    pos: str | None,
) -> Token:
    """``Token(start, end, pinyin, jyutping, gloss, hsk, pos)``, made without the frozen
    dataclass's ``__init__`` (seven ``object.__setattr__`` calls, about half of a token's cost):
    the same fields in the same order, equal to the one ``__init__`` makes."""
    token = _new_object(Token)
    fields = token.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["pinyin"] = pinyin
    fields["jyutping"] = jyutping
    fields["gloss"] = gloss
    fields["hsk"] = hsk
    fields["pos"] = pos
    fields["pinyin_unsure"] = ()
    return token


_new_object = object.__new__


class ChineseAnnotator:
    """Segments Chinese text into words with readings, glosses, HSK levels and parts of speech.

    A configuration object: build it once and call :meth:`annotate` for each text. Every engine
    can be replaced.

    Args:
        user_dict: A user dictionary for the segmenter (see :func:`load_user_dict`).
        overrides: A per-word override file (see :func:`load_overrides`).
        segmenter: The segmenter (default :class:`JiebaSegmenter` with the Hong Kong dictionary).
        pinyin: The pinyin romaniser (default :class:`PinyinRomaniser`), or ``None`` for none.
        jyutping: The Jyutping romaniser (default :class:`JyutpingRomaniser`), or ``None``.
        glosses: Whether to look up CC-CEDICT glosses.
        max_senses: At most this many CC-CEDICT senses per gloss.
        hsk_standard: The HSK list (see :func:`duizhao.resources.lexicon.hsk_words`), or
            ``None`` for none.
        pos: Whether to give parts of speech.
        induce: Whether :meth:`annotate_many` keeps whole the strings that recur in its texts
            though the segmenter cuts them (:mod:`duizhao.chinese.induction`: names and terms
            of the article, 碧咸, 氧化鎘).
        unknown: Whether a character model joins single characters into words (布殊, 聖迭戈).

    Examples:
        >>> annotator = ChineseAnnotator()
        >>> [t.gloss for t in annotator.annotate("貿易")]  # "trade"
        ['(commercial) trade']
    """

    def __init__(
        self,
        *,
        user_dict: str | Path | None = None,
        overrides: str | Path | None = None,
        segmenter: Segmenter | None = None,
        pinyin: Romaniser | bool | None = True,
        jyutping: Romaniser | bool | None = True,
        glosses: bool = True,
        max_senses: int = 3,
        hsk_standard: str | None = "2021",
        pos: bool = True,
        induce: bool = True,
        unknown: bool = True,
    ) -> None:
        if segmenter is None:
            segmenter = JiebaSegmenter([user_dict] if user_dict is not None else [])
        elif user_dict is not None:
            raise ValueError("give either user_dict or segmenter, not both")
        self.segmenter = segmenter
        self.pinyin: Romaniser | None = PinyinRomaniser() if pinyin is True else (pinyin or None)
        self.jyutping: Romaniser | None = (
            JyutpingRomaniser() if jyutping is True else (jyutping or None)
        )
        self.glosses = glosses
        self.max_senses = max_senses
        self.hsk_standard = hsk_standard
        self.with_pos = pos
        self.induce = induce
        self.unknown = unknown
        self.overrides: dict[str, Override] = {}
        if overrides is not None:
            for o in load_overrides(overrides):
                self.overrides[o.word] = o
                self.overrides[to_simplified(o.word)] = o
        self._override_words = frozenset(to_simplified(w) for w in self.overrides)

    # -- segmentation ----------------------------------------------------------------------

    def segment(
        self,
        text: str,
        *,
        extra_words: Iterable[str] = (),
        simplified: str | None = None,
        cuts: dict[str, tuple[str, ...]] | None = None,
        forced: Iterable[str] = (),
    ) -> list[tuple[int, int, str]]:
        """Cut ``text`` into spans.

        Args:
            text: The text.
            extra_words: Words to keep whole (the glossary's equivalents).
            simplified: The text in Simplified characters, when already converted.
            cuts: A teacher's word cuts: stretch of text (Simplified) → the words it is cut
                into (``萬人次`` → ``萬``, ``人次``).
            forced: More words to keep whole (the words of a teacher's corrections).

        Returns:
            ``(start, end, kind)`` covering the text in order, where kind is ``han``,
            ``date``, ``num``, ``latin``, ``space``, ``other`` or ``forced`` (an extra word or a
            word of the override file).
        """
        simp = simplified if simplified is not None else to_simplified(text)
        cuts = cuts or {}
        forced_words = (
            self._override_words
            | {to_simplified(w) for w in extra_words if w}
            | {to_simplified(w) for w in forced if w}
            | set(cuts)
        )
        spans: list[tuple[int, int, str]] = []
        pattern = _forced_re(frozenset(forced_words))
        if getattr(self.segmenter, "script", "simplified") == "traditional":
            # Text with Simplified characters in it is converted; Traditional text is used as is.
            source = text if simp != text else traditional_form(text, to_traditional(text))
        else:
            source = simp
        pos = 0
        segmenter = self.segmenter
        whole = None  # the paragraph in the dictionary's forms: its runs are cut from it
        if isinstance(segmenter, JiebaSegmenter) and segmenter.script == "traditional":
            whole = convert_whole(source, HK_TO_TAIWAN)  # as segment._to_taiwan does
        if pattern is not None:
            for m in pattern.finditer(simp):
                if m.start() > pos:
                    self._segment_free(simp, pos, m.start(), spans, source, whole)
                parts = cuts.get(m.group())
                if parts:
                    i = m.start()
                    for part in parts:
                        spans.append((i, i + len(part), "forced"))
                        i += len(part)
                else:
                    spans.append((m.start(), m.end(), "forced"))
                pos = m.end()
        self._segment_free(simp, pos, len(simp), spans, source, whole)
        return spans

    def segment_many(
        self,
        texts: Sequence[str],
        *,
        extra_words: Iterable[str] = (),
        simplified: Sequence[str] | None = None,
        cuts: dict[str, tuple[str, ...]] | None = None,
        forced: Iterable[str] = (),
    ) -> list[list[tuple[int, int, str]]]:
        """:meth:`segment` for the paragraphs of one article: with :attr:`induce`, the strings
        that recur in the article though the segmenter cuts them are kept whole
        (:func:`~duizhao.chinese.induction.induce_words`); with :attr:`unknown`, single
        characters the character model joins are spans of kind ``unknown`` (布殊).

        Examples:
            >>> texts = ["氧化鎘中毒", "吸入氧化鎘", "氧化鎘粉塵"]  # "cadmium oxide" three times
            >>> spans = default_annotator().segment_many(texts)
            >>> [[t[a:b] for a, b, _ in s] for t, s in zip(texts, spans)]
            [['氧化鎘', '中毒'], ['吸入', '氧化鎘'], ['氧化鎘', '粉塵']]
        """
        extra = tuple(extra_words)
        forced = tuple(forced)
        simps = simplified if simplified is not None else [to_simplified(t) for t in texts]
        all_spans = [
            self.segment(t, extra_words=extra, simplified=s, cuts=cuts, forced=forced)
            for t, s in zip(texts, simps, strict=True)
        ]
        return self._join_article_words(texts, all_spans)

    def _join_article_words(
        self, texts: Sequence[str], all_spans: list[list[tuple[int, int, str]]]
    ) -> list[list[tuple[int, int, str]]]:
        """The spans with the article's own words joined, then the unknown words."""
        if self.induce:
            runs = [r for t, sp in zip(texts, all_spans, strict=True) for r in han_runs(t, sp)]
            induced = induce_words(runs)
            all_spans = [join_spans(t, sp, induced) for t, sp in zip(texts, all_spans, strict=True)]
        if self.unknown:
            all_spans = [join_unknown_spans(t, sp) for t, sp in zip(texts, all_spans, strict=True)]
        return all_spans

    def _segment_free(
        self,
        simp: str,
        start: int,
        end: int,
        out: list[tuple[int, int, str]],
        source: str,
        whole: str | None,
    ) -> None:
        """Spans of ``simp[start:end]``; ``whole``: ``source`` in the segmenter's dictionary forms
        (:func:`~duizhao.text.convert.convert_whole`): its runs of Han characters with an OpenCC
        boundary or an edge on each side are cut from their slice of it."""
        cut, last = self.segmenter.cut, len(source) - 1
        jieba = self.segmenter if isinstance(self.segmenter, JiebaSegmenter) else None
        for m in _PIECE_RE.finditer(simp, start, end):
            kind = m.lastgroup or "other"
            if kind == "han":
                i, j = m.start(), m.end()
                if (
                    whole is not None
                    and jieba is not None
                    and (i == 0 or opencc_boundary(source[i - 1]))
                    and (j > last or opencc_boundary(source[j]))
                ):
                    words = jieba.cut(source[i:j], taiwan=whole[i:j])
                else:
                    words = cut(source[i:j])
                for w in words:
                    out.append((i, i + len(w), "han"))
                    i += len(w)
            else:
                out.append((m.start(), m.end(), kind))

    # -- annotation ------------------------------------------------------------------------

    def annotate(self, text: str, *, extra_words: Iterable[str] = ()) -> tuple[Token, ...]:
        """Words of ``text`` with their readings, glosses, HSK levels and parts of speech.

        Args:
            text: Chinese text in either script (usually one paragraph or one line).
            extra_words: Words to keep whole (e.g. the glossary's Chinese equivalents).

        Returns:
            Tokens that cover ``text`` exactly, in order; each Han character has one pinyin and
            one Jyutping reading (``None`` for other characters).
        """
        return self.annotate_many([text], extra_words=extra_words)[0]

    def annotate_many(
        self,
        texts: Sequence[str],
        *,
        extra_words: Iterable[str] = (),
        english: Sequence[EnglishContext] | None = None,
        corrections: Corrections | None = None,
    ) -> list[tuple[Token, ...]]:
        """:meth:`annotate` for several texts (faster: the polyphone model runs in batches).

        The texts are taken as the paragraphs of one article: strings that recur in them are
        kept whole (see :meth:`segment_many`).

        Args:
            texts: The texts.
            extra_words: Words to keep whole.
            english: For each text, the aligned English sentences (``(start, end, English)``
                spans of the text): glosses are chosen for them.
            corrections: A teacher's corrections (their ``readings``, ``glosses`` and
                ``words`` are applied: a teacher's reading, gloss or word cut always wins).
        """
        extra = tuple(extra_words)
        fixes, cuts = _corrections_tables(corrections)
        simps = [to_simplified(t) for t in texts]
        plain = [
            self.segment(t, extra_words=extra, simplified=s, cuts=cuts, forced=fixes)
            for t, s in zip(texts, simps, strict=True)
        ]
        all_spans = self._join_article_words(texts, plain)
        # the readings are found in the dictionary's words: an article's own word joins
        # tokens, it does not change how its characters are read
        words = [
            [(a, b) for a, b, k in spans if k in ("han", "forced", "date", "cnum", "num")]
            for spans in plain
        ]
        batch = list(zip(texts, simps, words, strict=True))
        pinyins, unsure = _romanise_pinyin(self.pinyin, batch)
        read_names = isinstance(self.pinyin, PinyinRomaniser) and self.pinyin.context
        names: set[str] = set()
        named = [  # the surnames of people's names: 單仲偕 shàn sin6 (not dān daan1)
            surname_pinyin(s, [(a, b) for a, b, _ in spans], py, un, names)
            if read_names and not SURNAME_CHARS.isdisjoint(s)
            else []
            for s, spans, py, un in zip(simps, all_spans, pinyins, unsure, strict=True)
        ]
        if names:  # a name found once is a name wherever the article repeats it
            for s, spans, py, un, at in zip(simps, all_spans, pinyins, unsure, named, strict=True):
                repeated_names(s, [(a, b) for a, b, _ in spans], py, un, names, at)
        jyutpings = _romanise_all(self.jyutping, batch)
        for t, at, jp in zip(texts, named, jyutpings, strict=True):
            if at:
                surname_jyutping(t, at, jp)
        if self.pinyin is not None and self.jyutping is not None:
            for t, py, jp in zip(texts, pinyins, jyutpings, strict=True):
                agree_jyutping(t, py, jp)  # 審計長 zoeng2 as zhǎng, 魯迅 著 zyu3 as zhù
                agree_senses(t, py, jp)  # 好高騖遠 hou3 as hào, 重回 cung4 as chóng
        contexts: Sequence[EnglishContext] = english if english is not None else [()] * len(texts)
        glosses: dict[_GlossKey, str | None] = {}
        tags: dict[str, str | None] = {}
        try:
            return [
                self._tokens(t, s, spans, py, jp, ctx, fixes, glosses, tags, un)
                for t, s, spans, py, jp, ctx, un in zip(
                    texts, simps, all_spans, pinyins, jyutpings, contexts, unsure, strict=True
                )
            ]
        finally:
            forget_sentences()  # the article's English sentences: remembered while it is read

    def _tokens(
        self,
        text: str,
        simp: str,
        spans: list[tuple[int, int, str]],
        pinyin: list[str | None],
        jyutping: list[str | None],
        english: EnglishContext,
        fixes: dict[str, Override] | None,
        glosses: dict[_GlossKey, str | None],
        tags: dict[str, str | None],
        unsure: list[bool] | None = None,
    ) -> tuple[Token, ...]:
        from duizhao.resources.lexicon import hsk_words

        levels = hsk_words(self.hsk_standard) if self.hsk_standard else {}
        han = [is_han(c) for c in text]  # readings for Han characters only
        pinyin = [r if h else None for r, h in zip(pinyin, han, strict=False)]
        jyutping = [r if h else None for r, h in zip(jyutping, han, strict=False)]
        tokens, pos_of = [], self.segmenter.pos
        with_glosses, with_pos, max_senses = self.glosses, self.with_pos, self.max_senses
        overrides, levels_get = self.overrides, levels.get
        ends = body_ends()
        for k, (a, b, kind) in enumerate(spans):
            word = text[a:b]
            sword = simp[a:b]
            py = tuple(pinyin[a:b])
            jp = tuple(jyutping[a:b])
            gloss = hsk = pos = None
            # the readings the polyphone model was unsure of (a rule or a teacher clears them)
            doubt = unsure is not None and True in unsure[a:b]
            if sword in SENSE_JYUTPING:  # 學會 "to learn" hok6 wui5 (an override still wins)
                jp = sense_jyutping(sword, context_of(text, simp, spans, k, pos_of)) or jp
            if sword in IN_CONTEXT and kind in _WORD_KINDS:  # 安全 地方 "place", 送院 治理
                found = in_context(sword, context_of(text, simp, spans, k, pos_of))
                if found is not None:
                    doubt = doubt and not found[0]
                    py, jp = found[0] or py, found[1] or jp
                    gloss = found[2] if with_glosses else None
            if fixes or overrides:
                override = None
                if fixes:
                    override = fixes.get(word) or fixes.get(sword)
                if override is None and overrides:
                    override = overrides.get(word) or overrides.get(sword)
                if override is not None:
                    hans = [k for k in range(b - a) if han[a + k]]
                    if override.pinyin is not None and len(override.pinyin) == len(hans):
                        doubt = False  # a teacher's (or a shipped) reading of the word
                        lst = list(py)
                        for k, r in zip(hans, override.pinyin, strict=True):
                            lst[k] = r
                        py = tuple(lst)
                    if override.jyutping is not None and len(override.jyutping) == len(hans):
                        lst = list(jp)
                        for k, r in zip(hans, override.jyutping, strict=True):
                            lst[k] = r
                        jp = tuple(lst)
                    gloss = override.gloss
            if kind in _WORD_KINDS:
                if with_glosses and gloss is None:
                    if b > a and text[b - 1] in ends:  # 護理署 of 漁農自然護理署: the whole name
                        gloss = body_gloss(text, a, b)
                    if gloss is None and b - a >= 2 and sword[-1] == "时":  # 下午 四時
                        near = context_of(text, simp, spans, k, pos_of)
                        gloss = hour_gloss(word, near.prev, near.next, near.next_is_number)
                    if gloss is None and sword in FUNCTION_WORDS:  # both scripts
                        gloss = function_gloss(sword, context_of(text, simp, spans, k, pos_of))
                    if gloss is None and b - a == 1 and counted(text, spans, k):
                        gloss = classifier_gloss(word, sword, py, max_senses)  # 兩 場: a count
                    if gloss is None and b - a <= 2:  # 陳 先生: a surname; 黃太 "Mrs Wong"
                        a1, b1, _ = spans[k + 1] if k + 1 < len(spans) else (b, b, "")
                        gloss = surname_gloss(word, sword, text[a1:b1])
                    if gloss is None:
                        en = (
                            next((e for s0, s1, e in english if s0 <= a < s1), None)
                            if english
                            else None
                        )
                        key = (word, sword, py, en)
                        gloss = glosses.get(key, _UNSEEN)
                        if gloss is _UNSEEN:
                            gloss = glosses[key] = choose_gloss(
                                word, sword, py, max_senses, english=en
                            )
                        if kind == "unknown" and is_composed(gloss):
                            gloss = None  # a word the character model joined: often a name (布殊)
                hsk = levels_get(sword)
                if with_pos:
                    pos = tags.get(sword, _UNSEEN)
                    if pos is _UNSEEN:
                        pos = tags[sword] = pos_of(sword)
            elif kind in ("num", "cnum"):
                pos = "m"
            elif kind == "date":
                pos = "t"
            elif kind == "latin":
                pos = "eng"
            elif kind == "other" and not word.isspace():
                pos = "x"
            token = _token(a, b, py, jp, gloss, hsk, pos)
            if doubt and unsure is not None:
                token.__dict__["pinyin_unsure"] = tuple(unsure[a:b])
            tokens.append(token)
        return tuple(tokens)


# One shared annotator with every default, built once; nothing changes it after it is built.
@cache
def default_annotator() -> ChineseAnnotator:
    """The annotator with every default (built once per process)."""
    return ChineseAnnotator()


def annotate_text(text: str) -> tuple[Token, ...]:
    """Annotate one text with :func:`default_annotator`.

    Examples:
        >>> [t.pinyin for t in annotate_text("會計")]  # "accountant"
        [('kuài', 'jì')]
    """
    return default_annotator().annotate(text)


def annotate_document(doc: Document, annotator: ChineseAnnotator | None = None) -> Document:
    """Fill in the tokens of every Chinese paragraph.

    The Chinese equivalents the glossary gives (``cluster【集群】``) are kept as whole words.
    When the document is aligned, each word's gloss is chosen for the English sentence its
    sentence is aligned with. A teacher's corrections (:attr:`Document.corrections`) win: their
    word cuts, readings and glosses replace the computed ones.

    Args:
        doc: The document.
        annotator: The annotator (default :func:`default_annotator`).

    Returns:
        A new document whose Chinese paragraphs have tokens.

    Examples:
        >>> from duizhao import read_text
        >>> doc = annotate_document(read_text("Trams are slow.\\n\\n電車很慢。"))
        >>> zh = doc.zh[0]
        >>> for token in zh.tokens[:3]:  # each word with its pinyin, Jyutping and English gloss
        ...     print(token.text_in(zh.text), " ".join(token.pinyin), " ".join(token.jyutping),
        ...           "|", token.gloss)
        電車 diàn chē din6 ce1 | tram (Hong Kong Tramways)
        很 hěn han2 | (adverb of degree); quite; very
        慢 màn maan6 | slow
    """
    annotator = annotator or default_annotator()
    extra = [z for entry in doc.glossary for z in entry.zh]
    results = annotator.annotate_many(
        [p.text for p in doc.zh],
        extra_words=extra,
        english=_english_context(doc),
        corrections=doc.corrections,
    )
    zh = tuple(
        dataclasses.replace(p, tokens=tokens) for p, tokens in zip(doc.zh, results, strict=True)
    )
    return dataclasses.replace(doc, zh=zh)


def _english_context(doc: Document) -> list[list[tuple[int, int, str]]] | None:
    """For each Chinese paragraph, its sentences' spans with the English they are aligned with."""
    if doc.alignment is None or not doc.alignment.sentences:
        return None
    en_texts = doc.sentence_texts("en")
    english_of: dict[int, str] = {}
    for bead in doc.alignment.sentences:
        en = " ".join(en_texts[k] for k in bead.en if 0 <= k < len(en_texts))
        for z in bead.zh:
            english_of[z] = en
    out: list[list[tuple[int, int, str]]] = [[] for _ in doc.zh]
    for n, p, sent in doc.sentences("zh"):
        if english_of.get(n):
            out[p].append((sent.start, sent.end, english_of[n]))
    return out


def _corrections_tables(
    corrections: Corrections | None,
) -> tuple[dict[str, Override], dict[str, tuple[str, ...]]]:
    """A teacher's readings and glosses as overrides (word → Override, both scripts), and word
    cuts (Simplified stretch → its words)."""
    fixes: dict[str, Override] = {}
    cuts: dict[str, tuple[str, ...]] = {}
    if corrections is None:
        return fixes, cuts
    for r in corrections.readings:
        fixes[r.word] = Override(r.word, r.pinyin, r.jyutping, None)
    for g in corrections.glosses:
        old = fixes.get(g.word)
        fixes[g.word] = Override(
            g.word, old.pinyin if old else None, old.jyutping if old else None, g.gloss
        )
    for w in list(fixes):
        fixes.setdefault(to_simplified(w), fixes[w])
    for fix in corrections.words:
        if fix.parts and "".join(fix.parts) == fix.text:
            simp = to_simplified(fix.text)
            cuts[simp] = tuple(to_simplified(p) for p in fix.parts)
    return fixes, cuts


def _romanise_pinyin(
    romaniser: Romaniser | None, batch: list[tuple[str, str, list[tuple[int, int]]]]
) -> tuple[list[list[str | None]], list[list[bool] | None]]:
    """Each text's pinyin, and where the romaniser says how sure it is (the shipped one does),
    which readings are unsure (``None``: none is)."""
    if isinstance(romaniser, PinyinRomaniser):
        readings, unsure = [], []
        below = romaniser.unsure_below
        for r, scores in romaniser.romanise_scored_many(batch):
            readings.append(r)
            low = [k for k, p in scores.items() if p < below]
            flags = None
            if low:
                flags = [False] * len(r)
                for k in low:
                    flags[k] = True
            unsure.append(flags)
        return readings, unsure
    return _romanise_all(romaniser, batch), [None] * len(batch)


def _romanise_all(
    romaniser: Romaniser | None, batch: list[tuple[str, str, list[tuple[int, int]]]]
) -> list[list[str | None]]:
    """Each text's readings (``None`` for every character when there is no romaniser); the
    shipped romanisers read a whole batch at once."""
    if romaniser is None:
        return [[None] * len(text) for text, _, _ in batch]
    if isinstance(romaniser, (PinyinRomaniser, JyutpingRomaniser)):
        return romaniser.romanise_many(batch)
    return [romaniser.romanise(t, s, w) for t, s, w in batch]
