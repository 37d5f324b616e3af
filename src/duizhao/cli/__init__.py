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

from .. import __version__
from ..errors import DuizhaoError
from .bank import add_parser as add_bank_parser

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
    from ..reader import read

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
    elif docs:  # nothing on stdout when no file could be read
        print("\n\n".join(_summary(d) for d in docs))
    return status


# -- annotate -------------------------------------------------------------------------------------


def _annotate_text(doc: Any) -> str:
    """A human-readable outline of the glossary links and vocabulary."""
    lines = [doc.meta.path or "<input>", "  glossary:"]
    for link in doc.links:
        entry = doc.glossary[link.entry]
        zh = link.counterparts[0].text if link.counterparts else "-"
        en = ", ".join(o.text for o in link.en) or "not found"
        lines.append(
            f"    {entry.term} → {zh} ({link.confidence:.2f}); English: {en};"
            f" Chinese: {len(link.zh)}×"
        )
    if doc.vocabulary is not None:
        lines.append("  vocabulary (en):")
        for v in doc.vocabulary.en:
            tr = " / ".join(v.translation) or "-"
            lines.append(f"    {v.word} (Zipf {v.level}) {tr}")
        lines.append("  vocabulary (zh):")
        for v in doc.vocabulary.zh:
            level = f"HSK {v.level}" if v.level else "off-list"
            gloss = "; ".join(v.translation[:2])
            lines.append(f"    {v.word} {v.pinyin or ''} ({level}) {gloss}")
    return "\n".join(lines)


def _cmd_annotate(args: argparse.Namespace) -> int:
    from ..pipeline import annotate

    doc = annotate(
        args.file,
        encoding=args.encoding,
        en_limit=args.en_limit,
        en_max_zipf=args.en_max_zipf,
        zh_limit=args.zh_limit,
        zh_min_hsk=args.zh_min_hsk,
    )
    _warn_all(doc.warnings, args)
    if args.format == "json":
        _print_json(doc.to_dict(), sys.stdout)
    else:
        print(_annotate_text(doc))
    return 0


# -- align ----------------------------------------------------------------------------------------


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
        en, zh = read_lines(args.en), read_lines(args.zh)
        beads = align_units(en, zh, scorer=scorer, pins=pins)
        if args.format == "json":
            _print_json({"sentences": [b.to_dict() for b in beads]}, sys.stdout)
        else:
            print(beads_to_text(beads, en, zh, title=f"{args.en} | {args.zh}: {args.units}"))
        return 0
    if args.en or args.zh:
        raise InputError("<command line>", None, "give FILE or --en/--zh, not both")
    from ..reader import read

    # The article's own pins and those of NAME.align.toml beside it, unless --pins names a file.
    doc = read(args.file, encoding=args.encoding, sidecar=not args.pins)
    _warn_all(doc.warnings, args)
    if args.pins:
        pins = [*read_pins(args.pins), *pins]
    doc = align_document(doc, scorer=scorer, pins=pins)
    assert doc.alignment is not None
    if args.format == "json":
        _print_json(doc.alignment.to_dict(), sys.stdout)
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


# -- sheet and build ------------------------------------------------------------------------------


