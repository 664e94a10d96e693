"""Cells the abstract or title states where the extractor left them blank (branch t28), on real seed text: the Task
as what a title's method provides, the Result as what an evaluation found with its number ('existing LLMs fail ...
accuracy on GSM8K drops by at least 50%') or what evidence in a participle shows, and the Method as the benchmark
the paper builds when it names no method ('we construct RewardMATH, a benchmark')."""

from __future__ import annotations

import pytest

from reviewer.models import Paper
from reviewer.survey.table import offline_row


def _titled(seed_papers: dict[str, Paper], start: str) -> Paper:
    found = [p for p in seed_papers.values() if p.title.startswith(start)]
    assert len(found) == 1, start
    return found[0]


@pytest.mark.parametrize(("start", "task"), [
    ("Time-Reversal Provides Unsupervised Feedback to LLMs", "Unsupervised feedback to LLMs"),
    ("FSPO: Few-Shot Preference Optimization", "Effective personalization to real users"),
])
def test_what_a_titles_method_provides_is_its_task(seed_papers: dict[str, Paper], start: str, task: str) -> None:
    """Both Task cells were blank: the abstract states no task of its own, and the title's claim says what the method
    gives ('... Provides Unsupervised Feedback to LLMs', '... Elicits Effective Personalization to Real Users') as
    '... Improves X' says what it improves."""
    assert offline_row(_titled(seed_papers, start)).task.text == task


def test_a_finding_cut_from_its_main_clause_gives_way_to_the_next(seed_papers: dict[str, Paper]) -> None:
    """'Our analysis shows that although Qwen2.5 achieves strong mathematical reasoning performance, its pretraining
    ... makes it vulnerable': its comparing clause is the concession, which cannot stand alone; the cell was blank,
    and the paper's next result sentence ('we show that only accurate reward signals consistently improve
    performance, while ...') is its result."""
    cell = offline_row(_titled(seed_papers, "Reasoning or Memorization?")).result.text
    assert cell.startswith("Only accurate reward signals consistently improve performance"), cell


def test_what_an_evaluation_shows_is_a_result(seed_papers: dict[str, Paper]) -> None:
    """'To validate our approach, we conduct extensive evaluations, showing that Keye-VL achieves state-of-the-art
    results on public video benchmarks ... on general image-based tasks (Figure 1).': evidence in a participle, which a
    'results show that' lead rule misses; the figure the table cannot show is left out."""
    cell = offline_row(_titled(seed_papers, "Kwai Keye-VL Technical Report")).result.text
    assert cell.startswith("Keye-VL achieves state-of-the-art results on public video benchmarks"), cell
    assert cell.endswith("on general image-based tasks"), cell


def test_an_evaluation_papers_finding_with_its_number_is_its_result(seed_papers: dict[str, Paper]) -> None:
    """'In experiments, we highlight that existing LLMs fail significantly on problems with ambiguous and mixed scope,
    revealing critical limitations and overfitting issues (e.g. accuracy on GSM8K drops by at least 50%).' The
    sentence is a limitation, which a method paper's headline skips; this paper builds no method, so the failure
    it finds in the models it evaluates is its result, as its whole that-clause."""
    cell = offline_row(_titled(seed_papers, "Can LLMs Reason in the Wild")).result.text
    assert cell.startswith("Existing LLMs fail significantly") and cell.endswith("drops by at least 50%)"), cell


def test_a_method_papers_limitation_stays_out_of_its_result(seed_papers: dict[str, Paper]) -> None:
    """Self-PRM's 'analysis exposes persistent challenges: The approach exhibits low precision (<10%) ...' is a
    limitation of the paper's own method, never its headline."""
    cell = offline_row(_titled(seed_papers, "Is PRM Necessary?")).result.text
    assert "<10%" not in cell and "low precision" not in cell, cell


def test_a_benchmark_the_paper_builds_names_its_method_cell(seed_papers: dict[str, Paper]) -> None:
    """'we introduce a new design for reliable evaluation of reward models, and to validate this, we construct
    RewardMATH, a benchmark that ...': no method name, so the Method cell names what it builds; RewardBench, which
    it only evaluates on, does not."""
    row = offline_row(_titled(seed_papers, "Evaluating Robustness of Reward Models"))
    assert row.method.text == "RewardMATH"
    assert "RewardBench" in row.benchmarks.text


@pytest.mark.parametrize(("start", "name"), [
    ("Value-Incentivized Preference Optimization", "VPO"),  # '... Value-Incentivized Preference Optimization (VPO)'
    ("Tool-Augmented Policy Optimization", "TAPO"),
])
def test_a_title_head_the_abstract_abbreviates_is_named_by_its_acronym(seed_papers: dict[str, Paper], start: str,
                                                                       name: str) -> None:
    """The title's head is the method's name, and the abstract defines its acronym: the table names the method as the
    abstract goes on to (the short name; the long one is in the reference list's title)."""
    assert offline_row(_titled(seed_papers, start)).method.text == name

