"""Round 19: the check set ``written20`` (a travel blog post, a consumer-advice leaflet, an
interview transcript) outside the fitting pool and hidden, and ``written18`` in the pool.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_written20_is_a_hidden_check_set_outside_the_pool() -> None:
    import bench_glossary
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written20"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert not any(a.fitted for a in arts)
    assert "written20" in bench_glossary.HIDDEN_SPLITS
    assert all(a.name.startswith(bench_glossary.HIDDEN_PREFIXES) for a in arts)
    assert "fixtures, written in round 19" in bench_glossary.GROUPS


def test_written18_is_in_the_fitting_pool_and_no_longer_hidden() -> None:
    import bench_glossary
    import glossary_data

    arts = [a for a in glossary_data.fixture_articles() if a.split == "written18"]
    assert len(arts) == 3 and sum(len(a.terms) for a in arts) == 30
    assert all(a.fitted for a in arts)
    assert "written18" not in bench_glossary.HIDDEN_SPLITS
    assert not any(a.name.startswith(bench_glossary.HIDDEN_PREFIXES) for a in arts)
