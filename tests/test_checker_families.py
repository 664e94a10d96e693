"""Each perturbation family and the background rule, on real seed sentences.

Every claim is made by the generator's own rule (evals/perturb.py) from a sentence of a seed abstract
and checked against that abstract; each family is paired with the unchanged sentence, which must stay
SUPPORTED, so a checker that rejects everything fails as surely as one that accepts everything.
"""

from __future__ import annotations

import random

import pytest

from evals import perturb
from reviewer.checker import ClaimChecker
from reviewer.checker.families import (
    comparison_reversed,
    entity_swapped,
    hedge_strengthened,
    quantifier_conflict,
    rank_conflict,
)
from reviewer.checker.features import named_terms
from reviewer.models import Paper
from seed_text import paper_with


def label(checker: ClaimChecker, claim: str, paper: Paper) -> str:
    return checker.check(claim, [paper]).label


CASES = [
    ("number", "We train the performance prediction model on MultiPref, a new preference dataset with 10K instances "
     "paired with human and LM labels.", "CONTRADICTED"),
    ("comparison", "Notably, our mixed training model outperforms DeepSeek-R1-Zero-Qwen-32B across multiple "
     "benchmarks.", "CONTRADICTED"),
    ("antonym", "Firstly, MCTS is effective for tasks like the Game of Go, where simulation results can yield "
     "objective rewards (e.g., 1 for a win and 0 for a loss).", "CONTRADICTED"),
    ("negation", "They can serve as efficient alternatives to LLMs for reasoning-intensive tasks.", "CONTRADICTED"),
    ("quantifier", "We conducted a series of empirical studies and have corroborated that IEP consistently outperforms "
     "CoT across various tasks.", "CONTRADICTED"),
    ("hedge", "In practice, multiple responses can exist for a given prompt with varying quality relative to each "
     "other.", "UNSUPPORTED"),
    ("paraphrase", "We repeat all experiments three times to ensure a robust performance assessment.", "SUPPORTED"),
]
RULES = {**perturb.CONTRADICTED_RULES, "hedge": perturb.strengthen_hedge, "paraphrase": perturb.paraphrase}


