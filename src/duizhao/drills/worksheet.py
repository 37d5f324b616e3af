"""Worksheets: choosing the questions, making the versions, rendering and writing the pages.

:func:`make_worksheets` asks every kind of exercise asked for (the registry in
:mod:`duizhao.drills.exercises`) for its candidate questions, picks ``count`` of each with the
seed, once, and arranges them again for each version; :func:`render_worksheet` turns a worksheet
into one self-contained HTML page with ``worksheet.html.j2``; :func:`write_drills` does both and
writes the files (what ``duizhao drill`` does), and :func:`site_hook` adds a drill page per
article to the site ``duizhao build`` makes.

Examples:
    >>> from duizhao.documents import load_document
    >>> doc = load_document("corpus/2025-09-02-wipo-innovation-clusters.txt")  # doctest: +SKIP
    >>> [ws] = make_worksheets([doc], kinds=("cloze", "match"), seed=1)   # doctest: +SKIP
    >>> ws.sections[0].items[0].answers                                   # doctest: +SKIP
    ('clusters',)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..model import Document
from ..output.files import href, make_folder, output_file, safe_stem, write_text
from ..output.templates import environment, generator
from .choosing import AUDIENCE_KINDS, LEVELS, Board, Chooser, extra_options
from .exercises import Draft, ExerciseKind, Request
from .files import output_stem
from .kinds import EXERCISES, KINDS, parse_kinds, unknown_kind
from .model import ArticleRef, DrillError, NothingToDrillError, Section, Worksheet, letter
from .seeding import rng
from .terms import article_refs, gather_terms

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "AUDIENCE_KINDS",
    "DEFAULT_COUNT",
    "LEVELS",
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
    kinds: Iterable[str] | None = None,
    count: int | Mapping[str, int] | None = None,
    seed: int = 0,
    versions: int = 1,
    word_bank: bool = True,
    vocabulary: bool = False,
    reading: ReadingKind = "pinyin",
    title: str | None = None,
    level: str = "medium",
    audience: str = "both",
) -> tuple[Worksheet, ...]:
    """Make worksheets (one per version) from one article or several.

    Args:
        docs: Annotated documents (:func:`duizhao.documents.load_document`): the glossary's
            links and the Chinese readings come from the annotation.
        kinds: Which exercises, from :data:`~duizhao.drills.KINDS` (the sheet keeps the order of
            :data:`~duizhao.drills.KINDS`); default: those of the ``audience``.
        count: How many items per exercise (chosen at random, with ``seed``): questions, or for
            the cloze blanks; or a mapping ``{kind: count}`` (kinds it does not name get
            :data:`DEFAULT_COUNT`; ``None``: :data:`DEFAULT_COUNT` each). Fewer when the articles
            do not have that many; when a count was given, the notes say so.
        seed: Seed of every random choice: the same seed gives the same sheets, byte for byte.
        versions: How many versions (A, B, …): the same items, in another order, with other
            letters.
        word_bank: Give the cloze a box of words to choose from (``level="hard"``: never).
        vocabulary: Also blank suggested English vocabulary in the cloze (always done for an
            article without a glossary).
        reading: What the readings exercise asks for: ``pinyin``, ``jyutping`` or ``both``.
        title: The sheet's heading (default: from the article's title, or the dates).
        level: ``easy`` (word bank and first letters), ``medium`` (word bank, two extra
            options to match) or ``hard`` (no word bank, three extra options).
        audience: ``english``, ``chinese`` or ``both``: the kinds when ``kinds`` is not given
            (:data:`AUDIENCE_KINDS`: no readings for English learners).

    Returns:
        One :class:`~duizhao.drills.Worksheet` per version. No sentence is used by two items of
        a version, so no item shows another's answer.

    Raises:
        DrillError: An unknown kind, a bad count, a glossary that was not linked (the document
            was not annotated), or nothing at all could be drilled.

    Examples:
        >>> from duizhao import annotate, read_text
        >>> doc = annotate(read_text(
        ...     "Hong Kong's trams are cheap and slow.\\n\\n香港的電車便宜又慢。\\n\\n"
        ...     "/ Glossary生字 /\\ntram：a vehicle that runs on rails along a street"
        ... ))  # "Hong Kong's trams (電車) are cheap and slow"
        >>> [sheet] = make_worksheets(doc, kinds=["cloze", "zh"], seed=1)
        >>> cloze = sheet.sections[0]
        >>> "".join(s.text or "____" for s in cloze.items[0].prompt), cloze.items[0].answers
        ("Hong Kong's ____ are cheap and slow.", ('trams',))
        >>> [s.kind for s in sheet.sections], sheet.notes[-1][:40]  # one pair: no matching
        (['cloze'], 'Match the English words with their Chine')
    """
    docs = [docs] if isinstance(docs, Document) else list(docs)
    if not docs:
        raise DrillError("no articles given")
    if audience not in AUDIENCE_KINDS:
        raise DrillError(f"unknown audience {audience!r} (choose english, chinese or both)")
    if level not in LEVELS:
        raise DrillError(f"unknown level {level!r} (choose easy, medium or hard)")
    kinds = tuple(AUDIENCE_KINDS[audience] if kinds is None else kinds)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise unknown_kind(unknown[0])
    if not kinds:
        raise DrillError("no drill kinds chosen")
    # the kinds whose count the teacher gave: a shortfall is noted for those only
    asked = set(KINDS) if isinstance(count, int) else set(count or ())
    if count is None:
        count = DEFAULT_COUNT
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
    word_bank = word_bank and level != "hard"

    refs = article_refs(docs)
    terms = gather_terms(docs, vocabulary)
    no_glossary = [r.label for d, r in zip(docs, refs, strict=True) if not d.glossary]
    notes: list[str] = []
    if no_glossary:
        where = "the article" if len(docs) == 1 else ", ".join(no_glossary)
        notes.append(f"no glossary in {where}: the drills use the suggested vocabulary instead")
    checks = [t.term for t in terms if t.glossary and t.uncertain]
    if checks:
        notes.append(
            "not drilled in Chinese (the counterpart is uncertain: check it): " + ", ".join(checks)
        )
    request = Request(
        docs=tuple(docs),
        terms=tuple(terms),
        refs=tuple(refs),
        seed=seed,
        reading=reading,
        word_bank=word_bank,
        kinds=kinds,
        level=level,
    )

    # 1. choose the content once, from the seed only: every version asks the same questions,
    #    and no two questions share a sentence (kinds in sheet order: the cloze chooses first)
    #    The kind with the fewest candidates chooses first, so that a scarce kind is not
    #    crowded out of the sentences by a plentiful one.
    #    The kinds take turns, one question at a time, in sheet order, so that none is crowded
    #    out of the sentences by another; each asks its rarest terms first.
    drafts = [(kind, kind.build(request)) for kind in EXERCISES.values() if kind.name in kinds]
    board = Board()
    choosers = {
        kind.name: Chooser(
            draft,
            counts[kind.name],
            rng(seed, "pick", kind.name),
            kind.layout == "cloze",
            board,
            answered=kind.layout == "choice",
            sentences=kind.layout != "match",
        )
        for kind, draft in drafts
        if draft.items
    }
    used: set[str] = set()
    while any([c.step(used) for c in choosers.values()]):
        pass
    picked: dict[str, tuple[ExerciseKind, Draft, list[int], tuple[str, ...]]] = {}
    for kind, draft in drafts:
        chooser = choosers.get(kind.name)
        if chooser is None or not chooser.chosen:
            continue
        picks = sorted(chooser.chosen)
        want = counts[kind.name]
        if kind.name in asked and chooser.total < want:
            what = ("blank" if chooser.blanks else "question") + ("" if chooser.total == 1 else "s")
            why = (
                "no more without setting a sentence or a term twice"
                if len(draft.items) > len(picks)
                else "the articles have no more"
            )
            notes.append(f"{kind.title}: {chooser.total} {what} of the {want} asked for ({why})")
        extra = extra_options(draft, picks, LEVELS[level], rng(seed, "extra", kind.name))
        picked[kind.name] = (kind, draft, picks, extra)
    chosen = []
    for kind, draft in drafts:  # back in sheet order
        if not draft.items:
            notes.append(f"{kind.title}: skipped — {draft.why}")
        elif kind.name not in picked:
            notes.append(f"{kind.title}: skipped — its sentences are used by other parts")
        else:
            chosen.append(picked[kind.name])
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
        for kind, draft, picks, extra in chosen:
            items = [draft.items[i] for i in picks]
            rights = [draft.rights[i] for i in picks] if draft.rights else []
            ordered, options = kind.arrange(
                items, rights, rng(seed, "order", kind.name, v), draft.right_lang, v, extra
            )
            if kind.layout == "cloze":  # blanks numbered across the section
                numbered, first = [], 1
                for it in ordered:
                    numbered.append(replace(it, first=first))
                    first += len(it.answers)
                ordered = tuple(numbered)
            bank: tuple[str, ...] = ()
            if kind.word_bank and word_bank:
                bank = tuple(sorted({w for it in items for w in it.listed}, key=str.lower))
            instructions = draft.instructions or kind.instructions
            if bank and sum(len(it.answers) for it in items) > len(bank):
                # more blanks than words in the box: say so, or a pupil crosses each word out
                instructions += " A word in the box may fill more than one blank."
            sections.append(
                Section(
                    kind=kind.name,
                    title=draft.title or kind.title,
                    instructions=instructions,
                    items=ordered,
                    options=options,
                    word_bank=bank,
                    layout=kind.layout,
                    letters=kind.layout == "cloze" and level == "easy",
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
                level=level,
                audience=audience,
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

    Examples:
        >>> from duizhao import annotate, read_text
        >>> doc = annotate(read_text(
        ...     "Hong Kong's trams are cheap and slow.\\n\\n香港的電車便宜又慢。\\n\\n"
        ...     "/ Glossary生字 /\\ntram：a vehicle that runs on rails along a street"
        ... ))  # "Hong Kong's trams (電車) are cheap and slow"
        >>> html = render_worksheet(make_worksheets(doc, kinds=["cloze"])[0])
        >>> "Answer key" in html and "trams" in html  # the key gives the word, "trams" (電車)
        True
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
    docx: bool = False,
    templates: str | os.PathLike[str] | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> list[Path]:
    """Write each worksheet as ``STEM.html`` (one version) or ``STEM-A.html``, ``STEM-B.html``, …

    Args:
        sheets: The worksheets (:func:`make_worksheets`).
        outdir: The folder (created).
        stem: File name without extension.
        pdf: Also write a PDF next to each page (needs the ``pdf`` extra and a CJK font).
        docx: Also write each as a Word file, ``NAME.docx``, and its answer key apart,
            ``NAME.key.docx`` (needs the ``docx`` extra).
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
        if docx:
            from .docx import worksheet_docx

            written += worksheet_docx(
                ws, output_file(out, f"{name}.docx"), output_file(out, f"{name}.key.docx")
            )
    return written


