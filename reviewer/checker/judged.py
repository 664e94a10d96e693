"""The best-aligned asserted sentence reverses a supported claim in other words: the last reading of `offline.py`.

Moved out of `offline.py` (c25) when the scope reading joined the judgement and restriction readings: each fires
only on a claim the combiner and the guards call SUPPORTED, on the one sentence the claim aligns with best.
"""

from __future__ import annotations

from reviewer.checker.causal import cause_reversed
from reviewer.checker.exclusive import exclusive_overreach
from reviewer.checker.features import Analysis
from reviewer.checker.flips import asserts_own
from reviewer.checker.misbound import misbound
from reviewer.checker.scoped import scope_widened
from reviewer.checker.siblings import siblings_exchanged
from reviewer.checker.transition import transition_reversed
from reviewer.checker.valence import valence_clash
from reviewer.models import EvidenceSentence


def judged_otherwise(claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> str:
    """Why the best-aligned asserted sentence reverses the claim in other words, or '': it judges the shared thing the
    other way (`valence.py`), or states as one of several what the claim says holds alone (`exclusive.py`)."""
    i = analysis.order[0] if analysis.order else -1
    if i < 0 or not asserts_own(items[i].text):
        return ""
    where = f"sentence {items[i].index} of {items[i].key}"
    if found := valence_clash(claim, items[i].text):
        return f"rule: the claim judges {found[0]!r} the other way from {where} ({found[1]!r})"
    if only := exclusive_overreach(claim, items[i].text):  # `exclusive.py`
        return f"rule: the claim restricts ({only!r}) what {where} states among other things"
    if wide := scope_widened(claim, items[i].text):  # `scoped.py`
        return f"rule: the claim says {wide!r} where {where} counts only some of them"
    if cause_reversed(claim, items[i].text):  # `causal.py`
        return f"rule: the claim gives as the cause what {where} gives as the effect"
    if transition_reversed(claim, items[i].text):  # `transition.py`
        return f"rule: the claim tells the change of {where} the other way round (from its end to its start)"
    if heads := misbound(claim, items[i].text):  # `misbound.py`
        return f"rule: the claim says of one part's head what {where} says of another ({heads!r})"
    asserted = [x.text for x in items if asserts_own(x.text)]
    if pair := siblings_exchanged(claim, asserted):  # `siblings.py`
        return f"rule: the claim says of {pair[0]!r} what the abstract says of {pair[1]!r}, and the other way round"
    return ""
