"""A polyphonic surname's surname reading where its word is a person's name (issue 15, round 19).

A character that is a surname and an ordinary word reads differently in the two (单 *dān*
"single", the surname *Shàn*; 区 *qū* "district", *Ōu*; 解 *jiě* "to untie", *Xiè*); the
phrase data and the polyphone model read the ordinary word, and a wrong surname on a handout is
seen at once (单仲偕 *dān*, 查良镛 *chá*, 解 教授 *jiě*). The rule of :mod:`.adverbs` for 曾
(round 13) is the model:

* a surname of :data:`SURNAME_READINGS` standing alone before a form of address or a title
  (单 先生, 区 女士, 解 教授, 查 议员) takes its surname reading; a job title after 任 "to serve
  as" (任 主席) and 议员 after 区 (本区 议员 "the district's councillors") do not make a name;
* so does one beginning a word of three characters that no dictionary lists, whose first two
  characters are no word (单程证) and whose second character is no verb or function character
  (单仲偕, 查良镛: a surname and a given name of two characters, as the segmenter joins them),
  or of two characters that no dictionary lists (解缙), where the word stands in a name's place:
  before a title or a verb of saying, or after a title (单仲偕 表示, 查良镛 先生, 主席 单仲偕;
  not 解X州 围 "lifted the siege of X-zhou" where the segmenter joins 解 to a place); and one with a
  one-character Cantonese title in one word that no dictionary lists (单太 "Mrs Sin"). 华 is a
  name only before a title: it begins the names of many firms (华邦电 "Winbond").

The readings are CC-CEDICT's "surname X" senses (2023-11; 现代汉语词典 gives the same readings
for these surnames), one per character; 乐 (CC-CEDICT: *Lè* and *Yuè*) and 覃 (*Qín* and *Tán*)
take the reading a Hong Kong teacher gives (*Yuè*, *Qín*). The Jyutping to match (单 *sin6*, 区
*au1*, 解 *haai6*) is set where the rule read the surname (:func:`surname_jyutping`), from the
same table.

Examples:
    >>> readings = ["dān", "zhòng", "xié", "biǎo", "shì"]
    >>> surname_pinyin("单仲偕表示", [(0, 3), (3, 5)], readings)  # the offsets read so
    [0]
    >>> readings[0]
    'shàn'
    >>> readings = ["dān", "wèi"]
    >>> surname_pinyin("单位", [(0, 2)], readings)  # "unit": a word of its own
    []
    >>> readings[0]
    'dān'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "SURNAME_CHARS",
    "SURNAME_JYUTPING",
    "SURNAME_READINGS",
    "surname_jyutping",
    "surname_pinyin",
]

#: Traditional, Simplified, the surname's pinyin (CC-CEDICT's "surname X" sense) and its
#: Jyutping where ToJyutping's reading of the character is another word's (``""``: keep it).
_TABLE = (
    ("單", "单", "shàn", "sin6"),  # dān "single"
    ("區", "区", "ōu", "au1"),  # qū "district"
    ("查", "查", "zhā", ""),  # chá "to check"; Cantonese caa4 for both
    ("解", "解", "xiè", "haai6"),  # jiě "to untie"
    ("仇", "仇", "qiú", ""),  # chóu "hatred"; Cantonese sau4 for both
    ("繆", "缪", "miào", ""),  # móu, miù
    ("蓋", "盖", "gě", ""),  # gài "lid"
    ("朴", "朴", "piáo", ""),  # pǔ "plain"
    ("種", "种", "chóng", ""),  # zhǒng "kind"
    ("覃", "覃", "qín", ""),  # tán
    ("召", "召", "shào", "siu6"),  # zhào "to summon"
    ("華", "华", "huà", "waa6"),  # huá "China; splendid"
    ("任", "任", "rén", "jam4"),  # rèn "to serve as"
    ("紀", "纪", "jǐ", ""),  # jì "record"
)
#: Simplified character → the surname's pinyin.
SURNAME_READINGS = {simp: py for _, simp, py, _ in _TABLE}
#: The surnames' characters (Simplified): a text without one has no name to read.
SURNAME_CHARS = frozenset(SURNAME_READINGS)
#: Character (either script) → the surname's Jyutping, where ToJyutping reads another word.
SURNAME_JYUTPING = {ch: jp for trad, simp, _, jp in _TABLE if jp for ch in (trad, simp)}

#: Forms of address after a surname (Simplified): any surname before one is a name.
_ADDRESS = frozenset(["先生", "小姐", "太太", "女士", "夫人", "姑娘", "伯伯", "婆婆"])
#: Titles after a surname (Simplified); not after 任 "to serve as" (任 主席), nor 议员 after 区.
_TITLES = frozenset(
    (  # noqa: SIM905 (a list of words reads better as one string)
        "教授 博士 医生 老师 校长 主席 议员 局长 司长 部长 署长 处长 法官 经理 主任 律师 "
        "警司 督察 神父 牧师 同学"
    ).split()
)
#: Verbs of saying after a name (Simplified; :mod:`.conventions` has the Traditional list).
_SAYING = frozenset(
    "说 表示 指出 认为 强调 称 透露 承认 坦言 回应 补充 重申 宣布 证实 直言 形容".split()  # noqa: SIM905
)
#: Last characters of titles before a name (主席 单仲偕, 局长 …; :mod:`.conventions`' list
#: without 员 and 事, which end 团员 "member" and 故事 "story": 团员 查路条 is no name).
_TITLE_ENDS = frozenset("长记席理官任师授监裁督使")
#: Surnames that begin many names of firms no dictionary lists (华邦电, 华X 电子): a name only
#: before a title (华 先生).
_TITLE_ONLY = frozenset("华")
#: One-character Cantonese titles written with the surname as one word (单太 "Mrs Sin").
_ONE_CHAR_TITLES = frozenset("生太伯婆")
#: Characters after a surname that make the word something else than a name (解 决 …).
_NOT_GIVEN = frozenset("经於于在是有为被把将对向从到也都就又还再已会要能可该这那的了着过之")


def _unlisted(word: str) -> bool:
    """Whether no dictionary (the phrase data, CC-CEDICT) lists ``word`` (Simplified)."""
    from duizhao.resources.lexicon import cedict

    from .pinyin import phrase_reading

    return phrase_reading(word) is None and not cedict().lookup(word)


def _name(word: str) -> bool:
    """Whether a word of three characters beginning with a surname is a name: no dictionary
    lists it and its second character is no verb or function character."""
    from .wei import is_verb

    return (
        word[1] not in _NOT_GIVEN
        and not is_verb(word[1])
        and _unlisted(word)
        and _unlisted(word[:2])  # 单程证 "one-way permit": 单程 is a word
    )


def _after(simplified: str, words: Sequence[tuple[int, int]], n: int) -> str:
    """The word right after word ``n`` (``""``: none, or not adjacent)."""
    if n + 1 < len(words) and words[n + 1][0] == words[n][1]:
        return simplified[words[n + 1][0] : words[n + 1][1]]
    return ""


def _in_names_place(simplified: str, words: Sequence[tuple[int, int]], n: int) -> bool:
    """Whether word ``n`` stands where a name does: before a title or a verb of saying (单仲偕
    表示, 解缙 教授), or after a title (主席 单仲偕)."""
    after = _after(simplified, words, n)
    if after in _ADDRESS or after in _TITLES or after in _SAYING:
        return True
    a = words[n][0]
    if n == 0 or words[n - 1][1] != a:
        return False
    before = simplified[words[n - 1][0] : a]
    return before in _TITLES or before[-1] in _TITLE_ENDS  # 议员 单仲偕, 局长 单仲偕


def surname_pinyin(
    simplified: str,
    words: Sequence[tuple[int, int]],
    readings: list[str | None],
    unsure: list[bool] | None = None,
) -> list[int]:
    """Give a polyphonic surname its surname reading where its word is a name (in place; see
    the module); the offsets of the surnames read so. ``words`` are the annotator's final words
    (an unknown name of single characters joined: 单仲偕); a reading the rule sets is no longer
    ``unsure``."""
    named_at: list[int] = []
    if SURNAME_CHARS.isdisjoint(simplified):
        return named_at
    for n, (a, b) in enumerate(words):
        ch = simplified[a]
        surname = SURNAME_READINGS.get(ch)
        if surname is None or readings[a] is None:
            continue
        word = simplified[a:b]
        if b - a == 1:
            after = _after(simplified, words, n)
            named = after in _ADDRESS or (
                after in _TITLES and ch != "任" and not (ch == "区" and after == "议员")
            )
        elif ch in _TITLE_ONLY:
            named = False
        elif b - a == 2:  # 单太 "Mrs Sin"; 解缙 教授: a name in a name's place
            named = _unlisted(word) and (
                word[1] in _ONE_CHAR_TITLES or _in_names_place(simplified, words, n)
            )
        else:  # 单仲偕 表示, 主席 单仲偕 (not 解X州 围)
            named = b - a == 3 and _name(word) and _in_names_place(simplified, words, n)
        if named:
            readings[a] = surname
            named_at.append(a)
            if unsure is not None:
                unsure[a] = False
    return named_at


def surname_jyutping(text: str, named_at: Sequence[int], jyutping: list[str | None]) -> None:
    """The Jyutping of the surnames :func:`surname_pinyin` read (in place): 單仲偕 *sin6*, 區
    女士 *au1* (ToJyutping: *daan1* "single", *keoi1* "district"); only there, so that a character
    read *huà* or *rén* elsewhere keeps ToJyutping's reading."""
    for k in named_at:
        found = SURNAME_JYUTPING.get(text[k])
        if found is not None and jyutping[k] is not None:
            jyutping[k] = found
