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

__all__ = ["is_surname", "surname_gloss"]


#: Common Hong Kong surnames (written from general knowledge; Traditional and Simplified): one
#: of them standing before a title or form of address is a surname (陳 先生 "Mr Chan"), not the
#: word CC-CEDICT lists first (陳 "to lay out", 李 "plum", 黃 "yellow").
_SURNAMES = frozenset(
    "陈陳李张張黄黃何林梁吴吳刘劉蔡郑鄭杨楊王谢謝郭曾罗羅周叶葉邓鄧冯馮萧蕭麦麥许許卢盧谭譚袁潘彭"
    "余苏蘇朱胡钟鍾莫江邝鄺区區姚方杜邹鄒汤湯孔韩韓唐马馬陆陸高岑程庞龐傅石董侯徐范邱廖崔赖賴"
    "严嚴关關施龙龍雷冼洪戴黎伍阮温溫柯魏万萬赵趙孙孫容钱錢翁甘颜顏凌梅卓劳勞卫衛宋丁尹简簡游甄欧歐"
)
#: Titles and forms of address that follow a surname (Traditional and Simplified).
_TITLES = frozenset(
    (  # noqa: SIM905 (a list of words reads better as one string)
        "先生 小姐 太太 女士 夫人 教授 博士 醫生 医生 老師 老师 校長 校长 主席 議員 议员 局長 局长 "
        "司長 司长 部長 部长 署長 署长 處長 处长 法官 經理 经理 主任 姑娘 伯伯 婆婆 律師 律师 "
        "警司 督察 神父 牧師 牧师 同學 同学"
    ).split()
)
#: One-character Cantonese titles written after a surname as one word (黃太 "Mrs Wong").
_ONE_WORD_TITLES = {"太": "Mrs", "生": "Mr", "伯": "Uncle (an older man)", "叔": "Uncle",
                    "婆": "Granny (an older woman)", "嬸": "Auntie", "姨": "Auntie"}  # fmt: skip


def is_surname(word: str) -> bool:
    """Whether ``word`` is one of the common Hong Kong surnames (either script)."""
    return word in _SURNAMES


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
    if word not in _SURNAMES and (len(word) != 2 or word[1] not in _ONE_WORD_TITLES):
        return None  # most words: no surname, and no import to run
    from duizhao.resources.lexicon import cedict

    if len(word) == 2 and word[1] in _ONE_WORD_TITLES:  # 黃太 "Mrs Wong": one word
        if cedict().lookup(simplified) or cedict().lookup(word):
            return None  # a word of its own: 衛生 "hygiene", 余生 "the rest of one's life"
        surname = surname_gloss(word[0], simplified[0], "先生")
        return f"{_ONE_WORD_TITLES[word[1]]} ({surname})" if surname else None
    if word not in _SURNAMES or following not in _TITLES:
        return None

    for e in cedict().lookup(word) or cedict().lookup(simplified) or ():
        for g in e.glosses:
            if g.startswith("surname "):
                return g
    return None
