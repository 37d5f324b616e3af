"""``benchmarks/fit_glossary.py --write`` rewrites the fitted names of ``weights.py`` and keeps
everything else the finder reads from it (round 14: ``CLASS_THRESHOLDS`` was dropped)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "duizhao" / "glossary" / "weights.py"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    if name == "fit_glossary":
        sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def _public(module: ModuleType) -> dict[str, object]:
    return {k: v for k, v in vars(module).items() if not k.startswith("_")}


def _fit_and_write(tmp_path: Path) -> tuple[ModuleType, ModuleType, dict[str, object]]:
    fit = _load("fit_glossary", ROOT / "benchmarks" / "fit_glossary.py")
    target = tmp_path / "weights.py"
    shutil.copy(WEIGHTS, target)
    rng = np.random.default_rng(14)
    w = rng.normal(size=len(fit.FEATURES)).round(3)
    w[1] = 0.0  # a feature weighing 0 is not listed
    cal = rng.normal(size=6).round(3)
    classes = {"whole": 0.35, "part": 0.9, "definition": 0.95, "none": 1.0}
    fit.write_weights(w, cal, 0.85, "Fitted on nothing: a test.", classes, path=target)
    fitted = {"WEIGHTS": tuple((f, float(v)) for f, v in zip(fit.FEATURES, w, strict=True) if v),
              "CALIBRATION": tuple(float(v) for v in cal), "THRESHOLD": 0.85,
              "CLASS_THRESHOLDS": tuple(classes.items())}  # fmt: skip
    return fit, _load("weights_written", target), fitted


def test_the_written_file_imports_with_the_fitted_values(tmp_path: Path) -> None:
    fit, written, fitted = _fit_and_write(tmp_path)
    assert set(fit.FITTED) == set(fitted)
    for name, value in fitted.items():
        assert getattr(written, name) == value, name
    assert written.__doc__ is not None and "Fitted on nothing: a test." in written.__doc__
    assert "Do not edit by hand" in written.__doc__


def test_every_public_name_of_weights_survives_a_write(tmp_path: Path) -> None:
    _, written, fitted = _fit_and_write(tmp_path)
    shipped = _load("weights_shipped", WEIGHTS)
    assert set(shipped.__all__) <= set(_public(shipped))
    assert set(_public(written)) == set(_public(shipped))
    assert written.__all__ == shipped.__all__
    for name, value in _public(shipped).items():
        if name not in fitted:  # not fitted: kept as it is
            assert getattr(written, name) == value, name
    # the comments of the file are kept too
    comments = [ln for ln in WEIGHTS.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    text = (tmp_path / "weights.py").read_text(encoding="utf-8").splitlines()
    assert [ln for ln in text if ln.startswith("#")] == comments


def test_writing_the_shipped_values_back_changes_nothing_but_the_note(tmp_path: Path) -> None:
    fit = _load("fit_glossary", ROOT / "benchmarks" / "fit_glossary.py")
    shipped = _load("weights_shipped", WEIGHTS)
    target = tmp_path / "weights.py"
    shutil.copy(WEIGHTS, target)
    weights = dict(shipped.WEIGHTS)
    w = np.array([weights.get(f, 0.0) for f in fit.FEATURES])
    note = re.sub(r"(?<=-)\n", "", shipped.__doc__.split("\n\n")[1]).replace("\n", " ")
    fit.write_weights(w, np.array(shipped.CALIBRATION), shipped.THRESHOLD, note,
                      dict(shipped.CLASS_THRESHOLDS), path=target)  # fmt: skip
    assert target.read_text(encoding="utf-8") == WEIGHTS.read_text(encoding="utf-8")
