"""Comparisons whose winner the sentence does not name: a pronoun ('they match or even surpass PRMs') or
an elided subject ('Data Efficiency: excelling in few-shot scenarios while surpassing SFT baselines').

The comparison reader takes the words before the cue as the winner; here those words are 'they' or nothing,
so a claim that makes the sentence's loser the winner ('PRMs outperform the uncertainty heads') matched no side
and read as agreeing. The winner is the thing the abstract is about; the claim names it as its loser. So: the
claim's winner carries the sentence's loser, its loser shares nothing with that loser and is named elsewhere in
the abstract (the referent), and the sentence's winner is that unnamed subject.
"""

from __future__ import annotations

import re

from reviewer.checker.families import comparison_sides
from reviewer.textutil import content_stems

_MARK = "Xsubj"
_MARK_STEM = content_stems(_MARK)[0]
_UP = r"(?:outperform|surpass|beat|exceed|outscor|outpac|outstrip)\w*\b"
# 'they (can) (match or even) surpass X': the pronoun is the subject of an up-cue a few words on
_PRONOUN = re.compile(rf"\b(?:they|it)\b(?=(?:\s+[a-z]+){{0,4}}?\s+{_UP})", re.IGNORECASE)
# '(3) Data Efficiency: excelling in ... while surpassing X': a clause opened by a gerund, no subject anywhere
_ELIDED = re.compile(rf"((?:^|[:;]\s*)[a-z]+ing\b[^:;.()]*?\b(?:while|and|thereby|thus)\s+)(?={_UP})", re.IGNORECASE)
# what is compared rather than who: 'the performance of PRMs' loses as 'PRMs'
_GENERIC = frozenset(content_stems("performance results accuracy scores"))


def _unnamed_losers(sentence: str) -> list[set[str]]:
    """The loser stems of each comparison of the sentence whose winner is a pronoun or elided."""
    marked = _PRONOUN.sub(_MARK, sentence)
    marked = _ELIDED.sub(lambda m: m.group(1) + _MARK + " ", marked)
    if marked == sentence:
        return []
    out = []
    for winner, loser in comparison_sides(marked):
        if _MARK_STEM in winner and (core := loser - _GENERIC):
            out.append(core)
    return out


def unnamed_winner_reversed(claim: str, sentence: str, abstract: str) -> bool:
    """The claim's winner is what the sentence's unnamed subject beats, and its loser is that subject."""
    losers = _unnamed_losers(sentence)
    if not losers:
        return False
    named = set(content_stems(abstract))
    for wc, lc in comparison_sides(claim):
        for le in losers:
            if len(le & wc) / len(le) >= 0.5 and not lc & le and lc and len(lc & named) / len(lc) >= 0.75:
                return True
    return False
