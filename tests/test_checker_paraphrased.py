"""Paraphrased contradictions the checker read as SUPPORTED (branch c25), on real seed sentences, each with a twin.

- a count read against a count of the same noun: 'six instruction-tuned LLMs' where the abstract has 'four
  instruction-tuned LLMs ... across four datasets' (the claim's own 'four' counts the datasets), 'six cutting-edge
  large reasoning models' (three modifiers before the noun), 'a two-stage pre-training' ('four-stage');
- a count is never a hundredth of another count: 'five' is not '500' (only shares are read as percents);
- comparisons whose sides a paraphrase moves: 'Unlike B, A is more robust', 'humans prefer A over B';
- a scope widened to all: 'on all 12 datasets' where the abstract says 'in 4 out of 12 datasets' ('most');
- a passive comparison read as one ('B is outperformed by A'), 'A comes second to B' read as a loss;
- a cause and its effect exchanged ('X stems from Y' for 'Y stems from X');
- faithful rewordings of values kept: 'on a single GPU' for 'on 1 GPU', '8K tokens' for '8K-token chunks';
- 'one thousand' against 'one hundred' (a count in words with its scale), '1,865 of which have X' (partitive);
- a change told the other way round ('from A toward B' for 'from B to A'), a range excepted;
- lowering a quantity one wants more of ('reduced understanding and trust') against improving it;
- a multiple in words ('twice as accurate', 'three times more') against 'ten times more accurate'.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.bound import value_bound_elsewhere
from reviewer.checker.causal import cause_reversed
from reviewer.checker.families import comparison_order_reversed, comparison_sides
from reviewer.checker.numbers import Number, check_numbers, same_value
from reviewer.checker.scoped import scope_widened
from reviewer.checker.transition import transition_reversed, transitions
from seed_text import assert_contradicted_twin, sentence_with

FOUR_LLMS = "using four instruction-tuned LLMs"
FOUR_LRMS = "four cutting-edge large reasoning models"
KEYE_STAGES = "four-stage pre-training process"
MOREBENCH = "150 examples to test whether AI can reason"
SOCRATIC = "Unlike CoT, SOCRATIC QUESTIONING explicitly navigates"
KALEIDO = "Humans prefer the sets of values output by our system"


def _conflicts(claim: str, fragment: str) -> list[tuple[str, str, int]]:
    sentence = sentence_with(fragment)
    return check_numbers(claim, sentence, [(0, sentence, 0.6)]).conflicts


def test_a_count_is_set_against_the_count_of_its_own_noun() -> None:
    # the claim's 'four' counts datasets, so the abstract's 'four' of LLMs still rivals the claim's 'six'
    assert _conflicts("The comparison of manual and adaptive frameworks uses six instruction-tuned LLMs across four "
                      "datasets.", FOUR_LLMS) == [("six", "four", 0)]
    assert _conflicts("The comparison of manual and adaptive frameworks uses four instruction-tuned LLMs across four "
                      "datasets.", FOUR_LLMS) == []


def test_a_count_may_stand_three_modifiers_before_its_noun() -> None:
    assert _conflicts("The framework analyzes the reasoning characteristics of six cutting-edge large reasoning "
                      "models.", FOUR_LRMS) == [("six", "four", 0)]
    assert _conflicts("The framework analyzes the reasoning characteristics of four cutting-edge large reasoning "
                      "models.", FOUR_LRMS) == []


def test_a_count_fused_to_its_noun_is_read() -> None:
    # 'a four-stage pre-training process ... a two-phase post-training process', with the counts exchanged
    assert _conflicts("Keye-VL is trained with a two-stage pre-training process followed by a four-phase "
                      "post-training process.", KEYE_STAGES) == [("two", "four", 0)]
    assert _conflicts("Keye-VL is trained with a four-stage pre-training process followed by a two-phase "
                      "post-training process.", KEYE_STAGES) == []


def test_a_count_is_not_a_hundredth_of_another_count() -> None:
    five, five_hundred = Number(5.0, "", "five", frozenset()), Number(500.0, "", "500", frozenset())
    assert not same_value(five_hundred, five) and not same_value(five, five_hundred)
    assert same_value(Number(25.0, "%", "25%", frozenset()), Number(0.25, "", "0.25", frozenset()))
    assert _conflicts("MoReBench-Theory contains 500 examples that test whether AI can reason under five major "
                      "frameworks of normative ethics.", MOREBENCH) == [("500", "150", 0)]


def test_the_checker_contradicts_a_changed_count_in_a_paraphrase_and_keeps_its_twin(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, FOUR_LRMS,
        "The framework analyzes the reasoning characteristics of six cutting-edge large reasoning models.",
        "The framework analyzes the reasoning characteristics of four cutting-edge large reasoning models.")
    assert_contradicted_twin(
        checker, MOREBENCH,
        "MoReBench-Theory contains 500 examples that test whether AI can reason under five major frameworks.",
        "MoReBench-Theory contains 150 examples that test whether AI can reason under five major frameworks.")


def test_unlike_b_a_is_more_robust_ranks_a_over_b() -> None:
    sides = comparison_sides(sentence_with(SOCRATIC))
    assert any("socrat" in w and "cot" in lo for w, lo in sides), sides
    assert comparison_order_reversed("CoT is more robust towards errors in the thinking process than SOCRATIC "
                                     "QUESTIONING.", sentence_with(SOCRATIC))
    assert not comparison_order_reversed("SOCRATIC QUESTIONING is more robust towards errors in the thinking "
                                         "process than CoT.", sentence_with(SOCRATIC))


def test_what_is_preferred_wins_not_who_prefers_it() -> None:
    sides = comparison_sides(sentence_with(KALEIDO))
    assert any("system" in w and "gpt-4" in lo and "human" not in w for w, lo in sides), sides
    claim_sides = comparison_sides("Humans prefer the value sets produced by the teacher GPT-4 over those produced "
                                   "by our system.")
    assert any("gpt-4" in w and "system" in lo for w, lo in claim_sides), claim_sides
    assert comparison_order_reversed("Humans prefer the value sets produced by the teacher GPT-4 over those produced "
                                     "by our system.", sentence_with(KALEIDO))


ROLE_PLAY = "degrade their reasoning abilities in 4 out of 12 datasets"


def test_a_claim_widening_a_counted_scope_to_all_is_read() -> None:
    sentence = sentence_with(ROLE_PLAY)
    assert scope_widened("Role-playing prompts degrade the reasoning of LLMs on all 12 datasets.", sentence)
    assert scope_widened("Role-playing prompts degrade LLM reasoning on every one of the datasets.", sentence)
    # the same part restated, in digits or words, and a universal over something else, are no widening
    assert not scope_widened("Role-playing prompts degrade LLM reasoning in four of the twelve datasets.", sentence)
    assert not scope_widened("All role-playing prompts distract LLMs in 4 out of 12 datasets.", sentence)
    assert not scope_widened("Role-playing prompts degrade the reasoning of LLMs on all 10 datasets.", sentence)


def test_the_checker_contradicts_a_widened_scope_and_keeps_its_twin(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, ROLE_PLAY,
        "Role-playing prompts degrade the reasoning of LLMs on all 12 datasets, even with GPT-4.",
        "Role-playing prompts distract LLMs and degrade their reasoning in four of the twelve datasets, even with "
        "GPT-4.")


def test_a_claim_counting_the_part_itself_is_left_to_the_number_readers() -> None:
    sentence = sentence_with(ROLE_PLAY)
    assert not scope_widened("Across all 12 datasets tested, role-playing prompts degrade reasoning in 4 out of 12.",
                             sentence)


SOPHIA = "our SophiaVL-R1-7B even outperforms LLaVA-OneVision-72B"
E_GRPO = "consistently and significantly outperforms the GRPO baseline"
ATP = "continual interaction drives agents to abandon alignment constraints"
PERFORMATIVE = "largely stems from a subset of responses we call performative CoTs"


def test_a_passive_comparison_is_not_read_as_an_active_one(checker: ClaimChecker) -> None:
    # 'B is outperformed by A' restates 'A outperforms B': neither the subject-first reader nor the slot reader
    # may call it reversed; the active swap stays CONTRADICTED
    assert_contradicted_twin(
        checker, SOPHIA,
        "LLaVA-OneVision-72B outperforms SophiaVL-R1-7B on most benchmarks.",
        "LLaVA-OneVision-72B is outperformed by SophiaVL-R1-7B on most benchmarks.")


def test_coming_second_is_losing() -> None:
    sides = comparison_sides("On QA and deep research benchmarks, E-GRPO consistently comes second to the GRPO "
                             "baseline.")
    assert any("grpo" in w and "e-grpo" in lo for w, lo in sides), sides
    assert comparison_order_reversed("On QA and deep research benchmarks, E-GRPO consistently comes second to the "
                                     "GRPO baseline.", sentence_with(E_GRPO))


def test_all_where_the_sentence_says_most_is_a_widened_scope(checker: ClaimChecker) -> None:
    assert scope_widened("SophiaVL-R1-7B outperforms LLaVA-OneVision-72B on all benchmarks.", sentence_with(SOPHIA))
    assert not scope_widened("SophiaVL-R1-7B outperforms LLaVA-OneVision-72B on most benchmarks.",
                             sentence_with(SOPHIA))
    assert_contradicted_twin(checker, SOPHIA, "SophiaVL-R1-7B outperforms LLaVA-OneVision-72B on all benchmarks.",
                             "SophiaVL-R1-7B outperforms LLaVA-OneVision-72B on most benchmarks.")


def test_a_cause_and_its_effect_exchanged_are_read() -> None:
    assert cause_reversed("Performative CoTs largely stem from the performance gap between text classifiers and the "
                          "linear probe.", sentence_with(PERFORMATIVE))
    assert not cause_reversed("The gap between text classifiers and the linear probe is mostly caused by "
                              "performative CoTs.", sentence_with(PERFORMATIVE))
    assert cause_reversed("Abandoning alignment constraints is what drives agents into continual interaction.",
                          sentence_with(ATP))
    assert not cause_reversed("Continual interaction pushes agents to abandon the alignment constraints set during "
                              "training.", sentence_with(ATP))


def test_the_checker_contradicts_a_reversed_cause_and_keeps_its_twin(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, PERFORMATIVE,
        "Performative CoTs largely stem from the performance gap between text classifiers and the linear probe.",
        "The gap between text classifiers and the linear probe is mostly caused by performative CoTs, where "
        "reasoning contradicts the final response.")


def test_a_fronted_because_gives_the_cause_first() -> None:
    sentence = sentence_with(PERFORMATIVE)
    assert cause_reversed("Because of the performance gap between text classifiers and the linear probe, "
                          "performative CoTs arise.", sentence)
    assert not cause_reversed("Because of performative CoTs, a performance gap opens between text classifiers and "
                              "the linear probe.", sentence)


SYMBOLIC = "This allows us to integrate 16 expert models on 1 GPU"
CHUNKS = "reasons in 8K-token chunks yet thinks up to 24K tokens"


def test_a_value_written_as_a_word_ends_the_words_bound_to_the_next_value() -> None:
    # 'on a single GPU' for 'on 1 GPU': the words after it belong to it, not to the 16 before it
    sentence = sentence_with(SYMBOLIC)
    assert value_bound_elsewhere("Symbolic-MoE fits 16 expert models on a single GPU, at a time cost comparable to "
                                 "multi-agent baselines that use 4 GPUs.", sentence) == []
    assert value_bound_elsewhere("Symbolic-MoE fits 4 expert models on 16 GPUs, at a time cost comparable to "
                                 "multi-agent baselines.", sentence)


def test_a_hyphenated_unit_counts_what_its_parts_count(checker: ClaimChecker) -> None:
    sentence = sentence_with(CHUNKS)
    assert value_bound_elsewhere("An R1-Distill 1.5B model trained in this environment thinks in chunks of 8K tokens "
                                 "but reaches up to 24K tokens in total.", sentence) == []
    assert_contradicted_twin(
        checker, CHUNKS,
        "An R1-Distill 1.5B model trained in this environment reasons in 24K-token chunks yet thinks up to 8K tokens.",
        "An R1-Distill 1.5B model trained in this environment thinks in chunks of 8K tokens but reaches up to 24K "
        "tokens in total.")


HUNDRED_AGENTS = "populations of up to one hundred interacting agents"
MARB = "among which 1,685 are developed with hand-crafted rationale references"


def test_a_count_in_words_with_its_scale_is_one_number() -> None:
    assert _conflicts("The experiments use populations of up to one thousand interacting agents.",
                      HUNDRED_AGENTS) == [("one thousand", "one hundred", 0)]
    assert _conflicts("The experiments use populations of up to one hundred interacting agents.", HUNDRED_AGENTS) == []
    assert _conflicts("The experiments use populations of up to 100 interacting agents.", HUNDRED_AGENTS) == []


def test_a_partitive_of_which_keeps_the_number_in_its_clause() -> None:
    # '1,865 of which have hand-crafted rationale references': what follows 'of which' is what 1,865 counts
    assert _conflicts("MARB consists of six subtasks with 9,115 questions in total, 1,865 of which have hand-crafted "
                      "rationale references.", MARB) == [("1,865", "1,685", 0)]
    assert _conflicts("MARB consists of six subtasks with 9,115 questions in total, 1,685 of which have hand-crafted "
                      "rationale references.", MARB) == []


GOALS = "reveals a goal transformation from fundamental abilities to value orientation"
EVOLVED = "evolved from modular, perception-driven pipelines to unified, language-centric frameworks"


def test_a_change_told_the_other_way_round_is_read() -> None:
    assert transition_reversed("The survey finds that alignment goals have moved from value orientation toward "
                               "fundamental abilities.", sentence_with(GOALS))
    assert not transition_reversed("The survey finds that alignment goals have shifted from fundamental abilities to "
                                   "value orientation.", sentence_with(GOALS))
    # a claim that also states the change the straight way is not reversed by its own denial of the other way
    assert not transition_reversed("Alignment goals moved from fundamental abilities to value orientation, not from "
                                   "value orientation to fundamental abilities.", sentence_with(GOALS))
    # an end may hold a comma ('from modular, perception-driven pipelines')
    assert transition_reversed("Multimodal reasoning has evolved from unified, language-centric frameworks toward "
                               "modular, perception-driven pipelines.", sentence_with(EVOLVED))
    assert not transition_reversed("Multimodal reasoning has moved from modular, perception-driven pipelines toward "
                                   "unified, language-centric frameworks.", sentence_with(EVOLVED))


def test_a_range_is_no_transition() -> None:
    assert transitions("models ranging from small sizes to large sizes") == []
    assert transitions("models varying from small sizes to large sizes") == []
    assert transitions("models that grew from small sizes to large sizes")


def test_the_checker_contradicts_a_reversed_change_and_keeps_its_twin(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, GOALS,
        "The survey finds that alignment goals have moved from value orientation toward fundamental abilities.",
        "The survey finds that alignment goals have shifted from fundamental abilities to value orientation.")


FORMATS = "significantly enhance user-reported understanding and trust of model outputs"
IVY = "thereby substantially improving the depth and relevance of feedback"


def test_lowering_a_good_quantity_reverses_improving_it(checker: ClaimChecker) -> None:
    # 'reduced ... understanding and trust' against 'enhance ... understanding and trust': amount and quality words
    # of two families meet on a quantity one wants more of
    assert_contradicted_twin(
        checker, FORMATS,
        "Formats with attributions to the context and in-depth reasoning reduced user-reported understanding and "
        "trust of model outputs.",
        "Formats with attributions to the context and in-depth reasoning raised user-reported understanding and "
        "trust of model outputs.")
    assert_contradicted_twin(
        checker, IVY,
        "In the initial evaluation, Ivy's approach reduced the depth and relevance of feedback compared with an "
        "agent given unstructured text.",
        "In the initial evaluation, Ivy's approach increased the depth and relevance of feedback compared with an "
        "agent given unstructured text.")


TEN_TIMES = "GPT-4 demonstrates a performance ten times more accurate than GPT3-5"


def test_a_multiple_in_words_is_a_multiple(checker: ClaimChecker) -> None:
    # 'twice as accurate' and 'three times more accurate' against the abstract's 'ten times more accurate'
    assert _conflicts("In the meta-reasoning benchmark, GPT-4 is about twice as accurate as GPT-3.5.",
                      TEN_TIMES) == [("twice", "ten", 0)]
    assert _conflicts("On the benchmark, GPT-4 is three times more accurate than GPT-3.5.",
                      TEN_TIMES) == [("three", "ten", 0)]
    assert _conflicts("On the benchmark, GPT-4 is ten times more accurate than GPT-3.5.", TEN_TIMES) == []
    assert_contradicted_twin(checker, TEN_TIMES,
                             "In the meta-reasoning benchmark, GPT-4 is about twice as accurate as GPT-3.5.",
                             "In the meta-reasoning benchmark, GPT-4 is about ten times as accurate as GPT-3.5.")
