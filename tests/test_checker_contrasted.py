"""One clause of a contrasting sentence restated with the other clause's distinguishing word (`contrasted.py`,
issue 12, c20 pass). Real seed sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.contrasted import contrast_word_swapped
from seed_text import assert_contradicted_twin, sentence_with

THR = "tokens with positive THR strengthen confidence in correct outputs"
SEARCH = "In external search, the model guides Monte Carlo Tree Search"


def test_the_distinguishing_word_is_read_in_its_frame() -> None:
    assert contrast_word_swapped("Tokens with negative THR strengthen confidence in correct outputs, favoring "
                                 "exploitation.", sentence_with(THR)) == ("negative", "positive")
    assert contrast_word_swapped("Tokens with positive THR strengthen confidence in correct outputs, favoring "
                                 "exploitation.", sentence_with(THR)) is None
    # the other clause restated with its own word is faithful too
    assert contrast_word_swapped("Tokens with negative THR preserve probability mass for alternative outputs.",
                                 sentence_with(THR)) is None


def test_a_swapped_side_of_a_contrast_is_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, THR,
                             "Tokens with negative THR strengthen confidence in correct outputs and so favour "
                             "exploitation.",
                             "Tokens with positive THR strengthen confidence in correct outputs and so favour "
                             "exploitation.")
    assert_contradicted_twin(checker, SEARCH,
                             "In internal search, the model guides Monte Carlo Tree Search rollouts and evaluations "
                             "without calls to an external engine.",
                             "In external search, the model guides Monte Carlo Tree Search rollouts and evaluations "
                             "without calls to an external engine.")


def test_words_that_merely_sit_after_the_same_word_are_no_contrast() -> None:
    # dock-055, a faithful claim: 'for negatively-correlated' / 'for doing so' share a lead-in, not what follows
    assert contrast_word_swapped("Simple prompt-based techniques for negatively-correlated sampling significantly "
                                 "help alignment methods learn heterogeneous preferences.",
                                 sentence_with("simple prompt-based techniques for doing so")) is None
    # the frame keeps its own word too: the other side named beside it is no swap
    assert contrast_word_swapped("Tokens with positive THR, unlike tokens with negative THR, strengthen confidence in "
                                 "correct outputs, favoring exploitation.", sentence_with(THR)) is None
