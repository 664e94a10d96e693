"""Which group 'the opposite' is given to (`opposite.py`, issue 12, c20 pass). Real seed sentence with its faithful
twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.opposite import opposite_swapped
from seed_text import assert_contradicted_twin, sentence_with

SIZES = "while smaller models exhibit the opposite behavior"
SWAPPED = ("Smaller reasoning models gain little from CoT prompting on simple tasks but a lot on complex problems, "
           "whereas large-capacity models show the opposite pattern.")
FAITHFUL = ("Large-capacity models gain little from CoT prompting on simple tasks but a lot on complex problems, "
            "whereas smaller models show the opposite pattern.")


def test_the_group_given_the_opposite_is_read_on_both_sides() -> None:
    assert opposite_swapped(SWAPPED, sentence_with(SIZES))
    assert not opposite_swapped(FAITHFUL, sentence_with(SIZES))


def test_the_opposite_given_to_the_other_group_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, SIZES, SWAPPED, FAITHFUL)
