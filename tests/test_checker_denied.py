"""Negation carried by 'without requiring X', 'without any knowledge of X' and by antonyms outside the stance
lexicon ('persist' / 'vanish', 'equally' / 'differently'), issue 12 sixteenth pass. Real seed sentences; each
denial is paired with its faithful twin."""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.requires import requirement_denied
from seed_text import assert_contradicted_twin, sentence_with

CTRLS = "without requiring additional fine-tuning of the underlying LLM"
CROME = "our augmentations are produced without any knowledge of spurious factors"
QALIGN = "without modifying the underlying model or even requiring logit access"
PERSIST = "The performance improvements persist under adversarial conditions"
EQUALLY = "treats all prompts equally during policy updates"

CASES = {
    "without requiring": (CTRLS, "To refine its latent state transitions, CTRLS needs extra fine-tuning of the "
                                 "underlying LLM.",
                          "The latent state transitions are refined without further fine-tuning of the underlying "
                          "LLM."),
    "with knowledge of": (CROME, "Crome's augmentations are generated with full knowledge of the spurious factors.",
                          "Crome produces its augmentations without knowing the spurious factors."),
    "persist / vanish": (PERSIST, "Under adversarial conditions the performance improvements vanish.",
                         "Under adversarial conditions the performance improvements persist."),
    "equally / differently": (EQUALLY, "During policy updates, vanilla GRPO treats prompts differently.",
                              "During policy updates, vanilla GRPO treats every prompt equally."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_denial_without_not(checker: ClaimChecker, case: str) -> None:
    fragment, denied, faithful = CASES[case]
    assert_contradicted_twin(checker, fragment, denied, faithful)


def test_each_alternative_of_a_without_list_is_done_without() -> None:
    sentence = sentence_with(QALIGN)
    assert requirement_denied("QAlign needs logit access to produce better-aligned outputs.", sentence)
    assert not requirement_denied("QAlign produces better-aligned outputs without logit access.", sentence)
