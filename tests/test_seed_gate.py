"""benchmarks/seed_gate.py: issue 16's seed gate over the 15 + 60 known items, every survey topic and ask question.

The gate decides a default on paired differences, so the arm's settings must reach Settings, the pooled MRR
must weigh every question alike, topics must be resampled by survey row, and the blind set must name seed
papers without their title words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import Stemmer

from benchmarks.plan_seeds import known_items
from benchmarks.seed_gate import (
    KNOWN_SETS,
    compare,
    flat_topics,
    known_rr,
    paired_ci,
    parse_arm,
    rows_of,
    summary,
)
from reviewer.catalog import Catalog, paper_id
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"


def test_an_arm_names_its_plan_pool_bm25_and_fusion_settings(tmp_path: Path) -> None:
    plan, update = parse_arm("adapted-qint8-fused:late@200,k1=1.2,title=2,w=0.6")
    assert plan == "adapted-qint8-fused:late"
    settings = Settings(home=tmp_path, **update)
    assert (settings.candidate_pool, settings.bm25_k1, settings.bm25_title_repeat, settings.dense_weight) == (
        200, 1.2, 2, 0.6)
    assert parse_arm("whole") == ("whole", {})
    with pytest.raises(ValueError, match="unknown arm option"):
        parse_arm("whole@k=3")


def test_paired_interval_is_exact_for_a_constant_shift_and_zero_for_identical_arms() -> None:
    first = [0.2, 0.5, 1.0, 0.0, 0.25]
    assert paired_ci(first, first) == (0.0, 0.0, 0.0)
    mean, low, high = paired_ci(first, [x + 0.1 for x in first])
    assert (round(mean, 9), round(low, 9), round(high, 9)) == (0.1, 0.1, 0.1)


def test_grouped_items_are_resampled_together() -> None:
    # Two groups of 50: every item of the first gains 1, every item of the second loses 1. Drawn as groups the
    # interval spans [-1, 1]; drawn item by item it would be about +-0.2.
    first = [0.0] * 100
    other = [1.0] * 50 + [-1.0] * 50
    groups = [0] * 50 + [1] * 50
    mean, low, high = paired_ci(first, other, groups)
    assert mean == 0.0 and low <= -0.99 and high >= 0.99
    _, low_items, high_items = paired_ci(first, other)
    assert -0.4 < low_items < 0 < high_items < 0.4
    with pytest.raises(ValueError):
        paired_ci(first, other, groups[:-1])


def _result(old: list[float], new: list[float], topics: dict[str, list[list[float]]], ask: list[float]) -> dict:
    return {"arm": "x", "known": {"old": old, "new": new}, "topics": topics, "ask": ask}


def test_pooled_known_mrr_weighs_every_question_alike_and_topics_pair_by_row() -> None:
    result = _result([1.0] * 15, [0.5] * 60, {"b": [[1.0, 0.0]], "a": [[0.5, 0.5], [0.0, 1.0]]}, [1.0, 0.0])
    s = summary(result)
    assert s["pooled_mrr"] == pytest.approx(0.6) and s["n_known"] == 75  # not the mean of 1.0 and 0.5
    assert (s["old_top1"], s["new_top1"], s["topics_r20"], s["n_topics"], s["ask_mrr"]) == (15, 0, 0.5, 6, 0.5)
    assert flat_topics(result) == ([0.5, 0.5, 0.0, 1.0, 1.0, 0.0], [0, 0, 1, 1, 2, 2])
    assert flat_topics(result, {"b"}) == ([1.0, 0.0], [0, 0])
    better = _result([1.0] * 15, [1.0] * 60, {"b": [[1.0, 1.0]], "a": [[0.5, 0.5], [0.0, 1.0]]}, [1.0, 1.0])
    c = compare(result, better)
    assert c["known"][0] == pytest.approx(0.4) and c["topics"][0] == pytest.approx(1 / 6)
    assert c["ask"][0] == pytest.approx(0.5)
    assert c["moved"] == {"known": (60, 0), "topics": (1, 0), "ask": (1, 0)}
    held = {"blind26": [[0.0, 0.0]], "dev": [[1.0, 1.0]]}
    assert compare(_result([1.0] * 15, [1.0] * 60, held, [1.0, 1.0]),
                   _result([1.0] * 15, [1.0] * 60, {**held, "blind26": [[0.5, 1.0]]}, [1.0, 1.0])
                   )["topics_heldout"][0] == pytest.approx(0.75)
    with pytest.raises(ValueError, match="same questions"):
        compare(result, _result([1.0] * 15, [1.0] * 59, result["topics"], [1.0, 1.0]))


def test_known_item_ranks_are_plan_seeds_ranks(settings: Settings) -> None:
    retriever = HybridRetriever(settings)
    rr = known_rr(retriever, rows_of(KNOWN_SETS["old"]))
    assert len(rr) == 15
    assert sum(rr) / len(rr) == pytest.approx(known_items(retriever)["hybrid"][0])


def _words(text: str, stem: Stemmer.Stemmer) -> set[str]:
    stop = set("a an the of for in on with and to from via by is are not how what do we as at or its their them be "
               "using use vs".split())
    return {stem.stemWord(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in stop}


def test_the_blind_known_item_set_names_distinct_unused_seed_papers_without_title_words(settings: Settings) -> None:
    rows = rows_of(KNOWN_SETS["new"])
    with Catalog(settings.catalog_path) as catalog:
        ids = {p.id for p in catalog.iter_papers()}
    targets = [paper_id(r["title"]) for r in rows]
    assert len(rows) == 60 and len(set(targets)) == 60 and set(targets) <= ids
    earlier = {paper_id(json.loads(line)["title"]) for p in DATASETS.glob("seeds_paraphrased*.jsonl")
               for line in p.read_text().splitlines() if line.strip()}
    assert not earlier & set(targets)
    stem = Stemmer.Stemmer("english")
    for row in rows:
        assert not (_words(row["title"], stem) & _words(row["query"], stem)) - {"model"}, row["title"]
