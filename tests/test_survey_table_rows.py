"""Table cells on real seed abstracts: headline numbers in shapes other than '+N%' after a gain verb, and method
names the abstract defines as acronyms of what the authors build (reviewer.survey.headline, .ownname)."""

from __future__ import annotations

import pytest

from reviewer.models import Paper
from reviewer.survey.ownname import defined_name
from reviewer.survey.table import offline_row


def _with(seed_papers: dict[str, Paper], fragment: str) -> Paper:
    found = [p for p in seed_papers.values() if fragment in p.abstract]
    assert len(found) == 1, (fragment, len(found))
    return found[0]


@pytest.mark.parametrize(("fragment", "number"), [
    ("up to 76 accuracy points", "76"),  # '<N> <metric> points' with no gain verb: a difference the paper found
    ("a record 34.2% higher task success rate", "34.2%"),  # a comparative after the number
    ("(+8.2 on pass@1", "+8.2"),  # a signed delta beside its metric, 'superior' as the comparison
    ("outperforms prior open-source models by 2 points", "2 points"),  # 'open-source models' is no release note
    ("scores 94.1 on RewardBench, emerging top", "94.1"),  # a score with a rank claim
])
def test_a_headline_number_in_any_common_shape_reaches_the_result_cell(
        seed_papers: dict[str, Paper], fragment: str, number: str) -> None:
    paper = _with(seed_papers, fragment)
    cell = offline_row(paper).result.text
    assert number in cell, cell
    assert cell[1:].rstrip(".") in paper.abstract or cell.split(" ", 1)[1] in paper.abstract, cell  # words of the abstract


@pytest.mark.parametrize(("fragment", "name"), [
    ("training process advantage verifiers (PAVs)", "PAVs"),
    ("uncertainty quantification heads (UHeads)", "UHeads"),
    ("inference family Parallel-Distill-Refine (PDR)", "PDR"),  # not the '(RL)' a later own sentence defines
])
def test_an_acronym_the_authors_define_for_what_they_build_names_the_method(
        seed_papers: dict[str, Paper], fragment: str, name: str) -> None:
    paper = _with(seed_papers, fragment)
    assert defined_name(paper) == name
    assert offline_row(paper).method.text == name


def test_the_defined_name_resolves_a_pronoun_subject_of_the_result(seed_papers: dict[str, Paper]) -> None:
    """'..., they match or even surpass the performance of PRMs that are up to 810x larger': with the method named,
    the result sentence reads alone with the name for 'they' (it had no cell before)."""
    paper = _with(seed_papers, "uncertainty quantification heads (UHeads)")
    assert offline_row(paper).result.text.startswith("UHeads match or even surpass"), offline_row(paper).result.text


@pytest.mark.parametrize("fragment", [
    "synthetic Preference Optimization (PO) datasets",  # a technique's acronym, not a name the paper gives
    "we identify potential biases in conventional Best-of-N (BoN)",  # existing practice the paper criticises
])
def test_a_common_or_unused_acronym_is_no_method_name(seed_papers: dict[str, Paper], fragment: str) -> None:
    paper = next((p for p in seed_papers.values() if fragment.lower() in p.abstract.lower()), None)
    assert paper is not None, fragment
    assert defined_name(paper) == ""


def test_a_task_cell_stops_before_the_finding_its_sentence_reports(seed_papers: dict[str, Paper]) -> None:
    """'we examine the target directions of gradient-based updates and find that DPO ...': the task is what is
    examined; 'and find/discuss/reveal ...' starts the finding, so no Task cell carries it (on every seed paper)."""
    import re

    from reviewer.survey.table import task_of

    checked = 0
    for paper in seed_papers.values():
        task = task_of(paper, "")
        checked += bool(task)
        assert not re.search(r"\band (?:find|discuss|reveal|observe|argue|highlight)\w*\b", task), (paper.key, task)
    assert checked >= 150, checked


def test_a_name_with_one_capital_before_a_hyphen_is_a_benchmark_name(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """'... evaluation benchmark, M-RewardBench, ...': one capital before the hyphen still makes a name."""

    paper = _with(seed_papers, "evaluation benchmark, M-RewardBench,")
    cell = offline_row(paper, seed_gazetteer).benchmarks.text
    assert "M-RewardBench" in cell.split(", "), cell


def test_an_evaluation_the_authors_first_conduct_for_a_problem_is_the_task(seed_papers: dict[str, Paper]) -> None:
    """'(1) We first conduct a holistic evaluation for the hallucination in LRMs.': an ordinal adverb and 'for'
    instead of 'of' still state what the paper evaluates."""
    from reviewer.survey.table import task_of

    paper = _with(seed_papers, "We first conduct a holistic evaluation for the hallucination in LRMs")
    assert task_of(paper, "").endswith("hallucination in LRMs"), task_of(paper, "")
