"""A trade-off where the paper reports a joint gain: 'shortens chains at the cost of lower accuracy' against
'... a substantial reduction in sequence length while simultaneously improving accuracy'.

The direction readers compare a claim's verb with the sentence's verb on one object; a cost clause ('at the
cost of', 'at the expense of', 'by sacrificing') moves its object without a verb, so the swap from 'improves
both X and Y' / 'without sacrificing Y' to 'X at the cost of Y' reads as a faithful restatement. Read here, in
both directions: the claim pays with Y where the sentence keeps or gains Y (or the reverse), with Y's content
words all found right after the sentence's own marker, and the sentence not itself naming a cost.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

# the claim (or sentence) pays with what follows: 'at the cost of lower accuracy', 'by sacrificing diversity'
_COST = re.compile(r"\b(?:at\s+the\s+(?:cost|expense|price)\s+of|(?:while|by)\s+(?:sacrificing|compromising|"
                   r"hurting|degrading|losing|reducing|lowering)|in\s+exchange\s+for)\s+", re.IGNORECASE)
# what is kept or gained alongside: 'without sacrificing accuracy', 'while simultaneously improving accuracy'
_KEEP = re.compile(r"\b(?:without\s+(?:any\s+)?(?:sacrificing|compromising|hurting|degrading|losing|harming|"
                   r"(?:a\s+)?(?:loss|drop|degradation|decline|sacrifice)\s+(?:of|in))|(?:while|and)\s+(?:also\s+|"
                   r"simultaneously\s+|even\s+|further\s+)?(?:improving|increasing|boosting|raising|enhancing|"
                   r"preserving|maintaining|retaining|keeping)|improv\w*\s+both\s+([\w\- ]{1,60}?)\s+and)\s+",
                   re.IGNORECASE)
# the object of a cost or a gain ends at a clause break
_OBJECT = re.compile(r"[^,;.()]{1,60}")
# degree words inside the object carry the cost, not its topic
_DEGREE = frozenset({"lower", "reduc", "wors", "less", "decreas", "degrad", "poorer", "poor", "lost", "some", "overal",
                     "higher", "better", "more", "absolut", "substanti", "signific", "slight", "minor", "much"})


def _objects(pattern: re.Pattern[str], text: str) -> list[set[str]]:
    """The content stems of what follows each match of `pattern` in `text`, up to a clause break."""
    out = []
    for m in pattern.finditer(text):
        if obj := _OBJECT.match(text, m.end()):
            for part in (obj.group(0), *(g for g in m.groups() if g)):  # 'both X and Y' keeps X too
                if stems := {s for s in content_stems(part) if s not in _DEGREE}:
                    out.append(stems)
    return out


def tradeoff_reversed(claim: str, sentence: str) -> str:
    """The thing the claim pays with where the sentence keeps or gains it (or the reverse); '' when none."""
    for paid_in, kept_in in ((claim, sentence), (sentence, claim)):
        if _objects(_COST, kept_in):
            continue  # the other side names a cost of its own: read by the other readers
        kept = _objects(_KEEP, kept_in)
        for paid in _objects(_COST, paid_in):
            head = _head(paid, paid_in)
            if any(head in k and paid <= set(content_stems(kept_in)) for k in kept):
                return head
    return ""


def _head(stems: set[str], text: str) -> str:
    """The last of `stems` in the order `text` names them: the head noun of 'lower reasoning efficiency'."""
    order = [s for s in content_stems(text) if s in stems]
    return order[-1] if order else min(stems)


def tradeoff_across(claim: str, sentences: list[str]) -> str:
    """`tradeoff_reversed` against any sentence of the abstract that also shares another content word with the
    claim: a claim that renames its gain ('shortens chains' for 'a reduction in sequence length') still names
    its cost in the paper's words, so the sentence may not be among the best aligned."""
    mine = set(content_stems(claim))
    for sentence in sentences:
        if (paid := tradeoff_reversed(claim, sentence)) and (mine - {paid}) & set(content_stems(sentence)):
            return paid
    return ""
