"""A part of a method named by a common noun phrase ('a bundling scheme that aggregates multiple questions into
bundles') has its description like a named part (`described.py`): a claim that gives it to another part ('the
Mixed Value-at-Risk objective aggregates questions into bundles') swaps them; an apposition ('VAT, a novel thinking
paradigm that ...') names the same thing and is no part of its own (issue 12, twentieth pass). Real seed text.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.described import definitions, description_swapped
from seed_text import assert_contradicted_twin, paper_with

RISKPO = "we further design a bundling scheme that aggregates multiple questions into bundles"
VAT = "Visual Abstract Thinking"


def test_a_common_noun_part_given_another_parts_description_is_contradicted(checker: ClaimChecker) -> None:
    abstract = paper_with(RISKPO.capitalize()).abstract
    swapped = "The Mixed Value-at-Risk objective aggregates several questions into bundles to enrich the feedback."
    assert description_swapped(swapped, abstract) == ("mixed value-at-risk objective", "bundling scheme")
    assert_contradicted_twin(checker, RISKPO.capitalize(), swapped,
                             "A bundling scheme aggregates several questions into bundles to enrich the feedback.")


def test_an_apposition_is_no_part_of_its_own() -> None:
    defs = definitions(paper_with(VAT).abstract)
    assert "novel thinking paradigm" not in defs
    assert "visual abstract thinking" in defs
