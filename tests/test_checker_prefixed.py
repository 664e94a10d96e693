"""'Over-' against 'under-' on one root ('underthink on simple problems' vs 'overthink on simple problems'), a
faithful 'do not' that restates the abstract's 'fail to', and 'except' against 'including' (issue 12, twentieth
pass; `prefixed.py`, `polarity.py`, `stance._POLES`). Real seed sentences, each with its faithful twin.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.polarity import null_finding, polarity_clash
from reviewer.checker.prefixed import prefix_reversed
from seed_text import assert_contradicted_twin, paper_with, sentence_with

ARES = "these models tend to overthink on simple problems"
CONTEXT = "existing preference models benefit from, but fail to fully consider, added context"
RAIDER = "RAIDER's explanations enhance recovery success"


def test_over_and_under_exchanged_on_one_root_are_contradicted(checker: ClaimChecker) -> None:
    sentence = sentence_with(ARES)
    assert prefix_reversed("MLRMs tend to underthink on simple problems.", sentence)
    assert not prefix_reversed("MLRMs tend to overthink on simple problems and under-explore hard ones.", sentence)
    assert prefix_reversed("The results understate the gap.", "The gap was overstated.")
    assert_contradicted_twin(checker, ARES,
                             "MLRMs tend to underthink on simple problems and over-explore challenging ones.",
                             "MLRMs tend to overthink on simple problems and under-explore challenging ones.")


def test_words_that_only_begin_like_a_prefix_are_no_pair() -> None:
    # 'undertake' / 'overtake', 'underwrite' / 'overwrite': words of their own, not a prefix on one root
    assert not prefix_reversed("Small models undertake the task.", "Small models overtake the task.")
    assert not prefix_reversed("Banks underwrite the loans.", "Banks overwrite the loans.")


def test_do_not_followed_by_a_verb_denies_like_does_not(checker: ClaimChecker) -> None:
    claim = "Existing preference models benefit from added context but do not take it fully into account."
    assert null_finding(claim)
    assert not polarity_clash(claim, sentence_with(CONTEXT))
    assert checker.check(claim, [paper_with(CONTEXT)]).label == "SUPPORTED"
    # an elided 'do not' at the clause end is not read as a denial of its own
    assert not null_finding("Only accurate reward signals improve performance, while noisy signals do not.")


def test_except_against_including_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, RAIDER,
                             "RAIDER's explanations enhance recovery success, except in cases requiring human "
                             "interaction.",
                             "RAIDER's explanations improve recovery success, including in cases where a human must "
                             "interact.")
