"""evals/survey_rules.py: the drop rules screen what they say, and a set is scored as `reviewer eval survey` scores it.

Keys are blind35's seed papers (reward hacking: confrontingreward, cooperoptimizing, robustreward; off-topic
neighbours rewardbenchadvancing, skyworkreward), so a record looks like one of the real sets.
"""

from __future__ import annotations

import pytest

from evals.survey_rules import Case, Wording, rule, set_figures
from reviewer.models import Paper

TOPIC = "reward hacking and reward model overoptimization in RLHF"


def _wording(kept: list[tuple[str, float]], rankings: dict[str, list[str]], searched: list[str]) -> Wording:
    return Wording(topic=TOPIC, kept=kept, floor=0.58, searched=searched, pool=[k for k, _ in kept],
                   queries=[TOPIC, *rankings], rankings={TOPIC: searched, **rankings})


KEPT = [("confrontingreward", 0.80), ("rewardbenchadvancing", 0.70), ("robustreward", 0.66),
        ("skyworkreward", 0.60)]
RANKINGS = {"reward hacking": ["robustreward", "cooperoptimizing", "confrontingreward"],
            "reward model overoptimization": ["confrontingreward", "skyworkreward", "rewardbenchadvancing"]}
SEARCHED = ["confrontingreward", "robustreward", "rewardbenchadvancing", "skyworkreward"]


def test_the_keys_are_seed_papers(seed_papers: dict[str, Paper]) -> None:
    keys = {k for k, _ in KEPT} | {k for r in RANKINGS.values() for k in r}
    assert keys <= set(seed_papers)


def test_facet_rule_drops_past_the_position_only_what_no_sub_query_ranks_high() -> None:
    w = _wording(KEPT, RANKINGS, SEARCHED)
    # Past the first paper, a paper must be in the first 2 of at least one sub-query's ranking.
    assert rule("facets:1,2,1")(w) == ["confrontingreward", "robustreward", "skyworkreward"]
    # In the first 2 of both sub-queries: only confrontingreward (kept by position anyway).
    assert rule("facets:1,2,2")(w) == ["confrontingreward"]
    # A wording without sub-queries has no facets to agree: nothing is dropped.
    assert rule("facets:0,2,1")(_wording(KEPT, {}, SEARCHED)) == [k for k, _ in KEPT]


def test_cap_margin_and_search_rules() -> None:
    w = _wording(KEPT, RANKINGS, SEARCHED)
    assert rule("cap:2")(w) == ["confrontingreward", "rewardbenchadvancing"]
    assert rule("margin:0.05")(w) == ["confrontingreward", "rewardbenchadvancing", "robustreward"]
    assert rule("search:2,2")(w) == ["confrontingreward", "rewardbenchadvancing", "robustreward"]


def test_a_set_is_scored_as_the_eval_scores_it() -> None:
    relevant = ["confrontingreward", "cooperoptimizing", "robustreward", "designingeffective"]
    topic = _wording(KEPT, RANKINGS, SEARCHED)
    paraphrase = _wording([("robustreward", 0.7), ("cooperoptimizing", 0.65)], {}, ["robustreward"])
    r, rp, p, j, n = set_figures([Case(relevant=relevant, topic=topic, paraphrase=paraphrase)])
    # topic: 2 of 4 relevant found among 4 kept; paraphrase: 2 of 4 among 2; shared 1 of 5 distinct papers.
    assert (r, rp, p, j, n) == pytest.approx((0.5, 0.5, (0.5 + 1.0) / 2, 1 / 5, 3.0))
    r, rp, p, j, n = set_figures([Case(relevant=relevant, topic=topic, paraphrase=paraphrase)], rule("cap:1"))
    assert (r, rp, p, j) == pytest.approx((0.25, 0.25, 1.0, 0.0))
