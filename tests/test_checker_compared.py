"""SUPPORTED only for what the abstract states (branch c21), on real seed abstracts, each with a faithful twin.

- a comparison the abstract never makes ('A ... less often than B' where it only tests A and B);
- a quantity written with a hyphen in the abstract ('per-token costs') is the same quantity as 'per token';
- a name with a possessive ('SEC's proxy') is the name, and a name put where the sentence had an article is
  no entity swap.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.seed_claims import seed_papers_by_title
from reviewer.checker import ClaimChecker
from reviewer.checker.compared import comparison_unstated
from reviewer.checker.unstated import unmentioned_effects
from reviewer.settings import Settings

SEARCH_ARENA = ("To assess performance across different settings, we conduct cross-arena analyses by testing "
                "search-augmented LLMs in a general-purpose chat environment and conventional LLMs in search-intensive "
                "settings. We find that web search does not degrade and may even improve performance in non-search "
                "settings; however, the quality in search settings is significantly affected if solely relying on the "
                "model's parametric knowledge.")
# seeds: "Beyond One World: Benchmarking Super Heros in Role-Playing Across Multiversal Contexts"
BEYOND = ("Superhero canons such as Marvel and DC provide a rich testbed: decades of storytelling yield multiple "
          "incarnations of the same character with distinct histories, values, and moral codes. Experiments across "
          "reasoning- and non-reasoning-oriented models yield three findings: (1) chain-of-thought prompting improves "
          "narrative coherence in weaker models but can reduce canonical accuracy in stronger ones.")
# seeds: "Cost-of-Pass: An Economic Framework for Evaluating Language Models"
COST = ("First, lightweight models are most cost-effective for basic quantitative tasks, large models for "
        "knowledge-intensive ones, and reasoning models for complex quantitative problems, despite higher per-token "
        "costs.")


def test_a_comparison_no_sentence_makes_is_unstated() -> None:
    assert comparison_unstated("Search-augmented LLMs hallucinate less often than conventional LLMs in chat "
                               "settings.", SEARCH_ARENA)
    assert comparison_unstated("DC heroes are portrayed more consistently than Marvel heroes.", BEYOND)
    # a loser never named beside the winner may be what the abstract calls 'the control group': left alone
    assert comparison_unstated("Chain-of-thought prompting is more effective than fine-tuning.", BEYOND) == ""


def test_a_comparison_the_abstract_makes_is_stated() -> None:
    # the twins: each abstract's own comparison, in other words
    assert comparison_unstated("Chain-of-thought prompting helps narrative coherence more in weaker models than in "
                               "stronger ones.", BEYOND) == ""
    # seeds: "Jointly Reinforcing Diversity and Quality in Language Model Generations": 'rather than' ranks nothing
    darling = ("At its core, DARLING introduces a learned partition function to measure diversity beyond surface-level "
               "lexical variations.")
    assert comparison_unstated("DARLING measures semantic diversity with a learned partition function rather than "
                               "through surface-level lexical variation.", darling) == ""


def test_a_hyphenated_quantity_is_mentioned() -> None:
    claim = "Reasoning models are the most cost-effective for complex quantitative problems, though they cost more per token."
    assert unmentioned_effects(claim, COST) == []
    assert unmentioned_effects("Reasoning models reduce latency on complex quantitative problems.", COST) != []


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> ClaimChecker:
    return ClaimChecker(Settings(home=Path(tmp_path_factory.mktemp("home"))))


def _check(checker: ClaimChecker, title: str, claim: str) -> str:
    paper = seed_papers_by_title()[title]
    return checker.check(claim, [paper]).label


def test_a_possessive_name_and_a_name_for_an_article(checker: ClaimChecker) -> None:
    title = "Self-Evolving Curriculum for LLM Reasoning"
    assert _check(checker, title, "The absolute advantage from policy gradient methods serves as SEC's proxy for "
                                  "immediate learning gain.") == "SUPPORTED"
    # the twin: a name the abstract lacks, in the same place, is still not supported
    assert _check(checker, title, "The absolute advantage from policy gradient methods serves as PPO's proxy for "
                                  "immediate learning gain.") != "SUPPORTED"


def test_the_checker_does_not_support_a_comparison_the_abstract_never_makes(checker: ClaimChecker) -> None:
    title = "Search Arena: Analyzing Search-Augmented LLMs"
    assert _check(checker, title, "Search-augmented LLMs hallucinate less often than conventional LLMs in chat "
                                  "settings.") == "UNSUPPORTED"
    assert _check(checker, title, "Web search does not degrade performance in non-search settings and may even "
                                  "improve it.") == "SUPPORTED"
