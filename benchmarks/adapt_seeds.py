"""Whole-corpus retrieval over the seeds for one MiniLM model: `python -m benchmarks.adapt_seeds MODEL [FILE]`.

MODEL is a REVIEWER_MINILM_MODEL value ('wheel', 'adapted', ...); FILE (optional) is an ONNX file served as
'adapted' (a candidate of evals/adapt_embedder.py before it is shipped). The seeds are ingested into a fresh home
(`--home DIR` keeps one and reuses it), then searched with the production HybridRetriever:

* survey wordings: every survey_*.jsonl set, the topic and its paraphrase each a query, its hand-picked relevant
  papers the targets; recall@20 / recall@40 / R-precision, hybrid and dense, pooled over the sets of a split. The
  split 'test' is blind26..blind30 (held out by branch e31: only pooled figures are printed), 'dev' the rest;
* known items: seeds_paraphrased.jsonl and seeds_known_blind.jsonl (benchmarks.plan_seeds.known_items), MRR
  hybrid / dense / BM25 (benchmarks/seed_gate.py adds paired intervals against the default);
* ask: MRR@10 of the first cited paper over every ask_*.jsonl row with cited papers (ask_rows), hybrid / dense.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.plan_seeds import ask_mrr_of, known_items
from evals.metrics import mean, recall_at_k
from reviewer.ingest.pipeline import ingest_paths
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"
TEST_SETS = {f"blind{n}" for n in range(26, 31)}  # e31's held-out split


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def survey_sets() -> dict[str, list[dict[str, Any]]]:
    out = {}
    for path in sorted(DATASETS.glob("survey_*.jsonl")):
        out[re.sub(r"^survey_", "", path.stem)] = _rows(path)
    return out


def r_precision(keys: list[str], relevant: set[str]) -> float:
    return len(set(keys[: len(relevant)]) & relevant) / len(relevant) if relevant else 0.0


def survey_split(retriever: HybridRetriever, test: bool) -> dict[str, float]:
    acc: dict[str, list[float]] = {}
    for name, rows in survey_sets().items():
        if (name in TEST_SETS) != test:
            continue
        for row in rows:
            relevant = set(row["relevant"])
            for side in ("topic", "paraphrase"):
                for mode in ("hybrid", "dense"):
                    keys = [h.key for h in retriever.search(row[side], k=40, mode=mode)]  # type: ignore[arg-type]
                    acc.setdefault(f"{side}.{mode}.r20", []).append(recall_at_k(keys, relevant, 20))
                    acc.setdefault(f"{side}.{mode}.r40", []).append(recall_at_k(keys, relevant, 40))
                    acc.setdefault(f"{side}.{mode}.rprec", []).append(r_precision(keys, relevant))
    return {k: mean(v) for k, v in acc.items()} | {"n": float(len(acc.get("topic.hybrid.r20", [])))}


def ask_rows() -> list[dict[str, Any]]:
    return [r for p in sorted(DATASETS.glob("ask_*.jsonl")) for r in _rows(p) if r.get("papers") and r.get("q")]


def ask_mrr(retriever: HybridRetriever) -> dict[str, float]:
    return ask_mrr_of(retriever, ask_rows(), ("hybrid", "dense"))


def measure(settings: Settings) -> dict[str, Any]:
    retriever = HybridRetriever(settings)
    known = known_items(retriever)
    blind = known_items(retriever, "seeds_known_blind.jsonl")
    return {
        "dev": survey_split(retriever, test=False),
        "test": survey_split(retriever, test=True),
        "known_mrr": {m: known[m][0] for m in ("hybrid", "dense", "bm25")},
        "known_blind_mrr": {m: blind[m][0] for m in ("hybrid", "dense", "bm25")},
        "ask_mrr10": ask_mrr(retriever),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--home")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.file:
        import reviewer.embed as embed

        embed.ADAPTED_MODEL_PATH = Path(args.file)
    with tempfile.TemporaryDirectory(prefix="adapt-seeds-") as tmp:
        home = Path(args.home or tmp)
        settings = Settings(home=home, auto_ingest_seeds=False, minilm_model=args.model,
                            index_model=args.model)
        if not (home / "catalog.sqlite").exists():
            ingest_paths(settings, [settings.seeds_dir], quiet=True)
        result = measure(settings)
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        Path(args.out).write_text(text)


if __name__ == "__main__":
    main()
