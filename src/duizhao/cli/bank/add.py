"""``duizhao bank add FILE…``: ingest articles (or annotated JSON), each in one transaction."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from .._common import add_limit_option, error_line, max_bytes
from . import BankCommand, Streams

if TYPE_CHECKING:
    from ...bank import TermBank
    from ...model import Document


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="articles, or JSON from 'annotate'")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="annotate in N worker processes (the bank is written by one; default 1)",
    )
    add_limit_option(p)


def _load_one(path: str, limit: int | None = None) -> tuple[Document | None, str | None]:
    """Annotate one file: the document, or the error line (picklable, for worker processes)."""
    from ...documents import load_document
    from ...errors import DuizhaoError

    try:
        return load_document(path, max_bytes=limit), None
    except DuizhaoError as e:
        return None, error_line(e, argparse.Namespace(files=[path], max_bytes=limit))


def _load_all(
    files: Sequence[str], jobs: int, limit: int | None
) -> Iterator[tuple[str, Document | None, str | None]]:
    """Annotate the files in order, in ``jobs`` worker processes (annotation is the expensive,
    independent part); the caller writes each to the bank as it comes, from one process."""
    load = partial(_load_one, limit=limit)
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield (f, *load(f))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        for f, (doc, error) in zip(files, pool.map(load, files), strict=True):
            yield f, doc, error


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    status = 0
    for f, doc, error in _load_all(args.files, getattr(args, "jobs", 1), max_bytes(args)):
        if doc is None:
            print(error, file=io.stderr)
            status = 2
            continue
        r = bank.add(doc)
        io.stdout.write(f"{r.status:<9} {f}  ({r.key})\n")
    return status


COMMAND = BankCommand(
    name="add",
    help="ingest articles (or annotated JSON)",
    add_arguments=_arguments,
    run=_run,
    order=10,
)
