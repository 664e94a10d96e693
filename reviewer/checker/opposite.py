"""Who shows 'the opposite': 'smaller models gain little on simple tasks but a lot on complex ones, whereas
large-capacity models show the opposite pattern' against 'large-capacity models show minimal improvement on simple
tasks but substantial gains on complex problems, while smaller models exhibit the opposite behavior'.

Why: the pattern is stated once and the other group is given 'the opposite', so exchanging the two groups keeps
every word of the sentence; the swap readers see the same words, and the direction readers see the same pattern.
Here the group of the clause that states the pattern and the group given 'the opposite' are read on both sides.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_SPLIT = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+(?:but|and)\s+(?=\w+\s+\w+\s+(?:show|exhibit|display|"
                    r"follow))", re.IGNORECASE)
_OPPOSITE = re.compile(r"^(?P<who>.+?)\s+(?:show|shows|showed|exhibit|exhibits|exhibited|display|displays|follow|"
                       r"follows|demonstrate|demonstrates)\s+(?:the|an?)\s+(?:opposite|reverse|inverse)\b",
                       re.IGNORECASE)
SUBJECT_STEMS = 3


def _groups(text: str) -> tuple[set[str], set[str]] | None:
    """(the stated group's first stems, the group given 'the opposite'), or None without that construction."""
    parts = [p for p in _SPLIT.split(text.rstrip(". ")) if p.strip()]
    if len(parts) != 2:
        return None
    for k in (0, 1):
        if m := _OPPOSITE.search(parts[k].split(":")[-1].strip()):
            stated = content_stems(parts[1 - k].split(":")[-1])[:SUBJECT_STEMS]
            other = content_stems(m.group("who"))[-SUBJECT_STEMS:]
            if stated and other:
                return set(stated), set(other)
    return None


def opposite_swapped(claim: str, sentence: str) -> bool:
    """The claim states the pattern of the group the sentence gives 'the opposite', and the reverse."""
    mine, theirs = _groups(claim), _groups(sentence)
    if mine is None or theirs is None:
        return False
    (c_stated, c_other), (s_stated, s_other) = mine, theirs
    return bool(c_stated & s_other) and bool(c_other & s_stated) and not (c_stated & s_stated)
