"""A finding the abstract states broadly ('consistently empowers different models', 'broad effectiveness across
different model sizes', 'widespread across LLMs, datasets, and prompt formats') narrowed by the claim to a few
cases ('helps only the GPT-4o baseline', 'only the smallest models', 'confined to a few models'): a quantifier
change (issue 12, nineteenth pass; `scope.py`). Real seed sentences, each narrowed claim with its faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.scope import scope_narrowed
from seed_text import assert_contradicted_twin, sentence_with

MONOLOGUE = "unstructured monologue demonstrates broad effectiveness across different model sizes"
VAT = "VAT consistently empowers different models"
JUDGES = "this weakness is widespread across LLMs, datasets, and prompt formats"

CASES = {
    "only the smallest": (MONOLOGUE, "Unstructured monologue is effective only for the smallest model sizes.",
                          "Unstructured monologue is effective across model sizes."),
    "helps only one": (VAT, "Visual abstract thinking empowers only one of the models it is applied to.",
                       "Visual abstract thinking empowers the different models it is applied to."),
    "confined to a few": (JUDGES, "The weakness of LLM judges is confined to a few prompt formats and datasets.",
                          "The weakness of LLM judges shows up across prompt formats and datasets."),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_broad_finding_narrowed_is_contradicted(checker: ClaimChecker, case: str) -> None:
    fragment, narrowed, faithful = CASES[case]
    assert scope_narrowed(narrowed, sentence_with(fragment))
    assert_contradicted_twin(checker, fragment, narrowed, faithful)


def test_a_count_with_only_or_a_denied_breadth_is_no_narrowing() -> None:
    # 'on only one problem' counts problems; it does not restrict where the finding holds
    cft = sentence_with("on the CFT data and observe significant")
    assert not scope_narrowed("Critique fine-tuning on only one problem brings significant gains to Qwen and Llama "
                              "models.", cft)
    # 'only a few thousand examples' counts examples too
    anytime = sentence_with("our method consistently outperforms GRPO across all thinking budgets")
    assert not scope_narrowed("Trained on only a few thousand problems, the method outperforms GRPO across all "
                              "thinking budgets.", anytime)
    assert scope_narrowed("The method outperforms GRPO under only a few thinking budgets.", anytime)
    # 'not consistently adopted' denies the breadth
    # (a seed sentence two seed abstracts share)
    practices = ("While these basic practices are not consistently adopted in the literature, our ablations show "
                 "that they substantially impact conclusions.")
    assert not scope_narrowed("Only a few of these basic practices are adopted in the literature.", practices)


ALIGNDIFF = "AlignDiff can accurately match user-customized behaviors"


def test_a_generic_plural_narrowed_to_a_few_is_contradicted(checker: ClaimChecker) -> None:
    # issue 12, twentieth pass: the sentence states the finding of the kind, with no breadth word
    narrowed = "AlignDiff matches only a few user-customized behaviors accurately."
    assert scope_narrowed(narrowed, sentence_with(ALIGNDIFF))
    assert_contradicted_twin(checker, ALIGNDIFF, narrowed, "AlignDiff matches user-customized behaviors accurately.")
    # a counted noun in the sentence is no generic plural
    assert not scope_narrowed("The model matches only a few user-customized behaviors accurately.",
                              "The model can accurately match three user-customized behaviors in our tests.")
