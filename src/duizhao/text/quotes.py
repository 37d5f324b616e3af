"""Straight quotes (``"`` and ``'``) in an English paragraph: which ones open a quotation.

A curly quote says which way it faces (“ ‘ open, ” ’ close); a straight one does not, and ``'``
is also the apostrophe (can't, 'tis, rock 'n' roll, the '90s, the students' books). The English
sentence splitter (:mod:`duizhao.text.sentences`) starts a sentence with a straight quote only
when this module finds that the quote opens a quotation outside any other one.

Double quotes are read by their parity in the paragraph: the first opens, the second closes, and
so on, each checked against what is around it (an opening quote follows a space or the start and
comes before a word; a closing one follows a word or punctuation and comes before a space,
punctuation or the end). Once a quote does not fit, the rest of the paragraph's double quotes are
left undecided (``5'10" tall``). Single quotes open only where a quotation could start and close
at the next quote that could end one; an apostrophe inside a word, one that starts an elision
('tis, 'n', '90s) and a closing-looking one outside a quotation (the students') are skipped.

Examples:
    >>> text = 'He left. "You are late," she said.'
    >>> sorted(opening_quotes(text)), text[9]
    ([9], '"')
    >>> sorted(opening_quotes("It was the '90s. 'Tis late. The students' books."))
    []
"""

from __future__ import annotations

import re

__all__ = ["after_closing_quote_cuts", "opening_quotes"]

#: What may stand right before an opening quote besides white space and the start.
_BEFORE_OPENING = "([{“‘—–-/\"'"

#: Elisions that begin with an apostrophe (not an opening quote): 'tis, 'twas, 'n', '90s, 'em …
_ELISION = re.compile(
    r"'(?:n'|tis|twas|twere|twill|em|cause|cos|til|bout|im|er|ere|round|nuff|s|\d\d?s?)(?![A-Za-z])",
    re.IGNORECASE,
)


_QUOTE = re.compile("[\"']")


def _around(text: str, i: int) -> tuple[str, str]:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev, nxt


def _can_open(prev: str, nxt: str) -> bool:
    return (prev.isspace() or prev in _BEFORE_OPENING) and not nxt.isspace()


def _can_close(prev: str, nxt: str) -> bool:
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def opening_quotes(text: str) -> frozenset[int]:
    """Offsets of the straight quotes of ``text`` that open a quotation outside any other one.

    Args:
        text: One paragraph.

    Returns:
        The offsets of those ``"`` and ``'``; a quote inside another quotation, a closing quote,
        an apostrophe and any quote whose role is undecided are not among them.
    """
    out: set[int] = set()
    double_open = single_open = double_lost = False
    skip = -1
    for m in _QUOTE.finditer(text):
        i, ch = m.start(), m.group()
        if i == skip:
            continue
        prev, nxt = _around(text, i)
        if ch == '"':
            if double_lost:
                continue
            if not double_open and _can_open(prev, nxt):
                double_open = True
                if not single_open:
                    out.add(i)
            elif double_open and _can_close(prev, nxt):
                double_open = False
            else:
                double_lost = True  # the parity no longer says which way a quote faces
            continue
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe inside a word: can't, O'Brien
        if not single_open:
            elision = _ELISION.match(text, i)
            if elision:
                if elision.group().endswith("n'"):
                    skip = i + 2  # rock 'n' roll: both apostrophes
                continue
            if _can_open(prev, nxt):
                single_open = True
                if not double_open:
                    out.add(i)
            # a closing-looking quote outside a quotation is an apostrophe: the students' books
        elif _can_close(prev, nxt):
            single_open = False
    return frozenset(out)


# A sentence end, then a straight or curly closing quote (and any more closers), white space, and
# a straight quote before a capital letter (possibly after another quote).
_END_CLOSE_OPEN = re.compile(r"[.!?…][\"'”’)\]]+\s+(?=[\"'][\"'“‘]?[A-Z])")


def after_closing_quote_cuts(text: str, opening: frozenset[int]) -> list[int]:
    """Where a quoted sentence that ends with its closing quote is followed by a new quotation.

    ``'Why?' 'Because.'`` and ``He said "hello." "Hi," she replied.``: pysbd starts no sentence
    there. ``opening`` is :func:`opening_quotes` of ``text``; only a cut before one of them, after
    a closing quote that is no opening one, is given.

    Examples:
        >>> text = "'Why?' 'Because.'"
        >>> after_closing_quote_cuts(text, opening_quotes(text))
        [7]
    """
    out = []
    for m in _END_CLOSE_OPEN.finditer(text):
        closer = m.start() + 1
        if m.end() in opening and closer not in opening:
            out.append(m.end())
    return out
