"""The annotated seed every sheet test renders, built from the model classes (no pipeline)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "sheet"))
import sheet_docs


@pytest.fixture(scope="module")
def seed():
    return sheet_docs.annotated_seed()
