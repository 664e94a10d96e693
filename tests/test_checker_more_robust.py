"""'A is more robust to label noise than B': the quality after 'more' says A is ahead, whatever the words it
governs ('noise' is bad news, being robust to it is not). Read the other way, a faithful restatement of a real
seed sentence was called a reversed comparison (issue 12, nineteenth pass)."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.families import comparison_sides
from seed_text import assert_contradicted_twin

RDPO = "show that rDPO is robust to noise in preference labels compared to vanilla DPO"


def test_more_robust_than_puts_the_subject_ahead() -> None:
    assert comparison_sides("rDPO is more robust to label noise than vanilla DPO.") == [({"rdpo"}, {"vanilla", "dpo"})]
    assert comparison_sides("rDPO is less robust to label noise than vanilla DPO.") == [({"vanilla", "dpo"}, {"rdpo"})]


def test_a_faithful_more_robust_claim_is_not_a_reversal(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, RDPO, "Vanilla DPO is more robust to label noise than rDPO.",
                             "On IMDb and Anthropic's helpful-harmless data, rDPO is more robust to label noise than "
                             "vanilla DPO.")
