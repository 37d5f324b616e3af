"""The review server over HTTP: it answers only its own address and pages, never touches a file
outside the article's folder, and refuses to rewrite a corrections file with a broken line."""

from __future__ import annotations

import http.client
import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from duizhao.review import ReviewServer
from test_corrections import LABS


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    folder = root / "class"
    folder.mkdir()
    (folder / "labs.txt").write_text(LABS, encoding="utf-8")
    (folder / "broken.txt").write_text(LABS, encoding="utf-8")
    (root / "outside.txt").write_text(LABS, encoding="utf-8")
    os.symlink(root / "outside.txt", folder / "link.txt")
    server = ReviewServer(folder, open_browser=False)
    server.start()
    yield server, folder, root
    server.stop()


def _request(server, method, path, *, host=None, origin=None, body=None, ctype="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    headers = {"Host": host if host is not None else f"127.0.0.1:{server.port}"}
    if origin is not None:
        headers["Origin"] = origin
    if body is not None:
        headers["Content-Type"] = ctype
        if not isinstance(body, bytes):
            body = json.dumps(body).encode("utf-8")
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, data


def _own(server):
    return f"http://127.0.0.1:{server.port}"


def test_listens_on_loopback_only(site):
    server, _, _ = site
    assert server.sock.getsockname()[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.port}/"


def test_the_folder_is_listed(site):
    server, _, _ = site
    status, page = _request(server, "GET", "/")
    assert status == 200
    assert b"/a/labs.txt" in page and b"/a/broken.txt" in page
    assert b"link.txt" not in page or b"/a/link.txt" in page  # listed or not, never served


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "", "10.0.0.1:{port}"])
def test_another_host_is_refused(site, host):
    server, _, _ = site
    status, body = _request(server, "GET", "/", host=host.format(port=server.port))
    assert status == 403 and b"refused" in body


def test_localhost_by_name_is_served(site):
    server, _, _ = site
    assert _request(server, "GET", "/", host=f"localhost:{server.port}")[0] == 200


def test_another_origin_is_refused(site):
    server, folder, _ = site
    status, _ = _request(server, "GET", "/", origin="http://evil.example")
    assert status == 403
    change = {"action": "hide", "word": "fare"}
    status, _ = _request(server, "POST", "/a/labs.txt/edit", origin="http://evil.example", body=change)
    assert status == 403
    status, _ = _request(server, "POST", "/a/labs.txt/edit", body=change)  # no Origin: refused
    assert status == 403
    status, _ = _request(server, "POST", "/a/labs.txt/edit", origin=_own(server), body=change,
                         ctype="text/plain")  # what another site's form could send
    assert status == 400
    assert not (folder / "labs.duizhao.toml").exists()


def test_a_change_from_the_page_is_saved(site):
    server, folder, _ = site
    status, body = _request(
        server, "POST", "/a/labs.txt/edit", origin=_own(server),
        body={"action": "counterpart", "term": "cluster", "zh": "實驗室集群"},
    )
    assert status == 200, body
    text = (folder / "labs.duizhao.toml").read_text(encoding="utf-8")
    assert 'cluster = "實驗室集群"' in text
    status, body = _request(
        server, "POST", "/a/labs.txt/edit", origin=_own(server),
        body={"action": "counterpart", "term": "cluster", "zh": "不在文中"},
    )
    assert status == 400 and "not in the Chinese text" in json.loads(body)["error"]
    assert (folder / "labs.duizhao.toml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "name",
    ["../outside.txt", "..%2Foutside.txt", "%2E%2E%2Foutside.txt", "link.txt", ".hidden.txt",
     "labs.duizhao.toml", "%2Fetc%2Fpasswd", "..", "labs.txt%00.txt"],
)
def test_a_crafted_article_path_reaches_nothing(site, name):
    server, _folder, root = site
    before = sorted(p.name for p in root.rglob("*"))
    for method, path, body in (
        ("GET", f"/a/{name}", None),
        ("POST", f"/a/{name}/edit", {"action": "hide", "word": "fare"}),
        ("GET", f"/a/{name}/download/quizlet.txt", None),
    ):
        status, _ = _request(server, method, path, origin=_own(server), body=body)
        assert status == 404, (method, path, status)
    assert sorted(p.name for p in root.rglob("*")) == before
    assert not (root / "outside.duizhao.toml").exists()


@pytest.mark.parametrize(
    "name", ["../escaped", "/tmp/escaped", "sub/escaped", "..", ".hidden", "labs.txt"]
)
def test_a_new_article_cannot_be_written_elsewhere(site, name):
    server, _folder, root = site
    before = sorted(str(p) for p in root.rglob("*"))
    form = {"name": name, "english": "The tram is old.", "chinese": "電車很舊。", "glossary": ""}
    status, body = _request(server, "POST", "/new", origin=_own(server), body=form)
    assert status == 200 and json.loads(body)["ok"] is False
    status, body = _request(
        server, "POST", f"/new/upload?name={quote(name)}", origin=_own(server),
        body=LABS.encode("utf-8"), ctype="application/octet-stream",
    )
    assert json.loads(body)["ok"] is False
    assert sorted(str(p) for p in root.rglob("*")) == before
    assert not Path("/tmp/escaped.md").exists()


