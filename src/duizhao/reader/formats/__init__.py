"""The input formats, one module each (a registry: see :mod:`duizhao.registry`).

A format module defines ``FORMAT = InputFormat(...)``: a name, a ``parse(lines, builder)``
function, a ``sniff(lines, path)`` test and a priority. When no format is named, the formats are
asked in order of priority (lowest first) and the first whose ``sniff`` says yes reads the text;
``editorial`` says yes to anything, last.

Adding a format is adding one module here, e.g. ``formats/plain_pairs.py``::

    from ..builder import Builder
    from . import InputFormat

    def _parse(lines: list[str], b: Builder) -> None:
        ...  # b.add_block(...), b.add_glossary(...), b.meta["date"] = ...

    def _sniff(lines: list[str], path: str) -> bool:
        return path.endswith(".pairs")

    FORMAT = InputFormat(name="pairs", parse=_parse, sniff=_sniff, priority=20)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..builder import Builder

__all__ = ["InputFormat"]


@dataclass(frozen=True)
class InputFormat:
    """One article format the reader understands."""

    name: str
    """The name users give with ``fmt=`` (and that ``meta.format`` records)."""
    parse: Callable[[list[str], Builder], None]
    """Read the normalised lines into the builder; raise ``InputError`` for bad input."""
    sniff: Callable[[list[str], str], bool]
    """Whether the lines (and the file name) look like this format."""
    priority: int = 50
    """Formats are sniffed in increasing priority."""
