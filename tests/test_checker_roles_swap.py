"""Reversals that keep the evidence's words but move what attaches to what (issue 12, seventh pass).

`reviewer/checker/roles_swap.py` (degree modifiers, likeness relations, names exchanged in one frame) and
the polar pairs / per-pair agreement / -ble vs -bility reading added to `stance.py` and `effects.py`. Each
contradicted paraphrase of a real seed sentence has a faithful twin that must stay SUPPORTED.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.anchors import anchored_in
from reviewer.checker.features import named_terms
from reviewer.checker.negation import negated_stems
from reviewer.checker.offline import _NOT_ASSERTED
from reviewer.checker.polarity import null_finding
from reviewer.checker.proportions import proportion_conflict
from reviewer.checker.roles_swap import degree_reversed, frame_swapped, likeness_reversed
from reviewer.roles import reports_other_work
from reviewer.textutil import split_sentences
from seed_text import paper_with

# fragments quoted verbatim from seed abstracts: "Quantifying Language Models' Sensitivity to Spurious
# Features ...", "RewardBench 2", "Reward Design for Justifiable Sequential
# Decision-Making", "Plan and Budget", "Secrets of RLHF ... PPO", "Preference Learning Algorithms Do Not Learn
# Preference Rankings", "Encouraging Divergent Thinking ...", "One Token to Fool LLM-as-a-Judge"
WEAKLY = "format performance only weakly correlates between models"
HIGHLY = "while being highly correlated with downstream performance"
DEBATE = "resilient to refutations and closely aligns with human preferences"
ELEVATES = "it elevates a smaller model (DS-Qwen-32B) to match the efficiency of a larger model (DS-LLaMA-70B)"
PPOMAX = "to efficiently improve the training stability of the policy model"
KEY = "We identify policy constraints being the key factor for the effective implementation of the PPO algorithm."
RANKING = "ranking accuracy strongly correlates with the empirically popular win rate metric"
UNABLE = "it is unable to generate novel thoughts later through reflection"
WIDESPREAD = "this weakness is widespread across LLMs, datasets, and prompt formats"

# (seed fragment, contradicted paraphrase, faithful paraphrase)
CASES = {
    "degree, weakly vs strongly": (WEAKLY, "Format performance correlates strongly between models.",
                                   "Format performance correlates only weakly between models."),
    "degree, highly vs only weakly": (HIGHLY, "RewardBench 2 is only weakly correlated with downstream "
                                      "performance.", "RewardBench 2 correlates strongly with downstream performance."),
    "likeness, aligns with vs diverges from": (DEBATE, "Agents trained via multi-agent debate propose evidence "
                                               "that diverges from human preferences.", "Agents trained via "
                                               "multi-agent debate propose evidence that closely matches human "
                                               "preferences."),
    "names exchanged in one frame": (ELEVATES, "Plan-and-Budget elevates DS-LLaMA-70B to match the efficiency "
                                     "of the model DS-Qwen-32B.", "Plan-and-Budget elevates the smaller model "
                                     "DS-Qwen-32B to match the efficiency of the larger model DS-LLaMA-70B."),
    "effect, less stable vs improved stability": (PPOMAX, "PPO-max makes the training of the policy model less "
                                                  "stable.", "PPO-max makes the training of the policy model more "
                                                  "stable."),
    "early and late exchanged": ("the earlier GPT-3.5 model exhibits more nuanced behaviour", "GPT-4, the later model, "
                                 "reacts in a more nuanced way to changes in information asymmetry, while the earlier "
                                 "GPT-3.5 sticks rigidly to its prior alignment.", "GPT-3.5, the earlier model, reacts "
                                 "in a more nuanced way to changes in information asymmetry, while the later GPT-4 "
                                 "sticks rigidly to its prior alignment."),
    "polar pair, narrows vs widens the gap": ("narrowing the gap with RL-trained models to within 0.6%", "The "
                                              "training-free method widens the gap with RL-trained models on video "
                                              "reasoning datasets.", "The training-free method narrows the gap with "
                                              "RL-trained models to within 0.6% average accuracy."),
    "comparison, the paper's method beside a manner adverb": ("our method consistently outperforms GRPO across all "
                                                               "thinking budgets", "GRPO consistently outperforms BRPO "
                                                               "across all thinking budgets.", "BRPO consistently "
                                                               "outperforms GRPO across all thinking budgets."),
    "an elided predicate denied ('while ... do not')": ("only accurate reward signals consistently improve "
                                                         "performance, while noisy or incorrect signals do not",
                                                         "Noisy or incorrect reward signals consistently improve "
                                                         "performance on the leakage-free datasets.", "Only accurate "
                                                         "reward signals consistently improve performance on the "
                                                         "leakage-free datasets."),
    "'only at some' against 'across all'": ("SimulPL exhibits better alignment with human preferences across all "
                                            "latency levels", "SimulPL is better aligned with human preferences only "
                                            "at some latency levels.", "SimulPL is better aligned with human "
                                            "preferences across all latency levels."),
    "baselines beat 'the method'": ("our method consistently outperforms baselines in identifying critical unknowns",
                                    "In the 20 questions game, opinion polling and student assessment, baselines "
                                    "consistently outperform the method in identifying critical unknowns.", "In the 20 "
                                    "questions game, opinion polling and student assessment, the method consistently "
                                    "outperforms baselines in identifying critical unknowns."),
    "degree, barely vs improve ... substantially": ("our method can improve the baselines substantially across two "
                                                    "challenging logical reasoning benchmarks", "The method barely "
                                                    "improves the baselines on the ReClor and LogiQA 2.0 logical "
                                                    "reasoning benchmarks.", "The method substantially improves the "
                                                    "baselines on the ReClor and LogiQA 2.0 logical reasoning "
                                                    "benchmarks."),
    "polar pair, often vs rarely": ("we find that models often arrive at the correct final answer through wrong "
                                    "reasoning steps", "Models rarely arrive at the correct final answer through "
                                    "wrong reasoning steps.", "The authors find that models often reach the correct "
                                    "final answer through wrong reasoning steps."),
    "polar pair, insufficient vs suffice": ("existing methods for preference dataset collection are insufficient",
                                            "Existing preference dataset collection methods suffice to learn the "
                                            "diversity of human preferences.", "Existing methods for preference "
                                            "dataset collection are shown to be inadequate for learning the diversity "
                                            "of human preferences."),
    "degree, high correlation vs correlates poorly": ("the results show a high correlation", "The APC score "
                                                      "correlates poorly with human evaluation.", "The APC score "
                                                      "shows a high correlation with human evaluation."),
    "a count word is exact": ("Experiments on six datasets show that our RAP method consistently achieves superior "
                              "performance", "Experiments on nine datasets show that RAP consistently achieves "
                              "superior performance.", "Experiments on six datasets show that RAP consistently "
                              "achieves superior performance."),
    "setting, zero-shot vs few-shot": ("our approach outperforms Gopher 280B by 7.3% on TruthfulQA", "The approach "
                                       "outperforms Gopher 280B by 7.3% on TruthfulQA in few-shot evaluation.", "The "
                                       "approach outperforms Gopher 280B by 7.3% on TruthfulQA in zero-shot "
                                       "evaluation."),
    "polar pair, key vs irrelevant beside an agreeing 'effective'": (KEY, "Policy constraints are irrelevant to "
                                                                     "implementing PPO effectively.", "Policy "
                                                                     "constraints are key to implementing PPO "
                                                                     "effectively."),
    "polar pair, correlates vs unrelated": (RANKING, "Ranking accuracy is unrelated to the win rate metric when the "
                                            "model is close to the reference model.", "Ranking accuracy is closely "
                                            "related to the win rate metric when the model is close to the "
                                            "reference model."),
    "polar pair, widespread vs confined": (WIDESPREAD, "The weakness is confined to a few LLMs and prompt formats, "
                                           "posing a serious threat for paradigms that rely on generative reward "
                                           "models.", "The weakness is widespread across LLMs and prompt formats, "
                                           "posing a serious threat for paradigms that rely on generative reward "
                                           "models."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_reversal_keeping_the_words_and_its_faithful_twin(checker: ClaimChecker, case: str) -> None:
    fragment, contradicted, faithful = CASES[case]
    paper = paper_with(fragment)
    assert checker.check(contradicted, [paper]).label == "CONTRADICTED", contradicted
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful


def test_readily_against_unable(checker: ClaimChecker) -> None:
    """The ability pair; this abstract's own wording is not called SUPPORTED by the combiner, so the twin
    only has to stay clear of CONTRADICTED."""
    paper = paper_with(UNABLE)
    claim = "After settling on a solution it trusts, the LLM can readily come up with novel thoughts through reflection."
    assert checker.check(claim, [paper]).label == "CONTRADICTED"
    twin = "After settling on a solution it trusts, the LLM is unable to come up with novel thoughts through reflection."
    assert checker.check(twin, [paper]).label != "CONTRADICTED"


def test_heavy_against_negligible_overhead(checker: ClaimChecker) -> None:
    """The faithful 'negligible overhead' is too short for the combiner's SUPPORTED, so it only must not be
    contradicted."""
    paper = paper_with("while incurring a negligible inference overhead")
    assert checker.check("The method incurs a heavy inference overhead.", [paper]).label == "CONTRADICTED"
    assert checker.check("The method incurs a negligible inference overhead.", [paper]).label != "CONTRADICTED"


def test_anchors_in_order_skip_an_earlier_mention_of_a_name(checker: ClaimChecker) -> None:
    """'RL-trained models ... output tokens are reduced by 58.6% compared to the RL model': the claim's
    '58.6% ... RL model' is in order at the later, standalone 'RL' (a name is matched as a word, not inside
    'RL-trained')."""
    paper = paper_with("narrowing the gap with RL-trained models to within 0.6%")
    assert checker.check("Output tokens drop by 58.6% relative to the RL model.", [paper]).label == "SUPPORTED"


def test_degree_reads_the_modified_head_and_leaves_comparisons_alone() -> None:
    assert degree_reversed("These inferences are only weakly correlated.", "These inferences are highly correlated.")
    assert degree_reversed("Self-certainty scales poorly with N.", "Self-certainty scales effectively with N.")
    assert degree_reversed("It works best with larger data subsets.", "It works best with smaller data subsets.")
    assert not degree_reversed("Gains are weakly correlated.", "Costs are highly variable.")  # another head
    assert not degree_reversed("A is larger than B.", "B is smaller than A.")  # an explicit comparison
    assert not degree_reversed("Scores are not strongly correlated.", "Scores are weakly correlated.")  # negated


def test_likeness_needs_the_same_object() -> None:
    sent = "These models deviate from human behavior and align more closely with expected value theory."
    assert likeness_reversed("These models closely track human behavior.", sent)
    assert not likeness_reversed("These models align with expected value theory.", sent)
    assert not likeness_reversed("These models match the GPT-4 annotations.", sent)


def test_frame_swap_ignores_symmetric_passive_and_cross_clause_orders() -> None:
    sent = "REX gains 5.1% on Qwen2.5-3B and 3.6% on Qwen2.5-7B over baselines."
    assert frame_swapped("REX gains 5.1% on Qwen2.5-7B and 3.6% on Qwen2.5-3B.", sent, named_terms)
    assert not frame_swapped("REX gains 5.1% on Qwen2.5-3B and 3.6% on Qwen2.5-7B.", sent, named_terms)
    assert not frame_swapped("Qwen2.5-7B and Qwen2.5-3B both gain.", "Qwen2.5-3B and Qwen2.5-7B both gain.", named_terms)
    assert not frame_swapped("DPO is outperformed by PPO on math.", "PPO outperforms DPO on math.", named_terms)
    assert not frame_swapped("On RewardBench the BT reward model is worse than GPM.",
                             "GPM outperforms the BT reward model on the RewardBench benchmark.", named_terms)
    assert not frame_swapped("Using DPO on 85K pairs from Pick-a-Pic helps.",
                             "Using Pick-a-Pic, a set of 85K pairs, we train with DPO.", named_terms)


def test_a_question_in_the_abstract_contradicts_nothing(checker: ClaimChecker) -> None:
    """'Are reasoning models more prone to hallucination?' asks; the finding is 'generally alleviate their
    hallucination'. A claim agreeing with the finding must not be read against the question's 'more'."""
    paper = paper_with("generally alleviate their hallucination")
    claim = "Reasoning models that undergo cold-start SFT and verifiable-reward RL are generally less prone to hallucination."
    assert checker.check(claim, [paper]).label == "SUPPORTED"
    assert _NOT_ASSERTED.search("Are reasoning models more prone to hallucination?")
    assert _NOT_ASSERTED.search("Whether they generalize to fact-seeking tasks remains unclear and debated.")
    assert not _NOT_ASSERTED.search("LRMs generally alleviate their hallucination.")


def test_the_stance_rules_do_not_read_a_question(checker: ClaimChecker) -> None:
    """Only the question and the next sentence of a seed abstract: the abstract asks about 'better accuracy
    with lower context length' and asserts nothing about it, so the opposite claim is not contradicted."""
    paper = paper_with("better accuracy with lower context length")
    kept = [s for s in split_sentences(paper.abstract) if s.startswith(("We ask: Can", "Abstractly, we view"))]
    assert len(kept) == 2
    part = paper.model_copy(update={"abstract": " ".join(kept)})
    assert checker.check("Current models reach worse accuracy with higher context length and latency.",
                         [part]).label == "UNSUPPORTED"


