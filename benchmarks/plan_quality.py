"""SciFact dev hybrid quality of each embedding plan, on a fixed subset (part of bench_plan).

Subset (the same for every plan): the first N_CLAIMS judged dev claims, their relevant docs, and fixed
random distractors (`evals.retrieval.subset`, seed 13) up to N_DOCS documents (sized so that one run
of every plan fits a shared 2-core machine; the full-corpus figures are in evals/RESULTS.md). Each plan's vectors are built
from cached sets (.reviewer-home/bench/plan/): titles + abstract sentences at max_length 256, the same
re-embedded where a shorter max_length cuts them, and whole "title. abstract" texts at 256. Search
mirrors production: exact cosine top-100 by paper vector, re-scored with the best sentence
(Settings.sentence_rerank), bm25s top-100 over "title. abstract", convex fusion (Settings.dense_weight).
Exact cosine stands in for Chroma's HNSW (at 1,000 docs HNSW returns the exact top-100 anyway).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from benchmarks.common import BENCH_DIR, log
from benchmarks.data import scifact_docs

N_CLAIMS, N_DOCS = 150, 500
CHUNK = 400  # texts embedded per saved piece, so an interrupted run keeps what it computed
CACHE = BENCH_DIR / "plan"


@dataclass(frozen=True)
class Plan:
    """What ingest embeds per paper and how the paper vector (the one Chroma indexes) is made."""

    whole: bool  # embed "title. abstract" as the paper vector; else the mean of title + sentence vectors
    sentence_length: int = 256  # max_length for abstract sentences
    title_length: int = 256
    whole_length: int = 256


PLANS: dict[str, Plan] = {
    "today: whole text 256 + title/sentences 256": Plan(whole=True),
    "whole text 256 + sentences 128": Plan(whole=True, sentence_length=128),
    "no whole text, title/sentences 256 (mean vector)": Plan(whole=False),
    "no whole text, sentences 128, title 256": Plan(whole=False, sentence_length=128),
    "no whole text, sentences 64, title 256": Plan(whole=False, sentence_length=64),
}
BASELINE = next(iter(PLANS))


@dataclass
class Data:
    ids: list[str]
    titles: list[str]
    abstracts: list[str]
    groups: list[list[str]]  # per paper: title, then sentences (reviewer.vector_cache.paper_sentences)
    claims: list[str]
    relevant: list[set[str]]


def load_data() -> Data:
    from evals.retrieval import load_claims, load_qrels, subset
    from reviewer.catalog import paper_id
    from reviewer.vector_cache import paper_sentences

    qrels, claims = load_qrels(), load_claims()
    docs, judged = subset(scifact_docs(), claims, qrels, N_CLAIMS, N_DOCS)
    titles = [d["title"].strip() or f"SciFact {d['doc_id']}" for d in docs]
    abstracts = [" ".join(d["abstract"]) for d in docs]
    ids = [paper_id(t) for t in titles]
    to_id = {str(d["doc_id"]): i for d, i in zip(docs, ids, strict=True)}
    relevant = [{to_id[d] for d in qrels[str(c["id"])] if d in to_id} for c in judged]
    groups = [paper_sentences(t, a) for t, a in zip(titles, abstracts, strict=True)]
    return Data(ids, titles, abstracts, groups, [c["claim"] for c in judged], relevant)


def _cached(name: str, texts: list[str], embed: Any) -> Any:
    import numpy as np

    digest = hashlib.sha1(json.dumps(texts).encode()).hexdigest()[:10]
    path = CACHE / f"{name}-{digest}.npy"
    if path.exists():
        return np.load(path)
    CACHE.mkdir(parents=True, exist_ok=True)
    pieces = []
    for start in range(0, len(texts), CHUNK):
        piece = CACHE / f"{name}-{digest}.{start}.npy"
        if not piece.exists():
            log(f"plan quality: {name}: embedding texts {start}-{min(len(texts), start + CHUNK)} of {len(texts)}")
            np.save(piece, embed(texts[start : start + CHUNK]))
        pieces.append(piece)
    vectors = np.concatenate([np.load(p) for p in pieces]) if pieces else np.zeros((0, 384), dtype=np.float32)
    np.save(path, vectors)
    for p in pieces:
        p.unlink()
    return vectors


class Vectors:
    """Unit and whole-text vectors per max_length, each embedded once and cached on disk."""

    def __init__(self, data: Data) -> None:
        from reviewer.embed import MiniLMEmbedder

        self.data = data
        self.flat = [u for g in data.groups for u in g]
        self._embedders: dict[int, Any] = {}
        self._make = MiniLMEmbedder
        self._units: dict[int, Any] = {}
        base = self.embedder(256)
        self.lengths = [len(e.ids) for e in base._tokenizer.encode_batch(self.flat)]

    def embedder(self, ml: int) -> Any:
        if ml not in self._embedders:
            self._embedders[ml] = self._make(max_length=ml, batch_size=16, threads=1)  # no spin-waiting
        return self._embedders[ml]

    def units(self, ml: int) -> Any:
        """Title + sentence vectors at max_length ml (only the texts ml cuts are re-embedded)."""
        if ml not in self._units:
            full = _cached("units256", self.flat, self.embedder(256).embed)
            if ml == 256:
                self._units[ml] = full
            else:
                cut = [i for i, n in enumerate(self.lengths) if n > ml]
                redo = _cached(f"units{ml}-cut", [self.flat[i] for i in cut], self.embedder(ml).embed)
                out = full.copy()
                out[cut] = redo
                self._units[ml] = out
        return self._units[ml]

    def whole(self, ml: int) -> Any:
        texts = [f"{t}. {a}" for t, a in zip(self.data.titles, self.data.abstracts, strict=True)]
        return _cached(f"whole{ml}", texts, self.embedder(ml).embed)

    def queries(self, ml: int) -> Any:
        return _cached(f"claims{ml}", self.data.claims, self.embedder(ml).embed)


def plan_units(vectors: Vectors, plan: Plan) -> Any:
    """Unit matrix (all papers' titles + sentences) as the plan embeds it."""
    import numpy as np

    sentences = vectors.units(plan.sentence_length)
    titles = vectors.units(plan.title_length)
    firsts = np.cumsum([0] + [len(g) for g in vectors.data.groups[:-1]])
    out = sentences.copy()
    out[firsts] = titles[firsts]
    return out


def evaluate(vectors: Vectors, plan: Plan, rerank: float, dense_weight: float, pool: int = 100) -> dict[str, float]:
    """Dense and hybrid nDCG@10 / recall@100 of one plan over the subset."""
    import numpy as np

    from evals.metrics import mean, ndcg_at_k, recall_at_k
    from reviewer.index import LexicalIndex
    from reviewer.retrieve import convex
    from reviewer.vector_cache import mean_vectors

    data = vectors.data
    units = plan_units(vectors, plan)
    owner = np.repeat(np.arange(len(data.groups)), [len(g) for g in data.groups])
    bounds = np.cumsum([0] + [len(g) for g in data.groups])
    papers = (vectors.whole(plan.whole_length) if plan.whole
              else mean_vectors([units[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]))
    queries = vectors.queries(256)
    texts = [f"{t}. {a}" for t, a in zip(data.titles, data.abstracts, strict=True)]
    lexical = LexicalIndex.build(data.ids, texts, "bench")
    found: dict[str, list[float]] = {"dense ndcg": [], "dense recall": [], "hybrid ndcg": [], "hybrid recall": []}
    paper_scores = queries @ papers.T
    unit_scores = queries @ units.T
    for q in range(len(data.claims)):
        best = np.full(len(data.ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, owner, unit_scores[q])
        top = np.argsort(-paper_scores[q])[:pool]
        scored = [(data.ids[j], float(rerank * best[j] + (1 - rerank) * paper_scores[q, j])) for j in top]
        dense = sorted(scored, key=lambda x: -x[1])
        bm25 = lexical.query(data.claims[q], pool)
        fused = convex([dense, bm25], [dense_weight, 1 - dense_weight])
        hybrid = sorted(fused, key=lambda d: (-fused[d], d))[:100]
        dense_ids = [d for d, _ in dense]
        found["dense ndcg"].append(ndcg_at_k(dense_ids, data.relevant[q], 10))
        found["dense recall"].append(recall_at_k(dense_ids, data.relevant[q], 100))
        found["hybrid ndcg"].append(ndcg_at_k(hybrid, data.relevant[q], 10))
        found["hybrid recall"].append(recall_at_k(hybrid, data.relevant[q], 100))
    return {k: mean(v) for k, v in found.items()}


def all_plans() -> tuple[Data, dict[str, dict[str, float]]]:
    from reviewer.settings import Settings

    s = Settings()
    data = load_data()
    vectors = Vectors(data)
    return data, {name: evaluate(vectors, plan, s.sentence_rerank, s.dense_weight) for name, plan in PLANS.items()}


if __name__ == "__main__":  # build the cached vectors ahead of a run: python -m benchmarks.plan_quality
    got = all_plans()[1]
    for name, scores in got.items():
        print(name, {k: round(v, 4) for k, v in scores.items()})
