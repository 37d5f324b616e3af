"""The sheet's view data: a document turned into plain dicts and lists for the templates.

:func:`sheet_context` pairs the paragraphs into rows (by the alignment's paragraph beads, else in
order), cuts each paragraph with :func:`~duizhao.sheet.paragraph.paragraph_view`, and adds the
glossary and vocabulary tables, the titles and the flags the templates test (``has_tokens``,
``show_pinyin``, …). docs/render.md lists every field.

Example:
    >>> from duizhao.reader import read
    >>> ctx = sheet_context(read("corpus/2025-09-02-wipo-innovation-clusters.txt"))
    >>> ctx["meta"]["title_zh"]  # "Greater Bay Area innovation recognised, IP trade to expand"
    '灣區創科實力獲肯定 知識產權貿易待拓展'
    >>> ctx["rows"][0]["kind"], ctx["has_alignment"]  # not aligned: paragraphs paired in order
    ('pair', False)
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest
from pathlib import Path
from typing import Any, Literal

from ..errors import DuizhaoError
from ..model import Bead, Document, Lang
from ..output.templates import generator
from ..resources.lexicon import CEDICT_ATTRIBUTION
from .paragraph import TERM_COLOURS, char_reading, paragraph_view

__all__ = ["READINGS", "Reading", "Script", "sheet_context"]


#: What is shown above the Chinese words.
Reading = Literal["pinyin", "jyutping", "both", "none"]
#: The script the Chinese is shown in.
Script = Literal["traditional", "simplified"]
#: Every :data:`Reading`, as ``sheet_context`` checks them.
READINGS: tuple[str, ...] = ("pinyin", "jyutping", "both", "none")


def _zh_lang(doc: Document, script: Script | None) -> str:
    effective = script or doc.script or "traditional"
    return "zh-Hans" if effective == "simplified" else "zh-Hant"


# -- rows, glossary, vocabulary -------------------------------------------------------------------


def _paragraph_beads(doc: Document) -> list[Bead]:
    al = doc.alignment
    if al is not None and al.paragraphs:
        beads = list(al.paragraphs)
        seen_en = {i for b in beads for i in b.en}
        seen_zh = {i for b in beads for i in b.zh}
        # never drop a paragraph, even if the alignment forgot it
        beads += [Bead(en=(i,), zh=()) for i in range(len(doc.en)) if i not in seen_en]
        beads += [Bead(en=(), zh=(i,)) for i in range(len(doc.zh)) if i not in seen_zh]
        return beads
    return [
        Bead(en=(e,) if e is not None else (), zh=(z,) if z is not None else ())
        for e, z in zip_longest(range(len(doc.en)), range(len(doc.zh)))
    ]


def _sentence_beads(doc: Document) -> dict[str, dict[int, int]]:
    out: dict[str, dict[int, int]] = {"en": {}, "zh": {}}
    if doc.alignment is None:
        return out
    for b, bead in enumerate(doc.alignment.sentences):
        if bead.en and bead.zh:  # a sentence with no counterpart links to nothing
            for s in bead.en:
                out["en"][s] = b
            for s in bead.zh:
                out["zh"][s] = b
    return out


def _low_beads(doc: Document) -> frozenset[int]:
    if doc.alignment is None:
        return frozenset()
    return frozenset(b for b, bead in enumerate(doc.alignment.sentences) if bead.low_confidence)


def _readings_at(doc: Document, para: int, start: int, end: int) -> tuple[str, str]:
    """Pinyin and Jyutping of ``zh[para].text[start:end]`` from its tokens (``""`` if unknown)."""
    if not 0 <= para < len(doc.zh):
        return "", ""
    p = doc.zh[para]
    py: list[str] = []
    jp: list[str] = []
    for tok in p.tokens:
        if tok.end <= start or tok.start >= end:
            continue
        for pos in range(max(start, tok.start), min(end, tok.end)):
            a = char_reading(tok.pinyin, pos - tok.start)
            b = char_reading(tok.jyutping, pos - tok.start)
            if a:
                py.append(a)
            if b:
                jp.append(b)
    return " ".join(py), " ".join(jp)


def _find_in_zh(doc: Document, text: str) -> tuple[int, int, int] | None:
    if not text:
        return None
    for i, p in enumerate(doc.zh):
        k = p.text.find(text)
        if k >= 0:
            return i, k, k + len(text)
    return None


def _glossary_view(doc: Document) -> list[dict[str, Any]]:
    links = {link.entry: link for link in doc.links}
    rows = []
    for i, entry in enumerate(doc.glossary):
        link = links.get(i)
        zh = ""
        where: tuple[int, int, int] | None = None
        if link is not None and link.zh:
            occ = link.zh[0]
            zh, where = occ.text, (occ.paragraph, occ.start, occ.end)
        elif link is not None and link.counterparts:
            zh = link.counterparts[0].text
        elif entry.zh:
            zh = entry.zh[0]
        if where is None:
            where = _find_in_zh(doc, zh)
        py, jp = _readings_at(doc, *where) if where else ("", "")
        rows.append(
            {
                "number": i + 1,
                "colour": i % TERM_COLOURS,
                "term": entry.term,
                "pos": entry.pos or "",
                "definition": entry.definition,
                "zh": zh,
                "other_zh": list(entry.zh[1:]),
                "pinyin": py,
                "jyutping": jp,
                "linked": bool(link is not None and (link.en or link.zh)),
                "en_count": len(link.en) if link else 0,
                "zh_count": len(link.zh) if link else 0,
                "confidence": link.confidence if link else None,
            }
        )
    return rows


def _vocabulary_view(doc: Document) -> dict[str, list[dict[str, Any]]]:
    if doc.vocabulary is None:
        return {"en": [], "zh": []}
    en = [
        {
            "word": v.word,
            "forms": [f for f in v.forms if f != v.word],
            "count": v.count,
            "level": None if v.level is None else round(float(v.level), 1),
            "translation": list(v.translation),
        }
        for v in doc.vocabulary.en
    ]
    zh = [
        {
            "word": v.word,
            "count": v.count,
            "level": None if v.level is None else int(v.level),
            "translation": list(v.translation),
            "pinyin": v.pinyin or "",
            "jyutping": v.jyutping or "",
        }
        for v in doc.vocabulary.zh
    ]
    return {"en": en, "zh": zh}


def sheet_context(
    doc: Document,
    *,
    reading: Reading = "pinyin",
    script: Script | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
    for_print: bool = False,
) -> dict[str, Any]:
    """The view data the sheet templates render: plain dicts and lists (see docs/render.md).

    Args:
        doc: The document; alignment, tokens, links and vocabulary are used when present.
        reading: Readings above the Chinese words: ``pinyin``, ``jyutping``, ``both`` or ``none``.
        script: Show the Chinese in this script (:func:`duizhao.chinese.convert_document`), or
            ``None`` for the script the document is in.
        extra_links: ``(label, href)`` pairs shown in the sheet's header (e.g. drill pages).
        for_print: Leave out what only a screen uses (toolbar, toggles, script): for PDFs.

    Raises:
        DuizhaoError: ``reading`` or ``script`` is not one of the allowed values.
    """
    if reading not in READINGS:
        raise DuizhaoError(f"unknown reading {reading!r} (choose from {', '.join(READINGS)})")
    if script not in (None, "traditional", "simplified"):
        raise DuizhaoError(f"unknown script {script!r} (choose traditional or simplified)")
    if script is not None and script != (doc.script or "traditional"):
        from ..chinese import convert_document

        doc = convert_document(doc, script)  # offsets stay valid: the conversion keeps lengths
    zh_lang = _zh_lang(doc, script)

    marks: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    for link in doc.links:
        for lang, occs in (("en", link.en), ("zh", link.zh)):
            for o in occs:
                marks.setdefault((lang, o.paragraph), []).append((o.start, o.end, link.entry + 1))
    sbeads = _sentence_beads(doc)
    low = _low_beads(doc)
    firsts = {"en": doc.first_sentence("en"), "zh": doc.first_sentence("zh")}

    def para_view(lang: Lang, i: int) -> dict[str, Any]:
        para = doc.paragraphs(lang)[i]
        return paragraph_view(
            para,
            lang=lang,
            index=i,
            first_sentence=firsts[lang][i],
            sentence_bead=sbeads[lang],
            low_beads=low,
            marks=marks.get((lang, i), []),
            reading=reading,
            text=para.text,
            html_lang=zh_lang if lang == "zh" else "en",
        )

    rows = []
    for b in _paragraph_beads(doc):
        en = [para_view("en", i) for i in b.en if 0 <= i < len(doc.en)]
        zh = [para_view("zh", i) for i in b.zh if 0 <= i < len(doc.zh)]
        if not en and not zh:
            continue
        kind = "pair" if en and zh else ("en-only" if en else "zh-only")
        rows.append(
            {
                "kind": kind,
                "en": en,
                "zh": zh,
                "score": b.score,
                "low_confidence": b.low_confidence and kind == "pair",
                "pinned": b.pinned,
            }
        )

    has_tokens = any(p.tokens for p in doc.zh)
    has_glosses = any(t.gloss for p in doc.zh for t in p.tokens)
    has_readings = reading != "none" and any(
        any(t.pinyin) or any(t.jyutping) for p in doc.zh for t in p.tokens
    )
    m = doc.meta
    title = m.title_en or m.title_zh
    if not title:
        title = Path(m.path).stem if m.path else "Study sheet"
    glossary = _glossary_view(doc)
    vocabulary = _vocabulary_view(doc)
    if vocabulary["zh"] or vocabulary["en"]:
        has_glosses = has_glosses or any(v["translation"] for v in vocabulary["zh"])
    return {
        "meta": {
            "source": m.source,
            "date": m.date,
            "title_en": m.title_en,
            "title_zh": m.title_zh,
            "path": m.path,
            "file": Path(m.path).name if m.path else None,
        },
        "title": title,
        "zh_lang": zh_lang,
        "script": script or doc.script or "traditional",
        "reading": reading,
        "show_pinyin": has_readings and reading in ("pinyin", "both"),
        "show_jyutping": has_readings and reading in ("jyutping", "both"),
        "has_tokens": has_tokens,
        "has_glosses": has_glosses,
        "has_alignment": doc.alignment is not None,
        "has_links": any(link.en or link.zh for link in doc.links),
        "rows": rows,
        "glossary": glossary,
        "vocabulary": vocabulary,
        "term_colours": TERM_COLOURS,
        "counts": {
            "en_paragraphs": len(doc.en),
            "zh_paragraphs": len(doc.zh),
            "terms": len(doc.glossary),
            "vocabulary": len(vocabulary["en"]) + len(vocabulary["zh"]),
        },
        "extra_links": list(extra_links),
        "cedict_attribution": CEDICT_ATTRIBUTION,
        "generator": generator(),
        "for_print": for_print,
    }
