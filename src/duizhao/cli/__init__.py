"""The ``duizhao`` command line: a thin layer over the public API.

Every command group is one module of this package that defines
``GROUP = CommandGroup(name, order, add_to)`` (a registry, :func:`duizhao.registry.discover`):
``add_to`` adds the group's subparsers, each with ``func=handler(args) -> int`` — the arguments
of a command are defined next to its handler. The ``bank`` group is a package of its own whose
subcommands are a registry too (:mod:`duizhao.cli.bank`). Heavy modules (jieba, CC-CEDICT,
WeasyPrint) are imported inside the handler that needs them, so ``duizhao --help`` and
``duizhao parse`` start fast. Errors the user can fix print one ``error: …`` line on stderr and exit
with status 2; there is never a traceback for bad input. :func:`main` is the one error boundary:
errors of the system, of SQLite, of codecs, running out of memory and any other exception also
become one line naming the command's files (``DUIZHAO_TRACEBACK=1`` shows the traceback of an
internal error instead, for a bug report), and a command that fails leaves no new output file
behind (:func:`duizhao.output.files.all_or_nothing`).

Adding a command is adding one module here, e.g. ``cli/stats.py``::

    import argparse
    from typing import Any

    from ._common import CommandGroup, error_line, inputs_of

    def _run(args: argparse.Namespace) -> int:
        from ..reader import read

        doc = read(args.file)
        print(len(doc.en), len(doc.zh))
        return 0

    def _add(sub: Any, common: argparse.ArgumentParser) -> None:
        p = sub.add_parser("stats", parents=[common], help="count an article's paragraphs")
        p.add_argument("file", metavar="FILE")
        p.set_defaults(func=_run)

    GROUP = CommandGroup(name="stats", order=90, add_to=_add)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

from .. import __version__
from ..errors import DuizhaoError
from ..registry import discover
from ._common import CommandGroup, error_line, inputs_of

__all__ = ["build_parser", "command_groups", "main", "main_entry"]


def command_groups() -> Mapping[str, CommandGroup]:
    """The command groups by name (every module of :mod:`duizhao.cli` that defines ``GROUP``)."""
    return discover(__name__, "GROUP")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="duizhao",
        description=(
            "duizhao (對照): turn bilingual English–Chinese articles into aligned study sheets, "
            "drills and a term bank."
        ),
    )
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    for group in sorted(command_groups().values(), key=lambda g: (g.order, g.name)):
        group.add_to(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    Args:
        argv: Arguments without the program name (``sys.argv[1:]`` when ``None``).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version and usage errors
        return int(e.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    from ..output.files import all_or_nothing

    try:
        with all_or_nothing():  # a command that fails leaves no new output file behind
            return int(args.func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # the one error boundary: one line, exit 2, never a traceback
        if os.environ.get("DUIZHAO_TRACEBACK") and not isinstance(e, DuizhaoError):
            raise
        print(_error_line(e, args), file=sys.stderr)
        return 2


def _where(args: argparse.Namespace) -> str:
    return ", ".join(inputs_of(args)) or "duizhao"


def _error_line(e: Exception, args: argparse.Namespace) -> str:
    """What went wrong, in one line naming the file: errors duizhao raises on purpose say so
    themselves; errors of the system, of SQLite or of Python name what the command was given."""
    import sqlite3

    if isinstance(e, DuizhaoError):
        return error_line(e, args)
    if isinstance(e, MemoryError):
        return (
            f"error: {_where(args)}: not enough memory for this input; split it into smaller "
            "articles"
        )
    if isinstance(e, RecursionError):
        return f"error: {_where(args)}: the input is nested too deeply to read"
    if isinstance(e, OSError):
        name = e.filename if e.filename is not None else _where(args)
        return f"error: {name}: {e.strerror or e}"
    if isinstance(e, UnicodeError):
        return f"error: {_where(args)}: text that cannot be written or read ({e})"
    if isinstance(e, sqlite3.Error):
        db = getattr(args, "db", None) or "the term bank"
        return f"error: {db}: {e}"
    return (
        f"error: {_where(args)}: internal error ({type(e).__name__}: {e}); please report it "
        "with the file that caused it"
    )


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