def _cmd_sheet(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..documents import load_document
    from ..sheet import check_pdf_support, write_sheet

    if args.pdf:
        check_pdf_support()
    status = 0
    for path in args.files:
        try:
            doc = load_document(path)
            written = write_sheet(
                doc,
                args.output,
                stem=Path(path).stem,
                pdf=args.pdf,
                reading=args.reading,
                script=args.script,
                templates=args.templates,
            )
        except DuizhaoError as e:
            print(f"error: {e}", file=sys.stderr)
            status = 2
            continue
        _warn_all(doc.warnings, args)
        if not args.quiet:
            for f in written:
                print(f)
    return status


def _cmd_build(args: argparse.Namespace) -> int:
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


# -- drill --------------------------------------------------------------------------------------


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
    from ..output.pdf import check_pdf_support

    kinds, counts = parse_kind_counts(args.kinds)  # fail on a typo before the slow annotation
    if args.pdf:
        check_pdf_support()
    docs = []
    for path in args.files:
        doc = load_document(path)
        _warn_all(doc.warnings, args)
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
            templates=args.templates,
            kinds=kinds,
            count={k: counts.get(k, args.count) for k in kinds},
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
        written.append(write_apkg(docs, args.anki, deck_name=args.deck, vocabulary=args.vocab))
    if args.tsv:
        written.append(write_text(args.tsv, quizlet_text(docs, vocabulary=args.vocab)))
    if args.csv:
        written.append(write_text(args.csv, csv_text(docs, vocabulary=args.vocab)))
    if not args.quiet:
        for f in written:
            print(f)
    return 0


# -- the parser -----------------------------------------------------------------------------------


# -- words --------------------------------------------------------------------------------------


def _cmd_words(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..chinese import ChineseAnnotator, default_annotator
    from ..errors import InputError
    from ..text.convert import to_simplified, to_traditional

    name = "<stdin>" if args.file == "-" else args.file
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as e:
        raise InputError(name, None, e.strerror or str(e)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(name, line, "not UTF-8 text") from None
    if args.user_dict or args.overrides:
        annotator = ChineseAnnotator(user_dict=args.user_dict, overrides=args.overrides)
    else:
        annotator = default_annotator()
    convert = {"simplified": to_simplified, "traditional": to_traditional}.get(args.script)
    lines = text.splitlines()
    out = sys.stdout
    for first in range(0, len(lines), 200):  # batches keep the polyphone model fast
        chunk = lines[first : first + 200]
        for line, tokens in zip(chunk, annotator.annotate_many(chunk), strict=True):
            shown = convert(line) if convert else line
            if args.format == "jsonl":
                obj = {"text": shown, "tokens": [t.to_dict(shown) for t in tokens]}
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
                continue
            for t in tokens:
                word = t.text_in(shown)
                if word.isspace() or t.pos == "x":
                    continue
                pinyin = " ".join(p for p in t.pinyin if p)
                jyutping = " ".join(j for j in t.jyutping if j)
                hsk = f"HSK {t.hsk if t.hsk < 7 else '7-9'}" if t.hsk else ""
                out.write("\t".join((word, pinyin, jyutping, hsk, t.gloss or "")).rstrip() + "\n")
            out.write("\n")
    return 0


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

    p = sub.add_parser(
        "align",
        parents=[common],
        help="align an article's paragraphs and sentences",
        description=(
            "Align the English and Chinese of an article: paragraphs first, then the sentences "
            "inside each paragraph pair (numbered as in 'duizhao parse'). With --en/--zh, align "
            "two plain files where line i (from 0, blank lines included) is unit i. Paragraph pins "
            "are read from FILE's sidecar NAME.align.toml when it exists (see docs/align.md)."
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
    p.add_argument("--pins", metavar="TOML", help="pin file (default: FILE's NAME.align.toml)")
    p.add_argument("--embed", action="store_true", help="add sentence embeddings (extra 'embed')")
    p.add_argument("--format", choices=["json", "text"], default="json", help="output format")
    p.add_argument("--encoding", help="force the input encoding of FILE")
    p.set_defaults(func=_cmd_align)

    p = sub.add_parser(
        "annotate",
        parents=[common],
        help="align, annotate the Chinese, link the glossary and suggest vocabulary",
        description=(
            "Print the complete document: paragraphs and sentences, the alignment, the Chinese "
            "tokens, each glossary term's occurrences and Chinese counterpart, and suggested "
            "vocabulary for learners of English and of Chinese."
        ),
    )
    p.add_argument("file", metavar="FILE", help="article file")
    p.add_argument("--format", choices=["json", "text"], default="text", help="output format")
    p.add_argument("--encoding", help="force the input encoding; detected if omitted")
    p.add_argument("--en-limit", type=int, default=20, help="most English words (default 20)")
    p.add_argument(
        "--en-max-zipf",
        type=float,
        default=4.0,
        help="only English words rarer than this wordfreq Zipf value (default 4.0)",
    )
    p.add_argument("--zh-limit", type=int, default=30, help="most Chinese words (default 30)")
    p.add_argument(
        "--zh-min-hsk", type=int, default=6, help="lowest HSK level of Chinese words (default 6)"
    )
    p.set_defaults(func=_cmd_annotate)

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
    p.add_argument(
        "--kinds",
        default="cloze,match,zh,readings,translate",
        help="comma-separated exercises: cloze, match, zh, readings, translate (default: all); "
        "KIND:N sets that exercise's count (cloze:8,match:5)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same sheet)")
    p.add_argument("--versions", type=int, default=1, help="versions A, B, … (default 1)")
    p.add_argument("--count", type=int, default=10, help="most items per exercise (default 10)")
    p.add_argument(
        "--each", action="store_true", help="one worksheet per article instead of one for all"
    )
    p.add_argument(
        "--reading",
        choices=["pinyin", "jyutping", "both"],
        default="pinyin",
        help="what the readings exercise asks for (default pinyin)",
    )
    p.add_argument(
        "--script",
        choices=["traditional", "simplified"],
        help="show the Chinese in this script (default: as written)",
    )
    p.add_argument("--vocab", action="store_true", help="also drill the suggested vocabulary")
    p.add_argument("--no-bank", action="store_true", help="cloze without a word bank")
    p.add_argument("--pdf", action="store_true", help="also write A4 PDFs")
    p.add_argument("--anki", metavar="DECK.apkg", help="write an Anki deck")
    p.add_argument("--deck", metavar="NAME", help="Anki deck name (default duizhao::DATE TITLE)")
    p.add_argument("--tsv", metavar="FILE", help="write a Quizlet list (term TAB definition)")
    p.add_argument("--csv", metavar="FILE", help="write a CSV for reading tools")
    p.add_argument(
        "--templates", metavar="DIR", help="folder of templates overriding the default ones"
    )
    p.set_defaults(func=_cmd_drill)

    add_bank_parser(sub, common)  # the bank's subcommands are a registry: cli/bank/

    p = sub.add_parser(
        "words",
        parents=[common],
        help="Chinese words with pinyin, Jyutping, CC-CEDICT glosses and HSK levels",
        description=(
            "Segment Chinese text into words and give each its readings (pinyin and Jyutping, one "
            "per character), CC-CEDICT gloss (CC BY-SA 4.0) and HSK 3.0 level. Reads FILE, or "
            "standard input for '-'; each input line gives one JSON object (jsonl) or one block "
            "of 'word<TAB>pinyin<TAB>Jyutping<TAB>HSK<TAB>gloss' lines (text)."
        ),
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="UTF-8 text ('-': stdin)")
    p.add_argument("--format", choices=["jsonl", "text"], default="jsonl", help="output format")
    p.add_argument(
        "--script",
        choices=["traditional", "simplified"],
        help="print the text in this script (offsets are unchanged)",
    )
    p.add_argument("--user-dict", metavar="F", help="extra segmenter words (jieba format)")
    p.add_argument("--overrides", metavar="F", help="per-word reading corrections (TSV)")
    p.set_defaults(func=_cmd_words)

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
