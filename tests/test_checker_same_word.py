"""A faithful paraphrase that keeps the sentence's own degree word on the same object is no reversal, for the weak
direction families too: 'at negligible inference cost' against '... substantially outperforms ..., while incurring
a negligible inference overhead' (issue 12, twentieth pass; `moved.py` read with every family). And a theoretical
result the abstract shows ('Theoretically, we show that ...') is what a claim calls proved (`beyond.py`).
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from seed_text import assert_contradicted_twin, paper_with

GAP = "while incurring a negligible inference overhead"
THEORY = "Theoretically, we show that when human preferences"


def test_the_same_degree_word_on_the_same_object_is_supported(checker: ClaimChecker) -> None:
    claim = "The method achieves up to a 13-point PRR improvement at a negligible inference cost."
    assert checker.check(claim, [paper_with(GAP)]).label == "SUPPORTED"
    assert_contradicted_twin(checker, GAP,
                             "The method achieves up to a 13-point PRR improvement at a substantial inference cost.",
                             claim)


def test_a_theoretical_result_is_what_the_claim_calls_proved(checker: ClaimChecker) -> None:
    claim = ("The authors prove that a single BT model has an irreducible error when human preferences follow a "
             "mixture of diverse subgroups.")
    assert checker.check(claim, [paper_with(THEORY)]).label == "SUPPORTED"
    # an empirical finding is not proved: 'prove' still claims more than 'we find'
    empirical = "our hybrid model recovers up to 91% of the performance gap"
    assert checker.check("The authors prove that the hybrid model recovers up to 91% of the performance gap to "
                         "thinking models.", [paper_with(empirical)]).label == "UNSUPPORTED"
