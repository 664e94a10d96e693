"""A direction word of the claim read against the sentence's word for another object: 'raises accuracy' against
'a reduction in sequence length while simultaneously improving accuracy' is no reversal, because the sentence
moves accuracy the same way with another family's word (issue 12, nineteenth pass; `moved.py`). Real seed
sentences: the faithful claim is not contradicted, and a claim that does reverse what the sentence moves is."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.directions import _SIDES, direction_reversals
from reviewer.checker.moved import moved_alike
from seed_text import assert_contradicted_twin, sentence_with

SGRPO = "S-GRPO achieves a substantial reduction in sequence length"
TPPO = "this mechanism reduces redundant computations and accelerates the training process"


def test_the_object_moved_alike_discounts_the_family_reversal() -> None:
    claim = "S-GRPO shortens its sequences by 35.4% to 61.1% while raising accuracy."
    sentence = sentence_with(SGRPO)
    assert ("raising", "reduction") in direction_reversals(claim, sentence)
    assert moved_alike(claim, sentence, "raising", _SIDES)


def test_a_faithful_claim_is_not_contradicted_and_a_reversed_one_is(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, SGRPO, "S-GRPO lengthens sequences and lowers accuracy.",
                             "S-GRPO shortens its sequences by 35.4% to 61.1% while raising accuracy.")


def test_the_object_of_the_next_direction_word_is_not_this_ones() -> None:
    # 'reduces redundant computations and accelerates the training': 'training' is what 'accelerates' moves
    claim = "Filtering prompt and truncated tokens adds redundant computation and slows training down."
    assert not moved_alike(claim, sentence_with(TPPO), "slows", _SIDES)
