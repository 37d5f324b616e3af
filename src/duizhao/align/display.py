"""The side-by-side text view of an alignment (``duizhao align --format text``), for a person to
check: English left, Chinese right, wrapped to terminal cells (a CJK character takes two).

Examples:
    >>> from duizhao.model import Bead
    >>> beads = [Bead(en=(0,), zh=(0,), score=0.99),
    ...          Bead(en=(), zh=(1,), score=0.64, low_confidence=True)]
    >>> print(beads_to_text(beads, ["Banks lend."], ["銀行放貸。", "這是補充。"], width=43))
    [en 0 | zh 0] 0.99
    Banks lend.          │ 銀行放貸。
    [en - | zh 1] 0.64 ?
    —                    │ 這是補充。

    (銀行放貸 "banks lend"; 這是補充 "this is an addition", left untranslated.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Bead
from ..text.script import display_width

__all__ = ["beads_to_text"]


# Punctuation a line must not start with (closing marks and the percent sign, as Chinese
# typesetting has it).
_NO_LINE_START = frozenset("。，、；：！？」』）》〉】〕…・,.;:!?)%％")
# What goes down with such a mark: a number or Latin word before it whole (0.1%, WIPO), else
# the one character before it.
_CARRY = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.,]*[0-9A-Za-z])?[%％]?$")


def _wrap(text: str, width: int) -> list[str]:
    """Wrap text to ``width`` terminal cells (CJK characters take two), breaking English at
    spaces where it can; a closing punctuation mark or a percent sign never starts a line (the
    character, or the number, before it goes down with it).

    Examples:
        >>> _wrap("填滿商業活動。", 12)
        ['填滿商業活', '動。']
        >>> _wrap("貿易總額0.1%", 11)
        ['貿易總額', '0.1%']
        >>> _wrap("出口的收入），僅", 12)
        ['出口的收', '入），僅']
    """
    lines: list[str] = []
    line, used = "", 0
    for word in re.findall(r"\S+\s*|\s+", text.replace("\n", " ")):
        w = sum(display_width(c) for c in word.rstrip())
        if used + w <= width:
            line += word
            used += w + (len(word) - len(word.rstrip()))
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, used = "", 0
        for c in word:
            cw = display_width(c)
            if used + cw > width:
                carry = ""
                kept = line.rstrip()
                if c in _NO_LINE_START and len(kept) > 1:
                    m = _CARRY.search(kept)
                    n = len(m.group()) if m and len(m.group()) < len(kept) else 1
                    while n < len(kept) - 1 and kept[-n] in _NO_LINE_START:  # 入）， : 入）
                        n += 1
                    carry, line = kept[-n:], kept[:-n]
                lines.append(line.rstrip())
                line, used = carry, sum(display_width(x) for x in carry)
            if line or not c.isspace():
                line += c
                used += cw
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - sum(display_width(c) for c in text))


def beads_to_text(
    beads: Sequence[Bead],
    en: Sequence[str],
    zh: Sequence[str],
    *,
    title: str = "",
    width: int = 100,
) -> str:
    """Beads as two columns (English | Chinese) for a person to check.

    Each bead starts with a header naming its units, score and flags (``?`` low confidence,
    ``pinned``); a side without counterpart shows ``—``.
    """
    col = max(20, (width - 3) // 2)
    out = [title] if title else []
    for b in beads:
        flags = (" ?" if b.low_confidence else "") + (" pinned" if b.pinned else "")
        head = f"[en {_span(b.en)} | zh {_span(b.zh)}] {b.score:.2f}{flags}"
        out.append(head)
        left = [ln for k in b.en for ln in _wrap(en[k], col)] or ["—"]
        right = [ln for k in b.zh for ln in _wrap(zh[k], col)] or ["—"]
        for k in range(max(len(left), len(right))):
            lt = left[k] if k < len(left) else ""
            rt = right[k] if k < len(right) else ""
            out.append((_pad(lt, col) + " │ " + rt).rstrip())
    return "\n".join(out)


def _span(units: Sequence[int]) -> str:
    if not units:
        return "-"
    return str(units[0]) if len(units) == 1 else f"{units[0]}-{units[-1]}"
