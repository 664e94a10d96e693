"""Issue 16 §6m: plan_seeds' bars under each BM25 setting, one seed ingest per plan.

    python -m benchmarks.bm25_seeds PLAN[@pool] ... -- K1:TITLE ...

e.g. `whole qint8-fused:late qint8-fused:late@200 -- 1.5:1 1.2:2`. Each plan (benchmarks.plan_seeds syntax) is
ingested once into a temporary home; each BM25 setting then rebuilds only the lexical index (ensure_ready) and the
known items, `ask` questions and survey topics of benchmarks/plan_seeds are searched with HybridRetriever.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.plan_seeds import ask_items, known_items, plan_settings, topics
from reviewer.ingest.pipeline import ensure_ready, ingest_paths
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def main() -> None:
    at = sys.argv.index("--")
    plans, lexical = sys.argv[1:at], [tuple(x.split(":")) for x in sys.argv[at + 1 :]]
    print("| plan | BM25 k1 / title | known-item BM25 MRR / top-1 | hybrid MRR / top-1 | ask MRR@10 hybrid "
          "| topics hybrid recall@20 / nDCG@10 |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bm25-seeds-") as tmp:
        for plan in plans:
            name, _, pool = plan.partition("@")
            base = Settings(home=Path(tmp) / name.replace(":", "-"), auto_ingest_seeds=False,
                            candidate_pool=int(pool or 100), **plan_settings(name))
            if not base.catalog_path.exists():
                ingest_paths(base, [base.seeds_dir], quiet=True)
            for k1, title in lexical:
                settings = base.model_copy(update={"bm25_k1": float(k1), "bm25_title_repeat": int(title)})
                ensure_ready(settings, quiet=True)
                retriever = HybridRetriever(settings)
                k, a, t = known_items(retriever), ask_items(retriever), topics(retriever)
                print(f"| {plan} | {k1} / {title} | {k['bm25'][0]:.3f} / {k['bm25'][1]} | {k['hybrid'][0]:.3f} / "
                      f"{k['hybrid'][1]} | {a['hybrid']:.3f} | {t['recall@20']:.3f} / {t['ndcg@10']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
