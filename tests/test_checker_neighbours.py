"""Two phrases of one sentence each put after the other's lead-in: 'initializes training with predominantly token
embeddings while progressively incorporating more hidden features' against 'begins with predominantly hidden
features and gradually incorporates more token embeddings' (issue 12, nineteenth pass; `neighbours.py`). Real
seed sentences, each swapped claim with its faithful twin."""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.neighbours import neighbours_exchanged
from seed_text import assert_contradicted_twin, sentence_with

HRPO = "initializes training with predominantly token embeddings while progressively incorporating more hidden"
CLASH = "While LLMs reasonably predict psychological discomfort as marked by human, they inadequately comprehend"

CASES = {
    "objects of two verbs": (HRPO, "HRPO begins with predominantly hidden features, gradually incorporating more "
                                   "token embeddings.",
                             "HRPO begins with predominantly token embeddings, gradually incorporating more hidden "
                             "features."),
    "objects of two predicates": (CLASH, "LLMs predict perspectives involving value shifts reasonably well but "
                                         "comprehend psychological discomfort inadequately.",
                                  "LLMs predict psychological discomfort reasonably well but comprehend perspectives "
                                  "involving value shifts inadequately."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_two_phrases_in_each_others_places(checker: ClaimChecker, case: str) -> None:
    fragment, swapped, faithful = CASES[case]
    assert neighbours_exchanged(swapped, sentence_with(fragment))
    assert not neighbours_exchanged(faithful, sentence_with(fragment))
    assert_contradicted_twin(checker, fragment, swapped, faithful)


def test_phrases_holding_values_are_left_to_the_number_readers() -> None:
    # '8K-token chunks' and 'up to 24K tokens' keep their values whatever verb leads into them
    sentence = sentence_with("model reasons in 8K-token chunks yet thinks up to 24K tokens")
    assert not neighbours_exchanged("The model thinks in 8K-token chunks yet reasons for up to 24K tokens.", sentence)
