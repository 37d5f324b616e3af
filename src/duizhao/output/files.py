"""Output files: the output folder, UTF-8 text files, and the stem a page is named after.

Every writer names and writes its files through these helpers, so that one place decides what an
output name may contain and where a file may be written. Today a name is the input file's stem as
it is; errors of the operating system (a folder that cannot be made, a file that cannot be
written) become a :class:`~duizhao.errors.DuizhaoError` naming the path, so the command line
prints one ``error: …`` line.

Example:
    >>> import tempfile
    >>> folder = make_folder(tempfile.mkdtemp()) / "sheets"
    >>> stem = file_stem("corpus/2025-09-02-wipo-innovation-clusters.txt", "sheet")
    >>> page = write_text(folder / f"{stem}.html", "<p>知識產權</p>\\n")  # "intellectual property"
    >>> page.name, page.read_text(encoding="utf-8")
    ('2025-09-02-wipo-innovation-clusters.html', '<p>知識產權</p>\\n')
    >>> file_stem(None, "sheet")  # a document read from a string has no file
    'sheet'
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DuizhaoError

__all__ = ["file_stem", "make_folder", "write_text"]


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create a folder (and its parents) unless it exists.

    Returns:
        The folder as a :class:`~pathlib.Path`.

    Raises:
        DuizhaoError: It cannot be created (e.g. a file of that name exists).
    """
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DuizhaoError(f"{folder}: cannot create the folder ({e.strerror or e})") from e
    return folder


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8, line ends as given, creating the folder it goes in.

    Returns:
        The file written, as a :class:`~pathlib.Path`.

    Raises:
        DuizhaoError: The folder or the file cannot be written.
    """
    file = Path(path)
    make_folder(file.parent)
    try:
        with open(file, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    except OSError as e:
        raise DuizhaoError(f"{file}: cannot write the file ({e.strerror or e})") from e
    return file


def file_stem(source: str | os.PathLike[str] | None, default: str) -> str:
    """The stem output files are named after: the source file's name without its extension.

    Args:
        source: The input file (``doc.meta.path``), or ``None`` / ``""`` when there is none.
        default: The stem to use without a source.
    """
    return Path(source).stem if source else default
