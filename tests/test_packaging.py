"""The release a user installs: the sdist and the wheel build, and the wheel works on its own.

This builds the sdist and the wheel (``python -m build``), installs the wheel (with its
dependencies, from the package index) into a new virtual environment and runs the installed
``duizhao`` from outside the source tree: its data, the console script, and the README's Python
example, whose ``# value`` comments are checked as assertions.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel, built as a release is."""
    work = tmp_path_factory.mktemp("dist")
    if importlib.util.find_spec("build") is not None:
        cmd = [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(work), str(ROOT)]
    else:  # pragma: no cover - the dev extra installs build
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(work), str(ROOT)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return work


def test_the_sdist_holds_the_sources_data_and_tests(dist):
    if not list(dist.glob("duizhao-*.tar.gz")):
        pytest.skip("the build package is not installed")
    [sdist] = dist.glob("duizhao-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in (
        "pyproject.toml",
        "README.md",
        "src/duizhao/__init__.py",
        "src/duizhao/py.typed",
        "src/duizhao/schema/document.schema.json",
        "templates/sheet.html.j2",
        "corpus/2025-09-02-wipo-innovation-clusters.txt",
        "tests/conftest.py",
    ):
        assert needed in names, needed


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pkg")
    wheel = next(dist.glob("duizhao-*.whl"))
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


def _readme_python() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"From Python:\n\n```python\n(.*?)```", readme, re.S).group(1)


def _checked(example: str) -> str:
    """The example with each ``expr  # literal`` line turned into an assertion."""
    out = []
    for line in example.splitlines():
        code, _, comment = line.partition("  # ")
        value = comment.split(":")[0].strip()
        try:
            expected = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            out.append(line)
            continue
        if "=" in code.split("(")[0] or not code.strip():  # an assignment: run it as it is
            out.append(line)
        elif isinstance(expected, str) and expected.endswith("…"):  # the start of a long text
            out.append(f"assert ({code.strip()}).startswith({expected[:-1]!r}), ({code.strip()})")
        else:
            out.append(f"assert ({code.strip()}) == {expected!r}, ({code.strip()})")
    return "\n".join(out)


def test_the_readme_python_example_runs_against_the_installed_wheel(installed, tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")  # the example's relative paths
    example = _checked(_readme_python())
    assert example.count("assert ") >= 4  # the README's values are really checked
    proc = run(installed, "python", "-c", example, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
