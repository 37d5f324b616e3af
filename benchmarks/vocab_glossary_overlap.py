"""How many "Words to learn: Chinese" entries repeat the glossary's Chinese, per teacher fixture.

Usage: ``.venv/bin/python benchmarks/vocab_glossary_overlap.py`` (this checkout), and with the old
code: ``git archive main src templates | tar -x -C /tmp/old_X`` then
``PYTHONPATH=/tmp/old_X/src .venv/bin/python benchmarks/vocab_glossary_overlap.py``.

For each article: the Chinese vocabulary's size and the words in it that the glossary shows (a
teacher's equivalent, a highlighted counterpart, or the counterpart in the glossary table), counted
the same way for old and new code (the rule is written out here, not imported).
"""

from __future__ import annotations

import sys
from pathlib import Path

import duizhao
from duizhao.documents import load_document

ROOT = Path(__file__).resolve().parents[1]


def glossary_words(doc: duizhao.model.Document) -> set[str]:
    links = {link.entry: link for link in doc.links}
    words: set[str] = set()
    for i, entry in enumerate(doc.glossary):
        if entry.no_counterpart:
            continue
        words.update(entry.zh)
        link = links.get(i)
        if link is not None:
            words.update(o.text for o in link.zh)
            if link.counterparts and not entry.zh:
                words.add(link.counterparts[0].text)
    return words


def main() -> int:
    print(f"duizhao from {Path(duizhao.__file__).parent}")
    total = repeated = 0
    for path in sorted((ROOT / "tests" / "fixtures" / "teacher").glob("*.txt")):
        doc = load_document(path)
        vocab = [v.word for v in doc.vocabulary.zh] if doc.vocabulary else []
        dup = [w for w in vocab if w in glossary_words(doc)]
        total += len(vocab)
        repeated += len(dup)
        print(f"{path.name:45} {len(vocab):3} Chinese words, {len(dup)} repeat the glossary {dup}")
    print(f"all: {total} Chinese vocabulary words, {repeated} repeat the glossary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
