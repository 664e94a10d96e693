"""c33: a claim that says of one part's head what the same sentence says of another part (`misbound.py`).

Each reading is pinned on real seed sentences, each contradiction with a faithful twin that must not trip it.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.misbound import misbound
from seed_text import assert_contradicted_twin, sentence_with

DEFINED = "(ii) miscalibration, where models overshoot requests"
ROLES = "the policy model generates multiple responses, and the reward model selects"
DOING_SO = "simple prompt-based techniques for doing so significantly enhance"
NEGLECTING = "overemphasizing high-probability output sequences while neglecting"
LISTED = "such as prompt engineering, best-of-N sampling, and reinforcement learning fine-tuning"
PHASES = "Our framework unfolds in two key phases: (1) employing LLMs"


def test_a_listed_term_given_another_items_definition_is_contradicted(checker: ClaimChecker) -> None:
    swapped = "Side effects are when models overshoot requests."
    head, other = misbound(swapped, sentence_with(DEFINED)).split(" / ")
    assert head.startswith("side") and other.startswith("miscal")  # the item named, the item whose words it takes
    assert not misbound("Miscalibration means that models overshoot requests.", sentence_with(DEFINED))
    assert_contradicted_twin(checker, DEFINED, swapped, "Miscalibration means that models overshoot requests.")


def test_two_roles_exchanged_after_a_shared_setting_are_contradicted(checker: ClaimChecker) -> None:
    swapped = "At inference time the reward model produces multiple responses."
    faithful = "At inference time the policy model produces multiple responses."
    head, other = misbound(swapped, sentence_with(ROLES)).split(" / ")
    assert head == "reward" and "polici" in other.split()
    assert not misbound(faithful, sentence_with(ROLES))
    assert_contradicted_twin(checker, ROLES, swapped, faithful)


def test_words_of_the_taken_part_before_the_head_need_a_setting_to_open_the_claim() -> None:
    # the claim names part b's own subject first and fills in part a's 'doing so': a faithful reading of both parts
    faithful = ("Simple prompt-based techniques for negatively-correlated sampling clearly improve how alignment "
                "methods learn heterogeneous preferences.")
    assert not misbound(faithful, sentence_with(DOING_SO))


def test_a_participle_after_while_and_a_list_with_and_open_no_part() -> None:
    # 'while neglecting ...' goes on with the same subject; ', and reinforcement learning' is a list's last item
    assert not misbound("Overemphasizing high-probability sequences comes at the expense of rare but informative "
                        "reasoning paths.", sentence_with(NEGLECTING))
    assert not misbound("Interventions such as best-of-N sampling have varying effectiveness, and side effects remain "
                        "a problem.", sentence_with(LISTED))


def test_what_comes_before_a_lists_first_marker_is_no_part() -> None:
    assert not misbound("The framework uses LLMs to generate cognitive decision-making processes on simulation "
                        "samples.", sentence_with(PHASES))


def test_an_adverb_opening_a_part_is_no_head_of_it() -> None:
    # 'Specifically, the generator predicts ...': the claim names the generator before the discriminator's words
    sentence = sentence_with("Specifically, the generator predicts the next state, and the discriminator ensures")
    assert not misbound("In the Generator-Discriminator design, the generator predicts the next state and the "
                        "discriminator checks it for logical consistency with the problem.", sentence)


def test_a_connective_adverb_is_no_head_and_but_parts_the_claim() -> None:
    # 'While performance can be improved with finetuning, it nevertheless remains poor': 'nevertheless' opens the
    # second part but names nothing in it (a claim's ', but' parts it as well)
    sentence = sentence_with("While performance can be improved with finetuning, it nevertheless remains poor")
    assert not misbound("Finetuning improves performance on BoardgameQA and still remains poor.", sentence)
    assert not misbound("Finetuning improves performance on BoardgameQA, but remains poor.", sentence)


def test_the_words_opening_a_setting_are_no_head() -> None:
    # 'We evaluate it on seven question-answering benchmarks, and the experimental results show that REX-RAG ...'
    sentence = sentence_with("achieves average performance gains of 5.1% on Qwen2.5-3B and 3.6% on Qwen2.5-7B")
    assert not misbound("On seven QA benchmarks REX-RAG gains 5.1% on average on Qwen2.5-3B.", sentence)
