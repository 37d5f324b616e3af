"""Issue 18: nothing written outside the output folder, no input that hangs it, no traceback.

One test (or a few) per finding of the probe, numbered as in the issue, each run the way a user
would: ``main([...])`` on files in a temporary folder. A command that fails prints exactly one
``error: …`` line and returns 2; an exception escaping ``main`` (a traceback) fails the test.
The concurrency and damaged-bank findings are in ``tests/bank/test_robust.py``, the property
test over the whole command line in ``tests/test_fuzz_cli.py``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from duizhao.cli import main

from conftest import MARKDOWN_SAMPLE, ROOT, SEED


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def one_error(err: str) -> str:
    """The single ``error: …`` line of a failed command (and nothing else on stderr)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and "internal error" not in err, err
    return lines[0]


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def write_json(path: Path, d: dict) -> Path:
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return path


# -- 1. files written outside -o DIR ----------------------------------------------------------------


def test_drill_json_with_a_path_in_its_date_writes_only_into_the_output_folder(
    tmp_path, annotated_seed, capsys
):
    d = annotated_seed.to_dict()
    d["meta"]["path"] = None
    target = tmp_path / "elsewhere" / "PWNED"
    d["meta"]["date"] = "/.." * 12 + str(target)  # climbs out of any output folder
    evil = write_json(tmp_path / "evil.json", d)
    out = tmp_path / "out"
    before = files_under(tmp_path)
    status, _, err = run(capsys, "drill", evil, "-o", out, "-q")
    assert status == 2 and "meta.date" in one_error(err)
    assert files_under(tmp_path) == before  # nothing anywhere, not even inside out/


def test_drills_of_a_document_with_a_path_in_its_date_stay_in_the_folder(
    tmp_path, annotated_seed
):
    from dataclasses import replace

    from duizhao.drills import write_drills

    # The Python API takes documents as they are: the name is still made safe.
    doc = replace(annotated_seed, meta=replace(annotated_seed.meta, path=None,
                                               date="/../../" + str(tmp_path / "x" / "PWNED")))
    out = tmp_path / "out"
    _, files = write_drills([doc], out, kinds=["match"])
    assert files and all(f.parent == out for f in files)
    assert files_under(tmp_path) == set(files)


# -- 2. a javascript: link from a file name ---------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href" and v is not None]


def test_build_links_to_a_hostile_file_name_are_relative_urls(
    tmp_path, monkeypatch, annotated_seed, capsys
):
    import duizhao.documents as documents

    monkeypatch.setattr(documents, "load_document", lambda path, **kw: annotated_seed)
    src = tmp_path / "articles"
    src.mkdir()
    (src / "javascript:alert(21).md").write_bytes(MARKDOWN_SAMPLE.read_bytes())
    out = tmp_path / "site"
    status, _, err = run(capsys, "build", src, "-o", out, "-q")
    assert status == 0, err
    written = files_under(out)
    assert all(f.parent == out and not f.name.startswith(".") for f in written)
    pages = [f for f in written if f.suffix == ".html"]
    assert len(pages) == 3  # index, sheet, drills
    for page in pages:
        links = _Links()
        links.feed(page.read_text(encoding="utf-8"))
        local = [h for h in links.hrefs if not h.startswith(("#", "https://"))]
        assert local, page
        for href in local:
            assert urlsplit(href).scheme == "", (page.name, href)
            assert (out / unquote(urlsplit(href).path)).is_file(), (page.name, href)


def test_sheet_named_after_a_hostile_file_name_is_a_safe_name(tmp_path, annotated_seed, capsys):
    src = write_json(tmp_path / "javascript:alert(21).json", annotated_seed.to_dict())
    out = tmp_path / "out"
    status, _, err = run(capsys, "sheet", src, "-o", out)
    assert status == 0, err
    assert [f.name for f in files_under(out)] == ["javascript-alert-21.html"]


# -- 3. memory without bound on large articles -------------------------------------------------------

