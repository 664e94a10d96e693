"""The appendix's reason for a paper under the relevance floor never reads as a contradiction.

Rounding the score and the floor separately can print '0.61 is below the floor 0.61' (a score of 0.612 under a
floor of 0.6149), which a reader takes for a bug; the printed score must read below the printed floor.
"""

from __future__ import annotations

import re

from reviewer.survey.leftout import below_floor


def test_a_score_under_the_floor_always_prints_below_it() -> None:
    floors = [0.6, 0.6049, 0.605, 0.6149, 0.61, 0.6151, 0.4637]
    for floor in floors:
        for step in (1e-4, 3e-4, 1e-3, 4e-3, 9e-3, 0.02, 0.1):
            rel = floor - step
            reason = below_floor(rel, floor, None, None)
            shown, bar = re.fullmatch(r"topic relevance (\S+) is below the floor (\S+) for on-topic papers",
                                      reason).groups()  # type: ignore[union-attr]
            assert float(shown) < float(bar), reason
            assert abs(float(shown) - rel) <= 0.0051 and abs(float(bar) - floor) <= 0.0051, reason


def test_two_decimals_when_they_suffice() -> None:
    assert below_floor(0.5, 0.61, None, None).startswith("topic relevance 0.50 is below the floor 0.61")
