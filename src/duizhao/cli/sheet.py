"""``duizhao sheet`` and ``duizhao build``: study sheets for articles, a site for a folder."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import DuizhaoError
from ._common import CommandGroup, add_limit_option, error_line, max_bytes, warn_all


def _cmd_sheet(args: argparse.Namespace) -> int:
    from ..documents import load_document
    from ..output.files import all_or_nothing, file_stem
    from ..sheet import check_pdf_support, write_sheet

    if args.pdf:
        check_pdf_support()
    status = 0
    for path in args.files:
        try:
            with all_or_nothing():  # an article that fails leaves none of its files behind
                doc = load_document(path, max_bytes=max_bytes(args))
                written = write_sheet(
                    doc,
                    args.output,
                    stem=file_stem(path, "sheet"),
                    pdf=args.pdf,
                    reading=args.reading,
                    script=args.script,
                    templates=args.templates,
                )
        except DuizhaoError as e:
            print(error_line(e, args, [path]), file=sys.stderr)
            status = 2
            continue
        warn_all(doc.warnings, args)
        if not args.quiet:
            for f in written:
                print(f)
    return status


def _cmd_build(args: argparse.Namespace) -> int:
    from functools import partial

    from ..documents import load_document
    from ..drills import site_hook
    from ..sheet import build_site

    result = build_site(
        args.folder,
        args.output,
        pdf=args.pdf,
        reading=args.reading,
        script=args.script,
        templates=args.templates,
        extra_pages=[] if args.no_drills else [site_hook(pdf=args.pdf, templates=args.templates)],
        load=partial(load_document, max_bytes=max_bytes(args)),
        progress=None if not args.quiet else False,
        jobs=args.jobs,
    )
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    if not args.quiet:
        print(
            f"{result.index} ({len(result.articles)} articles, {len(result.files)} files, "
            f"{result.seconds:.1f} s)"
        )
    return 2 if result.errors else 0


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    sheet_opts = argparse.ArgumentParser(add_help=False)
    sheet_opts.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    sheet_opts.add_argument("--pdf", action="store_true", help="also write A4 PDFs (extra 'pdf')")
    sheet_opts.add_argument(
        "--reading",
        choices=["pinyin", "jyutping", "both", "none"],
        default="pinyin",
        help="readings above the Chinese words (default pinyin)",
    )
    sheet_opts.add_argument(
        "--script",
        choices=["traditional", "simplified"],
        help="show the Chinese in this script (default: as written)",
    )
    sheet_opts.add_argument(
        "--templates", metavar="DIR", help="folder of templates overriding the default ones"
    )
    add_limit_option(sheet_opts)

    p = sub.add_parser(
        "sheet",
        parents=[common, sheet_opts],
        help="write side-by-side study sheets (HTML, optionally PDF)",
        description=(
            "Annotate each article and write OUTDIR/NAME.html: English and Chinese side by side, "
            "sentences linked, glossary terms highlighted in both columns, readings above the "
            "Chinese words, the glossary and vocabulary lists. --pdf adds an A4 NAME.pdf."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article files")
    p.set_defaults(func=_cmd_sheet)

    p = sub.add_parser(
        "build",
        parents=[common, sheet_opts],
        help="build a study site from a folder of articles",
        description=(
            "Render every article of DIR (*.txt, *.md) as a study sheet into OUT, with an "
            "index.html listing them by date with their titles and term counts."
        ),
    )
    p.add_argument("folder", metavar="DIR", help="folder of articles")
    p.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    p.add_argument("--no-drills", action="store_true", help="do not add a drill page per article")
    p.set_defaults(func=_cmd_build)


GROUP = CommandGroup(name="sheet", order=40, add_to=_add)
