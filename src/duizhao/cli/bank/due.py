"""``duizhao bank due``: the terms due on a day, and with ``-o`` their review sheet."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ...errors import DuizhaoError
from . import BankCommand, Streams, check_dates
from ._format import dump, short, table

if TYPE_CHECKING:
    from ...bank import TermBank


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="DATE", help="the day (default today)")
    p.add_argument("--learner", default="class", help="whose cards (default: class)")
    p.add_argument("-o", "--output", metavar="OUT", help="write the sheet (HTML, or PDF)")
    p.add_argument("--pdf", action="store_true", help="write a PDF instead of HTML")
    p.add_argument("--new", type=int, default=0, help="also N never-reviewed terms")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _check(args: argparse.Namespace) -> None:
    if args.pdf and not args.output:
        raise DuizhaoError("--pdf needs -o OUT")
    check_dates(args, "date")


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    from ...bank import write_due
    from ...bank.when import as_date

    day = as_date(args.date)
    items = bank.due(day, learner=args.learner, new=args.new)
    if args.format == "json":
        dump([it.to_dict() for it in items], io.stdout)
    elif items:
        rows = [
            (it.display, it.state, (it.due or "")[:10] or "-", short(it.zh, 20)) for it in items
        ]
        io.stdout.write(table(rows, ("term", "state", "due", "zh")) + "\n")
    if not items:
        print(f"nothing is due on {day.isoformat()} for {args.learner}", file=io.stderr)
        return 0
    if args.output:
        path = write_due(items, day, args.output, learner=args.learner, pdf=args.pdf)
        print(f"wrote {path}", file=io.stderr)
    return 0


COMMAND = BankCommand(
    name="due",
    help="the drill sheet of due terms",
    add_arguments=_arguments,
    run=_run,
    order=70,
    check=_check,
)
