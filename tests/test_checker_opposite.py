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


def test_a_clause_naming_both_groups_is_read_by_its_own_group() -> None:
    """Each clause of this faithful claim also names the other group ('unlike ...'); the claim still states the
    pattern of the group the sentence states it of, so it is no swap."""
    both = ("Unlike smaller models, large-capacity models improve little on simple tasks but a lot on complex "
            "problems, whereas smaller models, unlike large-capacity ones, show the opposite pattern.")
    assert not opposite_swapped(both, sentence_with(SIZES))
