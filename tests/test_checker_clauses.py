"""Two words that change clauses across a contrast ('A ..., while B ...'): the claim keeps the two clauses of the
sentence but puts each of the two words in the other one, an entity swap the word-window readers miss when a
passive or a moved subject reorders the clause (issue 12, twentieth pass; `clauses.py`). Real seed sentences.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.clauses import clause_words_exchanged
from seed_text import assert_contradicted_twin, paper_with, sentence_with

QWEN = "these breakthroughs are mostly reported on the Qwen2.5"
CHUNKS = "reasons in 8K-token chunks yet thinks up to 24K"
AMBIVALENT = "achieve less than 50% accuracy in identifying situations where the decision should be ambivalent"


def test_names_exchanged_across_a_contrast_are_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, QWEN,
        "RL breakthroughs are mostly reported on Llama models, while Qwen2.5 fails to achieve similar gains.",
        "The breakthroughs are mostly reported on Qwen2.5 models, while they fail to achieve similar gains on Llama.")


def test_the_clauses_in_the_other_order_are_read_both_ways(checker: ClaimChecker) -> None:
    # the whole clause moved with its name says the same; the names exchanged as well does not
    swapped = ("Models like Qwen2.5 fail to achieve similar gains, while the breakthroughs are mostly reported on the "
               "Llama family.")
    faithful = ("Models like Llama fail to achieve similar gains, while the breakthroughs are mostly reported on the "
                "Qwen2.5 family.")
    assert clause_words_exchanged(swapped, sentence_with(QWEN)) == ("llama", "qwen2.5")
    assert clause_words_exchanged(faithful, sentence_with(QWEN)) is None
    assert_contradicted_twin(checker, QWEN, swapped, faithful)


def test_two_describing_words_exchanged_are_found() -> None:
    sentence = sentence_with(AMBIVALENT)
    assert clause_words_exchanged(
        "The strongest models reach under 50% accuracy in identifying clear-cut situations, while they perform "
        "significantly better in scenarios where the decision should be ambivalent.", sentence) == ("ambival", "clear-cut")
    assert clause_words_exchanged(
        "The strongest models reach under 50% accuracy in identifying situations where the decision should be "
        "ambivalent, while they perform significantly better in clear-cut scenarios.", sentence) is None


def test_synonyms_exchanged_across_a_contrast_say_the_same(checker: ClaimChecker) -> None:
    # 'reasons ... yet thinks' against 'thinks ... yet reasons': one word per meaning (`wording.py`)
    claim = "A 1.5B model trained this way thinks in 8K-token chunks yet reasons for up to 24K tokens."
    assert clause_words_exchanged(claim, sentence_with(CHUNKS)) is None
    assert checker.check(claim, [paper_with(CHUNKS)]).label == "SUPPORTED"
