"""One reader of evaluation clauses (reviewer/evalclause.py) for the survey's table and lead and the checker, on real
seed text."""

from __future__ import annotations

from reviewer.checker.evaluated import evaluated_on
from reviewer.checker.ownname import own_name
from reviewer.models import Paper
from reviewer.survey.benchclause import evaluated
from reviewer.survey.table import method_name, offline_row


def _by_title(papers: dict[str, Paper], start: str) -> Paper:
    return next(p for p in papers.values() if p.title.startswith(start))


def test_table_leaves_out_a_method_the_paper_is_compared_with(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """XRPO 'outperforms existing advances (e.g., GRPO and GSPO) up to 4% pass@1': GSPO is a competitor, not a
    benchmark; a benchmark after the comparison's 'on' stays ('outperforms ... on MATH')."""
    paper = _by_title(seed_papers, "XRPO")
    gazetteer = seed_gazetteer
    assert "GSPO" in gazetteer and "(e.g., GRPO and GSPO)" in paper.abstract
    assert "GSPO" not in offline_row(paper, gazetteer).benchmarks.text.split(", ")
    text = "Our method outperforms GRPO on MATH and AIME24 by 4 points."
    assert evaluated("MATH", text) and evaluated("AIME24", text) and not evaluated("GRPO", text)


def test_lead_and_checker_read_based_on_and_built_on_alike(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """COIG-P: 'Evaluation results based on AlignBench show ...' is an evaluation, for the lead and the checker alike;
    BLIND-ACT: 'Built on OSWorld, BLIND-ACT provides realistic environments' is not, for either."""
    coig = _by_title(seed_papers, "COIG-P")
    assert "Evaluation results based on AlignBench" in coig.abstract
    assert own_name(coig.title, coig.abstract) == "COIG-P"
    assert evaluated("AlignBench", coig.abstract)
    assert evaluated_on("COIG-P is evaluated on AlignBench.", coig)
    blind = _by_title(seed_papers, "Just Do It")
    assert "Built on OSWorld" in blind.abstract and method_name(blind) == "BLIND-ACT"
    gazetteer = seed_gazetteer
    assert "OSWorld" in offline_row(blind, gazetteer).benchmarks.text.split(", ")  # the table lists what it names
    assert not evaluated("OSWorld", blind.abstract)
    assert not evaluated_on("BLIND-ACT is evaluated on OSWorld.", blind)
