"""Two words that change clauses: the claim keeps a contrast's two clauses but puts each word in the other one.

'The reported RL breakthroughs come mostly from Llama models, while Qwen2.5 fails to show similar gains' against
'these breakthroughs are mostly reported on the Qwen2.5 model family ..., while failing to achieve similar gains on
other models like Llama'; 'less than 50% accuracy in identifying clear-cut situations, while they perform better in
scenarios where the decision should be ambivalent' against the sentence with 'ambivalent' and 'clear-cut' the other
way round. The readers of `crossed.py` compare the words just before and after each word, which a passive or a
moved subject reorders ('Qwen2.5 fails to show' / 'failing ... on Llama'); here each clause of the claim is matched
to the clause of the sentence that shares most of its other words, and a pair of words is exchanged when each
sits, in the claim, in the clause matched to the one the sentence puts the other word in. A claim that moves a
whole clause (its words with it) to the other side of 'while' says the same thing and is not read as exchanged.
"""

from __future__ import annotations

import re

from reviewer.checker.wording import canonical
from reviewer.textutil import content_stems

# a contrast between two clauses: 'A does X, while B does Y', 'A does X; B does Y', 'A ..., whereas B ...'
_SPLIT = re.compile(r"\s*(?:;|,?\s+\b(?:while|whereas|but|yet)\b)\s+", re.IGNORECASE)
_MOVED = 4  # at most this many words change clauses
_MARGIN = 2  # the claim's clauses must match the sentence's straight by this many shared words more than crossed


def _clauses(text: str) -> list[set[str]]:
    parts = [set(canonical(content_stems(p))) for p in _SPLIT.split(text)]  # one word per meaning (`wording.py`)
    return [p for p in parts if p]


def clause_words_exchanged(claim: str, sentence: str) -> tuple[str, str] | None:
    """(a, b), two stems the claim places each in the clause matched to the other's clause of the sentence."""
    cl, sl = _clauses(claim), _clauses(sentence)
    if len(cl) != 2 or len(sl) != 2:
        return None
    return _exchanged(cl, sl) or _exchanged(cl, sl[::-1])  # the claim may give the clauses in the other order


def _exchanged(cl: list[set[str]], sl: list[set[str]]) -> tuple[str, str] | None:
    once = [w for w in (cl[0] | cl[1]) & (sl[0] | sl[1])
            if (w in cl[0]) != (w in cl[1]) and (w in sl[0]) != (w in sl[1])]
    moved = sorted(w for w in once if (w in cl[0]) != (w in sl[0]))  # against the straight matching (0-0, 1-1)
    if len(moved) > _MOVED:
        return None  # many words moved: another sentence in other words, not two words exchanged
    for a in moved:
        for b in moved:
            if a >= b or (a in cl[0]) == (b in cl[0]):
                continue  # the two words must leave opposite clauses
            skip = {a, b}
            straight = len((cl[0] & sl[0]) - skip) + len((cl[1] & sl[1]) - skip)
            crossed = len((cl[0] & sl[1]) - skip) + len((cl[1] & sl[0]) - skip)
            if straight >= crossed + _MARGIN and min(len((cl[0] & sl[0]) - skip), len((cl[1] & sl[1]) - skip)) >= 2:
                return a, b
    return None
