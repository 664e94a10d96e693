"""The seed sets with late-chunked unit vectors (issue 16, RESULTS.md §6e).

    git show c93425a:reviewer/assets/seed_vectors.npz > /tmp/q8pack.npz     # the qint8 model's seed vectors
    python -m benchmarks.late_seeds /tmp/q8pack.npz [wheel:today,wheel:late,qint8:today,qint8:late]

Each arm ingests the seeds into a fresh home with the model's bundled vectors (no embedding; paper vector =
the whole text, as today), then `late` arms replace every paper's stored unit matrix (title + sentences, what
the production HybridRetriever re-scores with) by its late-chunked one (reviewer/late_chunk.py), whose
whole-text vector is checked to equal the one Chroma holds. Then benchmarks/plan_seeds' sets run through the
production retriever: the 15 paraphrased known items, the `ask` cited papers, the survey topics.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

import benchmarks.plan_seeds as ps
from reviewer.catalog import Catalog
from reviewer.embed import MiniLMEmbedder
from reviewer.index import VectorStore
from reviewer.ingest.pipeline import ingest_paths
from reviewer.late_chunk import _unit, late_embed
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache


def late_units(settings: Settings, variant: str = "late") -> str:
    """Overwrite the home's unit matrices with late-chunked ones; returns a drift note for the record.

    variant `lateT`: the title row stays the one embedded alone (REVIEWER_LATE_TITLE_ALONE); `late+T`: the
    title alone added as one more row; `lateC<b>` /
    `lateTC<b>`: every late row minus b x the paper's whole-text vector, renormalised (benchmarks/late_title.py).
    """
    with Catalog(settings.catalog_path) as catalog:
        papers = catalog.papers()
    whole, matrices, _ = late_embed(MiniLMEmbedder(batch_size=16, model=settings.minilm_model),
                                    [(p.title, p.abstract) for p in papers])
    stored = VectorStore(settings).vectors([p.id for p in papers])
    drift = max(float(1 - whole[i] @ stored[p.id]) for i, p in enumerate(papers))
    cache = VectorCache(settings, remember=False)
    old = cache.paper_matrices([p.id for p in papers])
    if "C" in variant:
        beta = float(variant.split("C")[1])
        matrices = [_unit(m - beta * whole[i]) for i, m in enumerate(matrices)]
    if variant.startswith("lateT"):
        for m, p in zip(matrices, papers, strict=True):
            if p.title.strip():
                m[0] = old[p.id][0]
    if variant.startswith("late+T"):  # both title rows: the best-unit re-score takes the max of the two
        matrices = [np.vstack([m, old[p.id][:1]]) if p.title.strip() else m for m, p in zip(matrices, papers, strict=True)]
    cos = np.concatenate([(m[: len(old[p.id])] * old[p.id]).sum(axis=1) for m, p in zip(matrices, papers, strict=True)])
    cache.put_papers([(p.id, m) for p, m in zip(papers, matrices, strict=True)])
    cache.close()
    return (f"{len(papers)} papers, {len(cos)} units; whole-text vector vs Chroma's: max 1 - cos {drift:.1e}; "
            f"late vs separate units: mean cos {cos.mean():.3f}")


def main() -> None:
    ps.add_pack(Path(sys.argv[1]))
    arms = sys.argv[2].split(",") if len(sys.argv) > 2 else ["wheel:today", "wheel:late", "qint8:today", "qint8:late"]
    print("| arm | known-item dense MRR / top-1 | BM25 | hybrid MRR / top-1 | ask MRR@10 dense / hybrid "
          "| topics hybrid recall@20 / nDCG@10 |")
    print("|---|---|---|---|---|---|")
    notes = []
    ranks: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory(prefix="late-seeds-") as tmp:
        for n, arm in enumerate(arms):
            model, units = arm.split(":")
            settings = Settings(home=Path(tmp) / str(n), auto_ingest_seeds=False, minilm_model=model, index_model=model)
            ingest_paths(settings, [settings.seeds_dir], quiet=True)
            if units.startswith("late"):
                notes.append(f"{arm}: {late_units(settings, units)}")
            retriever = HybridRetriever(settings)
            k, a, t = ps.known_items(retriever), ps.ask_items(retriever), ps.topics(retriever)
            ranks[arm] = detail(retriever)
            cells = [f"{k[m][0]:.3f} / {k[m][1]}/{k[m][2]}" for m in ("dense", "bm25", "hybrid")]
            print(f"| {arm} | {' | '.join(cells)} | {a['dense']:.3f} / {a['hybrid']:.3f} (n={a['n']:.0f}) | "
                  f"{t['recall@20']:.3f} / {t['ndcg@10']:.3f} (n={t['n']:.0f}) |", flush=True)
    print("\n" + "\n".join(notes))
    first = next(iter(ranks))
    for arm, got in list(ranks.items())[1:]:
        names = [f"known {i + 1}" if i < 15 else f"ask {i - 14}" for i in range(len(got))]
        moved = [f"{q}: {a} -> {b}" for q, a, b in zip(names, ranks[first], got, strict=True) if a != b]
        print(f"hybrid ranks {first} -> {arm} ({len(moved)} of {len(got)} moved): " + "; ".join(moved))


def seed_bars(settings: Settings) -> tuple[HybridRetriever, str]:
    """Ingest the seeds into `settings.home` and give the retriever with its bar cells: known-item hybrid and dense
    MRR / top-1, `ask` hybrid MRR, topic recall@20 / nDCG@10 (a markdown row's middle, without outer pipes)."""
    ingest_paths(settings, [settings.seeds_dir], quiet=True)
    retriever = HybridRetriever(settings)
    k, a, t = ps.known_items(retriever), ps.ask_items(retriever), ps.topics(retriever)
    return retriever, (f"{k['hybrid'][0]:.3f} / {k['hybrid'][1]} | {k['dense'][0]:.3f} / {k['dense'][1]} "
                       f"| {a['hybrid']:.3f} | {t['recall@20']:.3f} / {t['ndcg@10']:.3f}")


def moved_ranks(first: list[int], ranks: list[int]) -> str:
    """The seed items whose hybrid rank differs between two arms' `detail` lists, as 'known 3: 2 -> 4; ...'."""
    names = [f"known {i + 1}" if i < 15 else f"ask {i - 14}" for i in range(len(ranks))]
    moved = [f"{q}: {x} -> {y}" for q, x, y in zip(names, first, ranks, strict=True) if x != y]
    return "; ".join(moved) or "none"


def detail(retriever: HybridRetriever) -> list[int]:
    """Hybrid rank of each known item (15 paraphrases) and of the first cited paper of each `ask` question."""
    rows = ps._rows("seeds_paraphrased.jsonl")
    out = []
    for row in rows:
        ids = [h.id for h in retriever.search(row["query"], k=50)]
        out.append(ids.index(ps.paper_id(row["title"])) + 1 if ps.paper_id(row["title"]) in ids else 99)
    for row in [r for f in ("ask_dev.jsonl", "ask_holdout.jsonl") for r in ps._rows(f) if r.get("papers")]:
        keys = [h.key for h in retriever.search(row["q"], k=10)]
        out.append(next((i + 1 for i, k in enumerate(keys) if k in set(row["papers"])), 99))
    return out


if __name__ == "__main__":
    main()
