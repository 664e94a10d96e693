"""A condition or requirement the paper does without (`extra.py`, and `requires.requirement_denied` read on a less
closely aligned best sentence; issue 12, c20 pass). Real seed sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.extra import extra_denied
from seed_text import assert_contradicted_twin, sentence_with

HYBRID = "without any weight updates while steering only 12% of tokens"
QALIGN = "without modifying the underlying model or even requiring logit access"
THEMIS = "by empowering RMs with access to external environments"


def test_only_after_additional_x_against_without_any_x() -> None:
    claim = "The hybrid model can only close the gap to thinking models after additional weight updates."
    assert extra_denied(claim, sentence_with(HYBRID)) == "weight updat"
    assert extra_denied("The hybrid model closes the gap after steering 12% of tokens.", sentence_with(HYBRID)) == ""


def test_a_requirement_the_paper_does_without_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, HYBRID,
                             "The hybrid model can only close the gap to thinking models after additional weight "
                             "updates.",
                             "Without any weight updates, the hybrid model recovers up to 91% of the performance gap "
                             "to thinking models.")
    assert_contradicted_twin(checker, QALIGN,
                             "QAlign needs access to the model's logits to produce better-aligned outputs.",
                             "QAlign produces better-aligned outputs without modifying the model or needing access "
                             "to its logits.")
    assert_contradicted_twin(checker, THEMIS, "Themis grades responses without access to any external environment.",
                             "Themis gives reward models access to external environments such as calculators and "
                             "search engines.")


def test_an_act_the_paper_does_without_is_contradicted(checker: ClaimChecker) -> None:
    from reviewer.checker.extra import act_done_without

    assert act_done_without("QAlign modifies the underlying model.", sentence_with(QALIGN)) == "modifi under"
    assert act_done_without("QAlign does not modify the underlying model.", sentence_with(QALIGN)) == ""
    assert_contradicted_twin(checker, QALIGN, "QAlign modifies the underlying model to produce better-aligned outputs.",
                             "QAlign produces better-aligned outputs while leaving the underlying model unmodified.")


def test_diverges_reverses_converges(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, "QAlign converges to sampling from the optimal aligned distribution",
                             "As test-time compute scales, QAlign diverges from the optimal aligned distribution.",
                             "As test-time compute scales, QAlign converges to the optimal aligned distribution.")
