"""Prototype of a cheaper dense path, measured next to the production one (nothing in reviewer/ changes).

Production `HybridRetriever.dense` (sentence layout) per query: Chroma `count()` + `query`, then for
the ~100 candidates a catalogue read (JSON -> Paper), sentence splitting of every abstract, one SHA-1
per sentence and ~900 primary-key reads of float16 vectors. The prototype:
  * no `count()`: Chroma 1.5 returns min(n, count) results and [] for an empty collection;
  * one row per paper (paper id -> float16 matrix of its title + sentence vectors), written at ingest,
    so re-scoring is ~100 primary-key reads and one matrix product per paper, with no catalogue read,
    no splitting and no hashing.
Here the per-paper table holds only the candidates of the benchmark queries (built from the same
vectors), so its B-tree is smaller than a full one would be.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any


def build(retriever: Any, queries: list[str], vectors: dict[str, Any], pool: int, path: Path
          ) -> Callable[[str, int], list[tuple[str, float]]]:
    """Write the per-paper table for every candidate of `queries`; return the prototype dense()."""
    import numpy as np

    from reviewer.vector_cache import VectorCache, paper_sentences

    collection = retriever.store.collection
    weight = float(getattr(retriever.settings, "sentence_rerank", 0.5))
    ids: set[str] = set()
    for q in queries:
        ids.update(collection.query(query_embeddings=[vectors[q]], n_results=pool, include=[])["ids"][0])
    papers = retriever.catalog.get_many(ids)
    cache = VectorCache(retriever.settings)
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS units (id TEXT PRIMARY KEY, v BLOB NOT NULL)")
    db.execute("BEGIN")
    for pid, paper in papers.items():
        matrix = cache.embed(paper_sentences(paper.title, paper.abstract)).astype(np.float16)
        db.execute("INSERT OR REPLACE INTO units VALUES (?, ?)", (pid, matrix.tobytes()))
    db.execute("COMMIT")
    cache.close()

    def dense(query: str, n: int) -> list[tuple[str, float]]:
        vector = np.asarray(vectors[query], dtype=np.float32)
        got = collection.query(query_embeddings=[vector], n_results=n, include=["distances"])
        hits = [(i, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0], strict=True)]
        if not hits:
            return hits
        marks = ",".join("?" * len(hits))
        best = {pid: float((np.frombuffer(blob, dtype=np.float16).reshape(-1, vector.shape[0])
                            .astype(np.float32) @ vector).max())
                for pid, blob in db.execute(f"SELECT id, v FROM units WHERE id IN ({marks})", [i for i, _ in hits])}
        rescored = [(doc, weight * best[doc] + (1 - weight) * s if doc in best else s) for doc, s in hits]
        return sorted(rescored, key=lambda x: -x[1])

    return dense
