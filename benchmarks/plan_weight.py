"""Choose the title weight of the no-whole-text paper vector on SciFact TRAIN (full 5,183-doc corpus).

    REVIEWER_HOME=/tmp/x reviewer eval retrieval      # any plan: builds the eval home's unit vectors once
    python -m benchmarks.plan_weight /tmp/x/evals/scifact [--split train] [--whole]

Reads the title + sentence matrices ingest cached for every SciFact abstract (no embedding besides the
claims, and the whole texts with --whole), then scores paper vectors normalise(w * title + (1 - w) *
mean(sentences)) for a grid of w, the plain centroid, and (--whole) the whole-text vector, exactly as
production searches: cosine top-100 by paper vector, re-scored with the best unit
(Settings.sentence_rerank), the home's bm25s index, convex fusion (Settings.dense_weight). Exact
cosine stands in for Chroma's HNSW. Dev is kept for reporting: pass --split dev only after choosing.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

from evals.metrics import mean, mrr_at_k, ndcg_at_k, recall_at_k
from evals.retrieval import load_claims, load_corpus, load_qrels
from reviewer.catalog import Catalog, paper_id
from reviewer.index import LexicalIndex
from reviewer.retrieve import convex
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache, mean_vectors

WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)


def load(home: Path, split: str, whole: bool) -> dict[str, Any]:
    settings = Settings(home=home, auto_ingest_seeds=False)
    docs = load_corpus()
    ids = [paper_id(d["title"].strip() or f"SciFact {d['doc_id']}") for d in docs]
    to_id = {str(d["doc_id"]): i for d, i in zip(docs, ids, strict=True)}
    qrels, claims = load_qrels(split=split), load_claims(split=split)
    judged = [c for c in claims if str(c["id"]) in qrels]
    cache = VectorCache(settings)
    matrices = cache.paper_matrices(ids)
    missing = [i for i in ids if i not in matrices]
    assert not missing, f"{len(missing)} papers have no cached units in {home}"
    with Catalog(settings.catalog_path) as catalog:
        papers = catalog.get_many(ids)
    queries = cache.embed([c["claim"] for c in judged])
    whole_vectors = cache.embed([papers[i].text for i in ids]) if whole else None
    cache.close()
    return {
        "settings": settings, "ids": ids, "matrices": [matrices[i] for i in ids],
        "titled": [bool(papers[i].title.strip()) for i in ids], "queries": queries,
        "claims": [c["claim"] for c in judged],
        "relevant": [{to_id[d] for d in qrels[str(c["id"])] if d in to_id} for c in judged],
        "lexical": LexicalIndex.load(settings.bm25_path), "whole": whole_vectors,
    }


def evaluate(data: dict[str, Any], papers: np.ndarray, pool: int = 100, rerank: float | None = None,
             dense_weight: float | None = None) -> dict[str, float]:
    s: Settings = data["settings"]
    rerank = s.sentence_rerank if rerank is None else rerank
    dense_weight = s.dense_weight if dense_weight is None else dense_weight
    ids, matrices = data["ids"], data["matrices"]
    units = np.concatenate(matrices)
    owner = np.repeat(np.arange(len(ids)), [len(m) for m in matrices])
    out: dict[str, list[float]] = {k: [] for k in ("dense ndcg", "dense recall", "dense mrr",
                                                   "hybrid ndcg", "hybrid recall", "hybrid mrr")}
    for q, vector in enumerate(data["queries"]):
        paper_scores = papers @ vector
        best = np.full(len(ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, owner, units @ vector)
        top = np.argsort(-paper_scores)[:pool]
        w = rerank
        dense = sorted(((ids[j], float(w * best[j] + (1 - w) * paper_scores[j])) for j in top), key=lambda x: -x[1])
        lexical = data["lexical"].query(data["claims"][q], pool)
        fused = convex([dense, lexical], [dense_weight, 1 - dense_weight])
        hybrid = sorted(fused, key=lambda d: (-fused[d], d))[:100]
        rel = data["relevant"][q]
        for mode, ranked in (("dense", [d for d, _ in dense]), ("hybrid", hybrid)):
            out[f"{mode} ndcg"].append(ndcg_at_k(ranked, rel, 10))
            out[f"{mode} recall"].append(recall_at_k(ranked, rel, 100))
            out[f"{mode} mrr"].append(mrr_at_k(ranked, rel, 10))
    return {k: mean(v) for k, v in out.items()}


def main() -> None:
    args = sys.argv[1:]
    home = Path(args[0])
    split = args[args.index("--split") + 1] if "--split" in args else "train"
    weights = [float(x) for x in args[args.index("--weights") + 1].split(",")] if "--weights" in args else WEIGHTS
    data = load(home, split, "--whole" in args)
    plans: dict[str, np.ndarray] = {} if "--no-centroid" in args else {
        "centroid (title + sentences)": mean_vectors(data["matrices"])}
    for w in weights:
        plans[f"title weight {w:.2f}"] = mean_vectors(data["matrices"], data["titled"], w)
    if data["whole"] is not None:
        plans["whole text (today)"] = data["whole"]
    print(f"SciFact {split}: {len(data['claims'])} claims over {len(data['ids'])} abstracts")
    print("| paper vector | hybrid nDCG@10 | hybrid recall@100 | hybrid MRR@10 | dense nDCG@10 | dense recall@100 |")
    print("|---|---|---|---|---|---|")
    reranks = [float(x) for x in args[args.index("--rerank") + 1].split(",")] if "--rerank" in args else [None]
    denses = [float(x) for x in args[args.index("--dense") + 1].split(",")] if "--dense" in args else [None]
    for (name, papers), rr, dw in ((p, rr, dw) for p in plans.items() for rr in reranks for dw in denses):
        r = evaluate(data, papers, rerank=rr, dense_weight=dw)
        if rr is not None or dw is not None:
            name = f"{name}, re-rank {rr if rr is not None else 'default'}, dense weight {dw if dw is not None else 'default'}"
        print(f"| {name} | {r['hybrid ndcg']:.4f} | {r['hybrid recall']:.4f} | {r['hybrid mrr']:.4f} | "
              f"{r['dense ndcg']:.4f} | {r['dense recall']:.4f} |", flush=True)


if __name__ == "__main__":
    main()
