"""The corpus site: every article of a folder as a study sheet (and PDF), and an index by date.

Articles are rendered one by one, or in worker processes with ``jobs``; an article that fails is
listed in the result's ``errors`` and the build goes on. Other outputs add their pages for each
article through :data:`PageHook` hooks (the CLI passes the drills' hook), so the sheet needs to
know nothing about them.

Examples:
    >>> import tempfile
    >>> from duizhao.reader import read
    >>> site = build_site("corpus", tempfile.mkdtemp(), load=read)  # read only: no annotation
    >>> [a.date for a in site.articles]  # newest first
    ['2025-10-06', '2025-09-02']
    >>> site.articles[0].title_zh  # "Trams at 120: a future, not only a past"
    '叮叮百廿載 應有未來而非僅有過去'
    >>> site.index.name, site.errors
    ('index.html', ())
"""

from __future__ import annotations

import dataclasses
import os
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TextIO

from ..documents import ARTICLE_SUFFIXES, load_document
from ..errors import DuizhaoError
from ..model import Document
from ..output.files import all_or_nothing, file_stem, href, make_folder, output_file, write_text
from ..output.pdf import check_pdf_support
from ..output.templates import environment, generator
from ..pipeline.parallel import run_each
from ..resources.lexicon import CEDICT_ATTRIBUTION
from ..text.script import has_han
from .fit import fit_pages
from .options import SheetOptions
from .page import write_sheet
from .view import Reading, Script

__all__ = ["PageHook", "SiteArticle", "SiteResult", "build_site"]


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
    """``(label, relative URL)`` of every page written for it (sheet, PDF, extra pages)."""


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
    notes: tuple[str, ...] = ()
    """Messages for the teacher (what ``pages`` left out of which sheet)."""


