"""The whole command line against random and hostile input (issue 18), with Hypothesis.

Four kinds of input — random bytes, random edits of the sample articles, random mutations of the
JSON ``duizhao annotate`` writes, hostile file names — go to every command that reads them. Each
run must end with status 0, or with status 2 and exactly one ``error: …`` line on stderr; it must
not raise (no traceback), must write nothing outside its output folder (or its bank), must leave
no half-written file, and after status 2 no output at all.

The examples are derandomised (``tests/conftest.py``) and few, so ``make test`` stays fast and
never turns red on a new example; ``HYPOTHESIS_PROFILE=explore`` draws fresh ones, ten times as
many (``HYPOTHESIS_PROFILE=explore python -m pytest tests/test_fuzz_cli.py``).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.cli import main

from conftest import MARKDOWN_SAMPLE, SEED

_EXPLORE = os.environ.get("HYPOTHESIS_PROFILE") == "explore"


def _examples(n: int) -> int:
    return n * 10 if _EXPLORE else n


_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
}


# -- running a command and checking what it did -----------------------------------------------------


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def check(root: Path, argv: list[str], outputs: list[Path]) -> int:
    """Run ``argv`` (paths inside ``root``) and check the issue's promises; return the status.

    ``outputs`` are where the command may write: its output folder, or its bank file.
    """
    before = _files(root)
    status, _, err = _run(argv)
    after = _files(root)
    assert status in (0, 2), (argv, status, err)
    assert "Traceback" not in err and "internal error" not in err, (argv, err)
    lines = [line for line in err.splitlines() if line.strip()]
    if status == 2:
        assert len(lines) == 1 and lines[0].startswith("error: "), (argv, err)
    changed = {p for p in after if before.get(p) != after[p]} | (set(before) - set(after))
    for path in changed:  # nothing outside the output folder or the bank (and its -wal, -shm)
        assert any(
            path == o or o in path.parents or (o.suffix == ".sqlite3" and path.parent == o.parent
                                               and path.name.startswith(o.name + "-"))
            for o in outputs
        ), (argv, path)  # fmt: skip
    assert not [p for p in after if p.name.endswith(".part")], argv  # no half-written file
    if status == 2:  # a failed run leaves no output behind (a bank may be created, empty)
        for o in outputs:
            if o.suffix == ".sqlite3":
                _assert_bank_unchanged(o, before)
            else:
                assert not o.exists() or not any(o.iterdir()), (argv, list(o.iterdir()))
    return status


def _assert_bank_unchanged(db: Path, before: dict[Path, bytes]) -> None:
    if not db.exists() or db in before:
        return
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 0
    finally:
        conn.close()


class Workspace:
    """A fresh folder per example: ``in/`` for the input, ``out/`` and a bank for the outputs."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="duizhao-fuzz-")
        self.root = Path(self._tmp.name)
        (self.root / "in").mkdir()
        self.out = self.root / "out"
        self.db = self.root / "bank.sqlite3"

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self._tmp.cleanup()

    def write(self, name: str, data: bytes) -> Path:
        path = self.root / "in" / name
        path.write_bytes(data)
        return path

    def commands(self, src: Path) -> dict[str, tuple[list[str], list[Path]]]:
        """Every command that reads ``src``, with where it may write."""
        out, db = str(self.out), str(self.db)
        return {
            "parse": (["parse", str(src), "--format", "json", "-q"], []),
            "align": (["align", str(src), "--format", "json", "-q"], []),
            "annotate": (["annotate", str(src), "--format", "json", "-q"], []),
            "sheet": (["sheet", str(src), "-o", out, "-q"], [self.out]),
            "drill": (["drill", str(src), "-o", out, "-q", "--tsv", f"{out}/w.tsv"], [self.out]),
            "bank add": (["bank", "add", str(src), "--db", db, "-q"], [self.db]),
        }


# -- 1. random bytes ---------------------------------------------------------------------------------


