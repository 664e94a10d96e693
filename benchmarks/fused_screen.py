"""Screen MiniLM model files side by side: `python -m benchmarks.fused_screen N_DOCS ARMS [ROUNDS]` (§6g).

ARMS is JSON: {"name": [model_or_path, per_text, batch], ...}; model_or_path is a Settings.minilm_model value
('wheel', 'wheel-export', 'qint8') or an .onnx path. One process embeds the texts a cold ingest of N_DOCS SciFact
abstracts embeds (title, sentences, whole text) with each arm, arms interleaved, and prints the median process CPU
seconds (speed vs the first arm) and 1 - cos against the first arm. `--rss MODEL` instead prints the peak RSS of a
process that loads MODEL and embeds those texts at batch 16.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.data import scifact_docs
from reviewer.embed import MiniLMEmbedder
from reviewer.textutil import split_sentences

MODELS = ("wheel", "wheel-export", "qint8", "qint8-fused")


def ingest_texts(n_docs: int) -> list[str]:
    texts: list[str] = []
    for d in scifact_docs()[:n_docs]:
        abstract = " ".join(d["abstract"])
        texts += [d["title"], *split_sentences(abstract), f"{d['title']}. {abstract}"]
    return texts


def embedder(model: str, per_text: bool, batch: int) -> MiniLMEmbedder:
    if model in MODELS:
        return MiniLMEmbedder(batch_size=batch, model=model, per_text=per_text)
    return MiniLMEmbedder(batch_size=batch, path=Path(model), per_text=per_text)


def main() -> None:
    if sys.argv[1] == "--rss":
        texts = ingest_texts(32)
        MiniLMEmbedder(batch_size=16, model=sys.argv[2]).embed(texts)
        print(f"{sys.argv[2]}: {len(texts)} texts, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        return
    texts = ingest_texts(int(sys.argv[1]))
    arms = json.loads(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    embs = {name: embedder(*spec) for name, spec in arms.items()}
    vectors: dict[str, np.ndarray] = {}
    times: dict[str, list[float]] = {name: [] for name in arms}
    for r in range(rounds):
        for name in list(arms) if r % 2 == 0 else list(arms)[::-1]:
            start = time.process_time()
            vectors[name] = embs[name].embed(texts)
            times[name].append(time.process_time() - start)
    ref = next(iter(arms))
    print(f"{len(texts)} texts")
    for name in arms:
        drift = 1 - (vectors[name] * vectors[ref]).sum(axis=1)
        print(f"{name:28s} CPU {np.median(times[name]):6.2f} s  vs {ref} {np.median(times[ref]) / np.median(times[name]):.2f}x  "
              f"1 - cos mean {drift.mean():.1e} max {drift.max():.1e}  rounds {[round(t, 2) for t in times[name]]}")


if __name__ == "__main__":
    main()