_MEMORY_PROBE = textwrap.dedent(
    """
    import resource, sys
    from dataclasses import replace
    from duizhao.align import align_document
    from duizhao.model import Paragraph
    from duizhao.reader import read
    from duizhao.text.sentences import split_sentences

    seed = read(sys.argv[1], sidecar=False)

    def peak_mb():
        # This process's own high-water mark: ru_maxrss of a child started by a large process
        # (pytest, with every model loaded) starts at the parent's size, VmHWM does not.
        try:
            with open("/proc/self/status") as f:
                return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) // 1024
        except (OSError, StopIteration):
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    def merged(paras, lang):
        text = (" " if lang == "en" else "").join(p.text for p in paras)
        return Paragraph(lang, text, split_sentences(text, lang))

    # The seed's paragraphs three by three (about 1,000 characters), copied to 10,000 sentences.
    en = [merged(seed.en[0:3], "en"), merged(seed.en[3:6], "en")]
    zh = [seed.zh[0], merged(seed.zh[1:4], "zh"), merged(seed.zh[4:7], "zh")]
    k = -(-int(sys.argv[2]) // 17)
    doc = replace(seed, en=tuple(en) * k, zh=tuple(zh) * k, glossary=())
    before = peak_mb()
    doc = align_document(doc)
    after = peak_mb()
    pairs = sum(1 for b in doc.alignment.sentences if b.en and b.zh)
    n_en, n_zh = (sum(len(p.sentences) for p in doc.paragraphs(x)) for x in ("en", "zh"))
    print(n_en, n_zh, before, after, pairs)
    """
)

#: Peak memory of the process that aligns a 10,000-sentence article, in MB (the seed's sentences
#: over and over: every anchor is found in every 17th unit, the worst case for the scorer; 660 MB
#: measured). Before issue 18 the scorer's tables grew with n·m: 2 GB at 3,500 sentences, and this
#: very probe ran out of memory at a 6 GB limit, in ``_PreparedLexical.build``.
MEMORY_CEILING_MB = 900


@pytest.mark.slow
def test_aligning_10000_sentences_stays_under_a_memory_ceiling():
    # (numpy's transparent huge pages would count whole 2 MB pages of half-used arrays)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1",
           "NUMPY_MADVISE_HUGEPAGE": "0"}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(SEED), "10000"],
        capture_output=True, text=True, env=env, timeout=900, check=True,
    )  # fmt: skip
    n_en, n_zh, before_mb, peak_mb, pairs = (int(x) for x in proc.stdout.split())
    assert n_en >= 10_000 and n_zh >= 10_000 and pairs >= 8_000  # aligned, not left unpaired
    assert peak_mb < MEMORY_CEILING_MB, f"peak {peak_mb} MB ({before_mb} MB before aligning)"


