"""``duizhao drill``: worksheets with answer keys, Anki decks, Quizlet and CSV lists."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import (
    CommandGroup,
    add_limit_option,
    add_reading_option,
    each_article,
    max_bytes,
    output_folder,
    positive,
    warn_all,
)


def _cmd_drill(args: argparse.Namespace) -> int:
    from ..documents import load_document
    from ..drills import (
        csv_text,
        parse_kind_counts,
        quizlet_text,
        write_apkg,
        write_drills,
        write_text,
    )
    from ..drills.worksheet import AUDIENCE_KINDS
    from ..errors import DuizhaoError
    from ..output.pdf import check_pdf_support

    # fail on a typo before the slow annotation
    output_folder(args.output, "drill")
    if args.kinds is None:
        kinds, counts = AUDIENCE_KINDS[args.audience or "both"], dict[str, int]()
    else:
        kinds, counts = parse_kind_counts(args.kinds)
    if args.anki and not str(args.anki).lower().endswith(".apkg"):  # Anki imports only .apkg
        raise DuizhaoError(f"--anki {args.anki}: an Anki deck file must end in .apkg")
    if args.pdf:
        check_pdf_support()
    if args.docx:
        from ..output.docx import check_docx_support

        check_docx_support()
    docs = []
    for path in each_article(args.files, args, "drill"):
        doc = load_document(path, max_bytes=max_bytes(args))
        warn_all(doc.warnings, args)
        if args.script:
            from ..chinese import convert_document

            doc = convert_document(doc, args.script)
        docs.append(doc)
    written = []
    for group in [[d] for d in docs] if args.each else [docs]:
        sheets, files = write_drills(
            group,
            args.output,
            pdf=args.pdf,
            docx=args.docx,
            templates=args.templates,
            kinds=kinds,
            audience=args.audience or "both",
            level=args.level,
            count=(
                {k: counts.get(k, args.count) for k in kinds}
                if args.count is not None
                else (counts or None)
            ),
            seed=args.seed,
            versions=args.versions,
            word_bank=not args.no_bank,
            vocabulary=args.vocab,
            reading=args.reading,
        )
        written += files
        if not args.quiet:
            for note in sheets[0].notes:
                print(f"note: {note}", file=sys.stderr)
    if args.anki:
        written.append(
            write_apkg(
                docs,
                args.anki,
                deck_name=args.deck,
                vocabulary=args.vocab,
                chinese=args.audience == "chinese",  # a card from the Chinese too
                reading=args.reading,
            )
        )
    if args.tsv:
        zh_first = args.audience == "chinese"  # a learner of Chinese: 中文 first
        text = quizlet_text(
            docs, vocabulary=args.vocab, lang="zh" if zh_first else "en", reading=args.reading
        )
        written.append(write_text(args.tsv, text))
    if args.csv:
        written.append(
            write_text(args.csv, csv_text(docs, vocabulary=args.vocab, reading=args.reading))
        )
    if not args.quiet:
        for f in written:
            print(f)
    return 0


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "drill",
        parents=[common],
        help="write vocabulary worksheets with answer keys, Anki decks, Quizlet and CSV lists",
        description=(
            "Annotate the articles and write one worksheet for all of them (a week's editorials) "
            "into OUTDIR, each with its answer key on a separate page: cloze sentences from the "
            "article, term-definition and English-Chinese matching, readings, translation. "
            "See docs/drills.md."
        ),
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="article files (or `duizhao annotate` JSON)"
    )
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    from .sheet import add_audience_option

    add_audience_option(p)
    p.add_argument(
        "--kinds",
        help="comma-separated exercises: cloze, choice, match, zh, readings, translate (default: "
        "all but choice; "
        "--for english: no readings; --for chinese: zh, readings, translate); "
        "KIND:N sets that exercise's count (cloze:8,match:5)",
    )
    p.add_argument(
        "--level",
        choices=["easy", "medium", "hard"],
        default="medium",
        help="how much help: easy (word bank and first letters), medium (word bank, extra "
        "options to match: default) or hard (no word bank, more extra options)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same sheet)")
    p.add_argument("--versions", type=positive, default=1, help="versions A, B, … (default 1)")
    p.add_argument(
        "--count",
        type=positive,
        help="items per exercise: questions, and for the cloze blanks (default 10)",
    )
    p.add_argument(
        "--each", action="store_true", help="one worksheet per article instead of one for all"
    )
    add_reading_option(
        p,
        "what the readings exercise asks for, and the readings the Anki deck, Quizlet list "
        "and CSV give",
    )
    p.add_argument(
        "--script",
        choices=["traditional", "simplified"],
        help="show the Chinese in this script (default: as written)",
    )
    p.add_argument("--vocab", action="store_true", help="also drill the suggested vocabulary")
    p.add_argument("--no-bank", action="store_true", help="cloze without a word bank")
    p.add_argument("--pdf", action="store_true", help="also write A4 PDFs")
    p.add_argument(
        "--docx",
        action="store_true",
        help="also write Word files to edit: NAME.docx and its key NAME.key.docx",
    )
    p.add_argument(
        "--anki",
        metavar="DECK.apkg",
        help="write an Anki deck (--for chinese: also a card from the Chinese to its reading "
        "and meaning)",
    )
    p.add_argument("--deck", metavar="NAME", help="Anki deck name (default duizhao::DATE TITLE)")
    p.add_argument(
        "--tsv",
        metavar="FILE",
        help="write a Quizlet list (term TAB definition; --for chinese: the Chinese words, "
        "with pinyin / Jyutping and the English)",
    )
    p.add_argument("--csv", metavar="FILE", help="write a CSV for reading tools")
    p.add_argument(
        "--templates", metavar="DIR", help="folder of templates overriding the default ones"
    )
    add_limit_option(p)
    p.set_defaults(func=_cmd_drill)


GROUP = CommandGroup(name="drill", add_to=_add)