@pytest.mark.parametrize(("family", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_family_on_a_seed_sentence(checker: ClaimChecker, family: str, sentence: str, expected: str) -> None:
    paper = paper_with(sentence)
    claim = RULES[family](sentence, random.Random(0))
    assert claim and claim != sentence
    assert label(checker, sentence, paper) == "SUPPORTED"
    assert label(checker, claim, paper) == expected, claim


ENTITY_SENTENCE = ("For example, on AIME 2024, our post-trained Qwen-2.5-7b-Instruct's pass@80 matches the "
                   "pass@256 of GRPO on the same model, demonstrating a 3x improvement in test-time sample efficiency.")


def test_entity_swapped_within_the_abstract_is_contradicted(checker: ClaimChecker) -> None:
    paper = paper_with(ENTITY_SENTENCE)
    swapped = perturb.swap_entity(ENTITY_SENTENCE, random.Random(0), paper.title + " " + paper.abstract)
    assert swapped and swapped != ENTITY_SENTENCE
    rest = paper.abstract.replace(ENTITY_SENTENCE, "")
    assert entity_swapped(swapped, ENTITY_SENTENCE, rest, named_terms(swapped), named_terms(ENTITY_SENTENCE))
    assert label(checker, swapped, paper) == "CONTRADICTED", swapped


def test_entity_from_elsewhere_is_unsupported(checker: ClaimChecker) -> None:
    paper = paper_with(ENTITY_SENTENCE)
    claim = ENTITY_SENTENCE.replace("GRPO", "AlphaMed")
    assert "alphamed" not in paper.abstract.lower()
    assert label(checker, claim, paper) == "UNSUPPORTED"


def test_sentence_of_another_abstract_is_unsupported(checker: ClaimChecker) -> None:
    other = "We repeat all experiments three times to ensure a robust performance assessment."
    paper = paper_with(ENTITY_SENTENCE)
    assert other not in paper.abstract
    assert label(checker, other, paper) == "UNSUPPORTED"


# ---------------------------------------------------------------- the background rule

BACKGROUND = "Surprisingly, some studies even suggest that random or incorrect reward signals can enhance reasoning performance."
OWN_FINDING = ("Using these leakage-free datasets, we show that only accurate reward signals consistently improve "
               "performance, while noisy or incorrect signals do not.")
UNREJECTED = ("Existing research has shown that a well-trained reward model can substantially improve model "
              "performances at inference time via search.")


def test_background_quote_rejected_later_is_contradicted(checker: ClaimChecker) -> None:
    paper = paper_with(BACKGROUND)
    verdict = checker.check(BACKGROUND, [paper])
    assert verdict.label == "CONTRADICTED"
    assert any("reports other work" in r for r in verdict.reasons)
    assert label(checker, f"Random or incorrect reward signals can enhance reasoning performance [{paper.key}].",
                 paper) != "SUPPORTED"
    assert label(checker, OWN_FINDING, paper) == "SUPPORTED"


def test_background_quote_not_rejected_is_unsupported(checker: ClaimChecker) -> None:
    paper = paper_with(UNREJECTED)
    assert label(checker, UNREJECTED, paper) == "UNSUPPORTED"


# ---------------------------------------------------------------- the signals themselves


def test_comparison_direction_needs_swapped_arguments() -> None:
    s = "Notably, our mixed training model outperforms DeepSeek-R1-Zero-Qwen-32B across multiple benchmarks."
    assert comparison_reversed("DeepSeek-R1-Zero-Qwen-32B outperforms our mixed training model.", s)
    assert not comparison_reversed("Our mixed training model outperforms DeepSeek-R1-Zero-Qwen-32B.", s)


def test_quantifier_rank_and_hedge_signals() -> None:
    s = "We also present several findings on how different multilingual aspects impact RM performance."
    assert quantifier_conflict(s.replace("several", "no"), s)
    assert not quantifier_conflict(s, s)
    assert rank_conflict("It reaches top-5 accuracy of 80%.", "It reaches top-1 accuracy of 80%.")
    assert not rank_conflict("It reaches top-1 accuracy of 80%.", "It reaches top-1 accuracy of 80%.")
    h = "In practice, multiple responses can exist for a given prompt."
    assert hedge_strengthened(perturb.strengthen_hedge(h, random.Random(0)) or "", h)
    assert not hedge_strengthened(h, h)


def test_the_authors_of_a_titled_paper_is_the_papers_voice(checker: ClaimChecker) -> None:
    sentence = ("We demonstrate the effectiveness of QAlign on mathematical reasoning benchmarks (GSM8K and "
                "GSM-Symbolic) using a task-specific RM, showing consistent improvements over existing test-time "
                "compute methods like best-of-n and majority voting.")
    paper = paper_with(sentence)
    assert "Don't" in paper.title  # a negation inside the title must not read as a negated finding
    claim = sentence.replace("We demonstrate", f"The authors of {paper.title.split(':')[0]} demonstrate")
    assert label(checker, claim, paper) == "SUPPORTED"
    # Only the title is dropped, never the first verb: 'compare ... and demonstrate' keeps 'compare ...'.
    econ = ("In this paper, we systematically compare the efficiency of different test-time scaling strategies for "
            "ATP models and demonstrate the inefficiency of the current state-of-the-art (SOTA) open-source approaches.")
    claim = econ.replace("In this paper, we", "The authors of EconProver")
    assert label(checker, claim, paper_with(econ)) == "SUPPORTED"


def test_the_authors_of_a_title_inside_the_sentence_is_the_papers_voice(checker: ClaimChecker) -> None:
    sentence = ("As we scale test-time compute, QAlign converges to sampling from the optimal aligned distribution "
                "for each individual prompt.")
    paper = paper_with(sentence)
    claim = sentence.replace("As we", f"As the authors of {paper.title.split(':')[0]}")
    assert "Don't" in claim
    assert label(checker, claim, paper) == "SUPPORTED"


@pytest.mark.parametrize(("sentence", "own", "name"), [
    ("Subsequently, our framework integrates seamlessly into both Reward Modeling and Direct Preference "
     "Optimization paradigms.", "our framework", "Multi-Level Aware Preference Learning"),
    ("Empirical results in mathematical reasoning tasks demonstrate that our method consistently outperforms GRPO "
     "across all thinking budgets under various prior distributions, enhancing both training and token efficiency.",
     "our method", "BRPO"),
])
def test_the_papers_own_method_called_by_its_name_is_not_a_swap(
        checker: ClaimChecker, sentence: str, own: str, name: str) -> None:
    """Survey writers resolve 'our framework' to the method's name; that is not another entity."""
    paper = paper_with(sentence)
    assert name in paper.title or name in paper.abstract
    assert label(checker, sentence.replace(own, name), paper) == "SUPPORTED"


def test_verdict_labels_are_defined_once() -> None:
    """One definition of the three labels (checker/types.py); everything else imports it."""
    from pathlib import Path

    from reviewer.checker import ClaimVerdict as Exported
    from reviewer.checker.types import LABELS, ClaimVerdict

    root = Path(__file__).resolve().parent.parent
    spelled = [p for d in ("reviewer", "evals") for p in (root / d).rglob("*.py")
               if '"SUPPORTED", "CONTRADICTED", "UNSUPPORTED"' in p.read_text(encoding="utf-8")]
    assert [p.relative_to(root).as_posix() for p in spelled] == ["reviewer/checker/types.py"]
    assert Exported is ClaimVerdict and LABELS == ("SUPPORTED", "CONTRADICTED", "UNSUPPORTED")
