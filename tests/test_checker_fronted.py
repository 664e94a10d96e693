"""A comparison whose loser opens the sentence: 'Compared with B, A accelerates / improves X' (issue 12, sixteenth
pass). Real seed sentences; the reversal is paired with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.families import comparison_sides
from seed_text import paper_with, sentence_with

LATR = "Compared with stochastic Sampling, LATR accelerates policy learning"


def test_the_clause_after_a_fronted_compared_with_wins() -> None:
    (winner, loser), *_ = comparison_sides(sentence_with(LATR))
    assert "latr" in winner and "stochast" in loser


def test_a_fronted_comparison_reversed(checker: ClaimChecker) -> None:
    paper = paper_with(LATR)
    reversed_claim = "Stochastic sampling speeds up policy learning more than LATR."
    faithful = "LATR speeds up policy learning more than stochastic sampling."
    assert checker.check(reversed_claim, [paper]).label == "CONTRADICTED", reversed_claim
    assert checker.check(faithful, [paper]).label != "CONTRADICTED", faithful
