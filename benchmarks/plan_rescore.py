"""No whole-text embedding: can query-time scoring or a better stored vector recover retrieval? (issue 16, §6d)

    REVIEWER_MINILM_MODEL=qint8 REVIEWER_HOME=/tmp/x reviewer eval retrieval   # builds the eval home once
    REVIEWER_MINILM_MODEL=qint8 python -m benchmarks.plan_rescore /tmp/x/evals/scifact [--split train|dev] [--arms a,b,...]
    python -m benchmarks.plan_rescore --seeds PACK.npz [--arms a,b,...]        # the seed sets, finalists only

Every arm reads the title + sentence vectors ingest cached (plus the whole-text vectors, from the cache, as the
reference) and searches like production (benchmarks/plan_weight.py: exact cosine top-`pool` by paper vector,
re-scored, home's bm25s, convex fusion). An arm is a paper vector and a dense score:

* paper vectors: `whole` (today), `w3` = normalise(0.3 title + 0.7 mean of sentences) (the `mean` option),
  `tok` = normalise(0.3 title + 0.7 token-weighted mean of sentences): each sentence weighs its WordPiece
  count, as the whole text's mean pooling weighs its tokens;
* dense scores: `rr` x best unit + (1 - rr) x paper cosine (production: rr 0.5) over the top `pool` (100),
  optionally `top3` (mean of the 3 best units), `lse` (log-mean-exp of unit cosines at temperature 0.05) or
  `title` (title cosine) mixed in.

`--seeds` runs plan_seeds' sets (known items, `ask`, topics) on fresh seed homes through the production
HybridRetriever; for `tok` it patches the ingest's mean_vectors (no production option exists for it). The
qint8 seed vectors are not bundled: pass a pack built with the qint8 model (e.g. `git show
c93425a:reviewer/assets/seed_vectors.npz`). Tune on train; dev and the seeds are measured once per finalist.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.plan_weight import load
from evals.metrics import mean, mrr_at_k, ndcg_at_k, recall_at_k
from reviewer.retrieve import convex
from reviewer.vector_cache import mean_vectors

# name: (paper vector, rr, pool, extra dense feature, its weight)
ARMS: dict[str, tuple[str, float, int, str, float]] = {
    "whole": ("whole", 0.5, 100, "", 0.0),
    "w3": ("w3", 0.5, 100, "", 0.0),
    "tok": ("tok", 0.5, 100, "", 0.0),
    "tok rr0.6": ("tok", 0.6, 100, "", 0.0),
    "tok rr0.7": ("tok", 0.7, 100, "", 0.0),
    "tok +top3": ("tok", 0.4, 100, "top3", 0.2),
    "tok +lse": ("tok", 0.4, 100, "lse", 0.2),
    "tok +title": ("tok", 0.4, 100, "title", 0.2),
    "whole pool200": ("whole", 0.5, 200, "", 0.0),
    "tok pool200": ("tok", 0.5, 200, "", 0.0),
    "tok pool300": ("tok", 0.5, 300, "", 0.0),
    "tok pool200 rr0.7": ("tok", 0.7, 200, "", 0.0),
    "tok pool200 rr0.4": ("tok", 0.4, 200, "", 0.0),
}
SEED_ARMS: dict[str, dict[str, Any]] = {
    "whole": {"paper_vector": "whole", "paper_title_weight": None},
    "w3": {"paper_vector": "mean", "paper_title_weight": 0.3},
    "tok": {"paper_vector": "mean", "paper_title_weight": 0.3},
    "tok pool200": {"paper_vector": "mean", "paper_title_weight": 0.3, "candidate_pool": 200},
    "tok pool200 rr0.7": {"paper_vector": "mean", "paper_title_weight": 0.3, "candidate_pool": 200,
                          "sentence_rerank": 0.7},
    "tok pool200 rr0.4": {"paper_vector": "mean", "paper_title_weight": 0.3, "candidate_pool": 200,
                          "sentence_rerank": 0.4},
}


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from tokenizers.implementations import BertWordPieceTokenizer

    from reviewer.embed import VOCAB_PATH

    return BertWordPieceTokenizer(str(VOCAB_PATH), lowercase=True, strip_accents=None, clean_text=True,
                                  handle_chinese_chars=True)


def word_pieces(texts: list[str]) -> np.ndarray:
    """WordPiece tokens of each text, without [CLS]/[SEP] (the weights of the `tok` vector)."""
    return np.array([max(len(e.ids) - 2, 1) for e in _tokenizer().encode_batch(texts)], np.float32)


def token_weighted(matrices: list[np.ndarray], units: list[list[str]], titled: list[bool],
                   title_weight: float = 0.3) -> np.ndarray:
    """normalise(w x title + (1 - w) x sum(tokens_i x sentence_i) / sum(tokens_i)); untitled: token-weighted."""
    rows = []
    for m, texts, has_title in zip(matrices, units, titled, strict=True):
        weights = word_pieces(texts)
        if has_title and len(m) > 1:
            body = (weights[1:, None] * m[1:]).sum(0) / weights[1:].sum()
            rows.append(title_weight * m[0] + (1 - title_weight) * body)
        else:
            rows.append((weights[:, None] * m).sum(0) / weights.sum())
    out = np.stack(rows).astype(np.float32)
    return out / np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)


def unit_units(home: Path, ids: list[str]) -> list[list[str]]:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings
    from reviewer.vector_cache import paper_sentences

    with Catalog(Settings(home=home, auto_ingest_seeds=False).catalog_path) as catalog:
        papers = catalog.get_many(ids)
    return [paper_sentences(papers[i].title, papers[i].abstract) for i in ids]


def dense_scores(cos: np.ndarray, paper: np.ndarray, rr: float, extra: str, weight: float) -> np.ndarray:
    """cos: (candidates, units) unit cosines, -inf padded, title first when the paper has one."""
    best = cos.max(axis=1)
    score = rr * best + (1 - rr - weight) * paper
    if extra == "top3":
        top = -np.sort(-cos, axis=1)[:, :3]
        score += weight * np.nanmean(np.where(np.isfinite(top), top, np.nan), axis=1)
    elif extra == "lse":
        e = np.where(np.isfinite(cos), np.exp((cos - best[:, None]) / 0.05), 0.0)
        score += weight * (best + 0.05 * np.log(e.sum(axis=1) / np.isfinite(cos).sum(axis=1)))
    elif extra == "title":
        score += weight * cos[:, 0]
    return score


def evaluate(data: dict[str, Any], papers: np.ndarray, rr: float, pool: int, extra: str, weight: float,
             dense_weight: float = 0.5) -> dict[str, Any]:
    ids, matrices = data["ids"], data["matrices"]
    width = max(len(m) for m in matrices)
    padded = np.zeros((len(ids), width, matrices[0].shape[1]), np.float32)
    present = np.zeros((len(ids), width), bool)
    for i, m in enumerate(matrices):
        padded[i, : len(m)], present[i, : len(m)] = m, True
    out: dict[str, list[float]] = {k: [] for k in ("hybrid ndcg", "hybrid recall", "hybrid mrr", "dense ndcg")}
    for q, vector in enumerate(data["queries"]):
        paper_scores = papers @ vector
        top = np.argsort(-paper_scores)[:pool]
        cos = np.where(present[top], padded[top] @ vector, -np.inf)
        scores = dense_scores(cos, paper_scores[top], rr, extra, weight)
        dense = sorted(((ids[j], float(s)) for j, s in zip(top, scores, strict=True)), key=lambda x: -x[1])
        fused = convex([dense, data["lexical"].query(data["claims"][q], pool)], [dense_weight, 1 - dense_weight])
        hybrid = sorted(fused, key=lambda d: (-fused[d], d))[:100]
        rel = data["relevant"][q]
        out["hybrid ndcg"].append(ndcg_at_k(hybrid, rel, 10))
        out["hybrid recall"].append(recall_at_k(hybrid, rel, 100))
        out["hybrid mrr"].append(mrr_at_k(hybrid, rel, 10))
        out["dense ndcg"].append(ndcg_at_k([d for d, _ in dense], rel, 10))
    return {**{k: mean(v) for k, v in out.items()}, "per query": out["hybrid ndcg"]}


def paired(first: list[float], other: list[float], rounds: int = 4000) -> str:
    """Mean per-claim difference in hybrid nDCG@10 against the first arm, with a 95% bootstrap interval."""
    diff = np.array(other) - np.array(first)
    rng = np.random.default_rng(0)
    boots = [diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(rounds)]
    low, high = np.percentile(boots, [2.5, 97.5])
    return f"{diff.mean():+.4f} [{low:+.4f}, {high:+.4f}]"


def scifact(home: Path, split: str, arms: list[str]) -> None:
    data = load(home, split, whole=True)
    vectors = {"whole": data["whole"], "w3": mean_vectors(data["matrices"], data["titled"], 0.3)}
    if any(ARMS[a][0] == "tok" for a in arms):
        vectors["tok"] = token_weighted(data["matrices"], unit_units(home, data["ids"]), data["titled"])
    print(f"SciFact {split}: {len(data['claims'])} claims over {len(data['ids'])} abstracts")
    print(f"| arm | hybrid nDCG@10 | hybrid recall@100 | hybrid MRR@10 | dense nDCG@10 | paper vector cos to whole "
          f"| hybrid nDCG@10 vs {arms[0]} per claim [95% CI] |")
    print("|---|---|---|---|---|---|---|")
    first: list[float] = []
    for arm in arms:
        plan, rr, pool, extra, weight = ARMS[arm]
        r = evaluate(data, vectors[plan], rr, pool, extra, weight)
        first = first or r["per query"]
        near = float((vectors[plan] * data["whole"]).sum(axis=1).mean())
        print(f"| {arm} | {r['hybrid ndcg']:.4f} | {r['hybrid recall']:.4f} | {r['hybrid mrr']:.4f} | "
              f"{r['dense ndcg']:.4f} | {near:.3f} | {paired(first, r['per query'])} |", flush=True)


def seeds(pack: Path, arms: list[str]) -> None:
    import tempfile

    import benchmarks.plan_seeds as ps
    import reviewer.vector_cache as vc
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.retrieve import HybridRetriever
    from reviewer.settings import Settings

    ps.add_pack(pack)
    plain_units, plain_mean = vc.paper_sentences, vc.mean_vectors
    seen: list[list[str]] = []

    def recording_units(title: str, abstract: str) -> list[str]:
        seen.append(plain_units(title, abstract))
        return seen[-1]

    def tok_mean(matrices: list[np.ndarray], titled: list[bool] | None = None, title_weight: float | None = None
                 ) -> np.ndarray:  # the ingest chunk's units were just split by recording_units
        return token_weighted(matrices, seen[-len(matrices):], titled or [True] * len(matrices), title_weight or 0.3)

    print("| arm (qint8) | known-item dense MRR / top-1 | BM25 | hybrid MRR / top-1 | ask MRR@10 dense / hybrid "
          "| topics hybrid recall@20 / nDCG@10 |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="plan-rescore-") as tmp:
        for n, arm in enumerate(arms):
            tok = arm.startswith("tok")
            vc.paper_sentences, vc.mean_vectors = (recording_units, tok_mean) if tok else (plain_units, plain_mean)
            settings = Settings(home=Path(tmp) / str(n), auto_ingest_seeds=False, minilm_model="qint8", index_model="qint8",
                                **SEED_ARMS[arm])
            ingest_paths(settings, [settings.seeds_dir], quiet=True)
            retriever = HybridRetriever(settings)
            k, a, t = ps.known_items(retriever), ps.ask_items(retriever), ps.topics(retriever)
            cells = [f"{k[m][0]:.3f} / {k[m][1]}/{k[m][2]}" for m in ("dense", "bm25", "hybrid")]
            print(f"| {arm} | {' | '.join(cells)} | {a['dense']:.3f} / {a['hybrid']:.3f} | "
                  f"{t['recall@20']:.3f} / {t['ndcg@10']:.3f} |", flush=True)
    vc.paper_sentences, vc.mean_vectors = plain_units, plain_mean


def main() -> None:
    args = sys.argv[1:]
    arms = args[args.index("--arms") + 1].split(",") if "--arms" in args else None
    if "--seeds" in args:
        seeds(Path(args[args.index("--seeds") + 1]), arms or list(SEED_ARMS))
        return
    split = args[args.index("--split") + 1] if "--split" in args else "train"
    scifact(Path(args[0]), split, arms or list(ARMS))


if __name__ == "__main__":
    main()
