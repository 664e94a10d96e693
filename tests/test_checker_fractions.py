"""Fractions as numbers ('1/5 of the optimization time', 'a fifth of', 'half of the users'; issue 12, twenty-first
pass; `fractional.py`, `numbers.py`). Real seed sentences, each with its faithful twin.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.numbers import extract_numbers
from seed_text import assert_contradicted_twin, sentence_with

PAS = "only 1/5 of the optimization time compared to DPO"
PRM = "less than 1/38 of the training data"
HONEST = "with only 10% biased user population"


def test_a_fraction_is_one_value_and_a_year_or_a_score_is_not_a_fraction() -> None:
    values = {(n.value, n.unit) for n in extract_numbers(sentence_with(PAS))}
    assert (0.2, "frac") in values and (1.0, "") not in values
    assert {(n.value, n.unit) for n in extract_numbers("They need two thirds of the data.")} == {(2 / 3, "frac")}
    assert not [n for n in extract_numbers("evaluated on AIME 2024/2025 and a third approach") if n.unit == "frac"]
    assert not [n for n in extract_numbers("(score: 40.80/100)") if n.unit == "frac"]


def test_another_fraction_of_the_same_thing_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, PAS,
                             "PAS achieves superior performance while requiring only 1/3 of the optimization time "
                             "compared to DPO.",
                             "PAS achieves superior performance while requiring only one fifth of the optimization "
                             "time compared to DPO.")
    # (c20: 'less than 1/3' is implied by 'less than 1/38', a weaker bound, so no longer the contradiction here;
    # a bound that cannot hold with it is: `limits.py`, tests/test_checker_limits.py)
    assert_contradicted_twin(checker, PRM,
                             "The implicit PRM outperforms a strong MCTS-based baseline using more than 1/3 of the "
                             "training data.",
                             "The implicit PRM outperforms a strong MCTS-based baseline using less than 1/38 of the "
                             "training data.")


def test_a_fraction_in_words_is_compared_with_a_percentage(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, HONEST,
                             "The assistant can be misaligned unintentionally to exacerbate its dishonesty once half "
                             "of the user population is biased.",
                             "The assistant can be misaligned unintentionally to exacerbate its dishonesty with only "
                             "10% biased user population.")
