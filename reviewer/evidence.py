"""Evidence: verbatim abstract sentences ranked against a query, and quote verification.

Quotes (from us or from an LLM) are checked against the abstract exactly, then normalised, then fuzzily,
so nothing reaches a report that the source does not say.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import Literal

import numpy as np
from pydantic import BaseModel

from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.textutil import normalize, split_sentences, words

DENSE_WEIGHT = 0.65
FUZZY_THRESHOLD = 90.0
_STOPWORDS = frozenset(
    """a an the of for and or in on to with by from as at is are was were be been being this that these those
    it its we our their they them which who whom what how why when where do does did can could should would
    may might will shall not no than then there here such via into over under about between among also
    more most less least very much many some any each both all other using use used based new approach
    paper propose proposed study show shows results result method methods model models""".split()
)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def content_stems(text: str) -> list[str]:
    """Stemmed content words: the unit of lexical overlap everywhere in reviewer."""
    toks = [w.lower() for w in words(text)]
    toks = [w for w in toks if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]
    return _stemmer().stemWords(toks)


def lexical_overlap(query_stems: list[str], sentence_stems: set[str], idf: dict[str, float]) -> float:
    """IDF-weighted share of the query's content stems that the sentence contains."""
    wanted = set(query_stems)
    if not wanted:
        return 0.0
    total = sum(idf.get(s, 1.0) for s in wanted)
    return sum(idf.get(s, 1.0) for s in wanted if s in sentence_stems) / total


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


class QuoteMatch(BaseModel):
    method: Literal["exact", "normalized", "fuzzy"]
    score: float
    text: str


def verify_quote(quote: str, source: str, threshold: float = FUZZY_THRESHOLD) -> QuoteMatch | None:
    """Where the quote stands in the source: exactly, after normalisation, or fuzzily above threshold."""
    quote = quote.strip().strip('"“”')
    if not quote:
        return None
    if quote in source:
        return QuoteMatch(method="exact", score=100.0, text=quote)
    nq = normalize(quote)
    if not nq:  # punctuation only: nothing to verify (an empty string fuzzy-matches everything)
        return None
    if nq in normalize(source):
        return QuoteMatch(method="normalized", score=100.0, text=quote)
    from rapidfuzz import fuzz

    best: tuple[float, str] = (0.0, "")
    for sentence in split_sentences(source):
        score = fuzz.ratio(nq, normalize(sentence)) if len(nq) > 0.6 * len(normalize(sentence)) else 0.0
        if len(nq) <= len(normalize(sentence)):
            score = max(score, fuzz.partial_ratio(nq, normalize(sentence)))
        if score > best[0]:
            best = (score, sentence)
    if best[0] >= threshold:
        return QuoteMatch(method="fuzzy", score=round(best[0], 1), text=best[1])
    return None