@settings(max_examples=_examples(25), **_SETTINGS)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.binary(max_size=60).map(lambda b: SEED.read_bytes()[:400] + b),
        st.binary(max_size=60).map(lambda b: b + SEED.read_bytes()[-600:]),
    ),
    suffix=st.sampled_from([".txt", ".md", ".json"]),
)
def test_random_bytes(data, suffix):
    with Workspace() as ws:
        src = ws.write("article" + suffix, data)
        for argv, outputs in ws.commands(src).values():
            check(ws.root, argv, outputs)


# -- 2. random edits of the sample articles ----------------------------------------------------------

_HOSTILE_LINES = [
    "/ Glossary生字 /", "Glossary", "---", "# English", "# 中文", "# Notes", "pins: 99=0",
    "明報社評 2025.13.45：題目", "明報社評 2025.09.02：", "term (n.)【】：", "：definition",
    "x" * 3000, "(" * 500, "【" * 500, " " * 2000 + "x：y", "\u2028", "\ufeff", "\u202e", "\x0c",
    "1. 2. 3.", "Mr. U.S. No. 5.5% e.g.", "。" * 300, "！？" * 100, "\t- term – def",
]  # fmt: skip
_ALPHABET = st.characters(
    codec="utf-8",
    categories=["L", "N", "P", "S", "Zs", "Cc"],
    include_characters="。！？：【】（）「」／\n\r\t\u3000",
)


@st.composite
def _edited_article(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from([SEED, MARKDOWN_SAMPLE])).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["delete", "insert", "line", "duplicate", "swap", "ends"]))
        at = draw(st.integers(0, len(text)))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 400)) :]
        elif kind == "insert":
            text = text[:at] + draw(st.text(_ALPHABET, max_size=40)) + text[at:]
        elif kind == "line":
            lines = text.split("\n")
            k = draw(st.integers(0, len(lines)))
            lines.insert(k, draw(st.sampled_from(_HOSTILE_LINES)))
            text = "\n".join(lines)
        elif kind == "duplicate":
            blocks = text.split("\n\n")
            k = draw(st.integers(0, len(blocks) - 1))
            blocks.insert(k, blocks[k] * draw(st.integers(1, 3)))
            text = "\n\n".join(blocks)
        elif kind == "swap":
            blocks = text.split("\n\n")
            i, j = draw(st.integers(0, len(blocks) - 1)), draw(st.integers(0, len(blocks) - 1))
            blocks[i], blocks[j] = blocks[j], blocks[i]
            text = "\n\n".join(blocks)
        else:
            text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", "\u2029"])))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "big5hkscs"]))
    return text.encode(encoding, errors="replace")


@settings(max_examples=_examples(12), **_SETTINGS)
@given(
    data=_edited_article(),
    slow=st.sampled_from(["sheet", "drill", "bank add", "annotate"]),
)
def test_random_edits_of_the_samples(data, slow):
    with Workspace() as ws:
        src = ws.write("article.txt", data)
        commands = ws.commands(src)
        for name in ("parse", "align", slow):  # the pipeline once per example: a second each
            check(ws.root, *commands[name])


# -- 3. random mutations of annotate JSON ------------------------------------------------------------

_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 40),
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.just("/../../../../tmp/duizhao-fuzz-escape"),
    st.just([]),
    st.just({}),
    st.just([[0, 0]]),
)


def _locate(doc: Any, draw: st.DrawFn) -> tuple[Any, Any]:
    """A random (container, key) inside ``doc``, descending while the draw says so."""
    parent, key = None, None
    node = doc
    # (the simplest draw, 0, goes deeper: most mutations reach the leaves, where a wrong type or
    # an offset out of range is the subtle kind of damage)
    while isinstance(node, dict | list) and node and (parent is None or draw(st.integers(0, 5)) < 5):
        keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        k = draw(st.sampled_from(keys))
        parent, key, node = node, k, node[k]
    return parent, key