def write_drills(
    docs: Sequence[Document],
    outdir: str | os.PathLike[str],
    *,
    stem: str | None = None,
    pdf: bool = False,
    docx: bool = False,
    templates: str | os.PathLike[str] | None = None,
    **options: Any,
) -> tuple[tuple[Worksheet, ...], list[Path]]:
    """Make the worksheets of ``docs`` and write them into ``outdir`` (what ``duizhao drill`` does).

    Args:
        docs: Annotated documents.
        outdir: The folder.
        stem: File name stem (default ``ARTICLE.drills`` or ``drills-FIRSTDATE--LASTDATE``).
        pdf: Also write PDFs.
        docx: Also write Word files (the key apart).
        templates: Template override folder.
        **options: Passed to :func:`make_worksheets`.
    """
    sheets = make_worksheets(docs, **options)
    files = write_worksheets(
        sheets, outdir, stem or output_stem(docs), pdf=pdf, docx=docx, templates=templates
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
    docx: bool = False
    """Also write ``STEM.drills.docx`` and ``STEM.drills.key.docx``."""
    audience: str = "both"
    """Who the drills are for (:data:`AUDIENCE_KINDS`)."""

    def __call__(self, doc: Document, outdir: Path, stem: str) -> list[tuple[str, str]]:
        try:
            sheets = make_worksheets(
                [doc], kinds=self.kinds, count=self.count, seed=self.seed, audience=self.audience
            )
        except DrillError:
            return []
        files = write_worksheets(
            sheets,
            outdir,
            f"{stem}.drills",
            pdf=self.pdf,
            docx=self.docx,
            templates=self.templates,
            links=[("Index", "index.html"), ("Study sheet", href(f"{stem}.html"))],
        )
        labels = {".html": "Drills", ".pdf": "Drills PDF", ".docx": "Drills (Word)"}
        links = []
        for f in files:
            if f.name.endswith(".key.docx"):
                links.append(("Answer key (Word)", f.name))
            else:
                links.append((labels.get(f.suffix, f.suffix), f.name))
        return links


def site_hook(
    *,
    kinds: Iterable[str] | str | None = None,
    count: int = DEFAULT_COUNT,
    seed: int = 0,
    pdf: bool = False,
    docx: bool = False,
    templates: str | os.PathLike[str] | None = None,
    audience: str | None = None,
) -> DrillPages:
    """The page hook ``duizhao build`` uses: a drill page per article (see :class:`DrillPages`).

    ``kinds`` defaults to the audience's (:data:`AUDIENCE_KINDS`: no readings ``--for english``).

    Examples:
        >>> site_hook(kinds=["zh", "cloze"], seed=3).kinds
        ('zh', 'cloze')
        >>> site_hook(audience="english").kinds
        ('cloze', 'match', 'zh', 'translate')
    """
    audience = audience or "both"
    if audience not in AUDIENCE_KINDS:
        raise DrillError(f"unknown audience {audience!r} (choose english, chinese or both)")
    chosen = AUDIENCE_KINDS[audience] if kinds is None else parse_kinds(kinds)
    return DrillPages(
        kinds=tuple(chosen),
        count=count,
        seed=seed,
        pdf=pdf,
        templates=None if templates is None else str(templates),
        docx=docx,
        audience=audience,
    )
