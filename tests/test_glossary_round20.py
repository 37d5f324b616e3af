"""Round 20: the check set ``written22`` (a product-recall announcement, a science page for
children, a film review) outside the pool and hidden; ``written21`` in the pool."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_written22_is_a_hidden_check_set_outside_the_pool() -> None:
    import bench_glossary
    import fit_glossary
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written22"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert not any(a.fitted for a in arts)
    assert "written22" in bench_glossary.HIDDEN_SPLITS
    assert all(a.name.startswith(bench_glossary.HIDDEN_PREFIXES) for a in arts)
    group = "fixtures, written in round 20, check set"
    assert all(bench_glossary.GROUPS[group](a) and fit_glossary.SETS[group](a) for a in arts)