# (seed fragment, claim going beyond the evidence, faithful twin) for `unstated.py`
UNSTATED = {
    "a number stated nowhere": ("We also analyze popular open-source projects at building large reasoning models",
                                "The survey also analyzes more than 300 popular open-source projects for building "
                                "large reasoning models.", "The survey also analyzes popular open-source projects "
                                "for building large reasoning models."),
    "an effect on a quantity named nowhere": ("leading to 8.4% accuracy improvements over the sequential thinking "
                                              "model", "On math benchmarks such as MATH, AMC23 and AIME, Parallel-R1 "
                                              "reduces inference latency compared with the sequential thinking model.",
                                              "On math benchmarks such as MATH, AMC23 and AIME, Parallel-R1 improves "
                                              "accuracy by 8.4% over the sequential thinking model."),
}


@pytest.mark.parametrize("case", list(UNSTATED), ids=list(UNSTATED))
def test_supported_only_for_what_the_evidence_states(checker: ClaimChecker, case: str) -> None:
    fragment, beyond, faithful = UNSTATED[case]
    paper = paper_with(fragment)
    assert checker.check(beyond, [paper]).label == "UNSUPPORTED", beyond
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful


def test_a_sentence_reporting_a_view_then_its_own_finding(checker: ClaimChecker) -> None:
    """'while prior work suggests that RL primarily elicits existing knowledge ..., our results reveal ...':
    the reported view stays background, the finding after 'our results reveal' is the paper's own."""
    paper = paper_with("while prior work suggests that RL primarily elicits existing knowledge")
    own = ("Domains frequently seen during pretraining, such as Math, Code and Science, easily benefit from "
           "cross-domain RL training.")
    assert checker.check(own, [paper]).label == "SUPPORTED"
    view = "The paper finds that RL primarily elicits existing knowledge from pretrained models."
    assert checker.check(view, [paper]).label != "SUPPORTED"


