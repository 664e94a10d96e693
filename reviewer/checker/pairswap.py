"""Two readers of ordered pairs in a text -- (cause, effect) in causal.py, (start, end) in transition.py -- ask the
same question: does the claim put the sentence's pair the other way round?"""

from __future__ import annotations

Pair = tuple[set[str], set[str]]


def _share(x: set[str], y: set[str]) -> float:
    return len(x & y) / len(x) if x else 0.0


def pairs_reversed(mine: list[Pair], theirs: list[Pair], margin: float) -> bool:
    """A claim pair's first side holds the sentence pair's second side's words and its second side the first's,
    by `margin` more than the straight reading, and no claim pair restates a sentence pair the straight way."""
    if not theirs:
        return False
    if any(_share(a, sa) > 0 and _share(b, sb) > 0 and _share(a, sa) + _share(b, sb) >= _share(a, sb) + _share(b, sa)
           for a, b in mine for sa, sb in theirs):
        return False
    return any(_share(a, sb) > 0 and _share(b, sa) > 0 and
               _share(a, sb) + _share(b, sa) >= _share(a, sa) + _share(b, sb) + margin
               for a, b in mine for sa, sb in theirs)
