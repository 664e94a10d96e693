"""Table cells the abstract states in shapes the extractor did not read (branch t25), on real seed text: a title head
the abstract uses as a name, a name in apposition after a parenthesis or a dataset noun, an acronym spelled out by
what the authors make, a task cut before its restrictive clause, vague tasks, scores in a that-clause's lead."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from reviewer.models import Paper
from reviewer.survey.ownname import defined_name
from reviewer.survey.table import offline_row
from reviewer.survey.types import TableRow


def _with(seed_papers: dict[str, Paper], fragment: str) -> Paper:
    found = [p for p in seed_papers.values() if fragment in p.abstract or p.title.startswith(fragment)]
    assert len(found) == 1, (fragment, len(found))
    return found[0]


@pytest.mark.parametrize(("title", "name"), [
    ("Thought Cloning:", "Thought Cloning"),  # 'a novel Imitation Learning framework, Thought Cloning, where ...'
    ("Dynamic Normativity:", "Dynamic Normativity"),  # 'We call this framework Dynamic Normativity.'
])
def test_a_title_head_the_abstract_uses_as_a_name_is_the_method(seed_papers: dict[str, Paper], title: str,
                                                                name: str) -> None:
    paper = _with(seed_papers, title)
    assert re.search(rf"[a-z,] {name}\b", paper.abstract)  # used mid-sentence, with its capitals
    assert offline_row(paper).method.text == name


@pytest.mark.parametrize("title", ["Machine Bullshit:", "Thought Crime:", "The Policy Cliff:"])
def test_a_catchy_title_head_is_no_method_name(seed_papers: dict[str, Paper], title: str) -> None:
    """The abstract writes 'machine bullshit' in lower case (a phenomenon, not a name), never says 'Thought Crime', and
    'The Policy Cliff' opens with an article."""
    paper = _with(seed_papers, title)
    assert offline_row(paper).method.text != title.rstrip(":")


@pytest.mark.parametrize(("fragment", "name", "bench"), [
    ("reinforcement learning (RL) approach, SCoRe, that", "SCoRe", ""),  # a parenthesis inside the head noun phrase
    ("we construct a new dataset, Persuasive-Pairs, of pairs", "Persuasive-Pairs", "Persuasive-Pairs"),
    # spelled out by what 'we created': the dataset, so in the Benchmarks cell; 'our method, PAS' names the method (t29)
    ("Personality Inventories (PAPI) dataset", "PAS", "PAPI"),
])
def test_a_name_in_apposition_or_spelled_out_names_the_method_and_its_dataset(
        seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str], fragment: str, name: str, bench: str) -> None:
    paper = _with(seed_papers, fragment)
    row = offline_row(paper, seed_gazetteer)
    assert row.method.text == name
    if bench:  # the paper's own dataset stays in its Benchmarks cell though it is the method's name
        assert bench in row.benchmarks.text.split(", "), row.benchmarks.text


@pytest.mark.parametrize(("fragment", "name"), [
    ("Our framework, Diversity-Preserving Hybrid RL (DPH-RL)", "DPH-RL"),
    ("Our approach, concept-guided chain-of-thought (CGCoT)", "CGCoT"),
])
def test_our_framework_comma_defines_the_method_name(seed_papers: dict[str, Paper], fragment: str, name: str) -> None:
    assert defined_name(_with(seed_papers, fragment)) == name


def test_the_own_dataset_named_after_a_dataset_noun_is_a_benchmark(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """SimpleToM: 'We create a new dataset, SimpleTom, containing concise, diverse stories'."""
    paper = _with(seed_papers, "We create a new dataset, SimpleTom,")
    assert "SimpleTom" in offline_row(paper, seed_gazetteer).benchmarks.text.split(", ")


def test_a_task_keeps_the_restrictive_clause_of_its_bare_definite_noun(seed_papers: dict[str, Paper]) -> None:
    """SIRL: 'in order to learn the representations that people use, so we can ...' -- 'learning the
    representations' alone was a fragment (issue 10's known writer error)."""
    paper = _with(seed_papers, "SIRL:")
    assert offline_row(paper).task.text == "learning the representations that people use"


_VAGUE = frozenset("approaches methods works advances progress techniques studies research challenges issues problems "
                   "limitations gaps".split())


def test_no_task_cell_is_a_vague_head_with_one_word_of_content(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow], seed_gazetteer: frozenset[str]) -> None:
    """'recent approaches' (a survey's 'survey of recent approaches'), 'addressing alignment challenges': no Task
    cell over all seeds ends on such a head with at most one content word before it."""
    gazetteer = seed_gazetteer
    survey = _with(seed_papers, "Perception, Reason, Think, and Plan:")
    assert "recent approaches" in survey.abstract
    vague = []
    for paper in seed_papers.values():
        words = table_row(paper, gazetteer).task.text.lower().split()
        content = [w for w in words if w not in {"the", "a", "an", "of", "in", "for", "recent", "existing", "addressing",
                                                 "tackling", "current", "prior", "previous", "new", "key", "major"}]
        if words and words[-1] in _VAGUE and len(content) <= 2:
            vague.append(" ".join(words))
    assert vague == []


def test_scores_in_the_lead_of_a_that_clause_reach_the_result_cell(seed_papers: dict[str, Paper]) -> None:
    """SEED-GRPO: 'Experimental results on five ... benchmarks (AIME24 56.7, AMC 68.7, ...) demonstrate that SEED-GRPO
    achieves new state-of-the-art performance in average accuracy, validating ...': the cell keeps the scores."""
    paper = _with(seed_papers, "(AIME24 56.7, AMC 68.7")
    cell = offline_row(paper).result.text
    assert cell.startswith("SEED-GRPO achieves new state-of-the-art performance in average accuracy"), cell
    assert "AIME24 56.7" in cell and "OlympiadBench 48.0" in cell and "validating" not in cell, cell


@pytest.mark.parametrize(("fragment", "bench"), [
    ("Evaluation results on AgentHarm demonstrate", "AgentHarm"),  # one name after 'results on', no 'benchmark' word
    ("Experiments on miniF2F and ProofNet demonstrate", "ProofNet"),
])
def test_a_name_the_experiments_are_on_is_a_benchmark(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str], fragment: str, bench: str) -> None:
    paper = _with(seed_papers, fragment)
    gazetteer = seed_gazetteer
    assert bench in gazetteer
    assert bench in offline_row(paper, gazetteer).benchmarks.text.split(", ")


