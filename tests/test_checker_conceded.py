"""A state of affairs a context sentence concedes before its point ('While CoT has been shown to improve
performance across many tasks, determining the settings ... remains an ongoing effort') is not the paper's finding:
a claim 'the study finds that CoT improves performance across many tasks' is UNSUPPORTED (issue 12, nineteenth
pass; `background.premise_only`). A concession inside a result sentence ('Although Self-PRM consistently improves
the accuracy ..., analysis exposes ...') reports the paper's own result and is left alone. Real seed sentences."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.background import premise_only
from seed_text import paper_with, sentence_with

COT = "While CoT has been shown to improve performance across many tasks, determining the settings"
SELF_PRM = "Although Self-PRM consistently improves the accuracy of the benchmark"


def test_a_conceded_context_is_not_the_papers_finding(checker: ClaimChecker) -> None:
    claim = "The study finds that CoT improves performance across many tasks."
    assert premise_only(claim, sentence_with(COT), conceded=True)
    assert checker.check(claim, [paper_with(COT)]).label == "UNSUPPORTED"


def test_a_concession_in_a_result_sentence_is_the_papers_own(checker: ClaimChecker) -> None:
    claim = "The authors find that Self-PRM consistently improves the accuracy of the benchmark."
    assert checker.check(claim, [paper_with(SELF_PRM)]).label == "SUPPORTED"
    assert not premise_only(claim, sentence_with(SELF_PRM), conceded=False)
    assert premise_only(claim, sentence_with(SELF_PRM), conceded=True)  # what the role gate keeps out
