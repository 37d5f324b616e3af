"""The sheet's view data: a document turned into plain dicts and lists for the templates.

:func:`sheet_context` pairs the paragraphs into rows (by the alignment's paragraph beads, else in
order), cuts each paragraph with :func:`~duizhao.sheet.paragraph.paragraph_view`, and adds the
glossary and vocabulary tables, the titles and the flags the templates test (``has_tokens``,
``show_pinyin``, …). docs/render.md lists every field.

Examples:
    >>> from duizhao.reader import read
    >>> ctx = sheet_context(read("corpus/2025-09-02-wipo-innovation-clusters.txt"))
    >>> ctx["meta"]["title_zh"]  # "Greater Bay Area innovation recognised, IP trade to expand"
    '灣區創科實力獲肯定 知識產權貿易待拓展'
    >>> ctx["rows"][0]["kind"], ctx["has_alignment"]  # not aligned: paragraphs paired in order
    ('pair', False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import zip_longest
from pathlib import Path
from typing import Any, Literal

from ..errors import DuizhaoError
from ..model import Bead, Document, Lang
from ..output.readings import (  # what is shown above the Chinese words: one rule for all outputs
    READINGS,
    Reading,
    readings_shown,
    shows_jyutping,
    shows_pinyin,
)
from ..output.templates import generator
from ..resources.lexicon import CEDICT_ATTRIBUTION
from ..text.script import has_han, script_of
from .options import SheetOptions
from .paragraph import TERM_COLOURS, char_reading, paragraph_view

__all__ = ["READINGS", "Reading", "Script", "sheet_context"]


#: The script the Chinese is shown in.
Script = Literal["traditional", "simplified"]


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


def _glossary_view(doc: Document, reading: str = "both") -> list[dict[str, Any]]:
    links = {link.entry: link for link in doc.links}
    rows = []
    for i, entry in enumerate(doc.glossary):
        link = links.get(i)
        zh = ""
        where: tuple[int, int, int] | None = None
        if entry.no_counterpart:
            pass  # the teacher says there is none: no Chinese is shown
        elif entry.zh:
            zh = entry.zh[0]
            if link is not None:
                occ = next((o for o in link.zh if o.text == zh), None)
                if occ is not None:
                    where = (occ.paragraph, occ.start, occ.end)
        elif link is not None and link.zh:
            occ = link.zh[0]
            zh, where = occ.text, (occ.paragraph, occ.start, occ.end)
        elif link is not None and link.counterparts:
            zh = link.counterparts[0].text
        if where is None and zh:
            where = _find_in_zh(doc, zh)
        py, jp = _readings_at(doc, *where) if where else ("", "")
        if where is None and link is not None:  # not in the text: read as a word of its own
            c = next((c for c in link.counterparts if c.text == zh), None)
            py, jp = (c.pinyin or "", c.jyutping or "") if c is not None else ("", "")
        py, jp = readings_shown(py, jp, reading)
        check = bool(link is not None and link.uncertain and zh and not entry.zh)
        rows.append(
            {
                "number": i + 1,
                "colour": i % TERM_COLOURS,
                "term": entry.term,
                "pos": entry.pos or "",
                "definition": entry.definition,
                "zh": zh,
                "other_zh": [] if entry.no_counterpart else list(entry.zh[1:]),
                "pinyin": py,
                "jyutping": jp,
                "linked": bool(link is not None and (link.en or link.zh)),
                "en_count": len(link.en) if link else 0,
                "zh_count": 0 if entry.no_counterpart or not link else len(link.zh),
                "confidence": link.confidence if link else None,
                "check": check,
                "no_counterpart": entry.no_counterpart,
            }
        )
    return rows


def _vocabulary_view(doc: Document, reading: str = "both") -> dict[str, list[dict[str, Any]]]:
    """The vocabulary tables; a Chinese word's readings are those the sheet shows (``reading``;
    ``none``: no readings column)."""
    if doc.vocabulary is None:
        return {"en": [], "zh": []}
    en = [
        {
            "word": v.word,
            "forms": [f for f in v.forms if f != v.word],
            "count": v.count,
            "level": None if v.level is None else round(float(v.level), 1),
            "translation": list(v.translation),
            "check": v.uncertain and bool(v.translation),
        }
        for v in doc.vocabulary.en
    ]
    zh = [
        {
            "word": v.word,
            "count": v.count,
            "level": None if v.level is None else int(v.level),
            "translation": list(v.translation),
            "pinyin": (v.pinyin or "") if shows_pinyin(reading) else "",
            "jyutping": (v.jyutping or "") if shows_jyutping(reading) else "",
            "check": v.uncertain and bool(v.translation),
            # the pinyin holds a reading to check (VocabItem.reading_unsure)
            "reading_check": v.reading_unsure and bool(v.pinyin) and shows_pinyin(reading),
        }
        for v in doc.vocabulary.zh
    ]
    return {"en": en, "zh": zh}


def sheet_context(
    doc: Document,
    *,
    reading: Reading | None = None,
    script: Script | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
    for_print: bool = False,
    options: SheetOptions | None = None,
) -> dict[str, Any]:
    """The view data the sheet templates render: plain dicts and lists (see docs/render.md).

    Args:
        doc: The document; alignment, tokens, links and vocabulary are used when present.
        reading: Readings above the Chinese words: ``pinyin``, ``jyutping``, ``both`` or ``none``
            (overrides ``options.reading``).
        script: Show the Chinese in this script (:func:`duizhao.chinese.convert_document`), or
            ``None`` for the script the document is in.
        extra_links: ``(label, href)`` pairs shown in the sheet's header (e.g. drill pages).
        for_print: Leave out what only a screen uses (toolbar, toggles, script): for PDFs.
        options: The audience preset and switches (:func:`~duizhao.sheet.sheet_options`).

    Raises:
        DuizhaoError: ``reading`` or ``script`` is not one of the allowed values.
    """
    opts = options or SheetOptions()
    if reading is not None:
        if reading not in READINGS:
            raise DuizhaoError(f"unknown reading {reading!r} (choose from {', '.join(READINGS)})")
        opts = replace(opts, reading=reading)
    reading = opts.reading
    if script not in (None, "traditional", "simplified"):
        raise DuizhaoError(f"unknown script {script!r} (choose traditional or simplified)")
    if script is not None and script != (doc.script or "traditional"):
        from ..chinese import convert_document

        doc = convert_document(doc, script)  # offsets stay valid: the conversion keeps lengths
    zh_lang = _zh_lang(doc, script)
    show = opts.sections

    marks: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    checks: set[int] = set()
    for link in doc.links:
        entry = doc.glossary[link.entry] if 0 <= link.entry < len(doc.glossary) else None
        no_zh = entry is not None and entry.no_counterpart
        if link.uncertain and not no_zh and not (entry is not None and entry.zh):
            checks.add(link.entry + 1)
        for lang, occs in (("en", link.en), ("zh", () if no_zh else link.zh)):
            for o in occs:
                marks.setdefault((lang, o.paragraph), []).append((o.start, o.end, link.entry + 1))
    sbeads = _sentence_beads(doc)
    low = _low_beads(doc)
    firsts = {"en": doc.first_sentence("en"), "zh": doc.first_sentence("zh")}
    wants = None if opts.readings_for == "all" else opts.wants_reading

    def para_view(lang: Lang, i: int, number: int) -> dict[str, Any]:
        para = doc.paragraphs(lang)[i]
        view = paragraph_view(
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
            checks=frozenset(checks) if lang == "zh" else frozenset(),
            wants_reading=wants,
        )
        view["number"] = number
        return view

    rows: list[dict[str, Any]] = []
    dropped_zh_only = 0
    for b in _paragraph_beads(doc):
        ens = [i for i in b.en if 0 <= i < len(doc.en)]
        zhs = [i for i in b.zh if 0 <= i < len(doc.zh)]
        if not ens and not zhs:
            continue
        kind = "pair" if ens and zhs else ("en-only" if ens else "zh-only")
        if kind == "zh-only" and "zh-only" not in show:
            dropped_zh_only += 1
            continue
        number = len(rows) + 1  # one number per row, the same in both columns
        en = [para_view("en", i, number) for i in ens]
        zh = [para_view("zh", i, number) for i in zhs]
        source = ", ".join([f"English ¶{i + 1}" for i in ens] + [f"Chinese ¶{i + 1}" for i in zhs])
        rows.append(
            {
                "kind": kind,
                "number": number,
                "source": source,
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
    glossary = _glossary_view(doc, reading) if "glossary" in show else []
    vocabulary = _vocabulary_view(doc, reading)
    if "vocab-en" not in show:
        vocabulary["en"] = []
    if "vocab-zh" not in show:
        vocabulary["zh"] = []
    if vocabulary["zh"] or vocabulary["en"]:
        has_glosses = has_glosses or any(v["translation"] for v in vocabulary["zh"])
    has_links = any(link.en or link.zh for link in doc.links)
    has_checks = bool(checks) or any(v["check"] for v in vocabulary["en"] + vocabulary["zh"])
    legend = []
    if has_links:
        legend.append(
            "Glossary terms are shaded, underlined and numbered alike in both columns"
            + (" (numbers as in the glossary table)." if glossary else ".")
        )
    if has_checks:
        legend.append(
            "Check: a dotted underline and “?” mark a Chinese counterpart duizhao is not sure "
            "of; check it before class."
        )
    if any(p["has_unsure"] for r in rows for p in r["zh"]) or any(
        v["reading_check"] for v in vocabulary["zh"]
    ):
        legend.append(
            "Check: a reading dotted and marked “?” is one duizhao is not sure of; check it "
            "before class (fix it in the corrections file's [readings])."
        )
    blank = any(not g["zh"] and not g["no_counterpart"] for g in glossary) or any(
        not v["translation"] for v in vocabulary["en"]
    )
    if blank:
        legend.append(
            "–: no Chinese counterpart found in the article (give one in the corrections file, "
            "or mark it as having none)."
        )
    if has_readings and opts.readings_for == "level":
        legend.append(f"Readings are given for words of HSK level {opts.hsk_level} and above.")
    elif has_readings and opts.readings_for == "new":
        legend.append("Readings are given for the words new to the class.")
    columns = ["en", "zh"] if opts.first == "en" else ["zh", "en"]
    return {
        "meta": {
            "source": m.source,
            # a source line with Chinese in it (明報社評) is set in CJK type, an English one not
            "source_zh": has_han(m.source or ""),
            "date": m.date,
            "title_en": m.title_en,
            "title_zh": m.title_zh,
            "path": m.path,
            "file": Path(m.path).name if m.path else None,
            "author": m.author,
            # each language's byline in its own language (the Chinese one set in CJK type)
            "bylines": [
                {"text": b, "zh": script_of(b) == "zh"}
                for b in (m.author.split(" / ") if m.author else [])
            ],
        },
        "title": title,
        "zh_lang": zh_lang,
        "script": script or doc.script or "traditional",
        "reading": reading,
        "show_pinyin": has_readings and shows_pinyin(reading),
        "show_jyutping": has_readings and shows_jyutping(reading),
        "has_tokens": has_tokens,
        "has_glosses": has_glosses,
        "has_alignment": doc.alignment is not None,
        "has_links": has_links,
        "has_checks": has_checks,
        "rows": rows,
        "columns": columns,
        "glossary": glossary,
        "vocabulary": vocabulary,
        "legend": legend,
        "term_colours": TERM_COLOURS,
        "counts": {
            "en_paragraphs": len(doc.en),
            "zh_paragraphs": len(doc.zh),
            "terms": len(doc.glossary),
            "vocabulary": len(vocabulary["en"]) + len(vocabulary["zh"]),
            "zh_only_left_out": dropped_zh_only,
        },
        "options": {
            "audience": opts.audience,
            "first": opts.first,
            "readings_for": opts.readings_for,
            "hsk_level": opts.hsk_level,
            "sections": sorted(show),
            "font_size": float(opts.font_size),
            "grey": opts.grey,
        },
        "extra_links": list(extra_links),
        "cedict_attribution": CEDICT_ATTRIBUTION,
        "generator": generator(),
        "for_print": for_print,
    }
