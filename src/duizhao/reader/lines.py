"""Plain text files of units, one a line (``duizhao align --en EN.txt --zh ZH.txt``)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .decode import decode

__all__ = ["read_lines"]


def read_lines(path: str | Path) -> list[str]:
    """The lines of a text file as units: line ``i`` (from 0) is unit ``i``, blank lines too.

    A final line end does not start another unit. The encoding is detected as for articles.

    Raises:
        InputError: The file cannot be read or decoded.
    """
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(where, None, f"cannot read: {e.strerror or e}") from e
    if not data:
        return []
    text, _ = decode(data, path=where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []
