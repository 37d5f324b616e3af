"""duizhao's own Jyutping check sets: the one parser of their lines.

``tests/fixtures/chinese/jyutping_register.tsv`` (round 10: classical sentences and Hong Kong
words) and ``jyutping_editorial.tsv`` (round 14: editorial idioms, Hong Kong news, quoted
Cantonese) hold lines ``KIND<TAB>TEXT<TAB>JYUTPING``, one syllable per Han character, ``a/b``
where both readings are accepted; blank lines and ``#`` comments are skipped. Written by the
developers, in the repository (not dev data). Read by ``bench_chinese.load_register`` and by the
tests (``tests/jyutping_sets.load``).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["Row", "read_rows"]

#: kind, text, the accepted readings of each Han character
Row = tuple[str, str, list[set[str]]]


def read_rows(path: Path) -> list[Row]:
    """The rows of one check set."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, text, gold = line.split("\t")
        rows.append((kind, text, [set(g.split("/")) for g in gold.split()]))
    return rows
