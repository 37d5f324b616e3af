"""``duizhao bank due``: the terms due on a day, and with ``-o`` their review sheet."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import DuizhaoError
from . import BankCommand, Streams, check_dates
from ._format import dump, short, table

if TYPE_CHECKING:
    from ...bank import TermBank


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="DATE", help="the day (default today)")
    p.add_argument("--learner", default="class", help="whose cards (default: class)")
    p.add_argument(
        "-o", "--output", metavar="OUT",
        help="write the sheet: a file (.html, or .pdf for a PDF), or a folder (ending in /)",
    )  # fmt: skip
    p.add_argument("--pdf", action="store_true", help="write a PDF instead of HTML")
    p.add_argument("--new", type=int, default=0, help="also N never-reviewed terms")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _check(args: argparse.Namespace) -> None:
    if args.pdf and not args.output:
        raise DuizhaoError("--pdf needs -o OUT")
    if args.output and not _is_folder(args.output):
        if Path(args.output).suffix.lower() == ".pdf":
            args.pdf = True  # -o due.pdf is a PDF, with or without --pdf
        elif args.pdf and Path(args.output).suffix.lower() in (".html", ".htm"):
            raise DuizhaoError(f"{args.output}: --pdf writes a PDF; name the file .pdf")
        elif not args.pdf and Path(args.output).suffix.lower() not in (".html", ".htm"):
            raise DuizhaoError(
                f"{args.output}: name the sheet .html (or .pdf for a PDF), or end a folder with /"
            )
    check_dates(args, "date")


def _is_folder(out: str) -> bool:
    """``-o OUT`` names a folder: it ends with a path separator or is a folder already."""
    return out.endswith(("/", os.sep)) or Path(out).is_dir()


def _sheet_path(out: str, day: str, learner: str, pdf: bool) -> Path:
    """The file ``-o OUT`` asks for: ``OUT`` itself, or ``due-DAY[-LEARNER].html`` (``.pdf``)
    inside the folder ``OUT``."""
    if not _is_folder(out):
        return Path(out)
    from ...output.files import output_file, safe_stem

    who = "" if learner == "class" else f"-{safe_stem(learner, 'learner')}"
    Path(out).mkdir(parents=True, exist_ok=True)
    return output_file(out, f"due-{day}{who}.{'pdf' if pdf else 'html'}")


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
        # the other side of the card: the Chinese of an English term, the meaning of a Chinese one
        io.stdout.write(table(rows, ("term", "state", "due", "meaning")) + "\n")
    if not items:
        hint = ""
        if not args.new and bank.due(day, learner=args.learner, new=1):
            # a class that has never reviewed has nothing due: say how to start
            hint = " (no term has been reviewed yet: --new N adds N never-reviewed terms)"
        print(f"nothing is due on {day.isoformat()} for {args.learner}{hint}", file=io.stderr)
        return 0
    if args.output:
        out = _sheet_path(args.output, day.isoformat(), args.learner, args.pdf)
        path = write_due(items, day, out, learner=args.learner, pdf=args.pdf)
        print(f"wrote {path}", file=io.stderr)
    return 0


COMMAND = BankCommand(
    name="due",
    help="the drill sheet of due terms",
    add_arguments=_arguments,
    run=_run,
    order=70,
    needs_bank=True,
    check=_check,
)
