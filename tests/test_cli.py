"""The command line, driven through main([...]) as a user would run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from duizhao import __version__
from duizhao.cli import main

from conftest import MARKDOWN_SAMPLE, SEED


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.strip() == f"duizhao {__version__}"


def test_help_on_every_command(capsys):
    from duizhao.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert "parse" in commands
    for name in commands:
        status, out, _ = run(capsys, name, "--help")
        assert status == 0
        assert out.startswith("usage: duizhao " + name)


def test_the_command_list_matches_the_modules():
    """COMMANDS (what ``duizhao --help`` lists without importing a command module) names every
    command the modules add, in the listing order, with the same one-line help."""
    from duizhao.cli import COMMANDS, build_parser, command_groups

    def listed(parser):
        action = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
        return [(a.dest, a.help) for a in action._choices_actions]

    full = build_parser()
    assert listed(full) == [(name, line) for name, line, _ in COMMANDS]
    assert {module for *_, module in COMMANDS} == set(command_groups())
    for name, _, _ in COMMANDS:  # built alone, each command is the same as in the full parser
        lazy = build_parser([name])
        assert listed(lazy) == listed(full)
        choices = lazy._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert choices[name].format_help() == full._subparsers._group_actions[0].choices[name].format_help()  # type: ignore[union-attr]
    assert build_parser([]).format_help() == full.format_help()


@pytest.mark.parametrize("argv", [["--help"], [], ["--version"], ["nosuchcommand"]])
def test_help_imports_no_command_module(argv):
    """``duizhao --help`` imports duizhao and its command line, nothing else of duizhao and no
    heavy or merely slow module (deterministic, unlike a timing: the cold start is ≤ 0.1 s)."""
    code = (
        "import sys, contextlib, io\n"
        "before = set(sys.modules)\n"
        "from duizhao.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({argv!r})\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    from conftest import ROOT

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    assert sorted(m for m in out if m.startswith("duizhao")) == ["duizhao", "duizhao.cli"]
    slow = {"typing", "dataclasses", "inspect", "json", "pkgutil", "shutil", "sqlite3", "numpy", "jieba",
            "opencc", "pypinyin", "jinja2", "regex", "wordfreq"}
    assert slow.isdisjoint(out)


def test_a_command_imports_only_its_own_module():
    code = (
        "import sys, contextlib, io\n"
        "from duizhao.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['build', '--help'])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('duizhao.cli'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["duizhao.cli", "duizhao.cli._common", "duizhao.cli.sheet"]


def test_parse_json_on_the_seed(capsys):
    status, out, err = run(capsys, "parse", str(SEED), "--format", "json")
    assert status == 0 and err == ""
    d = json.loads(out)
    assert d["meta"]["source"] == "明報社評"
    assert d["meta"]["date"] == "2025-09-02"
    assert d["meta"]["title_zh"] == "灣區創科實力獲肯定 知識產權貿易待拓展"
    assert "title_en" in d["meta"]
    assert len(d["en"]["paragraphs"]) == 6 and len(d["zh"]["paragraphs"]) == 7
    assert sum(len(p["sentences"]) for p in d["en"]["paragraphs"]) == 17
    assert sum(len(p["sentences"]) for p in d["zh"]["paragraphs"]) == 18
    s = d["en"]["paragraphs"][0]["sentences"][1]
    assert set(s) >= {"text", "start", "end"}
    assert [(g["term"], g["pos"], g["zh"]) for g in d["glossary"]] == [
        ("cluster", None, []),
        ("metric", None, []),
        ("preferential", None, []),
    ]
    assert all(g["definition"] for g in d["glossary"])


def test_parse_several_files_gives_an_array(capsys):
    status, out, _ = run(capsys, "parse", str(SEED), str(MARKDOWN_SAMPLE), "--format", "json")
    assert status == 0
    docs = json.loads(out)
    assert [d["meta"]["format"] for d in docs] == ["editorial", "markdown"]
    assert docs[1]["glossary"][0]["zh"] == ["感情"]


def test_parse_text_summary(capsys):
    status, out, _ = run(capsys, "parse", str(SEED))
    assert status == 0
    assert "English: 6 paragraphs, 17 sentences" in out
    assert "Chinese: 7 paragraphs, 18 sentences" in out
    assert "glossary: 3 entries" in out


def test_parse_forced_encoding(capsys, tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("big5hkscs"))
    status, out, _ = run(capsys, "parse", str(path), "--encoding", "big5hkscs", "--format", "json")
    assert status == 0 and json.loads(out)["meta"]["encoding"] == "big5hkscs"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", r"^error: .*empty\.txt: empty file$"),
        (b"\x00\x01\x02binary", r"^error: .*empty\.txt:1: binary data"),
        (b"English only.\n", r"^error: .*empty\.txt: no Chinese paragraphs found$"),
        (
            "Text.\n\n中文。\n\nGlossary\nno colon at all\n".encode(),
            r"^error: .*empty\.txt:6: cannot read glossary line 'no colon at all'",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, tmp_path, content, expected):
    import re

    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, "parse", str(path))
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert re.match(expected, err.strip()), err


def test_missing_file_and_bad_encoding(capsys, tmp_path):
    status, _, err = run(capsys, "parse", str(tmp_path / "nope.txt"))
    assert status == 2 and err.strip().endswith("nope.txt: no such file")
    status, _, err = run(capsys, "parse", str(SEED), "--encoding", "klingon")
    assert status == 2 and "unknown encoding 'klingon'" in err


def test_warnings_go_to_stderr(capsys, tmp_path):
    path = tmp_path / "dup.txt"
    path.write_text(SEED.read_text(encoding="utf-8") + "\ncluster：again\n", encoding="utf-8")
    status, _, err = run(capsys, "parse", str(path))
    assert status == 0 and err.startswith("warning: ") and "appears twice" in err
    status, _, err = run(capsys, "parse", "-q", str(path))
    assert err == ""


def test_console_script_runs_without_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    proc = subprocess.run(
        [sys.executable, "-m", "duizhao", "parse", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ")
