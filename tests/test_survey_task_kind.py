"""Task, Method and Result cells the abstract states where the extractor left them blank (branch t27), on real seed
text: the Task as the kind of work the sentence naming the method says it is ('a new test-time alignment approach') or
what it is designed to do, a name the authors give with 'we call', results about 'code generation' and 'achieving
state-of-the-art'."""

from __future__ import annotations

import pytest

from reviewer.models import Paper
from reviewer.survey.table import offline_row


def _titled(seed_papers: dict[str, Paper], start: str) -> Paper:
    found = [p for p in seed_papers.values() if p.title.startswith(start)]
    assert len(found) == 1, start
    return found[0]


@pytest.mark.parametrize(("start", "task"), [
    ("Sample, Don't Search", "test-time alignment"),  # 'We introduce QAlign, a new test-time alignment approach.'
    ("Tool-Augmented Reward Modeling", "tool-augmented preference modeling"),  # '... approach, named Themis'
    ("Dynamic Evaluation of Large Language Models", "dynamic evaluation"),  # 'MPA, a general dynamic evaluation protocol'
    ("Self-Evolving Curriculum", "automatic curriculum learning"),  # 'SEC, an automatic curriculum learning method'
    ("RewardAnything", "following natural language principles"),  # 'a novel RM designed to explicitly follow ...'
])
def test_the_kind_or_design_of_the_named_method_is_its_task(seed_papers: dict[str, Paper], start: str,
                                                            task: str) -> None:
    """Each of these Task cells was blank: the abstract says its task only in the sentence that names the method."""
    assert offline_row(_titled(seed_papers, start)).task.text == task


@pytest.mark.parametrize("start", [
    "How FaR Are Large Language Models",  # 'a zero-shot prompting framework, Foresee and Reflect (FaR)': its means
    "RM-R1: Reward Modeling as Reasoning",  # 'a reasoning-oriented training pipeline ... RM-R1': its means
    "PixelThink",  # '... integrates X to regulate reasoning generation': a bare 'to V' says how, not the task
])
def test_a_means_is_no_task(seed_papers: dict[str, Paper], start: str) -> None:
    assert offline_row(_titled(seed_papers, start)).task.text == ""


def test_a_name_the_authors_give_with_we_call_is_the_method(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """'resulting in a decoding algorithm we call EQUILIBRIUM-RANKING' (the Consensus Game's method cell was blank)."""
    paper = _titled(seed_papers, "The Consensus Game")
    row = offline_row(paper, seed_gazetteer)
    assert row.method.text == "EQUILIBRIUM-RANKING"
    assert "EQUILIBRIUM-RANKING" not in row.benchmarks.text


def test_code_generation_is_a_task_not_a_code_release(seed_papers: dict[str, Paper]) -> None:
    """'RiskPO achieves consistent and significant improvements in ... and code generation benchmarks': a result
    sentence, not the release boilerplate 'code' otherwise marks (the Result cell was blank)."""
    result = offline_row(_titled(seed_papers, "RiskPO")).result.text
    assert result.startswith("RiskPO achieves consistent and significant improvements"), result


def test_achieving_state_of_the_art_is_a_result(seed_papers: dict[str, Paper]) -> None:
    """'... Skywork-Reward-V2 is versatile ..., achieving state-of-the-art performance across seven major reward model
    benchmarks' (the Result cell was blank)."""
    result = offline_row(_titled(seed_papers, "Skywork-Reward-V2")).result.text
    assert "state-of-the-art performance across seven major reward model benchmarks" in result, result


def test_results_that_demonstrate_superior_performance_are_a_result(seed_papers: dict[str, Paper]) -> None:
    """'Our experimental results demonstrate the superior performance of SAR in ...' (the Result cell was blank)."""
    result = offline_row(_titled(seed_papers, "Shifting Attention to Relevance")).result.text
    assert "superior performance of SAR" in result, result

