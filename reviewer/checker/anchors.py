"""A claim that restates one clause of a long evidence sentence, anchored by its numbers and names.

The combiner reads a claim against whole sentences, so a faithful restatement of one clause of a long
sentence ('has about 8,000 instances across five domains and 16 datasets' from 'Starting with a seed
dataset of around 8,000 instances spanning five domains and 16 datasets, we prompt ...') scores low on
similarity and is left UNSUPPORTED. When every specific anchor of the claim, at least two of them and one a
number (its numbers and named terms), occurs in one sentence, in the same order (an exchange of two anchors is a
contradiction, not a restatement), the sentence states what the claim says. Read only when no signal of
a contradiction, an unnamed term or an unmatched number was found (`offline.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.checker.numbers import extract_numbers, same_value

_VERSION = re.compile(r"[A-Z][\w\-]*\s*$")  # 'LogiQA 2.0', 'Llama 3': a name's version, not a figure


def anchored_in(claim: str, sentence: str, named: Callable[[str], set[str]], ordered: bool = True) -> bool:
    """All of the claim's numbers and named terms (two at least, one a number) occur in the sentence in the
    claim's order (in any order when not `ordered`: the caller has checked each value keeps its own words)."""
    low = sentence.lower()
    pairs: list[tuple[int, list[int]]] = []
    evidence = extract_numbers(sentence)
    numbers = [n for n in extract_numbers(claim) if n.unit or not _VERSION.search(claim[: claim.find(n.raw)])]
    for num in numbers:
        same = [e for e in evidence if same_value(num, e) and (num.unit == e.unit or "" in (num.unit, e.unit))]
        if not same:
            return False
        pairs.append((claim.find(num.raw), [sentence.find(e.raw) for e in same]))
    for term in named(claim):
        found = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", low)]
        if not found:
            return False
        pairs.append((claim.lower().find(term), found))
    if len(pairs) < 2 or not numbers:
        return False  # names alone recur across a field's sentences ('DNA', 'T cells'); a figure pins the finding
    if not ordered:
        return True
    at = -1
    for _, where in sorted(pairs):  # each anchor at its first occurrence after the previous one
        later = [w for w in where if w >= at]
        if not later:
            return False
        at = min(later)
    return True
