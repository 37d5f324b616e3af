"""``duizhao bank csv``: the due terms as a CSV for a class's ratings, to fill in and record with
``duizhao bank review --csv``.

One line per term due on ``--date`` (plus ``--new N`` never reviewed), for ``--learner`` and
``--for``: ``term`` (as the learner is asked it: the English term, or with ``--for chinese`` the
Chinese), an empty ``rating``, ``date``, ``learner``, ``for``, and the ``answer`` to read out
(``bank review --csv`` ignores that column). Written to ``-o FILE`` or standard output, UTF-8 with
a byte-order mark so that a spreadsheet opens the Chinese as it is.
"""

from __future__ import annotations

import argparse
import csv
import io
from typing import TYPE_CHECKING

from ...errors import DuizhaoError
from .._common import count, learner
from . import BankCommand, Streams, add_audience_option, check_dates, due_items

if TYPE_CHECKING:
    from ...bank import TermBank
    from ...bank.cards import DueItem


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="DATE", help="the day (default today)")
    p.add_argument("--learner", type=learner, default="class", help="whose cards (default: class)")
    p.add_argument("--new", type=count, default=0, metavar="N", help="also N never-reviewed terms")
    add_audience_option(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write the CSV here (default: stdout)")


def _check(args: argparse.Namespace) -> None:
    check_dates(args, "date")
    if args.output and not args.output.lower().endswith(".csv"):
        raise DuizhaoError(f"{args.output}: name the ratings file .csv")


def _answer(it: DueItem, chinese: bool) -> str:
    if chinese:
        readings = it.readings
        return f"{readings} · {it.meaning}" if readings else it.meaning
    return " · ".join(p for p in (it.zh, it.definition) if p)


def _run(bank: TermBank, args: argparse.Namespace, io_: Streams) -> int:
    from ...bank.when import as_date
    from ...output.files import write_text

    day = as_date(args.date)
    chinese = args.audience == "chinese"
    items = due_items(bank, day, args)
    if chinese:
        items = [it for it in items if it.askable_in_chinese]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["term", "rating", "date", "learner", "for", "answer"])
    for it in items:
        term = (it.chinese or it.display) if chinese else it.display
        w.writerow([term, "", day.isoformat(), args.learner, args.audience, _answer(it, chinese)])
    if not items:
        print(f"nothing is due on {day.isoformat()} for {args.learner}", file=io_.stderr)
    if args.output:
        write_text(args.output, "\ufeff" + buf.getvalue())
        print(f"wrote {args.output} ({len(items)} terms)", file=io_.stderr)
    else:
        io_.stdout.write(buf.getvalue())
    return 0


COMMAND = BankCommand(
    name="csv",
    help="the due terms as a CSV to fill in with ratings (for review --csv)",
    add_arguments=_arguments,
    run=_run,
    order=65,
    needs_bank=True,
    check=_check,
)
