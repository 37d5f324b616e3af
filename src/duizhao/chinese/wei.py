"""為 as a word of its own: the preposition *wèi* "for; because of; in order to" or the verb *wéi*
"to be; to act as; to do".

The polyphone model reads almost every 為 *wéi* (g2pM gives *wéi* 0.99995 in 為了香港 and
0.999999 in 不知為何: the copula dominates its Wikipedia training text), and the Jyutping
dictionary reads it by whichever neighbour it joins (為人民服務 *wai4*, as in 為人 "conduct").
The two senses are told apart by the grammar of the clause (Yip & Rimmington, *Chinese: A
Comprehensive Grammar*, on coverbs; 现代汉语词典, 为 wéi / wèi):

* the preposition *wèi* introduces a noun phrase **followed by the predicate**: 為 市民 提供 支援
  "provide support for citizens", 為 香港 的 前途 擔心 "worry about Hong Kong's future", 大家 為
  他 高興; it opens a clause of purpose, 為 應付 人口 老化 ，… "to cope with an ageing population",
  為 保護 環境 而 努力; 為此 "for this", 為何 "why", 為了 "for";
* the verb *wéi* has a **complement and nothing after it**: 失業率 為 百分之三 "the jobless rate
  is 3 %", 視 他 為 朋友, 化 悲痛 為 力量, 為 中國 第一 大 城市 "(it) is China's largest city";
  and in the frames 以 X 為 Y "take X as Y", 為 X 所 V (the passive), 不可 為 而 為之 "to do",
  after a degree adverb (更 為, 較 為: "more so") or a one-character verb whose complement it
  is (選 為 "elected as", 召 為, 視 為), and in 為人 before an adjective (為人 正直).

:func:`wei_reading` applies these in that order to one 為 that the segmenter left as a word;
inside a word (成為, 認為, 為了, 為何) the word's dictionary reading stands. A verb is a word
whose CC-CEDICT senses include one in "to …" (jieba's tag where CC-CEDICT lacks the word).

Examples:
    >>> words = ["政府", "为", "市民", "提供", "支援", "。"]
    >>> wei_reading(words, 1)
    'wèi'
    >>> wei_reading(["失业率", "为", "百分之三", "。"], 1)
    'wéi'
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

__all__ = ["JYUTPING", "is_verb", "wei_at", "wei_reading"]

#: The Jyutping of each reading (wèi *wai6*, wéi *wai4*).
JYUTPING = {"wèi": "wai6", "wéi": "wai4"}

# What ends a clause (the list comma 、 does not: it joins the parts of a noun phrase).
_CLAUSE_END = frozenset("，。；：？！,;:?!\n")
# After 为: "for this", "why", "for", "for (the sake of)"; in written Cantonese 为咗 "for",
# 为乜 / 为咩 "why".
_WEI_NEXT = frozenset({"此", "何", "什么", "甚么", "啥", "了", "着", "咗", "乜", "乜嘢", "咩"})
# Degree adverbs that make 为 an adverb suffix: 更为 "even more", 较为, 最为, 极为, 颇为 …, and
# adverbs of the copula: 约为 "is about", 仅为 "is only", 均为, 分别为, 主要为, 实为, 乃为 …
_DEGREE = frozenset(
    {"更", "较", "最", "极", "甚", "颇", "尤", "殊", "广", "深", "大", "约", "仅", "只", "均", "皆",
     "分别", "乃", "实", "即", "共", "合共", "总共", "大约", "主要", "多", "大多", "大都", "全"}
)  # fmt: skip
# One-character verbs whose complement 为 is "as": 选为 "elected as", 改为, 召为 "summoned as",
# 视为, 称为, 化为, 封为 … (the segmenter may cut the pair).
_V_AS = frozenset("作成称选评定列改变化转分视奉尊推立封拜任授召除迁擢升降贬谥号名誉译")
# Verbs that take a verb phrase after them, 为 "for" opening it: 应 为 市民 提供, 安排 为 他们
# 注射, 继续 为 香港 服务 (any other verb right before 为 has it as its complement: 恢复 为,
# 指定 为, 调高 为 "raised to").
_BEFORE_VP = frozenset(
    {"应", "应该", "应当", "该", "会", "将", "要", "想", "可", "可以", "能", "能够", "须", "必须",
     "需", "需要", "得", "肯", "敢", "愿", "愿意", "乐意", "希望", "打算", "准备", "决定", "同意",
     "答应", "安排", "继续", "开始", "努力", "尽力", "致力", "负责", "专门", "特别", "主动", "积极",
     "去", "来", "在", "正在", "再", "又", "也", "亦", "都", "还", "就", "才", "曾", "已", "已经",
     "一直", "不断", "经常", "常", "常常", "帮", "帮忙", "争相", "纷纷", "专程", "特地"}
)  # fmt: skip
# After 为 with nothing between: 为而, 为之 "to do (it)", 为止 "up to".
_DO_NEXT = frozenset({"而", "之", "止"})
# The passive 为 … 所 V, 为 … 所致 "caused by".
_PASSIVE = frozenset({"所", "所致"})
# Demonstratives, numerals and particles: not the noun phrase that 为 "for" introduces.
_NOT_NOUN = frozenset(
    {"这", "那", "此", "其", "该", "这些", "那些", "这个", "那个", "每", "各", "本", "的", "之",
     "个", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", "几"}
)  # fmt: skip
# Quotation marks and their closing marks: what they enclose after 为 is a name or a term.
_QUOTES = {"「": "」", "『": "』", "“": "”", "《": "》", "（": "）", "(": ")"}
# jieba's tags of words that are neither the noun phrase nor the predicate.
_FUNCTION_TAGS = frozenset({"c", "p", "d", "u", "uj", "ul", "m", "q", "mq", "f", "x", "y", "e"})
_LINK_TAGS = frozenset({"c", "p", "u", "uj", "ul"})
_VERB_TAGS = frozenset({"v", "vn", "vd", "vi", "vg"})
_ADJECTIVE_TAGS = frozenset({"a", "b", "ad", "an", "z"})


def _tag(word: str) -> str | None:
    from .polyphones import _tag as tag

    return tag(word)


# Memoised: a pure function of the word and of read-only dictionaries.
@lru_cache(maxsize=1 << 14)
def is_verb(word: str) -> bool:
    """A verb: one of the senses of an entry of CC-CEDICT that is not a proper noun is "to …";
    for a word CC-CEDICT lacks, jieba's tag. Function words (在 "to be at", 及 "to reach") are
    not.

    Examples:
        >>> is_verb("提供"), is_verb("前途"), is_verb("在")
        (True, False, False)
    """
    tag = _tag(word)
    if word in _NOT_NOUN or (tag in _FUNCTION_TAGS and (len(word) == 1 or tag in _LINK_TAGS)):
        return False  # (jieba tags some two-character verbs d: 反对, 立法)
    from duizhao.resources.lexicon import cedict

    entries = [e for e in cedict().lookup(word) if e.pinyin[:1].islower()]
    if entries:
        return any(g.startswith("to ") for e in entries for g in e.glosses)
    return tag in _VERB_TAGS


def _verb_first(word: str) -> bool:
    """A verb before all else: CC-CEDICT's first sense of the word is "to …" (恢复 "to
    reinstate", not 计划 "plan; …; to plan", which may be the subject)."""
    from duizhao.resources.lexicon import cedict

    entries = [e for e in cedict().lookup(word) if e.pinyin[:1].islower()]
    return bool(entries) and entries[0].glosses[0].startswith("to ")