# (seed fragment, quantifier against the stated share, faithful twin) for `proportions.py`
SHARES = {
    "'most cases' against 22.7% of cases": ("medical LLMs only outperform their base models in 22.7% of cases",
                                             "Across all tasks and model pairs in the 3-shot setting, medical LLMs "
                                             "outperform their base models in most cases.", "Across all tasks and "
                                             "model pairs in the 3-shot setting, medical LLMs outperform their base "
                                             "models in only 22.7% of cases."),
    "'all of the data' against 1.7% of it": ("using only 1.7\\% of the vanilla safety training data",
                                              "The approach reaches comparable safety improvements only when it uses "
                                              "all of the vanilla safety training data.", "The approach reaches "
                                              "comparable safety improvements using just 1.7% of the vanilla safety "
                                              "training data."),
}


@pytest.mark.parametrize("case", list(SHARES), ids=list(SHARES))
def test_a_quantifier_against_a_stated_share(checker: ClaimChecker, case: str) -> None:
    fragment, contradicted, faithful = SHARES[case]
    paper = paper_with(fragment)
    assert checker.check(contradicted, [paper]).label == "CONTRADICTED", contradicted
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful


def test_shares_are_intervals_of_the_same_thing() -> None:
    assert proportion_conflict("Most participants felt represented.", "Only 30% of participants felt represented.")
    assert not proportion_conflict("Most participants felt represented.", "89% of participants felt represented.")
    assert not proportion_conflict("Most participants felt represented.", "30% of the prompts were divisive.")
    assert not proportion_conflict("About half of the models improve.", "52% of the models improve.")


