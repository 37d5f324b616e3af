"""The review page offers the learner of Chinese's Anki deck and Quizlet list beside the English
class's (uxen15's loose end 3): the same as ``drill --for chinese``, with the page's fixes in them."""

from __future__ import annotations

import http.client
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from duizhao.cli import main
from duizhao.drills.export.anki import ANKI_CHINESE_MODEL_ID
from duizhao.review import ReviewServer
from test_corrections import LABS


def _get(server: ReviewServer, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    conn.request("GET", path, headers={"Host": f"127.0.0.1:{server.port}"})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, data


def _edit(server: ReviewServer, name: str, body: dict) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    own = f"http://127.0.0.1:{server.port}"
    conn.request(
        "POST",
        f"/a/{name}/edit",
        body=json.dumps(body).encode("utf-8"),
        headers={"Host": own[7:], "Origin": own, "Content-Type": "application/json"},
    )
    r = conn.getresponse()
    r.read()
    conn.close()
    return r.status


#: What the Quizlet list's back starts with: the word's readings, as the page shows them.
READINGS_FIRST = {
    "pinyin": r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+( [a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)* — ",
    "jyutping": r"[a-z]+[1-6]( [a-z]+[1-6])* — ",
}


@pytest.mark.parametrize("reading", ["pinyin", "jyutping"])
def test_the_learner_of_chinese_downloads_are_drill_for_chinese_with_the_fixes(
    tmp_path: Path, reading: str
) -> None:
    """The page's Anki deck and Quizlet list for the learner of Chinese are what ``drill --for
    chinese`` makes, with a fix made on the page in them; opened with Jyutping
    (``?reading=jyutping``) the download links keep it and the Quizlet list gives the Jyutping,
    as ``drill --reading jyutping`` does (it gave pinyin and Jyutping whatever the page showed);
    with pinyin, the default, the links ask nothing."""
    query = "" if reading == "pinyin" else f"?reading={reading}"
    (tmp_path / "labs.txt").write_text(LABS, encoding="utf-8")
    server = ReviewServer(tmp_path, open_browser=False)
    server.start()
    try:
        status, page = _get(server, f"/a/labs.txt{query}")
        assert status == 200
        assert f'/a/labs.txt/download/quizlet-chinese.txt{query}"'.encode() in page
        assert b"/a/labs.txt/download/deck-chinese.apkg" in page
        # a fix made on the page: the counterpart of "cluster" is 實驗室集群, not 集群
        assert _edit(server, "labs.txt", {"action": "counterpart", "term": "cluster",
                                          "zh": "實驗室集群"}) == 200  # fmt: skip
        status, body = _get(server, f"/a/labs.txt/download/quizlet-chinese.txt{query}")
        assert status == 200
        quizlet = body.decode("utf-8")
        status, deck = _get(server, f"/a/labs.txt/download/deck-chinese.apkg{query}")
        assert status == 200 and deck[:2] == b"PK"
    finally:
        server.stop()
    assert (tmp_path / "labs.duizhao.toml").is_file()
    first = quizlet.splitlines()[0].split("\t")
    assert first[0] == "實驗室集群" and "cluster" in first[1], first
    assert re.match(READINGS_FIRST[reading], first[1]), first
    out = tmp_path / "drill.txt"
    assert main(["drill", str(tmp_path / "labs.txt"), "--for", "chinese", "--tsv", str(out),
                 "--reading", reading, "-o", str(tmp_path / "drills"), "-q"]) == 0  # fmt: skip
    assert quizlet == out.read_text(encoding="utf-8")
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        db = tmp_path / "collection.anki2"
        db.write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        (models,) = con.execute("select models from col").fetchone()
    finally:
        con.close()
    assert str(ANKI_CHINESE_MODEL_ID) in json.loads(models)
