"""``duizhao bank kwic TERM``: the concordance of a term, English and Chinese side by side.

Exits with 1 when no sentence uses the term (like ``grep``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._common import count
from . import BankCommand, Streams
from ._format import dump

if TYPE_CHECKING:
    from ...bank import TermBank


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("term", metavar="TERM")
    p.add_argument("--html", metavar="OUT", help="also write the concordance as an HTML page")
    p.add_argument("--limit", type=count, default=100, help="at most N lines (100; 0: all)")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    from ...bank import kwic_html, kwic_text
    from ...output.files import write_text

    lines = bank.kwic(args.term, limit=args.limit or None)
    if args.html:
        write_text(args.html, kwic_html(args.term, lines))
    if args.format == "json":
        dump([ln.to_dict() for ln in lines], io.stdout)
    elif lines:
        io.stdout.write(kwic_text(lines) + "\n")
    if not lines:
        print(f"no sentence in the bank uses {args.term!r}", file=io.stderr)
        return 1
    return 0


COMMAND = BankCommand(
    name="kwic",
    help="concordance of a term",
    add_arguments=_arguments,
    run=_run,
    order=40,
    needs_bank=True,
)
