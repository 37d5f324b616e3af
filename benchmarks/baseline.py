"""The reference version of duizhao, checked out beside this one, so that a benchmark measures
"today's figure" and the new one in the same run, on the same machine, at the same load.

The open issues of this round were measured at :data:`REFERENCE` (``2bd8588``). A benchmark calls
:func:`checkout` once: it makes (or reuses) a detached git worktree of that commit under
``benchmarks/results/baseline-<rev>/`` and returns its path; :func:`env` gives the environment
that runs Python from that checkout's ``src/`` with the same virtual environment (the reference
needs no package the current version lacks). Compare through interfaces both versions share —
the command line (``duizhao annotate FILE --format json``, ``duizhao sheet``) or long-standing
functions — and run each side in its own process.

Without git (an sdist) there is no baseline: :func:`checkout` returns ``None`` and the benchmark
says so instead of inventing a number.

Usage from a benchmark::

    from baseline import checkout, env
    ref = checkout()
    if ref is not None:
        out = subprocess.run([sys.executable, "-m", "duizhao", "annotate", f, "--format", "json"],
                             env=env(ref), capture_output=True, text=True, check=True).stdout
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

__all__ = ["REFERENCE", "checkout", "env"]

ROOT = Path(__file__).resolve().parents[1]
#: The commit the issues of this round were measured at ("today" in their texts).
REFERENCE = "2bd8588e3a6753ed41888502e0aac6c145a35a88"


def checkout(rev: str = REFERENCE) -> Path | None:
    """A checkout of ``rev`` (made once, then reused), or ``None`` without git history."""
    target = ROOT / "benchmarks" / "results" / f"baseline-{rev[:7]}"
    if (target / "src" / "duizhao").is_dir():
        return target
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--force", "--detach", str(target), rev],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError:
        # a shallow clone without the commit: fetching it is the user's call, not ours
        return None
    return target


def env(checkout_path: Path) -> dict[str, str]:
    """The environment that imports ``duizhao`` from a checkout's ``src/``."""
    out = dict(os.environ)
    out["PYTHONPATH"] = str(checkout_path / "src")
    return out
