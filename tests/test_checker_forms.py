"""Faithful paraphrases that only write a name or a word in another form (issue 12, twentieth pass): 'AlpacaEval 2'
for the abstract's LaTeX tie 'AlpacaEval~2' (`offline.py`), 'more stable' for 'training stability'
(`unstated._bare`), 'VLA models' for 'Vision-Language-Action models' defined as '(VLA)' (`slots.slot_swaps`).
Real seed abstracts; each faithful claim was called UNSUPPORTED or CONTRADICTED before.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.slots import slot_swaps
from reviewer.checker.unstated import unmentioned_effects
from seed_text import paper_with

BVPO = "BVPO improves alignment over the best baseline by up to 7.8 points on AlpacaEval~2"
DPO3D = "improving the training stability and final performance of DPO"
HUME = "Hume outperforms the existing state-of-the-art Vision-Language-Action models"


def test_a_latex_tie_is_a_space(checker: ClaimChecker) -> None:
    claim = "BVPO improves alignment over the best baseline by as much as 7.8 points on AlpacaEval 2 and 6.8 on Arena-Hard."
    assert checker.check(claim, [paper_with(BVPO)]).label == "SUPPORTED"
    assert checker.check(claim.replace("7.8", "9.8"), [paper_with(BVPO)]).label == "CONTRADICTED"


def test_an_able_adjective_names_its_ability_noun(checker: ClaimChecker) -> None:
    abstract = paper_with(DPO3D).abstract
    claim = "The authors propose simple regularization methods that mitigate the 3D-properties and make DPO training more stable."
    assert unmentioned_effects(claim, abstract) == []
    assert unmentioned_effects("The regularization methods reduce the latency of DPO training.", abstract)
    assert checker.check(claim, [paper_with(DPO3D)]).label == "SUPPORTED"


def test_an_abbreviation_is_not_a_sibling_in_its_long_forms_slot(checker: ClaimChecker) -> None:
    paper = paper_with(HUME)
    claim = "Hume beats existing state-of-the-art VLA models in several simulation benchmarks and in real-robot deployments."
    assert ("vla", "vision-language-action") not in slot_swaps(claim, paper.abstract)
    assert checker.check(claim, [paper]).label == "SUPPORTED"
