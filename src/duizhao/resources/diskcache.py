"""Derived tables kept on disk, so that later processes start fast.

Every table duizhao derives from a shipped data file (the segmenter dictionary, the CC-CEDICT
indexes, the Jyutping table, the encoder's tokenizer…) is built once and kept in
``platformdirs.user_cache_dir("duizhao")`` (e.g. ``~/.cache/duizhao``). A table's file name holds
a digest of what it was built from: duizhao's version, Python's version, the cache format and the
paths, sizes and modification times of its sources, so a changed source or a new release builds a
new table. A damaged or unreadable file is rebuilt; an unwritable cache directory only costs time.
When a table is built anew, the copies of the same table built from other sources more than a
week before are removed (:func:`prune_stale`): an upgrade does not leave the old release's
tables behind for ever, and two installed versions used in turn do not rebuild each other's.
Nothing here is downloaded.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import pickle
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

__all__ = ["cache_dir", "gc_paused", "load_or_build", "prune_stale", "source_key"]

#: Bump when the layout of any cached table changes.
CACHE_FORMAT = 2

T = TypeVar("T")

#: Copies of a table built from other sources are removed once they are this old (seconds).
STALE_AFTER = 7 * 24 * 3600


def cache_dir() -> Path:
    """The user cache directory of duizhao (not created here)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("duizhao"))


def source_key(*parts: object) -> str:
    """A short digest of what a derived table was built from.

    ``Path`` parts count by their resolved path, size and modification time; anything else by
    its ``repr``.
    """
    from duizhao import __version__

    items: list[object] = [CACHE_FORMAT, __version__, sys.version_info[:2]]
    for part in parts:
        if isinstance(part, Path):
            try:
                st = part.stat()
                items.append((str(part.resolve()), st.st_mtime_ns, st.st_size))
            except OSError:
                items.append((str(part), None))
        else:
            items.append(part)
    return hashlib.sha1(repr(items).encode()).hexdigest()[:16]


def prune_stale(name: str, keep: Path, *, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove the cached copies of table ``name`` other than ``keep`` made over ``older_than``
    seconds ago (another release's or another checkout's). Only files and folders named
    ``NAME-<16 hex digits>.<kind>`` are touched (so ``cedict`` never takes ``cedict-senses``);
    what cannot be removed is left. Returns what was removed.
    """
    pattern = re.compile(re.escape(name) + r"-[0-9a-f]{16}\.(?:table|marshal|pickle)")
    limit = time.time() - older_than
    removed: list[Path] = []
    try:
        entries = list(keep.parent.iterdir())
    except OSError:
        return removed
    for path in entries:
        if path == keep or not pattern.fullmatch(path.name):
            continue
        try:
            if path.stat().st_mtime >= limit:
                continue
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large table is built or loaded, or while a stage
    makes many short-lived objects; as a decorator, ``@gc_paused()``.

    Building or unpickling a table creates hundreds of thousands of small objects, none of them in
    reference cycles; the collector would run again and again over them for nothing (loading the
    CC-CEDICT index takes about twice as long with it). The glossary stages (``link_glossary``,
    ``suggest_vocabulary``) make tens of thousands of small dicts, lists and tuples an article,
    nearly all freed by reference counting at once, yet each counts towards the collector's
    thresholds, and a full collection walks every table and memo of the process (about 40 ms;
    5 % of a distinct article). The few cycles a stage leaves are freed by the next collection.
    ``duizhao.pipeline.annotate`` holds it off over both stages at once and until their shared
    context is dropped (round 16: the context's objects are then freed by reference counting
    before any collection walks them; the collector's share 3.0 → 1.6 % of a distinct article).
    This is the one place in duizhao that touches :mod:`gc`; it restores the collector's previous
    state (a caller that had turned it off keeps it off), also on an error.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_or_build(name: str, key: str, build: Callable[[], T], *, codec: str = "marshal") -> T:
    """Load the table ``name``/``key`` from the cache directory, or build it and store it.

    Args:
        name: The table's name (the first part of its file name).
        key: A :func:`source_key` of its sources.
        build: Builds the table when there is no usable cached copy.
        codec: ``"marshal"`` (plain containers of str, int, float, bytes: fastest) or
            ``"pickle"`` (any picklable object; the file is only ever read from the user's own
            cache directory).

    Returns:
        The table, as ``build`` returns it.
    """
    dumps: Callable[[Any, Any], None]
    loads: Callable[[Any], Any]
    if codec == "marshal":
        dumps, loads = marshal.dump, marshal.load
    else:
        dumps, loads = pickle.dump, pickle.load
    path = cache_dir() / f"{name}-{key}.{codec}"
    try:
        with path.open("rb") as fh, gc_paused():
            value: T = loads(fh)
            return value
    except Exception:  # missing, damaged or from another layout: rebuild
        pass
    with gc_paused():
        value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            dumps(cast(Any, value), fh)
        os.replace(tmp, path)
        prune_stale(name, path)
    except (OSError, ValueError, TypeError, pickle.PicklingError):
        pass  # an unwritable cache directory (or an unstorable value) only costs start-up time
    return value
