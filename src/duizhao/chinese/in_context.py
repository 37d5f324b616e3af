"""Words whose sense (and with it, for 地方, the reading) follows from their neighbours in Hong
Kong news and quoted Cantonese: round 14, from the errors a teacher found reading two articles
of ours (a typhoon signal, DSE results day) and a third on swimming lessons.

- 地方 ending its phrase is the everyday noun "place" (*dì fang*, CC-CEDICT's ``di4 fang5``:
  返回 安全 地方); before a noun it is "local" (*dì fāng*: 地方 政府, 地方 經濟).
- 治理 after a hospital is medical treatment (送往 醫院 治理, 送院 治理 "sent to hospital for
  treatment", a fixed phrase of Hong Kong news), not "to govern".
- 班 after a number (一百二十 多 班 航班, 兩 班 老師) is the classifier of groups and scheduled
  services, as 名 and 位 are.
- 點 after a number in a clause that names a time of the day (今朝 四 點) is "o'clock".
- 好 alone before an adjective or a verb of feeling is "very" (好 驚 "very scared"), as
  Cantonese and spoken Mandarin use it; 唔好 not before a verb is "not good" (成績 唔好), before
  one it is "don't" (唔好 成日 問).
- 不會 is "will not; not able to": CC-CEDICT's senses without "improbable; unlikely" first and
  without its Taiwan "don't mention it".
- 教會 after a modal or an adverb, or before the learners, is the verb "to teach (to be able)",
  *jiāo huì*, *gaau3 wui5* (一個學期內教會全班學生), not the noun "church" *jiào huì*; 得多 is the
  complement "much more" *de duō* (積極得多); 花 before 在/了 "to spend"; 約 before 需/要 "about";
  作為 "as (in the capacity of)" except after 有 (有所作為); 帶 before a person "to take along"
  (嫲嫲帶我到新光戲院 "took me to"), not CC-CEDICT's first "band; belt".
- round 15: 會 before a language or a skill is "can" (她會普通話, 會游泳), not "will"; 在 after
  a verb of placing or staying is "at; in; on" (放 在, 住 在); 並非 is "is not; not (at all)"
  (CC-CEDICT's "really isn't" reads oddly in 並非易事 "is no easy matter").

Each rule was written from the grammar (Yip & Rimmington, *Chinese: A Comprehensive Grammar*;
Matthews & Yip, *Cantonese: A Comprehensive Grammar*, on 好 and 唔好) and the senses are
CC-CEDICT's wording except where marked ``# ours``. A rule that does not hold leaves the word to
the usual choice; a teacher's correction wins.

Examples:
    >>> from duizhao.chinese.function_words import Context
    >>> in_context("地方", Context(prev="安全", next="。"))
    (('dì', 'fang'), None, None)
    >>> in_context("治理", Context(prev="醫院", clause="送往東區醫院"))[2]
    'to treat (in hospital); medical treatment'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from .function_words import Context

__all__ = ["IN_CONTEXT", "in_context"]

Reading = tuple[str, ...]
Result = tuple[Reading | None, Reading | None, str | None]

_NUMBER_END = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千萬万兩两幾几]多?$")
#: Times of the day that make 點 an hour (both scripts; Cantonese 今朝, 朝早, 晏晝 too).
_DAY_TIMES = (
    "上午", "下午", "晚上", "早上", "中午", "凌晨", "深夜", "今早", "今晚", "明早", "明晚",
    "昨晚", "傍晚", "黃昏", "黄昏", "清晨", "今朝", "朝早", "晏晝", "晏昼", "夜晚", "琴晚",
    "聽朝", "听朝", "早晨",
)  # fmt: skip
#: Verbs of feeling that 好 "very" goes before (they are tagged verbs, not adjectives).
_FEELINGS = frozenset(
    ["驚", "惊", "怕", "擔心", "担心", "開心", "开心", "傷心", "伤心", "緊張", "紧张", "失望",
     "興奮", "兴奋", "高興", "高兴", "難過", "难过", "辛苦", "攰", "嬲", "灰心", "滿意", "满意",
     "感動", "感动", "後悔", "后悔", "期待", "掛住", "挂住", "鍾意", "钟意", "喜歡", "喜欢"]
)  # fmt: skip
#: Words before 教會 that make it the verb "to teach (to be able)": modals and adverbs.
_BEFORE_TEACH = frozenset(
    ["可", "能", "可以", "便", "才", "會", "会", "要", "已", "已經", "已经", "內", "内", "就",
     "沒有", "没有", "未", "先", "希望", "如何", "怎樣", "怎样", "須", "须", "必須", "必须", "應",
     "应"]
)  # fmt: skip
#: Learners after 教會 "to teach".
_LEARNERS = frozenset(
    ["全", "全班", "學生", "学生", "他", "她", "他們", "他们", "我們", "我们", "你", "孩子", "子女",
     "學童", "学童", "小朋友", "市民", "長者", "长者", "我"]
)  # fmt: skip
_ADVERBS_OF_TIME = frozenset(["成日", "再", "咁", "隨便", "随便", "亂", "乱", "經常", "经常", "太"])


def _place(c: Context) -> Result | None:
    if c.ends_clause or c.next in ("的", "都", "也", "可以", "去", "嘅", "係", "係咪"):
        return ("dì", "fang"), None, None  # the gloss follows the reading: di4 fang5 "place"
    return None


def _treatment(c: Context) -> Result | None:
    if (c.prev or "").endswith("院") or "送院" in c.clause or "醫院" in c.clause:
        return None, None, "to treat (in hospital); medical treatment"  # ours
    return None


def _class_of_services(c: Context) -> Result | None:
    if _NUMBER_END.search(c.clause) or c.prev_is_number:
        return None, None, "classifier for groups of people and scheduled transport vehicles"
    return None


def _hour(c: Context) -> Result | None:
    if (c.prev_is_number or _NUMBER_END.search(c.clause)) and (
        any(t in c.clause for t in _DAY_TIMES) or c.next in ("鐘", "钟", "半", "正")
    ):
        return None, None, "o'clock"
    return None


def _very(c: Context) -> Result | None:
    if c.ends_clause or c.next is None:
        return None
    if c.next in _FEELINGS or (len(c.next) == 1 and c.next_pos() == "a"):
        return None, None, "very; so (before an adjective or a feeling)"  # ours
    return None


def _not_good(c: Context) -> Result | None:
    if c.ends_clause or c.next is None:
        return None, None, "not good; bad (Cantonese 不好)"  # ours
    if c.next in _ADVERBS_OF_TIME or c.before_verb():
        return None, None, "don't (Cantonese 不要)"
    return None, None, "not good; bad (Cantonese 不好)"  # ours


def _will_not(c: Context) -> Result | None:
    return None, None, "will not (act, happen etc); not able; not having learned to do sth"


def _teach_to(c: Context) -> Result | None:
    if c.prev in _BEFORE_TEACH or (c.next is not None and c.next in _LEARNERS):
        return ("jiāo", "huì"), ("gaau3", "wui5"), "to teach (sb to be able to do sth)"  # ours
    return None


def _much_more(c: Context) -> Result | None:
    return ("de", "duō"), None, "(after an adjective) much more; far more"  # ours


def _spend(c: Context) -> Result | None:
    if c.next in ("在", "了", "於", "于"):
        return None, None, "to spend (money, time)"
    return None


#: What 帶 "to take (sb) along" takes: people (pronouns, kin, learners) — both scripts.
_TAKEN = frozenset(
    ["我", "你", "他", "她", "我們", "我们", "你們", "你们", "他們", "他们", "她們", "她们",
     "大家", "孩子", "子女", "小朋友", "學生", "学生", "兒子", "儿子", "女兒", "女儿", "孫子",
     "孙子", "孫女", "孙女", "長者", "长者", "遊客", "游客", "市民", "家人", "朋友"]
)  # fmt: skip


def _take_along(c: Context) -> Result | None:
    if c.next in _TAKEN:  # 嫲嫲 帶 我 到 戲院: "took me to", not "band; belt"
        return None, None, "to take along; to bring; to lead"
    return None


def _about(c: Context) -> Result | None:
    if c.next in ("需", "需要", "要", "花", "用", "值", "涉及", "相等於", "等於", "等于"):
        return None, None, "approximately; about"
    return None


def _as(c: Context) -> Result | None:
    if c.prev in ("有", "有所", "大有", "沒有", "没有", "無", "无", "無所", "无所"):
        return None  # 有所作為 "to accomplish something"
    return None, None, "as (in the capacity of); to act as; to take sth as"


#: Languages and skills that 會 "can (know how to)" goes before (會 英語, 會 游泳) — both scripts.
_SKILLS = frozenset(
    ["英語", "英语", "英文", "普通話", "普通话", "廣東話", "广东话", "粵語", "粤语", "中文", "日語",
     "日语", "日文", "法語", "法语", "法文", "德語", "德语", "韓語", "韩语", "外語", "外语", "手語",
     "手语", "客家話", "客家话", "潮州話", "潮州话", "上海話", "上海话", "游泳", "踩單車", "踩单车",
     "駕駛", "驾驶", "開車", "开车", "揸車", "揸车", "彈琴", "弹琴", "彈鋼琴", "弹钢琴", "煮飯",
     "煮饭", "下廚", "下厨", "編程", "编程", "打字", "滑雪", "溜冰", "跳舞", "唱歌", "畫畫", "画画"]
)  # fmt: skip
#: Verbs of placing and staying that 在 after them makes "at; in; on" (放 在 桌上, 住 在 屯門).
_PLACING = frozenset(
    ["放", "擺", "摆", "掛", "挂", "貼", "贴", "寫", "写", "住", "坐", "站", "躺", "停", "留", "藏",
     "種", "种", "刻", "印", "建", "設", "设", "放置", "存放", "擺放", "摆放", "停泊", "居住", "落",
     "埋", "堆", "鎖", "锁", "困", "睡", "蹲", "泊", "擱", "搁", "插", "裝", "装", "豎", "竖"]
)  # fmt: skip


def _can(c: Context) -> Result | None:
    if c.next in _SKILLS:  # 她會普通話 "she can speak Putonghua", not "will"
        return None, None, "can; to know how to (a skill or a language)"  # ours
    return None


def _placed_at(c: Context) -> Result | None:
    if c.prev in _PLACING:  # 放 在 門口: where it is put, not "(in progress)"
        return None, None, "at; in; on (the place where sth is put or stays)"  # ours
    return None


def _is_not(c: Context) -> Result | None:
    return None, None, "is not; not (at all)"  # ours: CC-CEDICT's "really isn't"


_RULES: dict[str, Callable[[Context], Result | None]] = {
    "會": _can,
    "会": _can,
    "在": _placed_at,
    "並非": _is_not,
    "并非": _is_not,
    "地方": _place,
    "治理": _treatment,
    "班": _class_of_services,
    "點": _hour,
    "点": _hour,
    "好": _very,
    "唔好": _not_good,
    "不會": _will_not,
    "不会": _will_not,
    "教會": _teach_to,
    "教会": _teach_to,
    "得多": _much_more,
    "花": _spend,
    "帶": _take_along,
    "带": _take_along,
    "約": _about,
    "约": _about,
    "作為": _as,
    "作为": _as,
}

#: word (either script where they differ) → its rule.
IN_CONTEXT: Mapping[str, Callable[[Context], Result | None]] = MappingProxyType(_RULES)


def in_context(word: str, context: Context) -> Result | None:
    """``(pinyin, Jyutping, gloss)`` of a word whose sense its neighbours settle (any may be
    ``None``: keep the computed one), or ``None`` when no rule holds."""
    rule = _RULES.get(word)
    return rule(context) if rule is not None else None