def test_the_name_before_dubbed_is_the_method(seed_papers: dict[str, Paper]) -> None:
    """'we propose ARTE, dubbed Aligning TeacheR with StudenT PreferencEs': not the two words after 'dubbed'."""
    assert offline_row(_with(seed_papers, "we propose ARTE, dubbed")).method.text == "ARTE"


def test_a_model_is_no_benchmark(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """GradeSQL names BIRD and Spider as benchmarks and Granite3 as a model it runs."""
    paper = _with(seed_papers, "GradeSQL:")
    cell = offline_row(paper, seed_gazetteer).benchmarks.text.split(", ")
    assert "BIRD" in cell and "Granite3" in paper.abstract and "Granite3" not in cell, cell


def test_a_language_is_no_benchmark(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """The Choice of Divergence: 'Extensive experiments on math and SQL generation ...' names a language, not a
    dataset (a name after 'experiments on' is read as a benchmark's)."""
    paper = _with(seed_papers, "The Choice of Divergence:")
    assert re.search(r"\bexperiments? on\b[^.]*\bSQL\b", paper.abstract, re.IGNORECASE)
    assert "SQL" not in offline_row(paper, seed_gazetteer).benchmarks.text.split(", ")


@pytest.mark.parametrize("title", ["LLMs Learn to Deceive Unintentionally", "CORE-MM:"])
def test_the_setting_a_paper_considers_is_no_task(seed_papers: dict[str, Paper], title: str) -> None:
    """'we consider a more practical human-AI interaction environment where ...', 'we consider a more effective
    assessment technique ...': the setting or the tool, not the problem the paper addresses."""
    paper = _with(seed_papers, title)
    assert re.search(r"\bwe consider a more\b", paper.abstract)
    assert not offline_row(paper).task.text.lower().startswith("more "), offline_row(paper).task.text


def test_learning_from_human_feedback_is_one_term_in_a_title_task(seed_papers: dict[str, Paper]) -> None:
    """'Personalizing Reinforcement Learning from Human Feedback with Variational Preference Learning': the title's
    task is cut at 'with' (its means), not at the 'from' inside RLHF."""
    paper = _with(seed_papers, "Personalizing Reinforcement Learning from Human Feedback")
    assert offline_row(paper).task.text == "Personalizing Reinforcement Learning from Human Feedback"
