"""``duizhao bank coverage FILE``: how much of an article's vocabulary the class has met."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._common import add_limit_option, max_bytes
from . import BankCommand, Streams
from ._format import dump

if TYPE_CHECKING:
    from ...bank import TermBank


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_limit_option(p)


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    from ...documents import load_document

    out = io.stdout
    cov = bank.coverage(load_document(args.file, max_bytes=max_bytes(args)))
    if args.format == "json":
        dump({k: v.to_dict() for k, v in cov.items()}, out)
        return 0
    for lang, c in cov.items():
        out.write(
            f"{lang}: {c.met}/{c.total} terms met ({c.ratio:.0%}), "
            f"{c.met_tokens}/{c.tokens} occurrences ({c.token_ratio:.0%})\n"
        )
        if c.new:
            out.write(f"    new: {', '.join(c.new)}\n")
    return 0


COMMAND = BankCommand(
    name="coverage",
    help="how much the class has met",
    add_arguments=_arguments,
    run=_run,
    order=50,
)
