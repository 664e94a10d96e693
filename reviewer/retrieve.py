"""Hybrid retrieval: dense (Chroma) and lexical (bm25s) candidates, fused by normalised scores or RRF."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from reviewer.catalog import Catalog
from reviewer.index import LexicalIndex, VectorStore
from reviewer.models import Paper, SearchHit
from reviewer.settings import Settings

SearchMode = Literal["hybrid", "dense", "bm25"]


class Filters(BaseModel):
    """Optional metadata filters; a paper with an unknown year fails any year bound."""

    year_min: int | None = None
    year_max: int | None = None
    source: str | None = None

    def chroma_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.year_min is not None:
            clauses.append({"year": {"$gte": self.year_min}})
        if self.year_max is not None:
            clauses.append({"year": {"$lte": self.year_max}})
            clauses.append({"year": {"$gt": 0}})
        if self.source:
            from reviewer.index import SOURCE_FLAG

            clauses.append({SOURCE_FLAG + self.source: True})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def accepts(self, paper: Paper) -> bool:
        if self.year_min is not None and (paper.year or 0) < self.year_min:
            return False
        if self.year_max is not None and not (paper.year and paper.year <= self.year_max):
            return False
        return not (self.source and self.source not in paper.sources)

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.year_min, self.year_max, self.source))


def rrf(rankings: list[list[str]], k: int, weights: list[float] | None = None) -> dict[str, float]:
    """Reciprocal rank fusion: sum over lists of weight / (k + rank)."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, doc in enumerate(ranking, start=1):
            fused[doc] = fused.get(doc, 0.0) + weight / (k + rank)
    return fused


def convex(rankings: list[list[tuple[str, float]]], weights: list[float]) -> dict[str, float]:
    """Weighted sum of min-max normalised scores; a document absent from a list gets 0 there.

    Chosen over RRF on SciFact *train* (nDCG@10 0.729 vs 0.707 for RRF k=60); dev is kept for reporting.
    """
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        if not ranking:
            continue
        values = [v for _, v in ranking]
        low, span = min(values), (max(values) - min(values)) or 1.0
        for doc, value in ranking:
            fused[doc] = fused.get(doc, 0.0) + weight * (value - low) / span
    return fused


QUERY_MEMORY = 64  # query vectors a retriever keeps (a chat session asks many questions)


class HybridRetriever:
    """Loads both indexes once; `search` is then a few milliseconds."""

    def __init__(self, settings: Settings, catalog: Catalog | None = None) -> None:
        self.settings = settings  # the reading settings, as callers pass them on to evidence and the checker
        self.index = settings.index_settings  # the index role: query vector, Chroma, per-paper unit rows
        self.catalog = catalog or Catalog(settings.catalog_path)
        self.store = VectorStore(self.index)
        self.lexical = LexicalIndex.load(settings.bm25_path) or LexicalIndex.build([], [], "empty")
        self._vectors: Any = None
        self._queries: dict[str, Any] = {}

    def index_query(self, query: str) -> Any:
        """The query's vector by the INDEX model (comparable with the Chroma paper vectors and the per-paper unit
        rows, not with sentences embedded for reading), kept for the last few queries: `ask` searches with the
        question and then recalls sentences with it, and a survey re-scores its facets, so one text is embedded once."""
        import numpy as np

        from reviewer.embed import embed_texts

        if query not in self._queries:
            if len(self._queries) >= QUERY_MEMORY:
                self._queries.pop(next(iter(self._queries)))
            vector = np.array(embed_texts([query], self.index)[0])  # a copy, not a view of a batch
            vector.setflags(write=False)  # shared by every caller: none may change it in place
            self._queries[query] = vector
        return self._queries[query]

    def reading_vectors(self, ids: list[str]) -> dict[str, Any]:
        """Whole-text vectors of these papers by the READING model (the survey's evidence anchors and themes set
        them beside sentences embedded for reading): the stored paper vectors when one model does both roles,
        else each text embedded once by content hash (the seed pack bundles the seeds')."""
        if self.settings.roles_share_model:
            return self.store.vectors(ids)
        from reviewer.vector_cache import VectorCache

        found = self.catalog.get_many(ids)
        papers = [found[i] for i in dict.fromkeys(ids) if i in found]
        cache = VectorCache(self.settings)
        try:
            vectors = cache.embed([p.text for p in papers])
        finally:
            cache.close()
        return {p.id: v for p, v in zip(papers, vectors, strict=True)}

    def dense(self, query: str, n: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """Chroma candidates by paper vector, re-scored by their best-matching sentence.

        A claim or question usually matches one sentence of an abstract; the sentence vectors are
        already on disk from ingest, so the re-scoring costs a lookup, not an embedding.
        """
        where = filters.chroma_where() if filters else None
        vector = self.index_query(query)
        hits = self.store.query(vector, n, where)
        if not hits or self.settings.sentence_rerank == 0:
            return hits
        from reviewer.vector_cache import VectorCache, paper_sentences

        if self._vectors is None:
            self._vectors = VectorCache(self.index)
        ids = [i for i, _ in hits]
        matrices = self._vectors.paper_matrices(ids, len(vector))
        missing = [i for i in ids if i not in matrices]
        if missing:  # indexed elsewhere (a shared Chroma server) or before per-paper rows existed
            papers = self.catalog.get_many(missing)
            for i in missing:
                if i in papers:
                    matrices[i] = self._vectors.embed(paper_sentences(papers[i].title, papers[i].abstract))
        w = self.settings.sentence_rerank
        rescored = []
        for doc, score in hits:
            best = float((matrices[doc] @ vector).max()) if doc in matrices and len(matrices[doc]) else score
            rescored.append((doc, w * best + (1 - w) * score))
        return sorted(rescored, key=lambda x: -x[1])

    def bm25(self, query: str, n: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        if not filters or not filters.active:
            return self.lexical.query(query, n)
        hits = self.lexical.query(query, n * 4)
        papers = self.catalog.get_many(i for i, _ in hits)
        return [(i, s) for i, s in hits if i in papers and filters.accepts(papers[i])][:n]

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: SearchMode = "hybrid"
    ) -> list[SearchHit]:
        pool = max(self.settings.candidate_pool, k)
        dense = self.dense(query, pool, filters) if mode in ("hybrid", "dense") else []
        lexical = self.bm25(query, pool, filters) if mode in ("hybrid", "bm25") else []
        dense_rank = {d: r for r, (d, _) in enumerate(dense, start=1)}
        bm25_rank = {d: r for r, (d, _) in enumerate(lexical, start=1)}
        if mode == "dense":
            scores = dict(dense)
        elif mode == "bm25":
            scores = dict(lexical)
        elif self.settings.fusion == "rrf":
            scores = rrf([[d for d, _ in dense], [d for d, _ in lexical]], self.settings.rrf_k)
        else:
            w = self.settings.dense_weight
            scores = convex([dense, lexical], [w, 1.0 - w])
        top = sorted(scores, key=lambda d: (-scores[d], d))[:k]
        papers = self.catalog.get_many(top)
        return [
            SearchHit(
                id=d,
                key=papers[d].key,
                title=papers[d].title,
                year=papers[d].year,
                score=round(scores[d], 6),
                dense_rank=dense_rank.get(d),
                bm25_rank=bm25_rank.get(d),
            )
            for d in top
            if d in papers
        ]

    def papers_for(self, hits: list[SearchHit]) -> list[Paper]:
        found = self.catalog.get_many(h.id for h in hits)
        return [found[h.id] for h in hits if h.id in found]

