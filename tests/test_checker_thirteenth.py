"""Issue 12, thirteenth pass: two words of the evidence exchanged (within a sentence and across two), a value
given to another holder, a name the claim restricts to, a win rate read as a comparison, values listed with
'respectively', privative and wide negation, and polar pairs read in less closely aligned sentences. Pinned on
sentences quoted from seed abstracts of the read splits (none of the held-out moor split); claims are written
here, and every changed claim has a faithful twin.
"""

from __future__ import annotations

import pytest

from evals.seed_claims import load_rows, seed_papers_by_title
from reviewer.checker import ClaimChecker
from reviewer.checker.crossed import crossed_across, crossed_pair
from reviewer.checker.families import comparison_order_reversed
from reviewer.checker.negation import negation_flips
from reviewer.checker.quantified import exclusive_denied
from reviewer.checker.rehomed import value_rehomed
from reviewer.checker.stance import stance_reversed
from reviewer.textutil import split_sentences
from seed_text import paper_with
from seed_text import sentence_with as _sentence

GAME = "in which a GENERATOR seeks to communicate an abstract correctness parameter"
REX = "achieves average performance gains of 5.1% on Qwen2.5-3B and 3.6% on Qwen2.5-7B"
LOGICOM = "where the persuader tries to convince the debater of the correctness of its claim"
TOOLS = "named ToolPreference, for tool use based on the ToolBench dataset"
HUMANS = "humans are less sensitive to errors, favor responses that support their stances"
LLMS = "advanced LLMs like GPT-4-Turbo emphasize correctness, clarity, and harmlessness more"
POSITION = "LRMs exhibit notable position bias, preferring options in later positions"
SCHEDULE = "This schedule starts with aggressive down-sampling to accelerate early learning"
WIN_RATE = "achieves an impressive win rate of 87% against GPT-4o"
FALLACY = "GPT-3.5 and GPT-4 are erroneously convinced 41% and 69% more often, respectively"
SHIELD = "shielding them from interference by negative samples"
DISTILL = "without requiring distillation from more advanced models to obtain chain-of-thought (CoT) training data"
RUBRICS = "created using rigid rubrics which wash away heterogeneity"
PROMPTS = "specialized system prompts that reduce judging biases by up to 19"
BENCHES = "including the popular RewardBench (covering chat, chat-hard, safety, and reasoning tasks)"
FRAGMENTS = (GAME, REX, LOGICOM, TOOLS, HUMANS, LLMS, POSITION, SCHEDULE, WIN_RATE, FALLACY, SHIELD, DISTILL, RUBRICS, PROMPTS,
             BENCHES)


@pytest.mark.parametrize(("fragment", "claim", "exchanged"), [
    (GAME, "In the consensus game the discriminator tries to communicate an abstract correctness parameter to the "
           "generator in natural language sentences.", True),
    (GAME, "In the consensus game the generator tries to communicate an abstract correctness parameter to the "
           "discriminator in natural language sentences.", False),
    (REX, "On seven QA benchmarks REX-RAG gains 5.1% on average on Qwen2.5-7B and 3.6% on Qwen2.5-3B.", True),
    (REX, "On seven QA benchmarks REX-RAG gains 5.1% on average on Qwen2.5-3B and 3.6% on Qwen2.5-7B.", False),
    (LOGICOM, "In LOGICOM the debater tries to convince the persuader of the correctness of its claim.", True),
    (LOGICOM, "In LOGICOM the persuader tries to convince the debater of the correctness of its claim.", False),
    # a passive reads the same fact in the other order: not an exchange
    (LOGICOM, "In LOGICOM the debater is to be convinced by the persuader of the correctness of its claim.", False),
    (TOOLS, "The ToolBench dataset is built for tool use based on the ToolPreference dataset.", True),
    (TOOLS, "The ToolPreference dataset is built for tool use based on the ToolBench dataset.", False),
])
def test_two_words_of_a_sentence_exchanged(checker: ClaimChecker, fragment: str, claim: str, exchanged: bool) -> None:
    assert bool(crossed_pair(claim, _sentence(fragment))) == exchanged
    assert (checker.check(claim, [paper_with(fragment)]).label == "CONTRADICTED") == exchanged


