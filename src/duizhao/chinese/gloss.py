"""Glosses: English senses for a word, fit for a school handout and chosen for the sentence.

1. A word in the shipped table of Hong Kong senses (:func:`duizhao.resources.lexicon.hk_glosses`:
   電車 "tram", 的士 "taxi", 立法會 "Legislative Council") or of Hong Kong names and terms
   (:func:`~duizhao.resources.lexicon.hk_names`: 樂富 "Lok Fu (Kowloon)") takes that gloss.
2. Otherwise CC-CEDICT's entries for the word; where there are several, the one whose pinyin
   matches the word's computed reading comes first (行 *xíng* "to walk" rather than 行 *háng*
   "row; firm"). Proper-noun entries (a surname, a county) are used only when nothing else fits.
3. Senses unfit for a classroom are dropped — vulgar or sexual ones, archaic ones, Taiwan-only
   ones (``(Tw) video game``), surnames and place names — unless nothing else is left, and
   senses that only point elsewhere (``CL:``, ``also written``, ``Taiwan pr.``) are left out.
4. Cross-references are written as readable text: ``清遠|清远[Qing1 yuan3]`` becomes
   ``清遠 (Qīngyuǎn)``.
5. (Before all this, a function word takes the sense its neighbours call for:
   :mod:`duizhao.chinese.function_words`, 便 "then" in 一喊便停車, 約 "about" before a number.)
6. With the aligned English sentence, the senses whose English words occur in it come first
   (應 "should" in a sentence that says *should*), and at most three senses are shown (a sense
   being one of CC-CEDICT's ``;``-separated meanings).

Examples:
    >>> cedict_gloss("行", "行", ("xíng",), 2)  # "to walk"
    'to walk; to go'
    >>> cedict_gloss("排放", "排放", ("pái", "fàng"), 3)  # no "(of animals) to ovulate"
    'to emit; to discharge (exhaust gas, waste water etc); to arrange in order'
    >>> choose_gloss("應", "应", ("yīng",), 3, english="The government should act.")
    'should; to agree (to do sth); ought to'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from duizhao.text.composed import compose

from .sense_match import forget_sentences, in_sentence, order_senses, sentence_words
from .sense_text import UNSUITABLE_PATTERN, numbered_syllable, split_senses, unsuitable

__all__ = [
    "MARKUP_RE",
    "UNSUITABLE_RE",
    "cedict_gloss",
    "choose_gloss",
    "classifier_gloss",
    "clean_sense",
    "forget_sentences",
]

_sentence_words = sentence_words  # the old private names (tests, benchmarks)
_in_sentence = in_sentence


def _numbered(pinyin: Sequence[str | None]) -> str:
    return " ".join(numbered_syllable(p) for p in pinyin if p)


def _norm_cedict_pinyin(p: str) -> str:
    return p.lower().replace("u:", "v")


_SKIP_SENSE = re.compile(
    r"^(CL:|Taiwan pr\.|also pr\.|also written|see also |see |variant of |old variant of |"
    r"erhua variant of |used in |Japanese variant of )"
)

UNSUITABLE_RE = re.compile(UNSUITABLE_PATTERN, re.IGNORECASE)  # sense_text: one source
"""Senses that a school handout does not show when the word has any other sense: vulgar and
sexual senses, archaic and obsolete ones, Taiwan-only ones, surnames and place names."""

MARKUP_RE = re.compile(r"([^\s|\[\],;/()]+)(?:\|([^\s|\[\],;/()]+))?\[([A-Za-z0-9:, ]+)\]")
"""CC-CEDICT's cross-reference markup: ``清遠|清远[Qing1 yuan3]`` or ``量詞[liang4 ci2]``."""


_PRONUNCIATION_NOTE_RE = re.compile(r"\s*\([^()]*\bpr\.(?:\s*\[[^\]]*\])?[^()]*\)")


