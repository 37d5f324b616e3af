"""``duizhao parse``: read articles and print the document model (JSON or an outline)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import DuizhaoError
from ._common import (
    CommandGroup,
    add_limit_option,
    each_article,
    error_line,
    max_bytes,
    print_json,
    warn_all,
)


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
    if m.author:
        lines.append(f"  author: {m.author}")
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
    for path in each_article(args.files, args, "parse"):
        try:
            doc = read(path, encoding=args.encoding, max_bytes=max_bytes(args))
        except DuizhaoError as e:
            print(error_line(e, args, [path]), file=sys.stderr)
            status = 2
            continue
        warn_all(doc.warnings, args)
        docs.append(doc)
    if args.format == "json":
        if len(args.files) == 1:
            if docs:
                print_json(docs[0].to_dict(), sys.stdout)
        else:
            print_json([d.to_dict() for d in docs], sys.stdout)
    elif docs:  # nothing on stdout when no file could be read
        print("\n\n".join(_summary(d) for d in docs))
    return status


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
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
    add_limit_option(p)
    p.set_defaults(func=_cmd_parse)


GROUP = CommandGroup(name="parse", add_to=_add)
