"""Issue 16's seed gate on sets big enough to decide: `python -m benchmarks.seed_gate score|compare ...`.

    python -m benchmarks.seed_gate score ARM ... --homes DIR --out DIR
    python -m benchmarks.seed_gate compare DIR/DEFAULT.json DIR/ARM.json ...

ARM is a benchmarks.plan_seeds plan ('whole', 'qint8-fused:late', ...) with optional query-time options after
'@': the candidate pool and `key=value` pairs for the BM25 and fusion settings, e.g.
'adapted-qint8-fused:late@200,k1=1.2,title=2,w=0.6' (k1 = bm25_k1, title = bm25_title_repeat, w = dense_weight).
Each plan is ingested once into DIR/<plan> (reused when it exists; a non-default model embeds the seeds itself),
each option set only rebuilds the lexical index (ensure_ready). `score` keeps every question's figure in
OUT/<arm>.json and prints summary lines only: the blind set's per-question figures are never printed.

* known items: seeds_paraphrased.jsonl (the 15-question bar) and seeds_known_blind.jsonl (60, branch k33):
  hybrid reciprocal rank of the named paper in the top 50 (1/1000 when absent), as plan_seeds.known_items;
* topics: recall@20 of hybrid search for the topic and the paraphrase of every row of every survey_*.jsonl set
  (benchmarks.adapt_seeds.survey_sets);
* ask: MRR@10 of the first cited paper over every ask_*.jsonl row with cited papers (adapt_seeds.ask_rows).

`compare` prints, per arm against the first file, each figure and a 95% paired bootstrap interval of the
difference: known items over the pooled 75 questions, topics resampled by survey row (its topic and
paraphrase move together; also over e31's held-out split blind26..blind30 alone, since the `adapted` models were
chosen on the other survey sets), ask by question.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.adapt_seeds import TEST_SETS, ask_rows, survey_sets
from benchmarks.plan_seeds import DATASETS, ask_mrr_of, plan_settings
from evals.metrics import mean, recall_at_k
from reviewer.catalog import paper_id
from reviewer.ingest.pipeline import ensure_ready, ingest_paths
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

KNOWN_SETS = {"old": "seeds_paraphrased.jsonl", "new": "seeds_known_blind.jsonl"}
OPTION_FIELDS = {"k1": ("bm25_k1", float), "title": ("bm25_title_repeat", int), "w": ("dense_weight", float)}
MISSING_RANK = 1000


def parse_arm(arm: str) -> tuple[str, dict[str, Any]]:
    """'PLAN@POOL,key=value,...' -> (plan, query-time settings); the pool is the first option when a number."""
    plan, _, options = arm.partition("@")
    update: dict[str, Any] = {}
    for item in filter(None, options.split(",")):
        key, eq, value = item.partition("=")
        if not eq and key.isdigit():
            update["candidate_pool"] = int(key)
        elif key in OPTION_FIELDS:
            field, cast = OPTION_FIELDS[key]
            update[field] = cast(value)
        else:
            raise ValueError(f"unknown arm option {item!r} in {arm!r} (a pool number or {', '.join(OPTION_FIELDS)})")
    return plan, update


def rows_of(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATASETS / name).read_text().splitlines() if line.strip()]


def reciprocal_rank(ids: list[str], target: str) -> float:
    return 1 / (ids.index(target) + 1) if target in ids else 1 / MISSING_RANK


def known_rr(retriever: HybridRetriever, rows: list[dict[str, Any]]) -> list[float]:
    """Hybrid reciprocal rank of each row's named paper (its title's id) in the top 50."""
    return [reciprocal_rank([h.id for h in retriever.search(row["query"], k=50)], paper_id(row["title"]))
            for row in rows]


def topic_recalls(retriever: HybridRetriever) -> dict[str, list[list[float]]]:
    """Per survey set, per row: [recall@20 of the topic, recall@20 of the paraphrase] under hybrid search."""
    out: dict[str, list[list[float]]] = {}
    for name, rows in survey_sets().items():
        for row in rows:
            relevant = set(row["relevant"])
            pair = [recall_at_k([h.key for h in retriever.search(row[side], k=20)], relevant, 20)
                    for side in ("topic", "paraphrase")]
            out.setdefault(name, []).append(pair)
    return out


def ask_rr(retriever: HybridRetriever) -> list[float]:
    return [ask_mrr_of(retriever, [row], ("hybrid",))["hybrid"] for row in ask_rows()]


def score(settings: Settings) -> dict[str, Any]:
    retriever = HybridRetriever(settings)
    return {"known": {k: known_rr(retriever, rows_of(f)) for k, f in KNOWN_SETS.items()},
            "topics": topic_recalls(retriever), "ask": ask_rr(retriever)}


def summary(result: dict[str, Any]) -> dict[str, float]:
    """The figures a reader may see: means and top-1 counts, never a question's own figure."""
    old, new = result["known"]["old"], result["known"]["new"]
    topics = [x for rows in result["topics"].values() for pair in rows for x in pair]
    return {"old_mrr": mean(old), "old_top1": sum(r == 1 for r in old), "new_mrr": mean(new),
            "new_top1": sum(r == 1 for r in new), "pooled_mrr": mean(old + new), "n_known": len(old + new),
            "topics_r20": mean(topics), "n_topics": len(topics), "ask_mrr": mean(result["ask"]),
            "n_ask": len(result["ask"])}


