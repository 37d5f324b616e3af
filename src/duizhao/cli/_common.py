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
    "each_article",
    "print_json",
    "warn_all",
]


@dataclass(frozen=True)
class CommandGroup:
    """One module's commands (a registry: see :mod:`duizhao.cli`)."""

    name: str
    """The group's name (its first command's name)."""
    order: int
    """Where its commands are listed in ``duizhao --help`` (lowest first)."""
    add_to: Callable[[Any, argparse.ArgumentParser], None]
    """Adds the group's subparsers: called with the subparsers action and the parent parser of
    the options every command takes (``-q``). Each subparser sets ``func=handler(args) -> int``."""


def print_json(obj: Any, out: TextIO) -> None:
    """Print ``obj`` as indented UTF-8 JSON (Chinese as it is, not escaped)."""
    json.dump(obj, out, ensure_ascii=False, indent=2)
    out.write("\n")


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


def add_dask_option(p: argparse.ArgumentParser) -> None:
    """``--dask ADDRESS``: run the per-article work as Dask tasks (``build``, ``bank add``)."""
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="annotate the articles as Dask tasks on the scheduler at ADDRESS (tcp://host:8786), "
        "or on a local cluster of --jobs workers with 'local'; the results are written here "
        "(extra 'dask')",
    )


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
