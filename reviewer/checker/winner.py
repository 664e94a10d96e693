"""Whether two texts that compare the same sides in the same order agree on the winner: only when a word ranks them.

`families.comparison_agrees` reads the two sides of each comparison and calls the texts agreeing when the same
side leads in both; the direction readers then leave their words alone ('B is worse than A' for 'A outperforms
B'). In 'A lowers X compared with the baselines' against 'A improves X compared to baselines' no word ranks the
sides: the effect words ('lowers', 'improves') say who wins, so the sides in the same order agree on nothing and
the effect readers must still read the two texts.
"""

from __future__ import annotations

import re

from reviewer.checker.families import comparison_agrees

# words that name the winner themselves; without one ('A improves X compared with B') the effect words do
_RANKING = re.compile(r"\b(?:than|outperform\w*|underperform\w*|surpass\w*|beats?|beaten|better|worse|superior\w*|"
                      r"inferior\w*|advantages?|edge over|over)\b", re.IGNORECASE)


def effect_compared_alike(claim: str, sentence: str) -> bool:
    """`comparison_agrees` where a word of either text ranks the two sides: in 'A lowers X compared with the
    baselines' against 'A improves X compared to baselines' only the effect words say who wins, so the same two
    sides in the same order agree on nothing."""
    return comparison_agrees(claim, sentence) and bool(_RANKING.search(claim) or _RANKING.search(sentence))

