"""Reversed comparisons whose arguments the abstract names another way (issue 12, fifteenth pass).

An abstract says "our approach outperforms B" or "A surpasses strong baselines, including B"; a claim that puts
B first names the method or B directly. Real seed sentences; each reversal is paired with its faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.families import comparison_sides
from reviewer.checker.ownname import abbreviations, own_name, resolve
from seed_text import paper_with, sentence_with

THEMIS = "our approach outperforms Gopher 280B by 7.3% on TruthfulQA"
SPC = "surpasses strong baselines, including distilled R1 model"
DROMEDARY = "Dromedary-2 significantly surpasses the performance of several state-of-the-art AI systems"


def test_the_papers_own_approach_is_named_where_the_abstract_says_our_approach() -> None:
    paper = paper_with(THEMIS)
    name = own_name(paper.title, paper.abstract)
    assert name == "Themis"
    assert "Themis outperforms Gopher 280B" in resolve(sentence_with(THEMIS), name, abbreviations(paper.abstract))


def test_a_defined_abbreviation_replaces_its_long_form() -> None:
    paper = paper_with(SPC)
    pairs = abbreviations(paper.abstract)
    assert ("Self-Play Critic", "SPC") in pairs
    assert resolve("The Self-Play Critic beats baselines.", "", pairs) == "The SPC beats baselines."


def test_the_named_members_of_a_beaten_class_are_beaten_too() -> None:
    (winner, loser), *_ = comparison_sides(sentence_with(DROMEDARY))
    assert "dromedary-2" in winner and "llama-2-chat-70b" in loser


CASES = {
    "our approach": (THEMIS, "In the zero-shot setting, Gopher 280B scores 7.3% higher than Themis on TruthfulQA.",
                     "In the zero-shot setting, Themis scores 7.3% higher than Gopher 280B on TruthfulQA."),
    "our approach, outperforms": (THEMIS, "On TruthfulQA, Gopher 280B outperforms Themis by 7.3% in zero-shot evaluation.",
                                  "On TruthfulQA, Themis outperforms Gopher 280B by 7.3% in zero-shot evaluation."),
    "including": (SPC, "Distilled R1 models outperform SPC in detecting reasoning-step errors.",
                  "SPC outperforms distilled R1 models in detecting reasoning-step errors."),
    "including, other abstract": (DROMEDARY, "LLaMA-2-Chat-70b outperforms Dromedary-2 across benchmark datasets.",
                                  "Dromedary-2 outperforms LLaMA-2-Chat-70b across benchmark datasets."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_comparison_reversed_against_the_abstracts_naming(checker: ClaimChecker, case: str) -> None:
    fragment, reversed_claim, faithful = CASES[case]
    paper = paper_with(fragment)
    assert checker.check(reversed_claim, [paper]).label == "CONTRADICTED", reversed_claim
    assert checker.check(faithful, [paper]).label != "CONTRADICTED", faithful


def test_a_reversal_that_spells_out_the_abstracts_abbreviation(checker: ClaimChecker) -> None:
    # 'Majority Voting (Maj)' is defined earlier in the abstract; 'ORMs outperform ex-BoN and Maj'
    paper = paper_with("ORMs outperform ex-BoN and Maj")
    assert ("Majority Voting", "Maj") in abbreviations(paper.abstract)
    assert checker.check("On BIRD and Spider, majority voting beats ORMs.", [paper]).label == "CONTRADICTED"
    assert checker.check("On BIRD and Spider, ORMs beat majority voting.", [paper]).label != "CONTRADICTED"
