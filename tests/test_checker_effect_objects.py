"""c31: what a direction word acts on, read further (`effects.py`), and how-often adverbs as quantifiers.

Each reading is pinned on a real seed sentence with a faithful twin that must not trip it:
- an amount moved on a thing the other text calls improved ('lowers pass@N' vs 'improves pass@N');
- every item of a listed object ('improves A, B, and C');
- 'hallucinate more': the verb before a closing 'more' / 'less' is what moves (not 'X more than Y');
- 'compared with the baselines' ranks nothing, so it does not silence the effect words (`winner.py`);
- 'rarely' against 'routinely', and 'few-shot' is no count;
- a requirement read past 'additional' ('depends on additional human annotations' vs 'without additional annotations');
- a claim's winner that is two thirds the sentence's loser reverses the comparison (`families.py`).
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.effects import effect_reversed, effects
from reviewer.checker.families import comparison_order_reversed, quantifier_conflict
from reviewer.checker.requires import requirement_denied
from reviewer.checker.winner import effect_compared_alike
from seed_text import assert_contradicted_twin, sentence_with

PASS_AT_N = "unlikeliness reward mitigates rank bias and improves pass@N"
WELFARE = "improves reasoning efficiency, answer quality, and mutual welfare"
HALLUCINATION = "verifiable reward RL generally alleviate their hallucination"
CLARIFYING = "even the best current LLMs rarely ask clarifying questions"


def test_an_amount_lowered_on_what_the_sentence_improves_is_reversed(checker: ClaimChecker) -> None:
    sentence = sentence_with(PASS_AT_N)
    assert effect_reversed("The unlikeliness reward lowers pass@N for large N.", sentence) == ["n pass"]
    assert_contradicted_twin(
        checker, PASS_AT_N,
        "The unlikeliness reward lowers pass@N for large N in real theorem proving.",
        "The unlikeliness reward raises pass@N for large N in real theorem proving.")


def test_a_direction_word_acts_on_every_item_of_its_list(checker: ClaimChecker) -> None:
    sentence = sentence_with(WELFARE)
    assert frozenset({"mutual", "welfar"}) in {obj for _, _, obj in effects(sentence)}
    assert_contradicted_twin(
        checker, WELFARE,
        "GTAlign improves answer quality at the cost of lower mutual welfare compared with the baselines.",
        "GTAlign improves answer quality and also mutual welfare compared with the baselines.")


def test_compared_with_the_baselines_ranks_nothing_so_the_effect_words_decide() -> None:
    sentence = sentence_with(WELFARE)
    lowered = "GTAlign lowers mutual welfare compared with the baselines."
    assert not effect_compared_alike(lowered, sentence)
    assert effect_compared_alike("GTAlign is better than the baselines at mutual welfare.", sentence)


def test_a_closing_more_moves_the_verb_before_it_but_not_in_a_comparison(checker: ClaimChecker) -> None:
    assert ("amount", 1, frozenset({"hallucin"})) in effects("Such models generally hallucinate more.")
    assert ("amount", 1, frozenset({"hallucin"})) not in effects(
        "Distillation reduces hallucination more than the full pipeline.")
    assert_contradicted_twin(
        checker, HALLUCINATION,
        "Reasoning models trained with cold-start SFT and verifiable-reward RL generally hallucinate more.",
        # the abstract's next sentence: distillation alone brings more hallucinations
        "Reasoning models trained by distillation alone hallucinate more.")


def test_how_often_adverbs_clash_and_few_shot_is_no_count(checker: ClaimChecker) -> None:
    assert quantifier_conflict("LLMs routinely ask clarifying questions.", sentence_with(CLARIFYING))
    assert not quantifier_conflict("Models often fail.", "In few-shot settings models fail.")
    assert_contradicted_twin(
        checker, CLARIFYING,
        "According to the authors, the best current LLMs routinely ask clarifying questions in multi-turn "
        "conversations.",
        "According to the authors, even the best current LLMs seldom ask clarifying questions in multi-turn "
        "conversations.")


ANNOTATIONS = "AlphaLLM significantly enhances the performance of LLMs without additional annotations"


def test_a_requirement_read_past_its_more_of_it_words(checker: ClaimChecker) -> None:
    # 'depends on additional human annotations' against 'without additional annotations' (`requires.py`)
    sentence = sentence_with(ANNOTATIONS)
    assert requirement_denied("AlphaLLM depends on additional human annotations.", sentence)
    assert_contradicted_twin(
        checker, ANNOTATIONS,
        "AlphaLLM depends on additional human annotations to improve LLM performance.",
        "AlphaLLM improves LLM performance without relying on additional annotations.")


GENERALIZABLE = "are indeed more generalizable than self-supervised and task-input alternatives"


def test_a_winner_that_is_mostly_the_sentences_loser_reverses_the_comparison(checker: ClaimChecker) -> None:
    # the claim's winner ('self-supervised alternatives learned') shares two of its three words with the sentence's
    # loser; the sentence's winner side is a concession ('while far from perfect, are indeed')
    sentence = sentence_with(GENERALIZABLE)
    claim = "Self-supervised alternatives learned more generalizable representations than similarity queries did."
    assert comparison_order_reversed(claim, sentence)
    assert not comparison_order_reversed("Similarity queries learned more generalizable representations than "
                                         "self-supervised alternatives did.", sentence)
    assert_contradicted_twin(
        checker, GENERALIZABLE, "In simulation and a user study, " + claim[0].lower() + claim[1:],
        "In simulation and a user study, similarity queries led to more generalizable representations than "
        "self-supervised alternatives.")
