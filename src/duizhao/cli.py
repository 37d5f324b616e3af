"""The ``duizhao`` command line: a thin layer over the public API.

Every command is a ``_cmd_<name>(args) -> int`` function registered in :func:`build_parser`; heavy
modules (jieba, CC-CEDICT, WeasyPrint) are imported inside the command that needs them, so
``duizhao --help`` and ``duizhao parse`` start fast. Errors the user can fix print one
``error: …`` line on stderr and exit with status 2; there is never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from . import __version__
from .errors import DuizhaoError

__all__ = ["build_parser", "main"]


def _print_json(obj: Any, out: TextIO) -> None:
    json.dump(obj, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _warn_all(warnings: Sequence[str], args: argparse.Namespace) -> None:
    if not getattr(args, "quiet", False):
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)


# -- parse ----------------------------------------------------------------------------------------


def _summary(doc: Any) -> str:
    """A human-readable outline of a parsed document."""
    m = doc.meta
    lines = [
        f"{m.path or '<input>'}",
        f"  source: {m.source or '-'}   date: {m.date or '-'}   format: {m.format}"
        f"   encoding: {m.encoding}",
        f"  title (zh): {m.title_zh or '-'}",
        f"  title (en): {m.title_en or '-'}",
    ]
    for lang, name in (("en", "English"), ("zh", "Chinese")):
        paras = doc.paragraphs(lang)
        n = sum(len(p.sentences) for p in paras)
        lines.append(f"  {name}: {len(paras)} paragraphs, {n} sentences")
        k = 0
        for i, p in enumerate(paras):
            for s in p.sentence_texts():
                short = s if len(s) <= 70 else s[:67] + "..."
                lines.append(f"    [{i}.{k}] {short}")
                k += 1
    lines.append(f"  glossary: {len(doc.glossary)} entries")
    for e in doc.glossary:
        pos = f" ({e.pos})" if e.pos else ""
        zh = f" 【{'／'.join(e.zh)}】" if e.zh else ""
        lines.append(f"    {e.term}{pos}{zh}: {e.definition}")
    return "\n".join(lines)


def _cmd_parse(args: argparse.Namespace) -> int:
    from .reader import read

    docs = []
    status = 0
    for path in args.files:
        try:
            doc = read(path, encoding=args.encoding)
        except DuizhaoError as e:
            print(f"error: {e}", file=sys.stderr)
            status = 2
            continue
        _warn_all(doc.warnings, args)
        docs.append(doc)
    if args.format == "json":
        if len(args.files) == 1:
            if docs:
                _print_json(docs[0].to_dict(), sys.stdout)
        else:
            _print_json([d.to_dict() for d in docs], sys.stdout)
    else:
        print("\n\n".join(_summary(d) for d in docs))
    return status


# -- the parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
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

    p = sub.add_parser(
        "parse",
        parents=[common],
        help="read articles and print the document model",
        description=(
            "Read articles (editorial text or Markdown format) and print their paragraphs, "
            "sentences, metadata and glossary. One FILE gives a JSON object, several a JSON array."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article files")
    p.add_argument("--format", choices=["json", "text"], default="text", help="output format")
    p.add_argument(
        "--encoding", help="force the input encoding (e.g. big5hkscs, gb18030); detected if omitted"
    )
    p.set_defaults(func=_cmd_parse)

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
