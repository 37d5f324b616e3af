"""The review page: a teacher checks and corrects an article in the browser before printing.

``duizhao review ARTICLE`` (or a folder) serves a local web app (Starlette and uvicorn, the
``review`` extra) on 127.0.0.1 only. It shows the study sheet with every uncertain item flagged;
a click on a highlight picks another counterpart, on a paragraph's number pairs it differently,
on a Chinese word fixes its reading, gloss or word boundary, and a vocabulary word can be hidden.
Each change is written at once to the article's corrections file (``NAME.duizhao.toml``, read by
every command) and the sheet is made again. Downloads give the PDF sheet, the worksheet and key,
the Anki deck and the Quizlet list of the corrected article; a "new article" page turns three
pasted boxes (or an uploaded file) into an article file. docs/review.md shows it.

Modules:
    workspace: the folder, its articles (names checked: nothing outside it), their documents.
    flags: what to check, and the data the page's clicks need.
    edits: one change of the page, made in the corrections file.
    pages: the HTML pages (the sheet with its tools, the index, the new-article page).
    downloads: PDF sheet, worksheet and key, Anki deck, Quizlet list.
    app: the routes, and the guard that answers only this machine's own pages.
    server: uvicorn on 127.0.0.1, a free port, the browser.

Examples:
    >>> from duizhao.review import ReviewServer
    >>> server = ReviewServer("corpus", open_browser=False)  # doctest: +SKIP
    >>> server.run()  # until Ctrl+C                          # doctest: +SKIP
"""

from __future__ import annotations

from .server import HOST, ReviewServer, check_review_support
from .workspace import Workspace

__all__ = ["HOST", "ReviewServer", "Workspace", "check_review_support"]
