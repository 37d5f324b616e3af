"""``benchmarks/fit_glossary.py``: thresholds chosen leaving one article out and leaving one set
out (round 19, third part) on rows written here: a set whose counterparts are wrong at a high
confidence is held to the thresholds the other sets choose, and they to its."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _fit() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fit_glossary", ROOT / "benchmarks" / "fit_glossary.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fit_glossary", module)
    spec.loader.exec_module(module)
    return module


def _row(article: str, group: str, ok: bool, confidence: float) -> dict:
    return {"article": article, "set": group, "top": "詞", "ok": ok, "kind": "whole",
            "confidence": confidence}  # fmt: skip


def _rows() -> list[dict]:
    # set "new": two articles, each with one wrong counterpart at 0.99 among right ones at 0.9;
    # sets "old1" and "old2": right at 0.9 and up, wrong below 0.5
    rows = []
    for art in ("new/a", "new/b"):
        rows += [_row(art, "new", False, 0.99)] + [_row(art, "new", True, 0.9)] * 3
    for group in ("old1", "old2"):
        for art in (f"{group}/a", f"{group}/b"):
            rows += [_row(art, group, True, 0.95)] * 10 + [_row(art, group, False, 0.3)]
    return rows


def test_leaving_one_set_out_holds_a_new_set_to_the_others_thresholds() -> None:
    fit = _fit()
    by_set = fit.per_kind_in_folds(_rows(), "set")
    # "new" held out: the old sets choose a low threshold, so its wrong ones are shown certain
    assert by_set["new"] == [6, 8, 0]
    # an old set held out: "new"'s wrong ones at 0.99 leave no threshold at 97 %: none certain
    assert by_set["old1"][1] == 0
    # leaving one article out, one wrong of "new" among 44 rows still allows 97 % (from 0.35)
    by_article = fit.per_kind_in_folds(_rows())
    assert by_article["new/a"] == [3, 4, 0] and set(by_article) == {
        "new/a", "new/b", "old1/a", "old1/b", "old2/a", "old2/b",
    }  # fmt: skip


def test_one_threshold_leaving_one_set_out() -> None:
    fit = _fit()
    by_set = fit.one_in_folds(_rows(), "set")
    assert set(by_set) == {"new", "old1", "old2"}
    assert by_set["new"][:2] == [6, 8]
