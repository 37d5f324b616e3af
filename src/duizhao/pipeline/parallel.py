"""The per-article work of many articles: in this process, in worker processes, or on Dask.

:func:`run_each` runs one picklable function over many items (article paths) and yields the
results *in the items' order*, so that what is written from them (a site's index, the term bank's
article ids) is the same whichever way they were computed:

* ``jobs=1``: one after the other in this process;
* ``jobs=N``: the first item in this process — which loads every read-only table the work needs —
  then the rest in ``N`` worker processes *forked after that load*, so they start warm and share
  the loaded tables with this process (the big tables are memory-mapped files in any case, see
  :mod:`duizhao.resources.compact`, so even workers started otherwise share their pages);
* ``dask=ADDRESS``: as Dask tasks on an existing cluster (``tcp://host:8786``), or on a
  ``LocalCluster`` of ``jobs`` worker processes started here for ``dask="local"``. The workers
  need duizhao installed; what a task returns comes back here, where one writer writes it
  (``duizhao bank add`` writes every article's rows into the bank from this process). Dask and
  its ``distributed`` scheduler are the ``dask`` extra, imported only here and only then. A few
  tasks at a time are submitted (:func:`dask_window`), and each result is released on the
  workers as soon as it is here, so a worker holds only the documents not yet taken.

Every run with more than one item shows a progress bar (tqdm) on a terminal.

Examples:
    >>> [r for _, r in run_each(len, ["香港", "銀行業"])]  # "Hong Kong", "banking"
    [2, 3]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any, TextIO, TypeVar

from duizhao.errors import DuizhaoError, MissingExtraError

__all__ = ["dask_client", "dask_window", "progress_bar", "run_each"]

#: Seconds to wait for a Dask scheduler before giving up.
CONNECT_TIMEOUT = 20.0

T = TypeVar("T")
R = TypeVar("R")


def progress_bar(
    total: int, *, desc: str = "articles", enabled: bool | None = None, stream: TextIO | None = None
) -> Any:
    """A tqdm progress bar on ``stream`` (default stderr).

    Args:
        total: How many items.
        desc: What is counted.
        enabled: ``None`` shows it when there is more than one item and the stream is a terminal.
        stream: Where it is drawn.
    """
    from tqdm import tqdm

    out = stream if stream is not None else sys.stderr
    if enabled is None:
        enabled = total > 1 and bool(getattr(out, "isatty", lambda: False)())
    return tqdm(total=total, desc=desc, unit="article", file=out, disable=not enabled,
                dynamic_ncols=True, leave=True)  # fmt: skip


@contextmanager
def dask_client(address: str, workers: int | None = None) -> Iterator[Any]:
    """A Dask client of the cluster at ``address``, or of a new ``LocalCluster`` for ``local``.

    Args:
        address: A scheduler address (``tcp://host:8786``) or ``local``.
        workers: Worker processes of a local cluster (default: the machine's cores).

    Raises:
        MissingExtraError: Dask is not installed.
        DuizhaoError: The scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise MissingExtraError("distributed", "dask", "Running on Dask (--dask)") from e
    import logging

    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=max(1, workers or os.cpu_count() or 1),
                threads_per_worker=1,  # the work is pure Python: one task a process at a time
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise DuizhaoError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_each(
    task: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    dask: str | None = None,
    progress: bool | None = None,
    stream: TextIO | None = None,
    desc: str = "articles",
    label: Callable[[T], str] | None = None,
) -> Iterator[tuple[T, R]]:
    """``(item, task(item))`` for every item, in the items' order.

    Args:
        task: The work for one item; with ``jobs > 1`` or ``dask`` a module-level function (or
            another picklable callable) that returns a picklable value.
        items: The items (article paths).
        jobs: Worker processes (with ``dask="local"``: the local cluster's workers).
        dask: A Dask scheduler address, or ``local`` (see the module docstring).
        progress: Show a progress bar; ``None``: on a terminal, for more than one item.
        stream: Where the bar goes (default stderr).
        desc: What the bar counts.
        label: The name shown beside the bar for an item (default ``str``).

    Raises:
        MissingExtraError: ``dask`` is given but Dask is not installed.
    """
    items = list(items)
    name = label or (lambda item: os.path.basename(str(item)))
    bar = progress_bar(len(items), desc=desc, enabled=progress, stream=stream)
    try:
        if dask:
            yield from _on_dask(task, items, dask, jobs, bar, name)
            return
        if jobs <= 1 or len(items) < 2:
            for item in items:
                bar.set_postfix_str(name(item), refresh=False)
                result = task(item)
                bar.update(1)
                yield item, result
            return
        # the first item here: it loads the tables, which the forked workers then share
        bar.set_postfix_str(name(items[0]), refresh=False)
        first = task(items[0])
        bar.update(1)
        yield items[0], first
        yield from _forked(task, items[1:], jobs, bar, name)
    finally:
        bar.close()


def _forked(
    task: Callable[[T], R], items: list[T], jobs: int, bar: Any, name: Callable[[T], str]
) -> Iterator[tuple[T, R]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context: Any
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: fresh workers (the tables are mapped files)
        context = multiprocessing.get_context()
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context) as pool:
        for item, result in zip(items, pool.map(task, items), strict=True):
            bar.set_postfix_str(name(item), refresh=False)
            bar.update(1)
            yield item, result


def _on_dask(
    task: Callable[[T], R],
    items: list[T],
    address: str,
    jobs: int,
    bar: Any,
    name: Callable[[T], str],
) -> Iterator[tuple[T, R]]:
    import time
    from collections import deque

    with dask_client(address, workers=jobs if jobs > 1 else None) as client:
        # a bounded window of tasks, each future dropped once its result is here: a worker keeps
        # a result until no future refers to it, so submitting every task at once (and holding
        # every future to the end) left each worker holding all the documents it had made
        todo = iter(items)
        pending: deque[tuple[T, Any]] = deque()
        window, asked = 0, None
        while True:
            if asked is None or time.monotonic() - asked >= WINDOW_REFRESH:  # workers come, go
                window = dask_window(sum(client.nthreads().values()))
                asked = time.monotonic()
            pending.extend((item, client.submit(task, item, pure=False))
                           for item in islice(todo, max(0, window - len(pending))))  # fmt: skip
            if not pending:
                return
            item, future = pending.popleft()
            result = future.result()
            future.release()  # the worker may forget it now
            bar.set_postfix_str(name(item), refresh=False)
            bar.update(1)
            yield item, result


#: Seconds between two looks at how many worker threads a Dask cluster has.
WINDOW_REFRESH = 1.0


def dask_window(threads: int) -> int:
    """How many Dask tasks :func:`run_each` keeps submitted and not yet taken back, for a
    cluster of ``threads`` worker threads: enough that no worker waits for the next task while
    this process takes a result, few enough that the results waiting here stay few. The
    cluster's threads are counted again every :data:`WINDOW_REFRESH` seconds (workers may join
    a cluster after the run starts).

    Examples:
        >>> dask_window(2)
        8
    """
    return 4 * max(1, threads)
