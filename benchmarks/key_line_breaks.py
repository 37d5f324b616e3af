"""Premature line breaks in a worksheet's PDF (WeasyPrint): the cloze sentences of the sheet,
of its answer key (the answer bold and underlined) and the translation key's model answers
(the term marked), with this tree's templates and, with ``--baseline DIR``, another's.

Round 17's QA found "Beijing's" alone on a line before answer (9) of the seed's key (a Pango
line-breaking bug, WeasyPrint issue #2576). This lays out many key sentences, each English
sentence with its answer at several places, and counts the lines of a ``.context`` that end
although the next line's first word would have fitted (with a space) on them: WeasyPrint's own
layout tree, no PDF parsing (the next word's width estimated from its box's average character,
hence :data:`SLACK`). Sentences: the corpus's English, and with ``--dev-data DIR`` also
``align-mac-dev/en`` (evaluation only). With ``--due``, the term bank's review sheet
(``bank due --pdf``) instead: the same sentences as its blanks and its key's answers.

    python benchmarks/key_line_breaks.py --dev-data /work/shared/dev-data \\
        --baseline /work/main/templates [--due]
"""

from __future__ import annotations

import argparse
import re
import time
from itertools import pairwise
from pathlib import Path

from duizhao.drills.model import ArticleRef, Item, Section, Span, Worksheet
from duizhao.drills.worksheet import render_worksheet

ROOT = Path(__file__).resolve().parents[1]
#: A line is premature when the next word would have fitted with this much room to spare (px):
#: the next word's width is estimated from its box's average character (a few px off either way).
SLACK = 8


def sentences(dev: Path | None) -> list[str]:
    """English sentences of 12+ words: the corpus's lines (split at ". "), dev data's lines."""
    out = []
    for f in sorted((ROOT / "corpus").iterdir()):
        for line in f.read_text(encoding="utf-8").splitlines():
            if re.search(r"[\u4e00-\u9fff]", line) or len(line.split()) < 12:
                continue
            out += [s for s in re.split(r"(?<=\.) (?=[A-Z])", line.strip()) if len(s.split()) >= 12]
    if dev is not None:
        for f in sorted((dev / "align-mac-dev" / "en").glob("*.txt")):
            out += [
                ln.strip()
                for ln in f.read_text(encoding="utf-8").splitlines()
                if len(ln.split()) >= 12
            ]
    return out


def items(sents: list[str], step: int) -> list[Item]:
    """Each sentence with one blank at every ``step``-th word (the word's letters only); the same
    sentence with that word marked is the item's model answer (a translation key's)."""
    out: list[Item] = []
    for s in sents:
        words = list(re.finditer(r"[A-Za-z]+", s))
        for m in words[1::step]:
            n = len(out)
            a, b = Span(s[: m.start()]), Span(s[m.end() :])
            out.append(
                Item(
                    key=f"k{n}",
                    answers=(m.group(),),
                    first=n + 1,
                    prompt=(a, Span("", blank=0), b),
                    model=(a, Span(m.group(), mark=True), b),
                )
            )
    return out


def _kind(box, parent) -> str | None:  # type: ignore[no-untyped-def]
    """Which measured block ``box`` is: the sheet's cloze sentence, the key's, a model answer."""
    el = getattr(box, "element", None)
    if el is None or type(box).__name__ != "BlockBox" or box.element_tag not in ("li", "div"):
        return None
    pel = getattr(parent, "element", None)
    up = ((pel.get("class") if pel is not None else "") or "").split()
    if el.tag == "li" and "cloze" in up and "items" in up:
        return "sheet cloze"
    if el.tag == "li" and up == ["items"]:
        return "due sheet"
    if el.tag == "div" and el.get("class") == "context":
        return "key cloze"
    if el.tag == "li" and "translate-key" in up:
        return "key translation"
    return None


