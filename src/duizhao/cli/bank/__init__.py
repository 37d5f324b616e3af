"""``duizhao bank …``: the term bank's subcommands, one module each (a registry).

Each subcommand is a module of this package that defines ``COMMAND = BankCommand(...)``: its name,
its one-line help, a function that adds its arguments to its parser, and a function that runs it
on an open :class:`~duizhao.bank.TermBank`. :func:`add_parser` builds ``duizhao bank`` from the
registry (:func:`duizhao.registry.discover`) and :func:`run_command` dispatches to the subcommand
the user named, so the arguments of a subcommand are defined next to its handler. Every
subcommand also takes ``--db PATH`` and ``-q``; ``order`` decides where it is listed.

Adding a subcommand is adding one module here, e.g. ``cli/bank/articles.py``::

    import argparse

    from . import BankCommand, Streams

    def _arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("--since", metavar="DATE", help="first date (YYYY-MM-DD)")

    def _run(bank, args: argparse.Namespace, io: Streams) -> int:
        for a in bank.articles():
            if not args.since or (a["date"] or "") >= args.since:
                io.stdout.write(f"{a['date'] or '-'}  {a['key']}\\n")
        return 0

    COMMAND = BankCommand(
        name="articles", help="list the articles", add_arguments=_arguments, run=_run, order=80
    )

Heavy modules (the bank itself, the pipeline) are imported inside ``run``, so building the parser
stays fast. Errors the user can fix are raised as :class:`~duizhao.errors.DuizhaoError` and become
one ``error: …`` line (exit status 2) in :func:`duizhao.cli.main`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TextIO

from ...errors import DuizhaoError
from ...registry import discover, unknown_choice
from .._common import CommandGroup

if TYPE_CHECKING:
    from ...bank import TermBank

__all__ = [
    "BankCommand",
    "Streams",
    "add_audience_option",
    "add_parser",
    "check_dates",
    "commands",
    "run_command",
]


@dataclass(frozen=True)
class Streams:
    """Where a subcommand reads and writes (the terminal, or a test's buffers)."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO


@dataclass(frozen=True)
class BankCommand:
    """One ``duizhao bank`` subcommand."""

    name: str
    """What the user types: ``duizhao bank NAME``."""
    help: str
    """The one line ``duizhao bank --help`` shows for it."""
    add_arguments: Callable[[argparse.ArgumentParser], None]
    """Add its own arguments (``--db`` and ``-q`` are already there)."""
    run: Callable[[TermBank, argparse.Namespace, Streams], int]
    """Run it on the open bank; return the exit status."""
    order: int = 50
    """Subcommands are listed in increasing order."""
    check: Callable[[argparse.Namespace], None] | None = None
    """Check the arguments before the bank is opened (raise ``DuizhaoError``), so that a usage
    mistake does not create a bank file."""
    needs_bank: bool = False
    """It only reads what earlier articles put in the bank: a bank file that does not exist is an
    error (a mistyped ``--db`` made a new empty bank and answered "nothing found")."""


def commands() -> Mapping[str, BankCommand]:
    """Every subcommand by name, in their listing order."""
    found: Mapping[str, BankCommand] = discover(__name__, "COMMAND")
    return dict(sorted(found.items(), key=lambda item: item[1].order))


def check_dates(args: argparse.Namespace, *names: str) -> None:
    """Check that the options ``--NAME`` given are ISO dates.

    Raises:
        InputError: One is not (``--since: not an ISO date (YYYY-MM-DD): …``).
    """
    from ...bank.when import parse_when

    for name in names:
        value = getattr(args, name, None)
        if value:
            parse_when(value, path=f"--{name}")


def due_items(
    bank: TermBank, day: Any, args: argparse.Namespace, new: int | None = None
) -> list[Any]:
    """The terms due on ``day`` for ``args.learner`` in ``args.audience``'s schedule: the
    glossary terms for English; for Chinese every kind (the glossary's counterparts and the
    Chinese vocabulary). ``new`` overrides ``args.new``."""
    kind: Literal["glossary"] | None = None if args.audience == "chinese" else "glossary"
    fresh = args.new if new is None else new
    return list(bank.due(day, learner=args.learner, new=fresh, kind=kind, audience=args.audience))


def add_audience_option(p: argparse.ArgumentParser) -> None:
    """``--for english|chinese``: whose review schedule (each learner has one per audience)."""
    p.add_argument(
        "--for", dest="audience", choices=["english", "chinese"], default="english",
        help="whose schedule: english (default: the English terms asked, their Chinese the "
        "clue) or chinese (asked from the Chinese: the glossary terms' counterparts and the "
        "Chinese vocabulary, with their readings and meaning as the answer)",
    )  # fmt: skip


def add_parser(sub: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``duizhao bank`` and its subcommands to the main parser's subparsers ``sub``.

    Args:
        sub: The main parser's ``add_subparsers()`` object.
        common: The parent parser of the options every command takes (``-q``).
    """
    p: argparse.ArgumentParser = sub.add_parser(
        "bank",
        help="the term bank: every article, term and sentence, concordances, reviews",
        description=(
            "A SQLite term bank of the articles a class has read (default: bank.sqlite3 in the "
            "user data folder; --db PATH for another). See docs/bank.md."
        ),
    )
    p.set_defaults(func=run_command, bank_command=None)
    bsub = p.add_subparsers(dest="bank_command", metavar="BANK_COMMAND")
    bank_common = argparse.ArgumentParser(add_help=False, parents=[common])
    bank_common.add_argument("--db", metavar="PATH", help="the bank file")
    for command in commands().values():
        b = bsub.add_parser(command.name, parents=[bank_common], help=command.help)
        command.add_arguments(b)
    return p


def run_command(
    args: argparse.Namespace, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Run ``duizhao bank SUBCOMMAND`` from parsed arguments; return the exit status."""
    import sqlite3

    io = Streams(stdin or sys.stdin, stdout or sys.stdout, sys.stderr)
    try:
        return _run(args, io)
    except DuizhaoError:
        raise
    except Exception as e:
        from ...bank import default_path

        db = args.db or default_path()
        if isinstance(e, sqlite3.OperationalError) and ("locked" in str(e) or "busy" in str(e)):
            raise DuizhaoError(
                f"{db}: the term bank is locked by another process ({e}); try again when it has "
                "finished"
            ) from e
        damage = _damage(db)
        if damage is not None or isinstance(e, sqlite3.DatabaseError):
            raise DuizhaoError(
                f"{db}: the term bank file is damaged ({damage or e}); restore it from a backup, "
                "or give another file with --db"
            ) from e
        raise


def _damage(db: object) -> str | None:
    """What SQLite's quick check finds wrong with a bank file, or ``None`` if nothing."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as e:
        return str(e)
    found = [str(r[0]) for r in rows if r and r[0] != "ok"]
    return "; ".join(found)[:200] if found else None


def _run(args: argparse.Namespace, io: Streams) -> int:
    available = commands()
    name = getattr(args, "bank_command", None)
    if name is None:
        io.stdout.write(f"usage: duizhao bank {{{','.join(available)}}} … (--help)\n")
        return 0
    if name not in available:
        raise DuizhaoError(unknown_choice("bank command", name, available))
    command = available[name]
    if command.check is not None:
        command.check(args)
    from ...bank import TermBank, default_path

    path = args.db or default_path()
    if command.needs_bank and not os.path.exists(path):
        db = f" --db {args.db}" if args.db else ""
        raise DuizhaoError(
            f"{path}: no term bank here yet: add articles first (duizhao bank add ARTICLE…{db})"
        )
    new = not os.path.exists(path)
    status, drop = 2, False
    try:
        with TermBank(args.db) as bank:
            try:
                status = command.run(bank, args, io)
            finally:  # a failed first 'bank add' leaves no bank file behind
                drop = new and status != 0 and _empty(bank)
    finally:
        if drop:
            _remove_bank(path)
    return status


def _empty(bank: TermBank) -> bool:
    """Whether the bank holds no article."""
    return bank.conn.execute("SELECT 1 FROM article LIMIT 1").fetchone() is None


def _remove_bank(path: str | os.PathLike[str]) -> None:
    """Remove a bank file this run made, with its write-ahead log and index."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def _add_group(sub: Any, common: argparse.ArgumentParser) -> None:
    add_parser(sub, common)


GROUP = CommandGroup(name="bank", add_to=_add_group)
