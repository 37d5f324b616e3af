"""``benchmarks/bench_glossary.py --dev DIR`` (and ``fit_glossary.py``): a folder that is not
glossary-mac-dev is an error naming it, not a silent run without the dev set (round 15: the
default ``../shared`` was wrong inside a git worktree, and the run quietly scored the fixtures
only)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("script", ["bench_glossary.py", "fit_glossary.py"])
def test_missing_dev_folder_is_a_clear_error(script: str, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dev"
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--dev", str(missing), "--no-baseline"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert out.returncode != 0
    assert f"--dev {missing}: no glossary-mac-dev there" in out.stderr


def test_default_dev_folder_is_looked_for_beside_the_main_checkout(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import glossary_data
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    shared = [d for d in glossary_data.DEV_CANDIDATES if d.parts[-3:-1] == ("shared", "dev-data")]
    assert shared == glossary_data.DEV_CANDIDATES
    assert ROOT.parent / "shared" / "dev-data" / "glossary-mac-dev" in shared
    assert ROOT.parent.parent / "shared" / "dev-data" / "glossary-mac-dev" in shared
