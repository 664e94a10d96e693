"""benchmarks/fusion_grid.py fuses in memory what HybridRetriever.search fuses: its grid figures are production's."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.fusion_grid import components, fuse, parse_point
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

PARAPHRASED = Path(__file__).resolve().parent.parent / "evals" / "datasets" / "seeds_paraphrased.jsonl"
POINTS = ("production", "w=0.4", "rr=0.7", "pool=150", "w=0.6,rr=0.3,pool=120")


def test_in_memory_fusion_ranks_as_the_production_search(settings: Settings) -> None:
    queries = [json.loads(line)["query"] for line in PARAPHRASED.read_text().splitlines()][:8]
    parts = {q: components(HybridRetriever(settings), q) for q in queries}
    for text in POINTS:
        point = parse_point(text)
        production = HybridRetriever(settings.model_copy(update={
            "dense_weight": point.get("w", 0.5), "sentence_rerank": point.get("rr", 0.5),
            "candidate_pool": point.get("pool", 100)}))
        for query in queries:
            expected = [h.id for h in production.search(query, k=30)]
            assert fuse(*parts[query], **point, k=30) == expected, (text, query)


def test_contrast_favours_the_paper_whose_best_unit_stands_out() -> None:
    import numpy as np

    # equal paper cosine and equal best unit; only b's other units are far below its best one
    dense = [("a", 0.5, np.array([0.6, 0.58, 0.57])), ("b", 0.5, np.array([0.6, 0.3, 0.2]))]
    assert fuse(dense, [], contrast=0.0, k=2) == ["a", "b"]  # a tie, broken by id
    assert fuse(dense, [], contrast=0.5, k=2) == ["b", "a"]
