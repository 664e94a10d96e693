"""Issue 16 §6m: the lexical side of the hybrid search, tuned on SciFact train through the production fusion.

    python -m benchmarks.bm25_grid screen CATALOG SPLIT VARIANT ...      BM25 alone: nDCG@10 / R@100 per variant
    python -m benchmarks.bm25_grid fuse IN.pkl CATALOG SPLIT [pool=200] VARIANT ...

CATALOG is the catalog.sqlite of a full SciFact eval home (any plan: the texts are the same). A VARIANT is
'production' or comma-separated keys: k1, b, method (bm25s: lucene, robertson, atire, bm25l, bm25+), delta
(bm25l / bm25+), title (the title indexed that many times), titlefield=w (plus w x the score of a title-only
index: a separate title field), bigrams=1 (adjacent content stems also indexed as
one token, in documents and queries). `fuse` takes a benchmarks/fusion_grid `collect` pickle (Chroma's top 200
with unit cosines, BM25's top 200), replaces its BM25 lists by the variant's and fuses as HybridRetriever.search
does, with the per-claim change against the pickle's own BM25 (95% bootstrap interval). The dense side is not
re-embedded. Tune on train; score dev once per finalist.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.fusion_grid import MAX_POOL, Claim, parse_point, per_claim
from benchmarks.fusion_train import queries
from evals.metrics import mean, ndcg_at_k, recall_at_k
from reviewer.catalog import Catalog
from reviewer.textutil import stemmer

Lexical = list[tuple[str, float]]


def parse_variant(text: str) -> dict[str, Any]:
    """'k1=1.2,method=bm25+,title=2' -> {'k1': 1.2, 'method': 'bm25+', 'title': 2}; 'production' -> {}."""
    out: dict[str, Any] = {}
    for key, value in (item.split("=", 1) for item in text.split(",") if "=" in item):
        out[key] = value if key == "method" else int(value) if key in ("title", "bigrams") else float(value)
    return out


def tokens(texts: list[str], bigrams: bool) -> list[list[str]]:
    """The production tokens (English stopwords out, Snowball stems), plus adjacent-pair tokens if asked."""
    import bm25s

    found = bm25s.tokenize(texts, stopwords="en", stemmer=stemmer(), show_progress=False, return_ids=False)
    if not bigrams:
        return found
    return [t + [f"{a}_{b}" for a, b in zip(t, t[1:], strict=False)] for t in found]


class Variant:
    """A bm25s index over (title, abstract) pairs under one variant."""

    def __init__(self, ids: list[str], titles: list[str], abstracts: list[str], spec: dict[str, Any]) -> None:
        import bm25s

        self.ids, self.spec = ids, spec
        self.bigrams = bool(spec.get("bigrams", 0))
        repeat = int(spec.get("title", 1))
        texts = [". ".join([t] * repeat + [a]) for t, a in zip(titles, abstracts, strict=True)]
        params = {k: spec[k] for k in ("k1", "b", "delta", "method") if k in spec}
        self.retriever = bm25s.BM25(**params)
        self.retriever.index(tokens(texts, self.bigrams), show_progress=False)
        self.field = float(spec.get("titlefield", 0))  # + this x the score of a title-only BM25 index
        if self.field:
            self.titles = bm25s.BM25(**params)
            self.titles.index(tokens(titles, self.bigrams), show_progress=False)

    def query(self, text: str, n: int = MAX_POOL) -> Lexical:
        query = [[t for t in tokens([text], self.bigrams)[0] if t in self.retriever.vocab_dict]]
        if not query[0]:
            return []
        if self.field:
            scores = self.retriever.get_scores(query[0])
            scores += self.field * self.titles.get_scores([t for t in query[0] if t in self.titles.vocab_dict])
            top = np.argsort(-scores, kind="stable")[:n]
            return [(self.ids[int(d)], float(scores[d])) for d in top if scores[d] > 0]
        docs, scores = self.retriever.retrieve(query, k=min(n, len(self.ids)), show_progress=False)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]


def corpus(catalog_path: str) -> tuple[list[str], list[str], list[str]]:
    with Catalog(Path(catalog_path)) as catalog:
        papers = catalog.papers()
    return [p.id for p in papers], [p.title for p in papers], [p.abstract for p in papers]


def interval(delta: np.ndarray) -> str:
    rng = np.random.default_rng(0)
    boot = [delta[rng.integers(0, len(delta), len(delta))].mean() for _ in range(2000)]
    return (f"{delta.mean():+.4f} [{np.percentile(boot, 2.5):+.4f}, {np.percentile(boot, 97.5):+.4f}], "
            f"{int((delta > 0).sum())} up / {int((delta < 0).sum())} down")


def main() -> None:
    command, args = sys.argv[1], sys.argv[2:]
    claims: list[Claim] = []
    if command == "fuse":
        claims = pickle.loads(Path(args.pop(0)).read_bytes())
    catalog_path, split = args[0], args[1]
    point = parse_point(args[2]) if len(args) > 2 and args[2].startswith("pool=") else {}
    variants = args[3:] if point else args[2:]
    ids, titles, abstracts = corpus(catalog_path)
    items = queries(split)
    base = per_claim(claims, **point)[0] if claims else None
    for text in variants:
        start = time.perf_counter()
        variant = Variant(ids, titles, abstracts, parse_variant(text))
        built = time.perf_counter() - start
        start = time.perf_counter()
        lexical = [variant.query(q) for q, _ in items]
        ms = (time.perf_counter() - start) * 1000 / len(items)
        if command == "screen":
            ndcg = [ndcg_at_k([d for d, _ in lx], rel, 10) for lx, (_, rel) in zip(lexical, items, strict=True)]
            recall = [recall_at_k([d for d, _ in lx][:100], rel, 100) for lx, (_, rel) in zip(lexical, items, strict=True)]
            print(f"{text}: BM25 nDCG@10 {mean(ndcg):.4f} R@100 {mean(recall):.4f} (index {built:.1f} s, "
                  f"{ms:.1f} ms/query)", flush=True)
            continue
        swapped = [(rel, dense, lx) for (rel, dense, _), lx in zip(claims, lexical, strict=True)]
        ndcg, recall = per_claim(swapped, **point)
        assert base is not None
        print(f"{text} {point or ''}: hybrid nDCG@10 {mean(list(ndcg)):.4f} R@100 {mean(list(recall)):.4f}; "
              f"vs pickle's BM25 {interval(ndcg - base)} ({ms:.1f} ms/query)", flush=True)


if __name__ == "__main__":
    main()
