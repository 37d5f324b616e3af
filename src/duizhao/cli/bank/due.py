"""``duizhao bank due``: the terms due on a day, and with ``-o`` their review sheet."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import DuizhaoError
from .._common import add_reading_option, count, learner
from . import BankCommand, Streams, add_audience_option, check_dates, due_items
from ._format import dump, short, table

if TYPE_CHECKING:
    from datetime import date

    from ...bank import TermBank
    from ...bank.cards import DueItem


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="DATE", help="the day (default today)")
    p.add_argument("--learner", type=learner, default="class", help="whose cards (default: class)")
    p.add_argument(
        "-o", "--output", metavar="OUT",
        help="write the sheet: a file (.html, or .pdf for a PDF), or a folder (ending in /)",
    )  # fmt: skip
    p.add_argument("--pdf", action="store_true", help="write a PDF instead of HTML")
    p.add_argument("--new", type=count, default=0, metavar="N", help="also N never-reviewed terms")
    add_audience_option(p)
    add_reading_option(p, "--for chinese: the readings the list and the sheet's key give")
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


def _sheet_path(out: str, day: str, learner: str, pdf: bool, audience: str = "english") -> Path:
    """The file ``-o OUT`` asks for: ``OUT`` itself, or ``due-DAY[-LEARNER][-chinese].html``
    (``.pdf``) inside the folder ``OUT``."""
    if not _is_folder(out):
        return Path(out)
    from ...output.files import output_file, safe_stem

    who = "" if learner == "class" else f"-{safe_stem(learner, 'learner')}"
    who += "-chinese" if audience == "chinese" else ""
    Path(out).mkdir(parents=True, exist_ok=True)
    return output_file(out, f"due-{day}{who}.{'pdf' if pdf else 'html'}")


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    from ...bank.when import as_date

    day = as_date(args.date)
    chinese = args.audience == "chinese"
    items = due_items(bank, day, args)
    if chinese:
        return _run_chinese(bank, items, day, args, io)
    if args.format == "json":
        dump([it.to_dict() for it in items], io.stdout)
    elif items:
        rows = [
            (it.display, it.state, (it.due or "")[:10] or "-", _english_meaning(it)) for it in items
        ]
        # the other side of the card: the Chinese of an English term, the meaning of a Chinese one
        io.stdout.write(table(rows, ("term", "state", "due", "meaning")) + "\n")
    if not items:
        print(_nothing_due(bank, day, args), file=io.stderr)
        return 0
    _write_sheet(items, day, args, io)
    return 0


def _english_meaning(it: DueItem) -> str:
    """The other side of an English class's card: the Chinese of an English term ("? check"
    when its counterpart is uncertain), the meaning of a Chinese word."""
    if it.lang == "en" and not it.zh and it.uncertain:
        return "? check"
    return short(it.zh, 20)


def _nothing_due(bank: TermBank, day: date, args: argparse.Namespace) -> str:
    """Why nothing is due: when the next card falls due, and how ``--new N`` starts the terms
    never reviewed (when there are any)."""
    said = f"nothing is due on {day.isoformat()} for {args.learner}"
    if args.audience == "chinese":
        said = f"nothing in Chinese is due on {day.isoformat()} for {args.learner}"
    hints = []
    nxt = bank.next_due(learner=args.learner, audience=args.audience)
    if nxt is not None:
        hints.append(f"the next review is {nxt[1][:10]}: {nxt[0]}")
    if not args.new and due_items(bank, day, args, new=1):
        hints.append(
            "--new N adds N terms never reviewed"
            if nxt is not None
            else "no term has been reviewed yet: --new N adds N never-reviewed terms"
        )
    return f"{said} ({'; '.join(hints)})" if hints else said


def _run_chinese(
    bank: TermBank, items: list[DueItem], day: date, args: argparse.Namespace, io: Streams
) -> int:
    """``--for chinese``: each due item asked from its Chinese — the Chinese vocabulary word, or
    the stored counterpart of a glossary term — with its readings and meaning as the answer (with
    ``-o``, the sheet of a learner of Chinese). A glossary term with no certain counterpart
    (marked "check") cannot be asked so, and an English vocabulary word is the English class's
    (its Chinese has no stored reading): both are left out, and counted in a note."""
    asked = [it for it in items if it.askable_in_chinese]
    unsure = sum(1 for it in items if it.lang != "zh" and not it.zh)
    english = len(items) - len(asked) - unsure
    if args.format == "json":
        dump([it.to_dict() for it in asked], io.stdout)
    elif asked:
        rows = [
            (
                it.chinese or "",
                it.readings_as(args.reading) or "-",
                it.state,
                (it.due or "")[:10] or "-",
                short(it.meaning, 30),
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
        print(_nothing_due(bank, day, args), file=io.stderr)
        return 0
    _write_sheet(asked, day, args, io)
    return 0


def _write_sheet(items: list[DueItem], day: date, args: argparse.Namespace, io: Streams) -> None:
    """With ``-o``: write the review sheet of the items (HTML, or a PDF)."""
    if not args.output:
        return
    from ...bank import write_due

    out = _sheet_path(args.output, day.isoformat(), args.learner, args.pdf, args.audience)
    path = write_due(
        items, day, out, learner=args.learner, pdf=args.pdf, audience=args.audience,
        reading=args.reading,
    )  # fmt: skip
    print(f"wrote {path}", file=io.stderr)


COMMAND = BankCommand(
    name="due",
    help="the drill sheet of due terms",
    add_arguments=_arguments,
    run=_run,
    order=70,
    needs_bank=True,
    check=_check,
)
