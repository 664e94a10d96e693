"""The table's Task cell and the title (branch t31), on real seed text.

A task phrase read from an abstract's method sentence that shares no content word with the title is a step of the
method ('weighting component RMs'), not what the paper addresses: the next source is read. A phrase cut inside a
figure ('... preferences of 1' from '1,500 participants') is no task. And a title that is an activity on some
models ('Assessing the Microeconomic Reasoning of Large Language Models') gives, when nothing else does, the
activity without the models."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from reviewer.models import Paper
from reviewer.survey.tasktitle import on_title
from reviewer.survey.titleactivity import title_activity
from reviewer.survey.types import TableRow


def _titled(seed_papers: dict[str, Paper], start: str) -> Paper:
    found = [p for p in seed_papers.values() if p.title.startswith(start)]
    assert len(found) == 1, start
    return found[0]


@pytest.mark.parametrize(("start", "step", "task"), [
    ("Confronting Reward Model Overoptimization", "weighting component RMs", "Confronting reward model overoptimization"),
    ("Reinforcing Video Reasoning with Focused Thinking", "generating diverse multi-choice samples",
     "Reinforcing video reasoning"),
    ("Beyond Scaling Law: A Data-Efficient Distillation", "selecting an optimal teacher model",
     "data-efficient distillation"),
])
def test_a_method_step_off_the_title_is_not_the_task(seed_papers: dict[str, Paper],
                                                     table_row: Callable[..., TableRow], start: str, step: str,
                                                     task: str) -> None:
    """Each abstract's method sentence gives a step ('we ... weighting component RMs', 'generating diverse
    multi-choice samples from existing benchmarks', 'selecting an optimal teacher model') that shares no word with
    its title; the title's own task phrase is the cell."""
    cell = table_row(_titled(seed_papers, start)).task.text
    assert not cell.startswith(step), cell
    assert cell.lower() == task.lower(), cell


def test_a_task_sharing_the_titles_words_is_kept(seed_papers: dict[str, Paper],
                                                 table_row: Callable[..., TableRow]) -> None:
    """ETTRL's abstract states its task in its own words ('enhancing the exploration-exploitation balance in
    test-time reinforcement learning'), which share the title's ('Balancing Exploration and Exploitation in LLM
    Test-Time Reinforcement Learning'): kept, though a hyphenated word counts by its parts."""
    paper = _titled(seed_papers, "ETTRL")
    assert table_row(paper).task.text.startswith("enhancing the exploration-exploitation balance")
    assert on_title("character-grounded roleplay", "Benchmarking Super Heros in Role-Playing")
    assert not on_title("weighting component RMs", "Confronting Reward Model Overoptimization with Constrained RLHF")


def test_no_task_cell_is_cut_inside_a_figure(seed_papers: dict[str, Paper],
                                             table_row: Callable[..., TableRow]) -> None:
    """'mapping the sociodemographics and stated preferences of 1,500 participants' cut at its comma ends 'of 1':
    over all seed papers no Task cell ends on a preposition and a bare number."""
    cut = [(p.key, table_row(p).task.text) for p in seed_papers.values()
           if re.search(r"\s(?:of|for|to|from|by|over|with)\s+\d+$", table_row(p).task.text)]
    assert not cut, cut


@pytest.mark.parametrize(("start", "task"), [
    ("STEER-ME: Assessing the Microeconomic Reasoning", "Assessing the microeconomic reasoning"),
    ("Revealing Fine-Grained Values and Opinions", "Revealing fine-grained values and opinions"),
    ("Utility Engineering: Analyzing and Controlling", "Analyzing and controlling emergent value systems"),
])
def test_a_title_activity_on_models_is_the_last_task_source(seed_papers: dict[str, Paper],
                                                             table_row: Callable[..., TableRow], start: str,
                                                             task: str) -> None:
    """The three abstracts state no task the earlier sources read, and each title is an activity on some models
    ('... of Large Language Models', '... in AIs'): the cell is the activity, never the whole title."""
    paper = _titled(seed_papers, start)
    cell = table_row(paper).task.text
    assert cell == task, cell
    assert cell.lower() not in {paper.title.lower(), paper.title.split(":", 1)[-1].strip().lower()}


def test_a_title_not_on_models_gives_no_activity(seed_papers: dict[str, Paper]) -> None:
    """'WorldPM: Scaling Human Preference Modeling' names no models it works on: its subtitle is the title's part,
    which the project keeps out of the Task cell; 'Towards ...' is no activity."""
    assert title_activity(_titled(seed_papers, "WorldPM: Scaling Human Preference Modeling")) == ""
    assert title_activity(_titled(seed_papers, "Towards Reasoning Ability of Small Language Models")) == ""


def test_a_title_acronym_counts_by_its_spelled_words(seed_papers: dict[str, Paper],
                                                     table_row: Callable[..., TableRow]) -> None:
    """'Provably Robust DPO: Aligning Language Models with Noisy Feedback': the abstract's task phrase ('policy
    optimization in the presence of random preference flips') shares no word with the title as written, but DPO is
    the abstract's 'direct preference optimization', which it does share: the phrase is kept."""
    paper = _titled(seed_papers, "Provably Robust DPO")
    assert table_row(paper).task.text == "policy optimization in the presence of random preference flips"
