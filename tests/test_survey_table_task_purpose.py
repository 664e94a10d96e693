"""The table's Task cell from an infinitive of purpose (branch t33), on real seed text.

An abstract's 'to V' states what the paper is for only when it is the purpose of what the paper contributes ('we
introduce X, a framework designed to V'), of the authors' own aim ('we aim to V', 'in order to V, we ...') or of a
thing they call theirs ('our new benchmark ... designed to V'). Elsewhere it is the purpose of a method step ('we
analyze features from the routing model to identify ...'), of a tool the paper uses ('Using a linear probing approach
to trace ...') or of others' systems ('In order for AI systems to communicate ...'). And 'we analyze X' is a step of
the method, not the paper's task."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reviewer.models import Paper
from reviewer.survey.tasks import from_sentence
from reviewer.survey.types import TableRow
from reviewer.textutil import split_sentences


def _sentence(seed_papers: dict[str, Paper], title_start: str, opening: str) -> str:
    """The one sentence of the seed paper whose title starts with `title_start` that contains `opening`."""
    papers = [p for p in seed_papers.values() if p.title.startswith(title_start)]
    assert len(papers) == 1, title_start
    found = [s for s in split_sentences(papers[0].abstract) if opening in s]
    assert len(found) == 1, opening
    return found[0]


@pytest.mark.parametrize(("title_start", "opening"), [
    ("Hybrid Preferences: Learning to Route", "We analyze features from the routing model to identify"),
    ("Refusal Falls off a Cliff", "Using a linear probing approach to trace refusal intentions"),
    ("Large Language Models Assume People are More Rational", "In order for AI systems to communicate"),
    ("Benchmarking Large Language Models on CMExam", "is the first Chinese medical exam dataset to provide"),
])
def test_a_purpose_outside_the_contribution_is_no_task(seed_papers: dict[str, Paper], title_start: str,
                                                        opening: str) -> None:
    """The purpose of a step, of a tool used, of others' systems, or of the dataset in a 'to the best of our
    knowledge' aside gives no Task."""
    sentence = _sentence(seed_papers, title_start, opening)
    assert from_sentence(sentence) == "", sentence


@pytest.mark.parametrize(("title_start", "opening", "task"), [
    ("Robust Reward Modeling via Causal Rubrics", "designed to mitigate reward hacking", "mitigating reward hacking"),
    ("Uncertainty as Feature Gaps", "and propose a theoretically grounded approach to quantify",
     "quantifying epistemic uncertainty"),
    ("SIRL", "in order to learn the representations that people use", "learning the representations that people use"),
    ("Machine Bullshit", "explicitly designed to evaluate machine bullshit", "evaluating machine bullshit"),
])
def test_a_purpose_of_the_papers_own_work_is_its_task(seed_papers: dict[str, Paper], title_start: str,
                                                       opening: str, task: str) -> None:
    """A purpose after the contribution verb (also one coordinated after 'we focus on ... and'), the authors' own
    'in order to' clause and the purpose of 'our new ... benchmark' are read as the task."""
    assert from_sentence(_sentence(seed_papers, title_start, opening)) == task


def test_we_analyze_is_a_step_not_the_task(seed_papers: dict[str, Paper],
                                           table_row: Callable[..., TableRow]) -> None:
    """DiffAdapt's 'First, we analyze the entropy of token probabilities in reasoning traces' is its first step; the
    cell is the title's task phrase. Adaptive Elicitation's purpose of a step ('... strategies to choose the most
    informative next queries') gives way to its title's task too."""
    sentence = _sentence(seed_papers, "DiffAdapt", "we analyze the entropy of token probabilities")
    assert from_sentence(sentence) == ""
    diffadapt = [p for p in seed_papers.values() if p.title.startswith("DiffAdapt")][0]
    assert table_row(diffadapt).task.text.lower() == "token-efficient llm inference"
    elicitation = [p for p in seed_papers.values() if p.title.startswith("Adaptive Elicitation of Latent")][0]
    assert table_row(elicitation).task.text.lower() == "adaptive elicitation of latent information"
