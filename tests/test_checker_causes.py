"""A cause the paper rules out ('traces the misalignment to an inability to perceive harm' against 'this
misalignment does not stem from an inability to perceive harm, ..., but from flawed prioritization'; issue 12,
twenty-first pass; `causes.py`). Real seed sentence, with faithful twins that deny the same cause themselves.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.causes import cause_denied
from seed_text import assert_contradicted_twin, sentence_with

MANAGER = "does not stem from an inability to perceive harm"


def test_a_cause_the_sentence_rules_out_is_contradicted(checker: ClaimChecker) -> None:
    sentence = sentence_with(MANAGER)
    assert cause_denied("The models' misalignment is caused by an inability to perceive harm.", sentence)
    assert not cause_denied("ManagerBench attributes the misalignment to flawed prioritization.", sentence)
    assert_contradicted_twin(checker, MANAGER,
                             "The study traces the models' misalignment to an inability to perceive harm.",
                             "The study traces the models' misalignment to flawed prioritization.")


def test_a_claim_that_denies_the_same_cause_is_not_read_as_giving_it(checker: ClaimChecker) -> None:
    sentence = sentence_with(MANAGER)
    for faithful in ("The misalignment stems from flawed prioritization rather than from an inability to perceive harm.",
                     "The misalignment is not due to an inability to perceive harm but to flawed prioritization."):
        assert not cause_denied(faithful, sentence), faithful
    assert_contradicted_twin(checker, MANAGER,
                             "The misalignment comes from an inability to perceive harm, not from flawed prioritization.",
                             "The misalignment comes from flawed prioritization, not from an inability to perceive harm.")