@pytest.mark.parametrize(("claim", "exchanged"), [
    ("Advanced LLMs such as GPT-4-Turbo favor responses that support their stances, whereas humans emphasize "
     "correctness, clarity and harmlessness.", True),
    ("Humans favor responses that support their stances, whereas advanced LLMs such as GPT-4-Turbo emphasize "
     "correctness, clarity and harmlessness.", False),
])
def test_two_things_exchanged_across_two_sentences(checker: ClaimChecker, claim: str, exchanged: bool) -> None:
    assert bool(crossed_across(claim, [_sentence(LLMS), _sentence(HUMANS)])) == exchanged
    assert (checker.check(claim, [paper_with(HUMANS)]).label == "CONTRADICTED") == exchanged


def test_no_seed_sentence_exchanges_two_words_of_its_own_abstract() -> None:
    # a verbatim quote read against any one or two sentences of its own abstract is never an exchange
    for paper in seed_papers_by_title().values():
        sents = split_sentences(paper.abstract)
        for s in sents:
            assert not any(crossed_pair(s, other) for other in sents), s
            assert not any(crossed_across(s, [a, b]) for j, a in enumerate(sents) for b in sents[j + 1 :]), s


@pytest.mark.parametrize(("claim", "moved"), [
    ("In-context learning cuts judging biases by up to 19% on preference alignment datasets.", True),
    ("Specialized system prompts cut judging biases by up to 19% on preference alignment datasets.", False),
    ("In-context learning improves preference tasks by up to 27%.", False),
])
def test_a_value_given_to_another_holder_of_the_sentence(checker: ClaimChecker, claim: str, moved: bool) -> None:
    assert bool(value_rehomed(claim, _sentence(PROMPTS))) == moved
    assert (checker.check(claim, [paper_with(PROMPTS)]).label == "CONTRADICTED") == moved


@pytest.mark.parametrize(("claim", "denied"), [
    ("The robustness of Crome is tested on RewardBench alone.", True),
    ("The robustness of Crome is tested only on RewardBench.", True),
    ("The robustness of Crome is tested on RewardBench, WildGuardTest and GSM8k.", False),
])
def test_a_name_the_claim_restricts_to_that_the_sentence_lists_with_others(checker: ClaimChecker, claim: str,
                                                                          denied: bool) -> None:
    assert bool(exclusive_denied(claim, _sentence(BENCHES))) == denied
    assert (checker.check(claim, [paper_with(BENCHES)]).label == "CONTRADICTED") == denied


def test_no_seed_sentence_moves_a_value_or_restricts_a_name_against_its_own_abstract() -> None:
    for paper in seed_papers_by_title().values():
        sents = split_sentences(paper.abstract)
        for s in sents:
            assert not any(value_rehomed(s, other) or exclusive_denied(s, other) for other in sents), s


@pytest.mark.parametrize(("claim", "reversed_"), [
    ("GPT-4o outperforms PsychoCounsel-Llama3-8B in head-to-head comparisons.", True),
    ("PsychoCounsel-Llama3-8B outperforms GPT-4o in head-to-head comparisons.", False),
])
def test_a_win_rate_against_a_rival_is_a_comparison(checker: ClaimChecker, claim: str, reversed_: bool) -> None:
    assert comparison_order_reversed(claim, _sentence(WIN_RATE)) == reversed_
    assert (checker.check(claim, [paper_with(WIN_RATE)]).label == "CONTRADICTED") == reversed_


