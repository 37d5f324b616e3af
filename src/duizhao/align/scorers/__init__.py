"""The alignment scorers, one module each (a registry: see :mod:`duizhao.registry`).

A scorer module defines ``SCORER = ScorerKind(...)``: a name, a ``make()`` function that returns a
scorer with its default settings (anything with the :class:`~duizhao.align.scoring.AlignScorer`
``prepare`` method) and a one-line description. :func:`scorer` looks one up by name::

    >>> from duizhao.align import scorer, scorers
    >>> sorted(scorers())
    ['embedding', 'length', 'lexical']
    >>> scorer("length")
    LengthScorer(variance=3.0, null=10.0, merge=2.0, ratio=None)
    >>> scorer("gale-church")
    Traceback (most recent call last):
    ...
    ValueError: unknown scorer 'gale-church' (choose from embedding, length, lexical)

Adding a scorer is adding one module here, e.g. ``scorers/names_only.py`` (numbers, names and
glossary terms, no dictionary)::

    from ..lexical import LexicalScorer
    from . import ScorerKind

    SCORER = ScorerKind(
        name="names-only",
        make=lambda: LexicalScorer(use_cedict=False),
        description="numbers, Latin-script names and glossary terms; no dictionary",
    )

A new kind of scorer defines its class in its module too: a frozen dataclass with
``prepare(en, zh, *, glossary_pairs=()) -> PreparedScorer`` (and ``with_ratio(ratio)`` if it
estimates the Chinese/English length ratio per document; see
:func:`~duizhao.align.scoring.with_ratio`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ...registry import discover, unknown_choice
from ..scoring import AlignScorer

__all__ = ["ScorerKind", "scorer", "scorers"]


@dataclass(frozen=True)
class ScorerKind:
    """One alignment scorer the aligner can be given by name."""

    name: str
    """The name users give (``scorer("lexical")``)."""
    make: Callable[[], AlignScorer]
    """A new scorer with its default settings."""
    description: str = ""
    """What the scorer prices beads by, in one line."""


def scorers() -> Mapping[str, ScorerKind]:
    """The alignment scorers by name (``length``, ``lexical``, ``embedding``, and any module added
    to :mod:`duizhao.align.scorers`)."""
    return discover(__name__, "SCORER")


def scorer(name: str) -> AlignScorer:
    """A new scorer of the kind ``name``, with its default settings.

    Raises:
        ValueError: No scorer has that name (the message lists the names).
    """
    kinds = scorers()
    if name not in kinds:
        raise ValueError(unknown_choice("scorer", name, kinds))
    return kinds[name].make()
