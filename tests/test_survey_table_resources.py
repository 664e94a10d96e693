"""Benchmarks cells that name what the abstract names (branch t29), on real seed text: a benchmark's edition ('AIME
2024', 'AlpacaEval 2.0'), the paper's own dataset however the abstract introduces it (in apposition after 'a ...
dataset,', in parentheses after its long form, right before 'dataset', or under a name of one word or of several),
and Task cells its sentences state ('a dataset for Medical Question Answering', 'a benchmark for character-grounded
roleplay spanning ...')."""

from __future__ import annotations

import pytest

from evals.survey_fit import own_method_names
from reviewer.models import Paper
from reviewer.survey.table import offline_row
from reviewer.survey.tasks import from_sentence


def _titled(seed_papers: dict[str, Paper], start: str) -> Paper:
    found = [p for p in seed_papers.values() if p.title.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def _names(paper: Paper) -> list[str]:
    return [n for n in offline_row(paper).benchmarks.text.split(", ") if n]


@pytest.mark.parametrize(("start", "name"), [
    ("ETTRL: Balancing Exploration", "AIME 2024"),  # 'on the AIME 2024 benchmark'
    ("Dissecting Human and LLM Preferences", "AlpacaEval 2.0"),
    ("Thought-Path Contrastive Learning", "LogiQA 2.0"),
])
def test_a_benchmarks_edition_is_part_of_its_name(seed_papers: dict[str, Paper], start: str, name: str) -> None:
    """A year or a version number after a benchmark's name says which test set was run ('AIME 2024' and 'AIME 2025'
    are two); the cell said 'AIME', 'AlpacaEval', 'LogiQA'."""
    names = _names(_titled(seed_papers, start))
    assert name in names, names
    assert name.split()[0] not in names, names


def test_a_score_after_a_name_is_no_edition(seed_papers: dict[str, Paper]) -> None:
    """'AIME24 (56.7), AMC (68.7), MATH (83.4)' and 'OlympiadBench 48.0'-like scores are results, not editions."""
    names = _names(_titled(seed_papers, "SEED-GRPO"))
    assert names and all(not any(c.isdigit() for c in n.split()[-1]) or " " not in n for n in names), names


@pytest.mark.parametrize(("start", "name"), [
    ("MAQA: Evaluating Uncertainty", "MAQA"),  # 'a new Multi-Answer Question Answering dataset, MAQA, consisting ...'
    ("How susceptible are LLMs to Logical Fallacies?", "LOGICOM"),  # '... Benchmark (LOGICOM), a diagnostic benchmark'
    ("WeThink: Toward General-purpose", "WeThink"),  # 'The open-source WeThink dataset containing ...'
    ("CasiMedicos-Arg:", "CasiMedicos-Arg"),  # 'the Multilingual CasiMedicos-Arg dataset'
    ("DICES Dataset:", "DICES"),  # 'the DICES (Diversity In ...) dataset'
    ("Search Arena: Analyzing", "Search Arena"),  # 'we introduce Search Arena, a crowd-sourced, ... dataset'
    ("Revisiting Reinforcement Learning for LLM Reasoning", "Guru"),  # 'We introduce Guru, a curated RL reasoning corpus'
])
def test_the_papers_own_dataset_is_in_its_benchmarks_cell(seed_papers: dict[str, Paper], start: str, name: str) -> None:
    """Each cell was blank: the paper builds the dataset or benchmark it is evaluated with, named in a shape the
    reader did not know."""
    assert name in _names(_titled(seed_papers, start))


@pytest.mark.parametrize("start", ["STEER-ME:", "Tool-Augmented Reward Modeling", "The Fellowship of the LLMs"])
def test_a_kind_word_before_dataset_is_no_name(seed_papers: dict[str, Paper], start: str) -> None:
    """'LLM benchmarks', 'RM benchmark', '(PO) dataset': a model class or a method family before the noun names no
    resource, so neither the Benchmarks nor the Method cell takes it."""
    row = offline_row(_titled(seed_papers, start))
    cells = row.benchmarks.text.split(", ") + [row.method.text]
    assert not {"LLM", "RM", "PO", "LLMs"} & set(cells), cells


def test_the_eval_does_not_count_an_own_dataset_as_the_method(seed_papers: dict[str, Paper]) -> None:
    """The survey eval's check for a method in its own Benchmarks cell reads the same apposition and parenthesis."""
    for start, name in (("MAQA: Evaluating Uncertainty", "MAQA"), ("How susceptible are LLMs", "LOGICOM")):
        assert own_method_names(name, name, _titled(seed_papers, start).abstract) == [], name


@pytest.mark.parametrize(("start", "task"), [
    ("CasiMedicos-Arg:", "Medical Question Answering"),  # 'the first multilingual dataset for Medical Question Answering'
    ("Beyond One World:", "character-grounded roleplay"),  # 'a benchmark for character-grounded roleplay spanning ...'
    ("Perception, Reason, Think, and Plan:", "multimodal reasoning research"),  # 'a ... survey of multimodal reasoning research'
])
def test_the_task_a_sentence_states(seed_papers: dict[str, Paper], start: str, task: str) -> None:
    """Each Task cell was blank: 'question answering' was read as 'questions' (no task), a participle ('spanning 30
    iconic heroes') did not end the phrase, and a survey whose title names only models never read its own
    'we present a ... survey of X'."""
    assert offline_row(_titled(seed_papers, start)).task.text == task


def test_after_aiming_to_comes_a_verb(seed_papers: dict[str, Paper]) -> None:
    """'aiming to enable efficient resource allocation': 'enable' ends like an adjective ('scalable') but after
    'aiming to' it is a verb, so the task is 'enabling ...', not 'enable ...'."""
    abstract = _titled(seed_papers, "Hierarchical Budget Policy Optimization").abstract
    sentence = next(s for s in abstract.split(". ") if "aiming to enable" in s)
    assert from_sentence(sentence) == "enabling efficient resource allocation"


def test_a_verb_ending_like_a_noun_before_its_object_is_a_verb(seed_papers: dict[str, Paper]) -> None:
    """'We develop a simple and principled framework to augment current preference learning methods with rationale
    information': 'augment' ends like 'alignment', but its object follows, so the task reads 'augmenting ...'."""
    task = offline_row(_titled(seed_papers, "Data-Centric Human Preference Optimization")).task.text
    assert task == "augmenting current preference learning methods with rationale information", task


def test_a_titles_claim_is_no_task(seed_papers: dict[str, Paper]) -> None:
    """'Monte Carlo Tree Search Boosts Reasoning via Iterative Preference Learning': the part before the means is a
    claim about a method ('... boosts reasoning'), not a task; the abstract states none, so the cell is blank."""
    assert offline_row(_titled(seed_papers, "Monte Carlo Tree Search Boosts Reasoning")).task.text == ""


def test_our_method_names_the_method(seed_papers: dict[str, Paper]) -> None:
    """'We then ensemble the diverse prompts in our method DIV-SE (DIVerse reasoning path Self-Ensemble)': the Method
    cell was blank. 'we created the Personality Alignment with Personality Inventories (PAPI) dataset ... our method,
    PAS, achieves ...': PAPI is the dataset (now in the Benchmarks cell), PAS the method."""
    assert offline_row(_titled(seed_papers, "Diversity of Thought Improves Reasoning")).method.text == "DIV-SE"
    row = offline_row(_titled(seed_papers, "Personality Alignment of Large Language Models"))
    assert (row.method.text, row.benchmarks.text) == ("PAS", "PAPI"), row


def test_a_benchmark_word_written_apart_ends_a_name(seed_papers: dict[str, Paper]) -> None:
    """'BigGen Bench', 'Reward Bench', 'Chatbot Arena': the names were missed because the benchmark word stands apart;
    the paper's own method of that shape ('Varco Arena') stays out of its Benchmarks cell."""
    assert _names(_titled(seed_papers, "Self-rationalization improves LLM")) == ["BigGen Bench", "Reward Bench"]
    assert "Chatbot Arena" in _names(_titled(seed_papers, "Inverse Constitutional AI"))
    varco = [p for p in seed_papers.values() if "Varco Arena" in p.abstract and p.title.startswith("Varco Arena")]
    assert varco and all("Varco Arena" not in _names(p) for p in varco)
