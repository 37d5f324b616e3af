"""Where each value of a TOML file is: the line of every table, key and array element.

The TOML parsers say what a file holds but not where; an error or warning about one entry of a
corrections file must name its line. A small scanner over text a parser has already accepted.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["value_lines"]


class _Scanner:
    """Finds the line of every key and array element of TOML text already known to be valid.

    The parsers do not say where a value was; warnings and errors must name its line. Paths are
    tuples: ``("paragraphs", "pin", 0)`` is the first element of ``pin`` in ``[paragraphs]``.
    """

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.lines: dict[tuple[Any, ...], int] = {}

    def line(self) -> int:
        return self.s.count("\n", 0, self.i) + 1

    def peek(self, k: int = 1) -> str:
        return self.s[self.i : self.i + k]

    def skip(self, newlines: bool = True) -> None:
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.i += 1
            elif c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
            else:
                return

    def string(self) -> str:
        s, i = self.s, self.i
        q = s[i]
        triple = s.startswith(q * 3, i)
        j = i + (3 if triple else 1)
        while True:
            if q == '"' and s[j] == "\\":
                j += 2
            elif s.startswith(q * 3 if triple else q, j):
                j += 3 if triple else 1
                while triple and s.startswith(q, j):  # up to two quotes may end the content
                    j += 1
                self.i = j
                return s[i:j]
            else:
                j += 1

    def key(self) -> tuple[str, ...]:
        import tomllib

        parts = []
        while True:
            self.skip(newlines=False)
            if self.peek() in ('"', "'"):
                raw = self.string()
                parts.append(next(iter(tomllib.loads(f"{raw} = 0"))))
            else:
                m = re.compile(r"[A-Za-z0-9_-]+").match(self.s, self.i)
                if m is None:
                    raise ValueError("not a key")
                parts.append(m.group())
                self.i = m.end()
            self.skip(newlines=False)
            if self.peek() == ".":
                self.i += 1
                continue
            return tuple(parts)

    def value(self, path: tuple[Any, ...]) -> None:
        c = self.peek()
        if c in ('"', "'"):
            self.string()
        elif c == "[":
            self.i += 1
            n = 0
            while True:
                self.skip()
                if self.peek() == "]":
                    self.i += 1
                    return
                self.lines[(*path, n)] = self.line()
                self.value((*path, n))
                n += 1
                self.skip()
                if self.peek() == ",":
                    self.i += 1
        elif c == "{":
            self.i += 1
            while True:
                self.skip(newlines=False)
                if self.peek() == "}":
                    self.i += 1
                    return
                k = self.key()
                self.i += 1  # "="
                self.skip(newlines=False)
                self.lines[(*path, *k)] = self.line()
                self.value((*path, *k))
                self.skip(newlines=False)
                if self.peek() == ",":
                    self.i += 1
        else:
            m = re.compile(r"[^,\]}\n#]+").match(self.s, self.i)
            self.i = m.end() if m else self.i + 1

    def scan(self) -> dict[tuple[Any, ...], int]:
        table: tuple[str, ...] = ()
        while True:
            self.skip()
            if self.i >= len(self.s):
                return self.lines
            if self.peek() == "[":
                double = self.peek(2) == "[["
                self.i += 2 if double else 1
                table = self.key()
                self.lines.setdefault(table, self.line())
                self.i += 2 if double else 1
                continue
            line = self.line()
            k = self.key()
            self.i += 1  # "="
            self.skip(newlines=False)
            self.lines[(*table, *k)] = line
            self.value((*table, *k))


def value_lines(text: str) -> dict[tuple[Any, ...], int]:
    """The line of every table, key and array element of ``text`` (valid TOML), by path.

    Examples:
        >>> lines = value_lines('[vocabulary]\\nhide = [\\n  "fare",\\n  "tram",\\n]\\n')
        >>> lines[("vocabulary", "hide", 1)]  # the second element: "tram"
        4
    """
    try:
        return _Scanner(text).scan()
    except (ValueError, IndexError):  # never fail over a line number
        return {}
