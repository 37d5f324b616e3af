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
    from datetime import date

    from ...bank import TermBank
    from ...bank.review import DueItem


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="DATE", help="the day (default today)")
    p.add_argument("--learner", default="class", help="whose cards (default: class)")
    p.add_argument(
        "-o", "--output", metavar="OUT",
        help="write the sheet: a file (.html, or .pdf for a PDF), or a folder (ending in /)",
    )  # fmt: skip
    p.add_argument("--pdf", action="store_true", help="write a PDF instead of HTML")
    p.add_argument("--new", type=int, default=0, help="also N never-reviewed terms")
    p.add_argument(
        "--for", dest="audience", choices=["english", "chinese"], default="english",
        help="english (default): the terms and their Chinese; chinese: asks from the Chinese "
        "(its reading and meaning), the glossary terms' counterparts and the Chinese vocabulary",
    )  # fmt: skip
    p.add_argument("--format", choices=["text", "json"], default="text")


def _check(args: argparse.Namespace) -> None:
    if args.audience == "chinese" and args.output:
        raise DuizhaoError("bank due --for chinese writes no sheet yet: leave out -o")
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
    chinese = args.audience == "chinese"
    items = bank.due(day, learner=args.learner, new=args.new, kind=None if chinese else "glossary")
    if chinese:
        return _run_chinese(bank, items, day, args, io)
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


def _run_chinese(
    bank: TermBank, items: list[DueItem], day: date, args: argparse.Namespace, io: Streams
) -> int:
    """``--for chinese``: each due item asked from its Chinese — the Chinese vocabulary word, or
    the stored counterpart of a glossary term — with its readings and meaning as the answer. A
    glossary term with no certain counterpart (marked "check") cannot be asked so, and an English
    vocabulary word is the English class's (its Chinese has no stored reading): both are left
    out, and counted in a note."""
    asked = [it for it in items if it.lang == "zh" or (it.zh and it.reading)]
    unsure = sum(1 for it in items if it.lang != "zh" and not it.zh)
    english = len(items) - len(asked) - unsure
    if args.format == "json":
        dump([it.to_dict() for it in asked], io.stdout)
    elif asked:
        rows = [
            (
                it.display if it.lang == "zh" else it.zh or "",
                " / ".join(r for r in (it.reading, it.jyutping) if r) or "-",
                it.state,
                (it.due or "")[:10] or "-",
                short(_meaning(it), 30),
            )
            for it in asked
        ]
        io.stdout.write(table(rows, ("中文", "reading", "state", "due", "meaning")) + "\n")
    if unsure:
        print(
            f"note: {unsure} due term(s) with no certain Chinese counterpart left out "
            "(fix the counterpart in the article's corrections file)",
            file=io.stderr,
        )
    if english:
        print(
            f"note: {english} English word(s) with no stored Chinese reading left out "
            "(vocabulary for the English class; an article added before this version: add it "
            "again)",
            file=io.stderr,
        )
    if not asked:
        print(f"nothing in Chinese is due on {day.isoformat()} for {args.learner}", file=io.stderr)
    return 0


def _meaning(it: DueItem) -> str:
    """The answer of a Chinese-first card: a Chinese word's gloss, or the English term (and its
    definition) a counterpart translates."""
    if it.lang == "zh":
        return it.zh or "-"
    return f"{it.display}: {it.definition}" if it.definition else it.display


COMMAND = BankCommand(
    name="due",
    help="the drill sheet of due terms",
    add_arguments=_arguments,
    run=_run,
    order=70,
    needs_bank=True,
    check=_check,
)
