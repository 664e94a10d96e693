"""c38: a comparison's loser read through a participle's complement and the list it heads (`losers.py`).

'Our results ... surpass methods relying on predefined models, full scene descriptions, or standalone trained
models': the loser used to end at 'relying' (the first preposition), so a claim that makes one listed method the
winner shared nothing with it and the reversal went unread (SUPPORTED).
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.families import comparison_sides
from reviewer.textutil import content_stems
from seed_text import paper_with, sentence_with

RAIDER = "surpass methods relying on predefined models, full scene descriptions, or standalone trained models"


def test_the_loser_runs_through_the_participles_complement_and_its_list() -> None:
    sides = comparison_sides(sentence_with(RAIDER))
    assert len(sides) == 1
    winner, loser = sides[0]
    assert set(content_stems("predefined full scene descriptions standalone trained")) <= loser
    assert "household" in winner and not winner & loser


def test_a_listed_loser_named_as_the_winner_is_contradicted(checker: ClaimChecker) -> None:
    paper = paper_with(RAIDER)
    changed = "Standalone trained models outperformed RAIDER in the simulated household environment."
    faithful = "RAIDER outperformed standalone trained models in the simulated household environment."
    assert checker.check(changed, [paper]).label == "CONTRADICTED"
    assert checker.check(faithful, [paper]).label == "SUPPORTED"
