"""The ``duizhao`` command line: a thin layer over the public API.

Every command group is one module of this package that defines
``GROUP = CommandGroup(name, add_to)`` (a registry, :func:`duizhao.registry.discover`):
``add_to`` adds the group's subparsers, each with ``func=handler(args) -> int`` — the arguments
of a command are defined next to its handler. The ``bank`` group is a package of its own whose
subcommands are a registry too (:mod:`duizhao.cli.bank`). Start-up is lazy: :data:`COMMANDS`
lists each command's name, one-line help and module, so ``duizhao --help`` imports no command
module and builds no command's parser, and ``duizhao CMD`` imports and builds only CMD's (a test
checks that the list matches the modules). Heavy modules (jieba, CC-CEDICT, WeasyPrint) are
imported inside the handler that needs them, so ``duizhao --help`` and ``duizhao parse`` start
fast. Errors the user can fix print one ``error: …`` line on stderr and exit
with status 2; there is never a traceback for bad input. :func:`main` is the one error boundary:
errors of the system, of SQLite, of codecs, running out of memory and any other exception also
become one line naming the command's files (``DUIZHAO_TRACEBACK=1`` shows the traceback of an
internal error instead, for a bug report), and a command that fails leaves no new output file
behind (:func:`duizhao.output.files.all_or_nothing`).

Adding a command is adding one module here and its line to :data:`COMMANDS`
(``("stats", "count an article's paragraphs", "stats")``), e.g. ``cli/stats.py``::

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

    GROUP = CommandGroup(name="stats", add_to=_add)
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (7 ms of a cold --help)
if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence
    from typing import Any, NoReturn

    from ._common import CommandGroup

__all__ = ["COMMANDS", "build_parser", "command_groups", "main", "main_entry"]

#: Every command, in the order ``duizhao --help`` lists them: its name, the one line that lists it
#: and the module of this package that defines it (its ``GROUP``). Written out here so that
#: ``duizhao --help`` imports no command module and ``duizhao CMD`` only CMD's: the parsers of the
#: other commands are never built. ``tests/test_cli.py`` checks it against the modules.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("parse", "read articles and print the document model", "parse"),
    ("align", "align an article's paragraphs and sentences", "align"),
    (
        "annotate",
        "align, annotate the Chinese, link the glossary and suggest vocabulary",
        "annotate",
    ),
    ("sheet", "write side-by-side study sheets (HTML, optionally PDF)", "sheet"),
    ("build", "build a study site from a folder of articles", "sheet"),
    (
        "drill",
        "write vocabulary worksheets with answer keys, Anki decks, Quizlet and CSV lists",
        "drill",
    ),
    ("bank", "the term bank: every article, term and sentence, concordances, reviews", "bank"),
    ("review", "check and correct articles in the browser before printing", "review"),
    ("words", "Chinese words with pinyin, Jyutping, CC-CEDICT glosses and HSK levels", "words"),
    ("schema", "print the JSON Schema of the document form", "schema"),
)


def command_groups() -> Mapping[str, CommandGroup]:
    """The command groups by name (every module of :mod:`duizhao.cli` that defines ``GROUP``)."""
    from ..registry import discover

    return discover(__name__, "GROUP")


def build_parser(commands: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser.

    Args:
        commands: The commands whose own parsers are built (default: every command); the others
            are only listed, with their one-line help, as ``duizhao --help`` shows them.
    """
    parser = _Parser(
        prog="duizhao",
        description=(
            "duizhao (對照): turn bilingual English–Chinese articles into aligned study sheets, "
            "drills and a term bank."
        ),
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    built = {module for name, _, module in COMMANDS if commands is None or name in commands}
    common: argparse.ArgumentParser | None = None
    for name, line, module in COMMANDS:
        if name in (sub.choices or {}):  # added with an earlier command of its module (build)
            continue
        if module in built:
            from importlib import import_module

            if common is None:
                common = argparse.ArgumentParser(add_help=False)
                common.add_argument(
                    "-q", "--quiet", action="store_true", help="do not print warnings"
                )
            group: CommandGroup = import_module(f"{__name__}.{module}").GROUP
            group.add_to(sub, common)
        else:  # listed only: what argparse reads of it is its name and help
            sub.add_parser(name, help=line, add_help=False).set_defaults(unbuilt=True)
    return parser


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors are one line like every other error: ``error:
    duizhao bank due: argument --new: must be 0 or more, not -1 (duizhao bank due --help)`` on
    stderr, exit status 2 (argparse prints its whole usage first). The subcommands' parsers are
    of this class too (argparse makes them of the class of their parent)."""

    def error(self, message: str) -> NoReturn:
        text = " ".join(message.split())
        self.exit(2, f"error: {self.prog}: {text} (see {self.prog} --help)\n")

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        """argparse's, but an argument no command takes is reported by the command it was
        given to (``error: duizhao bank kwic: unrecognized arguments: -o x (see duizhao bank
        kwic --help)``; it named ``duizhao`` and its help)."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._chosen(args).error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed

    def _chosen(self, args: Sequence[str] | None) -> argparse.ArgumentParser:
        """The deepest subcommand's parser that ``args`` names (this one when none)."""
        parser: argparse.ArgumentParser = self
        for word in args if args is not None else sys.argv[1:]:
            choices = next(
                (a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)),
                None,
            )
            if choices is not None and word in choices:
                parser = choices[word]
        return parser


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, with the terminal's width found as ``shutil.get_terminal_size`` finds it
    without importing :mod:`shutil` (5 ms of a cold ``duizhao --help``)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    """``shutil.get_terminal_size().columns``: ``$COLUMNS``, else standard output's terminal,
    else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names: its first argument that is not an option (the main parser's
    options take no value), as argparse reads it."""
    return next((a for a in argv if not a.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    Args:
        argv: Arguments without the program name (``sys.argv[1:]`` when ``None``).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_of(argv)
    parser = build_parser([command] if command is not None else [])
    try:
        args = parser.parse_args(argv)
        if getattr(args, "unbuilt", False):  # never, as argparse reads argv; but if it did:
            args = build_parser().parse_args(argv)
    except SystemExit as e:  # --help, --version and usage errors
        return int(e.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    from ..output.files import all_or_nothing

    try:
        with all_or_nothing():  # a command that fails leaves no new output file behind
            from ._common import article_files

            if isinstance(getattr(args, "files", None), list):  # corpus/* names NAME.duizhao.toml
                args.files = article_files(args.files, args)
            elif isinstance(getattr(args, "file", None), str):
                article_files([args.file], args)
            return int(args.func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # the one error boundary: one line, exit 2, never a traceback
        from ..errors import DuizhaoError

        if os.environ.get("DUIZHAO_TRACEBACK") and not isinstance(e, DuizhaoError):
            raise
        print(_error_line(e, args), file=sys.stderr)
        return 2


def _where(args: argparse.Namespace) -> str:
    from ._common import inputs_of

    return ", ".join(inputs_of(args)) or "duizhao"


def _error_line(e: Exception, args: argparse.Namespace) -> str:
    """What went wrong, in one line naming the file: errors duizhao raises on purpose say so
    themselves; errors of the system, of SQLite or of Python name what the command was given."""
    import sqlite3

    from ..errors import DuizhaoError
    from ._common import error_line

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
