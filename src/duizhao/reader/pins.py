"""Pinned paragraph pairs: the one grammar, and the old sidecar file ``NAME.align.toml``.

A pin fixes an English paragraph to a Chinese paragraph (numbers from 0 per language, as
``duizhao parse`` prints them). It is written ``EN:ZH``, ``EN=ZH`` or ``EN-ZH`` everywhere: on the
command line (``--pin 0:1``), in Markdown front matter (``pins: 0=1, 5=6``) and in files.

Examples:
    >>> parse_pin("0:1"), parse_pin("5 = 6"), parse_pin("2-3")
    ((0, 1), (5, 6), (2, 3))
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import InputError, PinError

__all__ = ["parse_pin", "pins_path", "read_pins"]

_PIN_TEXT = re.compile(r"^\s*(\d+)\s*[:=\-]\s*(\d+)\s*$")


def parse_pin(text: str) -> tuple[int, int]:
    """Parse ``"EN:ZH"`` (or ``"EN=ZH"``, ``"EN-ZH"``), e.g. ``"0:1"`` → ``(0, 1)``.

    Raises:
        PinError: The text is not two paragraph numbers.
    """
    m = _PIN_TEXT.match(text)
    if m is None:
        raise PinError(f"pin {text!r} is not EN:ZH (two paragraph numbers counted from 0)")
    return int(m.group(1)), int(m.group(2))


def pins_path(article: str | os.PathLike[str]) -> Path:
    """The old sidecar pin file of an article: ``NAME.align.toml`` beside ``NAME.txt``."""
    p = Path(article)
    return p.with_name(p.stem + ".align.toml")


def read_pins(path: str | os.PathLike[str]) -> tuple[tuple[int, int], ...]:
    """Read pinned paragraph pairs from a sidecar TOML file.

    The file holds one key, ``pins``: a list of ``[en, zh]`` pairs or ``"EN:ZH"`` strings::

        # 2025-09-02-wipo-innovation-clusters.align.toml
        pins = [[0, 1], "5:6"]

    Raises:
        InputError: The file cannot be read, is not TOML, or a pin is malformed.
    """
    import tomllib

    where = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise InputError(where, None, f"cannot read the pin file: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise InputError(where, None, "the pin file is not UTF-8") from e
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise InputError(where, int(m.group(1)) if m else None, f"not TOML: {e}") from e
    unknown = sorted(set(data) - {"pins"})
    if unknown:
        raise InputError(where, None, f"unknown key {unknown[0]!r} (only 'pins' is allowed)")
    raw = data.get("pins", [])
    if not isinstance(raw, list):
        raise InputError(where, None, "'pins' must be a list of [en, zh] pairs or 'EN:ZH' strings")
    out = []
    for item in raw:
        if isinstance(item, str):
            try:
                out.append(parse_pin(item))
            except PinError as e:
                raise InputError(where, None, str(e)) from e
        elif (
            isinstance(item, list)
            and len(item) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in item)
        ):
            out.append((item[0], item[1]))
        else:
            raise InputError(where, None, f"pin {item!r} is not [en, zh] or 'EN:ZH'")
    return tuple(out)
