"""Bytes to text: encoding detection and line normalisation.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are recognised at once; other bytes are tried
as Big5-HKSCS and GB18030 (charset-normalizer breaks ties). Text that decodes but is really binary
data (NUL bytes, many control characters) is refused.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError
from ..text.script import HAN_RE

__all__ = ["BLANKS", "decode", "normalise_lines"]

#: Blank characters stripped from the ends of lines and paragraphs.
BLANKS = " \t\u3000\u00a0\ufeff\u200b"
_OK_CC = "\n\r\t\f\v\x1c\x1d\x1e"  # control characters that plain text may contain


# -- decoding -------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Chinese encodings tried when the bytes are not UTF-8; Big5-HKSCS is a superset of Big5.
_LEGACY = ("big5hkscs", "gb18030")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, *, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes.

    Args:
        data: The raw file content.
        path: Name used in error messages.
        encoding: Force this encoding instead of detecting one.

    Returns:
        ``(text, encoding)``.

    Raises:
        InputError: Empty or binary data, an unknown or wrong forced encoding, or bytes that no
            supported encoding decodes into Chinese text.
    """
    if not data.strip():
        raise InputError(path, None, "empty file")
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(path, None, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as e:
            raise InputError(
                path,
                _line_of(data, e.start),
                f"byte 0x{data[e.start]:02x} cannot be decoded as {encoding}",
            ) from None
        return _check_text(text, path), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), path), codec
            except UnicodeDecodeError as e:
                raise InputError(
                    path, None, f"bytes after the {codec} byte-order mark do not decode: {e.reason}"
                ) from None
    if b"\x00" in data:
        raise InputError(path, _line_of(data, data.index(b"\x00")), "binary data (NUL byte)")
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    candidates = [enc for enc in _LEGACY if _decodes(data, enc)]
    if len(candidates) > 1:
        candidates = _rank_legacy(data, candidates)
    for enc in candidates:
        text = data.decode(enc)
        if HAN_RE.search(text):
            return _check_text(text, path), enc
    raise InputError(
        path,
        _line_of(data, first_bad),
        f"byte 0x{data[first_bad]:02x} is not UTF-8, and the file is not Big5-HKSCS or GB18030 "
        "Chinese either (use --encoding to name the encoding)",
    )


def _decodes(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
    except UnicodeDecodeError:
        return False
    return True


def _rank_legacy(data: bytes, candidates: list[str]) -> list[str]:
    """Order the legacy encodings that decode ``data`` by charset-normalizer's verdict."""
    from charset_normalizer import from_bytes

    ranked = [m.encoding for m in from_bytes(data, cp_isolation=candidates)]
    known = [enc for enc in ranked if enc in candidates]
    return known + [enc for enc in candidates if enc not in known]


def _check_text(text: str, path: str) -> str:
    """Reject decoded text that is really binary data."""
    bad = [i for i, ch in enumerate(text) if unicodedata.category(ch) == "Cc" and ch not in _OK_CC]
    if len(bad) > max(2, len(text) // 100):
        first = bad[0]
        raise InputError(path, text.count("\n", 0, first) + 1, "binary data (control characters)")
    return text


def normalise_lines(text: str) -> list[str]:
    """Split text into lines with CRLF / CR / LS / PS line ends, dropping trailing blanks."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n")
    return [line.rstrip(BLANKS + "\f\v") for line in text.split("\n")]
