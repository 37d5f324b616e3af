"""The folder a review works in: its articles, their corrections files, their documents.

Every file the review page reads or writes is one of the folder's own, named by a plain file name
(no folder part, no leading dot, an article suffix): :meth:`Workspace.article` refuses anything
else, so no request can reach outside the folder, whatever it asks for. Documents are cached by
the state of the article and of its corrections file (a bounded cache of the server, not of the
process).

Examples:
    >>> ws = Workspace("corpus")
    >>> [p.name for p in ws.articles()][:1]
    ['2025-09-02-wipo-innovation-clusters.txt']
    >>> ws.article("../pyproject.toml")
    Traceback (most recent call last):
    ...
    duizhao.review.workspace.NotFound: no article '../pyproject.toml' in this folder
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..documents import ARTICLE_SUFFIXES, load_document
from ..errors import DuizhaoError
from ..model import Document
from ..reader.corrections import corrections_path

__all__ = ["NotFound", "Workspace"]

#: Documents kept per server (each is an annotated article: a few MB at most).
CACHE_SIZE = 8

_NAME = re.compile(r"^[^/\\\x00-\x1f.][^/\\\x00-\x1f]{0,150}$")


class NotFound(DuizhaoError):
    """A name that is not one of the folder's articles."""


class Workspace:
    """A folder of articles (or one article and its folder) under review.

    Args:
        target: An article file, or a folder of articles.

    Raises:
        DuizhaoError: ``target`` is neither.
    """

    def __init__(self, target: str | os.PathLike[str]) -> None:
        path = Path(target)
        if path.is_file():
            self.folder = path.resolve().parent
            self.only: str | None = path.name
            self.article(path.name)  # an article suffix
        elif path.is_dir():
            self.folder = path.resolve()
            self.only = None
        else:
            raise DuizhaoError(f"{path}: no such article or folder")
        self.lock = threading.RLock()
        self._cache: OrderedDict[tuple[Any, ...], Document] = OrderedDict()

    def articles(self) -> list[Path]:
        """The folder's articles (``*.txt``, ``*.md``, …), by name."""
        if self.only is not None:
            return [self.folder / self.only]
        return sorted(
            p for p in self.folder.iterdir()
            if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and _NAME.match(p.name)
        )

    def article(self, name: str) -> Path:
        """The article of that file name in the folder.

        Raises:
            NotFound: The name has a folder part, starts with a dot, is not an article's name,
                or no such file is in the folder (symbolic links leading out are refused too).
        """
        if (
            not isinstance(name, str)
            or not _NAME.match(name)
            or Path(name).suffix.lower() not in ARTICLE_SUFFIXES
        ):
            raise NotFound(f"no article {name!r} in this folder")
        path = self.folder / name
        if not path.is_file() or path.resolve().parent != self.folder:
            raise NotFound(f"no article {name!r} in this folder")
        if self.only is not None and name != self.only:
            raise NotFound(f"no article {name!r} in this folder")
        return path

    def new_path(self, name: str) -> Path:
        """Where a new article of that name goes (``.md`` added if it has no article suffix),
        the name made safe as output files' names are (:func:`~duizhao.output.files.safe_stem`).

        Raises:
            DuizhaoError: The name is not a plain file name, or the file exists already.
        """
        from ..output.files import safe_stem

        name = name.strip()
        if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
            name += ".md"
        if not _NAME.match(name) or name.endswith(" ") or name != Path(name).name:
            raise DuizhaoError(
                f"{name!r} cannot be a file name here: use letters, digits, - and _, no folders"
            )
        # made safe as every output file is ("Week 3: trams" → Week-3-trams.md): no spaces,
        # colons or quotes in a name a shell, a link or Windows would trip over
        stem = safe_stem(Path(name).stem, "")
        if not stem:
            raise DuizhaoError(f"{name!r} cannot be a file name here: use letters or digits")
        name = stem + Path(name).suffix
        path = self.folder / name
        if path.exists() or path.is_symlink():
            raise DuizhaoError(f"{name} exists already: choose another name")
        return path

    def corrections(self, name: str) -> Path:
        """The corrections file of an article (it may not exist yet)."""
        return corrections_path(self.article(name))

    def document(self, name: str) -> Document:
        """The article's complete document, its corrections applied (cached while neither file
        changes).

        Raises:
            InputError: The article or its corrections file cannot be read.
        """
        path = self.article(name)
        key = (name, _stamp(path), _stamp(corrections_path(path)), _stamp(_old_pins(path)))
        with self.lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            doc = load_document(path)
            self._cache[key] = doc
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            return doc


def _old_pins(path: Path) -> Path:
    from ..reader.pins import pins_path

    return pins_path(path)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
