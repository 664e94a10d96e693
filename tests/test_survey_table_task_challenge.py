"""The table's Task cell from the activity an abstract says is hard (branch t33), on real seed text.

'Controlling the length of generated reasoning without sacrificing accuracy remains an open challenge': the gerund
phrase before such a predicate is the problem the paper addresses. It is read only when no other source gives a
Task, only when it shares a word with the title, and never when it points outside itself ('analyzing these
systems')."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reviewer.models import Paper
from reviewer.survey.taskchallenge import stated_challenge
from reviewer.survey.types import TableRow


def _titled(seed_papers: dict[str, Paper], start: str) -> Paper:
    found = [p for p in seed_papers.values() if p.title.startswith(start)]
    assert len(found) == 1, start
    return found[0]


@pytest.mark.parametrize(("start", "task"), [
    ("PEAR: Phase Entropy Aware Reward", "Controlling the length of generated reasoning without sacrificing accuracy"),
    ("Benchmarking Large Language Models on CMExam", "evaluating LLMs in the medical field"),
    # 'However, directly collecting human preferences can be expensive': the manner adverb stays out of the cell
    ("Hybrid Preferences: Learning to Route", "collecting human preferences"),
])
def test_the_activity_said_to_be_hard_is_the_task(seed_papers: dict[str, Paper],
                                                   table_row: Callable[..., TableRow], start: str, task: str) -> None:
    """Each abstract states no other task the rules read; its problem sentence gives the cell."""
    assert table_row(_titled(seed_papers, start)).task.text == task


@pytest.mark.parametrize("start", [
    "Search Arena: Analyzing Search-Augmented LLMs",  # 'analyzing these systems is ...': points outside itself
    "Preference Learning Unlocks LLMs' Psycho-Counseling",  # 'Assessing the quality of therapists' responses': off the title
])
def test_a_hard_activity_off_the_title_or_pointing_outside_is_no_task(seed_papers: dict[str, Paper], start: str) -> None:
    assert stated_challenge(_titled(seed_papers, start)) == ""
