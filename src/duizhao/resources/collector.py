"""Python's cyclic garbage collector held off while a stage allocates many short-lived objects.

The glossary stages make tens of thousands of small dicts, lists and tuples an article (each
candidate span's features, the beads' words), and nearly all of them are freed by reference
counting the moment they are dropped. Each allocation still counts towards the collector's
thresholds, so the collector runs several times a stage and now and then walks every container
of the process: the parsed tables and the bounded memos of the earlier articles, where a full
collection took about 40 ms (measured: about 10 % of the two glossary stages warm, 5 % of a whole
distinct article). :func:`gc_paused` runs a stage inside :func:`paused_gc`, which turns it
off and back on after it as it was (a caller that had turned it off keeps it off); the few
reference cycles a stage leaves are freed by the next collection (an article, annotated and
rendered, leaves about 300 small cyclic objects).

Examples:
    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from .diskcache import gc_paused as paused_gc

__all__ = ["gc_paused", "paused_gc"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def gc_paused(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorate a function to run inside :func:`paused_gc` (the context manager of
    :mod:`duizhao.resources.diskcache`, the one place that touches :mod:`gc`)."""

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused_gc():
            return fn(*args, **kwargs)

    return wrapper
