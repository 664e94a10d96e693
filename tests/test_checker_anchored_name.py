"""A faithful restatement of one clause of a long sentence, anchored by its numbers and by the paper's own method
named where the sentence says 'our method', its values in any order when each keeps its words (issue 12,
sixteenth pass). Real seed sentences."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.bound import values_keep_their_words
from seed_text import paper_with, sentence_with

DIFFADAPT = "while reducing token usage by up to 22.4"
PLAN = "achieving up to +70% accuracy gains, -39% token reduction"


def test_the_papers_own_method_anchors_a_restated_clause(checker: ClaimChecker) -> None:
    paper = paper_with(DIFFADAPT)  # 'Our method achieves comparable or improved accuracy while reducing ...'
    faithful = "DiffAdapt cuts token usage by as much as 22.4% and keeps accuracy comparable or better."
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful
    changed = "DiffAdapt cuts token usage by as much as 32.4% and keeps accuracy comparable or better."
    assert checker.check(changed, [paper]).label == "CONTRADICTED", changed


def test_values_restated_in_another_order_keep_their_words(checker: ClaimChecker) -> None:
    paper = paper_with(PLAN)  # '... achieving up to +70% accuracy gains, -39% token reduction, and ...'
    faithful = "Token usage falls by up to 39% under Plan-and-Budget, and accuracy climbs by up to 70%."
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful
    exchanged = "Token usage falls by up to 70% under Plan-and-Budget, and accuracy climbs by up to 39%."
    assert not values_keep_their_words(exchanged, sentence_with(PLAN))
    assert checker.check(exchanged, [paper]).label != "SUPPORTED", exchanged
