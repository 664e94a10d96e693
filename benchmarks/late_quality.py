"""SciFact quality of late-chunked unit vectors (issue 16, RESULTS.md §6e), over a COPY of an eval home.

    cp -r /work/main/.reviewer-home/evals/scifact /tmp/l16/eval-wheel      # never write into the original
    nice -n 10 python -m benchmarks.late_quality embed HOME OUT.npz [--model qint8]
    python -m benchmarks.late_quality eval HOME OUT.npz [--model qint8] [--split dev|train] [--rerank 0.3,0.4]

`embed` late-chunks every catalogued SciFact abstract (reviewer/late_chunk.py) and saves the whole-text
vectors and the unit matrices. `eval` searches like production (benchmarks/plan_rescore.evaluate: exact cosine
top-100 by paper vector, best-unit re-score 0.5, the home's bm25s, convex fusion 0.5) with two arms that share
the paper vector (the whole text, identical under late chunking) and differ only in the unit vectors: `today`
(each unit embedded alone, read from the home's vector cache: HOME must have been ingested with that model)
and `late` (the saved late-chunked units), plus other best-unit re-score weights with late units (`--rerank`; tune
on train) and the `mean` option's paper vector (0.3 title) made of late units.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.plan_rescore import evaluate, paired
from evals.retrieval import load_claims, load_corpus, load_qrels
from reviewer.catalog import Catalog, paper_id
from reviewer.embed import MiniLMEmbedder
from reviewer.index import LexicalIndex
from reviewer.late_chunk import late_embed
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache, mean_vectors, paper_sentences


def corpus_ids() -> list[str]:
    return [paper_id(d["title"].strip() or f"SciFact {d['doc_id']}") for d in load_corpus()]


def load_late(saved: Path) -> tuple[list[str], np.lib.npyio.NpzFile, list[np.ndarray]]:
    """(corpus ids, the saved pack, each paper's late rows): the pack must hold the corpus in its order."""
    ids = corpus_ids()
    pack = np.load(saved)
    assert list(pack["ids"]) == ids, "the saved vectors are of another corpus order"
    bounds = np.cumsum([0, *pack["counts"]])
    rows = [pack["units"][a:b].astype(np.float32) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    return ids, pack, rows


def embed(home: Path, out: Path, model: str, chunk: int = 64) -> None:
    settings = Settings(home=home, auto_ingest_seeds=False, minilm_model=model, index_model=model)
    ids = corpus_ids()
    with Catalog(settings.catalog_path) as catalog:
        papers = catalog.get_many(ids)
    embedder = MiniLMEmbedder(batch_size=16, model=model)
    wholes, units, counts, tokens = [], [], [], 0
    began = time.process_time()
    for start in range(0, len(ids), chunk):
        group = [(papers[i].title, papers[i].abstract) for i in ids[start : start + chunk]]
        w, mats, plans = late_embed(embedder, group)
        wholes.append(w)
        units.extend(mats)
        counts.extend(len(m) for m in mats)
        tokens += sum(p.tokens() for p in plans)
        print(f"{start + len(group)}/{len(ids)} papers, {time.process_time() - began:.0f} CPU s", flush=True)
    np.savez(out, wholes=np.concatenate(wholes), units=np.concatenate(units).astype(np.float16),
             counts=np.array(counts), ids=np.array(ids), tokens=tokens)


def claim_inputs(settings: Settings, ids: list[str], split: str, remember: bool = True,
                 ) -> tuple[dict, list[np.ndarray], list[bool]]:
    """(evaluate()'s inputs without unit rows, each paper's units embedded alone, whether it has a title)."""
    docs = load_corpus()
    to_id = {str(d["doc_id"]): i for d, i in zip(docs, ids, strict=True)}
    qrels, claims = load_qrels(split=split), load_claims(split=split)
    judged = [c for c in claims if str(c["id"]) in qrels]
    with Catalog(settings.catalog_path) as catalog:
        papers = catalog.get_many(ids)
    cache = VectorCache(settings, remember=remember)
    stored = cache.paper_matrices(ids)
    for i in {i for i in ids if i not in stored}:  # as the retriever does for a paper without stored units
        stored[i] = cache.embed(paper_sentences(papers[i].title, papers[i].abstract))
    queries = cache.embed([c["claim"] for c in judged])
    cache.close()
    base = {"ids": ids, "queries": queries, "claims": [c["claim"] for c in judged],
            "relevant": [{to_id[d] for d in qrels[str(c["id"])] if d in to_id} for c in judged],
            "lexical": LexicalIndex.load(settings.bm25_path)}
    return base, [stored[i] for i in ids], [bool(papers[i].title.strip()) for i in ids]


def evaluate_arms(home: Path, saved: Path, model: str, split: str, reranks: list[float]) -> None:
    settings = Settings(home=home, auto_ingest_seeds=False, minilm_model=model, index_model=model)
    ids, pack, late = load_late(saved)
    base, alone, titled = claim_inputs(settings, ids, split)
    whole = pack["wholes"]
    arms = {"today": ({**base, "matrices": alone}, whole, 0.5),
            "late": ({**base, "matrices": late}, whole, 0.5),
            **{f"late, re-score weight {rr}": ({**base, "matrices": late}, whole, rr) for rr in reranks},
            "late, paper vector = w3 mean of late units": ({**base, "matrices": late}, mean_vectors(late, titled, 0.3),
                                                          0.5)}
    print(f"SciFact {split}, model {model}: {len(base['claims'])} claims over {len(ids)} abstracts; "
          f"unit cos late vs today: {_unit_cos(late, alone)}")
    print(f"| arm | hybrid nDCG@10 | hybrid recall@100 | hybrid MRR@10 | dense nDCG@10 | hybrid nDCG@10 vs "
          f"{next(iter(arms))} per claim [95% CI] |")
    print("|---|---|---|---|---|---|")
    first: list[float] = []
    for name, (data, vectors, rr) in arms.items():
        r = evaluate(data, vectors, rr, 100, "", 0.0)
        first = first or r["per query"]
        print(f"| {name} | {r['hybrid ndcg']:.4f} | {r['hybrid recall']:.4f} | {r['hybrid mrr']:.4f} | "
              f"{r['dense ndcg']:.4f} | {paired(first, r['per query'])} |", flush=True)


def _unit_cos(late: list[np.ndarray], alone: list[np.ndarray]) -> str:
    pairs = [(m, a) for m, a in zip(late, alone, strict=True) if len(a) == len(m)]
    if not pairs:
        return "n/a"
    cos = np.concatenate([(a * b).sum(axis=1) for a, b in pairs])
    titles = np.array([(a[0] * b[0]).sum() for a, b in pairs])
    return f"mean {cos.mean():.3f} (titles {titles.mean():.3f}), 5th percentile {np.percentile(cos, 5):.3f}"


def main() -> None:
    args = sys.argv[1:]
    model = args[args.index("--model") + 1] if "--model" in args else "wheel"
    if args[0] == "embed":
        embed(Path(args[1]), Path(args[2]), model)
    else:
        split = args[args.index("--split") + 1] if "--split" in args else "dev"
        reranks = [float(x) for x in args[args.index("--rerank") + 1].split(",")] if "--rerank" in args else []
        evaluate_arms(Path(args[1]), Path(args[2]), model, split, reranks)


if __name__ == "__main__":
    main()
