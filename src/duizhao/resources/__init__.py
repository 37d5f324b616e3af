"""Where the files that ship with duizhao live: the default templates and the sample corpus.

In an installed wheel they are package data (``duizhao/templates``, ``duizhao/corpus``, copied there
by the build's ``force-include``); in a source checkout (editable install, ``python -m duizhao``
from the repository) they are the top-level ``templates/`` and ``corpus/`` folders. Both functions
look in that order and return a real directory on disk.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import DuizhaoError

__all__ = ["corpus_dir", "templates_dir"]


# Where the shipped folders are does not change while a process runs: looked up once each.
@cache
def _find(name: str) -> Path:
    from importlib.resources import files

    packaged = files("duizhao") / name
    # The wheel installs plain files, so the Traversable is a real path.
    if packaged.is_dir():
        return Path(str(packaged))
    here = Path(__file__).resolve()
    for parent in here.parents[1:4]:  # src/duizhao -> src -> repo root
        candidate = parent / name
        if candidate.is_dir() and (parent / "pyproject.toml").is_file():
            return candidate
    raise DuizhaoError(
        f"cannot find duizhao's {name}/ folder (looked in {packaged} and next to the sources); "
        "reinstall duizhao"
    )


def templates_dir() -> Path:
    """The folder of the default jinja2 templates and stylesheets.

    Returns:
        ``duizhao/templates`` inside an installed wheel, else the repository's ``templates/``.

    Raises:
        DuizhaoError: Neither exists (a broken installation).
    """
    return _find("templates")


def corpus_dir() -> Path:
    """The folder of the sample articles (the 2025-09-02 editorial and friends).

    Returns:
        ``duizhao/corpus`` inside an installed wheel, else the repository's ``corpus/``.

    Raises:
        DuizhaoError: Neither exists (a broken installation).
    """
    return _find("corpus")
