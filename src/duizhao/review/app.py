"""The review web app (Starlette): its routes, and the guard that keeps it to this machine.

Routes: ``/`` (the folder's articles), ``/a/NAME`` (an article's review page), ``POST
/a/NAME/edit`` (one change, JSON), ``/a/NAME/download/KIND``, ``/new`` and ``POST /new``,
``POST /new/upload`` (a new article). :class:`LocalOnly` refuses every request whose ``Host`` is
not this server's own address (``127.0.0.1:PORT`` or ``localhost:PORT``: a page of another site
that resolves its name to 127.0.0.1 cannot reach it) and every request whose ``Origin`` is
another's; a change (``POST``) must come with this server's ``Origin`` and as JSON or bytes, so
another site's form cannot make one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..errors import DuizhaoError, InputError
from .downloads import make_download
from .edits import EditError, apply_edit
from .pages import check_article, index_page, new_page, review_page
from .workspace import NotFound, Workspace

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

__all__ = ["LocalOnly", "create_app"]

#: The largest request body accepted (an uploaded article).
MAX_BODY = 5 * 1024 * 1024


class LocalOnly:
    """ASGI middleware: only requests to this server's own address, from its own pages."""

    def __init__(self, app: Any, port: int) -> None:
        self.app = app
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                       for k, v in scope["headers"]}
            host = headers.get("host", "")
            origin = headers.get("origin")
            why = None
            if host not in self.hosts:
                why = f"refused: this page answers only at {sorted(self.hosts)[0]}"
            elif origin is not None and origin not in self.origins:
                why = "refused: a request from another site"
            elif scope["method"] not in ("GET", "HEAD") and origin is None:
                why = "refused: a change must come from the review page"
            if why is not None:
                from starlette.responses import PlainTextResponse

                await PlainTextResponse(why, status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _json(data: Any, status: int = 200) -> Response:
    from starlette.responses import JSONResponse

    return JSONResponse(data, status_code=status)


def _reading(request: Request) -> Any:
    """The readings the page shows (``?reading=``, pinyin by default): the sheet's and those of
    its downloads."""
    reading = request.query_params.get("reading", "pinyin")
    return reading if reading in ("pinyin", "jyutping", "both", "none") else "pinyin"


async def _body_json(request: Request) -> dict[str, Any]:
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise EditError("send the change as JSON")
    body = await request.body()
    if len(body) > MAX_BODY:
        raise EditError("too large")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise EditError(f"not JSON: {e}") from None
    if not isinstance(data, dict):
        raise EditError("send a JSON object")
    return data


def create_app(workspace: Workspace, port: int) -> Starlette:
    """The app serving ``workspace``, answering only at ``127.0.0.1:port`` / ``localhost:port``."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse
    from starlette.routing import Route

    def listing() -> list[dict[str, Any]]:
        from ..reader import read
        from ..reader.corrections import corrections_path

        out = []
        for path in workspace.articles():
            item: dict[str, Any] = {"name": path.name, "href": "/a/" + quote(path.name)}
            try:
                doc = read(path, corrections=False)
                m = doc.meta
                item.update(title=m.title_en or m.title_zh or path.stem, date=m.date,
                            source=m.source, terms=len(doc.glossary), error=None)
            except DuizhaoError as e:
                item.update(title=path.stem, date=None, source=None, terms=0, error=str(e))
            item["corrected"] = corrections_path(path).is_file()
            out.append(item)
        return out

    async def index(request: Request) -> Response:
        if workspace.only is not None:
            return RedirectResponse("/a/" + quote(workspace.only), status_code=303)
        articles = await run_in_threadpool(listing)
        return HTMLResponse(index_page(str(workspace.folder), articles))

    async def article(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            doc = await run_in_threadpool(workspace.document, name)
        except NotFound as e:
            return PlainTextResponse(str(e), status_code=404)
        except DuizhaoError as e:
            return HTMLResponse(_error_page(name, str(e)), status_code=422)
        reading = _reading(request)
        html = await run_in_threadpool(
            review_page, doc, name, reading=reading, folder=workspace.only is None
        )
        return HTMLResponse(html)

    def edit_sync(name: str, change: dict[str, Any]) -> dict[str, Any]:
        with workspace.lock:
            path = workspace.article(name)
            doc = workspace.document(name)
            apply_edit(workspace.corrections(name), path, doc, change)
            new = workspace.document(name)
        return {"ok": True, "warnings": list(new.warnings)}

    async def edit(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            change = await _body_json(request)
            return _json(await run_in_threadpool(edit_sync, name, change))
        except NotFound as e:
            return _json({"error": str(e)}, 404)
        except (EditError, InputError, DuizhaoError) as e:
            return _json({"error": str(e)}, 400)

    async def download(request: Request) -> Response:
        from starlette.responses import Response as Raw

        name, kind = request.path_params["name"], request.path_params["kind"]
        try:
            doc = await run_in_threadpool(workspace.document, name)
            file, data, media = await run_in_threadpool(
                make_download, doc, kind, workspace.article(name).stem, _reading(request)
            )
        except NotFound as e:
            return PlainTextResponse(str(e), status_code=404)
        except DuizhaoError as e:
            return PlainTextResponse(f"error: {e}", status_code=400)
        disposition = f"attachment; filename*=UTF-8''{quote(file)}"
        return Raw(data, media_type=media, headers={"Content-Disposition": disposition})

    async def new(request: Request) -> Response:
        if workspace.only is not None:
            return PlainTextResponse("start 'duizhao review FOLDER' to add articles", 404)
        return HTMLResponse(new_page())

    def save_new(form: dict[str, Any]) -> dict[str, Any]:
        name = str(form.get("name") or "").strip()
        messages: dict[str, list[str]] = {}
        path = None
        try:
            path = workspace.new_path(name)
        except DuizhaoError as e:
            messages["name"] = [str(e)]
        text, doc, found = check_article(
            {k: str(v) for k, v in form.items() if isinstance(v, str)},
            path.name if path else "new.md",
        )
        for box, items in found.items():
            messages.setdefault(box, []).extend(items)
        if doc is None or path is None:
            return {"ok": False, "messages": messages}
        with workspace.lock:
            path.write_text(text, encoding="utf-8")
        return {"ok": True, "messages": messages, "href": "/a/" + quote(path.name)}

    async def new_post(request: Request) -> Response:
        if workspace.only is not None:
            return _json({"error": "not a folder"}, 404)
        try:
            form = await _body_json(request)
        except EditError as e:
            return _json({"error": str(e)}, 400)
        return _json(await run_in_threadpool(save_new, form))

    def save_upload(name: str, data: bytes) -> dict[str, Any]:
        from ..reader import read_bytes

        try:
            path = workspace.new_path(name)
        except DuizhaoError as e:
            return {"ok": False, "messages": {"upload": [str(e)]}}
        try:
            read_bytes(data, path=path.name)
        except InputError as e:
            where = f"line {e.line}: " if e.line else ""
            return {"ok": False, "messages": {"upload": [where + e.message]}}
        with workspace.lock:
            path.write_bytes(data)
        return {"ok": True, "messages": {}, "href": "/a/" + quote(path.name)}

    async def upload(request: Request) -> Response:
        if workspace.only is not None:
            return _json({"error": "not a folder"}, 404)
        if request.headers.get("content-type", "") != "application/octet-stream":
            return _json({"error": "send the file's bytes"}, 400)
        data = await request.body()
        if len(data) > MAX_BODY:
            return _json({"ok": False, "messages": {"upload": ["the file is too large"]}})
        name = request.query_params.get("name", "")
        return _json(await run_in_threadpool(save_upload, name, data))

    async def favicon(request: Request) -> Response:
        from starlette.responses import Response as Raw

        return Raw(status_code=204)

    routes = [
        Route("/", index),
        Route("/favicon.ico", favicon),
        Route("/new", new, methods=["GET"]),
        Route("/new", new_post, methods=["POST"]),
        Route("/new/upload", upload, methods=["POST"]),
        Route("/a/{name}", article),
        Route("/a/{name}/edit", edit, methods=["POST"]),
        Route("/a/{name}/download/{kind}", download),
    ]
    return Starlette(routes=routes, middleware=[Middleware(LocalOnly, port=port)])


def _error_page(name: str, message: str) -> str:
    import html

    return (
        "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>duizhao review</title>"
        f"<body><h1>{html.escape(name)}</h1><p class=\"error\">error: {html.escape(message)}</p>"
        "<p>Fix the file (its corrections file is named in the message) and reload.</p>"
        "<p><a href=\"/\">All articles</a></p></body></html>"
    )
