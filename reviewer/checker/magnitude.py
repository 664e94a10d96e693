"""The size of an effect reversed: 'stripping the thought descriptions sharply degrades SRM efficacy' against 'the
removal of natural language descriptions ... has minimal impact on the efficacy of SRMs'; 'barely affects
persuasive language' against 'change the persuasive language ... substantially'.

Why: the direction readers compare which way a thing moves, and both sentences may move it the same way (or one
not at all in words the readers know), so a large effect said of a small one reads as agreement. Here a degree
word of size ('sharply', 'substantially' / 'minimal', 'barely') is read with the content words around it, and a
claim that gives the other size to the same thing, where the sentence gives that thing no word of the claim's
size, contradicts it.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_LARGE = frozenset("sharply significantly substantially drastically dramatically greatly severely markedly "
                   "considerably strongly heavily substantial significant drastic dramatic severe marked "
                   "considerable large huge major".split())
_SMALL = frozenset("minimal negligible barely hardly scarcely marginal marginally slight slightly little "
                   "minor modest".split())
_WORD = re.compile(r"[A-Za-z][\w\-']*")
WINDOW = 5
# words too general to say what changes
_GENERIC = frozenset({"impact", "effect", "influenc", "chang", "affect", "perform", "result", "improv", "gain",
                      "even", "onli", "also", "still", "model", "method"})


def _sized(text: str) -> list[tuple[str, frozenset[str]]]:
    """('large' | 'small', content stems within WINDOW words of the degree word) for each degree word."""
    toks = _WORD.findall(text)
    out = []
    for k, t in enumerate(toks):
        low = t.lower()
        if low in _LARGE or low in _SMALL:
            if low == "little" and k + 1 < len(toks) and toks[k + 1].lower() in ("to", "is", "are"):
                continue
            around = " ".join(toks[max(0, k - WINDOW) : k] + toks[k + 1 : k + 1 + WINDOW])
            out.append(("large" if low in _LARGE else "small", frozenset(content_stems(around)) - _GENERIC))
    return out


def size_reversed(claim: str, sentence: str) -> str:
    """A stem of the thing the claim gives one size of effect and the sentence the other; '' otherwise."""
    theirs = _sized(sentence)
    for size, near in _sized(claim):
        other = [n for s, n in theirs if s != size and n & near]
        same = [n for s, n in theirs if s == size and n & near]
        if other and not same:
            return sorted(other[0] & near)[0]
    return ""
