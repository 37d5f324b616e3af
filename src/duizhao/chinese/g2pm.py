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

__all__ = ["G2pM", "model_readings", "polyphone_model"]


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
        # PyTorch's gate order i, f, g, o becomes i, f, o, g (the three sigmoids side by side)
        gate_order = np.r_[0 : 2 * n, 3 * n : 4 * n, 2 * n : 3 * n]
        self.in_fw, self.in_bw, self.hh_fw, self.hh_bw = (
            np.ascontiguousarray(m[:, gate_order])
            for m in (self.in_fw, self.in_bw, self.hh_fw, self.hh_bw)
        )
        self.unk = self.char2idx["<UNK>"]
        self.bos = self.char2idx["시"]
        self.eos = self.char2idx["끝"]
        self.pad = self.char2idx.get("<PAD>", 0)
        # the one-character keys by code point, sorted, for looking up a whole text at once
        singles = sorted((ord(ch), i) for ch, i in self.char2idx.items() if len(ch) == 1)
        self._points = np.array([p for p, _ in singles], dtype=np.uint32)
        self._point_ids = np.array([i for _, i in singles], dtype=np.int64)
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

    def _ids(self, texts: Sequence[str]) -> list[Any]:
        """Each text's character ids (unknown characters: ``<UNK>``), looked up in one go."""
        import numpy as np

        joined = "".join(texts)
        points = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
        at = np.searchsorted(self._points, points)
        at[at == len(self._points)] = 0
        ids = np.where(self._points[at] == points, self._point_ids[at], self.unk)
        out, i = [], 0
        for t in texts:
            out.append(ids[i : i + len(t)])
            i += len(t)
        return out

    def _run(
        self, forward: Sequence[Any], backward: Sequence[Any]
    ) -> tuple[Any, list[tuple[int, int]], list[tuple[int, int]]]:
        """Both directions of the BiLSTM, each over its own id sequences.

        A batch holds up to 256 sequences of each direction, the backward ones shortest first,
        then the forward ones longest first, so that the rows still running at a step are one
        stretch of the batch: each step is computed for them only, both directions at once.

        Returns:
            ``(states, fw_at, bw_at)``: the state after step ``t`` of the ``i``-th forward
            sequence is ``states[base + t * stride]`` where ``(base, stride) = fw_at[i]``
            (``bw_at`` for the backward ones).
        """
        import numpy as np

        # sigmoid(x) = (tanh(x / 2) + 1) / 2: the i, f, o columns of the tables were halved when
        # loaded, so one tanh gives every gate (and never overflows, unlike exp); the gates are
        # ordered i, f, o, g, so the three sigmoids are one slice.
        n = self.hidden
        fw_order = sorted(range(len(forward)), key=lambda i: -len(forward[i]))
        bw_order = sorted(range(len(backward)), key=lambda i: -len(backward[i]))
        fw_at = [(0, 0)] * len(forward)
        bw_at = [(0, 0)] * len(backward)
        blocks = []
        offset = 0
        # The matrix products are taken 64 rows at a time: that keeps them below the size where
        # OpenBLAS starts threads, which on a busy machine made each step up to a hundred times
        # slower. The element-wise steps run on the whole batch at once.
        half, product_rows = 256, 64
        for b in range(0, max(len(fw_order), len(bw_order)), half):
            fws = fw_order[b : b + half]
            bws = bw_order[b : b + half][::-1]  # shortest first
            n_bw = len(bws)
            width = n_bw + len(fws)
            seqs = [backward[i] for i in bws] + [forward[i] for i in fws]
            lengths = [len(x) for x in seqs]
            steps = max(lengths)
            ids = np.full((steps, width), self.pad, dtype=np.int64)
            for row, seq in enumerate(seqs):
                ids[: lengths[row], row] = seq
            for row, i in enumerate(bws):
                bw_at[i] = (offset + row, width)
            for row, i in enumerate(fws, n_bw):
                fw_at[i] = (offset + row, width)
            gates = np.empty((steps, width, 4 * n), dtype=np.float32)
            gates[:, :n_bw] = self.in_bw[ids[:, :n_bw]]
            gates[:, n_bw:] = self.in_fw[ids[:, n_bw:]]
            # states[t + 1]: the state after step t (states[0]: the initial zeros)
            states = np.zeros((steps + 1, width, n), dtype=np.float32)
            c = np.zeros((width, n), dtype=np.float32)
            product = np.empty((width, 4 * n), dtype=np.float32)
            scratch = np.empty((width, n), dtype=np.float32)
            lo, hi = 0, width  # the rows still running
            for t in range(steps):
                while lo < n_bw and lengths[lo] <= t:
                    lo += 1
                while hi > n_bw and lengths[hi - 1] <= t:
                    hi -= 1
                h = states[t]
                for r in range(lo, n_bw, product_rows):
                    e = min(n_bw, r + product_rows)
                    np.matmul(h[r:e], self.hh_bw, out=product[r:e])
                for r in range(n_bw, hi, product_rows):
                    e = min(hi, r + product_rows)
                    np.matmul(h[r:e], self.hh_fw, out=product[r:e])
                g = gates[t, lo:hi]
                g += product[lo:hi]
                np.tanh(g, out=g)
                sig = g[:, : 3 * n]
                sig *= 0.5
                sig += 0.5
                ct = c[lo:hi]
                ct *= sig[:, n : 2 * n]
                u = scratch[lo:hi]
                np.multiply(sig[:, :n], g[:, 3 * n :], out=u)
                ct += u
                np.tanh(ct, out=u)
                np.multiply(sig[:, 2 * n :], u, out=states[t + 1, lo:hi])
            blocks.append(states[1:].reshape(steps * width, n))
            offset += steps * width
        if not blocks:
            return np.zeros((0, n), dtype=np.float32), fw_at, bw_at
        return np.concatenate(blocks), fw_at, bw_at

    @staticmethod
    def _covers(strings: Sequence[str]) -> tuple[list[str], list[int]]:
        """The strings that are no other's prefix, and for each string the one that covers it
        (a run over a string gives the states of every prefix of it)."""
        unique = sorted(set(strings))
        cover: dict[str, int] = {}
        kept: list[str] = []
        for i in range(len(unique) - 1, -1, -1):
            u = unique[i]
            if i + 1 < len(unique) and unique[i + 1].startswith(u):
                cover[u] = cover[unique[i + 1]]
            else:
                cover[u] = len(kept)
                kept.append(u)
        return kept, [cover[x] for x in strings]

    def _logits(
        self, items: Sequence[tuple[str, Sequence[int]]]
    ) -> Iterator[tuple[list[int], Any, Any]]:
        """For each batch of asked positions: the owners (item index of each, in order), the
        candidate classes ``(positions, width)`` and their logits (padding at ``-1e9``).

        Each sequence is ``<BOS> characters <EOS>``. The forward direction is run from the
        start to the last asked position, the backward one from the end to the first; a run
        serves every sequence whose part it starts with (a sentence asked about twice, the same
        start with a different end).
        """
        import numpy as np

        asked = [i for i, (_, positions) in enumerate(items) if positions]
        forward, fw_cover = self._covers([items[i][0][: max(items[i][1]) + 1] for i in asked])
        backward, bw_cover = self._covers(
            [items[i][0][min(items[i][1]) :][::-1] for i in asked]
        )
        ids = self._ids(forward + backward)
        bos, eos = np.array([self.bos]), np.array([self.eos])
        states, fw_runs, bw_runs = self._run(
            [np.concatenate([bos, x]) for x in ids[: len(forward)]],
            [np.concatenate([eos, x]) for x in ids[len(forward) :]],
        )
        fw_at: list[int] = []
        bw_at: list[int] = []
        owners: list[int] = []
        chars: list[str] = []
        for i, f, b in zip(asked, fw_cover, bw_cover, strict=True):
            text, positions = items[i]
            # position k is step k + 1 forward; backward, the run starts at the end of the
            # text (step 0 is <EOS>) and reaches k at step len(text) - k
            (fb, fs), (bb, bs) = fw_runs[f], bw_runs[b]
            last = len(text)
            for k in positions:
                fw_at.append(fb + (k + 1) * fs)
                bw_at.append(bb + (last - k) * bs)
                chars.append(text[k])
            owners.extend([i] * len(positions))
        if not owners:
            return
        hidden = np.concatenate([states[fw_at], states[bw_at]], axis=1)
        rows_all = np.array([self.cand_row[ch] for ch in chars])
        # einsum, not @: these products are big enough for OpenBLAS to start threads.
        for a in range(0, len(owners), 1024):
            h0 = np.maximum(np.einsum("td,dk->tk", hidden[a : a + 1024], self.w0) + self.b0, 0)
            rows_c = rows_all[a : a + 1024]
            idx = self.cand_idx[rows_c]
            logits = np.einsum("tkd,td->tk", self.w1_rows[idx], h0)
            logits += self.b1[idx] + self.cand_pad[rows_c]
            yield owners[a : a + 1024], idx, logits

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


def model_readings() -> tuple[str, ...]:
    """Every reading (``hang2``, ``r5``) the model can give, read from its wheel without loading
    the model (``()`` when g2pM is not installed): the pinyin table spells each of them, so that
    no reading of the model sends the romaniser to pypinyin in the middle of a run."""
    import pickle

    try:
        import g2pM
    except ImportError:
        return ()
    with (Path(g2pM.__file__).parent / "class2idx.pkl").open("rb") as fh:
        class2idx: dict[str, int] = pickle.load(fh)
    return tuple(sorted(class2idx))


# A read-only model loaded once (its arrays are never written after loading).
@cache
def polyphone_model() -> G2pM:
    """The g2pM model, loaded once per process."""
    return G2pM()