@pytest.mark.parametrize(("claim", "label"), [
    ("Presented with logical fallacies, GPT-4 is erroneously convinced 69% more often and GPT-3.5 41% more often.",
     "SUPPORTED"),
    ("Presented with logical fallacies, GPT-4 is erroneously convinced 41% more often and GPT-3.5 69% more often.",
     "CONTRADICTED"),
    ("Presented with logical fallacies, GPT-4 and GPT-3.5 are erroneously convinced 69% and 41% more often, "
     "respectively.", "SUPPORTED"),
    ("Presented with logical fallacies, GPT-4 and GPT-3.5 are erroneously convinced 41% and 69% more often, "
     "respectively.", "CONTRADICTED"),
])
def test_values_listed_with_respectively_keep_their_holders(checker: ClaimChecker, claim: str, label: str) -> None:
    assert checker.check(claim, [paper_with(FALLACY)]).label == label


@pytest.mark.parametrize(("fragment", "claim", "flips"), [
    (SHIELD, "DRPO normalizes reward signals for correct rollouts solely within the positive group, so that "
             "negative samples do not interfere with them.", False),
    (DISTILL, "Without needing CoT training data distilled from more advanced models, R2-LLMs improves test-time "
              "scaling.", False),
    (DISTILL, "R2-LLMs needs chain-of-thought training data distilled from more advanced models.", True),
])
def test_a_privative_or_a_wide_negation_denies_the_same_words(checker: ClaimChecker, fragment: str, claim: str,
                                                              flips: bool) -> None:
    assert bool(negation_flips(claim, _sentence(fragment))) == flips
    if not flips:
        assert checker.check(claim, [paper_with(fragment)]).label != "CONTRADICTED"


@pytest.mark.parametrize(("fragment", "claim", "reversed_"), [
    (POSITION, "Large reasoning models show notable position bias, preferring options in earlier positions.", True),
    (POSITION, "Large reasoning models show notable position bias, preferring options in later positions.", False),
    (SCHEDULE, "The schedule starts with mild down-sampling to accelerate early learning.", True),
    (SCHEDULE, "The schedule starts with aggressive down-sampling to accelerate early learning.", False),
    (RUBRICS, "Current preference datasets built with rigid rubrics preserve heterogeneity.", True),
    (RUBRICS, "Current preference datasets built with rigid rubrics wash away heterogeneity.", False),
])
def test_earlier_and_later_mild_and_aggressive_preserved_and_washed_away_are_polar(fragment: str, claim: str, reversed_: bool) -> None:
    assert bool(stance_reversed(claim, _sentence(fragment))) == reversed_


def test_a_polar_word_reversed_in_a_less_closely_aligned_sentence(checker: ClaimChecker) -> None:
    # the position-bias finding is one clause of a long sentence: aligned below 0.45, read on two shared words
    claim = "As judges, LRMs show a marked position bias, favouring the options that appear in earlier positions."
    assert checker.check(claim, [paper_with(POSITION)]).label == "CONTRADICTED"


def test_no_fragment_here_comes_from_the_held_out_moor_split() -> None:
    moor = {r.title for r in load_rows("moor")}
    assert all(paper_with(f).title not in moor for f in [*FRAGMENTS, CRITIC_FREE])


CRITIC_FREE = "Critic-free methods like GRPO reduce memory demands by estimating advantages from multiple rollouts"


@pytest.mark.parametrize(("claim", "label"), [
    ("The paper shows that critic-free methods like GRPO converge quickly, since every rollout carries an informative "
     "learning signal.", "CONTRADICTED"),
    ("The paper shows that critic-free methods like GRPO tend to converge slowly, since uninformative samples dilute "
     "the learning signal.", "UNSUPPORTED"),
])
def test_background_said_the_other_way_round_is_contradicted(checker: ClaimChecker, claim: str, label: str) -> None:
    # the abstract's own context sentence is not the paper's finding (UNSUPPORTED), but reversing it contradicts it
    assert checker.check(claim, [paper_with(CRITIC_FREE)]).label == label
