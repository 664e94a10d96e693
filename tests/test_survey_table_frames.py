"""Table fields the abstract or title states in frames the extractor did not read (branch t26), on real seed text:
an acronym defined after a coordinated making verb, after 'we address this ... with', after 'our' in capitals, or for
the means the title names; a paper's own dataset spelled out in parentheses before 'a ... dataset'; an all-capitals
'...BENCH'."""

from __future__ import annotations

import pytest

from reviewer.models import Paper
from reviewer.survey.table import offline_row


def _with(seed_papers: dict[str, Paper], fragment: str) -> Paper:
    found = [p for p in seed_papers.values() if fragment in p.abstract or p.title.startswith(fragment)]
    assert len(found) == 1, (fragment, len(found))
    return found[0]


@pytest.mark.parametrize(("fragment", "name"), [
    ("and propose Bias--Variance Optimized Preference Optimization (BVPO)", "BVPO"),  # 'we frame ... and propose'
    ("We address this challenge with Diversity-Aware Reinforcement Learning (DARLING)", "DARLING"),
    ("with our Multi-Action-Head DPO (MAH-DPO)", "MAH-DPO"),  # spelled by initials and the all-capitals 'DPO'
])
def test_an_acronym_the_authors_define_for_what_they_make_is_the_method(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str], fragment: str,
                                                                       name: str) -> None:
    paper = _with(seed_papers, fragment)
    row = offline_row(paper, seed_gazetteer)
    assert row.method.text == name
    assert name not in row.benchmarks.text.split(", ")  # the method is no benchmark of its own


def test_the_acronym_of_the_means_the_title_names_is_the_method(seed_papers: dict[str, Paper]) -> None:
    """'... by Critique Fine-Tuning on One Problem' and 'we demonstrate that Critique Fine-Tuning (CFT) ...'."""
    assert offline_row(_with(seed_papers, "Unleashing the Reasoning Potential of Pre-trained LLMs by")).method.text == "CFT"


@pytest.mark.parametrize("title", ["Embracing Contradiction:", "Perception, Reason, Think, and Plan:",
                                   "Innate Reasoning is Not Enough:"])
def test_a_field_or_model_class_the_title_is_about_is_no_method(seed_papers: dict[str, Paper], title: str) -> None:
    """'Building Responsible AI (RAI)', 'Large Multimodal Reasoning Models (LMRMs)', 'RLLMs': what the paper is about,
    not a means it puts forward."""
    assert offline_row(_with(seed_papers, title)).method.text == ""


@pytest.mark.parametrize(("title", "name"), [
    ("CLASH:", "CLASH"),  # 'introduces CLASH (Character perspective-based ...), a meticulously curated dataset'
    ("The PacifAIst Benchmark", "PacifAIst"),  # 'we introduce PacifAIst (Procedural ...), a focused benchmark'
    ("COIG-P:", "COIG-P"),
    ("Eliciting and Analyzing Emergent Misalignment", "MISALIGNMENTBENCH"),  # a '...BENCH' in capitals
])
def test_a_papers_own_benchmark_is_in_its_benchmarks_cell(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str], title: str,
                                                          name: str) -> None:
    paper = _with(seed_papers, title)
    assert name in offline_row(paper, seed_gazetteer).benchmarks.text.split(", ")


def test_the_eval_does_not_count_a_papers_own_spelled_out_dataset_as_its_method(seed_papers: dict[str, Paper]) -> None:
    """The eval's own-method reader (evals/survey_fit.py) reads the same shape as the writer."""
    from evals.survey_fit import own_method_names

    paper = _with(seed_papers, "CLASH:")
    assert "CLASH (Character perspective-based" in paper.abstract
    assert own_method_names("CLASH", "CLASH", paper.abstract) == []
