"""``duizhao words``: Chinese words with readings, glosses and HSK levels, line by line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._common import CommandGroup


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
                # a reading to check (Token.pinyin_unsure) ends in "?": guàn?
                unsure = t.pinyin_unsure or (False,) * len(t.pinyin)
                pinyin = " ".join(p + "?" * u for p, u in zip(t.pinyin, unsure, strict=False) if p)
                jyutping = " ".join(j for j in t.jyutping if j)
                hsk = f"HSK {t.hsk if t.hsk < 7 else '7-9'}" if t.hsk else ""
                out.write("\t".join((word, pinyin, jyutping, hsk, t.gloss or "")).rstrip() + "\n")
            out.write("\n")
    return 0


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "words",
        parents=[common],
        help="Chinese words with pinyin, Jyutping, CC-CEDICT glosses and HSK levels",
        description=(
            "Segment Chinese text into words and give each its readings (pinyin and Jyutping, one "
            "per character), CC-CEDICT gloss (CC BY-SA 4.0) and HSK 3.0 level. Reads FILE, or "
            "standard input for '-'; each input line gives one JSON object (jsonl) or one block "
            "of 'word<TAB>pinyin<TAB>Jyutping<TAB>HSK<TAB>gloss' lines (text). A pinyin reading "
            "duizhao is not sure of is one to check: 'pinyin_unsure' in the JSON, a '?' after "
            "the syllable in the text."
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


GROUP = CommandGroup(name="words", add_to=_add)
