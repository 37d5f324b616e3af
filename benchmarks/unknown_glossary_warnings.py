"""Which articles the reader says hold a glossary under an unknown header (false alarms check).

Usage: ``.venv/bin/python benchmarks/unknown_glossary_warnings.py`` — reads every article of
corpus/ and tests/fixtures/ (``.txt``, ``.md``) and prints each warning about a glossary block
under an unknown header, and how many articles were read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from duizhao.errors import DuizhaoError
from duizhao.reader import read

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    paths = sorted(
        p
        for d in ("corpus", "tests/fixtures")
        for p in (ROOT / d).rglob("*")
        if p.suffix in (".txt", ".md") and p.name != "README.md"
    )
    read_ok = warned = 0
    for path in paths:
        try:
            doc = read(path)
        except (DuizhaoError, UnicodeError, ValueError):
            continue
        read_ok += 1
        for w in doc.warnings:
            if "look like a glossary" in w:
                warned += 1
                print(w.replace(str(ROOT) + "/", ""))
    print(f"{read_ok} articles read, {warned} glossary-block warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
