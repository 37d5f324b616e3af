"""A non-editable install into a clean virtual environment finds its templates and corpus.

This builds the wheel, installs it (with its dependencies, from the package index) into a new
virtual environment and runs the installed ``duizhao`` from outside the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pkg")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(work.glob("duizhao-*.whl"))
    env = work / "venv"
    venv.create(env, with_pip=True)
    subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    return env


def run(env: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The installed package, never a source tree a developer's PYTHONPATH points at.
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [str(env / "bin" / args[0]), *args[1:]],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=clean,
    )


def test_installed_package_finds_its_data(installed, tmp_path):
    code = (
        "import duizhao, duizhao.resources as r, json;"
        "print(json.dumps([duizhao.__file__, str(r.templates_dir()), str(r.corpus_dir()),"
        " sorted(p.name for p in r.corpus_dir().iterdir()),"
        " sorted(p.name for p in r.templates_dir().rglob('*') if p.is_file())]))"
    )
    proc = run(installed, "python", "-c", code, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    module, templates, corpus, articles, template_files = json.loads(proc.stdout)
    site = str(installed)
    assert module.startswith(site) and templates.startswith(site) and corpus.startswith(site)
    expected = sorted(p.name for p in (ROOT / "corpus").iterdir())
    assert articles == expected
    shipped = sorted(p.name for p in (ROOT / "templates").rglob("*") if p.is_file())
    assert template_files == shipped


def test_installed_console_script_parses_the_packaged_seed(installed, tmp_path):
    proc = run(installed, "python", "-c", "import duizhao.resources as r; print(r.corpus_dir())",
               cwd=tmp_path)
    seed = Path(proc.stdout.strip()) / "2025-09-02-wipo-innovation-clusters.txt"
    proc = run(installed, "duizhao", "parse", str(seed), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert (len(d["en"]["paragraphs"]), len(d["zh"]["paragraphs"])) == (6, 7)
