"""Plain-text tables and JSON for the bank's subcommands (a helper, not a subcommand)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["dump", "meaning", "short", "table"]


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    """Columns padded to their widest cell (a Chinese character counts two); ``None`` is blank."""
    from ...text.script import display_width

    cells = [[str(h) for h in header]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for r in cells:
        parts = [c + " " * (widths[i] - display_width(c)) for i, c in enumerate(r)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def short(text: str | None, n: int = 50) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis.

    Examples:
        >>> short("innovation clusters", 10)
        'innovatio…'
    """
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def meaning(zh: str | None, check: str | None, definition: str | None) -> str:
    """The meaning column: the Chinese counterpart, or an uncertain one marked "check:", and the
    definition.

    Examples:
        >>> meaning(None, "需要", "to provide what is needed")
        'check: 需要 · to provide what is needed'
    """
    return " · ".join(x for x in (zh, f"check: {check}" if check else None, definition) if x)


def dump(obj: Any, out: TextIO) -> None:
    """``obj`` as indented JSON (Chinese as is), and a newline."""
    json.dump(obj, out, ensure_ascii=False, indent=2)
    out.write("\n")
