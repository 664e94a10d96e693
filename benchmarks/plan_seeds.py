"""Known-item retrieval over the seeds under each paper-vector plan: `python -m benchmarks.plan_seeds`.

The 15 paraphrased questions of evals/datasets/seeds_paraphrased.jsonl (each names one seed paper
without its title), searched in two fresh homes that differ only in Settings.paper_vector: 'whole'
(today's plan: one more embedding of "title. abstract") and 'mean' (the mean of title + sentence
vectors). MRR and top-1 per retriever, as tests/test_search.py computes them.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from reviewer.catalog import paper_id
from reviewer.ingest.pipeline import ingest_paths
from reviewer.retrieve import HybridRetriever
from reviewer.settings import REPO_ROOT, Settings

PARAPHRASED = REPO_ROOT / "evals" / "datasets" / "seeds_paraphrased.jsonl"


def scores(settings: Settings) -> dict[str, tuple[float, int]]:
    rows = [json.loads(line) for line in PARAPHRASED.read_text().splitlines()]
    retriever = HybridRetriever(settings)
    out = {}
    for mode in ("dense", "bm25", "hybrid"):
        ranks = []
        for row in rows:
            ids = [h.id for h in retriever.search(row["query"], k=50, mode=mode)]  # type: ignore[arg-type]
            target = paper_id(row["title"])
            ranks.append(ids.index(target) + 1 if target in ids else 1000)
        out[mode] = (sum(1 / r for r in ranks) / len(ranks), sum(r == 1 for r in ranks))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="plan-seeds-") as tmp:
        for plan in ("whole", "mean"):
            settings = Settings(home=Path(tmp) / plan, paper_vector=plan, auto_ingest_seeds=False)
            ingest_paths(settings, [settings.seeds_dir], quiet=True)
            for mode, (mrr, top1) in scores(settings).items():
                print(f"| {plan} | {mode} | {mrr:.3f} | {top1}/15 |", flush=True)


if __name__ == "__main__":
    main()
