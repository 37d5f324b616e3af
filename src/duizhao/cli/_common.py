"""What every command module shares: the plug-in dataclass, JSON printing, warnings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

__all__ = [
    "CommandGroup",
    "add_corrections_options",
    "add_dask_option",
    "add_limit_option",
    "add_reading_option",
    "article_files",
    "count",
    "each_article",
    "error_line",
    "inputs_of",
    "max_bytes",
    "output_folder",
    "port",
    "positive",
    "positive_float",
    "print_json",
    "warn_all",
]


@dataclass(frozen=True)
class CommandGroup:
    """One module's commands (a registry: see :mod:`duizhao.cli`)."""

    name: str
    """The group's name (its first command's name); where its commands are listed, and their
    one-line help, is :data:`duizhao.cli.COMMANDS`."""
    add_to: Callable[[Any, argparse.ArgumentParser], None]
    """Adds the group's subparsers: called with the subparsers action and the parent parser of
    the options every command takes (``-q``). Each subparser sets ``func=handler(args) -> int``."""


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def count(text: str) -> int:
    """An option's value that counts something: a whole number, 0 or more (an argparse
    ``type``)."""
    n = _whole(text)
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {n}")
    return n


def learner(text: str) -> str:
    """A learner's name (``--learner``): any text but an empty one, without the spaces around
    it (an argparse ``type``; an empty name would be a schedule of its own that no one means)."""
    name = text.strip()
    if not name:
        raise argparse.ArgumentTypeError("give a name (default: class, the whole class)")
    return name


def positive(text: str) -> int:
    """A whole number, 1 or more (``--jobs``, ``--pages``, ``--versions``; an argparse ``type``)."""
    n = _whole(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


def positive_float(text: str) -> float:
    """A number above 0 (``--font-size``; an argparse ``type``)."""
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not x > 0 or x == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number above 0, not {text}")
    return x


def port(text: str) -> int:
    """A TCP port, 1–65535 (an argparse ``type``)."""
    n = _whole(text)
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535, not {n}")
    return n


def output_folder(out: str, command: str, option: str = "-o") -> None:
    """Check that ``-o OUT`` can be a folder: it is one, or does not exist yet.

    Raises:
        DuizhaoError: It is an existing file (``-o sheet.html`` where a folder is needed); the
            message names the command, as a usage error does.
    """
    import os

    from ..errors import DuizhaoError

    if os.path.exists(out) and not os.path.isdir(out):
        raise DuizhaoError(
            f"duizhao {command}: {option} {out}: is a file; the output is a folder "
            "(give a folder's name)"
        )


def print_json(obj: Any, out: TextIO) -> None:
    """Print ``obj`` as indented UTF-8 JSON (Chinese as it is, not escaped), all at once: made
    whole before the first byte is written, so a failure never leaves half a document."""
    out.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def warn_all(warnings: Sequence[str], args: argparse.Namespace) -> None:
    """Print each warning as ``warning: …`` on stderr, unless ``-q``."""
    if not getattr(args, "quiet", False):
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)


def add_corrections_options(p: argparse.ArgumentParser) -> None:
    """``--corrections FILE`` and ``--no-corrections``, for commands that read one article."""
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--corrections",
        metavar="TOML",
        help="the corrections file to use (default: NAME.duizhao.toml beside FILE)",
    )
    g.add_argument(
        "--no-corrections", action="store_true", help="ignore the corrections file beside FILE"
    )


#: :data:`duizhao.reader.decode.MAX_BYTES` (a test checks they are equal), written here so that
#: building the parser, which ``duizhao --help`` does, does not import the reader (45 ms).
MAX_BYTES = 2 * 1024 * 1024


def add_limit_option(p: argparse.ArgumentParser) -> None:
    """``--max-bytes N``, for commands that read articles (the limit of
    :data:`duizhao.reader.decode.MAX_BYTES`)."""
    p.add_argument(
        "--max-bytes",
        type=count,
        default=MAX_BYTES,
        metavar="N",
        help=f"the largest article read, in bytes (default {MAX_BYTES:,}; 0: no limit)",
    )


