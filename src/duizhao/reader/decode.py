"""Bytes to text: encoding detection, the size limit and line normalisation.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are recognised at once, and so is UTF-16
without a BOM (by its zero bytes, all on even or all on odd offsets); other bytes are tried as
Big5-HKSCS and GB18030 (charset-normalizer breaks ties). Text that decodes but is really binary
data (NUL bytes, many control characters, lone surrogates) is refused. A forced encoding must be a
text encoding (``rot13``, ``base64`` or ``zlib`` are not). An article may have at most
:data:`MAX_BYTES` bytes unless the caller raises the limit (``--max-bytes``).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata

from ..errors import InputError
from ..text.script import HAN_RE

__all__ = ["BLANKS", "MAX_BYTES", "check_size", "decode", "normalise_lines", "read_file_bytes"]

#: The largest article read by default, in bytes (2 MiB: a newspaper article is 5–20 kB, a book
#: chapter 100 kB). Every stage after reading is linear or n·√n in the input, so a larger limit
#: only costs time and memory.
MAX_BYTES = 2 * 1024 * 1024

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


def read_file_bytes(path: str | os.PathLike[str], max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of a file, refusing one above ``max_bytes`` before reading it (a device or a
    pipe is read up to the limit, never for ever).

    Raises:
        InputError: It does not exist, cannot be read, is a folder, or is too large.
    """
    name = str(path)
    try:
        with open(path, "rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, "Is a directory")
            if stat.S_ISREG(info.st_mode):
                check_size(info.st_size, name, max_bytes)
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, None, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, None, "is a directory, not a file") from None
    except OSError as e:
        raise InputError(name, None, f"cannot read the file ({e.strerror or e})") from None
    check_size(len(data), name, max_bytes)
    return data


def check_size(size: int, path: str, max_bytes: int | None) -> None:
    """Refuse an input of ``size`` bytes above ``max_bytes`` (``None``: no limit).

    Raises:
        InputError: It is larger, with what to do about it.
    """
    if max_bytes is not None and size > max_bytes:
        raise InputError(
            path,
            None,
            f"{size:,} bytes, more than the {max_bytes:,} an article may have: split it into "
            "several articles",
            remedy=("--max-bytes", f"raise the limit with --max-bytes {size}"),
        )


def decode(data: bytes, *, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes.

    Args:
        data: The raw file content.
        path: Name used in error messages.
        encoding: Force this encoding (a text encoding) instead of detecting one.

    Returns:
        ``(text, encoding)``.

    Raises:
        InputError: Empty or binary data, an unknown, non-text or wrong forced encoding, or bytes
            that no supported encoding decodes into Chinese text.
    """
    if not data.strip():
        raise InputError(path, None, "empty file")
    if encoding is not None:
        return _check_text(_forced(data, path, encoding), path), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), path), codec
            except UnicodeDecodeError as e:
                raise InputError(
                    path,
                    _line_of(data, e.start),
                    f"bytes after the {codec} byte-order mark do not decode: {e.reason}",
                ) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(path, _line_of(data, data.index(b"\x00")), "binary data (NUL byte)")
        return _check_text(data.decode(utf16), path), utf16
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
        "Chinese either: save it as UTF-8",
        remedy=("--encoding", "name its encoding with --encoding"),
    )


def _forced(data: bytes, path: str, encoding: str) -> str:
    """``data`` decoded with the encoding the user named."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise InputError(
            path, None, f"unknown encoding {encoding!r} (e.g. utf-8, big5hkscs, gb18030, utf-16)"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(
            path,
            None,
            f"{encoding!r} is not a text encoding (it turns bytes into bytes or text into text); "
            "name the encoding the file is written in, e.g. utf-8, big5hkscs, gb18030 or utf-16",
        )
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as e:
        raise InputError(
            path,
            _line_of(data, e.start),
            f"byte 0x{data[e.start]:02x} cannot be decoded as {encoding}: the file is not in this "
            "encoding",
        ) from None
    except (UnicodeError, ValueError, TypeError, LookupError) as e:  # codecs with odd errors
        raise InputError(path, None, f"the file cannot be decoded as {encoding} ({e})") from None
    if not isinstance(text, str):  # pragma: no cover - a text codec returns text
        raise InputError(path, None, f"{encoding!r} does not give text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when ``data`` looks like UTF-16 without a byte-order mark.

    English letters in UTF-16 are a letter byte and a zero byte, so the zero bytes of UTF-16 text
    sit all on odd offsets (little-endian) or all on even ones (big-endian), and there are many of
    them (an article has English); zero bytes of binary data fall anywhere.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= max(4, len(data) // 20) and other <= zeros // 100:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec if "\x00" not in text else None
    return None


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


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Where a control character (category Cc: the C0 and C1 controls) can be: only these places are
#: asked for their category, not every character of the text.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _check_text(text: str, path: str) -> str:
    """Reject decoded text that is really binary data, or holds lone surrogates (which no
    Unicode text may hold, and no output could write)."""
    bad = [
        m.start()
        for m in _CONTROLS.finditer(text)
        if unicodedata.category(m.group()) == "Cc" and m.group() not in _OK_CC
    ]
    if len(bad) > max(2, len(text) // 100):
        first = bad[0]
        raise InputError(path, text.count("\n", 0, first) + 1, "binary data (control characters)")
    lone = _SURROGATE.search(text)
    if lone is not None:
        raise InputError(
            path,
            text.count("\n", 0, lone.start()) + 1,
            f"a lone surrogate U+{ord(lone.group()):04X}, which is not text: the file is not in "
            "this encoding",
        )
    return text


def normalise_lines(text: str) -> list[str]:
    """Split text into lines with CRLF / CR / LS / PS line ends, dropping trailing blanks."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n")
    return [line.rstrip(BLANKS + "\f\v") for line in text.split("\n")]
