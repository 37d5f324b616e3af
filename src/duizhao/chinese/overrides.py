r"""Per-word corrections: a teacher's readings and glosses for words the annotator gets wrong.

An override file lists words with their pinyin, Jyutping and, optionally, an English gloss; the
annotator keeps each word whole and uses the given values instead of the computed ones (see
:class:`~duizhao.chinese.annotator.ChineseAnnotator`).

Examples:
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "overrides.tsv"
    ...     _ = path.write_text("匯豐\thui4 feng1\twui6 fung1\tHSBC\n", encoding="utf-8")
    ...     load_overrides(path)  # "HSBC"
    (Override(word='匯豐', pinyin=('huì', 'fēng'), jyutping=('wui6', 'fung1'), gloss='HSBC'),)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from duizhao.errors import InputError
from duizhao.text.script import is_han

from .pinyin import to_tone_marks
from .segment import read_lines

__all__ = ["Override", "load_overrides"]


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
    for n, line in read_lines(path):
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
            pinyin = tuple(to_tone_marks(s) for s in syl)
        if jp and jp != "-":
            syl = jp.lower().split()
            if len(syl) != len(han) or not all(_JYUTPING_RE.match(s) for s in syl):
                raise InputError(
                    str(path), n, f"{word}: expected {len(han)} Jyutping syllables, found {jp!r}"
                )
            jyutping = tuple(syl)
        out.append(Override(word, pinyin, jyutping, gloss if gloss and gloss != "-" else None))
    return tuple(out)
