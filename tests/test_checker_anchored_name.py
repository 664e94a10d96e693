"""A faithful restatement of one clause of a long sentence, anchored by its numbers and by the paper's own method
named where the sentence says 'our method' (issue 12, sixteenth pass). Real seed sentences."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from seed_text import paper_with

DIFFADAPT = "while reducing token usage by up to 22.4"


def test_the_papers_own_method_anchors_a_restated_clause(checker: ClaimChecker) -> None:
    paper = paper_with(DIFFADAPT)  # 'Our method achieves comparable or improved accuracy while reducing ...'
    faithful = "DiffAdapt cuts token usage by as much as 22.4% and keeps accuracy comparable or better."
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful
    changed = "DiffAdapt cuts token usage by as much as 32.4% and keeps accuracy comparable or better."
    assert checker.check(changed, [paper]).label == "CONTRADICTED", changed
