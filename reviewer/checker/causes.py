"""A cause the paper rules out: 'traces the misalignment to an inability to perceive harm' against 'this
misalignment does not stem from an inability to perceive harm, ..., but from flawed prioritization'.

The polarity readers see a denial in the sentence and none in the claim only when the two share a verb; an
attribution is worded many ways ('stems from', 'is due to', 'is caused by', 'traces X to', 'attributes X to'),
so the claim that names the denied cause as the cause reads as a paraphrase. Read here: the sentence denies a
source ('does not stem from A', 'is not due to A', 'not because of A'), the claim attributes to A (every
content word of A found in the claim's cause), and the claim denies nothing of its own before the attribution.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_DENIED = re.compile(r"\b(?:(?:does|do|did|does\s+n[o']t|can)\s*(?:not|n't)?\s*(?:stem|come|arise|result|originate)s?\s+"
                     r"from|(?:is|are|was|were)\s+not\s+(?:(?:primarily|mainly|solely|simply|just)\s+)?(?:due\s+to|"
                     r"caused\s+by|driven\s+by|explained\s+by|the\s+result\s+of)|not\s+(?:simply\s+|merely\s+)?"
                     r"(?:because\s+of|due\s+to))\s+", re.IGNORECASE)
_CAUSE = re.compile(r"\b(?:(?:stem|come|arise|result|originate)s?\s+from|(?:due|owing)\s+to|(?:caused|driven|"
                    r"explained)\s+by|because\s+of|(?:trace|attribute|ascribe)[sd]?\b[^.;]{0,80}?\bto)\s+",
                    re.IGNORECASE)
# a cause ends at a clause break or where the next alternative begins
_OBJECT = re.compile(r"(?:(?!\b(?:but|rather|instead|not|while|whereas|as)\b)[^,;.()])+", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|no|n't|rather\s+than|instead\s+of)\b[^,;.]*$", re.IGNORECASE)


def _objects(pattern: re.Pattern[str], text: str, denied_before: bool = False) -> list[set[str]]:
    """The content stems of each cause `pattern` introduces in `text`; `denied_before`: skip a cause the text
    itself denies ('does not stem from', 'rather than to')."""
    out = []
    for m in pattern.finditer(text):
        if denied_before and (_NEGATED.search(text[max(0, m.start() - 60) : m.start()]) or
                              _NEGATED.search(m.group(0))):
            continue
        if (obj := _OBJECT.match(text, m.end())) and (stems := set(content_stems(obj.group(0)))):
            out.append(stems)
    return out


def cause_denied(claim: str, sentence: str) -> str:
    """The cause the claim gives where the sentence says the thing does not come from it; '' when none."""
    denied = _objects(_DENIED, sentence)
    if not denied:
        return ""
    for cause in _objects(_CAUSE, claim, denied_before=True):
        for ruled_out in denied:
            if ruled_out <= cause or (len(cause) >= 2 and cause <= ruled_out):
                return " ".join(sorted(ruled_out))
    return ""
