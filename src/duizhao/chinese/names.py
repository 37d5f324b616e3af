"""Glosses of people's names: a surname before a title, and a surname with its Cantonese title.

A common Hong Kong surname standing before a title or form of address is glossed as the surname
(陳 先生 "Mr Chan": "surname Chen"), not as the word CC-CEDICT lists first (陳 "to lay out", 李
"plum", 黃 "yellow"); a surname and a one-character Cantonese title that the segmenter keeps as
one word (黃太 "Mrs Wong", 何伯, 李生; the Hong Kong standard writes them so) is glossed as the
title and the surname: "Mrs (surname Huang or Hwang)".

Examples:
    >>> surname_gloss("黃太", "黄太", "說")
    'Mrs (surname Huang or Hwang)'
    >>> surname_gloss("衛生", "卫生", "署") is None  # "hygiene", a word of its own
    True
"""

from __future__ import annotations

__all__ = [
    "ADDRESS_FORMS",
    "PERSON_TITLES",
    "SURNAMES",
    "WORD_SURNAMES",
    "is_surname",
    "surname_gloss",
]


#: Common single-character surnames of Hong Kong, in Traditional characters (most frequent
#: first, roughly; written from general knowledge; 關 勞 甘 古 樊 屈 容: seventh round). The
#: segmenter's conventions join a given name after one of these (陳 偉明 → 陳偉明).
SURNAMES = frozenset(
    "陳李張黃何林梁吳劉蔡鄭楊王許曾馮謝郭羅周葉蘇盧鄧彭潘麥譚朱袁余陸莫趙孫胡徐馬鍾鄺冼岑"
    "姚湯霍侯簡溫廖杜宋范傅雷賴詹蔣邱魏唐丁薛韓沈施游孔龔聶戴湛嚴殷洪程鄔藍蕭柯凌伍尹歐"
    "翁邵姜崔賈卓阮倪黎駱郝苗秦柳鮑龍饒熊邢祁譚閻關勞甘古樊屈容"
)
#: Surnames that are more often an ordinary word (區 "district", 方 "side", 高 "tall", 石
#: "stone", 江 "river", 萬 "ten thousand" …): a surname before a title (區 先生), but never
#: joined to a given name by the conventions.
WORD_SURNAMES = frozenset("區方梅江溫甄石萬董衛鄒錢顏高龐")
#: The Simplified forms of the surnames above that differ from the Traditional ones.
_SIMPLIFIED = frozenset(
    "万严关冯刘劳区卢卫叶吴孙庞张杨欧汤温简罗聂苏萧蒋蓝许谢谭贾赖赵邓邝邬邹郑钟钱阎陆陈韩颜饶马骆鲍麦黄龙龚"
)
#: Every surname, in either script: one of them before a title or form of address is a surname
#: (陳 先生 "Mr Chan"), not the word CC-CEDICT lists first (陳 "to lay out", 李 "plum").
_ANY_SURNAME = SURNAMES | WORD_SURNAMES | _SIMPLIFIED
#: Forms of address that follow a surname (the same in both scripts).
ADDRESS_FORMS = frozenset(["先生", "小姐", "太太", "女士", "夫人", "姑娘", "伯伯", "婆婆"])
#: Titles that follow a surname (Traditional and Simplified).
PERSON_TITLES = frozenset(
    (  # noqa: SIM905 (a list of words reads better as one string)
        "教授 博士 醫生 医生 老師 老师 校長 校长 主席 議員 议员 局長 局长 司長 司长 部長 部长 "
        "署長 署长 處長 处长 法官 經理 经理 主任 律師 律师 警司 督察 神父 牧師 牧师 同學 同学"
    ).split()
)
#: Titles and forms of address that follow a surname.
_TITLES = ADDRESS_FORMS | PERSON_TITLES
#: One-character Cantonese titles written after a surname as one word (黃太 "Mrs Wong").
_ONE_WORD_TITLES = {"太": "Mrs", "生": "Mr", "伯": "Uncle (an older man)", "叔": "Uncle",
                    "婆": "Granny (an older woman)", "嬸": "Auntie", "姨": "Auntie"}  # fmt: skip


def is_surname(word: str) -> bool:
    """Whether ``word`` is one of the common Hong Kong surnames (either script)."""
    return word in _ANY_SURNAME


def surname_gloss(word: str, simplified: str, following: str) -> str | None:
    """CC-CEDICT's surname sense of a common surname standing before a title (陳 先生 "Mr
    Chan": "surname Chen"), or of a surname and its Cantonese title in one word (黃太 "Mrs
    (surname Huang)"); ``None`` elsewhere.

    Examples:
        >>> surname_gloss("陳", "陈", "先生")
        'surname Chen'
        >>> surname_gloss("陳", "陈", "列") is None
        True
    """
    if word not in _ANY_SURNAME and (len(word) != 2 or word[1] not in _ONE_WORD_TITLES):
        return None  # most words: no surname, and no import to run
    from duizhao.resources.lexicon import cedict

    if len(word) == 2 and word[1] in _ONE_WORD_TITLES:  # 黃太 "Mrs Wong": one word
        if cedict().lookup(simplified) or cedict().lookup(word):
            return None  # a word of its own: 衛生 "hygiene", 余生 "the rest of one's life"
        surname = surname_gloss(word[0], simplified[0], "先生")
        return f"{_ONE_WORD_TITLES[word[1]]} ({surname})" if surname else None
    if word not in _ANY_SURNAME or following not in _TITLES:
        return None

    for e in cedict().lookup(word) or cedict().lookup(simplified) or ():
        for g in e.glosses:
            if g.startswith("surname "):
                return g
    return None
