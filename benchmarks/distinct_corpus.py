"""A corpus of distinct articles for speed and memory benchmarks, cut from MAC-Dev.

Throughput measured on one article copied a thousand times flatters every cache keyed on text;
these articles share no paragraph. Each is a run of consecutive gold beads of one MAC-Dev chapter
(``../shared/dev-data/align-mac-dev``: six novel chapters in English and Simplified Chinese),
written in the editorial format: two English paragraphs, a title line, the same two paragraphs in
Traditional Chinese (OpenCC ``s2hk``), and a glossary of three of the window's rarer English words
with a one-line definition. The text is evaluation data: it is written to a temporary folder for
the benchmark and never kept in the repository.

Usage (from a benchmark)::

    from distinct_corpus import write_corpus
    paths = write_corpus(DEV / "align-mac-dev", tmp_dir, n=200)
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["write_corpus"]

_BEAD = re.compile(r"^\[([\d, ]*)\]:\[([\d, ]*)\]$")
_WORD = re.compile(r"\b[A-Za-z][a-z]{4,}\b(?!['’])")


def _ids(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def _windows(dev: Path, size: int) -> list[tuple[list[str], list[str]]]:
    """Non-overlapping runs of ``size`` beads with English and Chinese, in chapter order."""
    out = []
    for gold in sorted((dev / "gold").glob("*.align")):
        en = (dev / "en" / f"{gold.stem}.txt").read_text(encoding="utf-8").splitlines()
        zh = (dev / "zh" / f"{gold.stem}.txt").read_text(encoding="utf-8").splitlines()
        beads = []
        for line in gold.read_text(encoding="utf-8").splitlines():
            m = _BEAD.match(line.strip())
            if m:
                z, e = _ids(m.group(1)), _ids(m.group(2))
                if e and z:
                    beads.append((" ".join(en[i] for i in e), "".join(zh[i] for i in z)))
        for start in range(0, len(beads) - size + 1, size):
            run = beads[start : start + size]
            out.append(([e for e, _ in run], [z for _, z in run]))
    return out


def _glossary(english: str, k: int = 3) -> list[tuple[str, str]]:
    from wordfreq import zipf_frequency

    seen: dict[str, float] = {}
    for w in _WORD.findall(english):
        lw = w.lower()
        if w[0].isupper() or lw in seen:
            continue  # names and repeats
        seen[lw] = zipf_frequency(lw, "en")
    rare = sorted((z, w) for w, z in seen.items() if 1.5 < z < 4.0)[:k]
    return [(w, f"a word from the text ({w})") for _, w in rare]


def write_corpus(dev: Path, folder: Path, n: int, *, beads: int = 6) -> list[Path]:
    """Write up to ``n`` distinct articles into ``folder``; return their paths.

    Args:
        dev: The ``align-mac-dev`` folder.
        folder: Where to write (created).
        n: How many articles (fewer when the chapters run out: about 215 at 6 beads each).
        beads: Gold beads per article (each article has two paragraphs a language).
    """
    from duizhao.text.convert import to_traditional

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, (en, zh) in enumerate(_windows(dev, beads)[:n]):
        half = len(en) // 2
        en_paras = [" ".join(en[:half]), " ".join(en[half:])]
        zh_paras = [to_traditional("".join(zh[:half])), to_traditional("".join(zh[half:]))]
        title = f"小說選讀 2025.{1 + k // 28 % 12:02d}.{1 + k % 28:02d}：第{k + 1}篇"
        lines = [*en_paras, title, *zh_paras]
        lines.append("/ Glossary生字 /")
        lines += [f"{term}：{definition}" for term, definition in _glossary(" ".join(en))]
        path = folder / f"article-{k:04d}.txt"
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
