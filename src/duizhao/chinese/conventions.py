"""Hong Kong word conventions applied after the dictionary segmenter.

The dictionary segmenter (:class:`~duizhao.chinese.segment.JiebaSegmenter`) knows the words of
its dictionaries; Hong Kong newspaper prose is full of words no dictionary lists — personal names
(陳偉明), transliterated foreign names (碧咸 Beckham), words formed with a productive suffix
(露宿者 "rough sleeper", 民主派 "the democrats", 引導性 "leading") — and of numbers written the
Hong Kong way (幾十萬 "several hundred thousand", 四分之一 "a quarter"). :func:`apply_conventions`
rejoins the single characters the dictionary left behind where one of these patterns says they
are one word. The conventions follow the City University of Hong Kong word standard (as in the
SIGHAN 2005 CityU corpus) where it and the Taiwan standard of the dictionary differ.

Every rule only joins whole tokens or cuts a dictionary word into its characters or words (萬/億
off the word after a number: 幾十 萬人 → 幾十萬 人; 每/各 off the word they begin: 每日 → 每 日;
the Hong Kong cuts: 不 能, 一 對, 第一 屆), so the words always join back into the text.

The tables used here were written by hand from general knowledge of Chinese: the common
surnames of Hong Kong, the characters of foreign-name transliteration (taken from CC-CEDICT's own
name entries, see :func:`transliteration_chars`), productive suffixes and bound nouns, titles,
measure words and units.

The module is longer than 500 lines on purpose: it is one cohesive thing, the word standard's
conventions, each a small table and a few lines that read it, applied in one pass; split up, the
tables and the pass that orders them would sit in different files.

Examples:
    >>> apply_conventions(["局長", "陳", "偉", "明", "指出"])  # "Secretary Chan Wai-ming said"
    ['局長', '陳偉明', '指出']
    >>> apply_conventions(["陳", "偉明", "指出"], rare=lambda w: w == "偉明")
    ['陳偉明', '指出']
    >>> apply_conventions(["露宿", "者", "近", "四", "分", "之一"])  # "nearly a quarter of …"
    ['露宿者', '近', '四分之一']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from functools import cache

from .names import SURNAMES

__all__ = ["MONTH_PARTS", "SUFFIXES", "SURNAMES", "apply_conventions", "transliteration_chars"]

#: Two-character surnames.
DOUBLE_SURNAMES = frozenset(["歐陽", "司徒", "上官", "諸葛", "司馬", "公孫", "端木", "夏侯"])

#: Characters that are rarely part of a personal name where they follow a surname: function
#: words and verbs of reporting (陳 說 "Chan said", 李 在 "Lee at").
_NOT_IN_NAMES = frozenset(
    "的了在是和與及或等說稱指問答被把將對向從到也都就又還才再已曾會要能可該這那其之而但並"
    "亦即如若為因所以於上下中內外前後時年月日個位名人們先生太女士伯叔姨婆公父母兄弟姐妹仔"
    "氏家表示認為今昨去來次首一二三四五六七八九十百千萬億兩幾每各某全半多少大小新舊不"
    "沒未非無有乃以於則便卻仍更最很太甚極頗只僅單另共同一"
)

#: Everyday verbs of action (看 "look", 賣 "sell", 站 "stand"): after a surname and one
#: character they are the verb of the clause, seldom the end of a given name (黃 明 賣 "Wong
#: Ming sells" is not a three-character name).
_ACTION_VERBS = frozenset(
    "看賣買站轉走跑吃喝食飲拿送寫讀聽叫請找做用坐住帶收放推拉搬洗煮燒砍殺偷搶罵怕睇"
)

#: One-character Cantonese titles of address written after a surname (陳太 "Mrs Chan", 李生
#: "Mr Lee", 何伯 "old Mr Ho"): one word with it in the Hong Kong (CityU) standard.
_CANTONESE_TITLES = frozenset("太生伯嬸姨叔婆")

# Verbs of saying after a name (李剛 表示 "Li Gang said") and last characters of titles before one
# (書記 劉淇 "Secretary Liu Qi").
_SAYING = frozenset(
    ["說", "表示", "指出", "認為", "強調", "稱", "透露", "承認", "坦言", "解釋", "回應", "補充",
     "相信", "估計", "建議", "要求", "批評", "質疑", "希望", "擔心", "重申", "宣布", "證實",
     # and those of the courts and of comment in the Hong Kong press (何 X 作供 "Ho X testified")
     "作供", "供稱", "直言", "形容", "聲稱", "指稱", "反駁", "否認", "警告", "呼籲", "促請",
     "表明", "澄清", "提到", "談到"]
)  # fmt: skip
_TITLE_ENDS = frozenset("長記席理員官任師授監裁事督使")

#: Productive suffixes that make a new word from the word before them (露宿者, 民主派, 引導性).
#: (化 "-ize" and 制 "system" were measured neutral and leave words without a gloss or an HSK
#: level: 恆常化 would hide 恆常 "regular" from the vocabulary list.)
SUFFIXES = frozenset("者派性")

#: Bound nouns that end a compound noun after a word of two characters or more (防治 法 "the
#: prevention act", 港資 廠 "a Hong Kong-owned factory", 導彈 旅 "a missile brigade", 收費 表
#: "a table of charges"): one word in both the Hong Kong and the Taiwan standards. Written from
#: the list of Chinese noun-forming "quasi-suffixes" (類詞綴); measure words that are also nouns
#: join only after a word that is not a number (三十 度 stays two words). Each was kept only
#: where the tuning halves of both dev sets did not lose by it (證 "certificate", 型 "type",
#: 化 and 制 are left out: 化/制 hide the gloss of the stem, see above).
BOUND_SUFFIXES = frozenset("網股署式級廠旅隊員界率族店館法品業區場度表")

#: Suffixes of place names (通州街 Tung Chau Street, 東勢鎮 Dongshi town).
PLACE_SUFFIXES = frozenset("縣鎮鄉村邨街道島市")

# Numeral characters: a run of tokens made only of these is one number (幾十萬, 四五百, 七一).
_NUMERAL = "一二三四五六七八九十百千萬億兩幾數廿卅零〇○"
_NUMERAL_TOKEN_RE = re.compile(f"[{_NUMERAL}]+")
_ANY_NUMERAL_RE = re.compile(f"[{_NUMERAL}]")
# Fractions and "one of": 四分之一, 三成半 stays as the dictionary cuts it.
# Also the fixed expression 數以萬計 "by the tens of thousands" (數以百計, 數以十萬計): one word
# in both standards, as the dictionary has 數以萬計 alone.
_FRACTION_RE = re.compile(f"[{_NUMERAL}]+分之[{_NUMERAL}]+|[數数]以[十百千萬億万亿]+[計计]")
# Numbers that do not join: 一 before a classifier is its own word, and so is a lone 數/幾
# ("several") unless another numeral follows.
_LONE = frozenset("數幾")
_MULTIPLIERS = frozenset("萬億万亿")


@cache
def transliteration_chars() -> frozenset[str]:
    """Characters typical of transliterated foreign names (斯 爾 拉 克 …).

    Taken from CC-CEDICT: the characters of its foreign-name entries (a proper noun whose
    English starts with a Latin name and says ``(name)``, a nationality or a foreign place),
    kept when at least a third of a character's uses in the dictionary's words are in such
    names. A read-only set computed once (and kept in the user cache directory: it takes a
    pass over the whole dictionary).
    """
    from duizhao.resources import diskcache
    from duizhao.resources.lexicon import cedict_path

    key = diskcache.source_key("transliteration", 1, cedict_path())
    return frozenset(diskcache.load_or_build("transliteration", key, _transliteration_chars))


def _transliteration_chars() -> str:
    from collections import Counter

    from duizhao.resources.lexicon import cedict

    in_names: Counter[str] = Counter()
    overall: Counter[str] = Counter()
    foreign = re.compile(
        r"^[A-Z][a-z]+.*(\(name\)|\b(?:English|French|German|Russian|American|British|Italian"
        r"|Spanish|Greek|Roman|Dutch|Polish|Portuguese|Swedish|Norwegian|Danish|Hungarian|Czech"
        r"|Brazilian|Argentine|Mexican|Canadian|Australian|Austrian|Swiss|Belgian|Irish|Scottish"
        r"|Finnish|US|UK)\b)"
    )
    for e in cedict().entries():
        word = e.traditional
        if len(word) < 2:
            continue
        for ch in set(word):
            overall[ch] += 1
        if e.pinyin[:1].isupper() and e.glosses and foreign.match(e.glosses[0]):
            for ch in set(word):
                in_names[ch] += 1
    return "".join(sorted(ch for ch, n in in_names.items() if n >= 5 and n >= overall[ch] * 0.15))


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


#: What may follow a month written in digits within its word (the annotator's date pattern, on
#: the Simplified text): 6月份, 4月初, 3月中 "mid-March", 5月底; 中/初 are left to the next word
#: when they begin one (3月 中旬 "the middle ten days of March", 3月 中國, 5月 初步).
MONTH_PARTS = (
    "份|初(?![步期次级中选赛稿])|中(?![旬国央学文心华环东西区医港资方共期间产午途部小大])|底|尾"
)

_MONTH_NUMBERS = frozenset(
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
)


def _numbers(words: Sequence[str], i: int) -> int:
    w = words[i]
    if w[0] not in _NUMERAL and w != "上":
        return i
    if w == "上" and i + 1 < len(words) and words[i + 1] in ("百", "千", "萬"):
        return i + 2  # 上百 名 "hundreds of", 上千, 上萬 (both standards)
    # the name of a month, like 3月 and 6月份: 一月, 十一月份 (both standards)
    if w in _MONTH_NUMBERS and i + 1 < len(words) and words[i + 1] == "月":
        return i + 3 if i + 2 < len(words) and words[i + 2] == "份" else i + 2
    if w[-1] == "月" and w[:-1] in _MONTH_NUMBERS and i + 1 < len(words) and words[i + 1] == "份":
        return i + 2
    # a day of the month after its month: 一月 一日 (十九日 is already one word)
    if (
        i > 0
        and words[i - 1][-1:] == "月"
        and i + 1 < len(words)
        and words[i + 1] in ("日", "號")
        and _NUMERAL_TOKEN_RE.fullmatch(w)
    ):
        return i + 2
    if not _NUMERAL_TOKEN_RE.fullmatch(w):
        return i
    j = i + 1
    while j < len(words) and _NUMERAL_TOKEN_RE.fullmatch(words[j]):
        j += 1
    if j - i == 1 or (words[i] in _LONE and j - i == 1):
        return i
    return j


def _name(words: Sequence[str], i: int, rare: Callable[[str], bool]) -> int:
    w = words[i]
    if (
        len(w) == 2
        and w[0] in SURNAMES
        and i + 1 < len(words)
        and len(words[i + 1]) == 1
        and words[i + 1] not in _NOT_IN_NAMES
        and w[1] not in _NOT_IN_NAMES
        and words[i + 1] not in "你我他她它您"
        and rare(w)
        and (
            i + 2 == len(words)  # before punctuation
            or words[i + 2] in _SAYING
            or words[i + 2][-1] in _TITLE_ENDS  # 杜希文 隊長
            or (i > 0 and words[i - 1][-1] in _TITLE_ENDS)  # 副理 翁振益
        )
    ):
        # a surname and a given name cut as a rare word and a character (陳慶 浩 表示)
        return i + 2
    if not ((len(w) == 1 and w in SURNAMES) or w in DOUBLE_SURNAMES):
        return i
    rest = words[i + 1 : i + 3]
    if (
        rest
        and rest[0] in _CANTONESE_TITLES
        and len(w) == 1
        and not (rest[0] == "生" and rest[1:] in (["於"], ["于"]))  # 梁 生 於 "Leung was born in"
    ):
        return i + 2  # 林太 "Mrs Lam", 李伯 "old Mr Lee": one word (CityU), like 陳太
    if not rest or rest[0][0] in _NOT_IN_NAMES:
        return i
    # a two-character name: after a title (書記 劉淇) or before a verb of saying (李剛 表示)
    if (
        len(rest[0]) == 1
        and (len(rest) == 1 or rest[1] in _SAYING or (i > 0 and words[i - 1][-1] in _TITLE_ENDS))
        and (len(rest) == 1 or len(rest[1]) > 1 or rest[1] in _SAYING)
    ):
        return i + 2
    # a given name that is also a word (李 金華, 吳 長城): when rare, or in a name's context
    if (
        len(rest[0]) == 2
        and rest[0][1] not in _NOT_IN_NAMES
        and (
            rare(rest[0])
            or (len(rest) == 2 and rest[1] in _SAYING)
            or (i > 0 and words[i - 1][-1] in _TITLE_ENDS)
        )
    ):
        return i + 2
    if (
        len(rest) == 2
        and len(rest[0]) == 1
        and len(rest[1]) == 1
        and rest[1] not in _NOT_IN_NAMES
        and rest[1] not in _ACTION_VERBS
    ):
        return i + 3
    return i


def _not_x_not_x(words: Sequence[str], i: int) -> int:
    """The Cantonese question form A唔A(B): 係唔係 "is it or not", 同唔同意 "agree or not"."""
    if (
        len(words[i]) == 1
        and i + 2 < len(words)
        and words[i + 1] == "唔"
        and words[i + 2][0] == words[i]
    ):
        return i + 3
    return i


def _split_each(words: list[str]) -> list[str]:
    """每 "every", 各 "each" and 該 "the said" are words of their own before a noun or measure
    word (每 日, 各 地, 該 會), as both the Hong Kong and the Taiwan standards write them; a few
    words keep them (每當 "whenever", 各自 "each one", 該當 "ought to")."""
    if not any(len(w) == 2 and w[0] in "每各該" for w in words):
        return words
    out: list[str] = []
    for w in words:
        if len(w) == 2 and w[0] in "每各該" and w not in _EACH_WORDS:
            out.extend(w)
        else:
            out.append(w)
    return out


_EACH_WORDS = frozenset(["每每", "每當", "每逢", "各自", "各種", "各位", "該當", "該死"])


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Generic nouns that end the name of a body, a place, an event or a title (瑪嘉烈 醫院
#: "Princess Margaret Hospital", 中文 大學, 申訴專員 公署, 花岡 事件, 國務院 總理): the name and
#: the noun are two words in both the Hong Kong (CityU) and the Taiwan (AS) word standards, so
#: a dictionary word made of a name of two characters or more and one of these is cut.
HEADS = _words(
    # bodies and institutions
    "醫院 大學 學院 中學 小學 學校 書院 公署 委員會 管理局 公司 集團 銀行 協會 學會 商會 工會 "
    "總會 聯會 基金會 法院 法庭 部隊 研究所 研究院 博物館 圖書館 體育館 "
    # places and works
    "機場 流域 公路 鐵路 隧道 大橋 碼頭 車站 酒店 商場 中心 公園 球場 廣場 "
    # events
    "事件 事故 案件 事變 戰爭 會議 峰會 "
    # titles after the body or place they belong to (勞工 局長, 行政 總裁)
    "總理 總統 主席 議員 總裁 局長 部長 司長 署長 處長 院長 市長 校長 總監 主任 專員 法官 委員 "
    "發言人"
)
_HEAD_LENGTHS = sorted({len(h) for h in HEADS}, reverse=True)
#: Whole words that end in a head noun (有限公司 "limited company").
_HEADED_WORDS = frozenset(["有限公司"])


def split_heads(
    words: Sequence[str], cut: Callable[[str], list[str]], keep: Container[str] = ()
) -> list[str]:
    """Cut a head noun (:data:`HEADS`) off a dictionary word of four characters or more whose
    rest is two characters or more; the rest is cut again with ``cut``.

    Args:
        words: A segmenter's words.
        cut: The segmenter's dictionary cut, for what is left of a word.
        keep: Words never cut (a user's own dictionary).

    Examples:
        >>> split_heads(["瑪嘉烈醫院"], lambda s: [s])  # "Princess Margaret Hospital"
        ['瑪嘉烈', '醫院']
        >>> split_heads(["申訴專員公署"], lambda s: [s[:2], s[2:]])  # "Office of The Ombudsman"
        ['申訴', '專員', '公署']
    """
    out: list[str] = []
    for w in words:
        if len(w) >= 4 and w not in keep and w not in _HEADED_WORDS:
            for n in _HEAD_LENGTHS:
                if len(w) - n >= 2 and w[-n:] in HEADS:
                    out.extend(split_heads(cut(w[:-n]), cut, keep))
                    out.append(w[-n:])
                    break
            else:
                out.append(w)
        else:
            out.append(w)
    return out


# Words the Taiwan-made dictionary keeps whole and the Hong Kong (CityU) standard writes as two
# or three words: a function character and the word it modifies.
_NOT_MODAL = ("能", "可能", "想", "願", "肯", "應", "應該", "該")  # 不 能, 不 願 (不會, 不要 stay)
_WHOLE_PLACE = frozenset("國市省島城縣鎮村校班場線")  # 全 國, 全 市 (全球, 全身 stay)
_THIS_TIME_PLACE = frozenset(  # 本 報, 本 月 (本身, 本土, 本來 stay)
    ["報", "周", "週", "月", "年", "日", "屆", "季", "月底", "月初", "年度", "週末", "周末",
     "世紀"]
)  # fmt: skip
_DEPUTY_TITLES = _words(  # 副 主席, 副 局長 (副教授, 副作用 stay)
    "主席 主任 會長 縣長 市長 局長 部長 院長 校長 司長 處長 署長 總裁 總理 總統 經理 主委 秘書長 "
    "董事長 理事長"
)
_DEGREE = frozenset("更較最太很過")  # 更 多, 較 少, 很 多 (最少 "at least" stays)
#: Verbs of moving or sending: with 到/往/給/至 and a destination they are two words (搬 到,
#: 運 往, 傳 給); 得到, 受到, 前往, 甚至 are words.
_MOVING = frozenset("搬運寄轉調移遷漂流傳銷帶拿趕跑逃撤派押載擴延")
_STATIONED_IN = frozenset("港京華台澳美日英法韓俄")  # 駐 港 "stationed in Hong Kong"
_COUNTING = frozenset("兩幾二三四五六七八九十百千")
#: Measure words that the dictionary keeps with 一 (一對, 一身): two words in both standards.
_ONE_MEASURES = frozenset(["對", "方", "聲", "陣", "堆", "身", "小時", "分鐘", "周", "週"])
#: Words made with 此 "this" that are words of their own (此外 "besides", 此時 "at this time").
_THIS_WORDS = frozenset(["此外", "此時", "此刻", "此後", "此間", "此致", "此前", "此地"])
#: A number and a unit of time (二十 年, 十五 分鐘): two words in both standards; 四周
#: "all around" is a word, and so are the years of an era (八十四年, 八十年: the Taiwan
#: calendar; so a number of years is only cut when it ends in 十, 百 or 千 and is not 五十 to
#: 九十). (一道 "together" is a word too, so 道 is not among the measure words after 一.)
_DURATION_RE = re.compile(
    "([一二三四五六七八九十百千兩幾]+)(小時|分鐘|秒鐘|天|週|周|個月)|([一二三四五六七八九十兩幾]*[十百千])(年)"
)
_DURATION_WORDS = frozenset(["四周", "五十年", "六十年", "七十年", "八十年", "九十年"])

#: Titles of address written after a surname (陳 先生 "Mr Chan"): a word of their own. The
#: one-character Cantonese ones (陳太 "Mrs Chan", 李伯) stay whole, as the CityU corpus writes them.
_HONORIFICS = _words(
    "先生 小姐 女士 太太 夫人 教授 老師 醫生 博士 律師 法官 議員 主席 校長 同學 師傅 伯伯 婆婆"
)


def _phrase_parts(w: str) -> list[str] | None:
    """The words of a dictionary word that the CityU standard cuts, or ``None``."""
    a, b = w[0], w[1:]
    if a == "不" and b in _NOT_MODAL:
        return [a, b]
    if len(w) == 2 and (
        (a == "全" and b in _WHOLE_PLACE)
        or (a in _DEGREE and b in "多少" and w != "最少")
        or (a in "這那" and b == "是")
        or (a in _MOVING and b in "到往給至")
        or (a == "駐" and b in _STATIONED_IN)
    ):
        return [a, b]
    if a == "全" and len(w) == 4 and w[1] in _WHOLE_PLACE and w[1] != "場":
        return [a, w[1], w[2:]]  # 全 國 人大, 全 國 政協: the rule above inside a longer word
    if a == "本" and b in _THIS_TIME_PLACE:
        return [a, b]
    if a == "副" and b in _DEPUTY_TITLES:
        return [a, b]
    if len(w) == 2 and a in _COUNTING and b in "人國天年大":
        return [a, b]  # a number and a noun: 兩 人, 幾 年, 百 年, 十 大 (both standards)
    if len(w) == 3 and a in "這那" and w[1] in "一幾兩":
        return list(w)  # 這 幾 天, 這 一 年: a demonstrative, a number and a unit
    if (
        a == "第"
        and 3 <= len(w) <= 4
        and w[-1] in _CLASSIFIER_UNITS
        and _NUMERAL_TOKEN_RE.fullmatch(w[1:-1])
    ):
        return [w[:-1], w[-1]]  # 第一 屆, 第四 季: an ordinal and its measure word
    if len(w) == 3 and w[1] in "不沒" and w[0] == w[2]:
        return list(w)  # 能 不 能, 有 沒 有 (a two-character verb stays whole: 應不應該)
    if a == "一" and b in _ONE_MEASURES:
        return [a, b]  # 一 對, 一 聲, 一 陣: a numeral and its measure word (both standards)
    if a == "此" and len(w) == 2 and w not in _THIS_WORDS:
        return [a, b]  # 此 事, 此 案: "this" and a noun (此外, 此時 stay whole)
    if w[-1] in "時鐘天週周月年" and a in _COUNTING_ONE:
        m = _DURATION_RE.fullmatch(w)
        if m and w not in _DURATION_WORDS:
            return [g for g in m.groups() if g]  # 二十 年, 一 小時, 十五 分鐘: a number and a unit
    return None


def _split_phrases(words: list[str]) -> list[str]:
    """Cut what the Hong Kong (CityU) standard writes as several words out of the dictionary's
    words: 不 and a modal verb (不 能), 全 and a place (全 國), 本 "this" and a newspaper or a
    time (本 報, 本 月; 本港 "Hong Kong" and 全港 stay whole for their gloss), 副 "deputy" and
    a title (副 主席), a degree adverb and 多/少 (更 多, 很 少), 這/那 and 是, a verb of moving
    and its 到/往/給/至 (搬 到), 駐 and a place (駐 港), and the A不A question of a
    one-character verb (能 不 能; a two-character one stays whole: 應不應該); also, as both
    standards write them, a number and 人/國/天/年 (兩 人, 幾 年, 百 年)."""
    out: list[str] = []
    for w in words:
        candidate = w[0] in _PHRASE_FIRST or (len(w) == 3 and w[1] in "不沒")
        parts = _phrase_parts(w) if candidate and 2 <= len(w) <= 4 else None
        if parts is None and len(w) == 3 and w[0] in SURNAMES and w[1:] in _HONORIFICS:
            parts = [w[0], w[1:]]  # 朱 先生, 姚 小姐: a surname and a title of address
        if parts:
            out.extend(parts)
        else:
            out.append(w)
    return out


#: Measure words and units after an ordinal (第一 屆, 第四 季, 第二 次).
_CLASSIFIER_UNITS = frozenset("屆季次名位個場期條章節代輪集波段層項屆天年週周")
_PHRASE_FIRST = frozenset("不全本副這那駐一此第") | _DEGREE | _MOVING | _COUNTING
_COUNTING_ONE = _COUNTING | frozenset("一")


def _split_multiplier(words: list[str]) -> list[str]:
    """Cut 萬/億 off the word after a number: 幾十 萬人 → 幾十 萬 人 (never 萬人 "everyman")."""
    out: list[str] = []
    for k, w in enumerate(words):
        if (
            len(w) >= 2
            and w[0] in _MULTIPLIERS
            and k > 0
            and (_NUMERAL_TOKEN_RE.fullmatch(words[k - 1]) or words[k - 1] in ("多", "餘"))
        ):
            out.extend((w[0], w[1:]))
        else:
            out.append(w)
    return out


#: The head of a government department named after it (衛生署長 "Director of Health",
#: 消防局長, 教統局長): one word in both standards when the department's name is one word of
#: two characters (衛生署, 消防局); after a coordination (勞工及福利 局長) or a longer name
#: (機電 工程 署長) the title stays a word of its own.
_CHIEFS = frozenset(["局長", "署長", "處長"])
_COORDINATORS = frozenset("及和與暨兼、")
_CHIEF_WORDS = _CHIEFS | {"長"}


def _split_one_person(words: list[str]) -> list[str]:
    """個人 "individual" after a number or a demonstrative is a measure word and a noun: 一 個 人
    "one person", 每 個 人, 整 個 人 (both standards); so is 一點 "a little" after 這/那 (這 一
    點 "this point")."""
    if _PERSON_WORDS.isdisjoint(words):
        return words
    out: list[str] = []
    for k, w in enumerate(words):
        if w == "整個人" or (w == "一點" and k > 0 and words[k - 1] in ("這", "那")):
            out.extend(w)  # also 這 一 點 "this point" (一點 "a little" stays)
        elif (
            w == "個人"
            and k > 0
            and (words[k - 1] in _COUNTERS or _NUMERAL_TOKEN_RE.fullmatch(words[k - 1]))
        ):
            out.extend(w)
        else:
            out.append(w)
    return out


_COUNTERS = frozenset("這那每某哪整各")
_PERSON_WORDS = frozenset(["個人", "整個人", "一點"])


def _join_chiefs(words: list[str]) -> list[str]:
    """Join a two-character department name and 局長/署長/處長 (衛生 署長 → 衛生署長), and a
    department's word and 長 (教統局 長 → 教統局長)."""
    if _CHIEF_WORDS.isdisjoint(words):
        return words
    out: list[str] = []
    for k, w in enumerate(words):
        prev = out[-1] if out else ""
        before = words[k - 2] if k >= 2 else ""
        if (
            (w in _CHIEFS and len(prev) == 2 and len(before) <= 1 and before not in _COORDINATORS)
            or (w == "長" and len(prev) == 3 and prev[-1] in "局署處"
                and len(before) <= 1 and before not in _COORDINATORS)
        ):  # fmt: skip
            out[-1] = prev + w
        else:
            out.append(w)
    return out


def _transliteration(words: Sequence[str], i: int, chars: frozenset[str]) -> int:
    """A run of single characters, most of them typical of foreign names (奧 巴 馬 → 奧巴馬)."""
    j = i
    while j < len(words) and len(words[j]) == 1 and words[j] not in _NOT_IN_NAMES:
        j += 1
    run = words[i:j]
    typical = sum(w in chars for w in run)
    if (len(run) >= 3 and typical * 3 >= len(run) * 2) or (len(run) == 2 and typical == 2):
        return j
    return i


def _suffix(words: Sequence[str], i: int) -> int:
    if len(words[i]) >= 2 and i + 1 < len(words):
        nxt = words[i + 1]
        if nxt in SUFFIXES or (nxt in BOUND_SUFFIXES and not _NUMERAL_TOKEN_RE.fullmatch(words[i])):
            return i + 2
    # place names: 通州 街, 湄 潭 縣
    if i + 1 < len(words) and words[i + 1] in PLACE_SUFFIXES and len(words[i]) == 2:
        return i + 2
    if (
        i + 2 < len(words)
        and words[i + 2] in PLACE_SUFFIXES
        and len(words[i]) == 1
        and len(words[i + 1]) == 1
        and words[i] not in _NOT_IN_NAMES
        and words[i + 1] not in _NOT_IN_NAMES
    ):
        return i + 3
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
    out = _join_chiefs(_split_one_person(_split_phrases(_split_each(list(words)))))
    text = "".join(out)
    if all(len(w) > 1 for w in out) and not _ANY_NUMERAL_RE.search(text):
        return out  # nothing any rule could join (the common case)
    # fractions first: force their spans when token boundaries allow it
    for m in _FRACTION_RE.finditer(text):
        out = _join_span(out, m.start(), m.end())
    out = _split_multiplier(out)
    is_rare = rare or (lambda _w: False)
    chars = transliteration_chars()
    rules: list[Callable[[Sequence[str], int], int]] = [
        _numbers,
        _not_x_not_x,
        lambda ws, i: _name(ws, i, is_rare),
        lambda ws, i: _transliteration(ws, i, chars),
        _suffix,
    ]
    # one pass, rules in this order at each position; a position is only tried when a rule
    # could start there (a single character here or next, or a numeral)
    n = len(out)
    merged: list[str] = []
    i = 0
    while i < n:
        w = out[i]
        if len(w) == 1 or (i + 1 < n and len(out[i + 1]) == 1) or w[0] in _NUMERAL:
            for rule in rules:
                j = rule(out, i)
                if j > i + 1:
                    merged.append("".join(out[i:j]))
                    i = j
                    break
            else:
                merged.append(w)
                i += 1
        else:
            merged.append(w)
            i += 1
    return merged


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
