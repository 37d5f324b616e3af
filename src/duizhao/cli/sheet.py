"""``duizhao sheet`` and ``duizhao build``: study sheets for articles, a site for a folder."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import DuizhaoError
from ._common import (
    CommandGroup,
    add_dask_option,
    add_limit_option,
    add_reading_option,
    each_article,
    error_line,
    max_bytes,
    output_folder,
    positive,
    positive_float,
    warn_all,
)


def _new_words(args: argparse.Namespace, doc: Any) -> frozenset[str] | None:
    """The words new to the class, when readings are asked for them: from ``--new-words FILE``
    (one word a line), else from the term bank (``--db``), which knows what earlier articles had."""
    if getattr(args, "readings_for", None) != "new":
        return None
    if args.new_words:
        from pathlib import Path

        try:
            text = Path(args.new_words).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise DuizhaoError(f"{args.new_words}: cannot read the word list ({e})") from e
        return frozenset(w.strip() for w in text.splitlines() if w.strip())
    if doc is None:
        return None
    from ..bank import TermBank

    with TermBank(args.db) as bank:
        return frozenset(n.word for n in bank.new_in(doc) if n.lang == "zh")


def sheet_options_from(args: argparse.Namespace, doc: Any = None) -> Any:
    """The :class:`~duizhao.sheet.SheetOptions` the command line asks for (preset + switches)."""
    from ..sheet import sheet_options

    sections = None
    if args.sections is not None or args.without:
        from ..sheet import SECTIONS, parse_sections

        base = parse_sections(args.sections) if args.sections is not None else None
        if args.without:
            from ..sheet.options import _PRESETS

            start = base if base is not None else _PRESETS[args.audience or "both"]["sections"]
            base = frozenset(start) - parse_sections(args.without)  # type: ignore[call-overload]
        sections = base if base is not None else frozenset(SECTIONS)
    return sheet_options(
        args.audience,
        reading=args.reading,
        readings_for=args.readings_for,
        hsk_level=args.hsk,
        new_words=_new_words(args, doc),
        sections=sections,
        font_size=args.font_size,
        grey=True if args.grey else None,
    )


def _cmd_sheet(args: argparse.Namespace) -> int:
    from ..documents import load_document
    from ..output.files import all_or_nothing, file_stem
    from ..sheet import check_pdf_support, fit_pages, write_sheet

    output_folder(args.output, "sheet")
    if args.pdf or args.pages:
        check_pdf_support(args.pdf_engine if args.pdf else "typst")
    if args.docx:
        _check_docx()
    status = 0
    for path in each_article(args.files, args, "sheet"):
        try:
            with all_or_nothing():  # an article that fails leaves none of its files behind
                doc = load_document(path, max_bytes=max_bytes(args))
                options = sheet_options_from(args, doc)
                if args.pages:
                    fitted = fit_pages(
                        doc,
                        args.pages,
                        options,
                        script=args.script,
                        templates=args.templates,
                        engine=args.pdf_engine if args.pdf else "typst",
                    )
                    options = fitted.options
                    note = fitted.note(args.pages)
                    if note and not args.quiet:
                        print(f"note: {path}: {note}", file=sys.stderr)
                written = write_sheet(
                    doc,
                    args.output,
                    stem=file_stem(path, "sheet"),
                    pdf=args.pdf,
                    docx=args.docx,
                    script=args.script,
                    templates=args.templates,
                    options=options,
                    engine=args.pdf_engine,
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


def _check_docx() -> None:
    from ..output.docx import check_docx_support

    check_docx_support()


def _cmd_build(args: argparse.Namespace) -> int:
    from functools import partial

    from ..documents import load_document
    from ..drills import site_hook
    from ..sheet import build_site

    output_folder(args.output, "build")
    if args.docx:
        _check_docx()
    options = sheet_options_from(args)
    hook = site_hook(
        pdf=args.pdf,
        docx=args.docx,
        templates=args.templates,
        audience=args.audience,
        kinds=args.kinds,
        seed=args.seed,
    )
    result = build_site(
        args.folder,
        args.output,
        pdf=args.pdf,
        docx=args.docx,
        script=args.script,
        templates=args.templates,
        options=options,
        pages=args.pages,
        engine=args.pdf_engine,
        extra_pages=[] if args.no_drills else [hook],
        load=partial(load_document, max_bytes=max_bytes(args)),
        progress=None if not args.quiet else False,
        jobs=args.jobs,
        dask=args.dask,
    )
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    if not args.quiet:
        for note in result.notes:
            print(f"note: {note}", file=sys.stderr)
        print(
            f"{result.index} ({len(result.articles)} articles, {len(result.files)} files, "
            f"{result.seconds:.1f} s)"
        )
    return 2 if result.errors else 0


def add_audience_option(p: argparse.ArgumentParser) -> None:
    """``--for english|chinese|both``: the audience preset (sheet, drill and build alike)."""
    p.add_argument(
        "--for",
        dest="audience",
        choices=["english", "chinese", "both"],
        help="who the handout is for: english (English first, Chinese as support, no pinyin "
        "exercises), chinese (the reverse) or both (default)",
    )


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    sheet_opts = argparse.ArgumentParser(add_help=False)
    sheet_opts.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    add_audience_option(sheet_opts)
    sheet_opts.add_argument("--pdf", action="store_true", help="also write A4 PDFs (extra 'pdf')")
    sheet_opts.add_argument(
        "--docx", action="store_true", help="also write Word files to edit (extra 'docx')"
    )
    add_reading_option(sheet_opts, "readings above the Chinese words", sheet=True)
    sheet_opts.add_argument(
        "--readings-for",
        choices=["all", "level", "new", "none"],
        help="which words get readings: all (default), level (HSK level --hsk and above), "
        "new (words new to the class: --new-words FILE, else the term bank) or none",
    )
    sheet_opts.add_argument(
        "--hsk",
        type=positive,
        metavar="N",
        help="with --readings-for level: the lowest HSK level (4)",
    )
    sheet_opts.add_argument(
        "--new-words", metavar="FILE", help="the words new to the class, one a line"
    )
    sheet_opts.add_argument("--db", metavar="PATH", help="the term bank (for --readings-for new)")
    sheet_opts.add_argument(
        "--sections",
        metavar="LIST",
        help="optional parts to print: glossary, vocab-en, vocab-zh, zh-only (Chinese rows with "
        "no English), all or none (default: as --for says)",
    )
    sheet_opts.add_argument(
        "--without", metavar="LIST", help="optional parts to leave out (e.g. vocab-en,vocab-zh)"
    )
    sheet_opts.add_argument(
        "--font-size",
        type=positive_float,
        metavar="PT",
        help="body text size in print (default 10.5)",
    )
    sheet_opts.add_argument(
        "--pages",
        type=positive,
        metavar="N",
        help="fit the sheet on N A4 pages: leave out or shrink optional parts (says which)",
    )
    sheet_opts.add_argument(
        "--grey",
        action="store_true",
        help="black-and-white print: grey shading and underlines instead of colours",
    )
    sheet_opts.add_argument(
        "--pdf-engine",
        choices=["typst", "weasyprint"],
        default="typst",
        help="typst (default, fast) or weasyprint (prints your own HTML templates)",
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
        "-j",
        "--jobs",
        type=positive,
        default=1,
        metavar="N",
        help="worker processes, which share the tables the first article loads (default 1)",
    )
    add_dask_option(p)
    p.add_argument("--no-drills", action="store_true", help="do not add a drill page per article")
    p.add_argument(
        "--kinds",
        help="the drill pages' exercises (default: as --for says; see duizhao drill --help)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the drill pages (default 0)")
    p.set_defaults(func=_cmd_build)


GROUP = CommandGroup(name="sheet", add_to=_add)
