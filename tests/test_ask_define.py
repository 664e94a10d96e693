"""Defining sentences for "what is X": class placement, the compared side, names in parentheses, weaknesses.

Sentences are quoted from the seeds; the questions are paraphrases, not the eval sets' wording.
"""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.define import contrasted_only, definition_strength, lead_rank
from reviewer.ask.lead import poses_question

# sgrpo: GRPO appears only as the side S-GRPO is contrasted with.
UNLIKE = ("Unlike GRPO, which samples multiple possible reasoning paths in parallel (parallel group), S-GRPO only "
          "samples one reasoning path and serially selects multiple temporal positions from the path to exit thinking "
          "and directly generate answers (serial group).")
# freeprocess: the contrasted side carries its acronym in parentheses.
COUNTERPART = ("Different from its counterpart outcome reward models (ORMs), which evaluate the entire responses, a "
               "process reward model (PRM) scores a reasoning trajectory step by step, providing denser and more fine "
               "grained rewards.")


def _lead(question: str) -> tuple[str, list[str]]:
    first, _ = first_cited(question)
    return first.text, first.keys


def test_a_term_named_only_as_the_compared_side_is_not_defined() -> None:
    assert contrasted_only(UNLIKE, "GRPO") and definition_strength(UNLIKE, "GRPO") == 0
    assert contrasted_only(COUNTERPART, "outcome reward models") and not definition_strength(
        COUNTERPART, "outcome reward models")
    assert contrasted_only(COUNTERPART, "ORMs")  # the acronym in brackets shares its long name's side
    # The side the sentence is about is not contrasted.
    assert not contrasted_only(COUNTERPART, "process reward model")
    # seedgrpo: "GRPO" inside "SEED-GRPO (... GRPO), which ..." is another system's name.
    assert not definition_strength("To address this limitation, we propose SEED-GRPO (Semantic Entropy EnhanceD GRPO), "
                                   "which explicitly measures LLMs' uncertainty of the input prompts semantic entropy.",
                                   "Group Relative Policy Optimization")


def test_class_placement_defines_and_a_long_name_with_the_acronym_in_parentheses_defines() -> None:
    # xrpopushing: a class only; lessdynamic: a class and what it does.
    assert definition_strength("Reinforcement learning algorithms such as GRPO have driven recent advances in large "
                               "language model (LLM) reasoning.", "GRPO") == 1
    assert definition_strength("Critic-free methods like GRPO reduce memory demands by estimating advantages from "
                               "multiple rollouts but tend to converge slowly.", "GRPO") == 2
    # truncatedproximal: the asked acronym stands in parentheses after its long name.
    assert definition_strength("In this work, we propose Truncated Proximal Policy Optimization (T-PPO), a novel "
                               "extension to PPO that improves training efficiency.", "T-PPO") == 2
    # wangpreference: a belief reported in order to doubt it defines nothing.
    assert not definition_strength("A common belief is that DPO is supervised learning while PPO is reinforcement "
                                   "learning, yet deeper analyses for the reasons remain lacking.", "PPO")


def test_a_definition_that_goes_on_to_a_weakness_ranks_below_a_plain_one() -> None:
    # mmr1enhancing vs randompolicy.
    weak = ("Group Relative Policy Optimization (GRPO), the standard framework for RL fine-tuning, is prone to "
            "gradient vanishing when reward variance is low.")
    # curryDPO: a plain definition.
    plain = ("Direct Preference Optimization (DPO) is an effective technique that leverages pairwise preference data "
             "to align LLMs to human preferences.")
    assert lead_rank(weak, "GRPO") == 2 and lead_rank(plain, "DPO") == 3
    # A weakness named before the term is the term itself ("suffer from overthinking, i.e., ...").
    assert lead_rank("Recent studies reveal that RLLMs often suffer from overthinking, i.e., producing unnecessarily "
                     "lengthy reasoning chains even for simple questions.", "overthinking") == 3


def test_what_is_a_widely_used_method_is_answered_by_a_defining_sentence(seeded_home: Path) -> None:
    text, keys = _lead("Can you explain what GRPO is?")
    assert not text.startswith("Unlike") and keys != ["sgrpo"]
    # Nor by a sentence that restates a question, nor one that goes on to GRPO's weaknesses: the papers that
    # say what GRPO does in their background are not among those a search for the question ranks first.
    assert not poses_question(text)
    # It says what GRPO is or does, not only which class GRPO shares with other methods.
    assert max(lead_rank(text, form) for form in ("GRPO", "Group Relative Policy Optimization")) >= 2