def paired_ci(first: list[float], other: list[float], groups: list[int] | None = None, rounds: int = 4000,
              seed: int = 0) -> tuple[float, float, float]:
    """Mean of other - first and its 95% bootstrap interval; with `groups`, whole groups are resampled together
    (the mean is then over the drawn groups' items)."""
    diff = np.asarray(other, dtype=float) - np.asarray(first, dtype=float)
    labels = np.asarray(groups if groups is not None else range(len(diff)))
    if diff.shape != labels.shape:
        raise ValueError("first, other and groups must have the same length")
    keys = np.unique(labels)
    sums = np.array([diff[labels == g].sum() for g in keys])
    sizes = np.array([(labels == g).sum() for g in keys])
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(keys), (rounds, len(keys)))
    boots = sums[draws].sum(axis=1) / sizes[draws].sum(axis=1)
    low, high = np.percentile(boots, [2.5, 97.5])
    return float(diff.mean()), float(low), float(high)


def moved(first: list[float], other: list[float]) -> tuple[int, int]:
    """How many items the arm scores higher / lower than the first (a count, never which items)."""
    pairs = list(zip(first, other, strict=True))
    return sum(b > a for a, b in pairs), sum(b < a for a, b in pairs)


def flat_topics(result: dict[str, Any], only: Collection[str] | None = None) -> tuple[list[float], list[int]]:
    """Every topic and paraphrase recall (of the sets in `only`, if given) in a fixed order, with its survey row
    as the group."""
    values: list[float] = []
    groups: list[int] = []
    names = [n for n in sorted(result["topics"]) if only is None or n in only]
    rows = [pair for name in names for pair in result["topics"][name]]
    for row, pair in enumerate(rows):
        values += pair
        groups += [row] * len(pair)
    return values, groups


def compare(first: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    known_a = first["known"]["old"] + first["known"]["new"]
    known_b = other["known"]["old"] + other["known"]["new"]
    topics_a, groups = flat_topics(first)
    topics_b, groups_b = flat_topics(other)
    if groups != groups_b or len(known_a) != len(known_b) or len(first["ask"]) != len(other["ask"]):
        raise ValueError("the two results were not scored on the same questions")
    counts = {"known": moved(known_a, known_b), "topics": moved(topics_a, topics_b),
              "ask": moved(first["ask"], other["ask"])}
    held_a, held_groups = flat_topics(first, TEST_SETS)
    held_b, _ = flat_topics(other, TEST_SETS)
    return {"known": paired_ci(known_a, known_b), "topics": paired_ci(topics_a, topics_b, groups),
            "topics_heldout": paired_ci(held_a, held_b, held_groups) if held_a else (0.0, 0.0, 0.0),
            "ask": paired_ci(first["ask"], other["ask"]), "moved": counts}


def arm_settings(homes: Path, arm: str) -> Settings:
    plan, update = parse_arm(arm)
    base = Settings(home=homes / plan.replace(":", "-"), auto_ingest_seeds=False, **plan_settings(plan))
    if not base.catalog_path.exists():
        ingest_paths(base, [base.seeds_dir], quiet=True)
    settings = base.model_copy(update=update)
    ensure_ready(settings, quiet=True)
    return settings


def _line(arm: str, s: dict[str, float]) -> str:
    return (f"| {arm} | {s['old_mrr']:.3f} / {s['old_top1']} | {s['new_mrr']:.3f} / {s['new_top1']} | "
            f"{s['pooled_mrr']:.3f} | {s['topics_r20']:.3f} | {s['ask_mrr']:.3f} |")


HEADER = ("| arm | known old 15 MRR / top-1 | known new 60 MRR / top-1 | known pooled MRR | topics recall@20 | "
          "ask MRR@10 |\n|---|---|---|---|---|---|")


def _file(out: Path, arm: str) -> Path:
    return out / (arm.replace(":", "-").replace("@", "_").replace(",", "_").replace("=", "") + ".json")


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("score")
    run.add_argument("arms", nargs="+")
    run.add_argument("--homes")
    run.add_argument("--out", required=True)
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("files", nargs="+")
    args = parser.parse_args()
    if args.command == "score":
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        print(HEADER, flush=True)
        with tempfile.TemporaryDirectory(prefix="seed-gate-") as tmp:
            for arm in args.arms:
                result = score(arm_settings(Path(args.homes or tmp), arm))
                _file(out, arm).write_text(json.dumps({"arm": arm, **result}))
                print(_line(arm, summary(result)), flush=True)
        return
    results = [json.loads(Path(f).read_text()) for f in args.files]
    print(f"| arm | known old 15 / new 60 / pooled MRR | pooled vs {results[0]['arm']} [95% CI] | topics recall@20 "
          f"| vs default [95% CI] | held-out topics vs default | ask MRR@10 | vs default [95% CI] |\n"
          f"|---|---|---|---|---|---|---|---|")
    for result in results:
        s, c = summary(result), compare(results[0], result)
        cells = [f"{d:+.4f} [{lo:+.4f}, {hi:+.4f}]" for d, lo, hi in
                 (c["known"], c["topics"], c["topics_heldout"], c["ask"])]
        for at, key in ((0, "known"), (1, "topics"), (3, "ask")):
            cells[at] += " ({} up / {} down)".format(*c["moved"][key])
        print(f"| {result['arm']} | {s['old_mrr']:.3f} / {s['new_mrr']:.3f} / {s['pooled_mrr']:.3f} | {cells[0]} | "
              f"{s['topics_r20']:.3f} | {cells[1]} | {cells[2]} | {s['ask_mrr']:.3f} | {cells[3]} |")


if __name__ == "__main__":
    main()
