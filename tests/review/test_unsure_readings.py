"""The review page lists the readings to check among its flags (round 19), and a reading saved
from the page (the corrections file's ``[readings]``) takes the flag away."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from duizhao.review import ReviewServer

from .test_server import _own, _request

ARTICLE = Path(__file__).parents[1] / "fixtures" / "chinese" / "unsure_readings.txt"


def test_the_page_lists_a_reading_to_check_until_the_teacher_gives_it(tmp_path):
    shutil.copy(ARTICLE, tmp_path / ARTICLE.name)
    server = ReviewServer(tmp_path, open_browser=False)
    server.start()
    try:
        path = f"/a/{ARTICLE.name}"
        status, page = _request(server, "GET", path)
        assert status == 200
        html = page.decode("utf-8")
        item = '<li class="ck ck-reading" data-target="zh:0">稱冠 chēng guàn?: reading to check'
        assert item in html
        assert '<rt class="py unsure">guàn</rt>' in html  # the sheet it shows marks it too
        status, body = _request(server, "POST", f"{path}/edit", origin=_own(server),
                                body={"action": "reading", "word": "稱冠",
                                      "pinyin": "chēng guàn"})  # fmt: skip
        assert status == 200, body
        assert "[readings]" in (tmp_path / "unsure_readings.duizhao.toml").read_text("utf-8")
        html = _request(server, "GET", path)[1].decode("utf-8")
        assert "稱冠 chēng guàn?" not in html and '<rt class="py unsure">guàn</rt>' not in html
        assert "都 dōu?: reading to check" in html  # the other is still listed
    finally:
        server.stop()
