"""A claim that denies outright what its best-aligned sentence asserts: 'the global loss gives the training process
no meaningful learning signal' against '... the training process still receives meaningful learning signals'.

Why: the negation reader (`negation.negation_flips`) finds the flip, but it is only one weighted signal and the
combiner calls it decisive only on a near-copy (alignment >= 0.8); a paraphrase that keeps the sentence's topic and
denies three or more of its content words is as clear a reversal.
"""

from __future__ import annotations

from reviewer.checker.negation import negation_flips

MIN_ALIGN = 0.55
MIN_STEMS = 3


def denied_outright(claim: str, sentence: str, alignment: float) -> list[str]:
    """The stems the claim denies (or asserts) against the sentence when the flip is wide and the sentence close."""
    if alignment < MIN_ALIGN:
        return []
    flips = negation_flips(claim, sentence)
    return flips if len(flips) >= MIN_STEMS else []
