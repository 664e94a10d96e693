"""Numbers read as bounds: 'less than 1/38 of the data', 'at least 50%', '30+ steps', '50% or more'.

Why: the number guard compared a bound's number as if it were the value, so 'less than a third of the training
data' was called a contradiction of 'less than 1/38 of the training data' although the source's bound implies
the claim's (a weaker bound is consistent, not contradictory). Each number is read as an interval; a claim
number whose interval holds the evidence number's interval is implied by it (stated), one whose interval meets
it without holding it is not implied (unverifiable), and only disjoint intervals conflict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from reviewer.checker.multiples import ratio_restated

_UPPER_BEFORE = re.compile(r"(?:(?:less|fewer|lower|smaller|shorter|cheaper) than|under|below|at most|"
                           r"no more than|not more than|not exceeding|<|≤|<=)\s*(?:only\s+|just\s+)?$",
                           re.IGNORECASE)
_LOWER_BEFORE = re.compile(r"(?:(?:more|greater|higher|larger|longer) than|over|above|at least|exceed(?:s|ing)?|"
                           r"beyond|no less than|not less than|no fewer than|>|≥|>=)\s*$", re.IGNORECASE)
_UPPER_AFTER = re.compile(r"^\s*(?:or (?:less|fewer|lower|below|under)|at most)\b", re.IGNORECASE)
_LOWER_AFTER = re.compile(r"^(?:\+|\s*(?:or (?:more|greater|higher|above|over)|and (?:above|up)|at least)\b)",
                          re.IGNORECASE)


class _Num(Protocol):
    value: float
    unit: str
    raw: str
    tol: float


def _scaled(num: _Num) -> tuple[str, float]:
    """One scale for fractions and percents ('1/38' and '2.6%'); other units as they are."""
    return ("%", num.value * 100) if num.unit == "frac" else (num.unit, num.value)


def interval(text: str, num: _Num) -> tuple[float, float] | None:
    """The values `num` (as written in `text`) allows: a point widened by its printed precision, or a half-line
    for a bound; None when the number is not found in the text."""
    at = text.find(num.raw)
    if at < 0:
        return None
    before, after = text[max(0, at - 30) : at], text[at + len(num.raw) : at + len(num.raw) + 20]
    unit, value = _scaled(num)
    tol = num.tol * (100 if num.unit == "frac" else 1)
    # the unit may follow the number ('1/38 of', '50%'): a bound may come after it either way
    if _UPPER_BEFORE.search(before) or _UPPER_AFTER.search(after):
        return (-math.inf, value + tol)
    if _LOWER_BEFORE.search(before) or _LOWER_AFTER.search(after):
        return (value - tol, math.inf)
    return (value - tol, value + tol)


def is_bound(text: str, num: _Num) -> bool:
    """The number is written as a bound in `text`."""
    span = interval(text, num)
    return span is not None and math.isinf(span[0]) != math.isinf(span[1])


def comparable(a: _Num, b: _Num) -> bool:
    """Same unit once fractions read as percents."""
    return _scaled(a)[0] == _scaled(b)[0]


def relation(claim: str, num: _Num, text: str, other: _Num) -> str:
    """'implied' when the evidence number's interval lies within the claim number's, 'overlap' when they meet
    otherwise, 'disjoint' when they cannot both hold, '' when either is no bound (points are left to the
    number guard as they were) or the units differ. 'Up to 70%' is a reported maximum, a value, not a bound."""
    if not comparable(num, other):
        return ""
    mine, theirs = interval(claim, num), interval(text, other)
    if mine is None or theirs is None or not (is_bound(claim, num) or is_bound(text, other)):
        return ""
    if mine[0] <= theirs[0] and theirs[1] <= mine[1]:
        return "implied"
    if mine[1] < theirs[0] or theirs[1] < mine[0]:
        return "disjoint"
    return "overlap"


def stated_otherwise(claim: str, num: _Num, aligned: list[tuple[int, str, float]],
                     extract: Callable[[str], Sequence[Any]], shared: Callable[[Any, Any], int]) -> bool:
    """The claim number is stated in other terms by an aligned sentence: a number of the same thing (shared
    context, or a very close sentence) whose bound or value lies within the claim's bound ('less than a third'
    vs 'less than 1/38'), or, for a multiple, the same ratio written as a fraction (`multiples.py`). The number
    reader passes its own `extract` and `shared` (it imports this module)."""
    if any(relation(claim, num, text, e) == "implied" and (shared(num, e) or align >= 0.75)
           for _, text, align in aligned for e in extract(text)):
        return True
    return num.unit == "x" and any(ratio_restated(claim, text) for _, text, _ in aligned)
