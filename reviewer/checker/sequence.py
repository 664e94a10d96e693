"""Steps put in the wrong order: 'first X, then Y' where the abstract does Y first.

Why: two-stage methods are described with ordinal and sequence words ('In the first stage ... In the second
stage', '(1) SFT ..., followed by (2) RL', 'first ..., then ...'), and a claim that exchanges the stages keeps
every word of the abstract, so overlap and the swap readers see a faithful claim. Here the claim and the abstract
are cut into steps at those words (a closed class: ordinals, 'then', 'next', 'followed by', 'subsequently',
'finally'), each step is the content words up to the next cue, and the claim's two steps are matched to the
abstract's. When the assignment that puts the claim's later step at the abstract's earlier step fits clearly
better than any assignment in the claim's order, the order is reversed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from reviewer.checker.degrees import expand_acronyms
from reviewer.textutil import content_stems

_ORDINAL = {"first": 1, "firstly": 1, "second": 2, "secondly": 2, "third": 3, "thirdly": 3}
_STAGED = re.compile(r"\b(?:stage|stages|phase|phases|step|steps|two-stage|two-phase|multi-stage|pipeline)\b", re.IGNORECASE)
_CUE = re.compile(
    r"(?<![\w\-])(?:(?P<ord>first|firstly|second|secondly|third|thirdly)(?![\w\-])"
    r"|\((?P<num>[1-3])\)"
    r"|(?P<next>then|next|subsequently|afterwards|finally|followed\s+by)(?![\w\-]))",
    re.IGNORECASE,
)
_MARGIN = 0.4
_MIN_SHARE = 0.5


def steps(text: str) -> list[tuple[int, frozenset[str]]]:
    """(rank, content stems) of each step the text orders; [] when it orders fewer than two."""
    staged = bool(_STAGED.search(text))
    out: list[tuple[int, frozenset[str]]] = []
    cues = [m for m in _CUE.finditer(text) if not m.group("num") or staged]
    rank = 0
    for m, nxt in pairwise([*cues, None]):
        if m.group("ord"):
            rank = _ORDINAL[m.group("ord").lower()]
        elif m.group("num"):
            rank = int(m.group("num"))
        else:
            rank += 1
        body = text[m.end() : nxt.start() if nxt is not None else len(text)]
        words = frozenset(content_stems(body)) - {"stage", "phase", "step"}
        if words:
            out.append((rank, words))
    return out if len({r for r, _ in out}) >= 2 else []


@lru_cache(maxsize=512)
def _abstract_steps(abstract: str, claim: str) -> tuple[tuple[int, frozenset[str]], ...]:
    return tuple(steps(expand_acronyms(abstract, claim)))


def _share(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x) if x else 0.0


def order_reversed(claim: str, abstract: str) -> bool:
    """The claim orders two steps one way and the abstract the other."""
    mine = steps(expand_acronyms(claim, abstract))
    if not mine:
        return False
    theirs = _abstract_steps(abstract, claim)
    if len({r for r, _ in theirs}) < 2:
        return False
    for (r1, a), (r2, b) in pairwise(mine):
        if r1 >= r2:
            continue
        a, b = a - b, b - a  # what tells the two steps apart
        if not a or not b:
            continue
        kept = reversed_fit = 0.0
        for ri, x in theirs:
            for rj, y in theirs:
                if ri == rj:
                    continue
                fa, fb = _share(a, x), _share(b, y)
                if ri < rj:
                    kept = max(kept, fa + fb)
                elif min(fa, fb) >= _MIN_SHARE:
                    reversed_fit = max(reversed_fit, fa + fb)
        if reversed_fit and reversed_fit >= kept + _MARGIN:
            return True
    return False