_EXAMPLE_RE = re.compile(r"\s*\((?:Example|Note):.*\)\s*$")

# A classifier note inside a sense: "world (CL:個|个[ge4])".
_CLASSIFIER_NOTE_RE = re.compile(r"\s*\(CL:[^()]*\)")


def _marks(pinyin: str) -> str:
    from .pinyin import to_tone_marks

    syl = pinyin.replace(",", " ").split()
    # CC-CEDICT writes a slot of a pattern as the syllable xx5: 就…[jiu4 xx5] is jiù…
    text = "".join("…" if s.lower().rstrip("5") == "xx" else to_tone_marks(s) for s in syl)
    return text[:1].upper() + text[1:] if pinyin[:1].isupper() else text


def clean_sense(sense: str) -> str:
    """A CC-CEDICT sense with its cross-reference markup written as readable text.

    Examples:
        >>> clean_sense("Qingxin county in Qingyuan 清遠|清远[Qing1 yuan3], Guangdong")
        'Qingxin county in Qingyuan 清遠 (Qīngyuǎn), Guangdong'
        >>> clean_sense("two in the PRC: Hong Kong 香港 and Macau 澳門|澳门")
        'two in the PRC: Hong Kong 香港 and Macau 澳門'
        >>> clean_sense("(preceded by 就…[jiu4 xx5]) as far as ... is concerned")
        '(preceded by 就… (jiù…)) as far as ... is concerned'
    """

    if "(" not in sense and "[" not in sense and "|" not in sense:
        return sense.strip()  # no pattern below can match (each needs one of these)

    def repl(m: re.Match[str]) -> str:
        return f"{m.group(1)} ({_marks(m.group(3))})"

    # each pattern is tried only if a literal it needs is in the text it is given
    sense = _PRONUNCIATION_NOTE_RE.sub("", sense) if "pr." in sense else sense
    sense = _EXAMPLE_RE.sub("", sense) if "(Example:" in sense or "(Note:" in sense else sense
    sense = _CLASSIFIER_NOTE_RE.sub("", sense) if "(CL:" in sense else sense
    out = MARKUP_RE.sub(repl, sense) if "[" in sense else sense
    out = _BARE_PAIR_RE.sub(r"\1", out) if "|" in out else out  # 澳門|澳门: the Traditional form
    return (_READING_RE.sub("", out) if "[" in out else out).strip()


_BARE_PAIR_RE = re.compile(r"([\u3400-\u9fff\uf900-\ufaff]+)\|[\u3400-\u9fff\uf900-\ufaff]+")
_READING_RE = re.compile(r"\s*\[[A-Za-z0-9:, ]+\]")


_VARIANT_RE = re.compile(
    r"^(?:old |unofficial |Japanese )?variant of ([^\s|\[]+)(?:\|[^\s\[]+)?"
    r"(?:\[([A-Za-z0-9: ]+)\])?"
)


def _pieces(sense: str) -> list[str]:
    """A CC-CEDICT field cut into its senses (``to emit; to discharge`` is two), keeping
    semicolons inside brackets; pieces that only point elsewhere are left out."""
    return split_senses(sense, _POINTER_RE)


_POINTER_RE = re.compile(r"\bvariant of\b|^CL:|^see |^also written")


def _unsuitable(sense: str) -> bool:
    return unsuitable(sense, UNSUITABLE_RE)


@lru_cache(maxsize=1 << 16)
def _senses(word: str, simplified: str, pinyin: tuple[str | None, ...]) -> tuple[str, ...]:
    """Every sense worth showing, best entry first, cleaned, unfit ones last (if at all)."""
    from .sense_table import precomputed_senses  # a headword of one entry: cleaned once

    found = precomputed_senses(word, simplified)
    return found if found is not None else senses_plain(word, simplified, pinyin)


