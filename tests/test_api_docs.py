"""Every public name has a docstring example that pairs Chinese with its English (issue 19).

The examples themselves run as doctests (``--doctest-modules`` in ``make test``); this test makes
sure none is missing, so that the API reference (``make docs``) shows one for every name.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import re

import pytest

import duizhao

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")

PUBLIC = [n for n in duizhao.__all__ if n != "__version__"]


def _examples(name: str) -> list[doctest.Example]:
    obj = getattr(duizhao, name)
    doc = inspect.getdoc(obj) or ""
    return doctest.DocTestParser().get_examples(doc)


@pytest.mark.parametrize("name", PUBLIC)
def test_public_name_has_a_bilingual_example(name: str) -> None:
    examples = _examples(name)
    assert examples, f"duizhao.{name} has no '>>>' example in its docstring"
    text = "".join(e.source + e.want for e in examples)
    assert HAN.search(text), f"duizhao.{name}'s example shows no Chinese"
    # English beside it: in the example's words (a gloss, a term or a sentence), not only code.
    words = LATIN_WORD.findall(re.sub(r"[A-Za-z_][A-Za-z_0-9.]*\(", "", text))
    assert words, f"duizhao.{name}'s example shows no English"


def test_a_name_without_an_example_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above fails for a name whose docstring has no example."""

    def bare() -> None:
        """No example here."""

    monkeypatch.setattr(duizhao, "__all__", [*duizhao.__all__, "bare"])
    monkeypatch.setitem(duizhao._EXPORTS, "bare", "errors")
    monkeypatch.setattr(importlib.import_module("duizhao.errors"), "bare", bare, raising=False)
    assert _examples("bare") == []
    with pytest.raises(AssertionError, match="no '>>>' example"):
        test_public_name_has_a_bilingual_example("bare")


def test_the_api_reference_documents_every_public_name() -> None:
    """docs/api.md (built by ``make docs``) has a ``:::`` entry for each name of ``__all__``."""
    from pathlib import Path

    api = Path(__file__).resolve().parents[1] / "docs" / "api.md"
    documented = {
        line.split()[1].rsplit(".", 1)[-1]
        for line in api.read_text(encoding="utf-8").splitlines()
        if line.startswith("::: ")
    }
    missing = sorted(set(PUBLIC) - documented)
    assert not missing, f"docs/api.md does not document {missing}"
