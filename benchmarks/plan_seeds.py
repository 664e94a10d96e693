"""Retrieval over the seeds under each paper-vector plan: `python -m benchmarks.plan_seeds [plan ...]`.

Plans: 'whole' (one more embedding of "title. abstract"), 'mean' (the plain mean of the title +
sentence vectors) and 'w=0.3' style (normalise(w * title + (1 - w) * mean of the sentence vectors)),
each optionally prefixed by the MiniLM model: 'wheel:whole', 'qint8:w=0.3' (REVIEWER_MINILM_MODEL).
The bundled pack holds the default model's seed vectors; `--pack OLD.npz` adds another model's pack
(e.g. the one git has from before the model change) so that arm need not embed the seeds either.
Each is ingested into a fresh home that differs only in those settings (bundled seed vectors: no
embedding), then searched with the production HybridRetriever:

* known items: the 15 paraphrased questions of evals/datasets/seeds_paraphrased.jsonl (each names one
  seed paper without its title): MRR and top-1 per retriever, as tests/test_search.py computes them;
* known items: the `ask` dev + holdout questions (evals/datasets/ask_*.jsonl) with their cited papers;
* topics: the survey dev + holdout topics and their paraphrases (evals/datasets/survey_*.jsonl) with
  hand-picked relevant sets: recall@20 and nDCG@10 of hybrid search;
* the 8 questions and 4 topics of evals/datasets/seed_topics.json (no relevance labels): the share of
  each plan's hybrid top 10 that the first plan also returns.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from evals.metrics import mean, ndcg_at_k, recall_at_k
from reviewer.catalog import paper_id
from reviewer.ingest.pipeline import ingest_paths
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"
PARAPHRASED = DATASETS / "seeds_paraphrased.jsonl"


def _rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATASETS / name).read_text().splitlines() if line.strip()]


def plan_settings(plan: str) -> dict[str, Any]:
    """A plan's index settings. The model prefix is the INDEX model (Settings.index_model; no prefix: the wheel's,
    as before the two roles); the reading model stays Settings' default. Pool and BM25 follow Settings' defaults
    unless an arm sets them (benchmarks.seed_gate: `@100,k1=1.5,title=1` for the pre-split baseline)."""
    model, _, plan = plan.rpartition(":")
    extra = {"index_model": model or "wheel"}
    if plan.startswith("w="):
        return {"paper_vector": "mean", "paper_title_weight": float(plan[2:]), **extra}
    return {"paper_vector": plan, "paper_title_weight": None, **extra}


def add_pack(path: Path) -> None:
    """Serve another pack's vectors too: keys include the model, so packs of two models never collide."""
    import numpy as np

    import reviewer.vector_cache as vc

    bundled = vc.seed_pack()
    with np.load(path) as pack:
        extra = {row.tobytes().hex(): v for row, v in zip(pack["hashes"], pack["vectors"], strict=True)}
    merged = {**extra, **bundled}
    vc.seed_pack = lambda: merged  # type: ignore[assignment]


def known_items(retriever: HybridRetriever, name: str = PARAPHRASED.name) -> dict[str, tuple[float, int, int]]:
    """MRR, top-1 and count per search mode over a known-item set (seeds_known_blind.jsonl: branch k33's 60)."""
    rows = _rows(name)
    out = {}
    for mode in ("dense", "bm25", "hybrid"):
        ranks = []
        for row in rows:
            ids = [h.id for h in retriever.search(row["query"], k=50, mode=mode)]  # type: ignore[arg-type]
            target = paper_id(row["title"])
            ranks.append(ids.index(target) + 1 if target in ids else 1000)
        out[mode] = (sum(1 / r for r in ranks) / len(ranks), sum(r == 1 for r in ranks), len(ranks))
    return out


def ask_items(retriever: HybridRetriever) -> dict[str, float]:
    """MRR@10 of the first cited paper of each ask question (dense and hybrid)."""
    rows = [r for f in ("ask_dev.jsonl", "ask_holdout.jsonl") for r in _rows(f) if r.get("papers")]
    return ask_mrr_of(retriever, rows, ("dense", "hybrid"))


def ask_mrr_of(retriever: HybridRetriever, rows: list[dict[str, Any]], modes: tuple[str, ...]) -> dict[str, float]:
    """MRR@10 of the first cited paper of each row's question, per search mode, and the row count as 'n'."""
    out: dict[str, float] = {}
    for mode in modes:
        rr = []
        for row in rows:
            keys = [h.key for h in retriever.search(row["q"], k=10, mode=mode)]  # type: ignore[arg-type]
            hits = [i for i, k in enumerate(keys) if k in set(row["papers"])]
            rr.append(1 / (hits[0] + 1) if hits else 0.0)
        out[mode] = mean(rr)
    out["n"] = len(rows)
    return out


def topics(retriever: HybridRetriever) -> dict[str, float]:
    rows = [r for f in ("survey_dev.jsonl", "survey_holdout.jsonl") for r in _rows(f)]
    recall, ndcg = [], []
    for row in rows:
        for query in (row["topic"], row["paraphrase"]):
            keys = [h.key for h in retriever.search(query, k=20)]
            recall.append(recall_at_k(keys, set(row["relevant"]), 20))
            ndcg.append(ndcg_at_k(keys, set(row["relevant"]), 10))
    return {"recall@20": mean(recall), "ndcg@10": mean(ndcg), "n": len(recall)}


def seed_topic_tops(retriever: HybridRetriever) -> list[list[str]]:
    data = json.loads((DATASETS / "seed_topics.json").read_text())
    return [[h.id for h in retriever.search(q, k=10)] for q in data["questions"] + data["surveys"]]


def main() -> None:
    args = sys.argv[1:]
    if "--pack" in args:
        at = args.index("--pack")
        add_pack(Path(args[at + 1]))
        args = args[:at] + args[at + 2 :]
    plans = args or ["whole", "mean"]
    if not any(p.rpartition(":")[2] == "whole" for p in plans):
        plans = ["whole", *plans]
    reference: list[list[str]] = []
    print("| plan | known-item dense MRR / top-1 | BM25 | hybrid MRR / top-1 | ask MRR@10 dense / hybrid "
          "| topics hybrid recall@20 / nDCG@10 | seed_topics top-10 overlap with the first plan |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="plan-seeds-") as tmp:
        for plan in plans:
            settings = Settings(home=Path(tmp) / plan.replace(":", "-"), auto_ingest_seeds=False, **plan_settings(plan))
            ingest_paths(settings, [settings.seeds_dir], quiet=True)
            retriever = HybridRetriever(settings)
            k, a, t = known_items(retriever), ask_items(retriever), topics(retriever)
            tops = seed_topic_tops(retriever)
            reference = reference or tops  # the first plan's
            overlap = mean([len(set(x) & set(y)) / 10 for x, y in zip(tops, reference, strict=True)])
            cells = [f"{k[m][0]:.3f} / {k[m][1]}/{k[m][2]}" for m in ("dense", "bm25", "hybrid")]
            print(f"| {plan} | {' | '.join(cells)} | {a['dense']:.3f} / {a['hybrid']:.3f} (n={a['n']:.0f}) | "
                  f"{t['recall@20']:.3f} / {t['ndcg@10']:.3f} (n={t['n']:.0f}) | {overlap:.2f} |", flush=True)


if __name__ == "__main__":
    main()
