"""A cause and its effect exchanged: 'performative CoTs stem from the gap' where the abstract says 'the gap stems
from performative CoTs'.

A reversed causal claim keeps every word of the sentence and the same causal verb family, so overlap, the direction
families and the comparison readers all see a restatement. Here each causal link of a text is read as (cause,
effect) whatever its wording: 'X causes / leads to / results in / drives / triggers Y', 'Y stems from / results
from / arises from / is caused by / is due to X', 'Y ... due to / because of X', 'Because X, Y'. The claim reverses
the sentence when its cause holds the sentence's effect words and its effect the sentence's cause words, clearly
more than the straight reading (the margin of the comparison reader, `families.comparison_order_reversed`), and
no link of the claim restates one of the sentence's the straight way. Read only on the best-aligned asserted
sentence of a claim the combiner supports (`judged.judged_otherwise`).
"""

from __future__ import annotations

import re

from reviewer.checker.pairswap import pairs_reversed
from reviewer.textutil import content_stems

_FORWARD = re.compile(r"\b(?:causes?|caused|causing|leads?\s+to|led\s+to|leading\s+to|results?\s+in|resulted\s+in|"
                      r"resulting\s+in|drives?|drove|driving|induces?|induced|triggers?|triggered|gives?\s+rise\s+to|"
                      r"gave\s+rise\s+to)\s+", re.IGNORECASE)
_BACKWARD = re.compile(r"\b(?:(?:stems?|stemmed|stemming|results?|resulted|arises?|arose|arising|originates?|comes?|"
                       r"came)\s+(?:\w+ly\s+)?from|(?:is|are|was|were|be|being)\s+(?:\w+ly\s+)?(?:caused|driven|"
                       r"induced|triggered)\s+by|(?:due|owing)\s+to|because\s+of|because)\s+", re.IGNORECASE)
_FRONTED = re.compile(r"(?:^|[;:]\s*)(?:because|since|due to|owing to|as a result of)\s+(?P<cause>[^,;]{3,160}),\s*"
                      r"(?P<effect>[^;]+)", re.IGNORECASE)
_BEFORE = re.compile(r"[,;:()]|\b(?:that|which|when|while|whereas|where|if|although|but)\b", re.IGNORECASE)
_AFTER = re.compile(r"[,;:()]|\.(?:\s|$)|\b(?:which|while|whereas|where|but|and\s+thus|thereby)\b", re.IGNORECASE)
_MARGIN = 0.5


def _side(text: str) -> set[str]:
    return set(content_stems(text))


def causal_links(text: str) -> list[tuple[set[str], set[str]]]:
    """(cause stems, effect stems) of each causal link in the text."""
    out: list[tuple[set[str], set[str]]] = []
    for m in _FRONTED.finditer(text):
        out.append((_side(m.group("cause")), _side(_AFTER.split(m.group("effect"))[0])))
    fronted = [m.span() for m in _FRONTED.finditer(text)]
    for pattern, forward in ((_FORWARD, True), (_BACKWARD, False)):
        for m in pattern.finditer(text):
            if any(a <= m.start() < a + 16 for a, _ in fronted):
                continue  # the fronted 'Because X, Y' read above
            before = _BEFORE.split(text[: m.start()])[-1]
            after = _AFTER.split(text[m.end():])[0]
            first, second = _side(before), _side(after)
            out.append((first, second) if forward else (second, first))
    return [(c - e, e - c) for c, e in out if c - e and e - c]


def cause_reversed(claim: str, sentence: str) -> bool:
    """The claim's cause is the sentence's effect and its effect the sentence's cause."""
    theirs = causal_links(sentence)
    return bool(theirs) and pairs_reversed(causal_links(claim), theirs, _MARGIN)
