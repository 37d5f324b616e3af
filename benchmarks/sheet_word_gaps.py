"""Do a word's characters sit together in the Typst PDF sheet? Read back from the PDF, per reading.

Round 18 made a word's first character sit at the right of its column and its last at the left,
but a reading more than twice as wide as its character (Jyutping ``hoeng1``) kept its character
in the middle of its column, so with ``--reading jyutping`` or ``both`` words still fell apart
(香 港, 全 球 創 新). For every corpus article (annotated by the pipeline, glossary marks left out:
their boxes add their own inset), the PDF is read back with pypdf and each Han character of the
Chinese column is matched to its word; per reading this prints

* ``apart``: two-character words whose characters do not touch (gap > 0.3 pt) / all of them on
  one line; ``apart-all``: the same for neighbouring characters of any word;
* ``within`` / ``between``: the mean gap (pt) between the characters of one word and between
  two neighbouring words;
* ``off``: readings whose centre is not over a character next to them (pdftotext's word boxes),
  and the mean and largest distance (pt) from a reading's centre to its character's;
* ``joined``: neighbouring readings that touch (gap < 0.3 pt; "cong3san1" read as one word);
* ``pages``: the page count of the whole sheet (glossary included), as ``duizhao sheet --pdf``.

With ``--engine weasyprint`` the same figures for the optional engine's PDF (its Chinese column
is set at 11 pt).

With ``--baseline DIR`` (another tree's ``templates/``, e.g. ``/work/main/templates``) the same
figures with that template, in the same run::

    .venv/bin/python benchmarks/sheet_word_gaps.py --baseline /work/main/templates
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import tempfile
from itertools import pairwise
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
READINGS = ("pinyin", "jyutping", "both")
WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
SYLLABLE = re.compile(r"[a-zü\u0300-\u036f\u00e0-\u01dc]+[1-6]?")
#: the gap (pt) above which two characters of a word do not touch
TOUCH = 0.3


#: a reading's text as the PDF sets it (a syllable, Jyutping with its tone number)
READING_TEXT = re.compile(r"[a-z\u00e0-\u01dc]+[1-6]?")


@dataclasses.dataclass
class ReadBack:
    """The Chinese column of a sheet PDF read back: the gaps between neighbouring characters of
    one line of one paragraph, and each reading's horizontal scale."""

    #: (gap in pt, the word's length, the two characters) for two characters of one word
    within: list[tuple[float, int, str]]
    #: the gap in pt between the last character of a word and the first of the next
    between: list[float]
    #: each reading's horizontal scale (1.0: set at its width; below: condensed)
    squeeze: list[float]


def read_back(doc, pdf: Path, size: float) -> ReadBack:  # type: ignore[no-untyped-def]
    """Read ``pdf`` (``doc`` rendered) back with pypdf: every Han character set at ``size`` (the
    Chinese column) matched to its word of ``doc``, in order (ValueError if they differ)."""
    from pypdf import PdfReader

    glyphs: list[tuple[int, float, float, str]] = []  # page, baseline, x, character
    squeeze: list[float] = []
    for n, page in enumerate(PdfReader(str(pdf)).pages):

        def visit(text, cm, tm, font, font_size, n=n):
            if text.strip() and abs(abs(font_size * tm[3] * cm[3]) - size) < 0.05:
                x, y = tm[4] * cm[0] + cm[4], round(tm[5] * cm[3] + cm[5], 1)
                glyphs.extend((n, y, x + k * size, c) for k, c in enumerate(text) if HAN.match(c))
            elif READING_TEXT.fullmatch(text.strip()) and tm[3]:
                squeeze.append(abs(tm[0] * cm[0] / (tm[3] * cm[3])))

        page.extract_text(visitor_text=visit)
    # each Han character of the text with its paragraph, its word and that word's length
    chars = [
        (p_i, w_i, t.end - t.start, c)
        for p_i, p in enumerate(doc.zh)
        for w_i, t in enumerate(p.tokens)
        for c in p.text[t.start : t.end]
        if HAN.match(c)
    ]
    if [g[3] for g in glyphs] != [c[3] for c in chars]:
        raise ValueError(f"{pdf}: the characters read back differ from the document's")
    out = ReadBack([], [], squeeze)
    for (g1, c1), (g2, c2) in pairwise(zip(glyphs, chars, strict=True)):
        if g1[:2] != g2[:2] or c1[0] != c2[0]:
            continue  # not on one line of one paragraph
        gap = g2[2] - g1[2] - size
        if c1[1] == c2[1]:
            out.within.append((gap, c1[2], c1[3] + c2[3]))
        elif c2[1] == c1[1] + 1:
            out.between.append(gap)
    return out


