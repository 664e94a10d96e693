"""A faithful paraphrase in other words (issue 12, seventeenth pass): 'together' for 'jointly', 'tunes' for
'adjusts', 'RL' for 'reinforcement learning'. Read one word per meaning, the combiner supports it; a reversed
comparison, two named stages in the other order and a claim naming what the abstract lacks stay unsupported.
Real seed sentences throughout."""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.directions import DIRECTION_FAMILIES
from reviewer.checker.wording import _GROUPS, acronym_spelled_in, canonical
from reviewer.textutil import stemmer
from seed_text import paper_with, sentence_with

COOPER = "jointly optimizes both the policy model and the reward model"
HGPO = "followed by online reinforcement learning with the proposed Hybrid Group Policy Optimization"
BSTAR = "autonomously adjusts configurations across iterations"
DRPO = "achieves 77\\% length reduction with only 1.1\\% performance loss"

FAITHFUL = {
    "together for jointly": (COOPER, "Cooper trains its policy together with its reward model, which makes reward "
                                     "hacking less likely."),
    "RL for reinforcement learning": (HGPO, "LHRMs start from a Hybrid Fine-Tuning cold start and then learn "
                                            "through online RL with HGPO."),
    "tunes for adjusts": (BSTAR, "From one iteration to the next, B-STaR tunes its own configurations to keep "
                                 "exploration and exploitation balanced."),
    "cuts for reduction": (DRPO, "On GSM8k with a 1.5B model, DRPO cuts response length by 77% and gives up only "
                                 "1.1% of performance."),
}

NOT_SUPPORTED = {
    "a reversed comparison": (DRPO, "On GSM8k with a 1.5B model, the follow-up baseline cuts response length by "
                                    "more than DRPO and gives up less performance than DRPO."),
    "two named stages in the other order": (HGPO, "LHRMs start from a cold start with online RL using HGPO, "
                                                  "followed by Hybrid Fine-Tuning."),
    "a method the abstract never names": (COOPER, "Cooper trains its policy together with its reward model using "
                                                  "PPO and a learned value critic."),
}


@pytest.mark.parametrize("case", list(FAITHFUL), ids=list(FAITHFUL))
def test_a_paraphrase_in_other_words_is_supported(checker: ClaimChecker, case: str) -> None:
    fragment, claim = FAITHFUL[case]
    assert checker.check(claim, [paper_with(fragment)]).label == "SUPPORTED", claim


@pytest.mark.parametrize("case", list(NOT_SUPPORTED), ids=list(NOT_SUPPORTED))
def test_other_words_do_not_pass_a_reversal_or_a_foreign_name(checker: ClaimChecker, case: str) -> None:
    fragment, claim = NOT_SUPPORTED[case]
    assert checker.check(claim, [paper_with(fragment)]).label != "SUPPORTED", claim


def test_no_group_joins_a_word_with_its_opposite() -> None:
    for up, down, _ in DIRECTION_FAMILIES:
        assert not set(canonical(sorted(up))) & set(canonical(sorted(down))), (up, down)
    for group in _GROUPS:  # and each group reads as one stem
        assert len(set(canonical(stemmer().stemWords(list(group))))) == 1, group


def test_an_acronym_is_spelled_by_the_initials_of_consecutive_words() -> None:
    assert acronym_spelled_in("rl", sentence_with(HGPO))
    assert acronym_spelled_in("llms", sentence_with("humans provide verified annotations, while large language"))
    assert acronym_spelled_in("cot", "Long chain-of-thought traces help.")
    assert not acronym_spelled_in("ppo", sentence_with(HGPO))
    # a stopword between two ordinary words supplies no letter ('reward of learning' is no RoL)
    assert not acronym_spelled_in("rol", "the reward of learning")
