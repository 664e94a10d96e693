"""Who is compared with whom (branch c28): the sides of a comparison on real seed sentences, each with a twin.

- 'the superiority of A over B' ranks A over B;
- a clause opened by a setting ('Across mathematical reasoning benchmarks, our approach outperforms ...') has its
  subject after the setting, so the setting's words are no side;
- a manner adverb ('consistently') is no side, and 'our method' is the paper's own side;
- a name with digits is one name however punctuated ('GPT3-5' is 'GPT-3.5');
- prefixes naming the two ends of one scale ('superlinear' / 'sublinear'), and an upper / lower bound;
- 'X rather than Y' told as 'Y rather than X' under a subject both share;
- two sibling terms ('math' / 'non-math') exchanged between what the abstract says of each.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.directions import direction_reversals
from reviewer.checker.exchanged import preference_exchanged
from reviewer.checker.families import comparison_agrees, comparison_order_reversed
from reviewer.checker.siblings import siblings_exchanged
from reviewer.textutil import split_sentences
from seed_text import assert_contradicted_twin, paper_with, sentence_with

ARTE = "demonstrate the superiority of ARTE over existing instruction-tuning datasets"
PEDAGOGY = "further validate the superiority of RLHF over SFT"
PIVOTED = "Across mathematical reasoning benchmarks, our approach outperforms other baselines"
ELICIT = "our method consistently outperforms baselines in identifying critical unknowns"
META = "GPT-4 demonstrates a performance ten times more accurate than GPT3-5"
TREND = "we show a superlinear trend in the timescale"
BOUND = "We then derive an upper bound for epistemic uncertainty"
LATENCY = "while incurring lower latency"
TRAAC = "although our models are trained on math datasets, they show accuracy and efficiency gains"
ATTACK = "sophisticated reasoning capabilities often become attack vectors rather than protective mechanisms"


def test_the_superiority_of_a_over_b_ranks_a_over_b(checker: ClaimChecker) -> None:
    sentence = sentence_with(PEDAGOGY)
    assert comparison_order_reversed("The qualitative analyses find SFT superior to RLHF.", sentence)
    assert not comparison_order_reversed("The qualitative analyses find RLHF superior to SFT.", sentence)
    assert_contradicted_twin(
        checker, ARTE,
        "Existing instruction-tuning datasets distilled from powerful LLMs prove superior to ARTE in experiments.",
        "ARTE proves superior to existing instruction-tuning datasets distilled from powerful LLMs in experiments.")


def test_a_clause_opened_by_its_setting_has_its_subject_after_the_setting() -> None:
    sentence = sentence_with(PIVOTED)
    assert comparison_order_reversed("Across mathematical reasoning benchmarks, other baselines outperform "
                                     "English-Pivoted CoT Training.", sentence)
    assert not comparison_order_reversed("Across mathematical reasoning benchmarks, English-Pivoted CoT Training "
                                         "outperforms other baselines.", sentence)


def test_a_manner_adverb_is_no_side_and_our_method_is_the_papers_own(checker: ClaimChecker) -> None:
    sentence = sentence_with(ELICIT)
    reversed_claim = "In the opinion polling experiments, the baselines consistently beat the adaptive elicitation method."
    assert comparison_order_reversed(reversed_claim, sentence)
    assert_contradicted_twin(
        checker, ELICIT,
        "On the 20 questions game and adaptive student assessment, the baselines consistently outperform the "
        "method in identifying critical unknowns.",
        "On the 20 questions game and adaptive student assessment, the method consistently outperforms the "
        "baselines in identifying critical unknowns.")


def test_a_name_with_digits_is_one_name_however_punctuated(checker: ClaimChecker) -> None:
    sentence = sentence_with(META)
    assert comparison_order_reversed("GPT-3.5 is ten times more accurate than GPT-4 on the benchmark.", sentence)
    assert comparison_agrees("GPT-4 is ten times more accurate than GPT-3.5 on the benchmark.", sentence)
    assert_contradicted_twin(checker, META, "On the meta-reasoning benchmark, GPT-3.5 is ten times more accurate "
                             "than GPT-4.", "On the meta-reasoning benchmark, GPT-4 is ten times more accurate "
                             "than GPT-3.5.")


def test_prefixes_at_the_two_ends_of_one_scale_are_opposite_directions(checker: ClaimChecker) -> None:
    sentence = sentence_with(TREND)
    assert direction_reversals("The timescale of the transition follows a sublinear trend.", sentence)
    assert not direction_reversals("The timescale of the transition follows a superlinear trend.", sentence)
    assert_contradicted_twin(
        checker, BOUND,
        "The authors derive a lower bound for epistemic uncertainty, read as semantic feature gaps in the model's "
        "hidden representations.",
        "The authors derive an upper bound for epistemic uncertainty, read as semantic feature gaps in the model's "
        "hidden representations.")


def test_upper_and_lower_are_opposite_only_of_a_bound() -> None:
    assert direction_reversals("The authors derive a lower bound for epistemic uncertainty.", sentence_with(BOUND))
    assert not direction_reversals("PDR instantiations of current models use the upper layers of the model.",
                                   sentence_with(LATENCY))


def test_what_is_done_and_what_is_passed_over_exchanged_under_a_shared_subject(checker: ClaimChecker) -> None:
    sentence = sentence_with(ATTACK)
    assert preference_exchanged("In the authors' view, sophisticated reasoning capabilities serve as protective "
                                "mechanisms rather than attack vectors.", sentence)
    assert not preference_exchanged("In the authors' view, sophisticated reasoning capabilities turn into attack "
                                    "vectors rather than protective mechanisms.", sentence)
    assert_contradicted_twin(
        checker, ATTACK,
        "The findings show that sophisticated reasoning capabilities serve as protective mechanisms rather than "
        "attack vectors.",
        "The findings show that sophisticated reasoning capabilities often turn into attack vectors rather than "
        "protective mechanisms.")


def test_sibling_terms_exchanged_between_what_each_is_said_of(checker: ClaimChecker) -> None:
    sentences = split_sentences(paper_with(TRAAC).abstract)
    exchanged = "Although TRAAC's models are trained on non-math datasets, they show accuracy gains on math datasets."
    faithful = "Although TRAAC's models are trained on math datasets, they show accuracy gains on non-math datasets."
    assert siblings_exchanged(exchanged, sentences) == ("math", "non-math")
    assert siblings_exchanged(faithful, sentences) is None
    assert_contradicted_twin(checker, TRAAC, exchanged, faithful)
