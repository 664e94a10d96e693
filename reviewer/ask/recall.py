"""Papers one sentence of which says what the question asks, found over the whole corpus.

The paper ranker compares a question with whole papers (their vectors, BM25 over their words). A paraphrased
question ("Can users re-order a model's values by editing its system prompt?") may match one sentence of a paper
closely ("end users cannot effectively steer such prioritization using system prompts") while the paper as a whole,
about something broader, ranks far down. Every paper's sentence vectors are on disk from ingest, so the best sentence
of every paper costs one matrix product per question; the few best such papers join the retrieved ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from reviewer.models import Paper
    from reviewer.settings import Settings

# At most this many papers, by their single best sentence over the whole corpus, join the retrieved ones.
RECALL_TOP = 3
# Above this many papers the corpus-wide sentence matrix is not built: ~10 sentences x 384 floats per paper is
# ~150 MB and a second or more of loading at 10k papers, too much for one question; the ranker alone decides.
RECALL_MAX_PAPERS = 10_000


class SentenceRecall:
    """All sentence vectors of the corpus in one matrix, each row owned by its paper."""

    def __init__(self, papers: list[Paper], settings: Settings, dim: int) -> None:
        from reviewer.vector_cache import VectorCache

        cache = VectorCache(settings.index_settings)  # the per-paper unit rows: the index role, as the query vector
        try:
            matrices = cache.paper_matrices([p.id for p in papers], dim)
        finally:
            cache.close()
        rows = [(p.id, matrices[p.id]) for p in papers if p.id in matrices and len(matrices[p.id])]
        self.by_id = {p.id: p for p in papers}
        self.owner = [pid for pid, m in rows for _ in range(len(m))]
        self.matrix = np.vstack([m for _, m in rows]) if rows else np.zeros((0, dim), dtype=np.float32)

    def best_papers(self, vector: np.ndarray, retrieved: set[str], n: int = RECALL_TOP) -> list[Paper]:
        """Up to n papers, not among `retrieved`, whose best sentence (or title) is closer to the question than
        every sentence of the retrieved papers: the corpus's closest statement sits in a paper the ranker missed."""
        if not len(self.matrix):
            return []
        sims = self.matrix @ vector
        bar = max((float(sims[i]) for i, pid in enumerate(self.owner) if pid in retrieved), default=-1.0)
        out: list[Paper] = []
        for i in np.argsort(-sims):
            if float(sims[int(i)]) <= bar or len(out) >= n:
                break
            pid = self.owner[int(i)]
            if pid not in retrieved and all(p.id != pid for p in out):
                out.append(self.by_id[pid])
        return out


_CACHE: dict[int, tuple[list[Paper], SentenceRecall]] = {}


def recall_for(papers: list[Paper], settings: Settings, dim: int) -> SentenceRecall:
    """One index per corpus list (a session's name index keeps the same list for all its questions)."""
    if len(papers) > RECALL_MAX_PAPERS:
        papers = []
    held = _CACHE.get(id(papers))
    if held is None or held[0] is not papers:
        _CACHE.clear()
        held = (papers, SentenceRecall(papers, settings, dim))
        _CACHE[id(papers)] = held
    return held[1]
