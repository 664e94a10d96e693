"""A value range in a claim read against a range of the same unit in its best-aligned sentence.

Abstracts report spans ('a reduction in sequence length (35.4% - 61.1%)', 'from 15.3% to 94.7%'); a claim that
restates the span with an end changed ('by 35.4% to 81.1%') names a value the abstract never gives, and nothing
near it names what it measures (the span sits in brackets or after 'from'), so the number reader called it
unverifiable. Read by position instead: the claim's other end equal to one end of a sentence range makes the
changed end that range's other end; with no end shared, the sentence's only range of that unit stands for the
claim's when the sentence states half the claim or more.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol


class Number(Protocol):
    """What a range reads of `numbers.Number` (a protocol, so this module does not import `numbers`, which calls it)."""

    value: float
    unit: str
    raw: str

# 'A to B', 'A - B', 'A–B', 'between A and B', 'from A to B'; A may carry its unit or leave it to B ('35.4 to 61.1%')
_LINK = re.compile(r"^\s*(?:%|percent\b)?\s*(?:-|–|—|to\b|and\b)\s*$", re.IGNORECASE)
MIN_ALIGN = 0.5  # a sentence that states half the claim or more speaks of the same span


@dataclass(frozen=True)
class Span:
    low: Number
    high: Number


def spans_in(text: str, numbers: list[Number]) -> list[Span]:
    """Pairs of numbers of one unit that the text joins into a range (in text order; 'and' only after 'between')."""
    placed = sorted(((m.start(), m.end(), n) for n in numbers if n.unit not in ("frac", "year")
                     for m in [re.search(rf"(?<![\w.]){re.escape(n.raw)}(?![\w.]*\w)", text)] if m),
                    key=lambda t: t[0])
    out: list[Span] = []
    for (_, end_a, a), (start_b, _, b) in zip(placed, placed[1:], strict=False):
        gap = text[end_a:start_b]
        if not _LINK.match(gap) or (a.unit and b.unit and a.unit != b.unit) or not (a.unit or b.unit):
            continue
        if gap.strip().lower().startswith("and") and not re.search(r"\bbetween\s+$", text[:end_a - len(a.raw)]):
            continue
        unit = a.unit or b.unit
        if a.unit != unit:  # '35.4 to 61.1%': the first end takes the second's unit
            a = replace(a, unit=unit)  # type: ignore[type-var]
        out.append(Span(a, b))
    return out


def range_rival(claim: str, num: Number, claim_numbers: list[Number], aligned: list[tuple[int, str, float]],
                extract: Callable[[str], list[Number]], same: Callable[[Number, Number], bool]) -> tuple[Number, int, int] | None:
    """The sentence value the claim's range end `num` stands for, its sentence, and how sure (2: the other end is
    shared; 1: the only range of the unit in the best sentence): None when `num` is in no claim range."""
    mine = [s for s in spans_in(claim, claim_numbers) if num in (s.low, s.high)]
    if not mine:
        return None
    span = mine[0]
    first = span.low is num
    other = span.high if first else span.low
    for idx, text, _ in aligned[:2]:
        for s in spans_in(text, extract(text)):
            if s.high.unit != num.unit:
                continue
            near, far = (s.low, s.high) if first else (s.high, s.low)
            if same(other, far) and not same(num, near):
                return near, idx, 2
    if not aligned:
        return None
    idx, text, align = aligned[0]
    theirs = [s for s in spans_in(text, extract(text)) if s.high.unit == num.unit]
    if len(theirs) == 1 and align >= MIN_ALIGN and not any(same(n, e) for n in (span.low, span.high)
                                                            for e in (theirs[0].low, theirs[0].high)):
        return (theirs[0].low if first else theirs[0].high), idx, 1
    return None
