"""``duizhao annotate``: the complete document (alignment, words, links, vocabulary)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import (
    CommandGroup,
    add_corrections_options,
    add_limit_option,
    count,
    max_bytes,
    positive,
    print_json,
    warn_all,
)


def _annotate_text(doc: Any) -> str:
    """A human-readable outline of the glossary links and vocabulary."""
    lines = [doc.meta.path or "<input>", "  glossary:"]
    for link in doc.links:
        entry = doc.glossary[link.entry]
        zh = link.counterparts[0].text if link.counterparts else "-"
        check = ", check" if link.uncertain else ""
        en = ", ".join(o.text for o in link.en) or "not found"
        lines.append(
            f"    {entry.term} → {zh} ({link.confidence:.2f}{check}); English: {en};"
            f" Chinese: {len(link.zh)}×"
        )
    if doc.vocabulary is not None:
        lines.append("  vocabulary (en):")
        for v in doc.vocabulary.en:
            tr = " / ".join(v.translation) or "-"
            check = " (check)" if v.uncertain and v.translation else ""
            lines.append(f"    {v.word} (Zipf {v.level}) {tr}{check}")
        lines.append("  vocabulary (zh):")
        for v in doc.vocabulary.zh:
            level = f"HSK {v.level}" if v.level else "off-list"
            gloss = "; ".join(v.translation[:2])
            lines.append(f"    {v.word} {v.pinyin or ''} ({level}) {gloss}")
    return "\n".join(lines)


def _cmd_annotate(args: argparse.Namespace) -> int:
    from ..documents import load_document

    doc = load_document(
        args.file,
        encoding=args.encoding,
        corrections=False if args.no_corrections else args.corrections,
        max_bytes=max_bytes(args),
        en_limit=args.en_limit,
        en_max_zipf=args.en_max_zipf,
        zh_limit=args.zh_limit,
        zh_min_hsk=args.zh_min_hsk,
    )
    warn_all(doc.warnings, args)
    if args.format == "json":
        print_json(doc.to_dict(), sys.stdout)
    else:
        print(_annotate_text(doc))
    return 0


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "annotate",
        parents=[common],
        help="align, annotate the Chinese, link the glossary and suggest vocabulary",
        description=(
            "Print the complete document: paragraphs and sentences, the alignment, the Chinese "
            "tokens, each glossary term's occurrences and Chinese counterpart, and suggested "
            "vocabulary for learners of English and of Chinese. The corrections file "
            "NAME.duizhao.toml beside FILE is honoured (see docs/review.md)."
        ),
    )
    p.add_argument("file", metavar="FILE", help="article file (or saved annotate JSON)")
    p.add_argument("--format", choices=["json", "text"], default="text", help="output format")
    p.add_argument("--encoding", help="force the input encoding; detected if omitted")
    p.add_argument("--en-limit", type=count, default=20, help="most English words (default 20)")
    p.add_argument(
        "--en-max-zipf",
        type=float,
        default=4.0,
        help="only English words rarer than this wordfreq Zipf value (default 4.0)",
    )
    p.add_argument("--zh-limit", type=count, default=30, help="most Chinese words (default 30)")
    p.add_argument(
        "--zh-min-hsk",
        type=positive,
        default=6,
        help="lowest HSK level of Chinese words (default 6)",
    )
    add_corrections_options(p)
    add_limit_option(p)
    p.set_defaults(func=_cmd_annotate)


GROUP = CommandGroup(name="annotate", add_to=_add)
