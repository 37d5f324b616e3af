"""``duizhao bank new FILE``: the terms and words of an article that no earlier article had."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._common import add_limit_option, max_bytes
from . import BankCommand, Streams
from ._format import dump, meaning, short, table

if TYPE_CHECKING:
    from ...bank import TermBank


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_limit_option(p)


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    from ...documents import load_document

    out = io.stdout
    fresh = bank.new_in(load_document(args.file, max_bytes=max_bytes(args)))
    if args.format == "json":
        dump([n.to_dict() for n in fresh], out)
        return 0
    rows = [
        (n.display, n.lang, n.kind, n.count, short(meaning(n.zh, n.check, n.definition), 40))
        for n in fresh
    ]
    out.write(table(rows, ("term", "lang", "kind", "count", "meaning")) + f"\n{len(fresh)} new\n")
    return 0


COMMAND = BankCommand(
    name="new",
    help="what is new in an article",
    add_arguments=_arguments,
    run=_run,
    order=30,
)
