"""Two named parts of an abstract whose descriptions a claim moves: 'the Moral Dilemmas task probes factual
recall' where the abstract defines 'Canon Events, which probes factual recall ..., and Moral Dilemmas, which
confronts models with ethically charged scenarios' (issue 12, nineteenth pass; `described.py`). Real seed
sentences, each swapped claim with its faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.described import definitions, description_swapped
from seed_text import assert_contradicted_twin, paper_with

HEROES = "(i) Canon Events, which probes factual recall of pivotal life stages"
OPINION = "a new dataset (PromptOpinSumm) for Opinion Summarization"
PARTICLES = "Entropic Annealing (EA), directly mitigates particle impoverishment"

CASES = {
    "'which' clauses": (HEROES, "Moral Dilemmas tests whether models recall the pivotal life stages of a hero.",
                        "Canon Events tests whether models recall the pivotal life stages of a hero."),
    "names in parentheses": (OPINION, "OpinPref is the new opinion summarization dataset the authors release.",
                             "PromptOpinSumm is the new opinion summarization dataset the authors release."),
    "clause after an abbreviation": (PARTICLES,
                                     "Look-ahead Modulation counters particle impoverishment by monitoring search "
                                     "diversity through entropy.",
                                     "Entropic Annealing counters particle impoverishment by monitoring search "
                                     "diversity through entropy."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_description_moved_to_another_named_part(checker: ClaimChecker, case: str) -> None:
    fragment, swapped, faithful = CASES[case]
    assert description_swapped(swapped, paper_with(fragment).abstract)
    assert not description_swapped(faithful, paper_with(fragment).abstract)
    assert_contradicted_twin(checker, fragment, swapped, faithful)


def test_a_contrast_of_the_two_parts_and_a_class_in_a_list_are_not_swaps() -> None:
    abstract = paper_with(HEROES).abstract
    assert not description_swapped("Canon Events, unlike Moral Dilemmas, probes factual recall of pivotal life "
                                   "stages.", abstract)
    # 'Large Reasoning Models (LRMs), which ...' describes a class of things, not a part of the abstract
    classes = definitions(paper_with("Large Reasoning Models (LRMs), which autonomously produce").abstract)
    assert "lrms" not in classes and "large reasoning models" not in classes
