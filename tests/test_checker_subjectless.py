"""A comparison whose winner the sentence leaves unnamed — a pronoun ('they match or even surpass PRMs') or an
elided subject ('Data Efficiency: excelling ... while surpassing SFT baselines') — reversed by a claim that makes
the loser win (issue 12, eighteenth pass). Real seed sentences, each reversed claim with its faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.subjectless import unnamed_winner_reversed
from seed_text import assert_contradicted_twin, paper_with, sentence_with

UHEADS = "they match or even surpass the performance of PRMs"
REASON_RFT = "excelling in few-shot learning scenarios while surpassing full-dataset SFT baselines"

CASES = {
    "pronoun 'they'": (UHEADS, "PRMs up to 810 times larger outperform the uncertainty heads.",
                       "The uncertainty heads match or even surpass PRMs up to 810 times larger."),
    "elided subject": (REASON_RFT, "In few-shot learning scenarios, Reason-RFT falls short of full-dataset SFT baselines.",
                       "In few-shot learning scenarios, Reason-RFT surpasses full-dataset SFT baselines."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_the_unnamed_winner_made_the_loser(checker: ClaimChecker, case: str) -> None:
    fragment, reversed_claim, faithful = CASES[case]
    assert_contradicted_twin(checker, fragment, reversed_claim, faithful)


def test_a_named_winner_or_a_loser_the_abstract_lacks_is_left_alone() -> None:
    sentence = sentence_with(UHEADS)
    abstract = paper_with(UHEADS).abstract
    # the claim's loser is named nowhere in the abstract: not the pronoun's referent
    assert not unnamed_winner_reversed("PRMs up to 810 times larger outperform Gemini verifiers.", sentence, abstract)
    # the sentence names its winner: the ordinary comparison reader decides, not this one
    named = sentence.replace("they match or even surpass", "GPT-4 verifiers match or even surpass")
    assert not unnamed_winner_reversed("PRMs up to 810 times larger outperform the uncertainty heads.", named, abstract)
