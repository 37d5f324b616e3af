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

from duizhao.text.script import is_han

from .names import ADDRESS_FORMS, PERSON_TITLES

__all__ = [
    "SURNAME_CHARS",
    "SURNAME_JYUTPING",
    "SURNAME_READINGS",
    "repeated_names",
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

# Forms of address and titles after a surname are :mod:`.names`' ADDRESS_FORMS and
# PERSON_TITLES (both scripts; the words looked up here are Simplified): any surname before a
# form of address is a name; a title not after 任 "to serve as" (任 主席), nor 议员 after 区.
#: Verbs of saying after a name (Simplified; :mod:`.conventions` has the Traditional list).
_SAYING = frozenset(
    (  # noqa: SIM905 (a list of words reads better as one string)
        "说 表示 指出 认为 强调 称 透露 承认 坦言 回应 补充 重申 宣布 证实 直言 形容 "
        # round 20: 指 "to say" of the Hong Kong press (区诺轩 指 …) and verbs of speech acts
        "指 直指 批评 质疑 解释 建议 呼吁 预料 预计 相信 估计 明言 声称 宣称 坦承 澄清 否认 "
        "反驳 说道 笑言 问道 答道"
    ).split()
)
#: Last characters of titles before a name (主席 单仲偕, 局长 …; :mod:`.conventions`' list
#: without 员 and 事, which end 团员 "member" and 故事 "story": 团员 查路条 is no name).
_TITLE_ENDS = frozenset("长记席理官任师授监裁督使")
#: Surnames that begin many names of firms no dictionary lists (华邦电, 华X 电子): a name only
#: before a title (华 先生).
_TITLE_ONLY = frozenset("华")
#: One-character Cantonese titles written with the surname as one word (单太 "Mrs Sin").
_ONE_CHAR_TITLES = frozenset("生太伯婆")
#: What a given name cut by the segmenter is not made of (任 内, 区 一 …): numerals, pronouns,
#: places of a position, coordinators (round 20).
_NO_GIVEN = frozenset("一二三四五六七八九十百千万亿两零内外上下中前后他她它我你们及和与同或")
#: Words that may stand between a name and its verb of saying (区X 昨日 表示, 单X 亦 指出).
_BETWEEN = frozenset(
    "昨日 今日 昨天 今天 日前 早前 近日 昨 今 亦 也 则 又 就 更 再 随即 其后 当时".split()  # noqa: SIM905
)
#: What joins the names of a list (查良镛 、 单仲偕; 单仲偕 与 区X).
_LIST_MARKS = frozenset("、 及 和 与 以及 同".split())  # noqa: SIM905
#: A colon after a name opens the words quoted (任志刚 ： …).
_COLONS = frozenset("：:")
#: Characters after a surname that make the word something else than a name (解 决 …).
_NOT_GIVEN = frozenset("经於于在是有为被把将对向从到也都就又还再已会要能可该这那的了着过之")


def _unlisted(word: str) -> bool:
    """Whether no dictionary (the phrase data, CC-CEDICT) lists ``word`` (Simplified)."""
    from duizhao.resources.lexicon import cedict

    from .pinyin import phrase_reading

    return phrase_reading(word) is None and not cedict().lookup(word)


def _name(word: str) -> bool:
    """Whether a word of three characters beginning with a surname may be a name: no dictionary
    lists it or its first two characters, and its second character is no function character or
    numeral, nor a verb unless its last two characters are no word either (区诺轩, 任志刚, 林建明
    are names; 区议员 "district councillor" is not: 议员 is a word; round 19 ruled out any verb
    there)."""
    from .wei import is_verb

    return (
        word[1] not in _NOT_GIVEN
        and word[1] not in _NO_GIVEN
        and _unlisted(word)
        and _unlisted(word[:2])  # 单程证 "one-way permit": 单程 is a word
        and (not is_verb(word[1]) or _unlisted(word[1:]))
    )


def _after(simplified: str, words: Sequence[tuple[int, int]], n: int) -> str:
    """The word right after word ``n`` (``""``: none, or not adjacent)."""
    if n + 1 < len(words) and words[n + 1][0] == words[n][1]:
        return simplified[words[n + 1][0] : words[n + 1][1]]
    return ""


def _before(simplified: str, words: Sequence[tuple[int, int]], n: int) -> str:
    """The word right before word ``n`` (``""``: none, or not adjacent)."""
    if n > 0 and words[n - 1][1] == words[n][0]:
        return simplified[words[n - 1][0] : words[n - 1][1]]
    return ""


def _named_before(word: str) -> bool:
    """Whether ``word`` is a title that a name follows (主席 单仲偕, 局长 单仲偕, 议员 区X)."""
    return bool(word) and (word in PERSON_TITLES or word[-1] in _TITLE_ENDS)


def _namelike(simplified: str, words: Sequence[tuple[int, int]], first: int, last: int) -> bool:
    """Whether words ``first`` to ``last`` (adjacent) look like a person's name, a list's other
    item (查良镛 of 查良镛 、 单仲偕; 任 志 刚 of 区诺 轩 及 任 志 刚): two or three characters, the
    first a common surname, the rest no function character or numeral, in no dictionary."""
    from .names import is_surname

    if first < 0 or last >= len(words) or first > last:
        return False
    if any(words[k][1] != words[k + 1][0] for k in range(first, last)):
        return False
    name = simplified[words[first][0] : words[last][1]]
    return (
        2 <= len(name) <= 3
        and (name[0] in SURNAME_CHARS or is_surname(name[0]))
        and all(is_han(ch) and ch not in _NOT_GIVEN and ch not in _NO_GIVEN for ch in name[1:])
        and _unlisted(name)
    )


def _in_names_place(simplified: str, words: Sequence[tuple[int, int]], n: int, m: int) -> bool:
    """Whether the name of words ``n`` to ``m`` stands where a name does: before a title or a
    verb of saying (单仲偕 表示, 解缙 教授; an adverb or a time between: 区X 昨日 表示) or a colon
    that opens the words quoted, after a title (主席 单仲偕), or in a list of names (查良镛 、
    单仲偕; 单仲偕 与 区X; round 20)."""
    after = _after(simplified, words, m)
    if after in _BETWEEN:
        after = _after(simplified, words, m + 1)
    if after in ADDRESS_FORMS or after in PERSON_TITLES or after in _SAYING or after in _COLONS:
        return True
    before = _before(simplified, words, n)
    if _named_before(before):
        return True
    if _after(simplified, words, m) in _LIST_MARKS and any(
        _namelike(simplified, words, m + 2, m + 1 + k) for k in (1, 2, 3)
    ):
        return True
    return before in _LIST_MARKS and any(
        _namelike(simplified, words, n - 1 - k, n - 2) for k in (1, 2, 3)
    )


def _given(simplified: str, words: Sequence[tuple[int, int]], n: int, size: int) -> int | None:
    """The last word of a given name of ``size`` characters right after word ``n``, where the
    segmenter cut it (任 志 刚, 任 志刚, 区诺 轩): single characters, or one word of two that no
    dictionary lists, none of them a function character, a numeral or a pronoun; ``None``:
    there is none."""
    got, m = 0, n
    while got < size:
        word = _after(simplified, words, m)
        if not word or got + len(word) > size or not all(is_han(ch) for ch in word):
            return None
        if any(ch in _NOT_GIVEN or ch in _NO_GIVEN for ch in word):
            return None
        if len(word) > 1 and not _unlisted(word):
            return None
        got += len(word)
        m += 1
    return m


def _name_at(simplified: str, words: Sequence[tuple[int, int]], n: int) -> bool:
    """Whether word ``n``, which begins with a surname of the table, begins a person's name."""
    a, b = words[n]
    ch = simplified[a]
    word = simplified[a:b]
    if b - a == 1:
        after = _after(simplified, words, n)
        if after in ADDRESS_FORMS or (
            after in PERSON_TITLES and ch != "任" and not (ch == "区" and after == "议员")
        ):
            return True
        if ch in _TITLE_ONLY:
            return False
        m = _given(simplified, words, n, 2)  # 任 志 刚 说 (round 20)
        return m is not None and _in_names_place(simplified, words, n, m)
    if ch in _TITLE_ONLY:
        return False
    if b - a == 2:  # 单太 "Mrs Sin"; 解缙 教授: a name in a name's place
        if not _unlisted(word):
            return False
        if word[1] in _ONE_CHAR_TITLES or _in_names_place(simplified, words, n, n):
            return True
        m = _given(simplified, words, n, 1)  # 区诺 轩 说 (round 20)
        return (
            m is not None
            and word[1] not in _NOT_GIVEN
            and word[1] not in _NO_GIVEN
            and _in_names_place(simplified, words, n, m)
        )
    # 单仲偕 表示, 主席 单仲偕 (not 解X州 围)
    return b - a == 3 and _name(word) and _in_names_place(simplified, words, n, n)


def _after_title(simplified: str, words: Sequence[tuple[int, int]], n: int) -> int | None:
    """The offset of a surname the segmenter fused to the title before it, where a given name
    of two characters follows (议员区 诺轩: 立法会议员区诺轩; round 20); ``None``: none."""
    a, b = words[n]
    if b - a < 3 or simplified[b - 1] not in SURNAME_READINGS or simplified[b - 1] in _TITLE_ONLY:
        return None
    if not _named_before(simplified[a : b - 1]) or _given(simplified, words, n, 2) is None:
        return None
    return b - 1


def surname_pinyin(
    simplified: str,
    words: Sequence[tuple[int, int]],
    readings: list[str | None],
    unsure: list[bool] | None = None,
    names: set[str] | None = None,
) -> list[int]:
    """Give a polyphonic surname its surname reading where its word is a name (in place; see
    the module); the offsets of the surnames read so. ``words`` are the annotator's final words
    (an unknown name of single characters joined: 单仲偕); a reading the rule sets is no longer
    ``unsure``. ``names``: the words found to be names of two or three characters are added to
    it (for :func:`repeated_names`)."""
    named_at: list[int] = []
    if SURNAME_CHARS.isdisjoint(simplified):
        return named_at
    for n, (a, b) in enumerate(words):
        k: int | None = None
        if simplified[a] in SURNAME_READINGS and _name_at(simplified, words, n):
            k = a
            if names is not None and 2 <= b - a <= 3:
                names.add(simplified[a:b])
        elif b - a >= 3:
            k = _after_title(simplified, words, n)
        if k is None or readings[k] is None:
            continue
        readings[k] = SURNAME_READINGS[simplified[k]]
        named_at.append(k)
        if unsure is not None:
            unsure[k] = False
    return named_at


def repeated_names(
    simplified: str,
    words: Sequence[tuple[int, int]],
    readings: list[str | None],
    unsure: list[bool] | None,
    names: set[str],
    named_at: list[int],
) -> None:
    """A name :func:`surname_pinyin` found somewhere in the article is a name wherever it
    recurs as a word (记者 问 任志刚 ， 任志刚 说: the first one has no title or verb of saying
    beside it; round 20): its surname reading is set there too and its offset added to
    ``named_at`` (in place)."""
    for a, b in words:
        if b - a < 2 or a in named_at or simplified[a:b] not in names or readings[a] is None:
            continue
        readings[a] = SURNAME_READINGS[simplified[a]]
        named_at.append(a)
        if unsure is not None:
            unsure[a] = False


def surname_jyutping(text: str, named_at: Sequence[int], jyutping: list[str | None]) -> None:
    """The Jyutping of the surnames :func:`surname_pinyin` read (in place): 單仲偕 *sin6*, 區
    女士 *au1* (ToJyutping: *daan1* "single", *keoi1* "district"); only there, so that a character
    read *huà* or *rén* elsewhere keeps ToJyutping's reading."""
    for k in named_at:
        found = SURNAME_JYUTPING.get(text[k])
        if found is not None and jyutping[k] is not None:
            jyutping[k] = found
