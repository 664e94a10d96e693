"""A premise the paper builds on, quoted as its finding (issue 12, sixteenth pass): 'We introduce X, leveraging
the insight that Y' / 'Given that Y, we propose X' do not show Y. Real seed sentences; each claim framed as the
paper's finding is paired with a claim about what the paper does, which stays supported."""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.background import premise_only
from seed_text import paper_with, sentence_with

PIVOT = "leveraging the insight that LLMs internally operate in a latent space"
TRUST = "Given that the thinking reward may be unreliable for certain samples"

CASES = {
    "leveraging the insight that": (
        PIVOT, "The paper demonstrates that large language models operate internally in a latent space aligned "
               "toward the dominant language.",
        "The authors introduce English-Pivoted CoT Training."),
    "given that": (
        TRUST, "The study shows that the thinking reward may be unreliable for certain samples because of reward "
               "hacking.",
        "The authors propose Trust-GRPO, which assigns a trustworthiness weight to the thinking reward during "
        "training."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_premise_is_not_the_papers_finding(checker: ClaimChecker, case: str) -> None:
    fragment, premise_as_finding, own = CASES[case]
    paper = paper_with(fragment)
    assert checker.check(premise_as_finding, [paper]).label == "UNSUPPORTED", premise_as_finding
    assert checker.check(own, [paper]).label == "SUPPORTED", own


def test_only_the_premise_clause_counts() -> None:
    sentence = sentence_with(PIVOT)
    assert premise_only("The authors show that LLMs operate in a latent space aligned toward the dominant language.",
                        sentence)
    assert not premise_only("The authors show that English-Pivoted CoT Training leverages a latent space.", sentence)
