"""A large ingest never holds every paper at once (issue 16's 100k peak-RSS bar, benchmarks/RESULTS.md §5).

Indexing reads papers from the catalogue a chunk at a time and the BM25 build keeps only ids and texts; these tests
watch the real catalogue's reads during a real seed ingest (343 papers, the seed pack's vectors: nothing embedded).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.catalog import Catalog
from reviewer.index import EMBED_CHUNK
from reviewer.ingest.pipeline import ensure_ready
from reviewer.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_indexing_reads_the_catalogue_a_chunk_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    whole_lists: list[int] = []
    get_many, papers = Catalog.get_many, Catalog.papers

    def counting_get_many(self: Catalog, ids):  # type: ignore[no-untyped-def]
        ids = list(ids)
        reads.append(len(ids))
        return get_many(self, ids)

    def counting_papers(self: Catalog):  # type: ignore[no-untyped-def]
        found = papers(self)
        whole_lists.append(len(found))
        return found

    monkeypatch.setattr(Catalog, "get_many", counting_get_many)
    monkeypatch.setattr(Catalog, "papers", counting_papers)
    settings = Settings(seeds_dir=SEEDS)
    ensure_ready(settings, quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        total = catalog.count()
    assert total > EMBED_CHUNK  # the seeds need more than one chunk, so one read of them all would show
    assert reads and sum(reads) >= total
    assert max(reads) <= EMBED_CHUNK
    assert whole_lists == []  # the BM25 build streams the catalogue instead of listing every Paper


def test_lazy_view_reads_slices_in_order() -> None:
    settings = Settings(seeds_dir=SEEDS)
    ensure_ready(settings, quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        ids = catalog.ids()[::-1][:10]
        view = catalog.lazy(ids)
        assert len(view) == 10
        assert [p.id for p in view[2:7]] == ids[2:7]
        assert view[3].id == ids[3]
        assert [p.id for p in view] == ids
