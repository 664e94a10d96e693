"""Issue 16 §6i: the hybrid fusion grid of benchmarks/fusion_train.py, from one production pass per claim.

    python -m benchmarks.fusion_grid collect HOME MODEL PLAN SPLIT OUT.pkl [QUERY_MODEL]
    python -m benchmarks.fusion_grid eval OUT.pkl [production w=0.4 pool=200,contrast=0.5 ...]
    python -m benchmarks.fusion_grid ci OUT.pkl pool=200 ...

`collect` runs each judged claim of SPLIT once through the arm's HybridRetriever (HOME: a SciFact eval home built
by `REVIEWER_MINILM_MODEL=MODEL REVIEWER_PAPER_VECTOR=PLAN reviewer eval retrieval`) and keeps what fusion reads:
Chroma's top MAX_POOL papers with their paper cosine, every unit cosine of each, and BM25's top MAX_POOL. QUERY_MODEL
embeds the query with another MiniLM model (the float query of benchmarks/float_query_seeds.py). `eval` then fuses
any (dense_weight, sentence_rerank, candidate_pool <= MAX_POOL) point in memory, as HybridRetriever.search does
(tests/test_fusion_grid.py checks the ranking is the same), so a grid costs one pass, not one per point. `contrast`
is a what-if that production does not have: the best unit scores best + contrast x (best - the paper's mean unit).
`ci` prints each point's per-claim nDCG@10 change against the production point with a 95% bootstrap interval.
Tune on train; score dev once per chosen point; never the seeds.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.fusion_train import queries
from evals.metrics import mean, ndcg_at_k, recall_at_k
from reviewer.retrieve import HybridRetriever, convex
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache

MAX_POOL = 200
Dense = list[tuple[str, float, np.ndarray]]  # (paper id, paper cosine, unit cosines best first) in Chroma's order
Claim = tuple[set[str], Dense, list[tuple[str, float]]]  # relevant ids, dense candidates, BM25 (id, score)


def components(retriever: HybridRetriever, text: str, pool: int = MAX_POOL) -> tuple[Dense, list[tuple[str, float]]]:
    """What HybridRetriever.search fuses for one query, before any weight is applied."""
    vector = retriever.index_query(text)
    hits = retriever.store.query(vector, pool, None)
    matrices = VectorCache(retriever.index).paper_matrices([i for i, _ in hits], len(vector))
    dense = []
    for doc, cosine in hits:
        units = matrices.get(doc)
        sims = np.sort(units @ vector)[::-1] if units is not None and len(units) else np.array([cosine])
        dense.append((doc, cosine, sims.astype(np.float32)))
    return dense, retriever.bm25(text, pool)


def fuse(dense: Dense, lexical: list[tuple[str, float]], w: float = 0.5, rr: float = 0.5, pool: int = 100,
         contrast: float = 0.0, k: int = 100) -> list[str]:
    """The hybrid top k for one grid point: sentence re-score, then convex fusion, ties by id."""
    rescored = []
    for doc, cosine, sims in dense[:pool]:
        best = float(sims[0])
        best += contrast * (best - float(sims.mean()))
        rescored.append((doc, rr * best + (1 - rr) * cosine) if rr else (doc, cosine))
    rescored.sort(key=lambda x: -x[1])
    scores = convex([rescored, lexical[:pool]], [w, 1.0 - w])
    return sorted(scores, key=lambda d: (-scores[d], d))[:k]


def per_claim(claims: list[Claim], **point: Any) -> tuple[np.ndarray, np.ndarray]:
    """nDCG@10 and recall@100 of every claim at one grid point."""
    ndcg, recall = [], []
    for relevant, dense, lexical in claims:
        ranked = fuse(dense, lexical, **point)
        ndcg.append(ndcg_at_k(ranked, relevant, 10))
        recall.append(recall_at_k(ranked, relevant, 100))
    return np.array(ndcg), np.array(recall)


def parse_point(text: str) -> dict[str, Any]:
    """'pool=200,contrast=0.5' -> {'pool': 200, 'contrast': 0.5} (keys of fuse; 'production' = no change)."""
    pairs = [item.split("=") for item in text.split(",") if "=" in item]
    return {key: int(value) if key == "pool" else float(value) for key, value in pairs}


def collect(home: str, model: str, plan: str, split: str, out: str, query_model: str | None = None) -> None:
    settings = Settings(home=Path(home), auto_ingest_seeds=False, minilm_model=model, index_model=model,
                        paper_vector=plan)
    retriever = HybridRetriever(settings)
    if query_model:
        retriever.index_query = HybridRetriever(settings.model_copy(update={"index_model": query_model})).index_query
    claims = [(relevant, *components(retriever, text)) for text, relevant in queries(split)]
    Path(out).write_bytes(pickle.dumps(claims))
    print(f"{len(claims)} claims of SciFact {split} -> {out}")


def main() -> None:
    if sys.argv[1] == "collect":
        collect(*sys.argv[2:8])
        return
    claims: list[Claim] = pickle.loads(Path(sys.argv[2]).read_bytes())
    points = [parse_point(p) for p in sys.argv[3:]] or [{}]
    base = per_claim(claims)[0]
    for point in points:
        ndcg, recall = per_claim(claims, **point)
        line = f"{point or 'production'}: nDCG@10 {mean(list(ndcg)):.4f} R@100 {mean(list(recall)):.4f}"
        if sys.argv[1] == "ci":
            delta, rng = ndcg - base, np.random.default_rng(0)
            boot = [delta[rng.integers(0, len(delta), len(delta))].mean() for _ in range(2000)]
            line += (f"; vs production {delta.mean():+.4f} [{np.percentile(boot, 2.5):+.4f}, "
                     f"{np.percentile(boot, 97.5):+.4f}], {int((delta > 0).sum())} up / {int((delta < 0).sum())} down")
        print(line, flush=True)


if __name__ == "__main__":
    main()
