"""c31: a claim's value read against the only value of its unit in its best sentence (`numbers.py`).

'the gain of TO-GATE over baseline methods is 3.92%' against '... achieving a 9.32% improvement on standard
preference elicitation tasks': no word next to the two values is shared ('gain' / 'improvement'), so the value
was 'not in evidence' (UNSUPPORTED); with one value of that unit in a sentence stating half the claim or more,
it is the value the claim changed.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.numbers import check_numbers
from seed_text import assert_contradicted_twin, sentence_with

TOGATE = "achieving a 9.32% improvement on standard preference elicitation tasks"


def test_the_only_value_of_the_unit_in_the_best_sentence_is_the_one_changed(checker: ClaimChecker) -> None:
    sentence = sentence_with(TOGATE)
    claim = "On standard preference elicitation tasks, the gain of TO-GATE over baseline methods is 3.92%."
    assert check_numbers(claim, sentence, [(0, sentence, 0.6)]).conflicts == [("3.92%", "9.32%", 0)]
    # a sentence the claim barely states binds nothing: the value stays unmatched
    assert not check_numbers(claim, sentence, [(0, sentence, 0.3)]).conflicts
    assert_contradicted_twin(
        checker, TOGATE, claim,
        "On standard preference elicitation tasks, the gain of TO-GATE over baseline methods is 9.32%.")
