"""A parity the abstract states ('FLR matches the performance of strong reward models', 'EconProver achieves
comparable performance to baseline methods') read by the claim as the other side winning (issue 12, nineteenth
pass; `parity.py`). Real seed sentences, each reversed claim with its faithful twin."""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.parity import parity_reversed
from seed_text import assert_contradicted_twin, sentence_with

FLR = "matches the performance of strong reward models trained on large-scale human or GPT-4 annotated data"
ECON = "our EconProver achieves comparable performance to baseline methods"
GENARM = "GenARM significantly outperforms prior test-time alignment baselines and matches the performance"

CASES = {
    "matches the performance of": (FLR, "Strong reward models trained on large-scale human annotated data clearly "
                                        "outperform FLR.",
                                   "FLR performs as well as strong reward models trained on large-scale human "
                                   "annotated data."),
    "achieves comparable performance to": (ECON, "Baseline methods clearly outperform EconProver on miniF2F and "
                                                 "ProofNet.",
                                           "EconProver performs on par with baseline methods on miniF2F and ProofNet."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_the_matched_side_made_the_winner(checker: ClaimChecker, case: str) -> None:
    fragment, reversed_claim, faithful = CASES[case]
    assert parity_reversed(reversed_claim, sentence_with(fragment))
    assert_contradicted_twin(checker, fragment, reversed_claim, faithful)


def test_the_level_side_is_the_subject_not_what_it_beats() -> None:
    # 'GenARM outperforms baselines and matches training-time methods' ranks nothing between those two
    sentence = sentence_with(GENARM)
    assert parity_reversed("Training-time methods clearly outperform GenARM.", sentence)
    assert not parity_reversed("Training-time methods outperform prior test-time alignment baselines.", sentence)
