"""Plain text files of units, one a line (``duizhao align --en EN.txt --zh ZH.txt``)."""

from __future__ import annotations

from pathlib import Path

from .decode import MAX_BYTES, decode, read_file_bytes

__all__ = ["read_lines"]


def read_lines(path: str | Path, *, max_bytes: int | None = MAX_BYTES) -> list[str]:
    """The lines of a text file as units: line ``i`` (from 0) is unit ``i``, blank lines too.

    A final line end does not start another unit. The encoding is detected as for articles, and
    the file may have at most ``max_bytes`` bytes (``None``: no limit).

    Raises:
        InputError: The file cannot be read, is too large, or cannot be decoded.
    """
    where = str(path)
    data = read_file_bytes(path, max_bytes)
    if not data:
        return []
    text, _ = decode(data, path=where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []
