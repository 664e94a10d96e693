"""A paraphrase that denies three or more content words of its close best sentence (`denied.py`, issue 12, c20
pass). Real seed sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.denied import denied_outright
from seed_text import assert_contradicted_twin, sentence_with

COPO = "the training process still receives meaningful learning signals"


def test_a_wide_denial_of_a_close_sentence_is_read() -> None:
    claim = "With high intra-group consistency, COPO's global loss gives the training process no meaningful learning signal."
    assert set(denied_outright(claim, sentence_with(COPO), 0.6)) >= {"learn", "meaning", "signal"}
    assert denied_outright(claim, sentence_with(COPO), 0.5) == []  # a loosely aligned sentence is not enough


def test_a_denied_finding_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, COPO,
                             "With high intra-group consistency, COPO's global loss gives the training process no "
                             "meaningful learning signal.",
                             "Even with high intra-group consistency, the global loss still gives the training "
                             "process meaningful learning signals.")