def entry_senses(chosen: Sequence[Any]) -> tuple[list[str], list[str]]:
    """The cleaned senses of the chosen entries: those fit for a handout, and the unfit ones."""
    good: list[str] = []
    poor: list[str] = []
    for e in chosen:
        for g in e.glosses:
            if _SKIP_SENSE.match(g):
                continue
            for sense in _pieces(clean_sense(g)):
                if sense in good or sense in poor:
                    continue
                (poor if _unsuitable(sense) else good).append(sense)
    return good, poor


def senses_plain(word: str, simplified: str, pinyin: tuple[str | None, ...]) -> tuple[str, ...]:
    """:func:`_senses` worked out from CC-CEDICT's entries (no precomputed table)."""
    from duizhao.resources.lexicon import cedict

    entries = cedict().lookup(word) or cedict().lookup(simplified)
    if not entries:
        return ()
    reading = _numbered(pinyin) if len(entries) > 1 else ""  # only ranks several entries

    def rank(e: Any) -> tuple[int, int]:
        p = _norm_cedict_pinyin(e.pinyin)
        proper = e.pinyin[:1].isupper()
        variant = all(_SKIP_SENSE.match(g) or g.startswith("surname") for g in e.glosses)
        return (proper + variant, p != reading)

    ordered = sorted(entries, key=rank)
    common = [e for e in ordered if not e.pinyin[:1].isupper()] or ordered
    best = _norm_cedict_pinyin(common[0].pinyin)
    # the entries with the chosen reading (two at most), then proper nouns as a last resort
    chosen = [e for e in common if _norm_cedict_pinyin(e.pinyin) == best][:2]
    good, poor = entry_senses(chosen)
    if not good:
        # a variant-only entry (佔 "variant of 占[zhan4]"): the senses of the word it points to
        for e in chosen:
            for g in e.glosses:
                m = _VARIANT_RE.match(g)
                if m and m.group(1) != word:
                    from .pinyin import to_tone_marks

                    py = tuple(to_tone_marks(x) for x in (m.group(2) or "").split())
                    target = _senses(m.group(1), m.group(1), py)
                    if target:
                        return target
        for e in ordered:
            if e in chosen:
                continue
            for g in e.glosses:
                if _SKIP_SENSE.match(g):
                    continue
                good.extend(x for x in _pieces(clean_sense(g)) if not _unsuitable(x))
    return tuple(good or poor[:1])


#: Senses of the productive suffixes joined by :mod:`.conventions` (露宿者 "one who sleeps rough").
_SUFFIX_SENSES = {
    "者": "-er, one who …",
    "派": "faction; school",
    "性": "-ness, -ity; quality",
    # the bound nouns of conventions.BOUND_SUFFIXES
    "網": "network",
    "股": "section; share",
    "署": "government department",
    "式": "style; type",
    "級": "level; grade",
    "廠": "factory",
    "旅": "brigade",
    "隊": "team; squad",
    "員": "member; staff",
    "界": "circles; world",
    "率": "rate",
    "族": "group; tribe",
    "店": "shop",
    "館": "hall; house",
    "法": "law; method",
    "品": "goods; article",
    "業": "industry; trade",
    "區": "district; zone",
    "場": "ground; venue",
    "度": "degree; -ness",
    "表": "table; form",
}

#: Head nouns that end many words no dictionary lists (監測站, 充電站, 入境事務處): a word of three
#: characters or more that ends in one, whose stem is a dictionary word, is glossed "stem +
#: head" like the suffixes above. Unlike those, the segmenter does not join them (its word list
#: and the Hong Kong word standard decide where they are words).
#: Localisers after a noun (山上 "on the mountain"), their spatial sense.
_LOCALISERS = {"上": "on; above", "下": "under; below", "中": "in; among", "外": "outside",
               **dict.fromkeys("內内裡裏里", "inside"), **dict.fromkeys("後后", "behind")}

