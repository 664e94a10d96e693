"""Rules for contradictions and overstatements in new wordings, on real seed sentences (issue 12, fifth pass).

Each rule has a faithful twin that must keep its reading, so a rule that fires on everything fails too.
"""

from __future__ import annotations

from reviewer.checker.beyond import absolute_added
from reviewer.checker.families import comparison_order_reversed
from reviewer.checker.numbers import check_numbers

# seeds: "Can We Predict Alignment Before Models Finish Thinking?"
PROBE = ("First, we find that a simple linear probe trained on CoT activations significantly outperforms all "
         "text-based baselines in predicting whether a final response is safe or unsafe, with an average absolute "
         "increase of 13 in F1 scores over the best-performing alternatives.")
# seeds: "Tina: Tiny Reasoning Models via LoRA" (the abstract writes its percents as LaTeX '\%')
TINA = (r"In fact, the best Tina model achieves a >20\% reasoning performance increase and 43.33\% Pass@1 accuracy "
        r"on AIME24, at only \$9 USD post-training and evaluation cost (i.e., an estimated 260x cost reduction).")
# seeds: "The PacifAIst Benchmark"
PACIFAIST = ("Google's Gemini 2.5 Flash achieved the highest Pacifism Score (P-Score) at 90.31%, demonstrating strong "
             "human-centric alignment.", "In a surprising result, the much-anticipated GPT-5 recorded the lowest "
             "P-Score (79.49%), indicating potential alignment challenges.")
# seeds: "DailyDilemmas", "Reasons to Reject?", "Diffusion Model Alignment Using Direct Preference Optimization"
VALUES = ("We find that LLMs are most aligned with the self-expression over survival values in terms of World Value "
          "Survey, care over loyalty in Moral Foundation Theory.")
JUDGMENTS = ("Our analysis further suggests that judgments exhibit greater potential than rewards for LLM alignment "
             "and warrant future research.")
SDXL = ("Our fine-tuned base model significantly outperforms both base SDXL-1.0 and the larger SDXL-1.0 model "
        "consisting of an additional refinement model in human evaluation, improving visual appeal and prompt "
        "alignment.")


def test_certainty_counts_the_strong_reading_in_other_words() -> None:
    claim = "A linear probe on CoT activations outperforms every text-based baseline."
    assert absolute_added(claim, PROBE) == []  # 'all text-based baselines' asserts it
    assert absolute_added(claim, PROBE.replace("all text-based", "text-based")) == ["every"]


def test_a_latex_percent_is_a_percent() -> None:
    changed = check_numbers("The best Tina model gets a 25% reasoning performance increase.", TINA, [(0, TINA, 0.8)])
    assert [c[:2] for c in changed.conflicts] == [("25%", "20%")]


def test_a_number_of_another_thing_in_the_same_sentence_conflicts() -> None:
    wrong = check_numbers("Tina's best model scores 20% Pass@1 accuracy on AIME24.", TINA, [(0, TINA, 0.8)])
    assert [c[:2] for c in wrong.conflicts] == [("20%", "43.33%")]
    right = check_numbers("Tina's best model scores 43.33% Pass@1 accuracy on AIME24.", TINA, [(0, TINA, 0.8)])
    assert not right.conflicts


def test_a_value_held_by_another_named_model_conflicts() -> None:
    text = " ".join(PACIFAIST)
    aligned = [(0, PACIFAIST[0], 0.7), (1, PACIFAIST[1], 0.5)]
    wrong = check_numbers("Google's Gemini 2.5 Flash obtained a Pacifism Score of 79.49%.", text, aligned)
    assert [c[:2] for c in wrong.conflicts] == [("79.49%", "90.31%")]
    for right in ("Google's Gemini 2.5 Flash obtained a Pacifism Score of 90.31%.", "GPT-5 recorded a P-Score of 79.49%."):
        assert not check_numbers(right, text, aligned).conflicts, right


def test_preference_and_alignment_over_compare_two_sides() -> None:
    assert comparison_order_reversed("In Moral Foundation Theory, LLMs are aligned with loyalty over care.", VALUES)
    assert not comparison_order_reversed("In Moral Foundation Theory, LLMs are aligned with care over loyalty.", VALUES)
    assert comparison_order_reversed("The larger SDXL-1.0 model is preferred over the fine-tuned base model in "
                                     "human evaluation.", SDXL)
    assert not comparison_order_reversed("The fine-tuned base model is preferred over the larger SDXL-1.0 model in "
                                         "human evaluation.", SDXL)
    assert comparison_order_reversed("The larger SDXL-1.0 model is preferred to the fine-tuned base model.", SDXL)
    assert not comparison_order_reversed("The fine-tuned base model is preferred to the larger SDXL-1.0 model.", SDXL)


def test_greater_potential_is_a_win() -> None:
    assert comparison_order_reversed("Rewards hold greater potential than judgments for LLM alignment.", JUDGMENTS)
    assert not comparison_order_reversed("Judgments hold greater potential than rewards for LLM alignment.", JUDGMENTS)


# seeds: "When More is Less: Understanding Chain-of-Thought Length in LLMs"
COT_LENGTH = ("With controlled experiments, we further uncover the scaling behaviors of the optimal CoT length: it "
              "increases with task difficulty but decreases with model capability, exposing an inherent simplicity "
              "bias where more capable models favor shorter, more efficient CoT reasoning.")


def test_what_a_quantity_moves_along_with_is_read_on_the_whole_sentence() -> None:
    from reviewer.checker.effects import covary_relation

    assert covary_relation("The optimal CoT length grows as models become more capable.", COT_LENGTH)[0] == -1
    assert covary_relation("The optimal CoT length shrinks as models become more capable.", COT_LENGTH)[0] == 1
    assert covary_relation("The optimal CoT length grows with task difficulty.", COT_LENGTH)[0] == 1


# seeds: "S-GRPO: Early Exit via Reinforcement Learning in Reasoning Models", "MedS^3: ..."
SGRPO = ("Unlike GRPO, which samples multiple possible reasoning paths in parallel (parallel group), S-GRPO only "
         "samples one reasoning path and serially selects multiple temporal positions from the path to exit thinking "
         "and directly generate answers (serial group).")
MEDS3 = ("Starting with a seed dataset of around 8,000 instances spanning five domains and 16 datasets, we prompt a "
         "base policy model to perform Monte Carlo Tree Search (MCTS) to construct verifiable reasoning chains.")


def test_like_against_unlike_the_same_named_method() -> None:
    from reviewer.checker.families import likeness_flipped

    assert likeness_flipped("Like GRPO, S-GRPO draws many reasoning paths at once.", SGRPO)
    assert not likeness_flipped("Unlike GRPO, S-GRPO draws a single reasoning path.", SGRPO)
    assert not likeness_flipped("Like PPO, S-GRPO is a reinforcement learning method.", SGRPO)


def test_a_count_written_as_a_word_is_a_number() -> None:
    wrong = check_numbers("The seed data covers seven domains drawn from 16 datasets.", MEDS3, [(0, MEDS3, 0.6)])
    assert [c[:2] for c in wrong.conflicts] == [("seven", "five")]
    right = check_numbers("The seed data covers five domains drawn from 16 datasets.", MEDS3, [(0, MEDS3, 0.6)])
    assert not right.conflicts and not right.unmatched


def test_points_may_be_written_without_a_unit() -> None:
    wrong = check_numbers("The probe raises F1 by 21 points over the best alternatives.", PROBE, [(0, PROBE, 0.5)])
    assert [c[:2] for c in wrong.conflicts] == [("21 points", "13")]
