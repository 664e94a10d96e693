"""A trade-off where the paper reports a joint gain ('X at the cost of lower Y' against 'X while simultaneously
improving Y', 'improves both X and Y'), (issue 12, twenty-first pass; `tradeoff.py`). Real seed
sentences, each with its faithful twin.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.tradeoff import tradeoff_across, tradeoff_reversed
from seed_text import assert_contradicted_twin, paper_with, sentence_with

SGRPO = "while simultaneously improving accuracy"
PIXEL = "improves both reasoning efficiency and overall segmentation performance"


def test_a_cost_where_the_sentence_gains_the_same_thing_is_contradicted(checker: ClaimChecker) -> None:
    sentence = sentence_with(PIXEL)
    assert tradeoff_reversed("The approach improves segmentation at the expense of reasoning efficiency.", sentence)
    assert not tradeoff_reversed("The approach improves segmentation without sacrificing reasoning efficiency.",
                                 sentence)
    assert_contradicted_twin(checker, PIXEL,
                             "PixelThink lifts overall segmentation performance at the cost of lower reasoning efficiency.",
                             "PixelThink lifts overall segmentation performance while also improving reasoning efficiency.")


def test_the_gain_may_sit_in_a_sentence_the_claim_words_differently(checker: ClaimChecker) -> None:
    # 'shortens reasoning chains' is the paper's 'reduction in sequence length': that sentence is not among the
    # best aligned, so the cost is read against every sentence sharing another word with the claim
    paper = paper_with(SGRPO)
    assert tradeoff_across("S-GRPO makes reasoning chains shorter at the price of accuracy.",
                           [sentence_with(SGRPO)])
    assert not tradeoff_across("Larger batches raise throughput at the price of accuracy.", [sentence_with(SGRPO)])
    assert checker.check("S-GRPO makes reasoning chains shorter at the price of accuracy.", [paper]).label == \
        "CONTRADICTED"
    assert checker.check("S-GRPO makes reasoning chains shorter while also improving accuracy.", [paper]).label == \
        "SUPPORTED"

