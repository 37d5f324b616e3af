"""``duizhao bank add FILE…``: ingest articles (or annotated JSON), several to a transaction.

:data:`BATCH` annotated articles are written in one transaction, and each article's line is
printed once it is committed."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from .._common import add_dask_option, add_limit_option, error_line, max_bytes, positive
from . import BankCommand, Streams

if TYPE_CHECKING:
    from ...bank import TermBank

#: One article's bank rows (:func:`duizhao.bank.document_rows`), or the error message.
Rows = tuple[dict[str, list[dict[str, Any]]] | None, str | None]


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="articles, or JSON from 'annotate'")
    p.add_argument(
        "-j",
        "--jobs",
        type=positive,
        default=1,
        metavar="N",
        help="annotate in N worker processes (the bank is written by one; default 1)",
    )
    add_limit_option(p)
    add_dask_option(p)


def _rows_one(path: str, limit: int | None = None) -> Rows:
    """Annotate one file into its bank rows, or its error line (a worker's or a Dask task's
    work: plain, picklable values)."""
    from ...bank import document_rows
    from ...documents import load_document
    from ...errors import DuizhaoError

    try:
        return document_rows(load_document(path, max_bytes=limit)), None
    except DuizhaoError as e:
        return None, error_line(e, argparse.Namespace(files=[path], max_bytes=limit))


def _rows_all(
    files: Sequence[str], args: argparse.Namespace, io: Streams
) -> Iterator[tuple[str, Rows]]:
    """Each file's rows, in the files' order, annotated here, in ``--jobs`` worker processes or
    as Dask tasks (annotation is the expensive, independent part); the caller writes them."""
    from ...pipeline.parallel import run_each

    quiet = getattr(args, "quiet", False)
    work = partial(_rows_one, limit=max_bytes(args))
    yield from run_each(work, files, jobs=getattr(args, "jobs", 1),
                        dask=getattr(args, "dask", None), progress=False if quiet else None,
                        stream=io.stderr, desc="bank add")  # fmt: skip


def _describe(article: dict[str, Any]) -> str:
    """An article as a teacher knows it: source, date and title (``明報社評, 2025-09-02:
    灣區創科…``), or its file when it has none of them."""
    said = ", ".join(str(article[k]) for k in ("source", "date") if article.get(k))
    title = article.get("title_zh") or article.get("title_en")
    if title:
        said = f"{said}: {title}" if said else str(title)
    return said or "no source, date or title"


#: What each :attr:`~duizhao.bank.store.AddResult.status` means, in the words printed.
_DONE = {
    "added": "now in the bank",
    "replaced": "replaces its earlier version in the bank",
    "unchanged": "already in the bank with the same text: nothing to do",
}


#: Articles written in one transaction: a commit writes every page the transaction changed, and
#: the indexes of consecutive articles share many (docs/speed.md: 16 a transaction, about 40 %
#: less wall time writing than one each).
BATCH = 16


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    status = 0
    pending: list[tuple[str, dict[str, list[dict[str, Any]]]]] = []

    def write() -> None:
        batch = pending[:]
        pending.clear()  # (not tried again if the write fails)
        results = bank.add_rows_batch([rows for _, rows in batch])
        for (f, rows), r in zip(batch, results, strict=True):
            said = _describe(rows["article"][0])
            io.stdout.write(f"{r.status:<9} {f}  ({said}): {_DONE[r.status]}\n")

    try:
        for f, (rows, error) in _rows_all(args.files, args, io):
            if rows is None:
                print(error, file=io.stderr)
                status = 2
                continue
            pending.append((f, rows))
            if len(pending) >= BATCH:
                write()
    finally:  # the last articles, or those annotated before an interruption
        if pending:
            write()
    return status


COMMAND = BankCommand(
    name="add",
    help="ingest articles (or annotated JSON)",
    add_arguments=_arguments,
    run=_run,
    order=10,
)
