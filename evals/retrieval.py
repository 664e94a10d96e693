"""Retrieval quality on SciFact: nDCG@10 / recall@100 / MRR@10 of dense, BM25 and hybrid search.

Full run: `reviewer eval retrieval` (embeds 5,183 abstracts once into a cached eval home, then reuses it).
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from pydantic import BaseModel, Field

from evals.metrics import mean, mrr_at_k, ndcg_at_k, recall_at_k
from reviewer.catalog import Catalog, paper_id
from reviewer.models import PaperRecord
from reviewer.settings import Settings

DATA = Path(__file__).resolve().parent / "datasets" / "scifact"
MODES = ("dense", "bm25", "hybrid")


class ModeScores(BaseModel):
    ndcg_at_10: float
    recall_at_100: float
    mrr_at_10: float
    ms_per_query: float


class RetrievalEvalResult(BaseModel):
    dataset: str = "scifact-dev"
    n_queries: int
    n_docs: int
    embedding: str
    scores: dict[str, ModeScores] = Field(default_factory=dict)
    index_seconds: float = 0.0


def load_corpus(root: Path = DATA) -> list[dict]:
    with open(root / "corpus.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def load_qrels(root: Path = DATA, split: str = "dev") -> dict[str, set[str]]:
    qrels: dict[str, set[str]] = {}
    with open(root / f"qrels_{split}.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            qid, doc, score = line.rstrip("\n").split("\t")
            if int(score) > 0:
                qrels.setdefault(qid, set()).add(doc)
    return qrels


def load_claims(root: Path = DATA, split: str = "dev") -> list[dict]:
    with open(root / f"claims_{split}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def corpus_records(docs: list[dict]) -> list[PaperRecord]:
    return [
        PaperRecord(
            title=d["title"].strip() or f"SciFact {d['doc_id']}",
            abstract=" ".join(d["abstract"]),
            source_id=str(d["doc_id"]),
            source="scifact/corpus.jsonl",
        )
        for d in docs
    ]


def subset(docs: list[dict], claims: list[dict], qrels: dict[str, set[str]], n_claims: int, n_docs: int,
           seed: int = 13) -> tuple[list[dict], list[dict]]:
    """The first n_claims judged claims, their relevant docs, and fixed random distractors."""
    judged = [c for c in claims if str(c["id"]) in qrels][:n_claims]
    needed = {d for c in judged for d in qrels[str(c["id"])]}
    rest = [d for d in docs if str(d["doc_id"]) not in needed]
    random.Random(seed).shuffle(rest)
    keep = [d for d in docs if str(d["doc_id"]) in needed] + rest[: max(0, n_docs - len(needed))]
    return keep, judged


def build_home(settings: Settings, docs: list[dict], quiet: bool | None = None) -> float:
    """Ingest the documents into settings.home (idempotent: cached vectors are reused)."""
    from reviewer.ingest.pipeline import ensure_ready

    start = time.perf_counter()
    with Catalog(settings.catalog_path) as catalog:
        catalog.add_records(corpus_records(docs))
    ensure_ready(settings.model_copy(update={"auto_ingest_seeds": False}), quiet)
    return time.perf_counter() - start


def run_retrieval_eval(settings: Settings, n_claims: int | None = None, n_docs: int | None = None,
                       quiet: bool | None = None) -> RetrievalEvalResult:
    from reviewer.retrieve import HybridRetriever

    docs, claims, qrels = load_corpus(), load_claims(), load_qrels()
    if n_claims is not None:
        docs, claims = subset(docs, claims, qrels, n_claims, n_docs or 300)
    index_seconds = build_home(settings, docs, quiet)
    to_paper = {str(d["doc_id"]): paper_id(d["title"].strip() or f"SciFact {d['doc_id']}") for d in docs}
    queries = [(c["claim"], {to_paper[d] for d in qrels[str(c["id"])] if d in to_paper})
               for c in claims if str(c["id"]) in qrels]
    retriever = HybridRetriever(settings.model_copy(update={"candidate_pool": max(100, settings.candidate_pool)}))
    result = RetrievalEvalResult(n_queries=len(queries), n_docs=len(docs), embedding=settings.embedding,
                                 index_seconds=round(index_seconds, 1))
    for mode in MODES:
        ndcg, recall, mrr = [], [], []
        start = time.perf_counter()
        for text, relevant in queries:
            ranked = [h.id for h in retriever.search(text, k=100, mode=mode)]  # type: ignore[arg-type]
            ndcg.append(ndcg_at_k(ranked, relevant, 10))
            recall.append(recall_at_k(ranked, relevant, 100))
            mrr.append(mrr_at_k(ranked, relevant, 10))
        elapsed = (time.perf_counter() - start) * 1000 / max(1, len(queries))
        result.scores[mode] = ModeScores(ndcg_at_10=round(mean(ndcg), 4), recall_at_100=round(mean(recall), 4),
                                         mrr_at_10=round(mean(mrr), 4), ms_per_query=round(elapsed, 2))
    return result
