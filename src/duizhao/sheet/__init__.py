"""Study sheets: side-by-side HTML pages, printable A4 PDFs and a corpus site.

The sheet is built in two steps. :func:`sheet_context` turns a :class:`~duizhao.model.Document`
into plain view data (rows of paragraph pairs, each paragraph cut into sentences, glossary marks and
words with their readings); the jinja2 templates in ``templates/`` (overridable, block by block,
from a user folder) turn that into one self-contained HTML file: the stylesheets are inlined, the
few lines of JavaScript are inline, and the page makes no network request.

Every part of the document is optional: without an alignment the paragraphs are paired in order,
without tokens the Chinese is plain text, without links nothing is highlighted.

Example:
    >>> from duizhao.reader import read
    >>> html = render_sheet(read("corpus/2025-09-02-wipo-innovation-clusters.txt"), reading="none")
    >>> "灣區創科實力獲肯定" in html   # the Chinese title (Greater Bay Area innovation recognised)
    True
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby, pairwise, zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from ..documents import ARTICLE_SUFFIXES, load_document
from ..errors import DuizhaoError
from ..model import Bead, Document, Lang, Paragraph
from ..output.pdf import check_pdf_support, html_to_pdf
from ..output.templates import environment, generator
from ..resources.lexicon import CEDICT_ATTRIBUTION

if TYPE_CHECKING:
    pass

__all__ = [
    "ARTICLE_SUFFIXES",
    "PageHook",
    "Reading",
    "Script",
    "SiteArticle",
    "SiteResult",
    "build_site",
    "check_pdf_support",
    "environment",
    "render_pdf",
    "render_sheet",
    "sheet_context",
    "write_sheet",
]

Reading = Literal["pinyin", "jyutping", "both", "none"]
Script = Literal["traditional", "simplified"]
READINGS: tuple[str, ...] = ("pinyin", "jyutping", "both", "none")

#: Number of distinct highlight colours; term n uses colour ``(n - 1) % TERM_COLOURS``.
TERM_COLOURS = 8



# -- script ---------------------------------------------------------------------------------------


def _zh_lang(doc: Document, script: Script | None) -> str:
    effective = script or doc.script or "traditional"
    return "zh-Hans" if effective == "simplified" else "zh-Hant"


# -- view data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    sentence: int | None  # document-wide sentence number
    mark: int | None  # term number (1-based)
    token: int | None  # index into the paragraph's tokens


def _intervals_cut(n: int, spans: Iterable[tuple[int, int]]) -> set[int]:
    cuts = {0, n}
    for a, b in spans:
        cuts.add(max(0, min(n, a)))
        cuts.add(max(0, min(n, b)))
    return cuts


_BIG = 1 << 62


def _non_overlapping(spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Keep the earliest, then longest, of overlapping ``(start, end, key)`` spans."""
    out: list[tuple[int, int, int]] = []
    last_end = -1
    for a, b, k in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2])):
        if a >= b or a < last_end:
            continue
        out.append((a, b, k))
        last_end = b
    return out


def _lookup(spans: Sequence[tuple[int, int, int]], pos: int) -> int | None:
    """The key of the span containing ``pos`` (spans sorted and disjoint), or ``None``."""
    i = bisect_right(spans, (pos, _BIG, _BIG)) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i][2]
    return None


def _char_readings(values: Sequence[str | None], i: int) -> str | None:
    if 0 <= i < len(values):
        v = values[i]
        return v if v else None
    return None


#: Punctuation that must not start a line (it sticks to the word before it) …
_CLOSING = frozenset("，。、；：！？」』）》〉】〕”’,.;:!?)]…—％%")
#: … and punctuation that must not end one (it sticks to the word after it).
_OPENING = frozenset("「『（《〈【〔“‘([")


