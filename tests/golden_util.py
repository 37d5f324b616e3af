"""Compare a JSON-able value with a golden file (rewritten when UPDATE_GOLDEN=1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import GOLDEN, UPDATE_GOLDEN


def check_golden(name: str, value: Any) -> None:
    path: Path = GOLDEN / name
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN:
            raise AssertionError(f"golden file {path} is missing; run with UPDATE_GOLDEN=1")
        path.write_text(text, encoding="utf-8")
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert value == expected, f"output differs from {path} (UPDATE_GOLDEN=1 to accept)"
