"""Classroom drills: printable worksheets with answer keys, Anki decks, Quizlet and CSV lists.

A worksheet is plain data (:class:`Worksheet` → :class:`Section` → :class:`Item` → :class:`Span`),
made by :func:`make_worksheets` from one or several annotated documents and turned into one
self-contained HTML page by the ``worksheet.html.j2`` template (answer key on a page of its own).
Five kinds of exercise, chosen with ``kinds`` (:data:`KINDS`; each kind is one module of
:mod:`duizhao.drills.exercises`, a registry):

* ``cloze``: the article's own English sentences with glossary terms (and, with
  ``vocabulary=True`` or when there is no glossary, suggested words) blanked; a word bank gives the
  terms as listed, the key the form as written (``overtook`` for ``overtake``);
* ``match``: glossary term ↔ definition;
* ``zh``: English term ↔ its Chinese counterpart (集群 for *cluster*);
* ``readings``: write the pinyin or Jyutping of the marked Chinese words;
* ``translate``: a Chinese sentence to put into English using the term, the English original as
  the model answer.

The terms, their occurrences and their Chinese counterparts are those the pipeline linked
(``doc.links``): give documents as :func:`duizhao.documents.load_document` loads them.
Everything random comes from ``random.Random`` seeded with strings built from ``seed``
(:mod:`.seeding`): the same documents and options always give byte-identical output.
``versions=N`` keeps the same questions (the same content) and shuffles their order and the
matching letters, one version per letter A, B, ….

Exports (:mod:`.export`): :func:`write_apkg` (Anki, via the optional ``genanki``),
:func:`quizlet_text` and :func:`csv_text`.

Modules: :mod:`.model` (the worksheet as data), :mod:`.terms` (what can be drilled),
:mod:`.exercises` (one module per kind), :mod:`.kinds` (their order, ``--kinds`` parsing),
:mod:`.seeding`, :mod:`.worksheet` (making, rendering and writing worksheets; the site hook),
:mod:`.docx` (the worksheet and its key as Word files), :mod:`.files`, :mod:`.export`.

Worksheets are sound by construction: no sentence is used by two questions of a version, nothing
printed gives another question's answer away, ``count`` counts items (blanks for the cloze), the
kinds come from an audience preset (``audience``) unless named, and a counterpart below the
finder's threshold (``TermLink.uncertain``) is never drilled (the exports flag it instead).

Examples:
    >>> from duizhao.model import Document, GlossaryEntry, Occurrence, Paragraph, Sentence, TermLink
    >>> text = "Shenzhen leads the clusters."
    >>> doc = Document(
    ...     en=(Paragraph("en", text, (Sentence(0, len(text)),)),),
    ...     glossary=(GlossaryEntry("cluster", "a group of similar things"),),  # 集群
    ...     links=(TermLink(entry=0, en=(Occurrence(0, 0, 19, 27, "clusters"),)),),
    ... )
    >>> [ws] = make_worksheets(doc, kinds=["cloze"])
    >>> ws.sections[0].items[0].answers, ws.sections[0].word_bank
    (('clusters',), ('cluster',))

    With a real article (annotating it takes a few seconds):

    >>> from duizhao.documents import load_document
    >>> doc = load_document("corpus/2025-09-02-wipo-innovation-clusters.txt")  # doctest: +SKIP
    >>> [ws] = make_worksheets([doc], kinds=("cloze", "match"), seed=1)   # doctest: +SKIP
    >>> ws.sections[0].items[0].answers                                   # doctest: +SKIP
    ('clusters',)
"""

from __future__ import annotations

from ..output.files import write_text
from .export import ANKI_FIELDS as ANKI_FIELDS
from .export import (
    ANKI_MODEL_ID,
    Card,
    anki_article_id,
    cards,
    csv_text,
    quizlet_text,
    write_apkg,
)
from .export import CSV_HEADER as CSV_HEADER
from .kinds import KIND_TITLES, KINDS, parse_kind_counts, parse_kinds
from .model import ArticleRef, DrillError, Item, Option, Section, Span, Worksheet
from .worksheet import (
    DEFAULT_COUNT,
    DrillPages,
    make_worksheets,
    render_worksheet,
    site_hook,
    write_drills,
    write_worksheets,
)
from .worksheet import ReadingKind as ReadingKind

__all__ = [
    "ANKI_MODEL_ID",
    "DEFAULT_COUNT",
    "KINDS",
    "KIND_TITLES",
    "ArticleRef",
    "Card",
    "DrillError",
    "DrillPages",
    "Item",
    "Option",
    "Section",
    "Span",
    "Worksheet",
    "anki_article_id",
    "cards",
    "csv_text",
    "make_worksheets",
    "parse_kind_counts",
    "parse_kinds",
    "quizlet_text",
    "render_worksheet",
    "site_hook",
    "write_apkg",
    "write_drills",
    "write_text",
    "write_worksheets",
]
