"""A change told the other way round: 'moved from value orientation toward fundamental abilities' where the
abstract reveals 'a goal transformation from fundamental abilities to value orientation'.

A reversed transition keeps both ends and every word of the sentence, so no antonym, number or comparison reader
sees it. Here each 'from A to / toward / into B' of a text is read as (A, B); the claim reverses the sentence when
its start holds the sentence's end words and its end the sentence's start words, clearly more than the straight
reading, and none of its transitions restates one of the sentence's the straight way. A range ('ranging, varying or
spanning from A to B') is no transition. Read only on the best-aligned asserted sentence of a claim the combiner
supports (`judged.judged_otherwise`).
"""

from __future__ import annotations

import re

from reviewer.checker.pairswap import pairs_reversed
from reviewer.textutil import content_stems

_FROM_TO = re.compile(r"\bfrom\s+(?P<a>[^;:.()]{2,80}?)\s+(?:to|toward|towards|into)"
                      r"\s+(?P<b>[^,;:.()]{2,80}?)(?=\s*(?:[,;:.()]|$|\b(?:that|which|while|whereas|and thus|as)\b))",
                      re.IGNORECASE)
_RANGE = re.compile(r"\brang\w*\s*$|\bvar\w*\s*$|\bspann\w*\s*$", re.IGNORECASE)
_MARGIN = 0.5


def transitions(text: str) -> list[tuple[set[str], set[str]]]:
    """(start stems, end stems) of each 'from A to B' of the text that is not a range."""
    out = []
    for m in _FROM_TO.finditer(text):
        if _RANGE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        a, b = set(content_stems(m.group("a"))), set(content_stems(m.group("b")))
        a, b = a - b, b - a
        if a and b:
            out.append((a, b))
    return out


def transition_reversed(claim: str, sentence: str) -> bool:
    """The claim's start is the sentence's end and its end the sentence's start."""
    theirs = transitions(sentence)
    return bool(theirs) and pairs_reversed(transitions(claim), theirs, _MARGIN)
