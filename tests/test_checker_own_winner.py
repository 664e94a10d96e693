"""A comparison the paper's own method wins — 'our lightweight approach substantially outperforms prevalent
techniques, such as A and B' — reversed by a claim that makes the loser win (issue 12, nineteenth pass). The
sentence names its winner with modifiers and an adverb ('our lightweight approach substantially ...') and its
loser as a class whose members follow a comma ('such as A and B'). Real seed sentences, each reversed claim
with its faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.stance import comparison_flipped
from seed_text import assert_contradicted_twin, sentence_with

RICE = "our lightweight approach substantially outperforms prevalent reasoning-steering techniques"
UQGAP = "our method substantially outperforms state-of-the-art unsupervised"

CASES = {
    "members after 'such as'": (RICE, "Decoding constraints and prompt design markedly outperform RICE.",
                                "RICE outperforms steering techniques like prompt design and decoding constraints."),
    "adverb before the cue": (UQGAP, "Supervised UQ methods clearly outperform the feature-gap method.",
                              "The feature-gap method beats supervised UQ methods in out-of-distribution settings."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_the_own_methods_loser_made_the_winner(checker: ClaimChecker, case: str) -> None:
    fragment, reversed_claim, faithful = CASES[case]
    assert_contradicted_twin(checker, fragment, reversed_claim, faithful)
    assert comparison_flipped(reversed_claim, sentence_with(fragment))
    assert not comparison_flipped(faithful, sentence_with(fragment))


def test_two_losers_of_the_own_method_are_not_ranked_by_it() -> None:
    # both sides of the claim lose to the paper's method in the sentence: it says nothing of their order
    assert not comparison_flipped("Decoding constraints outperform prompt design.", sentence_with(RICE))
    assert comparison_flipped("Decoding constraints outperform the lightweight approach.", sentence_with(RICE))
