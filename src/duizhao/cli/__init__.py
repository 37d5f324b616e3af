"""The ``duizhao`` command line: a thin layer over the public API.

Every command group is one module of this package that defines
``GROUP = CommandGroup(name, order, add_to)`` (a registry, :func:`duizhao.registry.discover`):
``add_to`` adds the group's subparsers, each with ``func=handler(args) -> int`` — the arguments
of a command are defined next to its handler. The ``bank`` group is a package of its own whose
subcommands are a registry too (:mod:`duizhao.cli.bank`). Heavy modules (jieba, CC-CEDICT,
WeasyPrint) are imported inside the handler that needs them, so ``duizhao --help`` and
``duizhao parse`` start fast. Errors the user can fix print one ``error: …`` line on stderr and exit
with status 2; there is never a traceback for bad input.

Adding a command is adding one module here, e.g. ``cli/stats.py``::

    import argparse
    from typing import Any

    from ._common import CommandGroup

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
import sys
from collections.abc import Mapping, Sequence

from .. import __version__
from ..errors import DuizhaoError
from ..registry import discover
from ._common import CommandGroup

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
    try:
        return int(args.func(args))
    except DuizhaoError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
