"""The glossary stages run with Python's cyclic garbage collector held off (the pipeline over
both at once), and give it back as they found it (duizhao.resources.diskcache.gc_paused)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import duizhao
from duizhao.glossary import LinkContext, link, link_glossary, suggest_vocabulary
from duizhao.resources.diskcache import gc_paused

ROOT = Path(__file__).resolve().parents[1]
TRAMS = ROOT / "corpus" / "2025-10-06-hong-kong-trams.md"


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_gc_paused_restores_the_collector_as_it_was(collector_on: None) -> None:
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: still off, and still off after the inner block
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    gc.enable()


def test_gc_paused_gives_the_collector_back_after_an_error(collector_on: None) -> None:
    @gc_paused()
    def fails() -> None:
        assert not gc.isenabled()
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        fails()
    assert gc.isenabled()


def test_the_glossary_stages_run_with_the_collector_off(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    original = link.linked_rankings

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(link, "linked_rankings", spy)
    doc = duizhao.annotate(TRAMS)  # the public pipeline
    assert seen == [False]
    assert gc.isenabled()
    assert doc.links and doc.vocabulary is not None


def test_the_same_links_and_vocabulary_with_the_collector_on(collector_on: None) -> None:
    from duizhao.align import align_document
    from duizhao.chinese import annotate_document
    from duizhao.reader import read

    doc = annotate_document(align_document(read(TRAMS)))
    context = LinkContext()
    paused = link_glossary(doc, context=context)
    paused = suggest_vocabulary(paused, context=context)
    context = LinkContext()
    plain = link_glossary.__wrapped__(doc, context=context)  # type: ignore[attr-defined]
    plain = suggest_vocabulary.__wrapped__(plain, context=context)  # type: ignore[attr-defined]
    assert paused.to_dict() == plain.to_dict()


def test_annotate_holds_the_collector_off_over_both_glossary_stages(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One pause from the first glossary stage to the end of the vocabulary's, and the stages'
    shared context freed (by reference counting) before the collector is back on."""
    import weakref
    from contextlib import contextmanager

    import duizhao.glossary
    from duizhao.pipeline import unused_words
    from duizhao.resources import diskcache

    contexts: list[weakref.ref[LinkContext]] = []

    class Tracked(LinkContext):
        def __init__(self) -> None:
            super().__init__()
            contexts.append(weakref.ref(self))

    between: list[bool] = []
    original_unused = unused_words.read_unused_counterparts

    def spy(*args: Any, **kwargs: Any) -> Any:
        between.append(gc.isenabled())  # after the links, before the vocabulary
        return original_unused(*args, **kwargs)

    alive_at_exit: list[list[bool]] = []
    real = diskcache.gc_paused

    @contextmanager
    def watched() -> Iterator[None]:
        with real():
            yield
            alive_at_exit.append([ref() is not None for ref in contexts])

    monkeypatch.setattr(duizhao.glossary, "LinkContext", Tracked)
    monkeypatch.setattr(unused_words, "read_unused_counterparts", spy)
    monkeypatch.setattr(diskcache, "gc_paused", watched)
    doc = duizhao.annotate(TRAMS)
    assert between == [False]
    assert len(contexts) == 1 and alive_at_exit == [[False]]
    assert gc.isenabled()
    assert doc.links and doc.vocabulary is not None and doc.vocabulary.en