def test_a_clause_restated_with_all_its_anchors_in_order(checker: ClaimChecker) -> None:
    """One clause of a long sentence, restated: every number in place is support; exchanged, it is not."""
    paper = paper_with("Starting with a seed dataset of around 8,000 instances")
    faithful = "The seed dataset has roughly 8,000 instances drawn from five domains and 16 datasets."
    assert checker.check(faithful, [paper]).label == "SUPPORTED"
    swapped = "The seed dataset has roughly 16 instances drawn from five domains and 8,000 datasets."
    assert checker.check(swapped, [paper]).label != "SUPPORTED"
    assert anchored_in("XRPO speeds up convergence by 2.7 times.", "XRPO accelerates convergence by up to 2.7X.",
                       named_terms)
    assert not anchored_in("On B, 5.1%; on A, 3.6%.", "It gains 5.1% on A and 3.6% on B.", named_terms)
    assert not anchored_in("XRPO converges faster.", "XRPO accelerates convergence.", named_terms)  # one anchor
    assert not anchored_in("It barely helps on ReClor and LogiQA 2.0.", "It helps on ReClor and LogiQA 2.0.",
                           named_terms)  # '2.0' is LogiQA's version, not a figure
    assert not anchored_in("Loss of polI in mice raises DNA damage.", "Mice lacking polI repair DNA well.",
                           named_terms)  # names alone, no figure