_HEAD_SENSES = {
    "站": "station; stop",
    "局": "bureau; office",
    "處": "office; department",
    "費": "fee; charge",
    "稅": "tax",
    "證": "certificate; card",
    "車": "vehicle",
    "機": "machine",
    "價": "price",
    "額": "amount; quota",
    "量": "amount; volume",
    "權": "right; power",
    "戶": "household; account holder",
    "商": "trader; dealer",
    "室": "room; office",
    "院": "institution; court",
    "園": "garden; park",
}

def choose_gloss(
    word: str,
    simplified: str,
    pinyin: tuple[str | None, ...],
    max_senses: int = 3,
    *,
    english: str | None = None,
) -> str | None:
    """The gloss of a word: Hong Kong sense, or CC-CEDICT's senses fit for a handout.

    Args:
        word: The word as written.
        simplified: The same word in Simplified characters.
        pinyin: Its reading, one tone-marked syllable per character.
        max_senses: At most this many senses.
        english: The aligned English sentence, if any: senses whose words occur in it come first
            (:mod:`.sense_match`).

    Returns:
        The senses joined with ``"; "``, or ``None`` when there are none.
    """
    if not english:
        return _gloss_alone(word, simplified, tuple(pinyin), max_senses)
    return _gloss(word, simplified, pinyin, max_senses, english)


@lru_cache(maxsize=1 << 16)
def _gloss_alone(
    word: str,
    simplified: str,
    pinyin: tuple[str | None, ...],
    max_senses: int,
) -> str | None:
    return _gloss(word, simplified, pinyin, max_senses, None)


def _gloss(
    word: str,
    simplified: str,
    pinyin: tuple[str | None, ...],
    max_senses: int,
    english: str | None,
) -> str | None:
    hk = _hk_senses(word, simplified)
    if hk:
        return hk
    senses = list(_senses(word, simplified, tuple(pinyin)))
    if len(word) == 2 and word[1] in _LOCALISERS and senses and all(map(_unsuitable, senses)):
        # noun + localiser that CC-CEDICT has only as a place or a name (山上 "Shanshang township")
        first = _part_sense(word[0], simplified[0], (pinyin[0],))
        if first:
            return compose([(first, word[0]), (_LOCALISERS[word[1]], word[1])])
    if not senses:
        head = _SUFFIX_SENSES.get(word[-1]) or _HEAD_SENSES.get(word[-1])
        if len(word) >= 3 and head:
            # a word made with a productive suffix (露宿者) or a head noun (監測站): the stem's
            # sense and the suffix's
            stem = _part_sense(word[:-1], simplified[:-1], tuple(pinyin[:-1]))
            if stem:
                return compose([(stem, word[:-1]), (head, word[-1])])
        if len(word) == 2:
            return _composed_of_characters(word, simplified, pinyin, english)
        return _composed(word, simplified, pinyin)
    senses = order_senses(senses, english)
    return "; ".join(senses[:max_senses])


def _hk_senses(word: str, simplified: str) -> str | None:
    """The shipped Hong Kong senses of a word (under either script), if it has any: the table of
    senses, then the table of names and terms."""
    from duizhao.resources.lexicon import hk_glosses, hk_names

    hk, names = hk_glosses(), hk_names()
    return hk.get(word) or hk.get(simplified) or names.get(word) or names.get(simplified)


def _part_sense(part: str, simplified: str, pinyin: tuple[str | None, ...]) -> str | None:
    """The first sense of a word of two characters or more (the Hong Kong table first)."""
    hk = _hk_senses(part, simplified)
    if hk:
        return hk.split("; ")[0]
    senses = _senses(part, simplified, pinyin)
    return senses[0] if senses and not _unsuitable(senses[0]) else None


