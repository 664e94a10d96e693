"""Quantifiers read with the noun phrase they bind: 'all mainstream models' against 'most mainstream models'.

Why: the combiner's quantifier signal (`families.quantifier_conflict`) compares the classes of quantifier
anywhere in the two sentences and counts only outright clashes (all vs none, most vs few), so a claim that
turns the evidence's 'most X' into 'all X' (or 'none of X' into 'some X') passes. Bound to the same noun phrase,
any change of class between a universal, a majority, a some and a none is a different statement of how many.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_CLASS = {"all": "univ", "every": "univ", "each": "univ", "none": "neg", "no": "neg",
          "most": "many", "majority": "many", "many": "many", "several": "some", "some": "some", "few": "few",
          "minority": "few"}
_Q = re.compile(r"\b(?:(?P<a>a\s+few)|(?:the\s+|a\s+)?(?P<q>all|every|each|none|no|most|majority|many|several|some|few|"
                r"minority))\b(?:\s+of)?(?:\s+(?:the|these|those|its|their))?\s+(?P<head>[^,;.()]{3,60})", re.IGNORECASE)
# (claim class, evidence class) pairs that cannot both hold of one noun phrase
_CONFLICT = {("univ", "many"), ("univ", "some"), ("univ", "few"), ("univ", "neg"), ("neg", "univ"), ("neg", "many"),
             ("neg", "some"), ("many", "few"), ("many", "neg"), ("few", "many"), ("few", "univ")}


def _bound(text: str) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for m in _Q.finditer(text):
        cls = "some" if m.group("a") else _CLASS[m.group("q").lower()]
        head = tuple(content_stems(m.group("head"))[:3])
        if len(head) >= 2:
            out.append((cls, head))
    return out


def quantity_changed(claim: str, sentence: str) -> str:
    """The head words of a noun phrase the claim quantifies one way and the sentence another, or ''."""
    theirs = _bound(sentence)
    for cls, head in _bound(claim):
        for other, their_head in theirs:
            if (cls, other) in _CONFLICT and head[:2] == their_head[:2]:
                return " ".join(head)
    return ""
