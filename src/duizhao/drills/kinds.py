"""The exercise kinds in worksheet order, from the registry in :mod:`duizhao.drills.exercises`.

Examples:
    >>> KINDS
    ('cloze', 'choice', 'match', 'zh', 'readings', 'translate')
    >>> parse_kind_counts("cloze:8,match,readings:5")
    (('cloze', 'match', 'readings'), {'cloze': 8, 'readings': 5})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from ..registry import discover
from .exercises import ExerciseKind
from .model import DrillError

__all__ = ["EXERCISES", "KINDS", "KIND_TITLES", "parse_kind_counts", "parse_kinds", "unknown_kind"]

#: Every kind of exercise by name, in the order they appear on a worksheet.
EXERCISES: Mapping[str, ExerciseKind] = MappingProxyType(
    {
        k.name: k
        for k in sorted(
            discover("duizhao.drills.exercises", "EXERCISE").values(), key=lambda k: k.order
        )
    }
)
#: Every kind of exercise, in the order they appear on a worksheet.
KINDS: tuple[str, ...] = tuple(EXERCISES)
#: Section titles shown on the worksheet.
KIND_TITLES: Mapping[str, str] = MappingProxyType({k.name: k.title for k in EXERCISES.values()})


def unknown_kind(name: str) -> DrillError:
    """The error for a kind that is not in :data:`KINDS`."""
    return DrillError(f"unknown drill kind {name!r} (choose from {', '.join(KINDS)})")


def parse_kinds(text: str | Iterable[str]) -> tuple[str, ...]:
    """Exercise kinds from ``"cloze,match"`` (or a list), checked against :data:`KINDS`.

    Raises:
        DrillError: An unknown kind, or none.
    """
    return parse_kind_counts(text)[0]


def parse_kind_counts(text: str | Iterable[str]) -> tuple[tuple[str, ...], dict[str, int]]:
    """Kinds and per-kind counts from ``"cloze:8,match,readings:5"``.

    Returns:
        The kinds in the order given (without repeats) and the counts given with them.

    Raises:
        DrillError: An unknown kind, a count that is not a positive number, or no kind.
    """
    parts = text.split(",") if isinstance(text, str) else list(text)
    kinds: dict[str, None] = {}
    counts: dict[str, int] = {}
    for part in parts:
        name, _, number = part.strip().partition(":")
        name = name.strip().lower()
        if not name:
            continue
        if name not in KINDS:
            raise unknown_kind(name)
        kinds[name] = None
        if number.strip():
            if not number.strip().isdigit() or int(number) < 1:
                raise DrillError(f"bad count {number.strip()!r} for {name} (a number from 1)")
            counts[name] = int(number)
    if not kinds:
        raise DrillError(f"no drill kinds given (choose from {', '.join(KINDS)})")
    return tuple(kinds), counts
