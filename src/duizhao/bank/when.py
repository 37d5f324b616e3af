"""Dates and times as the bank reads them: ISO dates (midnight UTC) or datetimes, in UTC.

Every date the bank stores or compares is UTC; a date without a time means its midnight, so a card
"due on D" is due before the end of day D whatever the class's time zone.

Examples:
    >>> parse_when("2025-09-02")
    datetime.date(2025, 9, 2)
    >>> as_datetime("2025-09-02").isoformat()
    '2025-09-02T00:00:00+00:00'
    >>> as_date("2025-09-02T23:30:00")
    datetime.date(2025, 9, 2)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from ..errors import InputError

__all__ = ["as_date", "as_datetime", "parse_when"]


def as_datetime(when: date | datetime | str | None) -> datetime:
    """A UTC datetime: a date means its midnight (UTC), ``None`` means now."""
    if when is None:
        return datetime.now(UTC)
    if isinstance(when, str):
        when = parse_when(when)
    if isinstance(when, datetime):
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return datetime.combine(when, time(0), tzinfo=UTC)


def parse_when(text: str, *, path: str = "<input>", line: int | None = None) -> date | datetime:
    """An ISO date (``YYYY-MM-DD``) or datetime.

    Args:
        text: The text (surrounding spaces are ignored).
        path, line: Where it was read, for the error message.

    Raises:
        InputError: Anything else.
    """
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(path, line, f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def as_date(when: date | datetime | str | None) -> date:
    """A date: a datetime's own date, ``None`` means today (UTC)."""
    if when is None:
        return datetime.now(UTC).date()
    if isinstance(when, str):
        when = parse_when(when)
    return when.date() if isinstance(when, datetime) else when
