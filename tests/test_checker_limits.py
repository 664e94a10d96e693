"""Numbers read as bounds (`limits.py`, issue 12, c20 pass): a claim bound the source's bound implies is consistent
('less than a third' against 'less than 1/38'), a bound that cannot hold with it is contradicted, a stronger bound
is another number as before, and 'up to X' is a reported maximum, not a bound. Real seed sentences."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.limits import relation
from reviewer.checker.numbers import extract_numbers
from seed_text import paper_with, sentence_with

PRM = "less than 1/38 of the training data"
XRPO = "outperforms existing advances (e.g., GRPO and GSPO) up to 4% pass@1"


def _rel(claim: str, sentence: str) -> str:
    num = next(n for n in extract_numbers(claim) if n.unit in ("frac", "%"))
    return next((r for e in extract_numbers(sentence) if (r := relation(claim, num, sentence, e))), "")


def test_a_weaker_bound_is_implied_and_a_disjoint_one_contradicted(checker: ClaimChecker) -> None:
    paper = paper_with(PRM)
    weaker = "The implicit PRM beats an MCTS-based baseline with less than a third of the training data."
    assert checker.check(weaker, [paper]).label == "SUPPORTED"
    assert checker.check("The implicit PRM outperforms a strong MCTS-based baseline while using under 3% of the "
                         "training data.", [paper]).label == "SUPPORTED"
    assert checker.check("The implicit PRM needs more than 1/2 of the training data to outperform a strong "
                         "MCTS-based baseline.", [paper]).label == "CONTRADICTED"
    assert _rel(weaker, sentence_with(PRM)) == "implied"


def test_a_stronger_bound_is_another_number(checker: ClaimChecker) -> None:
    claim = "Our implicit PRM outperforms a strong MCTS-based baseline using less than 1/50 of the training data."
    assert _rel(claim, sentence_with(PRM)) == "overlap"
    assert checker.check(claim, [paper_with(PRM)]).label == "CONTRADICTED"


def test_up_to_is_a_maximum_not_a_bound(checker: ClaimChecker) -> None:
    claim = "XRPO outperforms GRPO and GSPO by up to 14% pass@1."
    assert _rel(claim, sentence_with(XRPO)) == ""
    assert checker.check(claim, [paper_with(XRPO)]).label == "CONTRADICTED"