def _composed(word: str, simplified: str, pinyin: Sequence[str | None]) -> str | None:
    """A word no dictionary has, made of two that they have (最低工資, 強積金對沖): each part's
    first sense, written ``lowest (最低) + wages (工資)`` so that it reads as a composition and
    not as a dictionary's sense. Parts of two characters or more, the longest first part first;
    ``None`` when no such cut exists (a name such as 天水圍 is left without a gloss)."""
    n = len(word)
    if n < 4 or len(simplified) != n or len(pinyin) != n:
        return None
    py = tuple(pinyin)
    for k in range(n - 2, 1, -1):
        left = _part_sense(word[:k], simplified[:k], py[:k])
        if left is None:
            continue
        right = _part_sense(word[k:], simplified[k:], py[k:])
        if right is not None:
            return compose([(left, word[:k]), (right, word[k:])])
    return None


def _composed_of_characters(
    word: str, simplified: str, pinyin: Sequence[str | None], english: str | None
) -> str | None:
    """A word of two characters that no dictionary has (北岸 "north shore", 鐘聲 "the sound of
    bells"): each character's sense, written ``north (北) + shore (岸)`` so that it reads as a
    composition and not as a dictionary's sense — only when the aligned English sentence has a
    word of a sense of **each** character (a character's first sense is often not the one the
    word uses: 密 "secret" in 頻密 "frequent", 冠 "to put on a hat" in 稱冠 "to come first");
    ``None`` otherwise, and when the word looks like a name (a common surname first, or a
    character typical of transliterated foreign names)."""
    from .conventions import SURNAMES, transliteration_chars

    if len(simplified) != 2 or len(pinyin) != 2 or word[0] in SURNAMES:
        return None
    foreign = transliteration_chars()
    if any(ch in foreign for ch in word):
        return None
    if not english:
        return None
    words = sentence_words(english)
    parts = []
    for k in range(2):
        senses = _senses(word[k], simplified[k], (pinyin[k],))
        hits = [x for x in senses if in_sentence(x, words) and not _unsuitable(x)]
        if not hits:
            return None
        parts.append((hits[0], word[k]))
    return compose(parts)


def cedict_gloss(
    word: str, simplified: str, pinyin: tuple[str | None, ...], max_senses: int
) -> str | None:
    """:func:`choose_gloss` without an English sentence (kept for callers of the old name)."""
    return choose_gloss(word, simplified, pinyin, max_senses)


def classifier_gloss(
    word: str, simplified: str, pinyin: tuple[str | None, ...], max_senses: int = 3
) -> str | None:
    """The classifier senses of a measure word after a number (場 in 兩場活動 "classifier for
    sporting or recreational activities", not "large place used for a specific purpose"; 項, 宗,
    間, 屆 alike); ``None`` for a word that is not one of :data:`COUNTING` or that CC-CEDICT gives
    no classifier sense. (席 and 名 count seats and places as often as banquets and people:
    :mod:`.function_words` decides them.)

    Examples:
        >>> classifier_gloss("項", "项", ("xiàng",))
        'classifier for principles, items, clauses, tasks, research projects etc'
        >>> classifier_gloss("年", "年", ("nián",)) is None
        True
    """
    if word in _DEGREE:  # 六度 "six times", 25度 "25 degrees": both, the count first
        kept = [
            x
            for x in _senses(word, simplified, tuple(pinyin))
            if x.startswith(("classifier for", "degree ("))
        ]
        return "; ".join(sorted(kept, key=lambda x: not x.startswith("classifier"))) or None
    if word not in COUNTING or _hk_senses(word, simplified):
        return None
    senses = [x for x in _senses(word, simplified, tuple(pinyin)) if x.startswith("classifier for")]
    return senses[0] if senses else None  # the first: 場's second is "for number of exams"


#: 度 after a number counts occurrences (六度參賽 "took part six times") or degrees (25度):
#: CC-CEDICT's first senses ("to pass; to spend (time)") are neither.
_DEGREE = frozenset("度")


#: Measure words whose classifier sense is what they mean after a number (both scripts).
COUNTING = frozenset("場场項项宗間间座屆届期次位條条份架隻只副")
