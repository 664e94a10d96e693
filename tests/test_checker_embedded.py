"""A size the evidence writes inside a name ('SynPref-40M', 'Llama3.1-8B') restated as a quantity
('40-million-pair', '8-billion-parameter') is a number the evidence states (issue 12, nineteenth pass: a faithful
paraphrase was called UNSUPPORTED for 'a number the evidence never states'). Real seed sentences."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.numbers import check_numbers
from seed_text import paper_with, sentence_with

SKYWORK = "trained on a carefully curated subset of 26 million preference pairs from SynPref-40M"
ETTRL = "our approach enables Llama3.1-8B to achieve a 68 percent relative improvement"


def test_a_size_spelled_out_from_a_name_is_stated() -> None:
    sentence = sentence_with(SKYWORK)
    claim = "The reward models are trained on 26 million pairs selected from the 40-million-pair SynPref-40M."
    assert check_numbers(claim, sentence, [(0, sentence, 0.8)]).unmatched == []
    llama = sentence_with(ETTRL)
    assert check_numbers("The 8-billion-parameter Llama3.1 gains 68 percent.", llama, [(0, llama, 0.8)]).unmatched == []


def test_another_scale_or_a_bare_number_is_not_the_names_size() -> None:
    sentence = sentence_with(SKYWORK)
    assert check_numbers("Trained on pairs from a 40-billion-pair set.", sentence, [(0, sentence, 0.8)]).matched == 0
    llama = sentence_with(ETTRL)
    assert check_numbers("Llama3.1 is evaluated on 8 benchmarks.", llama, [(0, llama, 0.8)]).matched == 0


def test_the_faithful_paraphrase_is_supported(checker: ClaimChecker) -> None:
    claim = ("Skywork-Reward-V2 models are trained on a carefully curated subset of 26 million preference pairs "
             "drawn from the 40-million-pair SynPref-40M.")
    assert checker.check(claim, [paper_with(SKYWORK)]).label == "SUPPORTED"
