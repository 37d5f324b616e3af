"""The review page's messages and labels, as the browser receives them: a new article's errors
name the line in the box a teacher typed ("line 2:"), never a line of a one-line field or of the
article assembled behind the page, and an empty box is named by the box; the labels of the
pairing lists are plain text, without the Markdown a teacher's article holds."""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from duizhao.review import ReviewServer

TRAMS = Path(__file__).resolve().parents[2] / "corpus" / "2025-10-06-hong-kong-trams.md"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("review")
    text = TRAMS.read_text(encoding="utf-8").replace("香港電車自1904年起", "**香港電車**自1904年起")
    (folder / "trams.md").write_text(text, encoding="utf-8")
    s = ReviewServer(folder, open_browser=False)
    s.start()
    yield s
    s.stop()


def _post_new(server, form: dict[str, str]) -> dict:  # type: ignore[no-untyped-def]
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("POST", "/new", body=json.dumps(form).encode("utf-8"), headers={
        "Host": f"127.0.0.1:{server.port}", "Origin": f"http://127.0.0.1:{server.port}",
        "Content-Type": "application/json"})  # fmt: skip
    r = conn.getresponse()
    answer = json.loads(r.read())
    conn.close()
    return answer


def test_messages_name_the_line_of_the_box(server) -> None:  # type: ignore[no-untyped-def]
    base = {"name": "week 9", "english": "The tram is old.", "chinese": "電車很舊。"}
    answer = _post_new(server, {**base, "glossary": "tram (n.)【電車】: a vehicle\nno colon here"})
    assert answer["ok"] is False
    assert answer["messages"]["glossary"][0].startswith("line 2: cannot read glossary line")
    # a one-line field has no "line 1"
    answer = _post_new(server, {**base, "date": "2025-13-01", "glossary": ""})
    assert answer["messages"]["date"] == ["invalid date 2025-13-01"]
    # an empty Chinese box: said in that box (on main: "line 3:" of the English box)
    answer = _post_new(server, {**base, "chinese": "", "glossary": ""})
    assert list(answer["messages"]) == ["chinese"]
    assert answer["messages"]["chinese"][0].startswith("no Chinese paragraphs found")


def test_pairing_labels_are_plain_text(server) -> None:  # type: ignore[no-untyped-def]
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("GET", "/a/trams.md", headers={"Host": f"127.0.0.1:{server.port}"})
    page = conn.getresponse().read().decode("utf-8")
    conn.close()
    data = json.loads(page.split('<script type="application/json" id="review-data">')[1]
                      .split("</script>")[0])  # fmt: skip
    labels = data["zh"]
    assert labels[0].startswith("香港電車自1904年起") and not any("*" in s for s in labels)
    assert data["zh_sentences"][0][1].startswith("香港電車自1904年起")
    assert not any("*" in s[1] for s in data["zh_sentences"])
