"""Output files: safe names, the output folder, whole files only, and all-or-nothing runs.

Every writer names and writes its files through these helpers, so one place decides what an
output name may contain and where a file may be written:

* **Names.** An output is named after the input file's stem, made a safe slug by
  :func:`safe_stem` (letters, digits, ``-``, ``_`` and inner dots; no path separators, no leading
  dot, no ``scheme:``), never after anything read from inside a file. :func:`output_file` joins a
  name to the output folder and refuses a name that would land anywhere else; :func:`href` makes
  the relative link a page uses for a file beside it.
* **Whole files.** :func:`writing` gives a temporary name beside the file and renames it into
  place only when the writer has finished, so a failed run never leaves a half-written file;
  :func:`write_text` and :func:`write_bytes` write through it.
* **All or nothing.** Inside :func:`all_or_nothing` (the command line wraps every command in one)
  every file and folder created through this module is removed again if the block fails (a
  folder only when it is empty), so a run that ends with an error leaves no new output behind.
  Files it overwrote keep their new content. The files of the block are kept in a context
  variable, set and reset by the block itself: the only state here, never shared by two runs.
* **Errors.** Errors of the operating system (a folder that cannot be made, a file that cannot
  be written) become a :class:`~duizhao.errors.DuizhaoError` naming the path, so the command line
  prints one ``error: …`` line.

Examples:
    >>> import tempfile
    >>> folder = make_folder(tempfile.mkdtemp()) / "sheets"
    >>> stem = file_stem("corpus/2025-09-02-wipo-innovation-clusters.txt", "sheet")
    >>> page = write_text(output_file(folder, f"{stem}.html"), "<p>知識產權</p>\\n")
    >>> page.name, page.read_text(encoding="utf-8")  # 知識產權 "intellectual property"
    ('2025-09-02-wipo-innovation-clusters.html', '<p>知識產權</p>\\n')
    >>> file_stem(None, "sheet")  # a document read from a string has no file
    'sheet'
    >>> safe_stem("javascript:alert(1)"), safe_stem("../../etc/passwd"), safe_stem(".bashrc")
    ('javascript-alert-1', 'etc-passwd', 'bashrc')
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import quote

from ..errors import DuizhaoError

__all__ = [
    "all_or_nothing",
    "file_stem",
    "href",
    "make_folder",
    "output_file",
    "safe_stem",
    "write_bytes",
    "write_text",
    "writing",
]

#: The longest stem :func:`safe_stem` returns, in UTF-8 bytes (a file name may have 255, and a
#: writer adds endings such as ``.drills-B.html``).
MAX_STEM_BYTES = 150

# A run of characters that are not safe, with the dashes around it.
_UNSAFE = re.compile(r"(?:-*[^\w.\-])+-*")
_DOT_RUNS = re.compile(r"\.{2,}")
# Names Windows reserves for devices, whatever their extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)}


def safe_stem(name: str, default: str = "output") -> str:
    """``name`` as a file stem that is safe in any folder and as a relative link.

    Letters and digits of any script, ``_``, ``-`` and single inner dots are kept; every other
    run of characters (spaces, ``/``, ``\\``, ``:``, quotes, control characters) becomes one
    ``-`` (with the dashes around it); runs of dots become one; leading and trailing dots and
    dashes are dropped, so the stem is never hidden, never
    ``..`` and never starts a URL scheme. Long stems are cut to :data:`MAX_STEM_BYTES`.

    Args:
        name: The wanted stem (usually an input file's name without its extension).
        default: The stem when nothing of ``name`` is left.

    Examples:
        >>> safe_stem("2025-09-02 WIPO: clusters"), safe_stem("社評 二〇二五"), safe_stem("..")
        ('2025-09-02-WIPO-clusters', '社評-二〇二五', 'output')
    """
    stem = unicodedata.normalize("NFC", name)
    stem = _UNSAFE.sub("-", stem)
    stem = _DOT_RUNS.sub(".", stem).strip(".-")
    if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(".-")
    if stem.split(".")[0].lower() in _RESERVED:
        stem = f"_{stem}"
    return stem or default


def file_stem(source: str | os.PathLike[str] | None, default: str) -> str:
    """The stem output files are named after: the source file's name without its extension, as
    a safe slug (:func:`safe_stem`).

    Args:
        source: The input file, or ``None`` / ``""`` when there is none.
        default: The stem to use without a source.
    """
    return safe_stem(Path(source).stem, default) if source else default


def output_file(folder: str | os.PathLike[str], name: str) -> Path:
    """``folder / name``, after checking that it is a file directly inside ``folder``.

    Raises:
        DuizhaoError: ``name`` is not a plain file name (empty, ``.`` or ``..``, or holding a
            path separator or a NUL), so the file would land outside the folder.

    Examples:
        >>> output_file("out", "a.html").as_posix()
        'out/a.html'
        >>> output_file("out", "../a.html")
        Traceback (most recent call last):
        duizhao.errors.DuizhaoError: '../a.html': not a file name inside the output folder out
    """
    seps = {"/", "\\", os.sep, os.altsep or "/", "\0"}
    if name in ("", ".", "..") or any(s in name for s in seps):
        raise DuizhaoError(f"{name!r}: not a file name inside the output folder {folder}")
    path = Path(folder) / name
    if path.parent.resolve() != Path(folder).resolve():  # pragma: no cover - checked above
        raise DuizhaoError(f"{name!r}: not a file name inside the output folder {folder}")
    return path


def href(name: str) -> str:
    """The relative URL of a file named ``name`` beside the page that links to it.

    Every character that could end the path or change its meaning is %-escaped, and a name
    whose first part looks like a scheme (``javascript:``) is prefixed with ``./``.

    Examples:
        >>> href("2025-09-02 WIPO.html"), href("javascript:alert(1).html")
        ('2025-09-02%20WIPO.html', './javascript%3Aalert%281%29.html')
    """
    url = quote(name, safe="-._~")
    return f"./{url}" if ":" in name.split("/")[0] else url


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create a folder (and its parents) unless it exists.

    Returns:
        The folder as a :class:`~pathlib.Path`.

    Raises:
        DuizhaoError: It cannot be created (e.g. a file of that name exists).
    """
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise DuizhaoError(f"{folder}: is a file, not a folder; name a folder for the output")
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DuizhaoError(f"{folder}: cannot create the folder ({e.strerror or e})") from e
    journal = _JOURNAL.get()
    if journal is not None:
        journal.extend(reversed(missing))  # outermost first: removed last
    return folder


_JOURNAL: ContextVar[list[Path] | None] = ContextVar("duizhao_output_journal", default=None)


@contextmanager
def all_or_nothing() -> Iterator[None]:
    """Remove the files (and empty folders) created through this module inside the block if the
    block fails.

    Blocks nest: the files of an inner block that succeeds belong to the outer block.

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> try:
        ...     with all_or_nothing():
        ...         _ = write_text(folder / "sheet.html", "<p>half of the work</p>")
        ...         raise DuizhaoError("the PDF failed")
        ... except DuizhaoError:
        ...     pass
        >>> list(folder.iterdir())
        []
    """
    created: list[Path] = []
    outer = _JOURNAL.get()
    token = _JOURNAL.set(created)
    try:
        yield
    except BaseException:
        for path in reversed(created):
            with suppress(OSError):
                path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
        raise
    finally:
        _JOURNAL.reset(token)
    if outer is not None:
        outer.extend(created)


@contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file name beside ``path`` for a writer to write to; it becomes ``path`` when
    the block ends, and is removed if the block fails (so there is never half a file).

    Raises:
        DuizhaoError: The folder cannot be made or the file cannot be put in place.
    """
    final = Path(path)
    make_folder(final.parent)
    existed = final.exists() or final.is_symlink()
    tmp = final.with_name(f".{final.name[:40]}.{secrets.token_hex(4)}.part")  # < 255 bytes
    try:
        tmp.touch(exist_ok=False)
    except OSError as e:
        raise DuizhaoError(f"{final}: cannot write the file ({e.strerror or e})") from e
    try:
        yield tmp
        if final.is_dir():
            raise IsADirectoryError(21, "Is a directory")
        os.replace(tmp, final)
    except OSError as e:
        with suppress(OSError):
            tmp.unlink()
        raise DuizhaoError(f"{final}: cannot write the file ({e.strerror or e})") from e
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    journal = _JOURNAL.get()
    if journal is not None and not existed:
        journal.append(final)


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8, line ends as given, creating the folder it goes in; the file
    appears whole or not at all (:func:`writing`).

    Returns:
        The file written, as a :class:`~pathlib.Path`.

    Raises:
        DuizhaoError: The folder or the file cannot be written.
    """
    with writing(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return Path(path)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all (:func:`writing`)."""
    with writing(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)
