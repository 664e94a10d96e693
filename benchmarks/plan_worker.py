"""Worker side of bench_plan: embedding throughput of each plan and knob, interleaved in one process.

Every variant embeds exactly the texts its plan needs for the same papers (titles, sentences, whole
texts, each at its plan's max_length), one variant after another in a rotating order per round, so
load drift on the shared machine hits all of them alike. Speed-only knobs (batch size, bucketing,
onnxruntime options, threads, a 2-process pool) also report how far their vectors move from the
baseline's (1 - cosine), since quantised int8 activations depend a little on batch composition.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np

_POOL_EMBEDDER: Any = None


def _pool_init(max_length: int, batch_size: int) -> None:
    global _POOL_EMBEDDER
    from reviewer.embed import MiniLMEmbedder

    _POOL_EMBEDDER = MiniLMEmbedder(max_length=max_length, batch_size=batch_size, threads=1)
    _POOL_EMBEDDER.embed(["warm up the session"])


def _pool_embed(texts: list[str]) -> np.ndarray:
    return _POOL_EMBEDDER.embed(texts)


def _papers(path: str, n: int) -> list[tuple[str, str]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            out.append((obj["title"].strip(), obj["abstract"].strip()))
            if len(out) >= n:
                break
    return out


def task_plan_speed(args: dict[str, Any]) -> dict[str, Any]:
    """Seconds per variant per round; the variant spec names its plan and its knobs."""
    from reviewer.embed import MiniLMEmbedder
    from reviewer.vector_cache import mean_vectors, paper_sentences

    papers = _papers(args["jsonl"], args["n"])
    groups = [paper_sentences(t, a) for t, a in papers]
    sessions: dict[tuple[Any, ...], MiniLMEmbedder] = {}
    pools: dict[int, ProcessPoolExecutor] = {}

    def session(ml: int, v: dict[str, Any]) -> MiniLMEmbedder:
        key = (ml, v.get("threads"), v.get("graph_level", "all"), v.get("arena", False), v.get("spin", True))
        if key not in sessions:
            sessions[key] = MiniLMEmbedder(max_length=ml, threads=key[1], graph_level=key[2], arena=key[3],
                                           spin=key[4])
            sessions[key].embed(["warm up the session"])
        return sessions[key]

    def run(v: dict[str, Any]) -> np.ndarray:
        """Embed what the plan embeds; returns the paper vectors (the quality-relevant output)."""
        by_length: dict[int, list[str]] = {}
        for g in groups:
            by_length.setdefault(v.get("title_length", 256), []).append(g[0])
            by_length.setdefault(v.get("sentence_length", 256), []).extend(g[1:])
        if v.get("whole"):
            by_length.setdefault(256, []).extend(f"{t}. {a}" for t, a in papers)
        got: dict[int, np.ndarray] = {}
        for ml, texts in by_length.items():
            if v.get("procs", 1) > 1:
                half = (len(texts) + 1) // 2
                parts = list(pools[ml].map(_pool_embed, [texts[:half], texts[half:]]))
                got[ml] = np.concatenate(parts)
            else:
                emb = session(ml, v)
                emb.batch_size = v.get("batch_size", 16)
                got[ml] = emb.embed(texts, sort_by_length=v.get("sort", True))
        if v.get("whole"):
            return got[256][-len(papers):]
        cursor = {ml: 0 for ml in got}
        matrices = []
        for g in groups:
            rows = []
            for ml, count in ((v.get("title_length", 256), 1), (v.get("sentence_length", 256), len(g) - 1)):
                rows.append(got[ml][cursor[ml] : cursor[ml] + count])
                cursor[ml] += count
            matrices.append(np.concatenate(rows))
        return mean_vectors(matrices)

    variants: dict[str, dict[str, Any]] = args["variants"]
    for v in variants.values():
        if v.get("procs", 1) > 1:
            for ml in {v.get("title_length", 256), v.get("sentence_length", 256)}:
                if ml not in pools:
                    pools[ml] = ProcessPoolExecutor(2, initializer=_pool_init, initargs=(ml, v.get("batch_size", 16)))
                    list(pools[ml].map(_pool_embed, [["warm"], ["up"]]))
    names = list(variants)
    times: dict[str, list[float]] = {n: [] for n in names}
    outputs: dict[str, np.ndarray] = {}
    for r in range(args["rounds"]):
        for name in names[r % len(names):] + names[: r % len(names)]:
            t0 = time.perf_counter()
            outputs[name] = run(variants[name])
            times[name].append(time.perf_counter() - t0)
    drift = {}
    for name, v in variants.items():
        reference = v.get("same_vectors_as")
        if reference:
            cos = np.sum(outputs[name] * outputs[reference], axis=1)
            drift[name] = float(1 - cos.min())
    for pool in pools.values():
        pool.shutdown()
    texts = sum(len(g) for g in groups)
    return {"times": times, "drift": drift, "papers": len(papers), "units": texts}
