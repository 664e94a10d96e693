"""A claim that needs more of something the paper does without: 'can only close the gap after additional weight
updates' against 'recovers up to 91% of the gap without any weight updates'; and a claim that does what the paper
does without: 'QAlign modifies the underlying model' against '... without modifying the underlying model'.

Why: `requires.requirement_denied` reads a requirement only from its verbs ('requires', 'needs'); a claim that
puts the extra step in a condition ('only after', 'only with', 'through additional') carries the same
requirement without the verb, and the negation reader sees 'without' on one side only as a weak signal.
"""

from __future__ import annotations

import re

from reviewer.checker.requires import _done_without
from reviewer.textutil import content_stems, words

_MORE = re.compile(r"\b(?:only\s+(?:after|with|through|by|via|when\s+given)\s+(?:(?:additional|further|extra|more)\s+)?"
                   r"|(?:after|with|through|via|given)\s+(?:additional|further|extra|more)\s+)(?P<x>[^,;.]{2,60})",
                   re.IGNORECASE)


def extra_denied(claim: str, sentence: str) -> str:
    """The first words of what the claim makes a condition ('only after additional X') when the sentence does
    without X ('without any X'); '' otherwise."""
    denied = _done_without(sentence)
    for m in _MORE.finditer(claim):
        wanted = content_stems(m.group("x"))[:2]
        if len(wanted) == 2 and set(wanted) <= denied or len(wanted) == 1 and wanted[0] in denied and len(wanted[0]) > 5:
            return " ".join(wanted)
    return ""


# 'without (even) modifying the underlying model', 'without retraining the policy'
_WITHOUT_ACT = re.compile(r"\bwithout\s+(?:(?:even|ever|any)\s+)?(?P<act>\w+ing\s+(?:[\w\-']+\s+){0,3}[\w\-']+)",
                          re.IGNORECASE)
_DENIAL = frozenset("not no never without cannot nor neither free avoid avoids avoiding".split())


def act_done_without(claim: str, sentence: str) -> str:
    """The act the sentence does without ('without modifying the underlying model') that the claim asserts
    outright (its verb and at least one of its object's words, no denial in the claim); '' otherwise."""
    if any(w.lower() in _DENIAL or w.lower().endswith("n't") for w in words(claim)):
        return ""
    have = set(content_stems(claim))
    for m in _WITHOUT_ACT.finditer(sentence):
        act = content_stems(m.group("act"))
        if len(act) >= 2 and act[0] in have and len(set(act[1:3]) & have) >= 1 and len(set(act[:3]) & have) >= 2:
            return " ".join(act[:3])
    return ""
