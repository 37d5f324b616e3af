"""The house rules: the layers contract (import-linter) holds, and it does catch a breach."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "duizhao"

pytest.importorskip("importlinter")


def lint_imports(src: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter with the project's contract over the package under ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run(
        [sys.executable, "-c", code, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_layers_contract_is_kept(tmp_path):
    proc = lint_imports(SRC.parent, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "KEPT" in proc.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        # a sibling output importing another (the due sheet once borrowed the drills' worksheet)
        ("bank/report.py", "def _breach():\n    from duizhao.drills import make_worksheets\n"),
        # a stage importing another stage
        ("glossary/link.py", "from duizhao.chinese import annotate_text\n"),
        # a lower layer importing a higher one
        ("text/script.py", "def _breach():\n    from duizhao.documents import load_document\n"),
    ],
)
def test_a_breach_of_the_layers_is_caught(tmp_path, module, line):
    copy = tmp_path / "src" / "duizhao"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + "\n\n" + line, encoding="utf-8")
    proc = lint_imports(copy.parent, tmp_path)
    assert proc.returncode != 0
    assert "BROKEN" in proc.stdout


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_every_module_is_on_the_map():
    listed = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [
        p.relative_to(SRC).as_posix()
        for p in _modules()
        if f"`{p.relative_to(SRC).as_posix()}`" not in listed
    ]
    assert not missing, f"run docs/make_architecture.py: {missing}"


def test_long_modules_say_why():
    import ast

    for p in _modules():
        text = p.read_text(encoding="utf-8")
        if len(text.splitlines()) > 500:
            doc = ast.get_docstring(ast.parse(text)) or ""
            assert "one cohesive thing" in doc, f"{p}: over 500 lines; say why in its docstring"
