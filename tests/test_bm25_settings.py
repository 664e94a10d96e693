"""The BM25 options of the hybrid search: title weight and k1 (benchmarks/RESULTS.md §6m), applied at ingest."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.catalog import Catalog
from reviewer.index import LexicalIndex
from reviewer.ingest.pipeline import ensure_ready, ingest_paths
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

# "coral bleaching" is the title of the first paper and one mention in the short abstract of the second: with the
# title indexed once, the shorter text wins on length; weighted twice (the default), the paper the words name wins.
PAPERS = [
    {"title": "Coral bleaching under marine heatwaves",
     "abstract": "We monitored forty reef sites across the Pacific for ten years, recording species counts, water "
                 "temperature, turbidity and nutrient levels after every storm season and every heat event."},
    {"title": "Satellite imagery of coastal waters",
     "abstract": "Daily satellite images track coral bleaching along shallow coasts."},
    {"title": "Fish larvae dispersal in ocean currents",
     "abstract": "A particle model follows larvae released at spawning grounds through seasonal currents."},
    {"title": "Seagrass meadows store carbon",
     "abstract": "Sediment cores from seagrass meadows hold more organic carbon than nearby bare sand."},
]
QUERY = "coral bleaching"


def _home(tmp_path: Path, **bm25: float) -> Settings:
    corpus = tmp_path / "reefs.jsonl"
    corpus.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    settings = Settings(home=tmp_path / "home", auto_ingest_seeds=False, **bm25)
    ingest_paths(settings, [corpus], quiet=True)
    return settings


def _top_title(settings: Settings) -> str:
    return HybridRetriever(settings).search(QUERY, k=1, mode="bm25")[0].title


def test_bm25_title_repeat_weighs_the_title(tmp_path: Path) -> None:
    settings = _home(tmp_path, bm25_title_repeat=1)  # "title. abstract", as before the setting
    assert _top_title(settings) == PAPERS[1]["title"]
    twice = settings.model_copy(update={"bm25_title_repeat": 2})
    assert twice.bm25_title_repeat == Settings().bm25_title_repeat  # the default
    ensure_ready(twice, quiet=True)  # the setting changed: the lexical index is rebuilt under it
    assert _top_title(twice) == PAPERS[0]["title"]


def test_bm25_k1_is_the_setting_and_a_change_rebuilds_the_index(tmp_path: Path) -> None:
    settings = _home(tmp_path, bm25_k1=1.5, bm25_title_repeat=1)
    built = LexicalIndex.load(settings.bm25_path)
    assert built is not None and built.retriever.k1 == settings.bm25_k1 == 1.5
    with Catalog(settings.catalog_path) as catalog:
        assert built.version == catalog.version()  # the legacy values: what homes built before the settings hold
    ensure_ready(settings.model_copy(update={"bm25_k1": 1.2, "bm25_title_repeat": 2}), quiet=True)  # the defaults
    rebuilt = LexicalIndex.load(settings.bm25_path)
    assert rebuilt is not None and rebuilt.retriever.k1 == 1.2 and rebuilt.version != built.version
