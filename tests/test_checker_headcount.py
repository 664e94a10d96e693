"""Quantifiers bound to their head noun (`headcount.py`) and 'always' against 'in many cases' (`quantified.only_some`;
issue 12, c20 pass). Real seed sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.headcount import head_quantity_changed, single_of_many
from seed_text import assert_contradicted_twin, sentence_with

CHAMP = "find that most models struggle"
HABITS = "certain habits, such as Taking Responsible Risks"
EPO = "can be plugged into arbitrary LLM agents"
INFLUENCE = "in many cases, encoder-based language models can be finetuned"


def test_a_quantifier_of_a_plain_noun_is_read_with_that_noun() -> None:
    assert "model" in head_quantity_changed("All models struggle when asked to verify these solutions.",
                                            sentence_with(CHAMP)).split()
    assert head_quantity_changed("Most models struggle when asked to verify these solutions.", sentence_with(CHAMP)) == ""
    # something must be said of the noun on both sides
    assert head_quantity_changed("All models were released publicly.", sentence_with(CHAMP)) == ""


def test_all_or_none_against_most_or_certain_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, CHAMP, "All models struggle when asked to verify these solutions.",
                             "Most models struggle when asked to verify these solutions.")
    assert_contradicted_twin(checker, HABITS,
                             "The CogTest evaluation finds that none of the cognitive habits is associated with "
                             "generating harmful responses.",
                             "Some habits, for instance Taking Responsible Risks, are strongly associated with "
                             "generating harmful responses.")


def test_only_one_against_arbitrary_many_is_contradicted(checker: ClaimChecker) -> None:
    assert single_of_many("EPO's model can be plugged into only one specific LLM agent.", sentence_with(EPO)) == "agent"
    assert_contradicted_twin(checker, EPO, "EPO's strategic reasoning model can be plugged into only one specific LLM "
                             "agent.", "EPO's strategic reasoning model can be plugged into any LLM agent.")


def test_always_against_in_many_cases_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, INFLUENCE,
                             "Encoder-based language models can always be finetuned on roughly 50% of the original "
                             "data without degradation.",
                             "In many cases encoder-based language models can be finetuned on about half of the "
                             "original data without degradation.")
