"""Faithful paraphrases the checker called CONTRADICTED (branch c27), on real seed sentences, each with a twin.

- a denial in other words on the other side: 'often miss X' for 'often fail to capture X', 'needs no human
  involvement' for 'eliminates the need for human involvement'; 'accepts them or not' denies nothing;
- values in a list bound to the name each is measured on ('80% accuracy on WebShop and 76% on HotpotQA' in
  either order), but not through a 'respectively' list nor for a bare count;
- 'proves more effective' is a copula, not a proof;
- an aim ('we investigate whether X') names X without stating it, so denying X contradicts nothing (nor does
  any stance reader take it for an assertion);
- of two contrasted clauses sharing as many words with the claim, the one sharing more besides direction words.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.beyond import absolute_added
from reviewer.checker.directions import closest_clause
from reviewer.checker.negation import negation_flips
from reviewer.checker.numbers import check_numbers
from seed_text import assert_contradicted_twin, paper_with, sentence_with

BAD_APPLES = "such conditional rankings often fail to capture the complex"
DR_LLAVA = "Our algorithm eliminates the need for human involvement"
RSD = "the teacher model proposes candidate tokens but the student model determines acceptance"
MASTER = "It achieves 76% accuracy on HotpotQA and 80% on WebShop"
SCORE = "improving the base models' self-correction by 15.6% and 9.1% respectively"
HELPSTEER = "emerging top of more than 140 reward models"
SUBSET = "validate the enhanced efficacy of our approach over conventional methods"
COT_LENGTH = "it increases with task difficulty but decreases with model capability"
PEAR = "the thinking phase exhibits higher entropy"
MOREBENCH = "150 examples to test whether AI can reason"
PRM_AIM = "In this paper, we investigate whether PRMs can be used mid-generation"
PRM_STATED = "This allows for principled early rejection based on intermediate token-level signals"


def _conflicts(claim: str, fragment: str) -> list[tuple[str, str, int]]:
    sentence = sentence_with(fragment)
    return check_numbers(claim, sentence, [(0, sentence, 0.6)]).conflicts


def test_a_verb_that_says_a_thing_is_missing_is_the_other_sides_denial(checker: ClaimChecker) -> None:
    faithful = "Rankings conditioned on a fixed context often miss the complex, multidimensional aspects of human preferences."
    assert negation_flips(faithful, sentence_with(BAD_APPLES)) == []
    assert_contradicted_twin(checker, BAD_APPLES, "Rankings conditioned on a fixed context reliably capture the "
                             "complex, multidimensional aspects of human preferences.", faithful)


def test_eliminating_the_need_for_a_thing_is_needing_none_of_it() -> None:
    claim = ("Dr-LLaVA's alignment algorithm needs no human involvement to generate training data or build the reward "
             "model, which cuts costs compared with standard RLHF.")
    assert negation_flips(claim, sentence_with(DR_LLAVA)) == []
    # the denial is read only to cancel: a claim that denies something else is still a flip
    assert negation_flips("Our algorithm does not cut costs compared to standard reinforcement learning with "
                          "human feedback.", sentence_with(DR_LLAVA))


def test_or_not_names_the_alternative_and_denies_nothing(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, RSD,
        "In RSD, the teacher proposes tokens and the student does not decide acceptance according to its own "
        "probability distribution.",
        "In RSD, the teacher proposes tokens and the student accepts them or not according to its own probability "
        "distribution.")


def test_listed_values_are_bound_to_the_name_each_is_measured_on(checker: ClaimChecker) -> None:
    assert _conflicts("MASTER reaches 80% accuracy on WebShop and 76% on HotpotQA.", MASTER) == []
    assert {c[:2] for c in _conflicts("MASTER reaches 76% accuracy on WebShop and 80% on HotpotQA.", MASTER)} == {
        ("76%", "80%"), ("80%", "76%")}
    assert_contradicted_twin(checker, MASTER, "The MASTER framework reaches 76% accuracy on WebShop and 80% on "
                             "HotpotQA.", "The MASTER framework reaches 80% accuracy on WebShop and 76% on HotpotQA.")
    assert checker.check("The MASTER framework reaches 80% accuracy on WebShop and 76% on HotpotQA.",
                         [paper_with(MASTER)]).label == "SUPPORTED"


def test_a_respectively_list_and_a_bare_count_are_not_bound_by_the_following_name() -> None:
    # '15.6% and 9.1% respectively on the MATH and HumanEval': 9.1% is not MATH's for standing before it
    assert _conflicts("SCoRe lifts the self-correction of Gemini 1.0 Pro by 15.6% on MATH.", SCORE) == []
    # '140 reward models on RewardBench' counts models; the sentence's '94.1 on RewardBench' is a score
    assert _conflicts("The combined reward model ranked below most of the 140 reward models on RewardBench.",
                      HELPSTEER) == []


def test_proves_more_effective_is_a_copula_not_a_proof() -> None:
    sentence = sentence_with(SUBSET)
    assert absolute_added("Across diverse tasks and datasets, the proposed approach proves more effective than "
                          "conventional methods.", sentence) == []
    assert absolute_added("The paper proves that the approach is more effective than conventional methods.",
                          sentence) == ["proves"]


def test_denying_what_an_aim_asks_contradicts_nothing(checker: ClaimChecker) -> None:
    aim = paper_with(PRM_AIM)
    only_the_aim = aim.model_copy(update={"abstract": sentence_with(PRM_AIM)})
    claim = "PRMs cannot be used mid-generation to give early signals for rejecting suboptimal candidates."
    assert checker.check(claim, [only_the_aim]).label != "CONTRADICTED"
    # a denial of what an asserted sentence of the same abstract states is still a contradiction
    stated = aim.model_copy(update={"abstract": sentence_with(PRM_STATED)})
    assert checker.check("This does not allow for principled early rejection based on intermediate token-level "
                         "signals.", [stated]).label == "CONTRADICTED"



def test_a_tie_between_clauses_goes_by_what_they_are_about_not_by_the_direction_word() -> None:
    # 'it increases with task difficulty but decreases with model capability': a claim about capability and
    # efficiency shares two stems with each clause, one of them its own direction word 'increases'; the clause it
    # is about is the second (where the direction it states is compared), as in SciFact's 'decreased the risk of
    # PONV but ... an increased risk of postoperative bleeding'
    sentence = sentence_with(COT_LENGTH)
    assert closest_clause("Length increases with capability and efficiency.", sentence).lstrip().startswith(
        "decreases with model capability")
    assert closest_clause("Length increases with task difficulty.", sentence).rstrip().endswith("task difficulty")


def test_a_comparison_keeps_its_direction_word_with_the_first_clause(checker: ClaimChecker) -> None:
    # 'the thinking phase exhibits higher entropy ..., while the final answer phase shows lower entropy': a claim
    # ranking the two phases speaks of both clauses, and its 'higher' is the first one's
    assert_contradicted_twin(checker, PEAR, "Entropy is lower in the thinking phase than in the final answer phase.",
                             "Entropy is higher in the thinking phase than in the final answer phase.")


def test_the_stance_readers_take_an_aim_for_no_assertion(checker: ClaimChecker) -> None:
    # '150 examples to test whether AI can reason under five major frameworks': the abstract never says whether it
    # can, so denying it is no contradiction; denying what the abstract states ('fail to predict') still is
    assert_contradicted_twin(
        checker, MOREBENCH,
        "Scaling laws and existing benchmarks on math, code and scientific reasoning predict models' abilities to "
        "perform moral reasoning.",
        "MoReBench-Theory's 150 examples show that AI cannot reason under the five major frameworks in normative "
        "ethics.")
