"""The lines above an article copied from a web page: a date line and a byline.

``Thursday, 3 December 2026``, ``Published: Dec 3, 2026, 6:00am HKT``, ``2026-12-03``,
``2026年12月3日（星期四）``: a line that is only a date gives the article's date. ``By Karen
Leung, English Panel Head``, ``文：梁嘉欣``: a byline is the author's name, not a paragraph of the
article to align, highlight or drill.
"""

from __future__ import annotations

import re

__all__ = ["byline", "date_line"]

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_EN_DATE = re.compile(
    r"^(?:(?:first\s+)?(?:published|updated|posted|dated?)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})[-./](?P<m3>\d{1,2})[-./](?P<d3>\d{1,2}))"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*hkt)?)?$",
    re.IGNORECASE,
)
_ZH_DATE = re.compile(
    r"^(?:(?:日期|發布|发布|發佈|更新|刊登)\s*[：:]?\s*)?"
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"(?:\s*[（(]?(?:星期|週|周|禮拜|礼拜)?[一二三四五六日天][）)]?)?"
    r"(?:\s*(?:上午|下午)?\s*\d{1,2}[:：]\d\d)?$"
)
_EN_BYLINE = re.compile(
    r"^(?i:(?:written|text|words|story|interview|interviewed|report|reported|photos?)\s+)?"
    r"(?i:by)\s+[A-Z][\w.'’-]*(?:[\s,|–—-]|$)"
)
_ZH_BYLINE = re.compile(r"^(?:文|撰文|作者|記者|记者|編輯|编辑|翻譯|翻译|譯|译)\s*[：:／/]\s*\S")


def date_line(line: str) -> tuple[str, str, str] | None:
    """``(year, month, day)`` of a line that is only a date (with a weekday, a time, a
    "Published:"), else ``None``.

    Examples:
        >>> date_line("Thursday, 3 December 2026")
        ('2026', '12', '3')
        >>> date_line("Published: Dec 3, 2026, 6:00am HKT")
        ('2026', '12', '3')
        >>> date_line("2026年12月3日（星期四）")
        ('2026', '12', '3')
        >>> date_line("3 December 2026 was a Thursday.") is None
        True
    """
    s = line.strip()
    if m := _ZH_DATE.match(s):
        return m.group("y"), m.group("m"), m.group("d")
    m = _EN_DATE.match(s)
    if m is None:
        return None
    for k in "123":
        if m.group(f"y{k}"):
            month = m.group(f"m{k}")
            if not month.isdigit():
                month = str(_MONTHS[month[:3].lower()])
            return m.group(f"y{k}"), month, re.sub(r"\D", "", m.group(f"d{k}"))
    return None  # pragma: no cover - one of the three alternatives matched


def byline(line: str) -> bool:
    """True for a short line naming the author: ``By Karen Leung``, ``文：梁嘉欣``.

    Examples:
        >>> byline("By Karen Leung, English Panel Head"), byline("文：梁嘉欣（英文科科主任）")
        (True, True)
        >>> byline("Interview by Winnie Ho"), byline("Interviewed by Winnie Ho")
        (True, True)
        >>> byline("By the time the pools open"), byline("Bypass roads")
        (False, False)
    """
    s = line.strip()
    if len(s) > 80 or re.search(r"[.!?。！？]$", s):
        return False
    return bool(_EN_BYLINE.match(s) or _ZH_BYLINE.match(s))