def gaps(doc, pdf: Path, size: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The figures of one PDF of ``doc`` (see the module's docstring)."""
    r = read_back(doc, pdf, size)
    within = [gap for gap, _, _ in r.within]
    pairs = [gap for gap, length, _ in r.within if length == 2]
    return {
        "apart": sum(gap > TOUCH for gap in pairs),
        "pairs": len(pairs),
        "loose": sum(gap > TOUCH for gap in within),
        "neighbours": len(within),
        "within": mean(within) if within else 0.0,
        "between": mean(r.between) if r.between else 0.0,
    }


def _bbox(pdf: Path) -> str:
    """``pdftotext -bbox``'s XHTML of ``pdf``: a box for each word of each page."""
    import subprocess

    return subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def offsets(pdf: Path) -> tuple[int, float, float]:
    """Readings not over a character, mean and largest distance to the nearest character."""
    out = _bbox(pdf)
    words, page = [], -1
    for line in out.splitlines():
        page += "<page " in line
        m = WORD.search(line)
        if m:
            words.append((page, *(float(m.group(i)) for i in range(1, 5)), m.group(5)))
    # one box per Han character: pdftotext glues touching characters into one word
    singles = [w for w in words if len(w[5]) == 1 and HAN.match(w[5])]
    width = sorted(w[3] - w[1] for w in singles)[len(singles) // 2]
    chars = []
    for n, x0, y0, x1, y1, t in words:
        i = 0  # the Han characters leading the word, then those ending it
        while i < len(t) and HAN.match(t[i]):
            chars.append((n, x0 + i * width, y0, x0 + (i + 1) * width, y1))
            i += 1
        j = 0
        while j < len(t) - i and HAN.match(t[-1 - j]):
            chars.append((n, x1 - (j + 1) * width, y0, x1 - j * width, y1))
            j += 1
    off, dist = 0, []
    for n, x0, y0, x1, y1, t in words:
        if not SYLLABLE.fullmatch(t) or y1 - y0 > 9:
            continue
        c = (x0 + x1) / 2
        near = [
            k
            for k in chars
            if k[0] == n
            and (-3 <= k[2] - y1 <= 4 or -3 <= y0 - k[4] <= 4)
            and k[1] - 8 <= c <= k[3] + 8
        ]
        if near:
            dist.append(min(abs(c - (k[1] + k[3]) / 2) for k in near))
            off += not any(k[1] <= c <= k[3] for k in near)
    return off, mean(dist) if dist else 0.0, max(dist, default=0.0)


def joined(pdf: Path) -> int:
    """Neighbouring readings on one line that touch (a gap under :data:`TOUCH`), counting a
    pdftotext word made of two readings run together ("cong3san1") as one such pair."""
    out = _bbox(pdf)
    two = re.compile(rf"(?:{SYLLABLE.pattern}){{2,}}")
    rows: dict[tuple[int, float], list[tuple[float, float]]] = {}
    count, page = 0, -1
    for line in out.splitlines():
        page += "<page " in line
        m = WORD.search(line)
        if not m:
            continue
        x0, y0, x1, y1, t = (*(float(m.group(i)) for i in range(1, 5)), m.group(5))
        if y1 - y0 > 9:
            continue  # not a reading's size
        if two.fullmatch(t) and re.search(r"[1-6][a-z]", t):
            count += len(re.findall(r"[1-6](?=[a-z])", t))
        elif not SYLLABLE.fullmatch(t):
            continue
        rows.setdefault((page, round(y0)), []).append((x0, x1))
    for row in rows.values():
        row.sort()
        count += sum(b[0] - a[1] < TOUCH for a, b in pairwise(row))
    return count


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", type=Path, help="another templates folder, measured alike")
    ap.add_argument("--engine", choices=["typst", "weasyprint"], default="typst")
    args = ap.parse_args()

    from duizhao import annotate, read, render_pdf

    # the Chinese column's size: 10.5 pt * 1.06 (Typst), 11 pt (print.css, WeasyPrint)
    size = 10.5 * 1.06 if args.engine == "typst" else 11.0
    sides = [("this", None)] + ([("baseline", args.baseline)] if args.baseline else [])
    totals: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for f in sorted((ROOT / "corpus").iterdir()):
            doc = annotate(read(f))
            bare = dataclasses.replace(doc, glossary=(), links=(), vocabulary=None)
            for reading in READINGS:
                for name, templates in sides:
                    pdf = Path(tmp) / f"{name}-{reading}.pdf"
                    render_pdf(bare, pdf, reading=reading, templates=templates, engine=args.engine)
                    g = gaps(bare, pdf, size)
                    off, off_mean, off_max = offsets(pdf)
                    run_together = joined(pdf)
                    full = render_pdf(
                        doc, pdf, reading=reading, templates=templates, engine=args.engine
                    )
                    n = pages(full)
                    print(
                        f"{f.name[:24]:24} {reading:8} {name:8}"
                        f" apart {g['apart']:3}/{g['pairs']:<3}"
                        f" apart-all {g['loose']:3}/{g['neighbours']:<3}"
                        f" within {g['within']:5.2f} pt  between {g['between']:5.2f} pt"
                        f"  off {off} ({off_mean:.2f}, max {off_max:.2f} pt)"
                        f"  joined {run_together}  pages {n}"
                    )
                    t = totals.setdefault((reading, name), [0, 0, 0, 0, 0, 0])
                    t[5] += run_together
                    t[0] += g["apart"]
                    t[1] += g["pairs"]
                    t[2] += g["loose"]
                    t[3] += g["neighbours"]
                    t[4] += n
    print("all articles:")
    for (reading, name), (a, p, la, lp, n, j) in totals.items():
        print(
            f"  {reading:8} {name:8} apart {a}/{p} ({a / max(p, 1):.1%}),"
            f" apart-all {la}/{lp} ({la / max(lp, 1):.1%}), joined {j}, pages {n}"
        )


if __name__ == "__main__":
    main()
