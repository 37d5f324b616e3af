"""The README's "Using it" commands, followed in order by a new user, keep what each one wrote
(round 20's QA: two ``drill --for chinese`` lines wrote into ``out/chinese/``, so the second's
worksheet page replaced the first's, and the folder held the hard worksheet's Word files beside
the other run's page). Every ``sheet`` and ``drill`` line runs here as the README gives it."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from duizhao.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _using_it() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Using it\n\n```sh\n(.*?)```", readme, re.S)
    assert block, "the README's 'Using it' block"
    lines = block.group(1).splitlines()
    seed = next(ln.split("=", 1)[1] for ln in lines if ln.startswith("A="))
    out = []
    for ln in lines:
        words = shlex.split(ln.split("  #", 1)[0].replace("$A", seed))
        if words[:1] == ["duizhao"] and words[1] in {"sheet", "drill"}:
            out.append(words[1:])
    return out


@pytest.mark.slow
@pytest.mark.pdf
def test_readme_sheet_and_drill_lines_keep_each_others_files(tmp_path: Path) -> None:
    commands = _using_it()
    assert len(commands) >= 6
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    made: dict[Path, int] = {}
    for k, argv in enumerate(commands):
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(tmp_path)
            before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
            assert main([*argv, "-q"]) == 0, argv
            for p in tmp_path.rglob("*"):
                if p.is_file() and p not in made and "corpus" not in p.parts:
                    made[p] = k
                elif p in made and before.get(p) != p.stat().st_mtime_ns:
                    first = " ".join(commands[made[p]])
                    raise AssertionError(f"{' '.join(argv)} rewrote {p.name} of: {first}")
