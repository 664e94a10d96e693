"""Evidence: verbatim abstract sentences ranked against a query (dense + lexical), then diversified (MMR).

Quote verification lives in reviewer/quotes.py, the text primitives in reviewer/textutil.py.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.textutil import content_stems, lexical_overlap, split_sentences

DENSE_WEIGHT = 0.65


def rank_sentences(
    query: str,
    papers: list[Paper],
    settings: Settings,
    paper_scores: dict[str, float] | None = None,
) -> list[EvidenceSentence]:
    """Every sentence of every paper scored against the query, best first."""
    from reviewer.vector_cache import VectorCache

    items: list[tuple[Paper, int, str]] = [
        (p, i, s) for p in papers for i, s in enumerate(split_sentences(p.abstract))
    ]
    if not items:
        return []
    cache = VectorCache(settings)
    try:
        vectors = cache.embed([s for _, _, s in items])
        qvec = cache.embed([query])[0]
    finally:
        cache.close()
    dense = vectors @ qvec
    stems = [set(content_stems(s)) for _, _, s in items]
    df = Counter(st for group in stems for st in group)
    n = len(items)
    idf = {st: math.log(1 + n / c) for st, c in df.items()}
    q_stems = content_stems(query)
    out: list[EvidenceSentence] = []
    for (paper, idx, text), d, st in zip(items, dense, stems, strict=True):
        score = DENSE_WEIGHT * float(d) + (1 - DENSE_WEIGHT) * lexical_overlap(q_stems, st, idf)
        if paper_scores:
            score += 0.05 * paper_scores.get(paper.id, 0.0)
        out.append(
            EvidenceSentence(
                paper_id=paper.id, key=paper.key, index=idx, text=text, score=score, similarity=float(d)
            )
        )
    out.sort(key=lambda e: (-e.score, e.paper_id, e.index))
    return out


def mmr_select(
    candidates: list[EvidenceSentence],
    k: int,
    settings: Settings,
    lam: float = 0.7,
    per_paper: int = 2,
) -> list[EvidenceSentence]:
    """Maximal marginal relevance: relevant sentences that do not repeat each other."""
    from reviewer.vector_cache import VectorCache

    pool = candidates[: max(k * 6, 30)]
    if not pool:
        return []
    cache = VectorCache(settings)
    try:
        vecs = cache.embed([c.text for c in pool])
    finally:
        cache.close()
    chosen: list[int] = []
    used: Counter[str] = Counter()
    while len(chosen) < min(k, len(pool)):
        best, best_val = -1, -np.inf
        for i, cand in enumerate(pool):
            if i in chosen or used[cand.paper_id] >= per_paper:
                continue
            redundancy = max((float(vecs[i] @ vecs[j]) for j in chosen), default=0.0)
            value = lam * cand.score - (1 - lam) * redundancy
            if value > best_val:
                best, best_val = i, value
        if best < 0:
            break
        chosen.append(best)
        used[pool[best].paper_id] += 1
    return [pool[i] for i in chosen]
