"""A claim that needs more of something the paper does without: 'can only close the gap after additional weight
updates' against 'recovers up to 91% of the gap without any weight updates'.

Why: `requires.requirement_denied` reads a requirement only from its verbs ('requires', 'needs'); a claim that
puts the extra step in a condition ('only after', 'only with', 'through additional') carries the same
requirement without the verb, and the negation reader sees 'without' on one side only as a weak signal.
"""

from __future__ import annotations

import re

from reviewer.checker.requires import _done_without
from reviewer.textutil import content_stems

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