def test_reported_advances_and_evidence_are_background(checker: ClaimChecker) -> None:
    """'Recent advances have shown ...' and 'Previous empirical evidence seems to suggest ...' report the
    field, not the paper: quoted as the paper's finding they are not SUPPORTED, and CONTRADICTED where the
    abstract goes on to say 'we find that this is actually not the case'."""
    advances = paper_with("Recent advances have shown success in eliciting strong reasoning abilities")
    claim = ("Rule-based reinforcement learning with outcome rewards succeeds in eliciting strong reasoning abilities "
             "in multimodal large language models.")
    assert checker.check(claim, [advances]).label != "SUPPORTED"
    evidence = paper_with("Previous empirical evidence seems to suggest that these implicit models are accurate")
    claim = ("The implicit decision-making models of LLMs are accurate, offering believable proxies of human behavior "
             "that act how we expect humans would in everyday interactions.")
    assert checker.check(claim, [evidence]).label == "CONTRADICTED"
    assert reports_other_work("There is an emerging consensus that we need to align AI systems with human values.")
    assert reports_other_work("A common belief is that DPO is supervised learning while PPO is RL.")
    assert not reports_other_work("Our evidence shows that the method advances the state of the art.")


def test_not_only_but_also_asserts_both(checker: ClaimChecker) -> None:
    """'B-STaR not only enhances the model's exploratory capabilities ... but also achieves a more effective
    balance': an additive, not a denial, so neither a null finding, a negation nor a reversed effect."""
    paper = paper_with("B-STaR not only enhances the model's exploratory capabilities")
    claim = ("B-STaR enhances exploration throughout training and balances exploration and exploitation more "
             "effectively, which leads to superior performance.")
    assert checker.check(claim, [paper]).label == "SUPPORTED"
    assert not negated_stems("B-STaR not only enhances exploration but also balances it.")
    assert negated_stems("B-STaR does not enhance exploration.")
    assert not null_finding("B-STaR not only enhances exploration.")