def _iter_articles(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


@dataclass(frozen=True)
class _SiteOptions:
    dest: Path
    pdf: bool
    options: SheetOptions
    script: Script | None
    templates: str | None
    extra_pages: tuple[PageHook, ...]
    load: Callable[[Path], Document] | None
    docx: bool = False
    pages: int | None = None
    engine: str = "typst"


def _picklable(obj: object) -> bool:
    import pickle

    try:
        pickle.dumps(obj)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def _build_one(
    path: Path, opt: _SiteOptions
) -> tuple[SiteArticle | None, str | None, list[Path], str | None]:
    """Render one article of a site: ``(article, None, files, note)`` or ``(None, error, …)``."""
    stem = file_stem(path, "sheet")
    note = None
    try:
        with all_or_nothing():  # an article that fails leaves none of its pages behind
            doc = (opt.load or load_document)(path)
            options = opt.options
            if opt.pages:
                fitted = fit_pages(
                    doc,
                    opt.pages,
                    options,
                    script=opt.script,
                    templates=opt.templates,
                    engine=opt.engine if opt.pdf else "typst",
                )
                options = fitted.options
                told = fitted.note(opt.pages)
                note = f"{path.name}: {told}" if told else None
            extra: list[tuple[str, str]] = []
            for hook in opt.extra_pages:
                extra.extend(hook(doc, opt.dest, stem))
            header_links = [("Index", "index.html")]
            if opt.pdf:
                header_links.append(("PDF", href(f"{stem}.pdf")))
            if opt.docx:
                header_links.append(("Word", href(f"{stem}.docx")))
            header_links += [(label, href(name)) for label, name in extra]
            written = write_sheet(
                doc,
                opt.dest,
                stem=stem,
                pdf=opt.pdf,
                docx=opt.docx,
                script=opt.script,
                templates=opt.templates,
                extra_links=header_links,
                options=options,
                engine=opt.engine,
            )
    except DuizhaoError as e:
        return None, (str(e) if str(path) in str(e) else f"{path}: {e}"), [], None
    written += [output_file(opt.dest, name) for _, name in extra]
    pages = [("Sheet", href(f"{stem}.html"))]
    if opt.pdf:
        pages.append(("PDF", href(f"{stem}.pdf")))
    if opt.docx:
        pages.append(("Word", href(f"{stem}.docx")))
    pages += [(label, href(name)) for label, name in extra]
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
    return article, None, written, note


def _annotate_one(
    path: Path, load: Callable[[Path], Document] | None
) -> tuple[Document | None, str | None]:
    """One article's document, or the error (a Dask task: everything but writing the pages)."""
    try:
        return (load or load_document)(path), None
    except DuizhaoError as e:
        return None, str(e)


@dataclass(frozen=True)
class _Annotated:
    """A loader that hands back a document made elsewhere (or raises the error it met there)."""

    doc: Document | None
    error: str | None

    def __call__(self, path: Path) -> Document:
        if self.doc is None:
            raise DuizhaoError(self.error or f"{path}: could not be read")
        return self.doc


def build_site(
    folder: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    pdf: bool = False,
    reading: Reading | None = None,
    script: Script | None = None,
    templates: str | os.PathLike[str] | None = None,
    extra_pages: Sequence[PageHook] = (),
    docx: bool = False,
    options: SheetOptions | None = None,
    pages: int | None = None,
    engine: str = "typst",
    load: Callable[[Path], Document] | None = None,
    progress: bool | None = None,
    stream: TextIO | None = None,
    jobs: int = 1,
    dask: str | None = None,
) -> SiteResult:
    """Render every article of a folder, and an ``index.html`` listing them by date.

    Args:
        folder: The folder of articles (``*.txt``, ``*.md``; not recursive).
        out: The output folder (created).
        pdf: Also write each sheet as a PDF.
        reading: As for :func:`render_sheet`.
        script: As for :func:`render_sheet`.
        templates: As for :func:`render_sheet`.
        options: As for :func:`render_sheet`.
        extra_pages: Hooks that write more pages per article (see :data:`PageHook`).
        docx: Also write each sheet as a Word file.
        pages: Fit each sheet on this many A4 pages (:func:`~duizhao.sheet.fit_pages`); what
            was left out is in the result's ``notes``.
        engine: The PDF engine (``typst`` or ``weasyprint``).
        load: Reads and annotates one file (default :func:`load_document`).
        progress: Show a progress bar on ``stream``; ``None`` shows it when ``stream`` is a TTY.
        stream: Where the progress bar goes (default ``sys.stderr``).
        jobs: Worker processes (``1``: all in this process), forked after the first article
            has loaded the tables (:func:`duizhao.pipeline.parallel.run_each`). With more, or
            with ``dask``, ``load`` and the hooks must be picklable (module-level functions).
        dask: Annotate the articles as Dask tasks on this scheduler (``local``: a local cluster
            of ``jobs`` workers); the pages are written here (the ``dask`` extra).

    Returns:
        A :class:`SiteResult`; articles that failed are listed in ``errors``, not raised.

    Raises:
        DuizhaoError: ``folder`` is not a folder, or PDF support is missing when ``pdf`` is set.

    Examples:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "trams.txt").write_text(
        ...     "Trams are slow.\\n\\n電車很慢。\\n\\n"
        ...     "/ Glossary生字 /\\n\\ntram【電車】：a vehicle on rails\\n",
        ...     encoding="utf-8",
        ... )
        >>> site = build_site(folder, folder / "site")
        >>> [p.name for p in site.files], site.errors
        (['trams.html', 'index.html'], ())
        >>> page = (folder / "site" / "trams.html").read_text(encoding="utf-8")
        >>> page.count('<mark class="term k0" data-t="1">')  # "Trams" and 電車, one colour
        2
    """
    t0 = time.perf_counter()
    src = Path(folder)
    if not src.is_dir():
        raise DuizhaoError(f"{src}: not a folder")
    paths = _iter_articles(src)
    if not paths:
        kinds = ", ".join(f"*{s}" for s in sorted(ARTICLE_SUFFIXES))
        raise DuizhaoError(f"{src}: no articles in this folder (files named {kinds})")
    dest = make_folder(out)
    if pdf or pages:
        check_pdf_support(engine if pdf else "typst")
    opts = options or SheetOptions()
    if reading is not None:
        opts = dataclasses.replace(opts, reading=reading)
    site_opts = _SiteOptions(
        dest=dest,
        pdf=pdf,
        options=opts,
        script=script,
        templates=None if templates is None else str(templates),
        extra_pages=tuple(extra_pages),
        load=load,
        docx=docx,
        pages=pages,
        engine=engine,
    )
    articles: list[SiteArticle] = []
    errors: list[str] = []
    files: list[Path] = []
    notes: list[str] = []

    if (jobs > 1 or dask) and len(paths) > 1 and not _picklable(site_opts):
        warnings.warn(
            "the page hooks or the loader cannot be sent to worker processes (they must be "
            "module-level functions or picklable objects): building in one process",
            RuntimeWarning,
            stacklevel=2,
        )
        jobs, dask = 1, None
    done: Iterator[tuple[Path, tuple[SiteArticle | None, str | None, list[Path], str | None]]]
    if dask:
        # the annotation (the expensive part) as Dask tasks; the pages are written here
        results = run_each(partial(_annotate_one, load=site_opts.load), paths, jobs=jobs,
                           dask=dask, progress=progress, stream=stream, desc="build")  # fmt: skip
        done = (
            (path, _build_one(path, dataclasses.replace(site_opts, load=_Annotated(*found))))
            for path, found in results
        )
    else:
        done = run_each(partial(_build_one, opt=site_opts), paths, jobs=jobs, progress=progress,
                        stream=stream, desc="build")  # fmt: skip
    for _path, (article, error, written, note) in done:
        if note is not None:
            notes.append(note)
        if article is not None:
            articles.append(article)
        if error is not None:
            errors.append(error)
        files.extend(written)
    # newest first; undated articles last, by file name
    articles.sort(key=lambda a: a.stem)
    articles.sort(key=lambda a: a.date or "", reverse=True)
    index = output_file(dest, "index.html")
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
            has_han=has_han,  # a source marked Chinese only when it is (its font follows)
        )
    )
    write_text(index, html)
    files.append(index)
    return SiteResult(
        index=index,
        articles=tuple(articles),
        errors=tuple(errors),
        seconds=time.perf_counter() - t0,
        files=tuple(files),
        notes=tuple(sorted(notes)),
    )
