"""``duizhao bank terms``: the cumulative vocabulary of a date range."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from . import BankCommand, Streams, check_dates
from ._format import dump, meaning, short, table

if TYPE_CHECKING:
    from ...bank import TermBank


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="DATE", help="first date (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="last date (YYYY-MM-DD)")
    p.add_argument("--lang", choices=["en", "zh"], help="only English or only Chinese")
    p.add_argument("--kind", choices=["glossary", "vocab"], help="only glossary or vocabulary")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _check(args: argparse.Namespace) -> None:
    check_dates(args, "since", "until")


def _run(bank: TermBank, args: argparse.Namespace, io: Streams) -> int:
    out = io.stdout
    stats = bank.terms(args.since, args.until, lang=args.lang, kind=args.kind)
    if args.format == "json":
        dump([t.to_dict() for t in stats], out)
        return 0
    rows = [
        (
            t.display,
            t.lang,
            "+".join(t.kinds),
            t.count,
            t.articles,
            t.first_date or "-",
            short(meaning(t.zh, t.check, t.definition), 40),
        )
        for t in stats
    ]
    out.write(
        table(rows, ("term", "lang", "kind", "count", "articles", "first", "meaning"))
        + f"\n{len(stats)} terms\n"
    )
    return 0


COMMAND = BankCommand(
    name="terms",
    help="cumulative vocabulary",
    add_arguments=_arguments,
    run=_run,
    order=20,
    needs_bank=True,
    check=_check,
)