def add_reading_option(p: argparse.ArgumentParser, what: str, *, sheet: bool = False) -> None:
    """The one ``--reading`` option: ``pinyin|jyutping|both`` (default pinyin), as ``drill`` and
    ``bank due`` / ``bank review`` take it; ``sheet``: as ``sheet`` takes it, with ``none`` too
    and no default (the audience decides: pinyin, none ``--for english``). ``what`` says what
    shows the readings."""
    from ..output.readings import READINGS

    if sheet:
        p.add_argument(
            "--reading",
            choices=list(READINGS),
            help=f"{what} (default: pinyin; none --for english)",
        )
        return
    p.add_argument(
        "--reading",
        choices=[r for r in READINGS if r != "none"],
        default="pinyin",
        help=f"{what}, as the sheet shows them (default pinyin)",
    )


def max_bytes(args: argparse.Namespace) -> int | None:
    """The article limit the user chose (``None`` for none)."""
    value = getattr(args, "max_bytes", MAX_BYTES)
    return None if value is not None and value <= 0 else value


def inputs_of(args: argparse.Namespace) -> list[str]:
    """The files a command was given (its ``FILE`` arguments, folder, or bank), for messages."""
    out: list[str] = []
    for name in ("file", "files", "folder", "en", "zh"):
        value = getattr(args, name, None)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out += [str(v) for v in value]
    return out


def error_line(
    e: BaseException, args: argparse.Namespace, files: Sequence[str] | None = None
) -> str:
    """The one ``error: …`` line for ``e``, with what the user can do about it *with this
    command*: an :class:`~duizhao.errors.InputError` whose remedy is an option (``--encoding``,
    ``--max-bytes``) gets it only when the command has that option and it applies to the file.
    An error about content that does not know its file is given ``files`` (default: every file
    the command was given)."""
    from ..errors import ContentError, InputError

    text = " ".join(str(e).split()) or type(e).__name__  # one line, whatever the message holds
    files = list(files) if files is not None else inputs_of(args)
    if isinstance(e, ContentError) and files:
        text = f"{', '.join(files)}: {text}"
    if isinstance(e, InputError) and e.remedy is not None:
        option, remedy = e.remedy
        dest = option.lstrip("-").replace("-", "_")
        applies = dest != "encoding" or e.path in (
            [args.file] if isinstance(getattr(args, "file", None), str) else []
        ) + list(getattr(args, "files", None) or [])
        if hasattr(args, dest) and applies:
            text += f", or {remedy}"
    return f"error: {text}"


def add_dask_option(p: argparse.ArgumentParser) -> None:
    """``--dask ADDRESS``: run the per-article work as Dask tasks (``build``, ``bank add``)."""
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="annotate the articles as Dask tasks on the scheduler at ADDRESS (tcp://host:8786), "
        "or on a local cluster of --jobs workers with 'local'; the results are written here "
        "(extra 'dask')",
    )


#: What sits beside an article and is read with it: its corrections file, the old pin file and
#: the review page's backup of it.
COMPANION_ENDINGS = (".duizhao.toml", ".align.toml", ".align.toml.bak")


def article_files(files: Sequence[str], args: argparse.Namespace) -> list[str]:
    """The ``FILE`` arguments that are articles. A corrections file among them (``corpus/*``
    gives ``NAME.duizhao.toml`` too) is read with its article, not as one: it is passed over
    with a note (none with ``-q``); given alone, it is an error naming what to give.

    Examples:
        >>> ns = argparse.Namespace(quiet=True)
        >>> article_files(["a.txt", "a.duizhao.toml", "b.md"], ns)
        ['a.txt', 'b.md']
    """
    from ..errors import DuizhaoError

    kept = [f for f in files if not str(f).lower().endswith(COMPANION_ENDINGS)]
    if files and not kept:
        raise DuizhaoError(
            f"{files[0]} is the corrections file of an article, not an article: give the "
            "article beside it (NAME.txt or NAME.md), which is read with it"
        )
    if not getattr(args, "quiet", False):
        for f in files:
            if f not in kept:
                print(f"note: {f} is read with its article, not as one", file=sys.stderr)
    return kept


def each_article(files: Sequence[str], args: argparse.Namespace, desc: str) -> Iterator[str]:
    """The files one by one, with a progress bar on stderr when it is a terminal and there is
    more than one file (none with ``-q``)."""
    import os

    from ..pipeline.parallel import progress_bar

    bar = progress_bar(len(files), desc=desc, enabled=False if args.quiet else None)
    try:
        for f in files:
            bar.set_postfix_str(os.path.basename(f), refresh=False)
            yield f
            bar.update(1)
    finally:
        bar.close()
