"""Claims that go beyond their evidence, and numbers that belong to another item, on real seed sentences.

A reviewer's claim can restate an abstract and still add what it never says: a benchmark it was not run
on ('... on ToolEmu'), a certainty it never asserts ('completely eliminates', 'guarantees'). Those are
UNSUPPORTED. A number can also occur in the evidence and still be wrong for what the claim attaches it to
('16 experts on 4 GPUs' when the 4 GPUs are the baselines'), or sit in a 'respectively' list. Each case is
paired with a faithful restatement of the same sentence that must keep its label.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.beyond import absolute_added, unmentioned_targets
from reviewer.checker.numbers import check_numbers, extract_numbers
from seed_text import paper_with

MONITOR = "In contrast, CoT Monitor+ cuts deceptive behaviors by 43.8% on average while preserving task accuracy."
AGENTALIGN = "substantially improves their safety (35.8% to 79.5% improvement)"
VERIFYRM = ("Based on this design, we train a reward model named VerifyRM, which achieves higher accuracy on "
            "VerifyBench compared to other models of the same size.")
SYMBOLIC = "This allows us to integrate 16 expert models on 1 GPU"
CURRY = ("Curry-DPO also achieves the highest adjusted win rates on Vicuna, WizardLM, and UltraFeedback test datasets "
         "(90.7%, 87.1%, and 87.9% respectively)")




# (fragment of the seed abstract, claim that goes beyond it, faithful restatement)
BEYOND = {
    "certainty, 'completely eliminates'": (MONITOR, "CoT Monitor+ completely eliminates deceptive behaviors while "
                                           "preserving task accuracy.", "CoT Monitor+ reduces deceptive behaviors "
                                           "by 43.8% on average and keeps task accuracy."),
    "certainty, 'always'": (MONITOR, "CoT Monitor+ always preserves task accuracy while cutting deceptive behaviors by "
                            "43.8% on average.", "CoT Monitor+ reduces deceptive behaviors by 43.8% on average and "
                            "keeps task accuracy."),
    "certainty, 'guarantees'": (AGENTALIGN, "Fine-tuning open-source models with AgentAlign guarantees safer agents "
                                "on AgentHarm.", "Fine-tuning open-source models with AgentAlign improves their safety "
                                "on AgentHarm."),
    "benchmark never mentioned": (AGENTALIGN, "Fine-tuning open-source models with AgentAlign improves their safety "
                                  "on ToolEmu.", "Fine-tuning open-source models with AgentAlign improves their safety "
                                  "on AgentHarm."),
    "benchmark never mentioned, superlative": (VERIFYRM, "VerifyRM reaches the highest accuracy of any model on "
                                               "RewardBench.", "VerifyRM is more accurate on VerifyBench than other "
                                               "models of its size."),
}


@pytest.mark.parametrize("case", sorted(BEYOND))
def test_a_claim_beyond_its_evidence_is_unsupported(checker: ClaimChecker, case: str) -> None:
    fragment, beyond, faithful = BEYOND[case]
    paper = paper_with(fragment)
    assert checker.check(beyond, [paper]).label == "UNSUPPORTED", beyond
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful


def test_the_guards_name_what_the_claim_adds() -> None:
    assert unmentioned_targets("VerifyRM beats other models on RewardBench.", ["rewardbench"]) == ["rewardbench"]
    # a missing name that is not what the claim was measured on or against is left to the combiner
    assert unmentioned_targets("RewardBench results favour VerifyRM.", ["rewardbench"]) == []
    assert absolute_added("X always helps.", "X helps in most settings.") == ["always"]
    assert absolute_added("X always helps.", "We show that X always helps.") == []


NUMBERS = {
    "a number of the baselines": (SYMBOLIC, "Symbolic-MoE integrates 16 expert models on 4 GPUs.",
                                  "Symbolic-MoE integrates 16 expert models on 1 GPU."),
    "a 'respectively' list": (CURRY, "Curry-DPO reaches an adjusted win rate of 80.7% on Vicuna.",
                              "Curry-DPO reaches an adjusted win rate of 90.7% on Vicuna."),
}


@pytest.mark.parametrize("case", sorted(NUMBERS))
def test_a_number_of_another_thing_is_contradicted(checker: ClaimChecker, case: str) -> None:
    fragment, wrong, right = NUMBERS[case]
    paper = paper_with(fragment)
    assert checker.check(wrong, [paper]).label == "CONTRADICTED", wrong
    assert checker.check(right, [paper]).label != "CONTRADICTED", right


def test_respectively_gives_each_number_its_item() -> None:
    nums = {n.raw: n.context for n in extract_numbers(CURRY + " in our experiments.")}
    assert "vicuna" in nums["90.7%"] and "wizardlm" not in nums["90.7%"]
    assert "wizardlm" in nums["87.1%"] and "vicuna" not in nums["87.1%"]
    check = check_numbers("The adjusted win rate on Vicuna is 80.7%.", CURRY, [(0, CURRY, 0.6)])
    assert [(c, e) for c, e, _ in check.conflicts] == [("80.7%", "90.7%")]


def test_a_number_that_names_or_divides_is_no_rival() -> None:
    """'1/2000' is a rate, not a count of the samples: the sentence's 16 positives are no rival (SciFact dev;
    a rival chosen by shared nearby stems alone called this CONTRADICTED)."""
    from evals.claims import load_papers

    abstract = load_papers()[13734012].abstract
    results = next(s for s in abstract.split(". ") if s.startswith("RESULTS"))
    check = check_numbers("1/2000 in UK have abnormal PrP positivity.", abstract, [(2, results, 0.5)])
    assert not check.conflicts


GAMES = "ChatGPT-o3-mini achieves the top composite score"
CMEXAM = "GPT-4 had the best accuracy of 61.6%"
UNPACKING = "better preference data leading to the largest improvements"
# (fragment, contradicted claim, faithful claim that must not be called CONTRADICTED)
RANKINGS = {
    "another holder of the top": (GAMES, "Qwen-Plus obtains the best composite score across the 12 models.",
                                  "Across 12 leading models, ChatGPT-o3-mini gets the best composite score."),
    "the opposite end": (GAMES, "ChatGPT-o3-mini came last in composite score among the 12 leading models.",
                         "ChatGPT-o3-mini achieves the top composite score among the 12 leading models."),
    "the opposite end, lowest": (CMEXAM, "GPT-4 had the lowest accuracy on CMExam among the LLMs tested.",
                                 "GPT-4 reached the highest accuracy on CMExam, 61.6%."),
    "an ordered list ('followed by')": (UNPACKING, "The choice of learning algorithm matters more for performance "
                                        "than the quality of the preference data.", "Better preference data brings "
                                        "larger gains than the choice of learning algorithm."),
}


@pytest.mark.parametrize("case", sorted(RANKINGS))
def test_a_moved_ranking_is_contradicted(checker: ClaimChecker, case: str) -> None:
    fragment, wrong, right = RANKINGS[case]
    paper = paper_with(fragment)
    assert checker.check(wrong, [paper]).label == "CONTRADICTED", wrong
    assert checker.check(right, [paper]).label != "CONTRADICTED", right


def test_a_multiplier_in_words_is_a_number() -> None:
    """'halves the training time' states a number: unverifiable where the abstract gives none, matched by 2x."""
    drs = "we propose Dynamic Reward Scaling, a method that adjusts the loss weight of each sample"
    abstract = paper_with(drs).abstract
    check = check_numbers("Dynamic Reward Scaling halves the training time of the alignment algorithm.", abstract,
                          [(0, abstract, 0.5)])
    assert check.unmatched == ["halves"]
    xrpo = "accelerating training convergence by up to 2.7X"
    assert not check_numbers("XRPO doubles the speed of training convergence.", xrpo, [(0, xrpo, 0.9)]).matched
    both = "It runs 2x faster and cuts the cost by 50%."
    assert check_numbers("It doubles the speed and halves the cost.", both, [(0, both, 0.9)]).matched == 2


def test_a_claim_that_halves_what_the_abstract_never_measures_is_unsupported(checker: ClaimChecker) -> None:
    paper = paper_with("we propose Dynamic Reward Scaling, a method that adjusts the loss weight of each sample")
    assert checker.check("Dynamic Reward Scaling halves the training time of the alignment algorithm.",
                         [paper]).label == "UNSUPPORTED"


def test_a_restated_ranking_is_not_read_against_itself(checker: ClaimChecker) -> None:
    """The survey's near-copy of a 'followed by' ranking gives B > C as well as A > B; one pair must not be
    read as reversing another (a survey sentence was dropped as CONTRADICTED before this was fixed)."""
    paper = paper_with(UNPACKING)
    restated = ("The authors' findings indicate that all aspects are important for performance, with better "
                "preference data leading to the largest improvements, followed by the choice of learning algorithm, "
                "the use of improved reward models, and finally the use of additional unlabeled prompts for policy "
                "training.")
    assert checker.check(restated, [paper]).label == "SUPPORTED"
