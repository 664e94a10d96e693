"""A certainty word counts as asserted only in a sentence about the same thing (branch c21), on real seed text.

Each case has a faithful twin whose certainty the abstract does assert, so a rule that flags every
certainty word fails too.
"""

from __future__ import annotations

from reviewer.checker.beyond import absolute_added

# seeds: "SPC: Evolving Self-Play Critic via Adversarial Games for LLM Reasoning" (two sentences of the abstract)
SPC = ("In this paper, we introduce Self-Play Critic (SPC), a novel approach where a critic model evolves its ability "
       "to assess reasoning steps through adversarial self-play games, eliminating the need for manual step-level "
       "annotation. Using reinforcement learning based on the game outcomes, the models iteratively improve; the "
       "winner of each confrontation receives a positive reward and the loser receives a negative reward, driving "
       "continuous self-evolution.")
# seeds: "TPO: Aligning Large Language Models with Multi-branch & Multi-step Preference Trees"
TPO = ("In addition, to further assist LLMs in identifying discriminative steps within long-chain reasoning and "
       "increase the relative reward margin in the preference list, TPO utilizes Adaptive Step Reward to adjust the "
       "reward values of each step in trajectory for performing fine-grained preference optimization. We carry out "
       "extensive experiments on mathematical reasoning tasks to evaluate TPO.")


def test_eliminates_every_is_not_asserted_by_an_eliminating_elsewhere() -> None:
    assert absolute_added("SPC eliminates every error from the chain-of-thought reasoning of LLMs.", SPC) == [
        "eliminates", "every"]
    # the twin: what the abstract does eliminate, and whom each confrontation rewards
    assert absolute_added("SPC eliminates the need for manual step-level annotation.", SPC) == []
    assert absolute_added("The winner of every confrontation receives a positive reward.", SPC) == []


def test_every_kind_of_task_is_not_asserted_by_each_step() -> None:
    assert absolute_added("TPO solves long-chain reasoning for every kind of task.", TPO) == ["every"]
    assert absolute_added("TPO adjusts the reward value of every step in a trajectory.", TPO) == []


def test_altogether_is_a_certainty_word() -> None:
    # seeds: "Assessing Judging Bias in Large Reasoning Models" -- the abstract gives reductions 'by up to 10%'
    bias = ("a self-reflection mechanism that reduces biases by up to 10% in preference datasets and 16% in "
            "fact-related datasets, with self-reflection proving particularly effective for LRMs.")
    assert absolute_added("Self-reflection removes judging biases from large reasoning models altogether.", bias) == [
        "altogether"]
    assert absolute_added("Self-reflection reduces biases by up to 10% in preference datasets.", bias) == []
