"""Same outputs before and after a speed change: every annotated document, compared field by field.

Usage::

    # before the change (e.g. on the commit it starts from)
    python benchmarks/check_identity.py --save /tmp/before.json
    # after it
    python benchmarks/check_identity.py --against /tmp/before.json

Annotates (``duizhao.pipeline.annotate``: alignment, Chinese, glossary links, vocabulary) the
articles of ``corpus/``, the article fixtures of ``tests/fixtures`` and, when the dev data is
there, ``--distinct`` distinct MAC-Dev-derived articles (``distinct_corpus.py``), all in one
process and in that order (as ``duizhao build`` would), and keeps each document's
``to_dict()`` with full float precision. ``--against`` reports every document whose dict differs,
naming the fields (``links`` holds the glossary counterparts and their confidences, ``vocabulary``
the vocabulary's), and exits 1 if any does. Nothing derived from the dev data is written into the
repository: the saved file goes where ``--save`` says.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# beside the repository, or beside the folder of its git worktrees (/work/wt/NAME → /work/shared)
DEV = next(
    (
        d / "shared" / "dev-data" / "align-mac-dev"
        for d in (ROOT.parent, ROOT.parent.parent)
        if (d / "shared" / "dev-data" / "align-mac-dev").is_dir()
    ),
    ROOT.parent / "shared" / "dev-data" / "align-mac-dev",
)
sys.path.insert(0, str(Path(__file__).resolve().parent))


def articles(distinct: int, tmp: Path, dev: Path = DEV) -> list[tuple[str, Path]]:
    """(name, path) of every article compared."""
    found = [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "corpus").glob("*.md"))]
    found += sorted((ROOT / "tests" / "fixtures" / "glossary").glob("*.txt"))
    found += sorted((ROOT / "tests" / "fixtures" / "chinese").glob("*.md"))
    found += sorted((ROOT / "tests" / "fixtures" / "drills").glob("*.md"))
    out = [(str(p.relative_to(ROOT)), p) for p in found]
    if distinct and not dev.is_dir():
        print(f"{dev}: no such folder; the distinct articles are left out", file=sys.stderr)
    elif distinct:
        from distinct_corpus import write_corpus

        out += [(f"distinct/{p.name}", p) for p in write_corpus(dev, tmp, n=distinct)]
    return out


def outputs(distinct: int, dev: Path = DEV) -> dict[str, Any]:
    """name → the annotated document's dict (or the error it raised)."""
    from duizhao.pipeline import annotate

    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in articles(distinct, Path(tmp), dev):
            try:
                data = annotate(path).to_dict()
                # the temporary folder's name is not an output
                result[name] = json.loads(json.dumps(data, ensure_ascii=False).replace(tmp, "TMP"))
            except Exception as e:  # an article the pipeline refuses: the refusal must not change
                result[name] = {"error": f"{type(e).__name__}: {e}"}
    return result


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per document (and field) that differs."""
    lines = []
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name), after.get(name)
        if a == b:
            continue
        if a is None or b is None:
            lines.append(f"{name}: only {'after' if a is None else 'before'}")
            continue
        keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        lines.append(f"{name}: differs in {', '.join(keys)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--distinct", type=int, default=80, help="distinct MAC-Dev articles (0: none)")
    ap.add_argument("--dev", type=Path, default=DEV, help="the align-mac-dev folder")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the outputs here")
    group.add_argument("--against", type=Path, help="compare with outputs saved before")
    args = ap.parse_args(argv)
    now = outputs(args.distinct, args.dev)
    if args.save:
        args.save.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"saved the outputs of {len(now)} articles to {args.save}")
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(now, ensure_ascii=False))  # the same float spelling as saved
    diff = differences(before, now)
    print(f"{len(now)} articles compared, {len(diff)} differ")
    for line in diff:
        print("  " + line)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
