"""Corrections put into a document as read: pins and counterpart choices applied at once.

What the text as read is enough for is applied here; the later stages honour the rest of
``doc.corrections`` (:mod:`duizhao.pipeline.corrections`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Corrections, Document, GlossaryEntry

__all__ = ["attach_corrections"]


def _where(c: Corrections, line: int | None) -> str:
    if line is None:
        return c.folded or c.path or "<corrections>"
    return f"{c.path}:{line}"


def _crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] < b[0] and a[1] > b[1]) or (a[0] > b[0] and a[1] < b[1])


def _glossary_index(glossary: Sequence[GlossaryEntry], term: str) -> int | None:
    key = " ".join(term.lower().split())
    for i, e in enumerate(glossary):
        if " ".join(e.term.lower().split()) == key:
            return i
    return None


def _in_chinese(doc: Document, text: str) -> bool:
    from ..text.convert import convert

    forms = {text, *(convert(text, cfg) for cfg in ("s2hk", "s2t", "hk2s", "t2s"))}
    return any(f in p.text for p in doc.zh for f in forms)


def attach_corrections(doc: Document, corrections: Corrections | None) -> Document:
    """Put a corrections file into a document, applying what concerns the text as read.

    Pins join ``doc.pins``; a counterpart choice becomes the glossary entry's given equivalent
    (``zh``, first) or its ``no_counterpart``. Entries that do not match the article (a paragraph
    that is not there, a pin that crosses another, a term not in the glossary, Chinese not in the
    Chinese text) become warnings naming their line and are left out. The later stages honour
    the rest (:attr:`~duizhao.model.Document.corrections`). Applying the same corrections twice
    gives the same document.

    Examples:
        >>> from duizhao.model import Paragraph
        >>> doc = Document(en=(Paragraph("en", "A."),), zh=(Paragraph("zh", "甲。"),))
        >>> c = Corrections(path="a.duizhao.toml", pins=((0, 3),), pin_lines=(2,))
        >>> print(*attach_corrections(doc, c).warnings)
        a.duizhao.toml:2: pin 0:3: there is no Chinese paragraph 3 (the article has 1); left out
    """
    if corrections is None:
        return replace(doc, corrections=None)
    c = corrections
    warnings = list(doc.warnings)

    def warn(line: int | None, message: str) -> None:
        w = f"{_where(c, line)}: {message}"
        if w not in warnings:
            warnings.append(w)

    paragraphs = (len(doc.en), len(doc.zh))
    sentences = tuple(sum(len(p.sentences) for p in paras) for paras in (doc.en, doc.zh))

    def in_range(
        kind: str, e: int, z: int, line: int | None, unit: str = "paragraph",
        counts: tuple[int, ...] = paragraphs,
    ) -> bool:  # fmt: skip
        for side, num, total in (("English", e, counts[0]), ("Chinese", z, counts[1])):
            if num >= total:
                warn(line, f"{kind} {e}:{z}: there is no {side} {unit} {num} (the article has "
                     f"{total}); left out")  # fmt: skip
                return False
        return True

    pins = list(doc.pins)
    unpinned = set()
    for k, (e, z) in enumerate(c.unpins):
        if in_range("unpin", e, z, c.line_of("unpins", k)):
            unpinned.add((e, z))
    for k, pin in enumerate(c.pins):
        line = c.line_of("pins", k)
        if pin in pins or not in_range("pin", *pin, line):
            continue
        if pin in unpinned:
            warn(line, f"pin {pin[0]}:{pin[1]} is also unpinned; the pin is left out")
            continue
        crossed = next((p for p in pins if _crosses(p, pin)), None)
        if crossed is not None:
            warn(line, f"pin {pin[0]}:{pin[1]} crosses pin {crossed[0]}:{crossed[1]}; left out")
            continue
        pins.append(pin)

    # sentence pins: in range and not crossing each other (whether their paragraphs are aligned
    # together is known only to the aligner, which warns about it)
    kept: list[tuple[int, int]] = []
    kept_lines: list[int | None] = []
    for k, (e, z) in enumerate(c.sentence_pins):
        line = c.line_of("sentence_pins", k)
        if not in_range("sentence pin", e, z, line, "sentence", sentences):
            continue
        crossed = next((p for p in kept if _crosses(p, (e, z))), None)
        if crossed is not None:
            warn(line, f"sentence pin {e}:{z} crosses sentence pin {crossed[0]}:{crossed[1]}; "
                 "left out")
            continue
        if (e, z) not in kept:
            kept.append((e, z))
            kept_lines.append(line)
    if tuple(kept) != c.sentence_pins:
        c = replace(c, sentence_pins=tuple(kept), sentence_pin_lines=tuple(kept_lines))

    glossary = list(doc.glossary)
    for choice in c.counterparts:
        i = _glossary_index(glossary, choice.term)
        if i is None:
            warn(choice.line, f"{choice.term!r} is not a term of the article's glossary; left out")
            continue
        entry = glossary[i]
        if choice.zh is None:
            glossary[i] = replace(entry, zh=(), no_counterpart=True)
        elif not _in_chinese(doc, choice.zh):
            warn(choice.line, f"the counterpart {choice.zh} of {choice.term!r} is not in the "
                 "Chinese text; left out")
        else:
            rest = tuple(z for z in entry.zh if z != choice.zh)
            glossary[i] = replace(entry, zh=(choice.zh, *rest), no_counterpart=False)
    if c.folded:
        warn(None, f"read as part of the corrections; its pins now belong in {c.path} "
             "(duizhao review moves them there)")
    return replace(
        doc,
        pins=tuple(pins),
        glossary=tuple(glossary),
        corrections=c,
        warnings=tuple(warnings),
    )