def test_a_broken_corrections_file_is_left_untouched(site):
    server, folder, _ = site
    broken = '[counterparts]\ncluster = "集群"\n\n[readings]\n"一起" = "yi1"\n'
    path = folder / "broken.duizhao.toml"
    path.write_text(broken, encoding="utf-8")
    status, body = _request(server, "GET", "/a/broken.txt")
    assert status == 422 and f"{path}:5: ".encode() in body
    status, body = _request(
        server, "POST", "/a/broken.txt/edit", origin=_own(server),
        body={"action": "hide", "word": "fare"},
    )
    assert status == 400 and f"{path}:5: '一起' has 2 Han characters" in json.loads(body)["error"]
    assert path.read_text(encoding="utf-8") == broken


def test_downloads(site):
    server, _, _ = site
    status, body = _request(server, "GET", "/a/labs.txt/download/quizlet.txt")
    assert status == 200 and body.decode("utf-8").startswith("cluster\t")
    status, body = _request(server, "GET", "/a/labs.txt/download/deck.apkg")
    assert status == 200 and body[:2] == b"PK"
    assert _request(server, "GET", "/a/labs.txt/download/..%2F..%2Fetc")[0] == 404


def test_names_a_teacher_types_are_made_safe(tmp_path):
    """The new-article page saved "Week 3: library hours" as ``Week 3: library hours.md`` (a colon
    and spaces: no file on Windows, a quoted name in a shell) and the downloads of such an article
    were named by the browser ("Week 3_ library hours.worksheet.pdf"). Both are named as every
    output file is: ``Week-3-library-hours``."""
    (tmp_path / "Week 1: trams.txt").write_text(LABS, encoding="utf-8")
    server = ReviewServer(tmp_path, open_browser=False)
    server.start()
    try:
        form = {"name": "Week 3: library hours", "english": "The tram is old.",
                "chinese": "電車很舊。", "glossary": ""}  # fmt: skip
        status, body = _request(server, "POST", "/new", origin=_own(server), body=form)
        answer = json.loads(body)
        assert status == 200 and answer["ok"] is True, answer
        assert answer["href"] == "/a/Week-3-library-hours.md"
        assert (tmp_path / "Week-3-library-hours.md").is_file()
        assert not (tmp_path / "Week 3: library hours.md").exists()
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        conn.request("GET", "/a/" + quote("Week 1: trams.txt") + "/download/quizlet.txt",
                     headers={"Host": f"127.0.0.1:{server.port}"})  # fmt: skip
        r = conn.getresponse()
        r.read()
        conn.close()
        assert r.status == 200
        assert r.getheader("Content-Disposition") == (
            "attachment; filename*=UTF-8''Week-1-trams.quizlet.txt"
        )
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({}, "'action' is missing"),
        ({"action": 3}, "'action' is missing"),
        ({"action": "explode"}, "unknown change 'explode' (the changes: counterpart,"),
        ({"action": "pair", "en": None, "zh": 0}, "'en' is missing"),
        ({"action": "pair", "en": "1", "zh": 0},
         "'en' must be a whole number from 0 (English paragraphs are counted from 0)"),
        ({"action": "pair", "en": -1, "zh": 0}, "'en' must be a whole number from 0"),
        ({"action": "pair", "en": 0, "zh": 99}, "there is no Chinese paragraph 100: the article has"),
        ({"action": "pin-sentences", "en": 0, "zh": [1]}, "'zh' must be a whole number from 0"),
        ({"action": "clear-sentence-pins", "en": 0}, "'en' must be a list of English sentence numbers"),
        ({"action": "counterpart", "term": ["cluster"], "zh": "集群"}, "'term' must be text"),
        ({"action": "gloss", "word": "集群", "gloss": 7}, "'gloss' must be text"),
    ],
)
def test_a_malformed_change_is_one_plain_message(site, change, message):
    """What a broken or hand-made request gets back: a sentence naming the key, never a Python
    repr (None, [1], {...}) or a traceback, and the corrections file as it was."""
    server, folder, _ = site
    before = (folder / "labs.duizhao.toml").read_bytes() if (folder / "labs.duizhao.toml").exists() else None
    status, body = _request(server, "POST", "/a/labs.txt/edit", origin=_own(server), body=change)
    error = json.loads(body)["error"]
    assert status == 400 and error.startswith(message), error
    assert "None" not in error and "[" not in error and "{" not in error
    after = (folder / "labs.duizhao.toml").read_bytes() if (folder / "labs.duizhao.toml").exists() else None
    assert after == before
