"""Speed changes that must not change outputs: each faster path beside the one it replaces."""

from __future__ import annotations

from pathlib import Path

import pysbd
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.text.sentences import _pysbd_segment

ROOT = Path(__file__).resolve().parents[1]

_PIECES = st.sampled_from(
    ["Mr. Smith", "said", "It", "rose 3.5 per cent", ".", "!", "?", " ", "  ", "\n", "\u3000",
     "“Why?” he asked.", "e.g.", "U.S.", "Hong Kong", "(see p. 4)", "...", "the", "end", "a.m.",
     "No. 5", "\u00a0", "'", "The same sentence.", "Dr."]
)  # fmt: skip


def _paragraphs() -> list[str]:
    paras = []
    for path in [*sorted((ROOT / "corpus").glob("*")),
                 *sorted((ROOT / "tests" / "fixtures" / "glossary").glob("*.txt"))]:  # fmt: skip
        paras += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.isascii()]
    return paras


def test_pysbd_segment_is_pysbds_segment_on_the_articles() -> None:
    reference = pysbd.Segmenter(language="en", clean=False)
    paras = _paragraphs()
    assert len(paras) > 50
    for para in paras:
        assert _pysbd_segment(para) == reference.segment(para)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_pysbd_segment_is_pysbds_segment(text: str) -> None:
    """Repeated sentences, whitespace of every kind, abbreviations: the same strings."""
    reference = pysbd.Segmenter(language="en", clean=False)
    assert _pysbd_segment(text) == reference.segment(text)
