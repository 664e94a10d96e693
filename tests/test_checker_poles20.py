"""Opposites found on new claims over unused seed papers (issue 12, twentieth pass): 'widely used' vs 'rarely
used', 'becomes strong' vs 'remains poor', 'inversely proportional' vs 'proportional' (`stance._POLES`),
'only for a few mixtures' vs 'for any nontrivial mixture' (`scope.py`), and a faithful 'instead of sampling X'
against 'does not sample X' (`negation._free_stems`). Real seed sentences, each with its faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.negation import negation_flips
from reviewer.checker.scope import scope_narrowed
from reviewer.checker.stance import stance_reversed
from seed_text import assert_contradicted_twin, paper_with, sentence_with

DPO = "DPO has rarely be used in the state-of-the-art production-level LLMs"
BOARD = "While performance can be improved with finetuning, it nevertheless remains poor"
FLOW = "sample multiple reasoning paths with probabilities proportional to the unnormalized reward"
BVPO = "BVPO strictly reduces trace-induced variance for any nontrivial mixture"
TPO = "that does not sample paired preference responses from the preference tree"

CASES = {
    "widely vs rarely": (DPO, "DPO is widely used in state-of-the-art production-level LLMs.",
                         "DPO has rarely been used in state-of-the-art production-level LLMs."),
    "strong vs poor": (BOARD, "With finetuning, performance on BoardgameQA becomes strong.",
                       "Finetuning improves performance on BoardgameQA, but it still remains poor."),
    "inversely proportional": (FLOW, "The LLM policy samples reasoning paths with probabilities inversely "
                                     "proportional to the unnormalized reward.",
                               "The LLM policy samples reasoning paths with probabilities proportional to the "
                               "unnormalized reward."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_pole_reversed_is_contradicted(checker: ClaimChecker, case: str) -> None:
    fragment, reversed_, faithful = CASES[case]
    assert stance_reversed(reversed_, sentence_with(fragment))
    assert not stance_reversed(faithful, sentence_with(fragment))
    assert_contradicted_twin(checker, fragment, reversed_, faithful)


def test_for_any_is_broad(checker: ClaimChecker) -> None:
    narrowed = "BVPO reduces trace-induced variance only for a few specific mixtures."
    assert scope_narrowed(narrowed, sentence_with(BVPO))
    assert_contradicted_twin(checker, BVPO, narrowed, "BVPO reduces trace-induced variance for any nontrivial mixture.")


def test_instead_of_restates_a_denial(checker: ClaimChecker) -> None:
    faithful = "Instead of sampling paired responses, TPO learns directly from the whole preference tree."
    assert not negation_flips(faithful, sentence_with(TPO))
    assert checker.check(faithful, [paper_with(TPO)]).label == "SUPPORTED"
    assert checker.check("TPO samples paired preference responses from the preference tree.",
                         [paper_with(TPO)]).label == "CONTRADICTED"
