"""A parity the evidence states, read by the claim as the other side winning: a reversed comparison.

'FLR matches the performance of strong reward models trained on large-scale ... annotated data' against 'strong
reward models trained on large-scale annotated data clearly outperform FLR': the sentence's subject is at least
level with the thing it matches, so a claim that makes that thing win (or the subject lose) says the comparison
the other way. The comparison readers take only 'better / worse' cues; 'matches', 'rivals', 'is on par with',
'performs comparably to', 'achieves comparable performance to' are read here. The sides are the clause before
the cue and the words after it up to the clause end (past prepositional phrases: 'trained on large-scale data').
"""

from __future__ import annotations

import re

from reviewer.checker.families import _WINNER_START, _share, comparison_sides
from reviewer.textutil import content_stems

_PARITY = re.compile(r"\b(?:match(?:es|ed)?|rival(?:s|ed)?|(?:is|are|was|were|remains?)\s+(?:on\s+par|comparable|"
                     r"competitive)\s+(?:with|to)|perform(?:s|ed)?\s+(?:comparably|on\s+par|competitively)\s+(?:with|to)|"
                     r"achiev(?:es|ed|ing)\s+(?:comparable|similar|competitive)\s+performance\s+(?:with|to))\s+"
                     r"(?:or\s+(?:even\s+)?\w+\s+)?(?:the\s+(?:performance|accuracy|results?)\s+of\s+)?", re.IGNORECASE)
_END = re.compile(r"[;.]\s|[;.]$|,\s+(?:while|whereas|but|which|and\s+(?:we|it|they))\b|\s(?:while|whereas|but)\s",
                  re.IGNORECASE)
_CUE = re.compile(r"\b(?:outperform|surpass|beat|exceed|improv|achiev|obtain)\w*", re.IGNORECASE)
_MIN_SHARE = 0.5


def parity_reversed(claim: str, sentence: str) -> bool:
    """The sentence says A matches B; the claim says B beats A."""
    claim_pairs = comparison_sides(claim)
    if not claim_pairs:
        return False
    for m in _PARITY.finditer(sentence):
        # the subject only: 'GenARM significantly outperforms baselines and matches B' -> 'GenARM'
        subject = _CUE.split(_WINNER_START.split(sentence[: m.start()])[-1])[0]
        level = set(content_stems(subject))
        rest = sentence[m.end() :]
        stop = _END.search(rest)
        matched = set(content_stems(rest[: stop.start()] if stop else rest))
        level, matched = level - matched, matched - level
        if not level or not matched:
            continue
        for wc, lc in claim_pairs:
            if _share(wc, matched) >= _MIN_SHARE and _share(lc, level) >= _MIN_SHARE and not _share(wc, level):
                return True
    return False
