"""Seeded randomness: every random choice of the drills comes from :func:`rng` and :func:`pick`.

Each choice gets its own ``random.Random`` seeded with a string built from the worksheet's seed
and what is being chosen (``seed|cloze|2025-09-02|cluster``), so adding a term or a kind changes
no other choice, and the same documents and options always give byte-identical output.

Examples:
    >>> rng(1, "pick", "cloze").random() == rng(1, "pick", "cloze").random()
    True
    >>> pick(["a", "b", "c", "d"], 2, rng(1, "pick", "cloze"), [False, True, False, True])
    ['b', 'd']
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["pick", "rng"]

T = TypeVar("T")


def rng(seed: int, *parts: object) -> random.Random:
    """The random generator of one choice: ``seed`` and ``parts`` joined with ``|``."""
    # str seeds are hashed with SHA-512 by random.seed: stable across runs and platforms
    return random.Random("|".join([str(seed), *map(str, parts)]))


def pick(cands: Sequence[T], count: int, rng: random.Random, first: Sequence[bool] = ()) -> list[T]:
    """``count`` candidates chosen at random, kept in their original order.

    Candidates flagged in ``first`` (glossary terms) are chosen before the others.
    """
    if len(cands) <= count:
        return list(cands)
    flags = list(first) or [False] * len(cands)
    top = [i for i in range(len(cands)) if flags[i]]
    rest = [i for i in range(len(cands)) if not flags[i]]
    if len(top) >= count:
        chosen = rng.sample(top, count)
    else:
        chosen = top + rng.sample(rest, count - len(top))
    return [cands[i] for i in sorted(chosen)]
