"""An aim is no evidence (branch c21): a SUPPORTED claim whose best sentence only states what was studied is
decided again on the abstract's other sentences. Real SciFact corpus and seed sentences, with twins."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.claims import load_papers
from reviewer.checker import ClaimChecker
from reviewer.checker.aims import is_aim
from reviewer.settings import Settings


def test_aims_and_open_questions_are_aims() -> None:
    # SciFact corpus 4687948 and 20418809: a structured aim, an open question
    assert is_aim("OBJECTIVE To determine whether the use of statins is associated with reduced hip fracture risk.")
    assert is_aim("DESIGN Case-control study.")
    assert is_aim("In this study we investigated whether Notch signaling is involved in the tight interactions "
                  "between neoplastic plasma cells and their bone marrow microenvironment.")


def test_proposals_findings_and_asserted_first_clauses_are_not_aims() -> None:
    # seeds: RICE, and a benchmark abstract that answers its own question in the same sentence
    assert not is_aim("To address these limitations, we introduce a novel inference-time steering methodology called "
                      "Reinforcing Cognitive Experts (RICE), designed to improve reasoning performance without "
                      "additional training or complex heuristics.")
    assert not is_aim("In addition, we test whether models are able to verify these solutions, and find that most "
                      "models struggle.")
    assert not is_aim("However, a common challenge observed across many replication and extension efforts is that when "
                      "multiple sampled responses under a single prompt converge to identical outcomes, whether correct "
                      "or incorrect, the group-based advantage degenerates to zero.")
    # SciFact corpus: a finding before 'but whether ... is unknown'; 'To assess X, we did Y' is a method
    assert not is_aim("BACKGROUND Screening for cervical cancer based on testing for human papillomavirus (HPV) "
                      "increases the sensitivity of detection of high-grade (grade 2 or 3) cervical intraepithelial "
                      "neoplasia, but whether this gain represents overdiagnosis or protection against future "
                      "high-grade cervical epithelial neoplasia or cervical cancer is unknown.")
    assert not is_aim("To assess the cell-autonomous and species-selective properties of human glia, we engrafted human "
                      "glial progenitor cells (GPCs) into neonatal immunodeficient mice.")
    assert not is_aim("Setting degree of parallelism to 1 yields an interesting subcase, Sequential Refinement (SR).")


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> ClaimChecker:
    return ClaimChecker(Settings(home=Path(tmp_path_factory.mktemp("home"))))


def test_a_claim_resting_on_the_aim_is_decided_by_the_results(checker: ClaimChecker) -> None:
    paper = load_papers()[4687948]  # statins and hip fracture: the aim asks, the results answer 'reduced risk'
    verdict = checker.check("There is a positive correlation between hip fractures and statin use.", [paper])
    assert verdict.label == "CONTRADICTED"
    assert all(not is_aim(e.text) for e in verdict.evidence)
    # the twin: what the results do say stays supported
    assert checker.check("Statin use is associated with a reduced risk of hip fracture in elderly patients.",
                         [paper]).label == "SUPPORTED"
