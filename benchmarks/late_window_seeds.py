"""Issue 16 §6j: unit constructions screened on the seed sets, each ingested by production code into a fresh home.

    python -m benchmarks.late_window_seeds '{}' '{"minilm_model": "qint8-fused", "paper_vector": "late",
        "late_window": 96}' ...                    # each arm: settings over the defaults (JSON); '{}' = the default
    VARIANT=wholepaper python -m benchmarks.late_window_seeds ...   # what-ifs production does not have (below)
    python -m benchmarks.late_window_seeds --cosines [MODEL]     # unit and paper vectors vs embedded alone

Per arm: benchmarks/plan_seeds' bars through the production HybridRetriever (15 paraphrased known items, the
`ask` cited papers, the survey topics), the hybrid ranks that moved against the first arm, and §6i (b)'s
statistics over the top-100 dense candidates of the 57 seed questions: corr(best unit cosine, paper cosine), the
best unit's lead over the paper's mean unit, the sd of a paper's unit cosines, the mean best unit / paper cosine.
VARIANT (patched into reviewer.late_chunk for `late` arms only): `wholepaper` = short-window units but the paper
vector from one more whole-text pass (the `whole` plan's); `head<k>` = late units except the title and the first k
sentences, embedded alone.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

import benchmarks.plan_seeds as ps
import reviewer.late_chunk as lc
from benchmarks.fusion_grid import components
from benchmarks.late_seeds import detail, moved_ranks, seed_bars
from reviewer.embed import embed_texts
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def patch(variant: str) -> None:
    """Install a what-if unit construction (see the module docstring)."""
    embed, vectors = lc.late_embed, lc.late_vectors
    if variant == "wholepaper":
        def whole_paper(e: Any, papers: Any, body: int = 254, batch_size: int | None = None, short: int = 0,
                        paper: str = "whole") -> Any:
            return embed(e, papers, body, batch_size, short, "whole")
        lc.late_embed = whole_paper
    elif variant.startswith("head"):
        k = int(variant[4:])

        def head_alone(papers: Any, settings: Settings, embed_alone: Any = None) -> Any:
            whole, matrices = vectors(papers, settings, embed_alone)
            for (title, abstract), m in zip(papers, matrices, strict=True):
                units = lc.paper_sentences(title, abstract)[: k + 1]
                m[: len(units)] = embed_texts(units, settings)
            return whole, matrices
        lc.late_vectors = head_alone


def unit_stats(retriever: HybridRetriever) -> tuple[float, ...]:
    """§6i (b): how much the best-unit re-score can add to the paper cosine."""
    questions = [r["query"] for r in ps._rows("seeds_paraphrased.jsonl")]
    questions += [r["q"] for f in ("ask_dev.jsonl", "ask_holdout.jsonl") for r in ps._rows(f) if r.get("papers")]
    best, paper, lead, spread = [], [], [], []
    for question in questions:
        for _, cosine, sims in components(retriever, question, 100)[0]:
            best.append(float(sims[0]))
            paper.append(cosine)
            lead.append(float(sims[0] - sims.mean()))
            spread.append(float(sims.std()))
    return (float(np.corrcoef(best, paper)[0, 1]), float(np.mean(lead)), float(np.mean(spread)),
            float(np.mean(best)), float(np.mean(paper)))


def cosines(model: str) -> None:
    """Over every seed paper: each window budget's units vs the same units embedded alone, its paper vector
    vs the whole text embedded, and how alike a paper's units are (the late plan's 254 first, then alone)."""
    from evals.seed_claims import seed_papers_by_title
    from reviewer.embed import MiniLMEmbedder

    papers = [(p.title, p.abstract) for p in seed_papers_by_title().values()]
    embedder = MiniLMEmbedder(batch_size=16, model=model)
    units = [lc.paper_sentences(t, a) for t, a in papers]
    flat = embedder.embed([u for g in units for u in g] + [f"{t}. {a}" for t, a in papers])
    bounds = np.cumsum([0] + [len(g) for g in units])
    alone = [flat[x:y] for x, y in zip(bounds[:-1], bounds[1:], strict=True)]
    whole = lc._unit(flat[bounds[-1]:])

    def alike(ms: list[np.ndarray]) -> float:
        return float(np.mean([(m @ m.T)[~np.eye(len(m), dtype=bool)].mean() for m in ms if len(m) > 1]))

    for short in (0, 64, 96, 128):
        w, ms, _ = lc.late_embed(embedder, papers, short=short, paper="windows")
        cos = np.concatenate([(m * a).sum(1) for m, a in zip(ms, alone, strict=True)])
        title = np.mean([float(m[0] @ a[0]) for m, a in zip(ms, alone, strict=True)])
        pw = (w * whole).sum(1)
        print(f"window {short or 'late (254)'}: unit vs alone {cos.mean():.3f} (titles {title:.3f}); paper vector vs "
              f"whole text {pw.mean():.4f} (min {pw.min():.3f}); between a paper's units {alike(ms):.3f}", flush=True)
    print(f"units alone: between a paper's units {alike(alone):.3f}")


def main() -> None:
    if sys.argv[1] == "--cosines":
        cosines(sys.argv[2] if len(sys.argv) > 2 else "qint8-fused")
        return
    if os.environ.get("VARIANT"):
        patch(os.environ["VARIANT"])
    print("| arm | known-item hybrid MRR / top-1 | dense | ask hybrid MRR | topics recall@20 / nDCG@10 "
          "| corr(best unit, paper) | best - mean unit | sd of units | best unit / paper cosine |")
    print("|---|---|---|---|---|---|---|---|---|")
    first: list[int] = []
    with tempfile.TemporaryDirectory(prefix="late-window-") as tmp:
        for n, arm in enumerate(sys.argv[1:]):
            settings = Settings(home=Path(tmp) / str(n), auto_ingest_seeds=False, **json.loads(arm))
            retriever, bars = seed_bars(settings)
            c = unit_stats(retriever)
            print(f"| `{arm}` | {bars} | {c[0]:.3f} | {c[1]:.3f} | {c[2]:.3f} | {c[3]:.3f} / {c[4]:.3f} |", flush=True)
            ranks = detail(retriever)
            first = first or ranks
            if n:
                print(f"  hybrid ranks moved vs the first arm: {moved_ranks(first, ranks)}", flush=True)


if __name__ == "__main__":
    main()
