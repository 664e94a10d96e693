"""A value of the sentence given what the sentence binds to another of its values (issue 12, sixteenth pass).

Real seed sentences that state several values; each claim that moves a value to another holder is paired with
its faithful twin, and values in a row, asides and ranges are read as the sentence binds them.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.bound import value_bound_elsewhere
from seed_text import assert_contradicted_twin, sentence_with

PRISM = "1,500 diverse participants from 75 countries"
ANYPREFER = "achieving average improvements of 18.55%"
CROME = "improving average accuracy by up to 5.4%"
ORMS = "achieving execution accuracy gains of +4.33% (BIRD)"
TRUSTJUDGE = "TrustJudge reduces Score-Comparison inconsistency by 8.43%"

CASES = {
    "count of another noun": (PRISM, "PRISM's 1,500 participants live in 21 different countries.",
                              "PRISM's 1,500 participants live in 75 different countries."),
    "list item": (ANYPREFER, "On the five natural language generation datasets, Anyprefer's average gain is 30.05%.",
                  "On the five natural language generation datasets, Anyprefer's average gain is 18.55%."),
    "category gain as the average": (CROME, "Crome lifts the average accuracy on RewardBench by as much as 13.2%.",
                                     "Crome lifts the average accuracy on RewardBench by as much as 5.4%."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_value_moved_to_another_holder_of_the_sentence(checker: ClaimChecker, case: str) -> None:
    fragment, moved, faithful = CASES[case]
    assert_contradicted_twin(checker, fragment, moved, faithful)


def test_values_in_a_row_share_their_head_and_an_aside_binds_its_own_value() -> None:
    orms = sentence_with(ORMS)  # 'gains of +4.33% (BIRD) and +2.10% (Spider) over ex-BoN, and ... over Maj'
    assert not value_bound_elsewhere("On Spider, ORMs gain 2.10% in execution accuracy over ex-BoN.", orms)
    assert not value_bound_elsewhere("ORMs gain 4.33% in execution accuracy on BIRD.", orms)
    assert not value_bound_elsewhere("ORMs achieve a 2.10% gain in execution accuracy.", orms)  # (on Spider)
    # a value the sentence binds to nothing but its range ('by 8.43% (from 23.32% to 14.89%)') decides nothing
    assert not value_bound_elsewhere("TrustJudge cuts Score-Comparison inconsistency from 23.32% to 14.89%.",
                                     sentence_with(TRUSTJUDGE))
