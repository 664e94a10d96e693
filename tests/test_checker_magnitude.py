"""A large effect said of what the paper finds small, or the reverse (`magnitude.py`, issue 12, c20 pass). Real seed
sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.magnitude import size_reversed
from seed_text import assert_contradicted_twin, sentence_with

SRM = "has minimal impact on the efficacy of SRMs"
PERSONA = "change the persuasive language in the text substantially"


def test_a_size_word_is_read_with_what_it_sizes() -> None:
    assert size_reversed("Stripping the natural-language thought descriptions sharply degrades SRM efficacy.",
                         sentence_with(SRM)) != ""
    assert size_reversed("Removing the natural-language thought descriptions has minimal impact on SRM efficacy.",
                         sentence_with(SRM)) == ""
    # a size said of something else is no reversal
    assert size_reversed("SRMs sharply improve on mathematical language.", sentence_with(SRM)) == ""


def test_the_other_size_of_effect_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, SRM,
                             "Stripping the natural-language thought descriptions sharply degrades SRM efficacy.",
                             "Removing the natural-language descriptions of thought processes barely changes SRM "
                             "efficacy.")
    assert_contradicted_twin(checker, PERSONA,
                             "Changing the persona in LLaMA3's system prompt barely affects persuasive language when "
                             "the model is only asked to paraphrase.",
                             "Changing the persona in LLaMA3's system prompt substantially changes persuasive "
                             "language even when the model is only asked to paraphrase.")


def test_a_sentence_giving_both_sizes_to_the_things_the_claim_sizes_is_agreed() -> None:
    # 'substantially outperforms ... while incurring a negligible inference overhead', restated
    uq = "while incurring a negligible inference overhead"
    assert size_reversed("The method substantially outperforms supervised UQ methods with negligible inference "
                         "overhead.", sentence_with(uq)) == ""
