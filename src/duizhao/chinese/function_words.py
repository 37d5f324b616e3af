"""Senses of function words chosen by their neighbours: 在 "at" before a place, 等 "etc." after a
list, 約 "approximately" before a number.

CC-CEDICT lists the senses of a function word in no order of use (在 "to exist; to be alive"
first, 或 "maybe; perhaps" before "or"), and the aligned English sentence rarely helps: the
English of 在 or 等 is a preposition or nothing at all. These words are few and frequent, and
what they mean follows from their place in the sentence: a number after 約 makes it
"approximately", a number before 把 makes it a classifier, a period of time before 來 makes it
"for the past". Each rule below is such a textbook pattern of written Chinese (the grammar of
function words in any reference grammar, e.g. Yip & Rimmington, *Chinese: A Comprehensive
Grammar*); the senses are CC-CEDICT's own wording where it has one, else ours (marked ``# ours``).

A rule sees the word's neighbours only: the previous and the next token of the paragraph
(``None`` at a clause boundary: punctuation or the paragraph's end), whether each is a number,
the text of the clause before the word, and the part of speech of the next word (jieba's
dictionary tag, looked up only when a rule asks). The first rule that holds gives the gloss;
when none holds the word keeps the usual choice (:func:`duizhao.chinese.gloss.choose_gloss`).

Examples:
    >>> ctx = Context(prev="WIPO", next="港", next_pos=lambda: "ns")  # WIPO 在港舉行
    >>> function_gloss("在", ctx)
    'at; in; on (a place, time or area)'
    >>> function_gloss("约", Context(prev="，", next="160", next_is_number=True))
    'approximately; about'
    >>> function_gloss("等", Context(prev="新加坡", next="地")) is not None
    True
    >>> function_gloss("電車", Context()) is None
    True
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

__all__ = [
    "FUNCTION_WORDS",
    "SENSE_JYUTPING",
    "Context",
    "context_of",
    "counted",
    "function_gloss",
    "sense_jyutping",
]

#: What ends a clause (quotes and brackets do not: the annotator skips them as neighbours).
_PUNCT_RE = re.compile(r"^[\s，。、；：？！—…,.;:?!·]+$")
_NUMERAL_RE = re.compile(
    r"^[0-9０-９.,，%．]+$|^(?:[零〇一二兩两三四五六七八九十百千萬万]*分之)?"
    r"[零〇一二兩两三四五六七八九十百千萬万億亿幾几數数多半]+(?:[點点][零〇一二三四五六七八九]+)?$")
_DIGITS = "0123456789０１２３４５６７８９零〇一二兩两三四五六七八九十百千萬万"
#: The last character of a period of time (十年來, 三個月來, 自1904年起).
_TIME_END = frozenset("年月日天週周期紀纪代時时晚夜")


def _no_pos() -> str | None:
    return None


@dataclass(frozen=True)
class Context:
    """A token's neighbours inside its paragraph.

    Attributes:
        prev: The previous token's text (``None`` at the paragraph's start).
        next: The next token's text (``None`` at the paragraph's end).
        prev_is_number: The previous token is a number (digits or Chinese numerals).
        next_is_number: The next token is a number.
        clause: The text of the clause before the token (since the last ，。；：？！).
        next_pos: jieba's tag of the next word (called only by the rules that need it).
    """

    prev: str | None = None
    next: str | None = None
    prev_is_number: bool = False
    next_is_number: bool = False
    clause: str = ""
    next_pos: Callable[[], str | None] = field(default=_no_pos, compare=False)

    @property
    def starts_clause(self) -> bool:
        return self.prev is None or bool(_PUNCT_RE.match(self.prev))

    @property
    def ends_clause(self) -> bool:
        return self.next is None or bool(_PUNCT_RE.match(self.next))

    @property
    def after_number(self) -> bool:
        return self.prev_is_number or bool(self.prev and _NUMERAL_RE.match(self.prev))

    @property
    def before_number(self) -> bool:
        return self.next_is_number or bool(self.next and _NUMERAL_RE.match(self.next))

    @property
    def after_time(self) -> bool:
        return self.prev is not None and self.prev[-1:] in _TIME_END

    def before_verb(self) -> bool:
        if self.ends_clause:
            return False
        tag = self.next_pos()
        return tag is not None and tag.startswith("v")


Rule = tuple[Callable[[Context], bool], str]


_PRONOUNS = frozenset(
    ("我", "你", "他", "她", "它", "我們", "你們", "他們", "她們", "我们", "你们", "他们", "她们",
     "大家", "自己", "您", "咱們", "咱们")
)  # fmt: skip
_PARTICLES = frozenset("了的嗎吗吧啊呀呢啦着著過过")


_PREPOSITIONS = frozenset("在於于由對对與与和及為为向據据從从把被令讓让使跟以")


def _mid(c: Context) -> bool:
    return not c.ends_clause


#: Times of the day that a range of hours goes on to (十時 至 下午 一時).
_TIMES_OF_DAY = ("上午", "下午", "晚上", "早上", "中午", "凌晨", "深夜")
#: Counting words before 名 "classifier for people" (該 名 學生 "the student", 每 名 考生).
_PERSON_COUNTERS = ("該", "该", "每", "這", "这", "那", "此", "各", "數", "数", "幾", "几")


def _after_number(c: Context) -> bool:
    return c.after_number


def _before_number(c: Context) -> bool:
    return c.before_number


def _after_time(c: Context) -> bool:
    return c.after_time


def _starts_clause(c: Context) -> bool:
    return c.starts_clause


def _inside(c: Context) -> bool:
    return not c.starts_clause


def _before_verb(c: Context) -> bool:
    return c.before_verb()


def _clause_has(*chars: str) -> Callable[[Context], bool]:
    return lambda c: any(ch in c.clause for ch in chars)


def _neighbour_in(which: str, words: tuple[str, ...], trad: bool) -> Callable[[Context], bool]:
    """The previous or next token (``which``) is one of ``words``; with ``trad`` it is compared
    in Traditional characters, so that one table of Traditional words serves both scripts."""
    chosen = frozenset(words)

    def test(c: Context) -> bool:
        word = c.prev if which == "prev" else c.next
        return word is not None and (_trad(word) if trad else word) in chosen

    return test


def _next_in(*words: str, trad: bool = False) -> Callable[[Context], bool]:
    return _neighbour_in("next", words, trad)


def _prev_in(*words: str, trad: bool = False) -> Callable[[Context], bool]:
    return _neighbour_in("prev", words, trad)


@lru_cache(maxsize=1024)
def _trad(word: str) -> str:
    from duizhao.text.convert import to_traditional

    return to_traditional(word)


@lru_cache(maxsize=1024)
def _simp(word: str) -> str:
    from duizhao.text.convert import to_simplified

    return to_simplified(word)


def _any(*tests: Callable[[Context], bool]) -> Callable[[Context], bool]:
    return lambda c: any(t(c) for t in tests)


#: Before 學會 when it is the verb "to learn": modals, adverbs and the people who learn.
_LEARNERS = frozenset(
    ("要", "需要", "須", "必須", "應", "應該", "應當", "能", "能夠", "可以", "會", "想", "希望",
     "才", "都", "也", "亦", "已", "已經", "終於", "逐漸", "漸漸", "慢慢", "未", "沒有", "沒", "不",
     "盡快", "及早", "從小", "讓", "令", "使", "幫助", "協助", "教", "學生", "孩子", "同學", "大家",
     "青少年", "小朋友", "子女", "年輕人", "我", "你", "他", "她", "我們", "你們", "他們", "她們")
)  # fmt: skip
#: After 學會 when it is the verb: 了, 過, a question word or a demonstrative opening its object.
_LEARNED = frozenset(("了", "過", "如何", "怎樣", "怎麼", "這", "這些", "這個", "那", "一些", "用",
                      "與", "和", "欣賞", "尊重", "面對", "獨立", "自律", "思考", "分享", "感恩"))
#: Before and after 學會 the noun: joining, founding; office-bearers, members, announcing.
_SOCIETY_PREV = frozenset(("加入", "成立", "創立", "創辦", "該", "本", "各", "參加"))
_SOCIETY_NEXT = frozenset(("的", "主席", "會長", "副會長", "秘書", "成員", "會員", "表示",
                           "指出", "今年", "去年", "明年", "早前", "日前", "近日", "於", "在",
                           "將", "舉辦", "舉行", "主辦", "合辦", "發表", "發起", "成立於",
                           "呼籲"))


def _after_surname(c: Context) -> bool:
    from .names import is_surname

    return c.prev is not None and is_surname(c.prev)


def _next_noun(c: Context) -> bool:
    return (c.next_pos() or "")[:1] in ("n", "r", "m") and not c.ends_clause


def _carries(c: Context) -> bool:
    from .frames import carried

    return c.next is not None and carried(_simp(c.next))


_learn_verb = _any(_prev_in(*_LEARNERS, trad=True), _next_in(*_LEARNED, trad=True))


_RULES: dict[str, tuple[Rule, ...]] = {
    "在": (
        (_before_verb, "(used before a verb to indicate an action in progress); at; in"),
        (_mid, "at; in; on (a place, time or area)"),  # ours
    ),
    "把": (
        (_any(_after_number, _prev_in("這", "这", "那", "幾", "几", "每")),
         "classifier for things with handles; handful"),
        (_mid, "(puts the object before the verb: 把 + noun + verb); to hold"),  # ours
    ),
    "約": ((_any(_before_number, _next_in("有", "為", "为", "佔", "占", "達", "达")),
            "approximately; about"),),
    "來": ((_after_time, "for the past (amount of time); ever since"),),
    "起": ((_after_time, "starting from (a time, place, price etc)"),),
    "或": ((_starts_clause, "perhaps; maybe; or"), (lambda c: True, "or; perhaps; maybe")),
    # "etc." after a list, or before a noun or the clause's end; not after a pronoun (我們等你)
    "等": ((lambda c: not c.starts_clause and c.prev not in _PRONOUNS and (
        c.ends_clause or "、" in c.clause or c.next_pos() in ("n", "ns", "nz", "nt")
        or c.next in ("地", "國", "国", "人", "方面", "問題", "问题", "項目", "项目")),
            "and so on; etc.; (used to end an enumeration)"),),
    "具": (
        (_after_number, "classifier for devices, coffins, dead bodies"),
        (_mid, "to possess; to have; to provide"),
    ),
    "跟": ((_mid, "with; and (joining two nouns); compared with"),),
    "所": (
        (_after_number, "classifier for houses, small buildings, institutions etc"),
        (_any(_before_verb, _clause_has("由", "被", "為", "为")),
         "that which; particle introducing a relative clause or passive"),
    ),
    "上": ((lambda c: not c.starts_clause and any(ch in c.clause for ch in "在於于"),
            "(noun suffix) on; in (a matter or field)"),),  # "in (a matter or field)": ours
    "自": ((_mid, "from; since"),),
    "由": ((_mid, "from; by; via"),),
    "與": ((_mid, "and; together with; with"),),
    "單": ((_any(_before_verb, _next_in("靠", "憑", "凭", "是", "就")), "only; sole; single"),),
    "以": ((_mid, "by means of; according to; in order to"),),
    # a preposition before a noun or pronoun (對「叮叮」的感情, 對他來說); 他對了 is "right"
    "對": ((lambda c: not c.ends_clause and c.next not in _PARTICLES and not c.before_verb(),
            "towards; concerning; regarding"),),
    "被": ((_mid, "(marks the passive voice) by"),),  # ours
    "分別": ((_mid, "separately; respectively; individually"),),  # "respectively": ours
    "不過": ((_starts_clause, "but; however; anyway"),),
    "活動": ((_prev_in("場", "场", "項", "项", "個", "个", "些", "次", "類", "类", "的", "各",
                       "種", "种"),
              "activity; event; campaign"),),
    "第": ((_before_number, "(prefix indicating ordinal number, as in 第六 (dìliù) \"sixth\")"),),
    "至": ((_any(_before_number, _next_in("第", "今", "本", "下", "明年", "年底", *_TIMES_OF_DAY)),
            "to; until"),),
    # the single characters below before the word they modify: senses written from the adverb
    # and preposition senses of general dictionaries (现代汉语词典)
    "便": ((_mid, "then; (and) so; as soon as"),),
    "遂": ((_mid, "then; thereupon"),),
    "已": ((_mid, "already"),),
    "剛": ((_mid, "just (now); only just"),),
    "均": ((_mid, "all; without exception"),),
    "近": ((_before_number, "nearly; almost; close to"),),
    "共": ((_before_number, "altogether; in all"),),
    "僅": ((_before_number, "only; merely"),),
    "時": ((_after_number, "o'clock; hour"), (_inside, "when; time; period")),
    "地": ((_any(_prev_in("等", "兩", "两", "多"), _after_number), "place; land; region"),),  # ours
    "席": ((_after_number, "seat; place in a democratic assembly"),),  # 佔3席 "three seats"
    # 前15名 "the top 15 places"; 三名學生 "three students"
    "名": ((lambda c: (c.after_number and c.clause.rstrip(_DIGITS)[-1:] in ("前", "第"))
            or (c.prev or "").startswith("第"), "place (e.g. among winners)"),
           (_any(_after_number, _prev_in(*_PERSON_COUNTERS)), "classifier for people")),
    "年": ((lambda c: True, "year"),),  # 每年, 第17年: never CC-CEDICT's second sense "grain"
    # round 13: 勞工及福利 局 "bureau"; 向 航空公司 查詢 "to"; 比 預期 差 "worse"; 四時 二十 分
    "局": ((_after_number, "classifier for games: match, set, round etc"),
           (lambda c: not c.starts_clause, "bureau; office; department")),
    "若": ((lambda c: not c.ends_clause, "if; supposing"),),  # ours
    "差": ((_clause_has("比", "較", "较"), "poor; not up to standard; to fall short"),),  # ours
    "分": ((lambda c: c.after_number and c.clause.rstrip(_DIGITS)[-1:] in ("時", "时"), "minute"),),
    "將": ((_next_noun, "(introduces the object, like 把); will; shall"),),  # 將 子女 與 他人 比較
    "按": ((_next_noun, "according to; in accordance with; to press"),),  # 按 科目 計算
    "向": ((lambda c: not c.ends_clause, "towards; to; from (sb)"),),  # ours
    "強": ((_after_number, "best in their category: the top … (十強 the top ten)"),),  # ours
    "排": ((lambda c: c.before_number or (c.next or "")[:1] in ("第", "名", "首", "尾", "末"),
            "to rank; to be placed (in a list or a contest)"),),  # ours
    # 該校 "the said school"; 該 before a verb keeps "should"
    "該": ((lambda c: not c.ends_clause and (c.starts_clause or c.prev in _PREPOSITIONS
                                          or (c.next_pos() or "").startswith("n")),
            "that; the above-mentioned"),),
    # 匯豐…該行表示 "the bank said": 行 after 該 is the bank or firm just named
    "行": ((_prev_in("該", "该"), "the bank or firm (named before); firm; business"),),  # ours
    "令": ((_mid, "to cause; to make sth happen; to order"),),
    "達": ((_before_number, "to amount to; to reach; to attain"),),
    "逾": ((_before_number, "to exceed; more than"),),
    "多": ((_after_number, "(after a numeral) ... odd; more than"),),
    "後": ((_inside, "after; afterwards; later"),),
    "前": (
        (_before_number, "top (followed by a number); before; front"),
        (_inside, "before; ago; front"),
    ),
    "正": ((_mid, "just (now); in the middle of (doing sth); precisely"),),
    # 凡年滿65歲的居民 "every resident aged 65 or above": opening a clause, not "ordinary"
    "凡": ((_starts_clause, "every; all; whatever"),),
    # 便會獲發 "will be credited"; 會 "meeting" or "association" is a noun, not before a verb
    "會": ((_any(_before_verb, _prev_in("將", "将", "便", "就", "也", "都", "亦", "才", "可能",
                                       "並", "并", "還", "还", "仍", "又", "必", "定", "勢", "势")),
            "will; to be likely to; can (to know how to)"),),  # "will": ours
    # 並不能 "cannot at all": before a negative it stresses it; else "and also"
    "並": ((_next_in("不", "沒", "没", "非", "無", "无", "未", "沒有", "没有", "不是", "不能",
                     "不會", "不会"),
            "(not) at all; (used before a negative for emphasis)"),  # "(used …)": ours
           (_mid, "and; furthermore; also")),
    "靠": ((_prev_in("單", "单", "只", "全", "僅", "仅", "要", "依", "光"),
            "to depend on; to rely on"),),
    # 免被迫遷 "so as not to be evicted": before a verb (or 被) "to avoid", not "to excuse sb"
    "免": ((_any(_before_verb, _next_in("被", "受", "遭", "令", "使", "讓", "让")),
            "to avoid; to escape; so as not to"),),  # "so as not to": ours
    # 應在 "should (be) in", 應優先分配 "should first be given": the modal before its verb
    "應": ((_mid, "should; ought to; must"),),
    "可": ((_mid, "can; may; able to"),),
    # 當孩子仍要… "when children still have to …": opening a clause, "when"
    "當": ((_starts_clause, "when; during; just at (a time or place)"),),
    # 要與鄰居共用 "have to share with": before a verb or the preposition that opens its phrase
    "要": ((_any(_before_verb, lambda c: c.next in _PREPOSITIONS),
            "to need to; must; will"),),  # ours, from 现代汉语词典's 要 (4)
    "讓": ((_mid, "to let sb do sth; to have sb do sth; to make sb (feel sad etc)"),),
    # 在…的情況下 "under … circumstances": 下 closing the frame 在 … 下
    "下": ((lambda c: "在" in c.clause and not c.after_number and c.prev not in ("在", "往"),
            "under (conditions); in (a situation)"),),  # ours
    # 2000元 "2,000 dollars": in Hong Kong the dollar, not "first; original"
    "元": ((_after_number, "dollar (HK$ in Hong Kong); yuan (unit of money)"),),  # ours
    # 而非 "rather than", 而不是: before a negative the contrast, not "and; as well as"
    "而": ((_next_in("非", "不", "不是", "無", "无", "未", "沒有", "没有"),
            "but (not); yet (not); rather than"),),  # "rather than": ours
    "才": ((_before_number, "(before an expression of quantity) only; just now"),
           (_any(_inside, _before_verb),
            "then and only then; just now; (before an expression of quantity) only"),),
    "成": ((_after_number, "tenth (四成 forty per cent)"),),  # ours: 成 after a number
    # 陳 先生 "Mr Chan": the title after a surname (names.py glosses the surname)
    "先生": ((_after_surname, "Mr (after a surname); sir; gentleman"),),  # ours
    "背": ((_carries, "to carry on one's back; to bear"),),
    # 學會 "to learn" after a modal or before 了; "society" after its field or before 主席 …
    "學會": ((_learn_verb, "to learn; to master (a skill)"),
             (_any(_prev_in(*_SOCIETY_PREV, trad=True), _next_in(*_SOCIETY_NEXT, trad=True),
                   lambda c: c.ends_clause and not c.starts_clause),
              "society; association; institute (of learned people)")),
}
# the Simplified forms that differ from the Traditional
for _t, _s in (("約", "约"), ("來", "来"), ("單", "单"), ("對", "对"), ("分別", "分别"),
               ("不過", "不过"), ("活動", "活动"), ("時", "时"), ("達", "达"), ("後", "后"),
               ("與", "与"), ("剛", "刚"), ("僅", "仅"), ("強", "强"),
               ("該", "该"), ("會", "会"), ("並", "并"), ("應", "应"),
               ("當", "当"), ("讓", "让"), ("學會", "学会"), ("將", "将")):  # fmt: skip
    _RULES[_s] = _RULES[_t]

#: word (Traditional or Simplified) → its rules; the first that holds gives the gloss.
FUNCTION_WORDS: Mapping[str, tuple[Rule, ...]] = MappingProxyType(_RULES)


#: Words whose Cantonese reading follows their sense in context: word → (the sense's test,
#: the Jyutping it takes). 學會 the verb is *hok6 wui5* (會 "able to"), the noun *hok6 wui2*
#: (ToJyutping reads both *wui2*).
_JYUTPING_BY_SENSE: Mapping[str, tuple[Callable[[Context], bool], tuple[str, ...]]] = (
    MappingProxyType({w: (_learn_verb, ("hok6", "wui5")) for w in ("學會", "学会")})
)


SENSE_JYUTPING = frozenset(_JYUTPING_BY_SENSE)  #: the words :func:`sense_jyutping` reads


def sense_jyutping(word: str, context: Context) -> tuple[str, ...] | None:
    """The Jyutping of a word whose Cantonese reading follows its sense here, or ``None``.

    Examples:
        >>> sense_jyutping("學會", Context(prev="要", next="尊重"))
        ('hok6', 'wui5')
    """
    rule = _JYUTPING_BY_SENSE.get(word)
    return rule[1] if rule is not None and rule[0](context) else None


def function_gloss(word: str, context: Context) -> str | None:
    """The gloss of a function word in its context, or ``None`` (not a function word, or no
    rule holds: the usual choice applies)."""
    rules = FUNCTION_WORDS.get(word)
    if not rules:
        return None
    for holds, gloss in rules:
        if holds(context):
            return gloss
    return None


#: Tokens that are no neighbour (quotes, brackets, spaces), and the marks that end a clause.
_SKIPPED = " \t\n「」『』（）《》〈〉()\"'“”‘’"
_CLAUSE_ENDS = "，。；：？！,;:?!"


# A memo of the paragraphs being annotated (a paragraph's tokens ask in turn): finding each
# token's clause by searching back from it took time quadratic in an unpunctuated paragraph.
@lru_cache(maxsize=8)
def _clause_ends(text: str) -> tuple[int, ...]:
    """The places of the clause marks of a paragraph, in order."""
    return tuple(i for i, ch in enumerate(text) if ch in _CLAUSE_ENDS)


def context_of(
    text: str,
    simp: str,
    spans: Sequence[tuple[int, int, str]],
    k: int,
    pos: Callable[[str], str | None],
) -> Context:
    """The neighbours of token ``k`` of a paragraph (``spans``: the annotator's ``(start, end,
    kind)`` of each token of ``text``; ``simp`` is ``text`` in Simplified characters, for
    ``pos``, the part of speech of a Simplified word). Quotes, brackets and spaces are skipped:
    對「叮叮」's next word is 叮叮.

    Examples:
        >>> ctx = context_of("約有160輛", "约有160辆", [(0, 1, "han"), (1, 2, "han"),
        ...                  (2, 5, "num"), (5, 6, "han")], 1, lambda w: None)
        >>> ctx.prev, ctx.next, ctx.next_is_number
        ('約', '160', True)
    """

    def near(step: int) -> tuple[str | None, bool, str]:
        i = k + step
        while 0 <= i < len(spans):
            a, b, kind = spans[i]
            if text[a:b].strip(_SKIPPED):
                return text[a:b], kind in ("num", "cnum"), simp[a:b]
            i += step
        return None, False, ""

    prev, prev_num, _ = near(-1)
    nxt, next_num, next_simp = near(1)
    a = spans[k][0]
    ends = _clause_ends(text)
    k = bisect_left(ends, a)  # the clause marks before the token; the last one ends its clause
    start = ends[k - 1] + 1 if k else 0
    return Context(
        prev=prev,
        next=nxt,
        prev_is_number=prev_num,
        next_is_number=next_num,
        clause=text[start:a],
        next_pos=lambda: pos(next_simp) if next_simp else None,
    )


#: What counts things before a measure word, besides a number: 這 場, 每 項, 各 席.
_COUNTERS = frozenset("這这那每各該该此幾几數数多首逾近約约共")


def counted(text: str, spans: Sequence[tuple[int, int, str]], k: int) -> bool:
    """Whether token ``k`` of a paragraph stands right after a number or a counting word
    (兩 場, 3 席, 這 項): then a measure word means what it counts (see
    :func:`~duizhao.chinese.gloss.classifier_gloss`).

    Examples:
        >>> counted("兩場活動", [(0, 1, "cnum"), (1, 2, "han"), (2, 4, "han")], 1)
        True
        >>> counted("會場", [(0, 1, "han"), (1, 2, "han")], 1)
        False
    """
    if k == 0:
        return False
    a, b, kind = spans[k - 1]
    prev = text[a:b]
    return kind in ("num", "cnum") or prev in _COUNTERS or bool(_NUMERAL_RE.match(prev))
