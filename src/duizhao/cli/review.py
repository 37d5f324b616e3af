"""``duizhao review``: check and correct articles in the browser (a local web page)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from ._common import CommandGroup, port


def _cmd_review(args: argparse.Namespace) -> int:
    from ..review import ReviewServer

    server = ReviewServer(args.target, port=args.port, open_browser=not args.no_browser)
    if not args.quiet:
        print(f"duizhao review: {server.url}  (Ctrl+C to stop)", file=sys.stderr)
        for path in server.workspace.articles():
            print(f"  {path.name}", file=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    return 0


def _add(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "review",
        parents=[common],
        help="check and correct articles in the browser before printing",
        description=(
            "Serve a local page (127.0.0.1 only) showing the study sheet of ARTICLE, or the "
            "articles of FOLDER, with every uncertain item flagged. Click a highlight, a "
            "paragraph number or a Chinese word to correct it, hide vocabulary, download the "
            "corrected PDF, worksheet, Anki deck and Quizlet list. Changes go to NAME.duizhao.toml "
            "beside the article, which every command reads. Needs the 'review' extra. "
            "See docs/review.md."
        ),
    )
    p.add_argument("target", metavar="ARTICLE|FOLDER", help="an article, or a folder of articles")
    p.add_argument("--port", type=port, help="the port (default: a free one)")
    p.add_argument("--no-browser", action="store_true", help="do not open the browser")
    p.set_defaults(func=_cmd_review)


GROUP = CommandGroup(name="review", add_to=_add)