def _is_noun(word: str) -> bool:
    """A word that can head the noun phrase after 为 "for" (a noun, a name, a pronoun)."""
    if word in _NOT_NOUN or is_verb(word):
        return False
    tag = _tag(word)
    return tag is None or tag == "r" or tag not in _FUNCTION_TAGS


def _predicate_after(after: Sequence[str]) -> bool:
    """Whether a predicate (a verb, or an adjective ending the clause) follows a noun phrase in
    the words after 为: 为 市民 **提供**, 为 香港 的 前途 **担心**, 为 他 **高兴**."""
    seen_noun = False
    for j, word in enumerate(after):
        rest = after[j + 1 :]
        if (
            seen_noun
            and is_verb(word)
            and not (rest and rest[0] in ("的", "之"))  # 发展 的 支柱: a modifier
            and not (rest and "、" in (rest[0], after[j - 1]))  # a list of names
        ):
            return True
        seen_noun = seen_noun or _is_noun(word)
    return seen_noun and len(after) >= 2 and _tag(after[-1]) in _ADJECTIVE_TAGS


def wei_reading(words: Sequence[str], k: int) -> str | None:
    """``"wèi"`` or ``"wéi"``: the reading of 为 (Simplified) standing as the word ``words[k]``
    (``None`` where its clause has no other word: a word list, a title).

    Args:
        words: The words of the text (Simplified; spaces and punctuation as words of their own).
        k: The index of the word 为.
    """
    before: list[str] = []
    for word in reversed(words[:k]):
        if word[-1:] in _CLAUSE_END:
            break
        if word.strip():
            before.append(word)
    before.reverse()
    after: list[str] = []
    end_mark = ""
    closing = ""
    for word in words[k + 1 :]:
        if closing:  # inside quotes: a name or a term, one noun (為「醫心方」)
            closing = "" if word == closing else closing
            continue
        if word[:1] in _CLAUSE_END:
            end_mark = word[0]
            break
        if word in _QUOTES:
            closing = _QUOTES[word]
            after.append(word + closing)
        elif word.strip():
            after.append(word)
    if not after:
        return "wéi" if before else None  # 不可为。: "to do"; alone (a word list): no context
    if after[0] in _WEI_NEXT:
        return "wèi"
    if before[-2:-1] and before[-1] == "之" and before[-2][-1] in _V_AS:
        return "wéi"  # 称 之 为 "call it", 视 之 为
    if (before and (before[-1] in _DEGREE or before[-1] in _V_AS)) or after[0] in _DO_NEXT:
        return "wéi"
    if before and len(before[-1]) == 2 and before[-1] not in _BEFORE_VP and _verb_first(before[-1]):
        return "wéi"  # a verb and its complement: 恢复 为 自动 驾驶 模式, 指定 为
    if any(w in _PASSIVE for w in after[1:]) or "以" in before:
        return "wéi"  # 为 X 所 V; 以 X 为 Y
    if "而" in after[1:]:
        return "wèi"  # 为 X 而 V: "for the sake of"
    if after[0] == "人" and len(after) >= 2 and _tag(after[1]) in _ADJECTIVE_TAGS:
        return "wéi"  # 为人 正直 "upright as a person"
    if is_verb(after[0]) and "的" in after and before:
        return "wéi"  # 为 [生产 电池 的] 工厂: the complement is a noun with a relative clause
    if _predicate_after(after):
        return "wèi"
    if not before and is_verb(after[0]) and (end_mark in ("，", ",") or "的" not in after):
        return "wèi"  # a clause of purpose: 为 应付 人口 老化 ，…
    return "wéi"


def wei_at(simplified: str, spans: Sequence[tuple[int, int]], k: int) -> str | None:
    """:func:`wei_reading` of the 为 at ``simplified[k]``, given the spans of the text's Han
    words (what lies between them, punctuation and numbers, is cut into words here: each
    punctuation mark one, each other run one).

    Examples:
        >>> text = "我们视他为朋友。"
        >>> wei_at(text, [(0, 2), (2, 3), (3, 4), (4, 5), (5, 7)], 4)
        'wéi'
    """
    words: list[str] = []
    at = -1
    pos = 0
    for a, b in [*spans, (len(simplified), len(simplified))]:
        gap = simplified[pos:a]
        run = ""
        for ch in gap:
            if ch in _CLAUSE_END or ch in "、「」『』（）()《》“”\"'":
                if run:
                    words.append(run)
                    run = ""
                words.append(ch)
            else:
                run += ch
        if run:
            words.append(run)
        if a == k:
            at = len(words)
        if b > a:
            words.append(simplified[a:b])
        pos = max(pos, b)
    return wei_reading(words, at) if at >= 0 else None
