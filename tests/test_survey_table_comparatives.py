"""Result cells a comparison states without 'outperforms' (branch t30), on real seed text: 'exhibits better
alignment', 'learns much faster than Behavioral Cloning', and the authors' own method named in apposition after an
adverb ('Remarkably, our method, PAS, achieves superior performance ...'). Each of these Result cells was blank."""

from __future__ import annotations

import pytest

from reviewer.models import Paper
from reviewer.survey.table import offline_row


def _titled(seed_papers: dict[str, Paper], start: str) -> Paper:
    found = [p for p in seed_papers.values() if p.title.startswith(start)]
    assert len(found) == 1, start
    return found[0]


@pytest.mark.parametrize(("start", "result"), [
    # 'Experimental results indicate that SimulPL exhibits better alignment with human preferences ...'
    ("SimulPL: Aligning Human Preferences", "SimulPL exhibits better alignment with human preferences"),
    # 'Results reveal that Thought Cloning learns much faster than Behavioral Cloning and ...'
    ("Thought Cloning: Learning to Think", "Thought Cloning learns much faster than Behavioral Cloning"),
    # 'Remarkably, our method, PAS, achieves superior performance while requiring only 1/5 of the optimization time ...'
    ("Personality Alignment of Large Language Models", "Achieves superior performance while requiring only 1/5"),
])
def test_a_comparison_without_outperforms_is_a_result(seed_papers: dict[str, Paper], start: str, result: str) -> None:
    assert offline_row(_titled(seed_papers, start)).result.text.startswith(result)


def test_better_before_a_verb_is_an_aim_not_a_result(seed_papers: dict[str, Paper]) -> None:
    """'In this way, PIT is implicitly trained with the improvement goal of better aligning with human preferences':
    'better' before a verb says what the method is for; the cell stays the comparison PIT reports."""
    result = offline_row(_titled(seed_papers, "Enable Language Models to Implicitly Learn Self-Improvement")).result.text
    assert result.startswith("PIT significantly outperforms prompting-based methods"), result
