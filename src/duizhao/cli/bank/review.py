"""``duizhao bank review``: review due cards in the terminal, or record a CSV of ratings (FSRS)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._common import add_reading_option, count, learner
from . import BankCommand, Streams, add_audience_option, check_dates, due_items

if TYPE_CHECKING:
    from ...bank import TermBank


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--learner", type=learner, default="class", help="whose cards (default: class)")
    p.add_argument("--csv", metavar="RESULTS", help="CSV with term,rating[,date][,learner]")
    p.add_argument("--date", metavar="DATE", help="review what is due on DATE (default today)")
    p.add_argument(
        "--new", type=count, default=10, metavar="N", help="also N never-reviewed terms (10)"
    )
    add_audience_option(p)
    add_reading_option(p, "the readings the answers give")


def _check(args: argparse.Namespace) -> None:
    check_dates(args, "date")


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    from ...bank import review_session
    from ...bank.when import as_datetime

    if args.csv:
        n = bank.review_csv(args.csv, learner=args.learner, audience=args.audience)
        io.stdout.write(f"recorded {n} rating{'s' if n != 1 else ''}\n")
        return 0
    chinese = args.audience == "chinese"
    items = due_items(bank, args.date, args)
    if chinese:
        items = [it for it in items if it.askable_in_chinese]
    if not items:
        io.stdout.write("nothing to review\n")
        return 0
    # --date D reviews as on day D (its midnight UTC, as a CSV's date): the next review is
    # scheduled from that day, not from today
    when = (lambda: as_datetime(args.date)) if args.date else None
    review_session(
        bank, items, learner=args.learner, stdin=io.stdin, stdout=io.stdout,
        audience=args.audience, when=when, reading=args.reading,
    )  # fmt: skip
    return 0


COMMAND = BankCommand(
    name="review",
    help="record ratings (FSRS)",
    add_arguments=_arguments,
    run=_run,
    order=60,
    check=_check,
)
