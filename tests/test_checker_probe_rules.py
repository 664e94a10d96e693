"""Rules added on the probe split (issue 12, ninth pass), pinned on sentences quoted from seed abstracts.

A count written as a word before a modified plural ('three reasoning process benchmarks'), a thousand written
'k' ('700k annotations'), and two counts exchanged between their nouns ('six methods across eight tasks').
"""

from __future__ import annotations

import pytest

from reviewer.checker.numbers import check_numbers
from reviewer.textutil import split_sentences
from seed_text import paper_with

SPC = "Experiments on three reasoning process benchmarks (ProcessBench, PRM800K, DeltaBench)"
MMPRM = "we generate over 700k step-level annotations without human labeling"
TRICKS = "systematically evaluating six representative methods across eight reasoning tasks"


def _sentence(fragment: str) -> str:
    return next(s for s in split_sentences(paper_with(fragment).abstract) if fragment in s)


def _conflicts(claim: str, fragment: str) -> list[tuple[str, str, int]]:
    text = _sentence(fragment)
    return check_numbers(claim, text, [(0, text, 0.8)]).conflicts


@pytest.mark.parametrize(("fragment", "claim", "changed"), [
    (SPC, "SPC is evaluated on five reasoning process benchmarks, including ProcessBench and DeltaBench.", True),
    (SPC, "SPC is evaluated on three reasoning process benchmarks, including ProcessBench and DeltaBench.", False),
    (MMPRM, "MM-PRM's pipeline generates over 70k step-level annotations without human labeling.", True),
    (MMPRM, "MM-PRM's pipeline generates over 700k step-level annotations without human labeling.", False),
    (TRICKS, "The benchmark evaluates eight representative methods across six reasoning tasks.", True),
    (TRICKS, "The benchmark evaluates six representative methods across eight reasoning tasks.", False),
])
def test_counts_in_words_thousands_in_k_and_exchanged_counts(fragment: str, claim: str, changed: bool) -> None:
    assert bool(_conflicts(claim, fragment)) == changed