def premature(html: str) -> dict[str, tuple[int, int, list[str]]]:
    """Per kind of block (:func:`_kind`): ``(line ends, premature ones, examples)``."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    doc = weasyprint.HTML(string=html, media_type="print").render()

    def walk(box, parent=None):  # type: ignore[no-untyped-def]
        yield box, parent
        for c in getattr(box, "children", []):
            yield from walk(c, box)

    def atoms(box):  # type: ignore[no-untyped-def]
        """The line's pieces in order: its texts, and each inline-block (a blank) whole."""
        name = type(box).__name__
        if name in ("TextBox", "InlineBlockBox"):
            return [box]
        return [a for c in getattr(box, "children", []) for a in atoms(c)]

    out: dict[str, tuple[int, int, list[str]]] = {}
    for page in doc.pages:
        for box, parent in walk(page._page_box):
            kind = _kind(box, parent)
            if kind is None:
                continue
            n, bad, examples = out.get(kind, (0, 0, []))
            # the lines: the block's own, an anonymous block's, a list item's inner block's
            kids = [
                k
                for c in box.children
                for k in (
                    c.children
                    if type(c).__name__ == "AnonBlockBox"
                    or (type(c).__name__ == "BlockBox" and c.element is box.element)
                    else [c]
                )
            ]
            lines = [c for c in kids if type(c).__name__ == "LineBox"]  # not the list marker's
            for a, b in pairwise(lines):
                n += 1
                ta, tb = atoms(a), atoms(b)
                if not ta or not tb:
                    continue
                right = max(t.position_x + t.margin_width() for t in ta)
                first = tb[0]
                if type(first).__name__ == "InlineBlockBox":  # a blank: as wide as it is
                    word, w, space = "[blank]", first.margin_width(), 3.0
                else:
                    word = first.text.lstrip().split(" ")[0]
                    w = first.width * len(word) / max(1, len(first.text))
                    space = first.width / max(1, len(first.text))  # about a space
                gap = box.content_box_x() + box.width - (right + space + w)
                if gap > SLACK:
                    bad += 1
                    if len(examples) < 3:
                        text = " ".join(getattr(t, "text", "[blank]") for t in ta)[-30:]
                        examples.append(f"{gap:4.0f} px: …{text} | {word}")
            out[kind] = (n, bad, examples)
    return out


def due_html(its: tuple[Item, ...], templates: str | None) -> str:
    """The term bank's review sheet and key (``bank/due.html.j2``) with ``its`` as its lines."""
    from duizhao.bank.report import DueLine, DueSheet
    from duizhao.output.templates import environment

    lines = tuple(
        DueLine(
            term=it.answers[0],
            lang="en",
            answer=it.answers[0],
            before=it.prompt[0].text,
            after=it.prompt[2].text,
        )
        for it in its
    )
    sheet = DueSheet(
        title="Line breaks",
        subtitle="x",
        day="2026-12-04",
        lines=lines,
        word_bank=tuple(sorted({ln.term for ln in lines})),
    )
    template = environment(templates).get_template("bank/due.html.j2")
    return template.render(sheet=sheet, generator="x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev-data", type=Path, help="also the dev data's English sentences")
    ap.add_argument("--step", type=int, default=4, help="a blank every N words (4)")
    ap.add_argument(
        "--baseline",
        metavar="DIR",
        help="also with the templates of DIR (main's: /work/main/templates)",
    )
    ap.add_argument("--due", action="store_true", help="the term bank's review sheet instead")
    args = ap.parse_args()
    sents = sentences(args.dev_data)
    its = tuple(items(sents, args.step))
    sheet = Worksheet(
        title="Line breaks",
        version="A",
        versions=1,
        seed=0,
        sections=(
            Section(kind="cloze", title="Fill in the blanks", instructions="", items=its),
            Section(kind="translate", title="Translate", instructions="", items=its),
        ),
        articles=(ArticleRef(label="x", title="x"),),
    )
    print(f"{len(sents)} sentences, {len(its)} items (a blank every {args.step} words)")
    runs = [("this tree", None)] + ([("baseline", args.baseline)] if args.baseline else [])
    for name, templates in runs:
        t = time.perf_counter()
        if args.due:
            html = due_html(its, templates)
        else:
            html = render_worksheet(sheet, templates=templates)
        res = premature(html)
        print(f"{name} ({time.perf_counter() - t:.0f} s): premature line ends / line ends")
        for kind, (n, bad, ex) in sorted(res.items()):
            print(f"  {kind:16} {bad:4} / {n}")
            for e in ex:
                print("     ", e)


if __name__ == "__main__":
    main()
