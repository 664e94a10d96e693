"""Issue 16 §6h: retune the hybrid fusion on SciFact TRAIN for one embedding arm, through the production retriever.

    python -m benchmarks.fusion_train HOME MODEL PLAN SPLIT [dense_weight:rerank:pool ...]

HOME is a SciFact eval home built with that arm (`REVIEWER_MINILM_MODEL=MODEL REVIEWER_PAPER_VECTOR=PLAN
reviewer eval retrieval`, i.e. evals.retrieval.build_home: Chroma + the unit rows the re-score reads). Each grid
point (Settings.dense_weight, Settings.sentence_rerank, Settings.candidate_pool) runs every claim of SPLIT
through HybridRetriever.search (hybrid mode) and prints nDCG@10 / recall@100. Tune on `train`; score `dev` once
with the chosen point; never the seeds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from evals.metrics import mean, ndcg_at_k, recall_at_k
from evals.retrieval import load_claims, load_corpus, load_qrels
from reviewer.catalog import paper_id
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

GRID = ("0.5:0.5:100", "0.4:0.5:100", "0.6:0.5:100", "0.5:0.4:100", "0.5:0.6:100", "0.5:0.5:200")


def queries(split: str) -> list[tuple[str, set[str]]]:
    """(claim text, relevant paper ids) of the judged claims of one split."""
    qrels = load_qrels(split=split)
    to_paper = {str(d["doc_id"]): paper_id(d["title"].strip() or f"SciFact {d['doc_id']}") for d in load_corpus()}
    return [(c["claim"], {to_paper[d] for d in qrels[str(c["id"])]}) for c in load_claims(split=split)
            if str(c["id"]) in qrels]


def score(settings: Settings, items: list[tuple[str, set[str]]]) -> tuple[float, float]:
    """Mean hybrid nDCG@10 and recall@100 over the items, as evals.retrieval.run_retrieval_eval computes them."""
    retriever = HybridRetriever(settings)
    ndcg, recall = [], []
    for text, relevant in items:
        ranked = [h.id for h in retriever.search(text, k=100, mode="hybrid")]
        ndcg.append(ndcg_at_k(ranked, relevant, 10))
        recall.append(recall_at_k(ranked, relevant, 100))
    return mean(ndcg), mean(recall)


def main() -> None:
    home, model, plan, split = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    base = Settings(home=home, auto_ingest_seeds=False, minilm_model=model, index_model=model,
                    paper_vector=plan)
    items = queries(split)
    print(f"{model} {plan}, SciFact {split}: {len(items)} claims")
    print("| dense_weight | sentence_rerank | candidate_pool | hybrid nDCG@10 | recall@100 |\n|---|---|---|---|---|")
    for point in sys.argv[5:] or GRID:
        w, rr, pool = point.split(":")
        settings = base.model_copy(update={"dense_weight": float(w), "sentence_rerank": float(rr),
                                           "candidate_pool": int(pool)})
        ndcg, recall = score(settings, items)
        print(f"| {w} | {rr} | {pool} | {ndcg:.4f} | {recall:.4f} |", flush=True)


if __name__ == "__main__":
    main()
