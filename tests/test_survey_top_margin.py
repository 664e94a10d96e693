"""Survey selection on the real seeds: the floor follows the pool's best paper in a dense neighbourhood, and
the topic's own search rescues its first five pooled papers a little under the floor."""

from __future__ import annotations

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey import evidence
from tests.survey_steps import surveyed

# Every reward-model paper scores 0.64-0.9 for this wording; the absolute floor (0.58) alone passes them all.
DENSE = "evaluating reward models on benchmarks"
OFF_TOPIC = "reasoningmemorization"  # "Reasoning or Memorization? Unreliable Results of RL Due to Data Contamination"
BENCHMARK = "mrewardbench"
# A wording that avoids 'diffusion' leaves Goal-Conditioned Imitation Learning using Score-based Diffusion Policies
# under the floor while the topic's search ranks it 5th of the pool. (M-RewardBench for "test suites that measure
# how good reward models are" was such a paper until the agreed anchors lifted it over the floor, branch s22.)
REWORDED = "producing an agent's actions by iterative denoising of trajectories"
RESCUED = "goalconditioned"


def test_floor_follows_the_best_paper(settings: Settings, retriever: HybridRetriever) -> None:
    """The floor is `TOP_MARGIN` under the best paper when that is above the absolute floor: a paper on
    the setting (RL data contamination, 0.64) stays out while the reward-model benchmarks are surveyed."""
    result = surveyed(settings, retriever, DENSE)
    best = max(e.relevance for e in result.papers)
    assert result.threshold > evidence.RELEVANCE_FLOOR
    assert abs(result.threshold - (best - evidence.TOP_MARGIN)) < 1e-3
    keys = {e.key for e in result.papers}
    assert {"rewardbenchadvancing", "evaluatingrobustness", BENCHMARK} <= keys, sorted(keys)
    left = {w.key: w.reason for w in result.weak}
    assert OFF_TOPIC in left and "below the floor" in left[OFF_TOPIC], left.get(OFF_TOPIC)


def test_search_rescue_reaches_the_fifth_paper(legacy_settings: Settings, legacy_retriever: HybridRetriever) -> None:
    """A diffusion-policy paper, under the floor for a wording that avoids 'diffusion', is surveyed because the
    topic's own search ranks it among its first `SEARCH_TOP` (5) pooled papers; every paper surveyed under the
    floor is such a paper."""
    settings, retriever = legacy_settings, legacy_retriever  # pinned on the pre-split index (conftest LEGACY_INDEX)
    result = surveyed(settings, retriever, REWORDED)
    by_key = {e.key: e for e in result.papers}
    assert RESCUED in by_key, sorted(by_key)
    assert by_key[RESCUED].relevance < result.threshold
    pooled = {e.paper_id for e in result.papers} | {
        p.id for p in retriever.catalog.iter_papers() if p.key in {w.key for w in result.weak}}
    top = [h.id for h in retriever.search(REWORDED, k=len(pooled)) if h.id in pooled][: evidence.SEARCH_TOP]
    for e in result.papers:
        if e.relevance < result.threshold:
            assert e.paper_id in top and e.relevance >= evidence.RESCUE_FLOOR, (e.key, e.relevance)