def test_what_is_the_compared_side_is_answered_by_its_own_definition(seeded_home: Path) -> None:
    text, keys = _lead("What are outcome reward models (ORMs)?")
    assert not text.startswith("Different from its counterpart")
    assert "(ORMs), which" in text or "ORMs) that" in text


def test_a_long_name_in_front_of_the_asked_acronym_defines_it(seeded_home: Path) -> None:
    text, keys = _lead("What is T-PPO exactly?")
    assert keys == ["truncatedproximal"] and "a novel extension to PPO" in text


def test_a_how_question_about_x_is_not_led_by_a_sentence_contrasting_something_with_x(seeded_home: Path) -> None:
    # sgrpo's "Unlike GRPO, which samples ... in parallel, S-GRPO ..." is about S-GRPO.
    text, keys = _lead("How does GRPO go about sampling its reasoning paths?")
    assert not text.startswith("Unlike") and keys != ["sgrpo"]


def test_a_widely_used_method_is_explained_by_a_paper_the_plain_search_ranks_low(seeded_home: Path) -> None:
    # lessdynamic states how GRPO works ("estimating advantages from multiple rollouts") in its background;
    # a search for the question returns GRPO variants' papers first.
    text, keys = _lead("How does GRPO estimate its advantages?")
    assert keys == ["lessdynamic"] and "estimating advantages from multiple rollouts" in text


def test_definition_questions_in_other_words_are_typed_as_definitions() -> None:
    from reviewer.ask.question import analyse

    for question, subject in [("Could you explain what PPO is?", "PPO"), ("What is the PPO method?", "PPO method"),
                              ("Explain what outcome reward models are.", "outcome reward models")]:
        q = analyse(question)
        assert (q.qtype.value, q.subject) == ("definition", subject)
    # A request for a list stays one.
    assert analyse("What is the best method to reduce overthinking?").qtype.value == "methods"


def test_a_subject_with_its_acronym_in_brackets_has_both_forms() -> None:
    from reviewer.ask.select import subject_forms

    forms = subject_forms("outcome reward models (ORMs)", {})
    assert "outcome reward models" in forms and "ORMs" in forms


def test_wherein_introduces_a_definition() -> None:
    # confrontingreward.
    assert definition_strength("Because any RM is only a proxy for human evaluation, this process is vulnerable to "
                               "overoptimization, wherein past a certain point, accumulating higher reward is associated "
                               "with worse human ratings.", "overoptimization") == 2


def test_what_x_does_said_of_x_defines_it_and_an_inner_word_keeps_its_final_s() -> None:
    # freeprocess: the side the sentence is about, as the subject of what it does.
    assert definition_strength(COUNTERPART, "process reward model") == 2
    # "process" is not the plural of "proces": the long form must match as written.
    from reviewer.ask.select import mentions

    assert mentions("Process Reward Models emerge as a promising approach.", "process reward models")


def test_what_is_x_is_led_by_the_sentence_saying_what_x_does(seeded_home: Path) -> None:
    text, keys = _lead("What is meant by a process reward model?")
    assert "scores a reasoning trajectory step by step" in text and keys == ["freeprocess"]


# randompolicy: one member of a list after "like"; the relative clause describes the whole class.
LISTED = ("Current methods rely primarily on policy optimization frameworks like PPO and GRPO, which follow generalized "
          "policy iteration that alternates between evaluating the current policy's value and improving the policy "
          "based on evaluation.")
# truncatedproximal: PPO is what the new method extends.
EXTENDS = ("The authors propose Truncated Proximal Policy Optimization (T-PPO), a novel extension to PPO that improves "
           "training efficiency by streamlining policy update and length-restricted response generation.")


def test_one_member_of_a_listed_class_is_placed_in_the_class_not_defined() -> None:
    assert definition_strength(LISTED, "GRPO") == 1 and definition_strength(LISTED, "PPO") == 1
    # A lone example after "like" with a clause on what it does still says what it does.
    lone = ("Critic-free methods like GRPO reduce memory demands by estimating advantages from multiple rollouts but "
            "tend to converge slowly, as critical learning signals are diluted by an abundance of uninformative samples.")
    assert definition_strength(lone, "GRPO") == 2


def test_the_method_a_new_method_extends_is_the_compared_side() -> None:
    assert contrasted_only(EXTENDS, "PPO") and definition_strength(EXTENDS, "PPO") == 0


def test_an_aside_inside_a_posed_question_does_not_lead_a_definition(seeded_home: Path) -> None:
    text, _ = _lead("Could you explain what GRPO is?")
    assert not poses_question(text), text
    # A question-posing sentence that names the term outright ("a concept ... refer to as X") may still lead.
    text, _ = _lead("What is meant by the steerability of language models?")
    assert "refer to as steerability" in text, text
