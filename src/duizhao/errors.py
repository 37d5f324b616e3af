"""Exceptions raised by duizhao.

Every error a user can cause by feeding duizhao bad input is an :class:`InputError`, which names the
file, the line (1-based, or ``None`` when the problem is not tied to one line) and what was wrong.
The command-line front end prints ``error: <message>`` for any :class:`DuizhaoError` and exits 2.
"""

from __future__ import annotations

__all__ = ["ContentError", "DuizhaoError", "InputError", "MissingExtraError", "PinError"]


class DuizhaoError(Exception):
    """Base class of every error duizhao raises on purpose.

    Examples:
        >>> import duizhao
        >>> try:
        ...     duizhao.read_text("only English here, no 中文 paragraph.")  # "Chinese"
        ... except duizhao.DuizhaoError as e:
        ...     print(f"error: {e}")
        error: <string>: no Chinese paragraphs found
    """


class InputError(DuizhaoError, ValueError):
    """Input that duizhao cannot accept.

    Attributes:
        path: The file (or ``"<stdin>"`` / ``"<string>"``) the input came from.
        line: The 1-based line the problem was found on, or ``None``.
        message: What was wrong, in one line (and what to do about it).
        remedy: ``(option, what to do)`` when a command-line option can fix the problem, e.g.
            ``("--encoding", "name its encoding with --encoding")``: the command line adds it to
            the message of a command that has the option, and only there.

    Examples:
        >>> e = InputError("trams.txt", 12, "cannot read glossary line '電車 tram'")  # "tram"
        >>> str(e), e.line
        ("trams.txt:12: cannot read glossary line '電車 tram'", 12)
    """

    def __init__(
        self,
        path: str,
        line: int | None,
        message: str,
        *,
        remedy: tuple[str, str] | None = None,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        self.remedy = remedy
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class ContentError(DuizhaoError):
    """What is in the input cannot be used, found by a stage that does not know the file it came
    from (a pin outside the texts, nothing to drill): the command line names the files."""


class PinError(ContentError, ValueError):
    """Pinned paragraph pairs that cannot be honoured: malformed, outside the texts, or crossing."""


class MissingExtraError(DuizhaoError, ImportError):
    """An optional dependency is not installed.

    Attributes:
        extra: The name of the extra that provides it (``pip install 'duizhao[extra]'``).
    """

    def __init__(self, module: str, extra: str, purpose: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(
            f"{purpose} needs the optional package {module!r}: pip install 'duizhao[{extra}]'"
        )