def _glue(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep Chinese punctuation on the line of the word it belongs to (``kind: "glue"`` groups)."""
    out: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    for item in items:
        t = item["text"]
        if item["kind"] == "text" and t and all(c in _CLOSING for c in t) and out and not pending:
            last = out[-1]
            if last["kind"] != "glue":
                last = out[-1] = {"kind": "glue", "children": [last]}
            last["children"].append(item)
        elif item["kind"] == "text" and t and all(c in _OPENING for c in t):
            pending.append(item)
        elif pending:
            out.append({"kind": "glue", "children": [*pending, item]})
            pending = []
        else:
            out.append(item)
    out.extend(pending)
    return out


def _paragraph_view(
    para: Paragraph,
    *,
    lang: Lang,
    index: int,
    first_sentence: int,
    sentence_bead: dict[int, int],
    low_beads: frozenset[int] = frozenset(),
    marks: list[tuple[int, int, int]],
    reading: str,
    text: str,
    html_lang: str,
) -> dict[str, Any]:
    """Cut one paragraph into sentences → marks → words → characters for the templates."""
    n = len(text)
    sents = _non_overlapping(
        (s.start, s.end, first_sentence + i) for i, s in enumerate(para.sentences)
    )
    marks = _non_overlapping(marks)
    use_tokens = lang == "zh" and bool(para.tokens)
    toks = (
        _non_overlapping((t.start, t.end, i) for i, t in enumerate(para.tokens))
        if use_tokens
        else []
    )
    cuts = sorted(
        _intervals_cut(n, [(a, b) for a, b, _ in sents])
        | _intervals_cut(n, [(a, b) for a, b, _ in marks])
        | _intervals_cut(n, [(a, b) for a, b, _ in toks])
    )
    atoms = [
        _Atom(a, b, _lookup(sents, a), _lookup(marks, a), _lookup(toks, a))
        for a, b in pairwise(cuts)
        if a < b
    ]
    want_py = reading in ("pinyin", "both")
    want_jp = reading in ("jyutping", "both")

    def word(group: list[_Atom]) -> dict[str, Any]:
        a, b = group[0].start, group[-1].end
        k = group[0].token
        if k is None:
            return {"kind": "text", "text": text[a:b]}
        tok = para.tokens[k]
        chars = []
        any_reading = False
        for pos in range(a, b):
            py = _char_readings(tok.pinyin, pos - tok.start) if want_py else None
            jp = _char_readings(tok.jyutping, pos - tok.start) if want_jp else None
            any_reading = any_reading or bool(py or jp)
            chars.append({"ch": text[pos], "py": py, "jp": jp})
        full_py = " ".join(p for p in tok.pinyin if p) if tok.pinyin else ""
        full_jp = " ".join(p for p in tok.jyutping if p) if tok.jyutping else ""
        if not any_reading and not tok.gloss:
            return {"kind": "text", "text": text[a:b]}
        return {
            "kind": "word",
            "text": text[a:b],
            "chars": chars if any_reading else [],
            "gloss": tok.gloss,
            "hsk": tok.hsk,
            "pinyin": full_py,
            "jyutping": full_jp,
            "word": text[tok.start : tok.end],
        }

    def words(group: list[_Atom]) -> list[dict[str, Any]]:
        out = []
        for k, it in groupby(group, key=lambda x: x.token):
            g = list(it)
            if k is None:
                out.append({"kind": "text", "text": text[g[0].start : g[-1].end]})
            else:
                out.append(word(g))
        return _glue(out) if use_tokens else out

    def parts(group: list[_Atom]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for m, it in groupby(group, key=lambda x: x.mark):
            g = list(it)
            if m is None:
                out.extend(words(g))
            else:
                out.append(
                    {
                        "kind": "mark",
                        "term": m,
                        "colour": (m - 1) % TERM_COLOURS,
                        "children": words(g),
                    }
                )
        return out

    pieces: list[dict[str, Any]] = []
    for s, it in groupby(atoms, key=lambda x: x.sentence):
        g = list(it)
        if s is None:
            pieces.append({"kind": "gap", "children": parts(g)})
        else:
            pieces.append(
                {
                    "kind": "sentence",
                    "number": s,
                    "bead": sentence_bead.get(s),
                    "low_confidence": sentence_bead.get(s) in low_beads,
                    "children": parts(g),
                }
            )
    nodes = list(_walk(pieces))
    return {
        "lang": lang,
        "html_lang": html_lang,
        "has_readings": any(x.get("chars") for x in nodes),
        "has_sentences": any(x["kind"] == "sentence" for x in pieces),
        "index": index,
        "line": para.line,
        "pieces": pieces,
        "text": text,
    }


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
            a = _char_readings(tok.pinyin, pos - tok.start)
            b = _char_readings(tok.jyutping, pos - tok.start)
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
        return _paragraph_view(
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


def render_sheet(
    doc: Document,
    *,
    reading: Reading = "pinyin",
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    template: str = "sheet.html.j2",
    extra_links: Sequence[tuple[str, str]] = (),
    for_print: bool = False,
) -> str:
    """Render a document as a self-contained HTML study sheet.

    Args:
        doc: The document (annotated or not: missing parts are left out gracefully).
        reading: ``pinyin``, ``jyutping``, ``both`` or ``none`` above the Chinese words.
        script: ``traditional`` or ``simplified`` for the Chinese, or ``None`` for as written.
        templates: A folder of templates that override the packaged ones.
        template: The page template's name.
        extra_links: ``(label, href)`` pairs linked from the header (drill pages, the index).
        for_print: Render the print version (no toolbar, toggles or script), as PDFs use.

    Returns:
        The HTML page as a string (UTF-8, one file, no external resources).
    """
    ctx = sheet_context(
        doc, reading=reading, script=script, extra_links=extra_links, for_print=for_print
    )
    return environment(templates).get_template(template).render(**ctx)


def render_pdf(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    reading: Reading = "pinyin",
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
) -> Path:
    """Render a document as an A4 PDF study sheet (needs the ``pdf`` extra and a CJK font).

    Args:
        doc: The document.
        path: Where to write the PDF.
        reading, script, templates: As for :func:`render_sheet`.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        MissingExtraError: WeasyPrint is not installed.
        DuizhaoError: Its system libraries or a CJK font are missing.
    """
    html = render_sheet(doc, reading=reading, script=script, templates=templates, for_print=True)
    return html_to_pdf(html, path)


# -- files and the corpus site --------------------------------------------------------------------


def write_sheet(
    doc: Document,
    outdir: str | os.PathLike[str],
    *,
    stem: str | None = None,
    pdf: bool = False,
    reading: Reading = "pinyin",
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
) -> list[Path]:
    """Write ``STEM.html`` (and ``STEM.pdf`` when ``pdf``) for one document into ``outdir``.

    Returns:
        The files written.
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    if stem is None:
        stem = Path(doc.meta.path).stem if doc.meta.path else "sheet"
    html = render_sheet(
        doc, reading=reading, script=script, templates=templates, extra_links=extra_links
    )
    written = [out / f"{stem}.html"]
    written[0].write_text(html, encoding="utf-8")
    if pdf:
        written.append(
            render_pdf(
                doc, out / f"{stem}.pdf", reading=reading, script=script, templates=templates
            )
        )
    return written


#: A hook that adds pages for one article to the site: called with the annotated document, the
#: output folder and the article's file stem; returns ``(label, file name)`` pairs it wrote into the
#: folder, which the sheet's header and the index link to.
PageHook = Callable[[Document, Path, str], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class SiteArticle:
    """One article of a built site."""

    source: Path
    """The article file."""
    stem: str
    """File stem of its pages (``STEM.html``, ``STEM.pdf``)."""
    date: str | None
    """Publication date (ISO), if known."""
    title_en: str | None
    """English title."""
    title_zh: str | None
    """Chinese title."""
    publisher: str | None
    """Source line (publisher or column)."""
    terms: int
    """Glossary entries."""
    linked_terms: int
    """Glossary entries found in the text."""
    vocabulary: int
    """Suggested vocabulary items (both languages)."""
    paragraphs: tuple[int, int]
    """English and Chinese paragraph counts."""
    pages: tuple[tuple[str, str], ...] = ()
    """``(label, file name)`` of every page written for it (sheet, PDF, extra pages)."""


@dataclass(frozen=True)
class SiteResult:
    """What :func:`build_site` produced."""

    index: Path
    """The ``index.html`` written."""
    articles: tuple[SiteArticle, ...] = ()
    """The articles rendered, in index order (newest first)."""
    errors: tuple[str, ...] = ()
    """One ``path: message`` line per article that could not be rendered."""
    seconds: float = 0.0
    """Wall time of the build."""
    files: tuple[Path, ...] = field(default=())
    """Every file written."""


def _iter_articles(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


class _Progress:
    """A one-line progress bar on a terminal (nothing when the stream is not a TTY)."""

    def __init__(self, total: int, stream: TextIO | None, enabled: bool | None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = total > 1 and bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.start = time.perf_counter()

    def update(self, done: int, label: str) -> None:
        if not self.enabled:
            return
        width = 28
        filled = int(width * done / max(1, self.total))
        elapsed = time.perf_counter() - self.start
        label = label if len(label) <= 32 else label[:31] + "…"
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} "
            f"{elapsed:5.1f}s {label:<32}"
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


@dataclass(frozen=True)
class _SiteOptions:
    dest: Path
    pdf: bool
    reading: Reading
    script: Script | None
    templates: str | None
    extra_pages: tuple[PageHook, ...]
    load: Callable[[Path], Document] | None


def _picklable(obj: object) -> bool:
    import pickle

    try:
        pickle.dumps(obj)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def _build_one(path: Path, opt: _SiteOptions) -> tuple[SiteArticle | None, str | None, list[Path]]:
    """Render one article of a site: ``(article, None, files)`` or ``(None, error, files)``."""
    stem = path.stem
    try:
        doc = (opt.load or load_document)(path)
        extra: list[tuple[str, str]] = []
        for hook in opt.extra_pages:
            extra.extend(hook(doc, opt.dest, stem))
        header_links = [("Index", "index.html")]
        if opt.pdf:
            header_links.append(("PDF", f"{stem}.pdf"))
        header_links += extra
        written = write_sheet(
            doc,
            opt.dest,
            stem=stem,
            pdf=opt.pdf,
            reading=opt.reading,
            script=opt.script,
            templates=opt.templates,
            extra_links=header_links,
        )
    except DuizhaoError as e:
        return None, (str(e) if str(path) in str(e) else f"{path}: {e}"), []
    written += [opt.dest / name for _, name in extra]
    pages = [("Sheet", f"{stem}.html")]
    if opt.pdf:
        pages.append(("PDF", f"{stem}.pdf"))
    pages += extra
    m = doc.meta
    article = SiteArticle(
        source=path,
        stem=stem,
        date=m.date,
        title_en=m.title_en,
        title_zh=m.title_zh,
        publisher=m.source,
        terms=len(doc.glossary),
        linked_terms=sum(1 for link in doc.links if link.en or link.zh),
        vocabulary=len(doc.vocabulary.en) + len(doc.vocabulary.zh) if doc.vocabulary else 0,
        paragraphs=(len(doc.en), len(doc.zh)),
        pages=tuple(pages),
    )
    return article, None, written


def build_site(
    folder: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    pdf: bool = False,
    reading: Reading = "pinyin",
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    extra_pages: Sequence[PageHook] = (),
    load: Callable[[Path], Document] | None = None,
    progress: bool | None = None,
    stream: TextIO | None = None,
    jobs: int = 1,
) -> SiteResult:
    """Render every article of a folder, and an ``index.html`` listing them by date.

    Args:
        folder: The folder of articles (``*.txt``, ``*.md``; not recursive).
        out: The output folder (created).
        pdf: Also write each sheet as a PDF.
        reading, script, templates: As for :func:`render_sheet`.
        extra_pages: Hooks that write more pages per article (see :data:`PageHook`).
        load: Reads and annotates one file (default :func:`load_document`).
        progress: Show a progress bar on ``stream``; ``None`` shows it when ``stream`` is a TTY.
        stream: Where the progress bar goes (default ``sys.stderr``).
        jobs: Worker processes (``1``: all in this process). With more, ``load`` and the hooks
            must be picklable (module-level functions).

    Returns:
        A :class:`SiteResult`; articles that failed are listed in ``errors``, not raised.

    Raises:
        DuizhaoError: ``folder`` is not a folder, or PDF support is missing when ``pdf`` is set.
    """
    t0 = time.perf_counter()
    src = Path(folder)
    if not src.is_dir():
        raise DuizhaoError(f"{src}: not a folder")
    dest = Path(out)
    dest.mkdir(parents=True, exist_ok=True)
    if pdf:
        check_pdf_support()
    paths = _iter_articles(src)
    bar = _Progress(len(paths), stream, progress)
    options = _SiteOptions(
        dest=dest,
        pdf=pdf,
        reading=reading,
        script=script,
        templates=None if templates is None else str(templates),
        extra_pages=tuple(extra_pages),
        load=load,
    )
    articles: list[SiteArticle] = []
    errors: list[str] = []
    files: list[Path] = []

    def collect(done: int, path: Path, result: tuple[SiteArticle | None, str | None, list[Path]]):
        article, error, written = result
        if article is not None:
            articles.append(article)
        if error is not None:
            errors.append(error)
        files.extend(written)
        bar.update(done, path.name)

    if jobs > 1 and len(paths) > 1 and not _picklable(options):
        warnings.warn(
            "the page hooks or the loader cannot be sent to worker processes (they must be "
            "module-level functions or picklable objects): building in one process",
            RuntimeWarning,
            stacklevel=2,
        )
        jobs = 1
    if jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(_build_one, path, options): path for path in paths}
            for done, fut in enumerate(as_completed(futures), 1):
                collect(done, futures[fut], fut.result())
        errors.sort()
    else:
        for n, path in enumerate(paths):
            bar.update(n, path.name)
            collect(n + 1, path, _build_one(path, options))
    bar.update(len(paths), "index.html")
    bar.close()
    # newest first; undated articles last, by file name
    articles.sort(key=lambda a: a.stem)
    articles.sort(key=lambda a: a.date or "", reverse=True)
    index = dest / "index.html"
    html = (
        environment(templates)
        .get_template("index.html.j2")
        .render(
            articles=[dataclasses.asdict(a) for a in articles],
            errors=errors,
            folder=src.name or str(src),
            generator=generator(),
            cedict_attribution=CEDICT_ATTRIBUTION,
            for_print=False,
        )
    )
    index.write_text(html, encoding="utf-8")
    files.append(index)
    return SiteResult(
        index=index,
        articles=tuple(articles),
        errors=tuple(errors),
        seconds=time.perf_counter() - t0,
        files=tuple(files),
    )


def _walk(pieces: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every node of a paragraph view, depth first (for tests and custom templates)."""
    for p in pieces:
        yield p
        yield from _walk(p.get("children", ()))