def test_the_scorer_keeps_anchors_within_the_band_only():
    from duizhao.align.lexical import LexicalScorer

    # A year on every unit, each year on every fifth: an English unit finds its year in a fifth
    # of the Chinese units. The tables keep only those within four widths of the search's first
    # band (√n + 8) of the diagonal, so they grow as n·√n, not n·m (as a quarter of the text).
    n = 3000
    years = [2020 + i % 5 for i in range(n)]
    prep = LexicalScorer(use_cedict=False).prepare(
        [f"It was {y}." for y in years], [f"那是{y}年。" for y in years]
    )
    pairs = sum(len(c) for c in prep.en_rows.cols)
    reach = 4 * (int(n**0.5) + 8)
    assert n <= pairs <= n * ((2 * reach + 1) // 5 + 2)


def test_a_paragraph_too_long_to_align_as_a_unit_is_aligned_by_its_sentences(seed_doc):
    from dataclasses import replace

    from duizhao.align import align_document
    from duizhao.text.sentences import split_sentences

    # The whole English as one paragraph (hard-wrapped text read as one, say): as one unit it
    # was priced out of any bead and left without counterpart, with all its sentences.
    text = " ".join(p.text for p in seed_doc.en)
    para = replace(seed_doc.en[0], text=text, sentences=split_sentences(text, "en"))
    doc = align_document(replace(seed_doc, en=(para,)))
    assert doc.alignment is not None
    pairs = [b for b in doc.alignment.sentences if b.en and b.zh]
    assert len(pairs) >= 15
    assert any(b.en == (0,) and len(b.zh) >= 6 for b in doc.alignment.paragraphs)


# -- 4. quadratic reading ----------------------------------------------------------------------------


def _lines_article(lines: int) -> str:
    en = [s for s in SEED.read_text(encoding="utf-8").split("\n\n")[0].split(". ") if s]
    zh = [s + "。" for s in ["香港電車自1904年起行駛", "每日載客逾十萬人次", ""] if s]
    body = "\n".join(en[i % len(en)] + "." for i in range(lines))
    return f"{body}\n\n明報社評 2025.09.02：電車\n\n" + "\n".join(zh[i % 2] for i in range(lines))


def test_reading_lines_without_blank_lines_does_linear_work(monkeypatch):
    import duizhao.reader.builder as builder
    from duizhao.reader import read_text

    scanned = [0]

    def counting(fn):
        def wrapper(text, *a, **k):
            scanned[0] += len(text)
            return fn(text, *a, **k)

        return wrapper

    # Whatever the reader asks about scripts, it may look at each character a few times only.
    for name in ("script_of", "script_counts"):
        if hasattr(builder, name):
            monkeypatch.setattr(builder, name, counting(getattr(builder, name)))
    text = _lines_article(3000)
    doc = read_text(text)
    assert len(doc.en) == 3000 and len(doc.zh) == 3000  # one paragraph a line
    assert scanned[0] <= 3 * len(text)


def test_a_paragraph_without_punctuation_is_split_in_bounded_pieces(monkeypatch):
    import duizhao.text.sentences as sentences

    seen: list[int] = []
    real = sentences._pysbd_segment  # pysbd's segment (tests/test_speed_identity.py)

    def recording(text):
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(sentences, "_pysbd_segment", recording)
    words = re.findall(r"[A-Za-z]+", SEED.read_text(encoding="utf-8"))
    text = " ".join(words[i % len(words)] for i in range(30_000))  # about 200,000 characters
    out = sentences.split_en(text)
    assert max(seen) <= 2000  # pysbd (super-linear in its input) never reads more at once
    assert all(s.end - s.start <= 2000 for s in out)
    assert " ".join(text[s.start : s.end] for s in out) == text  # nothing lost


# -- 6. tracebacks instead of one error line ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_json(annotated_seed, tmp_path_factory) -> Path:
    return write_json(tmp_path_factory.mktemp("json") / "seed.json", annotated_seed.to_dict())


@pytest.mark.parametrize("command", ["sheet", "build"])
def test_output_folder_that_is_a_file(tmp_path, seed_json, capsys, command):
    taken = tmp_path / "taken"
    taken.write_text("a file, not a folder", encoding="utf-8")
    source = seed_json if command == "sheet" else tmp_path / "empty"
    (tmp_path / "empty").mkdir()
    status, _, err = run(capsys, command, source, "-o", taken, "-q")
    assert status == 2 and "taken" in one_error(err)


@pytest.fixture(scope="module")
def bank(seed_json, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("bank") / "bank.sqlite3"
    assert main(["bank", "add", str(seed_json), "--db", str(db), "-q"]) == 0
    return db


@pytest.mark.parametrize(
    ("argv", "made"),
    [
        (["bank", "kwic", "cluster", "--html", "{tmp}"], None),  # a folder
        (["bank", "kwic", "cluster", "--html", "{tmp}/new/kwic.html"], "new/kwic.html"),
        # -o is a folder for every other command: the due sheet goes inside it, named by its day
        (["bank", "due", "--new", "3", "-o", "{tmp}", "--date", "2025-09-10"],
         "due-2025-09-10.html"),
        (["bank", "due", "--new", "3", "-o", "{tmp}/new/", "--date", "2025-09-10"],
         "new/due-2025-09-10.html"),
        (["bank", "due", "--new", "3", "-o", "{tmp}/new/due.html"], "new/due.html"),
    ],
)
def test_bank_pages_to_a_folder_or_a_missing_folder(tmp_path, bank, capsys, argv, made):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    status, _, err = run(capsys, *argv, "--db", bank)
    if made is None:
        assert status == 2 and "cannot write the file" in one_error(err)
        assert not list(tmp_path.iterdir())
    else:  # a missing folder is made, as for every other output
        assert status == 0 and (tmp_path / made).is_file()


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri"])
def test_encodings_that_are_not_text_encodings(capsys, codec):
    status, out, err = run(capsys, "parse", SEED, "--encoding", codec)
    assert status == 2 and out == ""
    assert f"'{codec}' is not a text encoding" in one_error(err)


def test_an_encoding_that_gives_lone_surrogates(tmp_path, capsys):
    src = tmp_path / "escaped.txt"  # ASCII: English, then Chinese written as \\u escapes
    chinese = "".join(f"\\u{ord(c):04x}" for c in "香港電車自1904年起行駛。") + "\\ud800"
    src.write_text(f"Hong Kong's trams have run since 1904.\n\n{chinese}\n", encoding="ascii")
    status, out, err = run(capsys, "parse", src, "--encoding", "unicode_escape", "--format", "json")
    assert status == 2 and out == ""  # not half a JSON document
    assert "lone surrogate U+D800" in one_error(err)


# Malformed annotate JSON: each mutation of the seed's JSON must be refused with one line.
_MUTATIONS = {
    "paragraphs not a list": lambda d: d["en"].update(paragraphs="text"),
    "paragraph not an object": lambda d: d["zh"]["paragraphs"].insert(0, 7),
    "text a number": lambda d: d["en"]["paragraphs"][0].update(text=12),
    "offset a string": lambda d: d["en"]["paragraphs"][0]["sentences"][0].update(start="0"),
    "offset negative": lambda d: d["zh"]["paragraphs"][1]["sentences"][0].update(start=-5),
    "offset past the end": lambda d: d["en"]["paragraphs"][1]["sentences"][-1].update(end=10**6),
    "token past the end": lambda d: d["zh"]["paragraphs"][0]["tokens"][-1].update(end=10**6),
    "no sentences": lambda d: d["en"]["paragraphs"][2].update(sentences=[]),
    "term missing": lambda d: d["glossary"][0].pop("term"),
    "term a list": lambda d: d["glossary"][0].update(term=["cluster"]),
    "occurrence elsewhere": lambda d: d["glossary"][0]["occurrences"]["en"][0].update(paragraph=99),
    "bead out of range": lambda d: d["alignment"]["sentences"][0].update(en=[999]),
    "bead twice": lambda d: d["alignment"]["paragraphs"].append(d["alignment"]["paragraphs"][0]),
    "confidence NaN": lambda d: d["glossary"][1].update(confidence=float("nan")),
    "vocabulary a string": lambda d: d.update(vocabulary="none"),
    "pins out of range": lambda d: d.update(pins=[[40, 0]]),
    "meta a list": lambda d: d.update(meta=[]),
    "schema a string": lambda d: d.update(schema="2"),
    "schema 99": lambda d: d.update(schema=99),
    "no English paragraphs": lambda d: d["en"].update(paragraphs=[]),
    "date not a date": lambda d: d["meta"].update(date="2025-02-30"),
}


@pytest.mark.parametrize("mutation", sorted(_MUTATIONS))
@pytest.mark.parametrize("command", ["drill", "bank add", "sheet"])
def test_malformed_annotate_json(tmp_path, annotated_seed, capsys, mutation, command):
    d = annotated_seed.to_dict()
    _MUTATIONS[mutation](d)
    bad = write_json(tmp_path / "bad.json", d)
    out, db = tmp_path / "out", tmp_path / "bank.sqlite3"
    argv = {"drill": ["drill", bad, "-o", out], "sheet": ["sheet", bad, "-o", out],
            "bank add": ["bank", "add", bad, "--db", db]}[command]  # fmt: skip
    status, _, err = run(capsys, *argv, "-q")
    assert status == 2 and str(bad) in one_error(err)
    assert not out.exists()
    if db.exists():  # bank add: nothing was stored
        from duizhao.bank import TermBank

        with TermBank(db) as b:
            assert b.articles() == []


def test_an_article_over_the_size_limit_is_refused_before_it_is_read(tmp_path, capsys):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # 20 MB (sparse): the probe's MemoryError
        f.seek(20 * 1024 * 1024)
        f.write(b"\n")
    status, _, err = run(capsys, "sheet", big, "-o", tmp_path / "out")
    line = one_error(err)
    assert status == 2 and "big.txt" in line and "--max-bytes" in line
    status, _, err = run(capsys, "parse", big, "--max-bytes", "0")  # no limit: read, then refused
    assert status == 2 and "binary data" in one_error(err)


def test_running_out_of_memory_is_one_error_line(monkeypatch, capsys):
    def exhausted(*a, **k):
        raise MemoryError

    monkeypatch.setattr("duizhao.reader.read", exhausted)  # the command imports it when it runs
    status, _, err = run(capsys, "parse", SEED)
    assert status == 2 and "not enough memory" in one_error(err) and str(SEED) in err


# -- 7. misleading messages --------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, capsys, codec):
    src = tmp_path / "utf16.txt"
    src.write_bytes(SEED.read_text(encoding="utf-8").encode(codec))
    status, out, err = run(capsys, "parse", src, "--format", "json")
    assert status == 0, err
    doc = json.loads(out)
    assert doc["meta"]["encoding"] == codec and len(doc["zh"]["paragraphs"]) == 7


def test_encoding_advice_only_from_commands_with_the_option(tmp_path, capsys):
    src = tmp_path / "latin1.txt"
    src.write_bytes("Caf\xe9 au lait.\n\n\xe7a va.\n".encode("latin-1"))
    status, _, err = run(capsys, "parse", src)
    assert status == 2 and "--encoding" in one_error(err)
    for argv in (["sheet", src, "-o", tmp_path / "out"], ["drill", src, "-o", tmp_path / "out"],
                 ["bank", "add", src, "--db", tmp_path / "b.sqlite3"]):  # fmt: skip
        status, _, err = run(capsys, *argv)
        line = one_error(err)
        assert status == 2 and "--encoding" not in line and "save it as UTF-8" in line


def test_nothing_to_drill_names_the_file(tmp_path, annotated_seed, capsys):
    d = annotated_seed.to_dict()
    d["glossary"], d["vocabulary"] = [], {"en": [], "zh": []}
    src = write_json(tmp_path / "bare.json", d)
    status, _, err = run(capsys, "drill", src, "-o", tmp_path / "out", "--kinds", "match")
    assert status == 2 and one_error(err).startswith(f"error: {src}: nothing to drill")


def test_a_pin_outside_the_article_names_the_file_and_line(tmp_path, capsys):
    src = tmp_path / "pinned.md"
    text = MARKDOWN_SAMPLE.read_text(encoding="utf-8")
    src.write_text(text.replace("---\n", "---\npins: 9=0\n", 1), encoding="utf-8")
    status, _, err = run(capsys, "parse", src)
    assert status == 2 and one_error(err).startswith(f"error: {src}:2: pin 9=0 is outside")
    status, _, err = run(capsys, "align", SEED, "--pin", "99:0")
    assert status == 2 and one_error(err).startswith(f"error: {SEED}: pin 99:0")


def test_a_bank_of_a_newer_schema_names_the_file(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    status, _, err = run(capsys, "bank", "terms", "--db", db)
    assert status == 2 and one_error(err).startswith(f"error: {db}: ")
    assert "newer" in err


# -- 8. half-done work -------------------------------------------------------------------------------


def test_drill_anki_without_a_glossary_writes_nothing(tmp_path, annotated_seed, capsys):
    pytest.importorskip("genanki")
    d = annotated_seed.to_dict()
    d["glossary"], d["vocabulary"]["en"] = [], []  # a readings worksheet, but no card
    src = write_json(tmp_path / "no-glossary.json", d)
    out = tmp_path / "out"
    status, _, err = run(capsys, "drill", src, "-o", out, "--anki", out / "deck.apkg", "-q")
    assert status == 2 and "Anki" in one_error(err)
    assert files_under(tmp_path) == {src} and not out.exists()


def test_no_half_written_file_when_a_writer_fails(tmp_path, monkeypatch, annotated_seed):
    from duizhao.errors import DuizhaoError
    from duizhao.output import files

    target = tmp_path / "sheet.html"
    with pytest.raises(DuizhaoError), files.writing(target) as tmp:
        tmp.write_text("<html>half", encoding="utf-8")
        raise DuizhaoError("the writer failed")
    assert list(tmp_path.iterdir()) == []


# -- the limits the issue asks for ------------------------------------------------------------------


def test_max_bytes_is_an_option_of_every_command_that_reads_articles():
    from duizhao.cli import build_parser

    parser = build_parser()
    for argv in (["parse", "x"], ["align", "x"], ["annotate", "x"], ["sheet", "x", "-o", "o"],
                 ["build", "x", "-o", "o"], ["drill", "x", "-o", "o"], ["bank", "add", "x"]):
        assert parser.parse_args(argv).max_bytes == 2 * 1024 * 1024, argv  # fmt: skip


@pytest.mark.parametrize("command", ["coverage", "new"])
def test_bank_coverage_and_new_honour_the_size_limit(command, tmp_path, capsys):
    # every command that reads an article takes --max-bytes; a too-large one is one error line
    # that names the file and the option, and the bank is left as it was
    db = tmp_path / "bank.sqlite3"
    assert run(capsys, "bank", "add", SEED, "--db", db, "-q")[0] == 0
    status, _, err = run(capsys, "bank", command, SEED, "--db", db, "--max-bytes", "100")
    line = one_error(err)
    assert status == 2 and SEED.name in line and "--max-bytes" in line
    status, out, _ = run(capsys, "bank", command, SEED, "--db", db, "--max-bytes", "0")
    assert status == 0 and out.strip()
