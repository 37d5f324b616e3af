"""Numbers in English and Chinese text, as keys both languages share.

A number is the same anchor whichever way it is written: ``120``, ``１２０`` (full-width digits),
``一百二十`` and ``one hundred and twenty`` are all the number 120. Every number becomes a *key*,
``"#"`` followed by its value (``"#120"``, ``"#0.5"``), so that a key found on the English side can
be looked for on the Chinese side. The aligner uses these keys as anchors.

Chinese numerals are read with their units (十 10, 百 100, 千 1000, 萬/万 10⁴, 億/亿 10⁸), with a
zero between units (三千零五 3005), a leading 十 (十四 14) and 兩 for two; a run of three or more
bare digits is a number written digit by digit (二〇二二, a year).

Examples:
    >>> zh_number_keys("第十四屆")  # "the 14th (session)"
    ['#14']
    >>> digit_keys(strip_ordinal_suffixes("the 14th session"))
    ['#14']
    >>> zh_number_keys("電車行駛了一百二十年")  # "the trams have run for 120 years"
    ['#120']
    >>> digit_keys("for 120 years"), digit_keys("for １２０ years")
    (['#120'], ['#120'])
    >>> zh_number_keys("二〇二二年有三萬人"), digit_keys("in 2022, 30,000 people")
    (['#2022', '#30000'], ['#2022', '#30000'])
    >>> en_word_number("Twelve"), parse_zh_number("十二")  # the same twelve
    (12, (12, 2))
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "EN_NUMBER_WORDS",
    "EN_SCALES",
    "digit_keys",
    "en_number_keys",
    "en_word_number",
    "halfwidth_digits",
    "is_zh_numeral",
    "number_key",
    "parse_zh_number",
    "strip_ordinal_suffixes",
    "zh_number_keys",
]

#: English number words, ordinals and multipliers and their values (lower case). "one" is left
#: out (it is more often a pronoun than a number); "first" maps to 1, which makes no key.
EN_NUMBER_WORDS: Mapping[str, float] = MappingProxyType({
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12, "twentieth": 20, "hundredth": 100,
    "dozen": 12, "twice": 2, "half": 0.5, "double": 2, "triple": 3, "first": 1,
})  # fmt: skip

#: English words and abbreviations that multiply the number before them (2.5 million, HK$3bn).
EN_SCALES: Mapping[str, float] = MappingProxyType({
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "bn": 10**9, "mn": 10**6, "m": 10**6, "k": 1000,
})  # fmt: skip

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# a number in digits (with a scale written against it: 3bn, 2.5m) or a word
_EN_NUMBER_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*)(bn|mn|m|k)?\b|([A-Za-z]+)")
# digits with Chinese units written after them: 15萬, 20億, 3.5萬億, 2千
_ZH_SCALED = re.compile(r"(\d+(?:[.,]\d+)*)([十百千萬万億亿]+)")
# what en_number_keys reads numbers from: digits (as its pattern's \d) and runs of ASCII letters
_NO_DIGIT = re.compile(r"\d").search
_EN_LETTERS = re.compile(r"[A-Za-z]+").findall
_NUMBER_WORDS = frozenset(EN_NUMBER_WORDS)
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)

_ZH_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "萬": 10000, "万": 10000, "億": 10**8, "亿": 10**8}
_ZH_NUM_RUN = re.compile("[零〇一二兩两三四五六七八九十百千萬万億亿]+")
_ZH_DIGIT_STRING = re.compile("[零〇一二三四五六七八九]{3,}")
# a decimal in Chinese numerals (二十一點二 21.2, 零點五 0.5); not 兩點五分 "five past two"
_ZH_DECIMAL = re.compile(
    "([零〇一二兩两三四五六七八九十百千萬万]+)[點点]([零〇一二三四五六七八九]+)(?![分刻鐘钟])"
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def is_zh_numeral(word: str) -> bool:
    """True for a word written only in Chinese numerals (四十, 兩萬; not 三分之一).

    Examples:
        >>> is_zh_numeral("四十"), is_zh_numeral("三分之一"), is_zh_numeral("四")
        (True, False, True)
    """
    return _ZH_NUM_RUN.fullmatch(word) is not None


def halfwidth_digits(text: str) -> str:
    """The text with full-width digits, ``．`` and ``％`` written as ASCII (same length).

    Examples:
        >>> halfwidth_digits("增長５．５％")  # "grew 5.5%"
        '增長5.5%'
    """
    return text.translate(_FULLWIDTH)


def strip_ordinal_suffixes(text: str) -> str:
    """The text with the English ordinal suffixes of numbers removed (``21st`` → ``21``).

    Examples:
        >>> strip_ordinal_suffixes("the 21st and 3RD times")
        'the 21 and 3 times'
    """
    return _ORDINAL.sub(r"\1", text)


def number_key(value: float) -> str:
    """The key of a number: ``"#"`` and its value, without ``.0`` for whole numbers.

    Examples:
        >>> number_key(2025.0), number_key(0.5)
        ('#2025', '#0.5')
    """
    if value == int(value):
        return f"#{int(value)}"
    return f"#{value:g}"


def _token_keys(token: str) -> list[str]:
    """The key of one run of digits (``1,000`` → ``#1000``), or none if it is not a number."""
    value = _digits_value(token)
    return [] if value is None else [number_key(value)]


def digit_keys(text: str) -> list[str]:
    """Keys of the numbers written in Arabic digits (``2022``, ``1,000``, ``5.5`` of ``5.5%``).

    The text is taken as it is: apply :func:`halfwidth_digits` first for full-width digits.
    """
    keys: list[str] = []
    for m in _DIGITS.finditer(text):
        keys.extend(_token_keys(m.group()))
    return keys


def _digits_value(token: str) -> float | None:
    """The value of a run of digits (``1,000`` → 1000.0), or ``None`` if it is not a number."""
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def _after_currency(text: str, at: int) -> bool:
    return text[max(0, at - 1) : at] in ("$", "£", "€", "¥")


def en_number_keys(text: str) -> list[str]:
    """Keys of the numbers of an English text, in digits or words, each with the scale words
    after it multiplied in, so that they meet the Chinese way of writing them: ``two billion``
    and ``HK$2bn`` are ``#2000000000`` like 二十億 and 20億; ``150,000`` is 15萬's ``#150000``.
    "one" makes no key (it is more often a pronoun); "first" neither.

    The text is taken as it is: apply :func:`halfwidth_digits` and
    :func:`strip_ordinal_suffixes` first.

    Examples:
        >>> en_number_keys("It will cost two billion dollars, 3.5 million more than in 2023.")
        ['#2000000000', '#3500000', '#2023']
        >>> en_number_keys("HK$2bn for 150,000 people, twice a day; HK$3.5m, a 5m wall")
        ['#2000000000', '#150000', '#2', '#3500000', '#5']
    """
    if _NO_DIGIT(text) is None and _NUMBER_WORDS.isdisjoint(
        " ".join(_EN_LETTERS(text)).lower().split()
    ):
        return []  # no digits and no number word: no number (most sentences; the same answer)
    return _read_en_numbers(text)


def _read_en_numbers(text: str) -> list[str]:
    """:func:`en_number_keys`, token by token."""
    keys: list[str] = []
    value: float | None = None  # the number being read

    def flush() -> None:
        nonlocal value
        if value is not None and value != 1:
            keys.append(number_key(value))
        value = None

    for m in _EN_NUMBER_TOKEN.finditer(text):
        digits, suffix, word = m.groups()
        if digits is not None:
            flush()
            value = _digits_value(digits)
            # bn and mn always; m and k after a currency sign only (a 5m wall is five metres)
            if (
                value is not None
                and suffix
                and (suffix in ("bn", "mn") or _after_currency(text, m.start()))
            ):
                value *= EN_SCALES[suffix]
            continue
        low = word.lower()
        scale = EN_SCALES.get(low) if len(low) > 2 else None  # "m", "k" only against digits
        if scale is not None and value is not None:
            value *= scale
            continue
        flush()
        value = EN_NUMBER_WORDS.get(low)
    flush()
    return keys


def en_word_number(word: str) -> float | None:
    """The value of an English number word (``"twelve"`` 12, ``"third"`` 3, ``"half"`` 0.5), or
    ``None``; see :data:`EN_NUMBER_WORDS`."""
    return EN_NUMBER_WORDS.get(word.lower())


def parse_zh_number(run: str) -> tuple[float | None, int]:
    """Parse the longest Chinese numeral at the start of ``run``.

    Args:
        run: Text made of Chinese numeral characters.

    Returns:
        (value, characters used); ``(None, 0)`` when ``run`` does not start with a numeral.

    Examples:
        >>> parse_zh_number("一百二十")  # "one hundred and twenty"
        (120, 4)
        >>> parse_zh_number("三千零五"), parse_zh_number("兩萬")  # 3005, "twenty thousand"
        ((3005, 4), (20000, 2))
    """
    total, section, digit, used = 0, 0, None, 0
    for k, ch in enumerate(run):
        if ch in "零〇" and (section or total) and digit is None:
            used = k + 1  # 三千零五: a zero between units
            continue
        if ch in _ZH_DIGITS:
            if digit is not None:  # two digits in a row: 一二 → stop (digit strings handled below)
                break
            digit = _ZH_DIGITS[ch]
        else:
            unit = _ZH_UNITS[ch]
            if unit >= 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                if digit is None and not ((unit == 10 and k == 0) or section):
                    digit = 1
                section += (digit if digit is not None else 1) * unit
            digit = None
        used = k + 1
    if used == 0:
        return None, 0
    value = total + section + (digit or 0)
    return value, used


def zh_number_keys(text: str) -> list[str]:
    """Number keys in Chinese text: Arabic digits and Chinese numerals (兩 2, 第十四 14, 5% 5).

    A lone 一 ("one", also "a", "whole") and a lone 零 make no key.

    Examples:
        >>> zh_number_keys("兩場活動，一是")  # "two events, the first being"
        ['#2']
        >>> zh_number_keys("升至二十一點二度，跌百分之零點五")  # 21.2 degrees, 0.5 per cent
        ['#21.2', '#0.5']
    """
    keys: list[str] = []
    t = halfwidth_digits(text)
    t = t.replace("百分之", "\0\0\0")  # 百分之五 "five per cent" is 5, as 5% is
    for m in _ZH_SCALED.finditer(t):  # 15萬 is 150000
        value = _digits_value(m.group(1))
        if value is not None:
            for ch in m.group(2):
                value *= _ZH_UNITS[ch]
            keys.append(number_key(value))
    t = _ZH_SCALED.sub(lambda m: "\0" * len(m.group()), t)
    for m in _ZH_DECIMAL.finditer(t):  # 二十一點二 is 21.2, as 21.2 is
        whole, used = parse_zh_number(m.group(1))
        if whole is not None and used == len(m.group(1)):
            keys.append(
                number_key(float(f"{whole}." + "".join(str(_ZH_DIGITS[c]) for c in m.group(2))))
            )
    t = _ZH_DECIMAL.sub(lambda m: "\0" * len(m.group()), t)
    keys.extend(digit_keys(t))
    for m in _ZH_NUM_RUN.finditer(t):
        run = m.group()
        digits = _ZH_DIGIT_STRING.match(run)
        if digits:  # 二〇二二 (a year written digit by digit)
            keys.append(number_key(int("".join(str(_ZH_DIGITS[c]) for c in digits.group()))))
            run = run[digits.end() :]
        pos = 0
        while pos < len(run):
            value, used = parse_zh_number(run[pos:])
            if not used:
                break
            if value is not None and value != 1 and not (value == 0 and used == 1):
                keys.append(number_key(value))
            pos += used
    return keys
