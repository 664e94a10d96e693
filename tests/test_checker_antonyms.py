"""Predicates swapped for their antonym where the evidence uses a word the direction features do not pair
(issue 12, nineteenth pass): 'fosters' / 'hinders', 'remains' / 'disappears', 'severe' / 'mild', 'conjunction' /
'disjunction', 'fall short of' / 'reach'. Real seed sentences, each reversed claim with its faithful twin
(`stance.py`'s polar pairs).
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.stance import stance_reversed
from seed_text import assert_contradicted_twin, sentence_with

CASES = {
    "fosters / hinders": ("inherently fosters robust PRM capabilities",
                          "Pure RL training hinders the development of robust PRM capabilities.",
                          "Pure RL training by itself fosters robust PRM capabilities."),
    "remains / disappears": ("Sensitivity remains even when increasing model size",
                             "Formatting sensitivity disappears when model size is increased.",
                             "Formatting sensitivity remains when model size is increased."),
    "severe / mild": ("particle impoverishment, is especially severe",
                      "Under tight compute budgets, particle impoverishment is only mild.",
                      "Under tight compute budgets, particle impoverishment is particularly severe."),
    "conjunction / disjunction": ("linking summation to logical conjunction",
                                  "Summing the transformed rewards amounts to a logical disjunction of the properties.",
                                  "Summing the transformed rewards amounts to a logical conjunction of the properties."),
    "shorter / longer": ("models gravitate towards shorter CoTs as their accuracy improves",
                         "During RL training, models drift toward longer CoTs as their accuracy improves.",
                         "During RL training, models drift toward shorter CoTs as their accuracy improves."),
    "small / large number": ("find a good prompt using a small number of preference feedback instances",
                             "APOHF needs a large number of preference feedback instances to find a good prompt.",
                             "APOHF needs only a small number of preference feedback instances to find a good "
                             "prompt."),
    "similar / differ": ("more significant when the participating LLMs exhibit similar standalone performance",
                         "The gain from aggregation is largest when the participating LLMs differ in standalone "
                         "performance.",
                         "The gain from aggregation is largest when the participating LLMs have similar "
                         "standalone performance."),
    "fall short of / reach": ("they fall short of a desired standard, indicating ample room for improvement",
                              "Once fine-tuned, the explanations LLMs write for the exam questions reach the desired "
                              "standard.",
                              "Even once fine-tuned, the explanations LLMs write for the exam questions miss the "
                              "desired standard."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_an_antonym_of_the_predicate_is_a_contradiction(checker: ClaimChecker, case: str) -> None:
    fragment, reversed_claim, faithful = CASES[case]
    assert stance_reversed(reversed_claim, sentence_with(fragment))
    assert_contradicted_twin(checker, fragment, reversed_claim, faithful)


def test_a_sentence_that_says_both_sides_decides_nothing() -> None:
    # 'dense feedback ... expensive, sparse feedback presents a design choice': both kinds are named
    both = sentence_with("While dense feedback annotations are expensive to acquire")
    assert not stance_reversed("Sparse feedback annotations are expensive to acquire.", both)
    one = sentence_with("Online RL with dense rewards from PAVs")
    assert stance_reversed("Online RL with sparse rewards from PAVs gains sample efficiency.", one)
    assert not stance_reversed("Online RL with dense rewards from PAVs gains sample efficiency.", one)
