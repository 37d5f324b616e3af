"""Write the module list of docs/architecture.md from the modules' own docstrings.

Usage: ``.venv/bin/python docs/make_architecture.py`` (rewrites the part between the markers);
``tests/test_architecture.py`` checks that every module of ``src/duizhao`` is listed.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "duizhao"
DOC = ROOT / "docs" / "architecture.md"
BEGIN, END = "<!-- modules: begin -->", "<!-- modules: end -->"


def first_line(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    lines = []
    for line in doc.strip().splitlines():  # the first sentence, which may wrap
        if not line.strip():
            break
        lines.append(line.strip())
    return " ".join(lines)


def table() -> str:
    rows = ["| module | lines | what it is |", "|---|---:|---|"]
    for p in sorted(SRC.rglob("*.py")):
        rel = p.relative_to(SRC).as_posix()
        n = len(p.read_text(encoding="utf-8").splitlines())
        what = first_line(p).replace("|", r"\|")
        rows.append(f"| `{rel}` | {n} | {what} |")
    return "\n".join(rows)


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{BEGIN}\n{table()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
