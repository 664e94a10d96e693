"""Two holders set against each other in one sentence, and a claim that gives one the other's side (issue 12,
sixteenth pass). Real seed sentences that hold both polar words ('higher ... while ... lower'); each reversed
claim is paired with its faithful twin, and a claim about one side's property alone is not read as a reversal.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.contrast import contrast_reversed
from seed_text import assert_contradicted_twin, sentence_with

ENTROPY = "while the final answer phase shows lower entropy"
STRUCTURED = "smaller models (<30B parameters) can benefit from most of structured thinking patterns"
TRUSTJUDGE = "while maintaining higher evaluation accuracy"

CASES = {
    "higher / lower": (ENTROPY, "Entropy is higher in the final answer phase of LRMs than in their thinking phase.",
                       "Entropy is higher in the thinking phase of LRMs than in their final answer phase."),
    "benefit / degrade": (STRUCTURED, "Structured thinking patterns help larger models more than smaller ones.",
                          "Structured thinking patterns help smaller models more than larger ones."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_contrast_given_the_other_way(checker: ClaimChecker, case: str) -> None:
    fragment, reversed_claim, faithful = CASES[case]
    assert_contradicted_twin(checker, fragment, reversed_claim, faithful)


def test_a_property_of_one_side_alone_or_a_participle_is_no_contrast() -> None:
    sentence = sentence_with(TRUSTJUDGE)  # 'TrustJudge reduces ... inconsistency ..., while maintaining higher ...'
    assert not contrast_reversed("TrustJudge raises evaluation accuracy.", sentence)
    assert not contrast_reversed("The final answer phase shows lower entropy.", sentence_with(ENTROPY))
    not_only = sentence_with("B-STaR not only enhances the model's exploratory capabilities")
    assert not contrast_reversed("B-STaR enhances the model's exploratory capabilities and achieves a more effective "
                                 "balance between exploration and exploitation.", not_only)
