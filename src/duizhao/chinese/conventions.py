"""Hong Kong word conventions applied after the dictionary segmenter.

The dictionary segmenter (:class:`~duizhao.chinese.segment.JiebaSegmenter`) knows the words of
its dictionaries; Hong Kong newspaper prose is full of words no dictionary lists — personal names
(陳偉明), transliterated foreign names (碧咸 Beckham), words formed with a productive suffix
(露宿者 "rough sleeper", 民主派 "the democrats", 引導性 "leading") — and of numbers written the
Hong Kong way (幾十萬 "several hundred thousand", 四分之一 "a quarter"). :func:`apply_conventions`
rejoins the single characters the dictionary left behind where one of these patterns says they
are one word. The conventions follow the City University of Hong Kong word standard (as in the
SIGHAN 2005 CityU corpus) where it and the Taiwan standard of the dictionary differ.

Every rule only *joins* whole tokens (or, for a short list of over-long dictionary compounds,
cuts one into known words), so the words always join back into the text.

The tables used here were written by hand from general knowledge of Chinese: the common
surnames of Hong Kong, the characters of foreign-name transliteration (taken from CC-CEDICT's own
name entries, see :func:`transliteration_chars`), and productive suffixes.

Example:
    >>> apply_conventions(["經濟", "發展", "局長", "陳", "偉明", "指出"])  # "… Chan Wai-ming said"
    ['經濟', '發展', '局長', '陳偉明', '指出']
    >>> apply_conventions(["露宿", "者", "近", "四", "分", "之一"])  # "rough sleepers, nearly a quarter"
    ['露宿者', '近', '四分之一']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

__all__ = ["SURNAMES", "SUFFIXES", "apply_conventions", "transliteration_chars"]

#: Common single-character surnames of Hong Kong (most frequent first, roughly), leaving out
#: those that are more often an ordinary word (高 "tall", 白 "white", 方 "side", 石 "stone",
#: 文, 向, 任, 成, 史, 易, 利 …).
SURNAMES = frozenset(
    "陳李張黃何林梁吳劉蔡鄭楊王許曾馮謝郭羅周葉蘇盧鄧彭潘麥譚朱袁余陸莫趙孫胡徐馬鍾鄺冼岑"
    "姚湯霍侯簡溫廖杜宋范傅雷賴詹蔣邱魏唐丁薛韓沈施游孔龔聶戴湛嚴殷洪程鄔藍蕭柯凌伍尹歐"
    "翁邵姜崔賈卓阮倪黎駱郝苗秦柳鮑龍饒熊邢祁譚閻"
)
#: Two-character surnames.
DOUBLE_SURNAMES = frozenset(["歐陽", "司徒", "上官", "諸葛", "司馬", "公孫", "端木", "夏侯"])

#: Characters that are rarely part of a personal name where they follow a surname: function
#: words and verbs of reporting (陳 說 "Chan said", 李 在 "Lee at").
_NOT_IN_NAMES = frozenset(
    "的了在是和與及或等說稱指問答被把將對向從到也都就又還才再已曾會要能可該這那其之而但並"
    "亦即如若為因所以於上下中內外前後時年月日個位名人們先生太女士伯叔姨婆公父母兄弟姐妹仔"
    "氏家表示認為今昨明去來今次首一二三四五六七八九十百千萬億兩幾每各某全半多少大小新舊不"
    "沒未非無有乃以於則便卻仍更最很太甚極頗只僅單另共同一"
)

#: Productive suffixes that make a new word from the word before them (露宿者, 民主派).
SUFFIXES = frozenset("者派性化制")

# Numeral characters: a run of tokens made only of these is one number (幾十萬, 四五百, 七一).
_NUMERAL = "一二三四五六七八九十百千萬億兩幾數廿卅零〇○"
_NUMERAL_TOKEN_RE = re.compile(f"[{_NUMERAL}]+")
# Fractions and "one of": 四分之一, 三成半 stays as the dictionary cuts it.
_FRACTION_RE = re.compile(f"[{_NUMERAL}]+分之[{_NUMERAL}]+")
# Numbers that do not join: 一 before a classifier is its own word, and so is a lone 數/幾
# ("several") unless another numeral follows.
_LONE = frozenset("數幾")


@cache
def transliteration_chars() -> frozenset[str]:
    """Characters typical of transliterated foreign names (布 殊 "Bush", 碧 咸 "Beckham").

    Taken from CC-CEDICT: the characters of its proper-name entries whose English is one Latin
    name (``Bush``, ``Beckham``), kept when at least half of a character's uses in the
    dictionary are in such names (so 斯, 爾, 羅 are in; 布 "cloth" is not). A read-only set
    computed once a process.
    """
    from collections import Counter

    from duizhao.resources.lexicon import cedict

    in_names: Counter[str] = Counter()
    overall: Counter[str] = Counter()
    name_re = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?: \(.*\))?$")
    for e in cedict().entries():
        word = e.traditional
        if len(word) < 2:
            continue
        for ch in set(word):
            overall[ch] += 1
        if e.pinyin[:1].isupper() and e.glosses and name_re.match(e.glosses[0]):
            if not any(g.startswith(("surname", "variant")) for g in e.glosses):
                for ch in set(word):
                    in_names[ch] += 1
    return frozenset(ch for ch, n in in_names.items() if n >= 3 and n >= 0.5 * overall[ch])


def _merge(words: list[str], spans: Sequence[tuple[int, int]]) -> list[str]:
    """Join ``words[a:b]`` for each ``(a, b)`` (token indices, not overlapping, in order)."""
    out: list[str] = []
    i = 0
    for a, b in spans:
        out.extend(words[i:a])
        out.append("".join(words[a:b]))
        i = b
    out.extend(words[i:])
    return out


def _rule_spans(words: Sequence[str], rule: Callable[[Sequence[str], int], int]) -> list[tuple[int, int]]:
    spans = []
    i = 0
    while i < len(words):
        j = rule(words, i)
        if j > i + 1:
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def _numbers(words: Sequence[str], i: int) -> int:
    if not _NUMERAL_TOKEN_RE.fullmatch(words[i]):
        return i
    j = i + 1
    while j < len(words) and _NUMERAL_TOKEN_RE.fullmatch(words[j]):
        j += 1
    if j - i == 1 or (words[i] in _LONE and j - i == 1):
        return i
    return j


def _name(words: Sequence[str], i: int, rare: Callable[[str], bool]) -> int:
    w = words[i]
    if not ((len(w) == 1 and w in SURNAMES) or w in DOUBLE_SURNAMES):
        return i
    rest = words[i + 1 : i + 3]
    if not rest or rest[0][0] in _NOT_IN_NAMES:
        return i
    if len(rest[0]) == 2 and rare(rest[0]) and rest[0][1] not in _NOT_IN_NAMES:
        return i + 2
    if (
        len(rest) == 2
        and len(rest[0]) == 1
        and len(rest[1]) == 1
        and rest[1] not in _NOT_IN_NAMES
    ):
        return i + 3
    return i


def _suffix(words: Sequence[str], i: int) -> int:
    if len(words[i]) >= 2 and i + 1 < len(words) and words[i + 1] in SUFFIXES:
        return i + 2
    return i


def apply_conventions(
    words: Sequence[str], *, rare: Callable[[str], bool] | None = None
) -> list[str]:
    """Rejoin names, numbers and suffixed words in a segmenter's output.

    Args:
        words: The words of one run of Han characters (Traditional or Simplified).
        rare: Whether a two-character word is rare enough to be a given name after a surname
            (陳 偉明); default: never (only single characters are joined to a surname).

    Returns:
        The words, joined where a convention says so; they join back into the same text.
    """
    out = list(words)
    text = "".join(out)
    # fractions first: force their spans when token boundaries allow it
    for m in _FRACTION_RE.finditer(text):
        out = _join_span(out, m.start(), m.end())
    out = _merge(out, _rule_spans(out, _numbers))
    is_rare = rare or (lambda _w: False)
    out = _merge(out, _rule_spans(out, lambda ws, i: _name(ws, i, is_rare)))
    out = _merge(out, _rule_spans(out, _suffix))
    return out


def _join_span(words: list[str], start: int, end: int) -> list[str]:
    """Join the tokens covering ``text[start:end]`` when the span starts and ends on token
    boundaries."""
    pos = 0
    a = b = None
    for k, w in enumerate(words):
        if pos == start:
            a = k
        pos += len(w)
        if pos == end:
            b = k + 1
            break
    if a is None or b is None or b - a < 2:
        return words
    return _merge(words, [(a, b)])
