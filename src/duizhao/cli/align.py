"""``duizhao align``: align an article's paragraphs and sentences, or two files of lines."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import (
    CommandGroup,
    add_corrections_options,
    add_limit_option,
    max_bytes,
    print_json,
    warn_all,
)


def _cmd_align(args: argparse.Namespace) -> int:

    from ..align import EmbeddingScorer, align_document, align_units, beads_to_text
    from ..errors import InputError
    from ..reader.lines import read_lines
    from ..reader.pins import parse_pin, read_pins

    pins = [parse_pin(p) for p in args.pin or ()]
    scorer = EmbeddingScorer() if args.embed else None
    if args.file is None:
        if not (args.en and args.zh):
            raise InputError("<command line>", None, "give FILE, or both --en and --zh")
        limit = max_bytes(args)
        en, zh = read_lines(args.en, max_bytes=limit), read_lines(args.zh, max_bytes=limit)
        beads = align_units(en, zh, scorer=scorer, pins=pins)
        if args.format == "json":
            print_json({"sentences": [b.to_dict() for b in beads]}, sys.stdout)
        else:
            print(beads_to_text(beads, en, zh, title=f"{args.en} | {args.zh}: {args.units}"))
        return 0
    if args.en or args.zh:
        raise InputError("<command line>", None, "give FILE or --en/--zh, not both")
    from ..reader import read

    # The article's own pins and its corrections file (NAME.duizhao.toml, and the old
    # NAME.align.toml) beside it, unless --pins, --corrections or --no-corrections say otherwise.
    corrections = False if args.no_corrections else args.corrections
    if args.pins and args.pins.endswith(".duizhao.toml"):
        corrections = args.pins
    elif args.pins:
        corrections = False
        pins = [*read_pins(args.pins), *pins]
    doc = read(
        args.file, encoding=args.encoding, corrections=corrections, max_bytes=max_bytes(args)
    )
    doc = align_document(doc, scorer=scorer, pins=pins)
    warn_all(doc.warnings, args)  # the reader's, and the sentence pins the alignment left out
    assert doc.alignment is not None
    if args.format == "json":
        print_json(doc.alignment.to_dict(), sys.stdout)
    else:
        print(
            beads_to_text(
                doc.alignment.paragraphs,
                [p.text for p in doc.en],
                [p.text for p in doc.zh],
                title=f"{args.file}: paragraphs",
            )
        )
        print()
        print(
            beads_to_text(
                doc.alignment.sentences,
                doc.sentence_texts("en"),
                doc.sentence_texts("zh"),
                title=f"{args.file}: sentences",
            )
        )
    return 0


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "align",
        parents=[common],
        help="align an article's paragraphs and sentences",
        description=(
            "Align the English and Chinese of an article: paragraphs first, then the sentences "
            "inside each paragraph pair (numbered as in 'duizhao parse'). With --en/--zh, align "
            "two plain files where line i (from 0, blank lines included) is unit i. Paragraph pins "
            "and unpins are read from FILE's corrections file NAME.duizhao.toml (or the old "
            "NAME.align.toml) when it exists (see docs/review.md)."
        ),
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="article file")
    p.add_argument("--en", metavar="EN.txt", help="English units, one a line")
    p.add_argument("--zh", metavar="ZH.txt", help="Chinese units, one a line")
    p.add_argument(
        "--units", choices=["lines"], default="lines", help="what a unit of --en/--zh is"
    )
    p.add_argument(
        "--pin",
        action="append",
        metavar="EN:ZH",
        help="keep English unit EN with Chinese unit ZH (paragraphs for FILE, lines for --en/--zh;"
        " repeatable)",
    )
    p.add_argument(
        "--pins",
        metavar="TOML",
        help="a pin file (NAME.align.toml) or corrections file used instead of FILE's own",
    )
    add_corrections_options(p)
    p.add_argument("--embed", action="store_true", help="add sentence embeddings (extra 'embed')")
    p.add_argument("--format", choices=["json", "text"], default="json", help="output format")
    p.add_argument("--encoding", help="force the input encoding of FILE")
    add_limit_option(p)
    p.set_defaults(func=_cmd_align)


GROUP = CommandGroup(name="align", add_to=_add)
