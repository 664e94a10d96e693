"""Task cells that say what a paper studies or what its contribution does, on every seed paper (tasks.task_of).

The reference list already gives each title, so a Task cell that pastes it back tells a reader nothing; a paper
whose abstract states no task gets a blank cell instead."""

from __future__ import annotations

from collections.abc import Callable

from evals.survey_fit import task_is_title
from reviewer.models import Paper
from reviewer.survey.table import offline_row
from reviewer.survey.tasks import from_inquiry
from reviewer.survey.types import TableRow
from reviewer.textutil import split_sentences

_PREPOSITIONS = {"in", "of", "for", "on", "with", "to", "by", "from", "at", "as", "into"}


def test_no_task_cell_repeats_the_title(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """Over all seed papers no Task cell is the title or its part after the colon (the eval's own judge), and
    seven in ten papers still have a Task cell."""
    repeats = [(p.key, table_row(p).task.text) for p in seed_papers.values()
               if task_is_title(table_row(p).task.text, p.title)]
    filled = sum(bool(table_row(p).task.text) for p in seed_papers.values())
    assert not repeats, repeats
    assert filled >= 0.7 * len(seed_papers), filled


def _sentence(paper: Paper, words: str) -> str:
    return next(s for s in split_sentences(paper.abstract) if words in s)


def test_what_a_paper_investigates_is_its_task(seed_papers: dict[str, Paper]) -> None:
    """'we conduct a systematic investigation of the relationship between RL training and PRM capabilities': the
    task is what is investigated, not the investigation; 'a systematic evaluation of several reward models in
    multilingual settings' keeps 'evaluation of' and drops the quantifier. Neither is the paper's title."""
    for key, words, head in (("prmnecessary", "systematic investigation", "relationship between"),
                             ("mrewardbench", "systematic evaluation", "evaluation of reward models")):
        paper = seed_papers[key]
        task = from_inquiry(_sentence(paper, words))
        assert task.startswith(head), (key, task)
        assert offline_row(paper).task.text == task, key
        assert len(task.split()) <= 8 and task.split()[-1].lower() not in _PREPOSITIONS, task


def test_what_the_contributed_thing_does_is_its_task(seed_papers: dict[str, Paper]) -> None:
    """'we propose Cooper(...), a RL framework that jointly optimizes both the policy model and the reward model':
    the task is the doing ('optimizing ...'); a thing the paper does not contribute ('we score responses ... under
    a framework that separates ...') gives none, and a phrase cut at a comma inside its noun phrase ('a benchmark
    that evaluates LLM decision-making in realistic, human-validated ...') loses the dangling adjective."""
    cooper = from_inquiry(_sentence(seed_papers["cooperoptimizing"], "a RL framework that"))
    assert cooper.startswith("optimizing ") and cooper.endswith("reward model"), cooper
    assert from_inquiry(_sentence(seed_papers["oneworld"], "We score responses")) == ""
    manager = from_inquiry(_sentence(seed_papers["managerbenchevaluating"], "a benchmark that evaluates"))
    assert manager.startswith("evaluating ") and not manager.endswith("realistic"), manager


def test_task_cells_are_short_and_end_on_a_word_of_their_phrase(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """No Task cell runs past ten words or ends on a preposition, over all seed papers."""
    for p in seed_papers.values():
        words = table_row(p).task.text.split()
        assert len(words) <= 10 and not (words and words[-1].lower() in _PREPOSITIONS), (p.key, words)


def test_a_lead_gives_a_bare_head_its_article(seed_papers: dict[str, Paper]) -> None:
    """The section lead's 'X targets <task>' reads 'targets the relationship between RL training and PRM
    capabilities', not 'targets relationship between ...'; a plural or gerund task stays as it is."""
    from reviewer.survey.lead import _task

    paper = seed_papers["prmnecessary"]
    row = offline_row(paper)
    assert _task(row, paper) == f"the {row.task.text}", (row.task.text, _task(row, paper))
    plural = row.model_copy(update={"task": row.task.model_copy(update={"text": "reward models for math"})})
    assert _task(plural, paper) == "reward models for math"