@st.composite
def _mutated_json(draw: st.DrawFn, base: str) -> bytes:
    doc = json.loads(base)
    for _ in range(draw(st.integers(1, 4))):
        parent, key = _locate(doc, draw)
        if parent is None:
            continue
        op = draw(st.sampled_from(["replace", "replace", "delete", "duplicate", "number"]))
        if op == "replace":
            parent[key] = draw(_VALUES)
        elif op == "delete":
            del parent[key]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, parent[key])
        elif isinstance(parent[key], int) and not isinstance(parent[key], bool):
            parent[key] += draw(st.sampled_from([-1, 1, 7, 1000, -1000]))
    return json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8")


@pytest.fixture(scope="module", autouse=True)
def _warm(annotated_seed) -> None:
    """The pipeline's tables loaded once, before the first example (it takes seconds)."""


@pytest.fixture(scope="module")
def seed_json_text(annotated_seed) -> str:
    return json.dumps(annotated_seed.to_dict(), ensure_ascii=False)


@settings(max_examples=_examples(80), **_SETTINGS)
@given(data=st.data())
def test_random_mutations_of_annotate_json(seed_json_text, data):
    raw = data.draw(_mutated_json(seed_json_text))
    with Workspace() as ws:
        src = ws.write("seed.json", raw)
        commands = ws.commands(src)
        for name in ("sheet", "drill", "bank add"):
            check(ws.root, *commands[name])


def test_unmutated_json_is_accepted_by_every_command(seed_json_text):
    # the mutations above are measured against a document every command accepts
    with Workspace() as ws:
        src = ws.write("seed.json", seed_json_text.encode("utf-8"))
        commands = ws.commands(src)
        for name in ("sheet", "drill", "bank add"):
            assert check(ws.root, *commands[name]) == 0


# -- 4. hostile file names ---------------------------------------------------------------------------

_NAME_CHARS = st.sampled_from(
    [*"abcXYZ019 -_.,:;!?'\"<>&%#*|\\$`~()[]{}=+@^", "\n", "\t", "\u202e", "\u3000", *"文章社評集群",
     "\U0001f600", "é"]
)  # fmt: skip
_NAMES = st.one_of(
    st.text(_NAME_CHARS, min_size=1, max_size=40),
    st.sampled_from(["javascript:alert(1)", "..", ".", "-rf", ".hidden", "CON", "a" * 200,
                     "data:text/html,<script>x</script>", "%2e%2e%2fup", "x.html#y?z"]),
)  # fmt: skip


@settings(max_examples=_examples(12), **_SETTINGS)
@given(name=_NAMES.filter(lambda n: n not in (".", "..") and "/" not in n and "\0" not in n))
def test_hostile_file_names(seed_doc_for_build, seed_json_text, name):
    import duizhao.documents as documents

    with Workspace() as ws:
        src = ws.write(name + ".json", seed_json_text.encode("utf-8"))
        commands = ws.commands(src)
        for command in ("sheet", "drill"):
            assert check(ws.root, *commands[command]) == 0
        shutil_copy(MARKDOWN_SAMPLE, ws.root / "in" / (name + ".md"))
        (ws.root / "in" / (name + ".json")).unlink()
        load: Callable[..., Any] = lambda path, **kw: seed_doc_for_build()  # noqa: E731
        with mock.patch.object(documents, "load_document", load):
            site = ws.root / "site"
            status = check(ws.root, ["build", str(ws.root / "in"), "-o", str(site), "-q"], [site])
        assert status == 0
        for page in site.glob("*.html"):
            html = page.read_text(encoding="utf-8")
            for href in _hrefs(html):
                assert ":" not in href.split("/")[0] or href.startswith(("https:", "http:")), href


@pytest.fixture(scope="module")
def seed_doc_for_build(annotated_seed) -> Callable[[], Any]:
    """The annotated seed behind a function (so that a failing example's report stays short)."""
    return lambda: annotated_seed


def shutil_copy(src: Path, dst: Path) -> None:
    dst.write_bytes(src.read_bytes())


def _hrefs(html: str) -> list[str]:
    from html.parser import HTMLParser

    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v for k, v in attrs if k == "href" and v)

    Links().feed(html)
    return found
