"""What a "what / which" question asks for when it asks for a thing, not for how well something did.

"What in a user's next message can serve as a reward?" is answered by naming that thing ("the user's follow-up
utterances as feedback signals"); a result sentence that reports better scores ("we conduct experiments ... and
demonstrate improved reward function accuracy") answers "how well", a question nobody asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.ask.lead import Scored, bare_introduction, connective_opener, leans_on_previous, poses_question
from reviewer.roles import Role

# A what/which question that names no measure or outcome: it asks for a thing (a signal, a component, a trait).
_WHAT_THING = re.compile(r"^(?:what|which)\b(?![^?]*\b(?:how (?:well|much|many)|scores?|accuracy|perform\w*|results?|"
                         r"find|found|show\w*|gains?|improve\w*|reach\w*|achiev\w*|better|best|most|least|worse|worst)\b)",
                         re.IGNORECASE)
# Talk of outcomes: what a result sentence reports when it says how well, not what.
_GAINS = re.compile(r"(?<!to )\b(?:improv\w*|outperform\w*|achiev\w*|surpass\w*|state-of-the-art|superior|gains?|"
                    r"boost\w*|enhanc\w*)\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def asks_thing(question: str) -> bool:
    """'What can serve as X?', 'Which signal tells Y?': asks for a thing, not for a measured outcome."""
    return bool(_WHAT_THING.match(" ".join(question.split())))


def reports_gains(text: str, role: Role) -> bool:
    """A result sentence whose point is an outcome ('demonstrate improved accuracy', 'outperforms')."""
    return role == Role.RESULT and bool(_GAINS.search(text))


# A lead that says how well, not what: it reports gains or beats other methods.
_BEATS = re.compile(r"\b(?:outperform\w*|surpass\w*|state-of-the-art)\b", re.IGNORECASE)
# Within the lead's abstract, how close (in score) the method sentence must be to take the lead.
THING_SHARE = 0.5
THING_REACH = 10


def thing_first(out: list[Scored]) -> list[Scored]:
    """A question asking for a thing ("What quantity does X use to ...?") led by a result that says how well X did
    ("X consistently outperforms Y") yields to the best method sentence of the same abstract among the next
    THING_REACH candidates, scoring at least THING_SHARE of the lead: the method is where the thing is named."""
    if not out:
        return out
    lead = out[0]
    if not (reports_gains(lead.ev.text, lead.role) or _BEATS.search(lead.ev.text)):
        return out
    for i, x in enumerate(out[1:THING_REACH], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.role == Role.METHOD and x.score >= THING_SHARE * lead.score
                and not _BEATS.search(t) and not connective_opener(t) and not leans_on_previous(t, x.antecedent)
                and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out


# How close (in score) a sentence of the same abstract must be to a bare introduction to take the lead from it, and
# how far down the candidates it may sit.
PAST_INTRO_SHARE = 0.9
PAST_INTRO_REACH = 4


def past_introduction(out: list[Scored]) -> list[Scored]:
    """A what / yes-no question about a named work led by the sentence that only introduces it ("The authors propose
    meta probing agents (MPA), a general dynamic evaluation protocol ...") yields to a nearly as close sentence of the
    same abstract that says something about it ("Their multifaceted analysis demonstrated the strong correlation
    ..."): the question already knows what the work is. Not to another introduction, a report of gains, a reported
    earlier work, or a sentence that cannot stand alone."""
    if not out or not bare_introduction(out[0].ev.text):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:PAST_INTRO_REACH], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.score >= PAST_INTRO_SHARE * lead.score
                and not bare_introduction(t) and not reports_gains(t, x.role) and not x.reported
                and not connective_opener(t) and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out
