"""Pseudo-relevance feedback: the topic's query vector moved toward its search's first few papers.

A reworded topic ('language models used as evaluators of other models' outputs') shares few words with the
papers it is about ('LLM-as-a-Judge'), so its own search ranks them low or not at all; but its first few
hits are often on the topic, and their vectors carry the corpus's own way of saying it. Adding the mean
of their stored vectors to the topic's vector (Rocchio) brings more of the topic's papers up (paraphrased
survey topics over the seeds, fused with the hybrid search: recall@40 0.777 -> 0.827, evals/RESULTS.md). The
ranking joins the pool's fusion as one more list (reviewer.survey.scope), so a paper the topic's words miss
can still be pooled and re-scored; which papers are surveyed is still decided by the evidence stage. It
costs one vector query and no embedding (the stored paper and sentence vectors are reused).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from reviewer.retrieve import Filters

if TYPE_CHECKING:
    from reviewer.retrieve import HybridRetriever

FEEDBACK_PAPERS = 3  # the topic search's first papers whose vectors move the query
FEEDBACK_WEIGHT = 1.0  # the papers' mean vector counts as much as the topic's own vector


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-9)


def feedback_ranking(
    topic: str, searched: list[str], retriever: HybridRetriever, n: int, filters: Filters | None = None
) -> list[str]:
    """Paper ids ranked by the topic's vector plus the mean vector of `searched[:FEEDBACK_PAPERS]` (the topic's
    own search, best first), each candidate scored like the dense search (paper vector blended with its
    best sentence); [] when those papers have no stored vectors."""
    stored = retriever.store.vectors(searched[:FEEDBACK_PAPERS])
    if not stored:
        return []
    centre = _unit(np.mean([_unit(np.asarray(v, dtype=np.float64)) for v in stored.values()], axis=0))
    query = _unit(_unit(np.asarray(retriever.index_query(topic), dtype=np.float64)) + FEEDBACK_WEIGHT * centre)
    where = filters.chroma_where() if filters else None
    hits = retriever.store.query(query.astype(np.float32), n, where)
    from reviewer.vector_cache import VectorCache

    w = retriever.settings.sentence_rerank
    mats = VectorCache(retriever.index).paper_matrices([i for i, _ in hits], len(query))
    scored = {i: w * float((mats[i] @ query).max()) + (1 - w) * s if i in mats and len(mats[i]) else s
              for i, s in hits}
    return sorted(scored, key=lambda i: (-scored[i], i))
