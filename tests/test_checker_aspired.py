"""c30: a hope, an expectation or a promise of the abstract restated as a finding (`aspired.py`).

Each reading is pinned on real seed sentences, with a faithful twin that must not trip it.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.aspired import aspiration_restated
from seed_text import paper_with, sentence_with

HOPE = "We hope this work could offer research directions to narrow the gap"
PAVES = "paves the way for more reliable digital assistants"
EXPECT = "While we expect Thought Cloning to truly shine at scale"


def test_a_hope_restated_as_done_is_not_supported_and_its_hedged_twin_is(checker: ClaimChecker) -> None:
    paper = paper_with(HOPE)
    done = "The work narrows the gap between reward-free preference learning methods and reward-based ones."
    hoped = ("The authors hope the work could offer research directions to narrow the gap between reward-free "
             "preference learning methods and reward-based ones.")
    assert aspiration_restated(done, sentence_with(HOPE)) == "We hope"
    assert checker.check(done, [paper]).label != "SUPPORTED"
    assert checker.check(hoped, [paper]).label == "SUPPORTED"


def test_a_promise_restated_as_done_is_not_supported(checker: ClaimChecker) -> None:
    claim = "The approach makes digital assistants reliable in complex, real-world scenarios."
    assert aspiration_restated(claim, sentence_with(PAVES)) == "paves the way"
    assert checker.check(claim, [paper_with(PAVES)]).label != "SUPPORTED"


def test_a_hope_in_another_clause_scopes_nothing_the_claim_says() -> None:
    # 'While we expect X to shine at scale ..., here we conduct experiments where the data are synthetic': a claim
    # about the experiments restates the second clause, which the expectation does not govern
    sentence = sentence_with(EXPECT)
    assert not aspiration_restated("Here the authors conduct experiments in a domain where the thinking and action "
                                   "data are synthetically generated.", sentence)
    assert aspiration_restated("Thought Cloning truly shines at scale on internet-sized datasets of humans thinking "
                               "out loud.", sentence)
