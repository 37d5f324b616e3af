"""The g2pM polyphone model: which reading a character with several readings has in a sentence.

g2pM (Park & Lee 2020) is a small BiLSTM whose weights ship in its wheel. It is run here with
numpy, in batches, on Simplified text; its predictions are restricted to the character's own
readings, each with its probability.

Examples:
    >>> model = polyphone_model()
    >>> (reading, p), = model.predict([("他在银行工作", [3])])[0]  # "he works at a bank": 行
    >>> reading, p > 0.5
    ('hang2', True)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["G2pM", "polyphone_model"]


class G2pM:
    """g2pM's polyphone BiLSTM (Park & Lee 2020) run in batches with numpy.

    The input projections are folded into per-character tables, so each step is one small
    matrix product; predictions are restricted to the character's own readings.
    """

    def __init__(self) -> None:
        import pickle

        import g2pM
        import numpy as np

        base = Path(g2pM.__file__).parent

        def load(name: str) -> Any:
            with (base / name).open("rb") as fh:
                return pickle.load(fh)

        state = load("np_ckpt.pkl")
        self.char2idx: dict[str, int] = load("char2idx.pkl")
        class2idx: dict[str, int] = load("class2idx.pkl")
        prons: dict[str, list[str]] = load("digest_cedict.pkl")
        self.classes = {i: c for c, i in class2idx.items()}
        emb = state["embedding.weight"].astype(np.float32)
        f32 = np.float32
        self.in_fw = (
            emb @ state["lstm.weight_ih_l0"].T + state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"]
        ).astype(f32)
        self.in_bw = (
            emb @ state["lstm.weight_ih_l0_reverse"].T
            + state["lstm.bias_ih_l0_reverse"]
            + state["lstm.bias_hh_l0_reverse"]
        ).astype(f32)
        self.hh_fw = state["lstm.weight_hh_l0"].T.astype(f32).copy()
        self.hh_bw = state["lstm.weight_hh_l0_reverse"].T.astype(f32).copy()
        self.w0 = state["logit_layer.0.weight"].T.astype(f32).copy()
        self.b0 = state["logit_layer.0.bias"].astype(f32)
        self.w1 = state["logit_layer.2.weight"].T.astype(f32).copy()
        self.b1 = state["logit_layer.2.bias"].astype(f32)
        self.hidden = n = self.hh_fw.shape[0]
        half = np.ones(4 * n, dtype=f32) * 0.5
        half[2 * n : 3 * n] = 1.0  # the g gate is a tanh already
        for m in (self.in_fw, self.in_bw, self.hh_fw, self.hh_bw):
            m *= half
        self.unk = self.char2idx["<UNK>"]
        self.bos = self.char2idx["시"]
        self.eos = self.char2idx["끝"]
        self.pad = self.char2idx.get("<PAD>", 0)
        # Candidate classes of each polyphonic character, as additive masks on the logits
        # (row 0 allows every class).
        self.candidates: dict[str, tuple[int, ...]] = {}
        for ch, ps in prons.items():
            if len(ps) > 1:
                ids = sorted({class2idx[p] for p in ps if p in class2idx})
                if len(ids) > 1:
                    self.candidates[ch] = tuple(ids)
        # Row k of cand_idx lists the classes of the k-th polyphonic character (padded with
        # class 0, masked out by cand_pad), so only those logits are ever computed.
        self.cand_row = {ch: k for k, ch in enumerate(self.candidates)}
        width = max(len(c) for c in self.candidates.values())
        self.cand_idx = np.zeros((len(self.candidates), width), dtype=np.int64)
        self.cand_pad = np.full((len(self.candidates), width), -1e9, dtype=f32)
        for ch, k in self.cand_row.items():
            classes = self.candidates[ch]
            self.cand_idx[k, : len(classes)] = classes
            self.cand_pad[k, : len(classes)] = 0.0
        self.w1_rows = self.w1.T.copy()  # (classes, hidden)

    def _run(self, fw: Any, bw: Any) -> Any:
        """Both directions of the BiLSTM over ``(batch, steps)`` character ids (the backward
        ids already reversed); returns ``(steps, batch, 2 * hidden)`` states, forward first."""
        import numpy as np

        # sigmoid(x) = (tanh(x / 2) + 1) / 2: the i, f, o columns of the tables were halved when
        # loaded, so one tanh gives every gate (and never overflows, unlike exp).
        batch, steps = fw.shape
        n = self.hidden
        gates = np.empty((steps, batch, 8 * n), dtype=np.float32)
        gates[:, :, : 4 * n] = self.in_fw[fw.T]
        gates[:, :, 4 * n :] = self.in_bw[bw.T]
        h = np.zeros((batch, 2 * n), dtype=np.float32)
        c = np.zeros((batch, 2, n), dtype=np.float32)
        out = np.empty((steps, batch, 2 * n), dtype=np.float32)
        for t in range(steps):
            g = gates[t]
            # two small products rather than one block-diagonal one: each stays below the size
            # at which OpenBLAS starts threads
            g[:, : 4 * n] += h[:, :n] @ self.hh_fw
            g[:, 4 * n :] += h[:, n:] @ self.hh_bw
            z = np.tanh(g, out=g).reshape(batch, 2, 4, n)
            sig = z * 0.5 + 0.5
            c = sig[:, :, 1] * c + sig[:, :, 0] * z[:, :, 2]
            h = (sig[:, :, 3] * np.tanh(c)).reshape(batch, 2 * n)
            out[t] = h
        return out

    def _logits(
        self, items: Sequence[tuple[str, Sequence[int]]]
    ) -> Iterator[tuple[list[int], Any, Any]]:
        """For each batch: the owners (item index of each asked position, in order), the
        candidate classes ``(positions, width)`` and their logits (padding at ``-1e9``)."""
        import numpy as np

        order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
        # 64 rows keep the matrix products below the size where OpenBLAS starts threads, which
        # on a busy machine made each step up to a hundred times slower.
        batch_size = 64
        for b in range(0, len(order), batch_size):
            chunk = order[b : b + batch_size]
            lengths = np.array([len(items[i][0]) + 2 for i in chunk])
            steps = int(lengths.max())
            fw = np.full((len(chunk), steps), self.pad, dtype=np.int64)
            bw = np.full((len(chunk), steps), self.pad, dtype=np.int64)
            for row, i in enumerate(chunk):
                seq = [self.bos, *(self.char2idx.get(ch, self.unk) for ch in items[i][0])]
                seq.append(self.eos)
                fw[row, : len(seq)] = seq
                bw[row, : len(seq)] = seq[::-1]
            states = self._run(fw, bw)
            n = self.hidden
            rows, cols, owners, chars = [], [], [], []
            for row, i in enumerate(chunk):
                for pos in items[i][1]:
                    rows.append(row)
                    cols.append(pos + 1)
                    owners.append(i)
                    chars.append(items[i][0][pos])
            if not rows:
                continue
            r = np.array(rows)
            col = np.array(cols)
            hidden = np.concatenate(
                [states[col, r, :n], states[lengths[r] - 1 - col, r, n:]], axis=1
            )
            # einsum, not @: these products are big enough for OpenBLAS to start threads.
            h0 = np.maximum(np.einsum("td,dk->tk", hidden, self.w0) + self.b0, 0)
            rows_c = np.array([self.cand_row[ch] for ch in chars])
            idx = self.cand_idx[rows_c]
            logits = np.einsum("tkd,td->tk", self.w1_rows[idx], h0)
            logits += self.b1[idx] + self.cand_pad[rows_c]
            yield owners, idx, logits

    def predict(self, items: Sequence[tuple[str, Sequence[int]]]) -> list[list[tuple[str, float]]]:
        """Readings (``xing2``) of the characters at the given positions of each sequence, each
        with its probability among the character's readings."""
        import numpy as np

        results: list[list[tuple[str, float]]] = [[] for _ in items]
        classes = self.classes
        for owners, idx, logits in self._logits(items):
            best_j = logits.argmax(axis=1)
            top = logits[np.arange(len(best_j)), best_j]
            probs = 1.0 / np.exp(logits - top[:, None]).sum(axis=1)
            best = idx[np.arange(len(best_j)), best_j]
            for i, b_, p_ in zip(owners, best.tolist(), probs.tolist(), strict=True):
                results[i].append((classes[b_], p_))
        return results

    def distributions(
        self, items: Sequence[tuple[str, Sequence[int]]]
    ) -> list[list[dict[str, float]]]:
        """Like :meth:`predict`, but every reading of each asked character with its probability.

        Examples:
            >>> (dist,), = polyphone_model().distributions([("他在银行工作", [3])])
            >>> sorted(dist) == sorted(polyphone_model().candidate_readings("行"))
            True
        """
        import numpy as np

        results: list[list[dict[str, float]]] = [[] for _ in items]
        classes = self.classes
        for owners, idx, logits in self._logits(items):
            z = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs = z / z.sum(axis=1, keepdims=True)
            for i, ids, ps in zip(owners, idx.tolist(), probs.tolist(), strict=True):
                results[i].append({classes[c]: p for c, p in zip(ids, ps, strict=True) if p > 0.0})
        return results

    def candidate_readings(self, char: str) -> tuple[str, ...]:
        """The readings (``hang2``) the model chooses among for ``char`` (``()``: not one of
        its polyphones)."""
        return tuple(self.classes[c] for c in self.candidates.get(char, ()))


# A read-only model loaded once (its arrays are never written after loading).
@cache
def polyphone_model() -> G2pM:
    """The g2pM model, loaded once per process."""
    return G2pM()
