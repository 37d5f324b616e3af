"""``duizhao review`` from the command line: it lists the folder's articles, serves them on
127.0.0.1 at the port asked for, and reports a bad target as one error line."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from duizhao.cli import main
from test_corrections import LABS

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

SRC = Path(__file__).resolve().parents[2] / "src"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_review_folder_lists_and_serves(tmp_path):
    (tmp_path / "labs.txt").write_text(LABS, encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not an article: not listed
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "duizhao", "review", str(tmp_path), "--port", str(port),
         "--no-browser"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )
    try:
        first = proc.stderr.readline()
        assert first.startswith(f"duizhao review: http://127.0.0.1:{port}/")
        assert proc.stderr.readline().strip() == "labs.txt"
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", "/")
                r = conn.getresponse()
                body = r.read().decode("utf-8")
                break
            except ConnectionRefusedError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert r.status == 200 and 'href="/a/labs.txt"' in body and "notes.json" not in body
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_review_of_nothing_is_one_error_line(tmp_path, capsys):
    assert main(["review", str(tmp_path / "missing"), "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {tmp_path / 'missing'}: no such article or folder\n"


def test_review_of_a_file_that_is_not_an_article(tmp_path, capsys):
    other = tmp_path / "labs.duizhao.toml"
    other.write_text("", encoding="utf-8")
    assert main(["review", str(other), "--no-browser"]) == 2
    assert "no article 'labs.duizhao.toml'" in capsys.readouterr().err
