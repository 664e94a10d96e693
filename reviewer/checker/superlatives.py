"""Who holds a ranking: 'A achieved the highest score' against a claim that B did, or that A came last.

A ranking is a comparison with one side left implicit, so the comparison rules (families.py) never see
it. Each side names its holder (the named words of the clause before the verb) and its class (top:
highest/best/first, bottom: lowest/worst/last). The claim contradicts a sentence that gives its holder the
opposite class, or gives its class to another named holder while the claim's holder is named elsewhere in
the evidence (so the claim moved the ranking, rather than speaking of something the evidence lacks).
"""

from __future__ import annotations

import re

_SUP = re.compile(
    r"\b(?:achiev\w*|record\w*|obtain\w*|attain\w*|reach\w*|get|gets|got|post\w*|ha[sd]|is|was|rank\w*|came|comes|"
    r"scor\w*|deliver\w*|yield\w*)\s+(?:the\s+)?(?P<sup>highest|best|top|lowest|worst|first|last)\b",
    re.IGNORECASE,
)
_TOP = {"highest", "best", "top", "first"}
_CLAUSE = re.compile(r"[,;:]|\b(?:that|while|whereas|and|but|which)\b", re.IGNORECASE)
_NOT_NAMES = {"the", "in", "our", "we", "a", "an", "this", "these", "its", "their", "on", "among"}


def rankings(text: str) -> list[tuple[frozenset[str], bool]]:
    """(named words of the holder, holds the top?) for each 'X achieved the highest/lowest ...' in the text."""
    out = []
    for m in _SUP.finditer(text):
        clause = _CLAUSE.split(text[max(0, m.start() - 120) : m.start()])[-1]
        names = frozenset(
            w.lower().removesuffix("'s")
            for w in re.findall(r"[\w.\-']+", clause)
            if any(ch.isupper() or ch.isdigit() for ch in w) and w.lower() not in _NOT_NAMES
        )
        if names:
            out.append((names, m.group("sup").lower() in _TOP))
    return out


def ranking_conflict(claim: str, sentence: str, evidence_text: str) -> bool:
    """The claim gives a ranking to the wrong holder, or the opposite ranking to the right one."""
    lowered = evidence_text.lower()
    for holder, top in rankings(claim):
        for other, other_top in rankings(sentence):
            if holder & other and top != other_top:
                return True
            if not holder & other and top == other_top and all(w in lowered for w in holder):
                return True
    return False
