"""Dense search on a corpus of a few hundred papers returns the exact nearest papers, every run: Chroma rebuilds
a small collection's HNSW graph with random links at every start, and at its default ef_search a query missed a
neighbour in one process and not in the next, so the same survey cited different papers (real seeds)."""

from __future__ import annotations

import numpy as np

from reviewer.embed import get_embedder
from reviewer.index import VectorStore
from reviewer.settings import Settings

QUESTIONS = ("language models calling outside tools and web APIs", "judging the safety of agent actions",
             "shorter chains of thought at the same accuracy", "reward models for images and video",
             "debate between several model instances", "step-level verifiers trained without human labels",
             "political bias of chatbots", "curriculum learning for reasoning with reinforcement learning")


def test_dense_neighbours_are_the_exact_ones(settings: Settings) -> None:
    store = VectorStore(settings)
    ids = sorted(store.ids())
    vectors = store.vectors(ids)
    matrix = np.vstack([vectors[i] / np.linalg.norm(vectors[i]) for i in ids])
    embedder = get_embedder(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads,
                            settings.minilm_model)
    for question in QUESTIONS:
        query = np.asarray(embedder.embed([question])[0], dtype=np.float32)
        exact = [ids[i] for i in np.argsort(-(matrix @ (query / np.linalg.norm(query))))[:100]]
        got = [i for i, _ in store.query(query, 100)]
        assert set(got) == set(exact), question



def test_ingest_leaves_the_search_setting_of_the_new_size(seed_papers: dict, tmp_path, monkeypatch) -> None:
    """A collection grown past the exhaustive-search size during ingest must be stored with the default
    ef_search, or the first search process after ingesting 100k papers visits all of them (~90 ms a query)."""
    import reviewer.index as index

    monkeypatch.setattr(index, "EXACT_UP_TO", 2)
    settings = Settings(home=tmp_path / "grown")
    store = VectorStore(settings)
    assert store.collection.configuration["hnsw"]["ef_search"] == index.EXACT_EF  # created empty
    store.add(sorted(seed_papers.values(), key=lambda p: p.id)[:3], quiet=True)
    stored = store.client.get_collection(store.collection.name).configuration["hnsw"]["ef_search"]
    assert stored == index.LARGE_EF


def test_a_question_is_embedded_once_per_retriever(settings: Settings) -> None:
    """`ask` searches with the question, then recalls sentences with the same text: one embedding, not two."""
    from reviewer.retrieve import HybridRetriever

    retriever = HybridRetriever(settings)
    first = retriever.index_query(QUESTIONS[0])
    assert retriever.index_query(QUESTIONS[0]) is first
    assert not first.flags.writeable
    assert retriever.index_query(QUESTIONS[1]) is not first
