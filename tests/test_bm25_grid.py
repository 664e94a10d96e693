"""benchmarks/bm25_grid.py scores a BM25 variant as production does once the same settings are applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.bm25_grid import Variant, corpus, parse_variant
from reviewer.index import LexicalIndex
from reviewer.ingest.pipeline import ingest_paths
from reviewer.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PARAPHRASED = Path(__file__).resolve().parent.parent / "evals" / "datasets" / "seeds_paraphrased.jsonl"


@pytest.mark.parametrize("variant", ["production", "k1=1.2,title=2"])
def test_grid_variant_ranks_as_the_production_index(tmp_path: Path, variant: str) -> None:
    spec = parse_variant(variant)
    settings = Settings(home=tmp_path / "home", auto_ingest_seeds=False, bm25_k1=spec.get("k1", 1.5),
                        bm25_title_repeat=spec.get("title", 1))
    ingest_paths(settings, sorted(SEEDS.iterdir())[:60], quiet=True)
    production = LexicalIndex.load(settings.bm25_path)
    assert production is not None
    grid = Variant(*corpus(str(settings.catalog_path)), spec)
    queries = [json.loads(line)["query"] for line in PARAPHRASED.read_text().splitlines()][:8]
    for query in queries:
        expected, got = production.query(query, 20), grid.query(query, 20)
        assert [d for d, _ in got] == [d for d, _ in expected], query
        assert [round(s, 4) for _, s in got] == [round(s, 4) for _, s in expected], query
