"""The loser of a comparison read past where a plain noun phrase would end.

'Our results ... surpass methods relying on predefined models, full scene descriptions, or standalone trained
models': `families.comparison_sides` ends the loser at the first preposition or comma, so it kept 'methods
relying' and a claim naming 'methods relying on full scene descriptions' as the winner shared one word with it,
too few to read the reversal. A preposition right after a participle ('relying on', 'trained on', 'based on')
opens the participle's complement, which still names the loser; a list of three or more short items after it
('A, B, or C') names more losers.
"""

from __future__ import annotations

import re

_PREP = re.compile(r"^\s(?:on|in|from|by|for|within|under|at|across)\s", re.IGNORECASE)
# past participles ("trained on", "aligned on", "based on") and the few -ing verbs that take a complement: a noun in
# -ing ("greedy decoding in reasoning performance", "learning", "training") ends the loser, its setting follows
_PARTICIPLE = re.compile(r"^(?:[a-z]+ed|based|built|relying|depending|drawing|building|operating)$", re.IGNORECASE)
_LIST = re.compile(r"^,\s*((?:[^,;.()]+,\s*)+)(?:or|and)\s+([^,;.()]+)")
_MAX_ITEM = 5  # an item longer than this is a clause ('..., and C improves the baseline'), not a listed loser


def widened(rest: str, stop: re.Match[str] | None, loser: str, stops: re.Pattern[str]) -> str:
    """`loser` (the text of `rest` before `stop`) with a participle's complement and a following list added."""
    if stop is None:
        return loser
    tail = rest[stop.start():]
    last = loser.split()[-1:]
    if len(loser.split()) >= 2 and last and _PARTICIPLE.match(last[0]) and _PREP.match(tail):
        nxt = stops.search(rest, stop.end())
        loser = rest[: nxt.start()] if nxt else rest
        tail = rest[len(loser):]
    if (m := _LIST.match(tail)) is not None:
        items = [*(i for i in m.group(1).split(",") if i.strip()), m.group(2)]
        if all(len(i.split()) <= _MAX_ITEM for i in items):
            loser = " ".join([loser, *items])
    return loser
