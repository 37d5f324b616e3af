"""The review page's HTML: the study sheet with its review tools, the folder's index, and the
"new article" page (whose boxes become an article file in the documented Markdown format).

Every page renders through the one jinja environment (:mod:`duizhao.output.templates`) with the
templates in ``templates/review/``; the sheet itself is the study sheet's own view data
(:func:`duizhao.sheet.sheet_context`) and template, with the review tools added in its blocks.

Examples:
    >>> text, starts = assemble_article({"english": "A tram.", "chinese": "一輛電車。",
    ...                                  "glossary": "tram：a vehicle on rails"})
    >>> starts["glossary"], text.splitlines()[starts["glossary"] - 1]  # "a tram"
    (11, 'tram：a vehicle on rails')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from ..model import Document
from ..output.templates import environment, generator
from ..sheet import sheet_context
from .flags import review_data, to_check

__all__ = [
    "BOXES",
    "DOWNLOADS",
    "FIELDS",
    "assemble_article",
    "check_article",
    "index_page",
    "new_page",
    "review_page",
]

#: The text boxes of the new-article page, in the order they are written into the file.
BOXES = ("english", "chinese", "glossary")
#: The one-line fields (front matter keys).
FIELDS = ("source", "date", "title_en", "title_zh")
_HEADINGS = {"english": "# English", "chinese": "# 中文", "glossary": "# Glossary"}

#: The downloads of an article: (kind, label, what it is).
DOWNLOADS = (
    ("sheet.pdf", "Study sheet (PDF)", "the corrected sheet, A4"),
    ("worksheet.pdf", "Worksheet and key (PDF)", "exercises with the answer key on its own page"),
    ("deck.apkg", "Anki deck", "one note per glossary term"),
    ("quizlet.txt", "Quizlet list", "term TAB definition (Chinese)"),
    (
        "deck-chinese.apkg",
        "Anki deck (learning Chinese)",
        "as drill --for chinese: a card from the Chinese to its reading and meaning too",
    ),
    (
        "quizlet-chinese.txt",
        "Quizlet list (learning Chinese)",
        "中文 TAB pinyin / Jyutping — term: definition",
    ),
)


def _flat(value: str) -> str:
    return " ".join(value.split())


def assemble_article(form: Mapping[str, str]) -> tuple[str, dict[str, int]]:
    """The article file made of the new-article page's fields, and the first line of each box.

    The format is the README's Markdown format: front matter for the one-line fields, then the
    ``# English``, ``# 中文`` and ``# Glossary`` sections.
    """
    lines: list[str] = []
    meta = [(k, _flat(form.get(k) or "")) for k in FIELDS]
    meta = [(k, v) for k, v in meta if v]
    starts: dict[str, int] = {}
    if meta:
        lines.append("---")
        for k, v in meta:
            starts[k] = len(lines) + 1
            lines.append(f"{k}: {v}")
        lines += ["---", ""]
    for box in BOXES:
        body = (form.get(box) or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if box == "glossary" and not body.strip():
            continue
        lines += [_HEADINGS[box], ""]
        starts[box] = len(lines) + 1
        lines += body.split("\n") if body else []
        lines.append("")
    return "\n".join(lines), starts


def _box_of(line: int | None, message: str, starts: Mapping[str, int]) -> tuple[str, int | None]:
    """Which box an error of the assembled article belongs to, and its line in that box."""
    if line is None:
        if "Chinese" in message:
            return "chinese", None
        if "English" in message:
            return "english", None
        return "english", None
    for box in BOXES:  # about a box's heading (its section is empty): the box, no line
        if box in starts and starts[box] - 2 <= line < starts[box]:
            return box, None
    best, first = "english", 0
    for box, start in starts.items():
        if start <= line and start >= first:
            best, first = box, start
    if best in FIELDS:  # a one-line field: "line 1" says nothing
        return best, None
    return best, line - first + 1


def check_article(
    form: Mapping[str, str], name: str = "new.md"
) -> tuple[str, Document | None, dict[str, list[str]]]:
    """Read the new-article page's boxes as an article.

    Returns:
        The article's text, its document (``None`` on an error), and the messages (errors, then
        warnings) by box: ``{"glossary": ["line 2: …"], …}``.
    """
    from ..reader import read_text

    text, starts = assemble_article(form)
    messages: dict[str, list[str]] = {}

    def note(line: int | None, message: str) -> None:
        box, at = _box_of(line, message, starts)
        messages.setdefault(box, []).append(f"line {at}: {message}" if at else message)

    try:
        doc = read_text(text, path=name, fmt="markdown")
    except InputError as e:
        note(e.line, e.message)
        return text, None, messages
    for w in doc.warnings:
        rest = w[len(name) + 1 :] if w.startswith(name + ":") else w
        head, _, message = rest.partition(": ")
        note(int(head) if head.isdigit() else None, message if head.isdigit() else rest)
    return text, doc, messages


def _render(template: str, **ctx: Any) -> str:
    return environment().get_template(template).render(generator=generator(), **ctx)


def review_page(
    doc: Document, name: str, *, reading: str = "pinyin", folder: bool = True
) -> str:
    """The study sheet of ``doc`` with the review tools: what to check, clickable highlights,
    paragraphs and words, the vocabulary's hide buttons, the downloads."""
    ctx = sheet_context(doc, reading=reading)  # type: ignore[arg-type]
    return environment().get_template("review/sheet.html.j2").render(
        **ctx,
        review=review_data(doc, name),
        checks=to_check(doc),
        downloads=DOWNLOADS,
        article=name,
        folder=folder,
    )


def index_page(folder: str, articles: list[dict[str, Any]]) -> str:
    """The folder's articles, each with its title, date and whether it has corrections."""
    return _render("review/index.html.j2", folder=folder, articles=articles, for_print=False)


def new_page(
    form: Mapping[str, str] | None = None, messages: Mapping[str, list[str]] | None = None
) -> str:
    """The "new article" page, with what was typed and the reader's messages by box."""
    return _render(
        "review/new.html.j2",
        form=dict(form or {}),
        messages=dict(messages or {}),
        boxes=BOXES,
        fields=FIELDS,
        for_print=False,
    )
