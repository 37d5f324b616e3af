"""Worksheets: choosing the questions, making the versions, rendering and writing the pages.

:func:`make_worksheets` asks every kind of exercise asked for (the registry in
:mod:`duizhao.drills.exercises`) for its candidate questions, picks ``count`` of each with the
seed, once, and arranges them again for each version; :func:`render_worksheet` turns a worksheet
into one self-contained HTML page with ``worksheet.html.j2``; :func:`write_drills` does both and
writes the files (what ``duizhao drill`` does), and :func:`site_hook` adds a drill page per
article to the site ``duizhao build`` makes.

Example:
    >>> from duizhao.documents import load_document
    >>> doc = load_document("corpus/2025-09-02-wipo-innovation-clusters.txt")  # doctest: +SKIP
    >>> [ws] = make_worksheets([doc], kinds=("cloze", "match"), seed=1)   # doctest: +SKIP
    >>> ws.sections[0].items[0].answers                                   # doctest: +SKIP
    ('clusters',)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..model import Document
from ..output.files import href, make_folder, output_file, safe_stem, write_text
from ..output.templates import environment, generator
from .exercises import Draft, ExerciseKind, Request
from .files import output_stem
from .kinds import EXERCISES, KINDS, parse_kinds, unknown_kind
from .model import ArticleRef, DrillError, NothingToDrillError, Section, Worksheet, letter
from .seeding import pick, rng
from .terms import article_refs, gather_terms

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "DEFAULT_COUNT",
    "DrillPages",
    "ReadingKind",
    "make_worksheets",
    "render_worksheet",
    "site_hook",
    "write_drills",
    "write_worksheets",
]

#: Questions per exercise unless the teacher says otherwise.
DEFAULT_COUNT = 10
ReadingKind = Literal["pinyin", "jyutping", "both"]


def make_worksheets(
    docs: Document | Sequence[Document],
    *,
    kinds: Iterable[str] = KINDS,
    count: int | Mapping[str, int] = DEFAULT_COUNT,
    seed: int = 0,
    versions: int = 1,
    word_bank: bool = True,
    vocabulary: bool = False,
    reading: ReadingKind = "pinyin",
    title: str | None = None,
) -> tuple[Worksheet, ...]:
    """Make worksheets (one per version) from one article or several.

    Args:
        docs: Annotated documents (:func:`duizhao.documents.load_document`): the glossary's
            links and the Chinese readings come from the annotation.
        kinds: Which exercises, from :data:`~duizhao.drills.KINDS` (the sheet keeps the order of
            :data:`~duizhao.drills.KINDS`).
        count: At most this many items per exercise (chosen at random, with ``seed``), or a
            mapping ``{kind: count}`` (kinds it does not name get :data:`DEFAULT_COUNT`).
        seed: Seed of every random choice: the same seed gives the same sheets, byte for byte.
        versions: How many versions (A, B, …): the same items, in another order, with other
            letters.
        word_bank: Give the cloze a box of words to choose from.
        vocabulary: Also blank suggested English vocabulary in the cloze (always done for an
            article without a glossary).
        reading: What the readings exercise asks for: ``pinyin``, ``jyutping`` or ``both``.
        title: The sheet's heading (default: from the article's title, or the dates).

    Returns:
        One :class:`~duizhao.drills.Worksheet` per version.

    Raises:
        DrillError: An unknown kind, a bad count, a glossary that was not linked (the document
            was not annotated), or nothing at all could be drilled.
    """
    docs = [docs] if isinstance(docs, Document) else list(docs)
    if not docs:
        raise DrillError("no articles given")
    kinds = tuple(kinds)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise unknown_kind(unknown[0])
    if not kinds:
        raise DrillError("no drill kinds chosen")
    counts = (
        {k: int(count) for k in KINDS}
        if isinstance(count, int)
        else {k: int(count.get(k, DEFAULT_COUNT)) for k in KINDS}
    )
    for k, c in counts.items():
        if c < 1:
            raise DrillError(f"count must be at least 1 (got {c} for {k})")
    if not 1 <= versions <= 26:
        raise DrillError(f"versions must be between 1 and 26 (got {versions})")
    if reading not in ("pinyin", "jyutping", "both"):
        raise DrillError(f"unknown reading {reading!r} (choose pinyin, jyutping or both)")

    refs = article_refs(docs)
    terms = gather_terms(docs, vocabulary)
    no_glossary = [r.label for d, r in zip(docs, refs, strict=True) if not d.glossary]
    notes: list[str] = []
    if no_glossary:
        where = "the article" if len(docs) == 1 else ", ".join(no_glossary)
        notes.append(f"no glossary in {where}: the drills use the suggested vocabulary instead")
    request = Request(
        docs=tuple(docs),
        terms=tuple(terms),
        refs=tuple(refs),
        seed=seed,
        reading=reading,
        word_bank=word_bank,
    )

    # 1. choose the content once, from the seed only: every version asks the same questions
    chosen: list[tuple[ExerciseKind, Draft, list[int]]] = []
    for kind in EXERCISES.values():
        if kind.name not in kinds:
            continue
        draft = kind.build(request)
        if not draft.items:
            notes.append(f"{kind.title}: skipped — {draft.why}")
            continue
        picks = pick(
            range(len(draft.items)),
            counts[kind.name],
            rng(seed, "pick", kind.name),
            draft.preferred,
        )
        chosen.append((kind, draft, picks))
    if not chosen:
        raise NothingToDrillError(
            "nothing to drill: " + "; ".join(notes) if notes else "nothing to drill"
        )

    # 2. arrange them for each version
    if title is None:
        title = _title(refs)
    sheets = []
    for v in range(versions):
        sections = []
        for kind, draft, picks in chosen:
            items = [draft.items[i] for i in picks]
            rights = [draft.rights[i] for i in picks] if draft.rights else []
            ordered, options = kind.arrange(
                items, rights, rng(seed, "order", kind.name, v), draft.right_lang, v
            )
            bank: tuple[str, ...] = ()
            if kind.word_bank and word_bank:
                bank = tuple(sorted({w for it in items for w in it.listed}, key=str.lower))
            sections.append(
                Section(
                    kind=kind.name,
                    title=draft.title or kind.title,
                    instructions=draft.instructions or kind.instructions,
                    items=ordered,
                    options=options,
                    word_bank=bank,
                    layout=kind.layout,
                )
            )
        sheets.append(
            Worksheet(
                title=title,
                version=letter(v),
                versions=versions,
                seed=seed,
                sections=tuple(sections),
                articles=tuple(refs),
                notes=tuple(notes),
                reading=reading,
            )
        )
    return tuple(sheets)


def _title(refs: Sequence[ArticleRef]) -> str:
    if len(refs) == 1:
        return f"Vocabulary worksheet: {refs[0].title}"
    dates = sorted(r.date for r in refs if r.date)
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        return f"Vocabulary worksheet: {len(refs)} articles, {span}"
    return f"Vocabulary worksheet: {len(refs)} articles"


# -- HTML and PDF -------------------------------------------------------------------------------


def render_worksheet(
    sheet: Worksheet,
    *,
    templates: str | os.PathLike[str] | None = None,
    template: str = "worksheet.html.j2",
    links: Sequence[tuple[str, str]] = (),
) -> str:
    """Render a worksheet and its answer key as one self-contained HTML page (A4 when printed).

    Args:
        sheet: The worksheet.
        templates: A folder whose templates override the packaged ones.
        template: The page template's name.
        links: ``(label, href)`` pairs shown above the sheet on screen, never printed (the site
            links back to the study sheet and the index).
    """
    env: jinja2.Environment = environment(templates)
    return env.get_template(template).render(
        ws=sheet,
        multi=len(sheet.articles) > 1,
        links=list(links),
        generator=generator(),
    )


def write_worksheets(
    sheets: Sequence[Worksheet],
    outdir: str | os.PathLike[str],
    stem: str,
    *,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> list[Path]:
    """Write each worksheet as ``STEM.html`` (one version) or ``STEM-A.html``, ``STEM-B.html``, …

    Args:
        sheets: The worksheets (:func:`make_worksheets`).
        outdir: The folder (created).
        stem: File name without extension.
        pdf: Also write a PDF next to each page (needs the ``pdf`` extra and a CJK font).
        templates: A folder of templates that override the packaged ones.
        links: Screen-only ``(label, href)`` links above the sheet.

    Returns:
        The files written.
    """
    out = make_folder(outdir)
    stem = safe_stem(stem, "drills")
    written = []
    for ws in sheets:
        name = stem if len(sheets) == 1 else f"{stem}-{ws.version}"
        html = render_worksheet(ws, templates=templates, links=links)
        path = write_text(output_file(out, f"{name}.html"), html)
        written.append(path)
        if pdf:
            from ..output.pdf import html_to_pdf

            written.append(html_to_pdf(html, output_file(out, f"{name}.pdf")))
    return written


def write_drills(
    docs: Sequence[Document],
    outdir: str | os.PathLike[str],
    *,
    stem: str | None = None,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
    **options: Any,
) -> tuple[tuple[Worksheet, ...], list[Path]]:
    """Make the worksheets of ``docs`` and write them into ``outdir`` (what ``duizhao drill`` does).

    Args:
        docs: Annotated documents.
        outdir: The folder.
        stem: File name stem (default ``ARTICLE.drills`` or ``drills-FIRSTDATE--LASTDATE``).
        pdf: Also write PDFs.
        templates: Template override folder.
        **options: Passed to :func:`make_worksheets`.
    """
    sheets = make_worksheets(docs, **options)
    files = write_worksheets(
        sheets, outdir, stem or output_stem(docs), pdf=pdf, templates=templates
    )
    return sheets, files


# -- the corpus site ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrillPages:
    """A page hook of the site that writes ``STEM.drills.html`` for each article.

    It has the shape ``duizhao build`` expects of its page hooks (``extra_pages``): called with
    the annotated document, the output folder and the article's file stem, it returns the
    ``(label, file name)`` pairs it wrote, which the study sheet and the index link to. A plain
    picklable object, so ``build_site(..., jobs=N)`` can send it to worker processes. Articles
    with nothing to drill get no page (and no link).
    """

    kinds: tuple[str, ...] = KINDS
    """The exercises."""
    count: int = DEFAULT_COUNT
    """Most questions per exercise."""
    seed: int = 0
    """Seed of the random choices."""
    pdf: bool = False
    """Also write ``STEM.drills.pdf``."""
    templates: str | None = None
    """Template override folder."""

    def __call__(self, doc: Document, outdir: Path, stem: str) -> list[tuple[str, str]]:
        try:
            sheets = make_worksheets([doc], kinds=self.kinds, count=self.count, seed=self.seed)
        except DrillError:
            return []
        files = write_worksheets(
            sheets,
            outdir,
            f"{stem}.drills",
            pdf=self.pdf,
            templates=self.templates,
            links=[("Index", "index.html"), ("Study sheet", href(f"{stem}.html"))],
        )
        links = [("Drills", files[0].name)]
        if self.pdf:
            links.append(("Drills PDF", files[1].name))
        return links


def site_hook(
    *,
    kinds: Iterable[str] = KINDS,
    count: int = DEFAULT_COUNT,
    seed: int = 0,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
) -> DrillPages:
    """The page hook ``duizhao build`` uses: a drill page per article (see :class:`DrillPages`).

    Example:
        >>> site_hook(kinds=["zh", "cloze"], seed=3)
        DrillPages(kinds=('zh', 'cloze'), count=10, seed=3, pdf=False, templates=None)
    """
    return DrillPages(
        kinds=parse_kinds(tuple(kinds)),
        count=count,
        seed=seed,
        pdf=pdf,
        templates=None if templates is None else str(templates),
    )
