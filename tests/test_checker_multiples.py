"""Multiples against fractions (`multiples.py`, issue 12, c20 pass): 'DPO needs five times the time of PAS' restates
'PAS needs 1/5 of the time of DPO'; the ratio reversed between the two names, or changed, is a contradiction.
Real seed sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.multiples import ratio_conflict
from seed_text import assert_contradicted_twin, sentence_with

PAS = "only 1/5 of the optimization time compared to DPO"
PRM = "less than 1/38 of the training data"


def test_a_multiple_is_read_against_a_fraction_both_ways() -> None:
    pas = sentence_with(PAS)
    assert ratio_conflict("DPO needs five times the optimization time of PAS.", pas) == ""
    assert ratio_conflict("PAS is five times faster to optimize than DPO.", pas) == ""
    assert ratio_conflict("PAS needs five times more optimization time than DPO.", pas) == "reversed"
    assert ratio_conflict("DPO needs three times the optimization time of PAS.", pas) == "changed"


def test_a_reversed_or_changed_ratio_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, PAS, "PAS needs five times more optimization time than DPO.",
                             "PAS requires a fifth of DPO's optimization time while performing better.")
    assert_contradicted_twin(checker, PAS, "DPO needs three times the optimization time of PAS.",
                             "PAS requires a fifth of DPO's optimization time while performing better.")


def test_a_ratio_beyond_a_bound_is_not_a_change_and_its_holder_is_the_subject(checker: ClaimChecker) -> None:
    prm = sentence_with(PRM)
    # 'less than 1/38' makes the ratio at least 38: ten times less data is still true of it
    assert ratio_conflict("The implicit PRM needs ten times less training data than the MCTS-based baseline.", prm) == ""
    assert_contradicted_twin(checker, PRM,
                             "The implicit PRM outperforms a strong MCTS-based baseline using 38 times more training "
                             "data.",
                             "The implicit PRM outperforms a strong MCTS-based baseline while using less than 1/10 of "
                             "the training data.")
