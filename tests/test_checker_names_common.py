"""A capitalised word of a longer name that the text also uses as a common word ('Adaptive Step Reward' beside
'the reward values') has no frame of its own to exchange (`substituted.names_crossed`), and 'most' / 'least'
before an adjective are opposite ends ('the most influential predecessors' vs 'the least influential';
`stance._POLES`). Issue 12, twentieth pass; real seed sentences, each with its faithful twin.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.stance import stance_reversed
from reviewer.checker.substituted import names_crossed
from seed_text import assert_contradicted_twin, paper_with, sentence_with

TPO = "TPO utilizes Adaptive Step Reward to adjust the reward values of each step"
UQAC = "it uses attention weights to identify the most influential predecessors"


def test_a_common_word_inside_a_name_is_not_crossed(checker: ClaimChecker) -> None:
    claim = "TPO adjusts the reward value of each step in a trajectory with Adaptive Step Reward."
    assert names_crossed(claim, sentence_with(TPO)) is None
    assert checker.check(claim, [paper_with(TPO)]).label == "SUPPORTED"


def test_least_against_most_before_an_adjective_is_contradicted(checker: ClaimChecker) -> None:
    reversed_ = "UQAC uses attention weights to identify the least influential predecessors."
    assert stance_reversed(reversed_, sentence_with(UQAC))
    # 'at least' is a bound, not the low end
    assert not stance_reversed("UQAC uses attention weights to identify at least one influential predecessor.",
                               sentence_with(UQAC))
    assert_contradicted_twin(checker, UQAC, reversed_,
                             "UQAC uses attention weights to find the most influential predecessors.")
