"""A claim that passes over what the paper does (branch c29): 'P rather than R' where the abstract states R as the
paper's own choice and never names P, on real seed sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.passedover import passed_over_done
from seed_text import assert_contradicted_twin, paper_with, sentence_with

WEBTHINKER = "we introduce an RL-based training strategy via iterative online Direct Preference Optimization"
SHOP = "For rationale generation, we leverage internal model signals"


def test_the_passed_over_side_stated_as_done_with_the_choice_unnamed_is_read() -> None:
    sentence, abstract = sentence_with(WEBTHINKER), paper_with(WEBTHINKER).abstract
    assert passed_over_done("WebThinker is trained with offline PPO instead of iterative online DPO.", sentence,
                            abstract)
    # one word of the passed-over side is how a sentence names a thing in passing, not the paper's practice
    assert not passed_over_done("WebThinker is trained with offline PPO instead of DPO.", sentence, abstract)
    # the faithful order names the paper's choice, which the abstract states
    assert not passed_over_done("WebThinker is trained with iterative online DPO instead of offline PPO.", sentence,
                                abstract)


def test_a_sentence_that_sets_the_passed_over_side_against_another_is_not_read_as_the_papers_choice() -> None:
    abstract = paper_with(WEBTHINKER).abstract
    contrasted = "Unlike prior agents, we introduce an RL-based training strategy via iterative online DPO."
    assert not passed_over_done("WebThinker is trained with offline PPO instead of iterative online DPO.",
                                contrasted, abstract)


def test_a_misread_choice_is_contradicted_and_its_faithful_twin_is_not(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, SHOP,
        "To guide its rationales, Shop-R1 draws on crowd-sourced rationales instead of internal model signals.",
        "To guide its rationales, Shop-R1 draws on internal model signals instead of crowd-sourced rationales.")


PODA = "CoT rationales including analyses for both correct and incorrect options"


def test_a_restriction_against_a_listing_sentence_is_contradicted_even_when_the_combiner_finds_no_support(
        checker: ClaimChecker) -> None:
    # the listing sentence is not the best-aligned one, and the combiner alone calls the claim UNSUPPORTED
    assert_contradicted_twin(
        checker, PODA,
        "PODA writes rationales that examine only the correct options.",
        "PODA writes rationales that examine both the correct and the incorrect options.")


def test_a_restriction_word_with_nothing_after_it_is_not_read_as_an_exclusive_claim(checker: ClaimChecker) -> None:
    # 'only' at the end restricts what precedes it, which the exclusive reading does not parse; with the same
    # claim's 'only' before its scope, the listing sentence contradicts it
    paper = paper_with(PODA)
    assert checker.check("PODA writes rationales that examine the correct options only.", [paper]).label \
        != "CONTRADICTED"
