"""An attributed claim that restates the abstract's opening context is not the paper's finding (branch c21).

Real seed abstract; the twin restates the paper's own result in the same frame and stays SUPPORTED.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.seed_claims import seed_papers_by_title
from reviewer.checker import ClaimChecker
from reviewer.settings import Settings

TITLE = ("Leveraging Domain Knowledge for Efficient Reward Modelling in RLHF: A Case-Study in E-Commerce Opinion "
         "Summarization")


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> ClaimChecker:
    return ClaimChecker(Settings(home=Path(tmp_path_factory.mktemp("home"))))


def test_the_abstracts_context_quoted_as_its_finding_is_unsupported(checker: ClaimChecker) -> None:
    paper = seed_papers_by_title()[TITLE]
    # 'While this strategy has proven to be effective, the training methodology requires a lot of human preference
    # annotation (usually of the order of tens of thousands)': the context the paper sets out to change
    verdict = checker.check("The opinion summarization study finds that training a reward model for RLHF requires tens "
                            "of thousands of human preference annotations.", [paper])
    assert verdict.label == "UNSUPPORTED"
    # the twin: the paper's own result, in the same frame
    assert checker.check("The opinion summarization study finds that its approach advances the state of the art with "
                         "just 940 samples.", [paper]).label == "SUPPORTED"


def test_a_claim_the_papers_own_sentence_covers_as_well_is_left_to_the_other_rules() -> None:
    from reviewer.checker.background import restated_context
    from reviewer.models import EvidenceSentence
    from reviewer.textutil import split_sentences

    # MaxMin-RLHF: sentence 0 (context) and sentence 2 (the paper's own) both hold 'single reward RLHF'
    title = "MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences"
    paper = seed_papers_by_title()[title]
    items = [EvidenceSentence(paper_id="p", key="k", index=i, text=s) for i, s in enumerate(split_sentences(paper.abstract))]
    claim = "The MaxMin-RLHF paper finds that RLHF aligns language models to human preferences by means of a single reward model."
    assert restated_context(claim, items) == -1
    assert restated_context("The MaxMin-RLHF paper finds that RLHF employs a singular reward model derived from "
                            "preference data.", items) == 0  # the context alone, which no own sentence restates
    # a claim that says much the context does not (news summarization in many languages) is not its restatement
    assert restated_context("The MaxMin-RLHF paper finds that RLHF employs a singular reward model to summarize news "
                            "articles in many languages.", items) == -1
