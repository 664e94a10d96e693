"""Contradictions a human reviewer writes in their own words, on real seed sentences.

The perturbation families (tests/test_checker_families.py) edit a sentence in place. People paraphrase:
'B is worse than A' for 'A outperforms B', 'lowers performance' for 'performance is enhanced', 'cuts
tokens by 58%' for '-39% token reduction'. Each contradicted claim here is paired with a faithful
paraphrase of the same sentence that must not be called CONTRADICTED, so a rule that fires on any
rewording fails as surely as one that never fires.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.effects import effect_reversed
from reviewer.checker.families import comparison_order_reversed, comparison_sides
from reviewer.checker.features import negation_flips
from reviewer.checker.numbers import check_numbers, extract_numbers
from seed_text import paper_with

GPM = ("Experimental results show that our General Preference representation model (GPM) outperforms the BT reward "
       "model on the RewardBench benchmark with a margin of up to 5.6% and effectively models cyclic preferences where "
       "any BT reward model behaves like a random guess.")
XRPO = ("Experiments across diverse math and coding benchmarks on both reasoning and non-reasoning models demonstrate "
        "that XRPO outperforms existing advances (e.g., GRPO and GSPO) up to 4% pass@1 and 6% cons@32, while "
        "accelerating training convergence by up to 2.7X.")
MC = ("In this paper, through extensive experiments, we demonstrate that commonly used Monte Carlo (MC) estimation-based "
      "data synthesis for PRMs typically yields inferior performance and generalization compared to LLM-as-a-judge and "
      "human annotation methods.")
R1 = ("Moreover, with more inference compute, R1-Reward's performance is further enhanced, highlighting the potential "
      "of RL algorithms in optimizing MRMs.")
RLHS = ("Our theoretical analysis reveals that conditioning evaluator feedback on downstream observations mitigates "
        "misalignment and improves expected human utility, even when these observations are simulated by the AI system "
        "itself.")
MMRLHF = ("Specifically, fine-tuning LLaVA-ov-7B with MM-RLHF and our alignment algorithm leads to a 19.5% increase in "
          "conversational abilities and a 60% improvement in safety.")
PLAN = ("Plan-and-Budget improves reasoning efficiency across a range of tasks and models, achieving up to +70% accuracy "
        "gains, -39% token reduction, and +187.5% improvement in E^3.")
LISTENER = ("Our listener-shaped reward scheme achieves best accuracy on the ImageReward benchmark (67.4%), significantly "
            "improves out-of-distribution (OOD) performance on a large-scale human preference dataset (1.2M votes, up to "
            "+6% over naive reasoner), and reduces reasoning contradictions compared to strong GRPO and SFT baselines.")
HELPSTEER = ("Notably, HelpSteer2 consists of only ten thousand response pairs, an order of magnitude fewer than existing "
             "preference datasets (e.g., HH-RLHF), which makes it highly efficient for training reward models.")
UNPACKING = ("Despite significant gains of up to 5% in mathematical evaluation when scaling up reward models, we "
             "surprisingly observe marginal improvements in other categories.")
AGENTALIGN = ("Evaluation results on AgentHarm demonstrate that fine-tuning three families of open-source models using "
              "our method substantially improves their safety (35.8% to 79.5% improvement) while minimally impacting or "
              "even positively enhancing their helpfulness, outperforming various prompting methods.")
RMR1 = ("Empirically, our models achieve state-of-the-art or near state-of-the-art performance of generative RMs across "
        "multiple comprehensive reward model benchmarks, outperforming much larger open-weight models (e.g., "
        "Llama3.1-405B) and proprietary ones (e.g., GPT-4o) by up to 13.8%.")
MONITOR = "In contrast, CoT Monitor+ cuts deceptive behaviors by 43.8% on average while preserving task accuracy."




# (seed sentence, contradicted paraphrase, faithful paraphrase)
CASES = {
    "comparison, 'worse than'": (GPM, "On RewardBench the GPM is worse than the BT reward model.",
                                 "On RewardBench the BT reward model is worse than GPM, by up to 5.6%."),
    "comparison, participle subject": (XRPO, "GRPO and GSPO beat XRPO on math and coding benchmarks.",
                                       "XRPO beats GRPO and GSPO on math and coding benchmarks."),
    "comparison, 'inferior ... compared to'": (MC, "MC estimation-based data synthesis for PRMs is better than "
                                               "LLM-as-a-judge and human annotation.",
                                               "LLM-as-a-judge and human annotation are better than MC "
                                               "estimation-based data synthesis for PRMs."),
    "comparison, participle after an aside": (AGENTALIGN, "Prompting methods do better than fine-tuning with "
                                              "AgentAlign on AgentHarm.", "Fine-tuning with AgentAlign does better "
                                              "than prompting methods on AgentHarm."),
    "comparison, the paper's own model unnamed": (RMR1, "Proprietary models such as GPT-4o are ahead of RM-R1 on reward "
                                                  "model benchmarks.", "RM-R1 is ahead of proprietary models such as "
                                                  "GPT-4o on reward model benchmarks."),
    "direction, passive evidence": (R1, "More inference compute reduces R1-Reward's performance.",
                                    "More inference compute raises R1-Reward's performance."),
    "direction, across wordings": (RLHS, "Conditioning evaluator feedback on downstream observations increases "
                                   "misalignment.",
                                   "Conditioning evaluator feedback on downstream observations reduces misalignment."),
    "direction, noun form": (MMRLHF, "Fine-tuning LLaVA-ov-7B with MM-RLHF and the alignment algorithm brings a drop "
                             "in safety.", "Fine-tuning LLaVA-ov-7B with MM-RLHF and the alignment algorithm brings "
                             "a 60% gain in safety."),
    "direction, magnitude": (UNPACKING, "Scaling up reward models brings large improvements in the other categories "
                             "too.", "Scaling up reward models brings only marginal improvements in the other "
                             "categories."),
    "number, signed": (PLAN, "Plan-and-Budget cuts token usage by up to 58%.",
                       "Plan-and-Budget cuts token usage by up to 39%."),
    "number, in an aside": (LISTENER, "The listener-shaped reward scheme gets 71.2% accuracy on ImageReward.",
                            "The listener-shaped reward scheme gets 67.4% accuracy on ImageReward."),
    "number, in words": (HELPSTEER, "HelpSteer2 contains just 1,000 response pairs.",
                         "HelpSteer2 contains just 10,000 response pairs."),
    "number, 'times'": (XRPO, "XRPO makes training converge up to 1.5 times faster.",
                        "XRPO makes training converge up to 2.7 times faster."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_paraphrased_contradiction_and_its_faithful_twin(checker: ClaimChecker, case: str) -> None:
    sentence, contradicted, faithful = CASES[case]
    paper = paper_with(sentence)
    assert checker.check(contradicted, [paper]).label == "CONTRADICTED", contradicted
    assert checker.check(faithful, [paper]).label != "CONTRADICTED", faithful


def test_comparison_sides_read_the_winner_whatever_the_wording() -> None:
    beats = comparison_sides("PPO outperforms DPO by up to 2.5% in math.")
    worse = comparison_sides("DPO is worse than PPO in math.")
    lags = comparison_sides("DPO lags behind PPO in math.")
    passive = comparison_sides("DPO is outperformed by PPO in math.")
    ahead = comparison_sides("PPO is ahead of DPO in math.")
    behind = comparison_sides("DPO falls behind PPO in math.")
    assert beats == worse == lags == passive == ahead == behind == [({"ppo"}, {"dpo"})]
    # '..., outperforming B' after a 'while ...' aside: the winner is the main clause's subject
    assert [("fine-tun" in winner, loser) for winner, loser in comparison_sides(AGENTALIGN)] == [
        (True, {"various", "prompt"})]
    assert comparison_order_reversed("DPO is better than PPO in math.", "Notably, PPO outperforms DPO by up to 2.5% "
                                     "in math and 1.2% in general domains.")
    assert not comparison_order_reversed("DPO trails PPO in math.", "Notably, PPO outperforms DPO by up to 2.5% in "
                                         "math and 1.2% in general domains.")


def test_effects_compare_like_with_like() -> None:
    assert effect_reversed("Unrestricted CoT reduces the deceptive tendency.",
                           "We evaluate various LLMs and show that unrestricted CoT roughly aggravates the deceptive "
                           "tendency.")
    # an amount of unknown worth ('cognitive decline' up or down) is never read as good or bad news
    assert not effect_reversed("Physical activity improves cognitive functioning.",
                               "Physical activity reduces the risk of cognitive decline.")
    # 'cuts deceptive behaviour ... without hurting accuracy' agrees with '... while preserving accuracy'
    assert not effect_reversed("CoT Monitor+ lowers deceptive behaviour by 43.8% without hurting task accuracy.",
                               MONITOR)


def test_litotes_is_not_a_negation() -> None:
    assert not negation_flips("CoT Monitor+ lowers deceptive behaviour by 43.8% without hurting task accuracy.",
                              MONITOR)
    assert not negation_flips("GPM models cyclic preferences, where any BT reward model does no better than a "
                              "random guess.", GPM)
    assert negation_flips("GPM does not model cyclic preferences.", GPM)


def test_numbers_keep_signs_units_and_years() -> None:
    assert [(n.value, n.unit) for n in extract_numbers(PLAN)] == [(70.0, "%"), (39.0, "%"), (187.5, "%")]
    assert [(n.value, n.unit) for n in extract_numbers("by up to 2.7X, or 2.7 times")] == [(2.7, "x"), (2.7, "x")]
    followed = check_numbers("The cohort was followed up through 2005.", "Of 254 patients, 31 died.",
                             [(0, "Of 254 patients, 31 died.", 0.8)])
    assert not followed.conflicts  # a year is not a count
    words = check_numbers("HelpSteer2 contains just 1,000 response pairs.", HELPSTEER, [(0, HELPSTEER, 0.5)])
    assert words.conflicts and words.conflicts[0][1] == "ten thousand"


EASY = ("Based on this insight, we propose a novel approach to scalable alignment, which firstly trains the "
        "process-supervised reward models on easy problems (e.g., level 1-3), and then uses them to evaluate the "
        "performance of policy models on hard problems.")
ROLLOUTS = ("While scaling the number of rollouts stabilizes training, existing approaches suffer from limited "
            "exploration on challenging prompts and leave informative feedback signals underexploited, due to "
            "context-independent rollout allocation across prompts (e.g., generating 16 rollouts per prompt) and "
            "relying heavily on sparse rewards.")


def test_numbers_the_claim_accounts_for_or_of_another_scale_are_no_rivals() -> None:
    # '1' is the claim's own range start: the claim's '2' has nothing to contradict, it is merely unmatched
    ranged = check_numbers("The reward models are trained on easy problems of level 1 to 2.", EASY, [(0, EASY, 0.8)])
    assert not ranged.conflicts and ranged.unmatched == ["2"]
    scaled = check_numbers("XRPO is trained on 2 million prompts.", ROLLOUTS, [(0, ROLLOUTS, 0.8)])
    assert not scaled.conflicts and scaled.unmatched == ["2 million"]
    rival = check_numbers("XRPO generates 64 rollouts per prompt.", ROLLOUTS, [(0, ROLLOUTS, 0.8)])
    assert rival.conflicts and rival.conflicts[0][:2] == ("64", "16")


TRAAC = ("Across a variety of tasks (AIME, AMC, GPQA-D, BBEH), TRAAC (Qwen3-4B) achieves an average absolute accuracy "
         "gain of 8.4% with a relative reduction in reasoning length of 36.8% compared to the base model, and a 7.9% "
         "accuracy gain paired with a 29.4% length drop compared to the best RL baseline.")


def test_a_shorter_output_compared_to_a_baseline_is_not_a_lost_comparison(checker: ClaimChecker) -> None:
    """'a 29.4% length drop compared to the best RL baseline' is a win: a drop counts as losing only for a
    quantity known to be good. The survey quotes the abstract's summary sentence; it must stay SUPPORTED."""
    assert comparison_sides(TRAAC) and all("traac" in winner for winner, _ in comparison_sides(TRAAC))
    survey = ("The authors' approach improves accuracy, reduces reasoning steps, and enables adaptive thinking "
              "compared to base models and other RL baselines.")
    assert checker.check(survey, [paper_with(TRAAC)]).label == "SUPPORTED"
